// Pure helpers of the committee visits feature (issue 17): how a duty, a term, a plan's period and a visit read, the
// plan's visits grouped by month or by person, when a visit may be reported, and the body of a report.
import { formatDate } from '../../lib/dates';
import type {
  Attendant,
  PetitionField,
  PlanCell,
  PlannedVisit,
  RaisedByKind,
  VisitPlanInput,
  VisitReportInput,
} from '../../lib/types';

const NAME_ORDER = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const pad2 = (n: number) => String(n).padStart(2, '0');

// "2026-03" (or "2026-03-01") → "03/2026"; anything else as it is.
export function monthText(iso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  return m ? `${m[2]}/${m[1]}` : iso;
}

// A plan's period: "01/2026 – 12/2026" ("03/2026" for a single month).
export function periodText(from: string, to: string): string {
  return from === to || monthText(from) === monthText(to) ? monthText(from) : `${monthText(from)} – ${monthText(to)}`;
}

// "Tháng 3/2026".
export function visitMonthText(v: { year: number; month: number }): string {
  return `Tháng ${v.month}/${v.year}`;
}

// "1 lần đi cơ sở/tháng · 1 buổi dự sinh hoạt/quý · báo cáo trong 5 ngày".
export function dutyText(a: Pick<Attendant, 'visits_per_month' | 'meetings_per_quarter' | 'report_days'>): string {
  return `${a.visits_per_month} lần đi cơ sở/tháng · ${a.meetings_per_quarter} buổi dự sinh hoạt/quý · báo cáo trong ${a.report_days} ngày`;
}

// "01/01/2026 – 31/12/2030", or "01/01/2026 –" while the term has no end.
export function termText(a: Pick<Attendant, 'term_start' | 'term_end'>): string {
  return a.term_end ? `${formatDate(a.term_start)} – ${formatDate(a.term_end)}` : `${formatDate(a.term_start)} –`;
}

// When a visit takes place: a meeting's expected day and time, or the month of a grassroots visit.
export function visitWhenText(v: Pick<PlannedVisit, 'kind' | 'year' | 'month' | 'date' | 'start_time'>): string {
  if (v.date) return v.start_time ? `${formatDate(v.date)} lúc ${v.start_time}` : formatDate(v.date);
  return `Trong tháng ${v.month}/${v.year}`;
}

export type VisitGrouping = 'month' | 'person';

export interface VisitGroup {
  key: string;
  title: string;
  visits: PlannedVisit[];
}

