import { describe, expect, it } from 'vitest';
import {
  dashboardPath,
  defaultPeriod,
  detectKind,
  formatCount,
  formatShare,
  kindFits,
  monthFromIndex,
  monthIndex,
  monthLabel,
  monthShort,
  type PeriodKind,
  periodError,
  periodTitle,
  quarterLabel,
  recentTerms,
  shiftPeriod,
  sortChildren,
  switchKind,
  termPeriod,
  termStart,
  trendUntil,
} from './dashboard';
import type { DashboardChild, DashboardFigures } from '../../lib/types';

const p = (from: string, to: string) => ({ from, to });
const NOV_2026 = new Date(2026, 10, 22);

describe('months and quarters', () => {
  it('reads and writes YYYY-MM', () => {
    expect(monthIndex('2026-03')).toBe(2026 * 12 + 2);
    expect(monthFromIndex(monthIndex('2026-12')! + 1)).toBe('2027-01');
    expect(monthFromIndex(monthIndex('2026-01')! - 1)).toBe('2025-12');
    for (const bad of ['2026-13', '2026-00', '2026-3', '2026/03', '']) expect(monthIndex(bad)).toBeNull();
  });

  it('says months and quarters as people do', () => {
    expect(monthShort('2026-03')).toBe('03/2026');
    expect(monthLabel('2026-10')).toBe('tháng 10/2026');
    expect(monthLabel('2026-03')).toBe('tháng 03/2026');
    expect(quarterLabel('2026-Q2')).toBe('Quý II/2026');
    expect(quarterLabel('2025-Q4')).toBe('Quý IV/2025');
    expect(quarterLabel('2025-Q5')).toBe('2025-Q5');
  });
});

