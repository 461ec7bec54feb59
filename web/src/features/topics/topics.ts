// Thematic topics (sinh hoạt chuyên đề, HD 42): the plain rules the pages read — how a state is named, what the
// plan of a year looks like quarter by quarter, which workflow buttons a person sees, and how a line diff reads.
import { formatDate } from '../../lib/dates';
import type { CalendarEntry, Organization, User } from '../../lib/types';
import type {
  DraftDiff,
  Topic,
  TopicDetail,
  TopicInput,
  TopicOrientation,
  TopicPlan,
  TopicPreparer,
  TopicPreparerInput,
  TopicCoverage,
  TopicReview,
  TopicState,
} from '../../lib/api.gen';

export type PreparerKind = TopicPreparer['kind'];

// The states in the order a topic goes through them, named as a cell secretary would say them.
export const TOPIC_STATE_LABELS: Record<TopicState, string> = {
  proposed: 'Chờ cấp trên chấp nhận',
  declined: 'Cấp trên không chấp nhận',
  planned: 'Đã đưa vào kế hoạch',
  drafting: 'Đang soạn dự thảo',
  submitted: 'Đã trình chi ủy',
  approved: 'Chi ủy đã duyệt',
  sent: 'Đã gửi đảng viên',
};

export const TOPIC_STATE_COLORS: Record<TopicState, string> = {
  proposed: 'gold',
  declined: 'red',
  planned: 'blue',
  drafting: 'orange',
  submitted: 'purple',
  approved: 'cyan',
  sent: 'green',
};

export function topicStateLabel(state: string): string {
  return TOPIC_STATE_LABELS[state as TopicState] ?? state;
}

export function topicStateColor(state: string): string {
  return TOPIC_STATE_COLORS[state as TopicState] ?? 'default';
}

export const PREPARER_KIND_LABELS: Record<PreparerKind, string> = {
  committee_member: 'Chi ủy viên (cùng bí thư)',
  party_group: 'Tổ đảng',
  superior_official: 'Cấp ủy viên cấp trên phụ trách chi bộ',
};

// "Tổ đảng số 2", "Đồng chí Nguyễn Văn A (chi ủy viên)", or "Chưa phân công".
export function preparerText(preparer: TopicPreparer | null | undefined): string {
  if (!preparer) return 'Chưa phân công';
  switch (preparer.kind) {
    case 'committee_member':
      return `Đồng chí ${preparer.name} (chi ủy viên)`;
    case 'party_group':
      return preparer.name;
    case 'superior_official':
      return `Đồng chí ${preparer.name} (cấp ủy viên cấp trên)`;
  }
}

export const QUARTERS = [1, 2, 3, 4] as const;

export function quarterLabel(quarter: number | null | undefined, year?: number): string {
  if (!quarter) return year ? `Cả năm ${year}` : 'Cả năm';
  return year ? `Quý ${quarter}/${year}` : `Quý ${quarter}`;
}

export function quarterOfMonth(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

// The quarter `day` falls in, by the calendar of the browser (today by default).
export function quarterOf(day: Date = new Date()): { year: number; quarter: number } {
  return { year: day.getFullYear(), quarter: quarterOfMonth(day.getMonth() + 1) };
}

// One quarter of a cell's plan: its topics, its thematic months, and whether it still lacks an accepted topic.
export interface PlanQuarter {
  quarter: number;
  topics: Topic[];
  thematicMonths: number[];
  missing: boolean;
}

// The plan of a year as four quarters, each with its topics (in the order the server gives them) and a warning
// flag from the server's `quarters_without_topic`. A quarter without thematic months and without topics is still
// listed, so the person sees the whole year.
export function planByQuarter(plan: Pick<TopicPlan, 'items' | 'thematic_months' | 'quarters_without_topic'>): PlanQuarter[] {
  return QUARTERS.map((quarter) => ({
    quarter,
    topics: plan.items.filter((t) => t.quarter === quarter),
    thematicMonths: plan.thematic_months.filter((m) => quarterOfMonth(m) === quarter),
    missing: plan.quarters_without_topic.includes(quarter),
  }));
}

// "Quý 1, quý 3 chưa có chuyên đề được chấp nhận." — or null when every quarter that needs one has one.
export function missingQuartersText(quarters: readonly number[]): string | null {
  if (quarters.length === 0) return null;
  const names = quarters.map((q, i) => (i === 0 ? `Quý ${q}` : `quý ${q}`)).join(', ');
  return `${names} chưa có chuyên đề được chấp nhận.`;
}

// "Cả năm 2026" or "Quý 2/2026", with the cells it goes to.
export function orientationAudience(o: Pick<TopicOrientation, 'all_cells' | 'cells'>): string {
  if (o.all_cells) return 'Tất cả chi bộ';
  if (o.cells.length === 0) return 'Các chi bộ được chọn';
  return o.cells.map((c) => c.name).join(', ');
}

// The workflow step a person may take now, in the order of the workflow.
export type WorkflowAction = 'submit' | 'approve' | 'send';

export const WORKFLOW_ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: 'Trình chi ủy',
  approve: 'Duyệt',
  send: 'Gửi đảng viên',
};

