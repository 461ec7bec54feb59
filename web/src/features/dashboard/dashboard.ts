// Dashboards (docs/api.md "Dashboards", D1–D3 of performance.md): the period a person picks as the months the API
// takes (`from`, `to` as YYYY-MM), how months, quarters, shares and counts read in Vietnamese, and the order of the
// children's table. Pure functions, so the page stays thin and each rule has a test.
import type { DashboardChild, DashboardFigures, DashboardLevels } from '../../lib/types';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'term' | 'range';

export interface Period {
  from: string; // YYYY-MM
  to: string; // YYYY-MM
}

export const PERIOD_KINDS: PeriodKind[] = ['month', 'quarter', 'year', 'term', 'range'];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  month: 'Tháng',
  quarter: 'Quý',
  year: 'Năm',
  term: 'Nhiệm kỳ',
  range: 'Khoảng tháng',
};

export const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

// What the API accepts (docs/api/openapi.json): months from 01/2000 to 12/2041, at most 120 of them.
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2041;
export const MAX_MONTHS = 120;

// Party terms are five-year cycles (2020–2025, 2025–2030…); as a grading round does, a term's figures cover its
// calendar years whole: "Nhiệm kỳ 2025–2030" is 01/2025 to 12/2030.
export const TERM_YEARS = 5;
const TERM_BASE = 2000;

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

// "2026-03" → a month number counted from year 0 (year × 12 + month − 1); null when it is not a month.
export function monthIndex(month: string): number | null {
  const m = MONTH_RE.exec(month);
  if (!m) return null;
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return null;
  return Number(m[1]) * 12 + mm - 1;
}

export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function monthOf(year: number, month: number): string {
  return monthFromIndex(year * 12 + month - 1);
}

const yearOf = (month: string) => Number(month.slice(0, 4));
const monthNumber = (month: string) => Number(month.slice(5, 7));

// This month in the browser's calendar, YYYY-MM.
export function currentMonth(today: Date = new Date()): string {
  return monthOf(today.getFullYear(), today.getMonth() + 1);
}