describe('periods', () => {
  it('maps each kind to the months the API takes', () => {
    expect(switchKind('month', p('2026-01', '2026-12'), NOV_2026)).toEqual(p('2026-11', '2026-11'));
    expect(switchKind('quarter', p('2026-01', '2026-12'), NOV_2026)).toEqual(p('2026-10', '2026-12'));
    expect(switchKind('year', p('2026-04', '2026-06'), NOV_2026)).toEqual(p('2026-01', '2026-12'));
    expect(switchKind('term', p('2026-11', '2026-11'), NOV_2026)).toEqual(p('2025-01', '2030-12'));
    // A period that does not hold this month: its last month is the anchor.
    expect(switchKind('quarter', p('2025-01', '2025-12'), NOV_2026)).toEqual(p('2025-10', '2025-12'));
    expect(switchKind('month', p('2024-04', '2024-06'), NOV_2026)).toEqual(p('2024-06', '2024-06'));
    // A range keeps the months.
    expect(switchKind('range', p('2025-03', '2026-02'), NOV_2026)).toEqual(p('2025-03', '2026-02'));
  });

  it('knows a term by its first year, five-year cycles from 2000', () => {
    expect(termStart(2025)).toBe(2025);
    expect(termStart(2029)).toBe(2025);
    expect(termStart(2030)).toBe(2030);
    expect(termPeriod(2020)).toEqual(p('2020-01', '2025-12'));
    expect(recentTerms(2026)).toEqual([2025, 2020, 2015, 2010]);
    expect(recentTerms(2004)).toEqual([2000]);
  });

  it.each([
    ['2026-10', '2026-10', 'month', 'Tháng 10/2026'],
    ['2026-04', '2026-06', 'quarter', 'Quý II/2026'],
    ['2026-01', '2026-12', 'year', 'Năm 2026'],
    ['2025-01', '2030-12', 'term', 'Nhiệm kỳ 2025–2030'],
    ['2026-02', '2026-04', 'range', 'Từ tháng 02/2026 đến tháng 04/2026'],
    ['2026-01', '2026-11', 'range', 'Từ tháng 01/2026 đến tháng 11/2026'],
    ['2026-01', '2031-12', 'range', 'Từ tháng 01/2026 đến tháng 12/2031'],
  ] as const)('%s–%s reads as a %s: "%s"', (from, to, kind, title) => {
    expect(detectKind(p(from, to))).toBe(kind);
    expect(periodTitle(p(from, to))).toBe(title);
    expect(kindFits('range', p(from, to))).toBe(true);
  });

  it('titles a period by the kind chosen when it fits, else by what it is', () => {
    expect(periodTitle(p('2026-01', '2026-03'), 'range')).toBe('Từ tháng 01/2026 đến tháng 03/2026');
    expect(periodTitle(p('2026-01', '2026-03'), 'quarter')).toBe('Quý I/2026');
    expect(periodTitle(p('2026-01', '2026-03'), 'year')).toBe('Quý I/2026');
    expect(kindFits('quarter', p('2026-02', '2026-04'))).toBe(false);
    expect(kindFits('term', p('2026-01', '2031-12'))).toBe(false);
  });

  it.each([
    ['month', p('2026-01', '2026-01'), -1, p('2025-12', '2025-12')],
    ['quarter', p('2026-10', '2026-12'), 1, p('2027-01', '2027-03')],
    ['year', p('2026-01', '2026-12'), -1, p('2025-01', '2025-12')],
    ['term', p('2025-01', '2030-12'), -1, p('2020-01', '2025-12')],
    ['range', p('2026-02', '2026-04'), 1, p('2026-05', '2026-07')],
  ] as [PeriodKind, { from: string; to: string }, number, { from: string; to: string }][])(
    'steps a %s',
    (kind, period, steps, expected) => {
      expect(shiftPeriod(kind, period, steps)).toEqual(expected);
    },
  );

  it('refuses what the API refuses', () => {
    expect(periodError(p('2026-01', '2026-12'))).toBeNull();
    expect(periodError(p('2000-01', '2009-12'))).toBeNull(); // 120 months
    expect(periodError(p('2000-01', '2010-01'))).toMatch(/tối đa 120 tháng/);
    expect(periodError(p('2026-05', '2026-04'))).toMatch(/sau tháng bắt đầu/);
    expect(periodError(p('1999-12', '2000-02'))).toMatch(/01\/2000/);
    expect(periodError(p('2041-12', '2042-01'))).toMatch(/12\/2041/);
    expect(periodError(p('2026-1', '2026-02'))).not.toBeNull();
  });

  it('defaults to this calendar year and links a dashboard with its period', () => {
    expect(defaultPeriod(NOV_2026)).toEqual(p('2026-01', '2026-12'));
    expect(dashboardPath(3, p('2026-04', '2026-06'))).toBe('/organizations/3/dashboard?from=2026-04&to=2026-06');
  });
});

describe('figures', () => {
  it('writes shares as whole percentages, never 100 % short of all nor 0 % above none', () => {
    expect(formatShare(0.9722)).toBe('97 %');
    expect(formatShare(7 / 12)).toBe('58 %');
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(0)).toBe('0 %');
    expect(formatShare(199 / 200)).toBe('99 %');
    expect(formatShare(1 / 300)).toBe('1 %');
    expect(formatShare(null)).toBe('—');
    expect(formatShare(undefined)).toBe('—');
  });

  it('groups thousands with dots', () => {
    expect(formatCount(4617)).toBe('4.617');
    expect(formatCount(357)).toBe('357');
    expect(formatCount(1234567)).toBe('1.234.567');
  });

  it('draws no month after this one', () => {
    const trend = ['2026-10', '2026-11', '2026-12'].map((month) => ({ month }));
    expect(trendUntil(trend, NOV_2026).map((t) => t.month)).toEqual(['2026-10', '2026-11']);
  });
});