// What the step does, said in the confirmation.
export const WORKFLOW_ACTION_CONFIRMS: Record<WorkflowAction, string> = {
  submit: 'Trình bản dự thảo mới nhất để chi ủy xem xét, góp ý và duyệt?',
  approve: 'Duyệt bản dự thảo mới nhất? Sau khi duyệt mới gửi được cho đảng viên.',
  send: 'Gửi bản dự thảo đã duyệt đến đảng viên của chi bộ? Đảng viên sẽ đọc và góp ý trước buổi sinh hoạt.',
};

// The workflow buttons shown: only those the server says the person may press now (its `can_*` flags already join
// the state and the person's place in the cell).
export function workflowActions(
  detail: Pick<TopicDetail, 'can_submit' | 'can_approve' | 'can_send'>,
): WorkflowAction[] {
  const actions: WorkflowAction[] = [];
  if (detail.can_submit) actions.push('submit');
  if (detail.can_approve) actions.push('approve');
  if (detail.can_send) actions.push('send');
  return actions;
}

// A person reads a topic as a plain member (only the sent draft and a comment box) when they write nothing for the
// cell or above it and hold no chi ủy seat in it.
export function readsAsMember(user: User | null, cell: Pick<Organization, 'path' | 'leaders' | 'can_write'>): boolean {
  if (!user) return true;
  if (cell.can_write) return false;
  const inPath = new Set(cell.path.map((p) => p.id));
  if (user.roles.some((r) => r.role !== 'member' && inPath.has(r.organization_id))) return false;
  const seat = cell.leaders.some(
    (p) => p.member_id === user.member_id && p.position !== 'group_leader' && p.term_end === null,
  );
  return !seat;
}

export const LATE_WARNING = 'Dự thảo gửi chưa đủ 1 ngày trước buổi sinh hoạt';

// The cell's thematic meetings the topic may be linked to: those of its year and quarter, not cancelled.
export function thematicMeetingsOf(entries: readonly CalendarEntry[], year: number, quarter: number): CalendarEntry[] {
  return entries.filter(
    (e) => e.kind === 'thematic' && e.year === year && quarterOfMonth(e.month) === quarter && e.state !== 'cancelled',
  );
}

// The preparer as the form holds it: one kind and the value of that kind.
export interface PreparerFormValues {
  preparer_kind?: PreparerKind | 'none' | null;
  preparer_member_id?: number | null;
  preparer_party_group_id?: number | null;
  preparer_name?: string;
}

export function preparerFormValues(preparer: TopicPreparer | null | undefined): PreparerFormValues {
  if (!preparer) return { preparer_kind: 'none' };
  return {
    preparer_kind: preparer.kind,
    preparer_member_id: preparer.member_id,
    preparer_party_group_id: preparer.party_group_id,
    preparer_name: preparer.kind === 'superior_official' ? preparer.name : '',
  };
}

// The API's preparer from the form: null when none is chosen; only the field of the chosen kind is sent.
export function preparerInput(values: PreparerFormValues): TopicPreparerInput | null {
  switch (values.preparer_kind) {
    case 'committee_member':
      return { kind: 'committee_member', member_id: values.preparer_member_id ?? null };
    case 'party_group':
      return { kind: 'party_group', party_group_id: values.preparer_party_group_id ?? null };
    case 'superior_official':
      return { kind: 'superior_official', name: (values.preparer_name ?? '').trim() };
    default:
      return null;
  }
}

// `PUT /topics/{id}` replaces every field: the body is the topic as it is, with the changes laid over it.
export function topicInput(topic: Topic, changes: Partial<TopicInput> = {}): TopicInput {
  const current: TopicInput = {
    year: topic.year,
    quarter: topic.quarter,
    title: topic.title,
    purpose: topic.purpose,
    directive: topic.directive,
    preparer: topic.preparer
      ? {
          kind: topic.preparer.kind,
          member_id: topic.preparer.member_id,
          party_group_id: topic.preparer.party_group_id,
          name: topic.preparer.kind === 'superior_official' ? topic.preparer.name : undefined,
        }
      : null,
    meeting_id: topic.meeting_id,
  };
  return { ...current, ...changes };
}