// "2026-03" → "03/2026".
export function monthShort(month: string): string {
  return monthIndex(month) === null ? month : `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

// "2026-03" → "tháng 03/2026".
export function monthLabel(month: string): string {
  return monthIndex(month) === null ? month : `tháng ${monthShort(month)}`;
}

// "2026-Q2" → "Quý II/2026".
export function quarterLabel(quarter: string): string {
  const m = QUARTER_RE.exec(quarter);
  return m ? `Quý ${ROMAN_QUARTERS[Number(m[2]) - 1]}/${m[1]}` : quarter;
}

export function quarterOfMonth(month: string): number {
  return Math.floor((monthNumber(month) - 1) / 3) + 1;
}

// The term whose first year is the newest one not after `year` (2025 → 2025–2030, 2029 → 2025–2030).
export function termStart(year: number): number {
  return TERM_BASE + Math.floor((year - TERM_BASE) / TERM_YEARS) * TERM_YEARS;
}

// The terms a picker offers: the one of `year` and the three before it, newest first.
export function recentTerms(year: number): number[] {
  const newest = termStart(year);
  return [0, 1, 2, 3].map((i) => newest - i * TERM_YEARS).filter((y) => y >= FIRST_YEAR);
}

export function monthPeriod(year: number, month: number): Period {
  const m = monthOf(year, month);
  return { from: m, to: m };
}

export function quarterPeriod(year: number, quarter: number): Period {
  return { from: monthOf(year, quarter * 3 - 2), to: monthOf(year, quarter * 3) };
}

export function yearPeriod(year: number): Period {
  return { from: monthOf(year, 1), to: monthOf(year, 12) };
}

export function termPeriod(startYear: number): Period {
  return { from: monthOf(startYear, 1), to: monthOf(startYear + TERM_YEARS, 12) };
}

// The dashboard's period when the address names none: this calendar year.
export function defaultPeriod(today: Date = new Date()): Period {
  return yearPeriod(today.getFullYear());
}

// Whether `period` is a whole period of `kind` (any range of months is a "range").
export function kindFits(kind: PeriodKind, period: Period): boolean {
  const from = monthIndex(period.from);
  const to = monthIndex(period.to);
  if (from === null || to === null || to < from) return false;
  const fromMonth = monthNumber(period.from);
  switch (kind) {
    case 'month':
      return from === to;
    case 'quarter':
      return fromMonth % 3 === 1 && to === from + 2;
    case 'year':
      return fromMonth === 1 && to === from + 11;
    case 'term': {
      const start = yearOf(period.from);
      return fromMonth === 1 && termStart(start) === start && to === from + (TERM_YEARS + 1) * 12 - 1;
    }
    case 'range':
      return true;
  }
}

// The kind a period reads as, the narrowest first: one month, a quarter, a year, a term, else a range.
export function detectKind(period: Period): PeriodKind {
  return PERIOD_KINDS.find((k) => kindFits(k, period)) ?? 'range';
}

// The period after switching the picker to `kind`: the one of that kind holding this month when the current period
// does, else its last month (a range keeps the months as they are).
export function switchKind(kind: PeriodKind, period: Period, today: Date = new Date()): Period {
  if (kind === 'range') return period;
  const now = currentMonth(today);
  const from = monthIndex(period.from);
  const to = monthIndex(period.to);
  const nowIndex = monthIndex(now)!;
  const anchor = from !== null && to !== null && from <= nowIndex && nowIndex <= to ? now : to !== null ? period.to : now;
  const year = yearOf(anchor);
  switch (kind) {
    case 'month':
      return { from: anchor, to: anchor };
    case 'quarter':
      return quarterPeriod(year, quarterOfMonth(anchor));
    case 'year':
      return yearPeriod(year);
    case 'term':
      return termPeriod(termStart(year));
  }
}

// The period `steps` periods of the same kind later (earlier when negative); a range moves by its own length.
export function shiftPeriod(kind: PeriodKind, period: Period, steps: number): Period {
  const from = monthIndex(period.from);
  const to = monthIndex(period.to);
  if (from === null || to === null) return period;
  const length =
    kind === 'month' ? 1 : kind === 'quarter' ? 3 : kind === 'year' ? 12 : kind === 'term' ? TERM_YEARS * 12 : to - from + 1;
  return { from: monthFromIndex(from + steps * length), to: monthFromIndex(to + steps * length) };
}

// Whether the API would take the period; the reason in Vietnamese when not, else null.
export function periodError(period: Period): string | null {
  const from = monthIndex(period.from);
  const to = monthIndex(period.to);
  if (from === null || to === null) return 'Chọn tháng bắt đầu và tháng kết thúc.';
  if (from < FIRST_YEAR * 12 || to > LAST_YEAR * 12 + 11)
    return `Chỉ xem được từ tháng 01/${FIRST_YEAR} đến tháng 12/${LAST_YEAR}.`;
  if (to < from) return 'Tháng kết thúc phải sau tháng bắt đầu.';
  if (to - from + 1 > MAX_MONTHS) return `Mỗi lần xem tối đa ${MAX_MONTHS} tháng (10 năm).`;
  return null;
}

// The period as a heading says it: "Tháng 10/2026", "Quý IV/2026", "Năm 2026", "Nhiệm kỳ 2025–2030",
// "Từ tháng 01/2026 đến tháng 11/2026".
export function periodTitle(period: Period, kind: PeriodKind = detectKind(period)): string {
  const fits = kindFits(kind, period) ? kind : detectKind(period);
  switch (fits) {
    case 'month':
      return `Tháng ${monthShort(period.from)}`;
    case 'quarter':
      return `Quý ${ROMAN_QUARTERS[quarterOfMonth(period.from) - 1]}/${yearOf(period.from)}`;
    case 'year':
      return `Năm ${yearOf(period.from)}`;
    case 'term':
      return `Nhiệm kỳ ${yearOf(period.from)}–${yearOf(period.to)}`;
    case 'range':
      return `Từ ${monthLabel(period.from)} đến ${monthLabel(period.to)}`;
  }
}

// A share 0–1 as a whole percentage, "—" when there is none. Never "100 %" short of all, nor "0 %" above none:
// 199 of 200 cells is "99 %", 1 of 300 is "1 %".
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  let percent = Math.round(share * 100);
  if (percent === 100 && share < 1) percent = 99;
  if (percent === 0 && share > 0) percent = 1;
  return `${percent} %`;
}

const COUNT_FORMAT = new Intl.NumberFormat('vi-VN');

// A count as Vietnamese write it: 4617 → "4.617".
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

// "7/12": how many of how many.
export function ofTotal(done: number, total: number): string {
  return `${formatCount(done)}/${formatCount(total)}`;
}

// Why a share is missing, for the hint under "—".
export const NO_SHARE_HINTS = {
  regular: 'Chưa có tháng nào đến hạn sinh hoạt trong kỳ',
  thematic: 'Chưa có quý nào đến hạn sinh hoạt chuyên đề trong kỳ',
  attendance: 'Chưa có lượt đảng viên phải dự trong kỳ',
  attendance90: 'Chưa có buổi sinh hoạt nào trong kỳ',
} as const;

export type LevelKey = keyof DashboardLevels;

export const LEVEL_KEYS: LevelKey[] = ['good', 'fair', 'average', 'poor', 'unscored'];

export const LEVEL_LABELS: Record<LevelKey, string> = {
  good: 'Tốt',
  fair: 'Khá',
  average: 'Trung bình',
  poor: 'Kém',
  unscored: 'Chưa chấm',
};

export const LEVEL_COLORS: Record<LevelKey, string> = {
  good: '#389e0d',
  fair: '#0b57d0',
  average: '#d48806',
  poor: '#cf1322',
  unscored: '#8c8c8c',
};

// The columns the children's table sorts by: the name, or a figure.
export type ChildSortKey =
  | 'name'
  | 'cells'
  | 'members_expected'
  | 'members_away'
  | 'regular_share'
  | 'thematic_share'
  | 'meetings_held'
  | 'attendance_rate'
  | 'attendance_90_share'
  | LevelKey
  | 'meetings_superior'
  | 'cells_visited'
  | 'members_flagged';

export type SortOrder = 'ascend' | 'descend';

// The number a figure column sorts by; null when the figure has none (a share nobody was due for).
export function sortValue(figures: DashboardFigures, key: Exclude<ChildSortKey, 'name'>): number | null {
  switch (key) {
    case 'good':
    case 'fair':
    case 'average':
    case 'poor':
    case 'unscored':
      return figures.levels[key];
    default:
      return figures[key];
  }
}

const NAME_ORDER = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

// The children in the order of one column: figures without a value (null) last either way, ties by name A→Z.
// The name itself sorts by Vietnamese collation with numbers in numeric order ("Tổ dân phố 2" before "… 10").
export function sortChildren(children: DashboardChild[], key: ChildSortKey, order: SortOrder): DashboardChild[] {
  const sign = order === 'ascend' ? 1 : -1;
  const byName = (a: DashboardChild, b: DashboardChild) => NAME_ORDER.compare(a.name, b.name);
  return [...children].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b) || a.id - b.id;
    const x = sortValue(a.figures, key);
    const y = sortValue(b.figures, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return sign * (x - y);
    }
    return byName(a, b) || a.id - b.id;
  });
}

// The address of an organisation's dashboard for a period.
export function dashboardPath(organizationId: number, period: Period): string {
  return `/organizations/${organizationId}/dashboard?from=${period.from}&to=${period.to}`;
}

// The months of `trend` a chart draws: none after this month (nothing can have happened yet).
export function trendUntil<T extends { month: string }>(trend: T[], today: Date = new Date()): T[] {
  const now = monthIndex(currentMonth(today))!;
  return trend.filter((t) => (monthIndex(t.month) ?? 0) <= now);
}