const byTime = (a: PlannedVisit, b: PlannedVisit) =>
  a.year - b.year ||
  a.month - b.month ||
  (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
  (a.start_time ?? '').localeCompare(b.start_time ?? '') ||
  NAME_ORDER.compare(a.cell_name, b.cell_name) ||
  a.id - b.id;

// A plan's visits by month (in time order, each month's meetings by day, then the cells by name) or by person (by
// name, each person's visits in time order).
export function groupVisits(visits: readonly PlannedVisit[], by: VisitGrouping): VisitGroup[] {
  const groups = new Map<string, VisitGroup>();
  const sorted = [...visits].sort(byTime);
  for (const v of sorted) {
    const key = by === 'month' ? `${v.year}-${pad2(v.month)}` : `a${v.attendant_id}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, title: by === 'month' ? visitMonthText(v) : v.attendant_name, visits: [] };
      groups.set(key, group);
    }
    group.visits.push(v);
  }
  const list = [...groups.values()];
  if (by === 'month') return list.sort((a, b) => a.key.localeCompare(b.key));
  return list.sort((a, b) => NAME_ORDER.compare(a.title, b.title) || a.key.localeCompare(b.key));
}

// "2 lượt dự sinh hoạt chi bộ, 3 lượt đi cơ sở".
export function visitCountText(visits: readonly Pick<PlannedVisit, 'kind'>[]): string {
  const meetings = visits.filter((v) => v.kind === 'meeting').length;
  const grassroots = visits.length - meetings;
  const parts = [];
  if (meetings) parts.push(`${meetings} lượt dự sinh hoạt chi bộ`);
  if (grassroots) parts.push(`${grassroots} lượt đi cơ sở`);
  return parts.length ? parts.join(', ') : 'Chưa có lượt nào';
}

// The cells of a plan, those that come first (most points) first, then by name.
export function priorityOrder(cells: readonly PlanCell[]): PlanCell[] {
  return [...cells].sort((a, b) => b.points - a.points || NAME_ORDER.compare(a.cell_name, b.cell_name));
}

// Whether the person may file the report of a visit now: not yet reported; a meeting once it has taken place (the
// server refuses a meeting not held, with its reason), a grassroots visit from its month on.
export function canReport(v: PlannedVisit, todayIso: string): boolean {
  if (v.report_id !== null) return false;
  if (v.status === 'reported' || v.status === 'report_late') return false;
  if (v.kind === 'meeting') {
    if (v.meeting_id === null) return false;
    if (v.status === 'attended' || v.status === 'report_missing') return true;
    return v.date !== null && v.date <= todayIso;
  }
  return `${v.year}-${pad2(v.month)}` <= todayIso.slice(0, 7);
}

// A petition answered within this many days, by default.
export const PETITION_DAYS = 30;

// The months a new plan proposes by default: the three after the current one, as `YYYY-MM`.
export function nextMonths(today: Date = new Date(), count = 3): Pick<VisitPlanInput, 'from' | 'to'> {
  const at = (offset: number) => {
    const d = new Date(today.getFullYear(), today.getMonth() + offset, 1);
    return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}`;
  };
  return { from: at(1), to: at(count) };
}

// Who may be named to answer a petition raised at a visit: the committee the person attends for, or the cell.
export function petitionOwners(
  attendant: Pick<Attendant, 'organization_id' | 'organization_name'> | undefined,
  visit: Pick<PlannedVisit, 'cell_id' | 'cell_name'>,
): { value: number; label: string }[] {
  const owners = attendant ? [{ value: attendant.organization_id, label: attendant.organization_name }] : [];
  if (!owners.some((o) => o.value === visit.cell_id)) owners.push({ value: visit.cell_id, label: visit.cell_name });
  return owners;
}

// What the report form holds; dates are ISO strings (or null while empty).
export interface PetitionDraft {
  field: PetitionField;
  raised_by_kind: RaisedByKind;
  raised_by?: string;
  content: string;
  owner_organization_id: number;
  owner_name?: string;
  deadline: string | null;
}

export interface ReportDraft {
  visited_on: string | null;
  observations: string;
  members_situation?: string;
  petitions?: PetitionDraft[];
}

// The body of `POST /visit-reports` for a planned visit: a meeting names its meeting (its day is the meeting's), a
// grassroots visit its day; optional texts are trimmed and left out when empty.
export function reportInput(visit: PlannedVisit, draft: ReportDraft): VisitReportInput {
  const body: VisitReportInput = {
    attendant_id: visit.attendant_id,
    cell_id: visit.cell_id,
    kind: visit.kind,
    observations: draft.observations.trim(),
  };
  if (visit.kind === 'meeting') body.meeting_id = visit.meeting_id;
  if (draft.visited_on && visit.kind === 'grassroots') body.visited_on = draft.visited_on;
  const situation = draft.members_situation?.trim();
  if (situation) body.members_situation = situation;
  const petitions = (draft.petitions ?? []).map((p) => {
    const petition: NonNullable<VisitReportInput['petitions']>[number] = {
      field: p.field,
      raised_by_kind: p.raised_by_kind,
      content: p.content.trim(),
      owner_organization_id: p.owner_organization_id,
      deadline: p.deadline ?? '',
    };
    if (p.raised_by?.trim()) petition.raised_by = p.raised_by.trim();
    if (p.owner_name?.trim()) petition.owner_name = p.owner_name.trim();
    return petition;
  });
  if (petitions.length) body.petitions = petitions;
  return body;
}

// "3/4": done against expected.
export function ratioText(done: number, expected: number): string {
  return `${done}/${expected}`;
}

export interface MyVisitSection {
  key: 'todo' | 'upcoming' | 'past';
  title: string;
  visits: PlannedVisit[];
}

// A person's visits as their page lists them: first those to report now, then those to come (soonest first), then the
// past ones (latest first). `reported` tells a visit whose report is already sent.
export function myVisitSections(
  visits: readonly PlannedVisit[],
  reported: (v: PlannedVisit) => boolean,
  todayIso: string,
): MyVisitSection[] {
  const sorted = [...visits].sort(byTime);
  const month = todayIso.slice(0, 7);
  const todo: PlannedVisit[] = [];
  const upcoming: PlannedVisit[] = [];
  const past: PlannedVisit[] = [];
  for (const v of sorted) {
    if (!reported(v) && canReport(v, todayIso)) todo.push(v);
    else if (v.status === 'planned' && `${v.year}-${pad2(v.month)}` >= month) upcoming.push(v);
    else past.push(v);
  }
  return [
    { key: 'todo' as const, title: 'Cần gửi báo cáo', visits: todo },
    { key: 'upcoming' as const, title: 'Sắp tới', visits: upcoming },
    { key: 'past' as const, title: 'Đã qua', visits: past.reverse() },
  ].filter((section) => section.visits.length > 0);
}

// A cell's visits split at the current month: those to come (this month on, soonest first) and the past ones (latest
// first).
export function splitAtMonth(
  visits: readonly PlannedVisit[],
  todayIso: string,
): { upcoming: PlannedVisit[]; past: PlannedVisit[] } {
  const month = todayIso.slice(0, 7);
  const sorted = [...visits].sort(byTime);
  return {
    upcoming: sorted.filter((v) => `${v.year}-${pad2(v.month)}` >= month),
    past: sorted.filter((v) => `${v.year}-${pad2(v.month)}` < month).reverse(),
  };
}