// Errors about the preparer come back as `preparer.member_id` …; the form's fields are flat.
export function preparerErrorField(field: string | null): string | null {
  if (!field) return null;
  if (field === 'preparer.member_id') return 'preparer_member_id';
  if (field === 'preparer.party_group_id') return 'preparer_party_group_id';
  if (field === 'preparer.name') return 'preparer_name';
  if (field === 'preparer.kind' || field === 'preparer') return 'preparer_kind';
  return field;
}

// One row of the diff as shown: an added, removed or unchanged line with its numbers, or a fold standing for a run of
// unchanged lines.
export type DiffRow =
  | { kind: 'line'; op: DraftDiff['lines'][number]['op']; text: string; oldLine: number | null; newLine: number | null }
  | { kind: 'fold'; count: number };

// The lines of a diff with long runs of unchanged lines folded: `context` unchanged lines are kept next to each change
// (and at a run's ends when it touches one), the rest become "… n dòng không đổi". A run shorter than what it would
// save is kept whole.
export function diffRows(lines: DraftDiff['lines'], context = 2): DiffRow[] {
  const rows: DiffRow[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].op !== 'same') {
      const l = lines[i];
      rows.push({ kind: 'line', op: l.op, text: l.text, oldLine: l.old_line, newLine: l.new_line });
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end].op === 'same') end++;
    const keepBefore = i === 0 ? 0 : context; // after a change
    const keepAfter = end === lines.length ? 0 : context; // before a change
    const run = end - i;
    const push = (from: number, to: number) => {
      for (let k = from; k < to; k++) {
        const l = lines[k];
        rows.push({ kind: 'line', op: l.op, text: l.text, oldLine: l.old_line, newLine: l.new_line });
      }
    };
    if (run <= keepBefore + keepAfter + 1) {
      push(i, end);
    } else {
      push(i, i + keepBefore);
      rows.push({ kind: 'fold', count: run - keepBefore - keepAfter });
      push(end - keepAfter, end);
    }
    i = end;
  }
  return rows;
}

// "2 dòng thêm, 1 dòng bỏ" — or "Hai bản giống nhau".
export function diffSummary(lines: DraftDiff['lines']): string {
  const added = lines.filter((l) => l.op === 'added').length;
  const removed = lines.filter((l) => l.op === 'removed').length;
  if (added === 0 && removed === 0) return 'Hai bản giống nhau.';
  const parts: string[] = [];
  if (added) parts.push(`${added} dòng thêm`);
  if (removed) parts.push(`${removed} dòng bỏ`);
  return parts.join(', ') + '.';
}

// A quarter's thematic coverage of a committee's cells (`GET /organizations/{id}/topic-coverage`).
export type CoverageItem = TopicCoverage['items'][number];

// One summary figure of the coverage: how many cells of those due did it, or (late reports) how many did it late.
export interface CoverageFigure {
  key: 'topic' | 'held' | 'resolved' | 'on_time' | 'late';
  label: string;
  value: number;
  // The cells due, or null for a figure that is a plain count.
  total: number | null;
  // The figure asks for attention (a report came late).
  warn: boolean;
}

export function coverageFigures(
  c: Pick<TopicCoverage, 'cells_due' | 'with_topic' | 'held' | 'resolved' | 'reported' | 'reported_late'>,
): CoverageFigure[] {
  const due = c.cells_due;
  return [
    { key: 'topic', label: 'Có chuyên đề', value: c.with_topic, total: due, warn: false },
    { key: 'held', label: 'Đã sinh hoạt', value: c.held, total: due, warn: false },
    { key: 'resolved', label: 'Có nghị quyết', value: c.resolved, total: due, warn: false },
    { key: 'on_time', label: 'Báo cáo đúng hạn', value: c.reported - c.reported_late, total: due, warn: false },
    { key: 'late', label: 'Báo cáo muộn', value: c.reported_late, total: null, warn: c.reported_late > 0 },
  ];
}

// "12/15 chi bộ", or "2 chi bộ" for a plain count.
export function coverageValueText(f: Pick<CoverageFigure, 'value' | 'total'>): string {
  return f.total === null ? `${f.value} chi bộ` : `${f.value}/${f.total} chi bộ`;
}

// "Có chuyên đề: 12/15 chi bộ": the figure as one sentence (its tile's label for screen readers).
export function coverageFigureText(f: CoverageFigure): string {
  return `${f.label}: ${coverageValueText(f)}`;
}

// The report of a cell's thematic meeting to the superior: on time, late (after 2 days), still owed once the meeting
// is held, or nothing to report yet (null).
export function coverageReport(
  item: Pick<CoverageItem, 'held' | 'reported' | 'report_late'>,
): { label: string; color: string } | null {
  if (item.reported) return item.report_late ? { label: 'Báo cáo muộn', color: 'red' } : { label: 'Đúng hạn', color: 'green' };
  if (item.held) return { label: 'Chưa báo cáo', color: 'orange' };
  return null;
}