const figures = (over: Partial<DashboardFigures> = {}): DashboardFigures => ({
  cells: 1,
  members_expected: 10,
  cells_regular_due: 1,
  cells_regular_all: 1,
  regular_share: 1,
  cells_thematic_due: 1,
  cells_thematic_all: 1,
  thematic_share: 1,
  meetings_held: 10,
  attendance_expected: 100,
  attendance_present: 90,
  attendance_rate: 0.9,
  meetings_attendance_90: 5,
  attendance_90_share: 0.5,
  levels: { good: 0, fair: 0, average: 0, poor: 0, unscored: 10 },
  meetings_superior: 0,
  cells_visited: 0,
  members_flagged: 0,
  members_away: 0,
  members_away_without_letter: 0,
  ...over,
});

const child = (id: number, name: string, over: Partial<DashboardFigures> = {}): DashboardChild => ({
  id,
  name,
  kind: 'subordinate_cell',
  dissolved: false,
  figures: figures(over),
});

describe('sortChildren', () => {
  const rows = [
    child(10, 'Chi bộ Thôn Nam', { members_expected: 29, attendance_rate: 0.93, levels: { good: 2, fair: 0, average: 0, poor: 0, unscored: 0 } }),
    child(3, 'Chi bộ Thôn Đông', { members_expected: 61, attendance_rate: null }),
    child(13, 'Chi bộ Tổ dân phố 10', { members_expected: 25, attendance_rate: 0.88 }),
    child(12, 'Chi bộ Tổ dân phố 2', { members_expected: 25, attendance_rate: 0.95 }),
    child(9, 'Chi bộ Thôn Bắc', { members_expected: 30, attendance_rate: 0.79 }),
  ];
  const names = (list: DashboardChild[]) => list.map((c) => c.name);

  it('sorts names in Vietnamese order, numbers as numbers', () => {
    expect(names(sortChildren(rows, 'name', 'ascend'))).toEqual([
      'Chi bộ Thôn Bắc',
      'Chi bộ Thôn Đông',
      'Chi bộ Thôn Nam',
      'Chi bộ Tổ dân phố 2',
      'Chi bộ Tổ dân phố 10',
    ]);
    expect(names(sortChildren(rows, 'name', 'descend'))[0]).toBe('Chi bộ Tổ dân phố 10');
  });

  it('sorts a figure either way, ties by name, figures without a value last both ways', () => {
    expect(names(sortChildren(rows, 'members_expected', 'descend'))).toEqual([
      'Chi bộ Thôn Đông',
      'Chi bộ Thôn Bắc',
      'Chi bộ Thôn Nam',
      'Chi bộ Tổ dân phố 2',
      'Chi bộ Tổ dân phố 10',
    ]);
    expect(names(sortChildren(rows, 'members_expected', 'ascend')).slice(0, 2)).toEqual([
      'Chi bộ Tổ dân phố 2',
      'Chi bộ Tổ dân phố 10',
    ]);
    expect(names(sortChildren(rows, 'attendance_rate', 'descend'))).toEqual([
      'Chi bộ Tổ dân phố 2',
      'Chi bộ Thôn Nam',
      'Chi bộ Tổ dân phố 10',
      'Chi bộ Thôn Bắc',
      'Chi bộ Thôn Đông',
    ]);
    expect(names(sortChildren(rows, 'attendance_rate', 'ascend')).at(-1)).toBe('Chi bộ Thôn Đông');
    expect(names(sortChildren(rows, 'good', 'descend'))[0]).toBe('Chi bộ Thôn Nam');
  });

  it('puts the children with the most members away from their cells first', () => {
    const away = [
      child(1, 'Chi bộ Thôn Bắc', { members_away: 1, members_away_without_letter: 1 }),
      child(2, 'Chi bộ Thôn Đông', { members_away: 4, members_away_without_letter: 0 }),
      child(3, 'Chi bộ Thôn Nam', { members_away: 0 }),
    ];

    expect(names(sortChildren(away, 'members_away', 'descend'))).toEqual([
      'Chi bộ Thôn Đông',
      'Chi bộ Thôn Bắc',
      'Chi bộ Thôn Nam',
    ]);
  });

  it('leaves the list it was given as it was', () => {
    const before = names(rows);
    sortChildren(rows, 'members_expected', 'ascend');
    expect(names(rows)).toEqual(before);
  });
});