const CELL_NAMES = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

// The cells of the coverage in the order of their names, as a Vietnamese reader finds them ("Tổ dân phố 2" before
// "Tổ dân phố 10").
export function coverageRows(items: readonly CoverageItem[]): CoverageItem[] {
  return [...items].sort((a, b) => CELL_NAMES.compare(a.organization_name, b.organization_name));
}

// The year-end review of a cell's or a subtree's topics (`GET /organizations/{id}/topic-review`).
export type ReviewItem = TopicReview['items'][number];
export type ReviewPreparer = TopicReview['preparers'][number];
export type TopicAssessment = NonNullable<ReviewItem['assessment']>;

export const ASSESSMENT_LABELS: Record<TopicAssessment, string> = {
  commendation: 'Biểu dương',
  lesson: 'Rút kinh nghiệm',
};

export const ASSESSMENT_COLORS: Record<TopicAssessment, string> = {
  commendation: 'green',
  lesson: 'orange',
};

// The topics of the review by cell (as a Vietnamese reader orders names), then quarter, then title.
export function reviewRows(items: readonly ReviewItem[]): ReviewItem[] {
  return [...items].sort(
    (a, b) =>
      CELL_NAMES.compare(a.organization_name, b.organization_name) ||
      a.quarter - b.quarter ||
      CELL_NAMES.compare(a.title, b.title),
  );
}

// The preparers by cell, then by how they are named ("Tổ đảng số 2" before "Tổ đảng số 10").
export function reviewPreparerRows(preparers: readonly ReviewPreparer[]): ReviewPreparer[] {
  return [...preparers].sort(
    (a, b) =>
      CELL_NAMES.compare(a.organization_name, b.organization_name) ||
      CELL_NAMES.compare(preparerText(a.preparer), preparerText(b.preparer)),
  );
}

// Whether a held topic was on time: held in its month with the draft sent a day ahead (as the server counts
// `on_time`); null while it is not held. A late one says why.
export function reviewTimeliness(
  item: Pick<ReviewItem, 'held' | 'held_late' | 'draft_late'>,
): { onTime: boolean; label: string; color: string } | null {
  if (!item.held) return null;
  if (!item.held_late && !item.draft_late) return { onTime: true, label: 'Đúng hạn', color: 'green' };
  const why = [item.held_late && 'họp sau tháng kế hoạch', item.draft_late && 'dự thảo gửi muộn'].filter(Boolean);
  return { onTime: false, label: `Muộn (${why.join(', ')})`, color: 'orange' };
}

// "1/2" tasks done of those the resolution set, or "—" when it set none.
export function measuresText(done: number, total: number): string {
  return total === 0 ? '—' : `${done}/${total}`;
}

// "12 dự, 5 phát biểu" — of a held meeting.
export function attendanceText(item: Pick<ReviewItem, 'present' | 'speakers'>): string {
  return `${item.present} dự, ${item.speakers} phát biểu`;
}

// The review's summary figures, counted from its topics as the server counts them per preparer.
export interface ReviewFigure {
  key: 'topics' | 'held' | 'on_time' | 'commendations' | 'lessons';
  label: string;
  value: number;
}

export function reviewFigures(items: readonly ReviewItem[]): ReviewFigure[] {
  const count = (p: (i: ReviewItem) => boolean) => items.filter(p).length;
  return [
    { key: 'topics', label: 'Chuyên đề', value: items.length },
    { key: 'held', label: 'Đã sinh hoạt', value: count((i) => i.held) },
    { key: 'on_time', label: 'Đúng hạn', value: count((i) => reviewTimeliness(i)?.onTime === true) },
    { key: 'commendations', label: 'Biểu dương', value: count((i) => i.assessment === 'commendation') },
    { key: 'lessons', label: 'Rút kinh nghiệm', value: count((i) => i.assessment === 'lesson') },
  ];
}

// How the topic page says the meeting was held: "Đã sinh hoạt ngày 12/03/2026 — Nghị quyết số 05-NQ/CB", or null
// while it is not held (the workflow's last state is "Đã gửi đảng viên"; the meeting carries it on).
const HELD_STATES = new Set(['held', 'minutes_finalised', 'reported']);

export function heldText(
  topic: Pick<Topic, 'meeting_state' | 'meeting_date' | 'resolution_number'>,
): string | null {
  if (!topic.meeting_state || !HELD_STATES.has(topic.meeting_state) || !topic.meeting_date) return null;
  const held = `Đã sinh hoạt ngày ${formatDate(topic.meeting_date)}`;
  return topic.resolution_number ? `${held} — Nghị quyết số ${topic.resolution_number}` : held;
}
