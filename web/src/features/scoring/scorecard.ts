// Meeting quality (HD 42; docs/api.md "Meeting quality"): the rules of a scorecard as the server applies them
// (src/domain/scorecard.cpp), so the screens can show the total and the level while points are typed, and hints
// about a scorecard before it is saved. The server stays authoritative: its answers replace these.
import { formatShare } from '../meetings/meetings';
import type {
  Criterion,
  MeetingFacts,
  MeetingScore,
  MeetingScoring,
  Metric,
  QualityLevel,
  ScoreBlock,
  Scorecard,
  ScorecardInput,
  ScorecardView,
  ScorerRole,
  Tier,
} from '../../lib/types';

export const QUALITY_LEVEL_LABELS: Record<QualityLevel, string> = {
  good: 'Tốt',
  fair: 'Khá',
  average: 'Trung bình',
  poor: 'Kém',
};

export const QUALITY_LEVEL_COLORS: Record<QualityLevel, string> = {
  good: 'green',
  fair: 'blue',
  average: 'gold',
  poor: 'red',
};

// The two columns of HD 42: the cell scores itself, the superior's attending member scores too.
export const SCORER_ROLE_LABELS: Record<ScorerRole, string> = {
  cell: 'Chi bộ tự chấm',
  superior: 'Cấp trên chấm',
};

export const SCORE_TOTAL = 100;

export const METRIC_LABELS: Record<Metric, string> = {
  shortfall_minutes: 'Số phút sinh hoạt thiếu so với thời lượng tối thiểu',
  attendance_share: 'Tỷ lệ đảng viên dự sinh hoạt',
  unexcused_absences: 'Số đảng viên vắng không lý do',
  documents_ahead: 'Tài liệu đến đảng viên trước ít nhất 1 ngày',
  committee_meeting_held: 'Chi ủy họp chuẩn bị nội dung',
  draft_resolution: 'Có dự thảo nghị quyết (tài liệu đính kèm)',
  notice_sent: 'Đã thông báo đến đảng viên trước cuộc họp',
  speaker_share: 'Tỷ lệ đảng viên có mặt phát biểu',
  targets_met: 'Tỷ lệ chỉ tiêu, nhiệm vụ tháng trước hoàn thành',
  resolution_adopted: 'Biểu quyết thông qua nghị quyết',
  minutes_finalised: 'Biên bản đã hoàn thành',
  report_on_time: 'Báo cáo cấp trên đúng hạn',
};

export const METRICS = Object.keys(METRIC_LABELS) as Metric[];

// How a metric's values read: shares are 0–1 (shown as %), yes/no facts 1 or 0.
export type MetricUnit = 'share' | 'minutes' | 'count' | 'flag';

export const METRIC_UNITS: Record<Metric, MetricUnit> = {
  shortfall_minutes: 'minutes',
  attendance_share: 'share',
  unexcused_absences: 'count',
  documents_ahead: 'flag',
  committee_meeting_held: 'flag',
  draft_resolution: 'flag',
  notice_sent: 'flag',
  speaker_share: 'share',
  targets_met: 'share',
  resolution_adopted: 'flag',
  minutes_finalised: 'flag',
  report_on_time: 'flag',
};

// Where a scorecard in force comes from, as the organisation page says it.
export const DEFAULT_SCORECARD_SOURCE = 'Mặc định theo Hướng dẫn 42';

export function scorecardSource(view: Pick<ScorecardView, 'in_force' | 'source_name'>): string {
  return view.in_force.id === 0 || !view.source_name ? DEFAULT_SCORECARD_SOURCE : `Theo ${view.source_name}`;
}

// The meetings a scorecard version scores (`meeting_kind`): every meeting, or only one kind — a cell's thematic
// meetings may be scored on their own scorecard (a thematic-only version wins over a general one for them).
export type ScorecardKind = Scorecard['meeting_kind'];
export type ScorecardKindChoice = 'all' | 'regular' | 'thematic';

export const SCORECARD_KIND_CHOICES: { value: ScorecardKindChoice; label: string }[] = [
  { value: 'all', label: 'Mọi buổi sinh hoạt' },
  { value: 'thematic', label: 'Chỉ sinh hoạt chuyên đề' },
  { value: 'regular', label: 'Chỉ sinh hoạt thường kỳ' },
];

export function scorecardKindChoice(kind: ScorecardKind | undefined): ScorecardKindChoice {
  return kind ?? 'all';
}

export function scorecardKindOf(choice: ScorecardKindChoice): ScorecardKind {
  return choice === 'all' ? null : choice;
}

// "Mọi buổi sinh hoạt", "Chỉ sinh hoạt chuyên đề"…: whom a version is for, as its tag in the list says it.
export function scorecardKindLabel(kind: ScorecardKind | undefined): string {
  const choice = scorecardKindChoice(kind);
  return SCORECARD_KIND_CHOICES.find((c) => c.value === choice)!.label;
}

// A version of the organisation's own list, seen from the viewer of one kind of meeting: the one in force, one to
// come, one replaced — or null for a version that scores only the other kind of meeting (the viewer of that kind
// says what became of it).
export type VersionStatus = 'in_force' | 'upcoming' | 'replaced';

export function versionStatus(
  version: Pick<Scorecard, 'id' | 'effective_from' | 'meeting_kind'>,
  inForceId: number,
  viewed: 'regular' | 'thematic',
  today: string,
): VersionStatus | null {
  if (version.id === inForceId) return 'in_force';
  if (version.effective_from > today) return 'upcoming';
  if (version.meeting_kind !== null && version.meeting_kind !== viewed) return null;
  return 'replaced';
}

export function allCriteria(card: Pick<ScorecardInput, 'blocks'>): Criterion[] {
  return card.blocks.flatMap((b) => b.criteria);
}

export function findCriterion(card: Pick<ScorecardInput, 'blocks'>, code: string): Criterion | undefined {
  return allCriteria(card).find((c) => c.code === code);
}

// Points per criterion code as typed: a criterion not scored yet is null or absent.
export type PointsDraft = Record<string, number | null | undefined>;

// The sum of the points given (criteria not scored yet count 0).
export function totalPoints(points: PointsDraft): number {
  let total = 0;
  for (const p of Object.values(points)) if (typeof p === 'number' && Number.isFinite(p)) total += p;
  return total;
}

// The criteria of the scorecard without points yet, in the scorecard's order.
export function missingCriteria(card: Pick<ScorecardInput, 'blocks'>, points: PointsDraft): Criterion[] {
  return allCriteria(card).filter((c) => typeof points[c.code] !== 'number');
}

// The level by the scorecard's rules: "Tốt" needs the total ≥ good_min and full marks on every
// `full_marks_for_good` criterion (else "Khá"); "Khá" ≥ fair_min; "Trung bình" ≥ average_min; else "Kém".
export function qualityLevel(
  card: Pick<ScorecardInput, 'blocks' | 'good_min' | 'fair_min' | 'average_min' | 'full_marks_for_good'>,
  points: PointsDraft,
): QualityLevel {
  const total = totalPoints(points);
  if (total >= card.good_min) {
    const fullMarks = card.full_marks_for_good.every((code) => {
      const c = findCriterion(card, code);
      return !!c && points[code] === c.max_points;
    });
    return fullMarks ? 'good' : 'fair';
  }
  if (total >= card.fair_min) return 'fair';
  if (total >= card.average_min) return 'average';
  return 'poor';
}

// The criteria that keep a total ≥ good_min from "Tốt" (not at full marks).
export function fullMarksShort(
  card: Pick<ScorecardInput, 'blocks' | 'full_marks_for_good'>,
  points: PointsDraft,
): Criterion[] {
  return card.full_marks_for_good
    .map((code) => findCriterion(card, code))
    .filter((c): c is Criterion => !!c && points[c.code] !== c.max_points);
}

// The level rules in words, one line per level (the organisation page and the scoring screen).
export function levelRules(
  card: Pick<ScorecardInput, 'blocks' | 'good_min' | 'fair_min' | 'average_min' | 'full_marks_for_good'>,
): {
  level: QualityLevel;
  text: string;
}[] {
  const full = card.full_marks_for_good.map((code) => findCriterion(card, code)?.label ?? code);
  const good = full.length
    ? `từ ${card.good_min} điểm và đạt điểm tối đa ở các tiêu chí: ${full.join('; ')}`
    : `từ ${card.good_min} điểm`;
  const fair = full.length
    ? `từ ${card.fair_min} điểm (hoặc từ ${card.good_min} điểm nhưng chưa đủ điểm các tiêu chí trên)`
    : `từ ${card.fair_min} đến dưới ${card.good_min} điểm`;
  return [
    { level: 'good', text: good },
    { level: 'fair', text: fair },
    { level: 'average', text: `từ ${card.average_min} đến dưới ${card.fair_min} điểm` },
    { level: 'poor', text: `dưới ${card.average_min} điểm` },
  ];
}

// ---- Computed criteria (a mirror of MetricValue / ComputedPoints in the domain) ----

export function metricValue(metric: Metric, f: MeetingFacts): number | null {
  const flag = (b: boolean) => (b ? 1 : 0);
  switch (metric) {
    case 'shortfall_minutes':
      return f.duration_minutes === null ? null : Math.max(0, f.min_minutes - f.duration_minutes);
    case 'attendance_share':
      return f.attendance_share;
    case 'unexcused_absences':
      return f.unexcused;
    case 'documents_ahead':
      return flag(f.documents_ahead);
    case 'committee_meeting_held':
      return flag(f.committee_meeting_held);
    case 'draft_resolution':
      return flag(f.draft_resolution);
    case 'notice_sent':
      return flag(f.notice_sent);
    case 'speaker_share':
      return f.speaker_share;
    case 'targets_met':
      return f.targets_met;
    case 'resolution_adopted':
      return flag(f.resolution_adopted);
    case 'minutes_finalised':
      return flag(f.minutes_finalised);
    case 'report_on_time':
      return f.report_on_time === null ? null : flag(f.report_on_time);
  }
}

export function inTier(tier: Tier, value: number): boolean {
  return value >= tier.min && (tier.max === null || value < tier.max);
}

// Points of a computed criterion for the facts: the tier the value falls in (0 outside every tier), lowered by any
// cap reached; null for a judgement criterion or when the fact is not known yet.
export function computedPoints(criterion: Criterion, facts: MeetingFacts): number | null {
  if (!criterion.metric) return null;
  const value = metricValue(criterion.metric, facts);
  if (value === null) return null;
  let points = 0;
  for (const t of criterion.tiers) if (inTier(t, value)) points = t.points;
  for (const cap of criterion.caps) {
    const v = metricValue(cap.metric, facts);
    if (v !== null && v >= cap.at_least) points = Math.min(points, cap.points);
  }
  return points;
}

// What the record says about a metric, for the tooltip of a "Tự tính" criterion.
export function factText(metric: Metric, f: MeetingFacts): string {
  switch (metric) {
    case 'shortfall_minutes': {
      if (f.duration_minutes === null) return 'Chưa ghi giờ bắt đầu và giờ kết thúc cuộc họp.';
      const short = Math.max(0, f.min_minutes - f.duration_minutes);
      return (
        `Sinh hoạt ${f.duration_minutes} phút, tối thiểu ${f.min_minutes} phút` +
        (short > 0 ? ` (thiếu ${short} phút).` : ' (đủ thời lượng).')
      );
    }
    case 'attendance_share':
      if (f.attendance_share === null) return 'Chưa có điểm danh.';
      return (
        `Có mặt ${formatShare(f.attendance_share)} số đảng viên phải dự` +
        (f.unexcused > 0 ? `; ${f.unexcused} đảng viên vắng không lý do.` : '; không ai vắng không lý do.')
      );
    case 'unexcused_absences':
      return f.unexcused > 0 ? `${f.unexcused} đảng viên vắng không lý do.` : 'Không có đảng viên vắng không lý do.';
    case 'documents_ahead':
      return f.documents_ahead
        ? 'Tài liệu đã gửi đến đảng viên trước ít nhất 1 ngày.'
        : 'Tài liệu chưa gửi hoặc gửi đến đảng viên chưa đủ 1 ngày trước cuộc họp.';
    case 'committee_meeting_held':
      return f.committee_meeting_held ? 'Đã ghi ngày chi ủy họp chuẩn bị.' : 'Chưa ghi chi ủy họp chuẩn bị nội dung.';
    case 'draft_resolution':
      return f.draft_resolution ? 'Đã đính kèm tài liệu, dự thảo nghị quyết.' : 'Chưa đính kèm dự thảo nghị quyết.';
    case 'notice_sent':
      return f.notice_sent
        ? 'Đã thông báo đến đảng viên trước cuộc họp.'
        : 'Chưa thông báo đến đảng viên trước cuộc họp.';
    case 'speaker_share':
      if (f.speaker_share === null) return 'Chưa có điểm danh và ý kiến phát biểu.';
      return `${formatShare(f.speaker_share)} đảng viên có mặt đã phát biểu.`;
    case 'targets_met':
      if (f.targets_met === null) return 'Chưa kiểm điểm nhiệm vụ tháng trước.';
      return `Hoàn thành ${formatShare(f.targets_met)} chỉ tiêu, nhiệm vụ tháng trước.`;
    case 'resolution_adopted':
      return f.resolution_adopted
        ? 'Nghị quyết đã được biểu quyết thông qua.'
        : 'Chưa biểu quyết thông qua nghị quyết.';
    case 'minutes_finalised':
      return f.minutes_finalised ? 'Biên bản đã hoàn thành.' : 'Biên bản chưa hoàn thành.';
    case 'report_on_time':
      if (f.report_on_time === null) return 'Chưa báo cáo cấp trên (còn trong hạn).';
      return f.report_on_time ? 'Đã báo cáo cấp trên đúng hạn.' : 'Báo cáo cấp trên chậm hoặc quá hạn.';
  }
}

// The caps that lowered a computed criterion's points, in words ("Tối đa 1 điểm: 2 đảng viên vắng không lý do.").
export function capNotes(criterion: Criterion, facts: MeetingFacts): string[] {
  const notes: string[] = [];
  for (const cap of criterion.caps) {
    const v = metricValue(cap.metric, facts);
    if (v !== null && v >= cap.at_least) notes.push(`Tối đa ${cap.points} điểm: ${factText(cap.metric, facts)}`);
  }
  return notes;
}

// A metric's value as people read it: 0.95 → "95 %", 12 → "12 phút".
export function formatMetricValue(metric: Metric, value: number): string {
  switch (METRIC_UNITS[metric]) {
    case 'share':
      return `${roundDisplay(value * 100)} %`;
    case 'minutes':
      return `${roundDisplay(value)} phút`;
    case 'count':
      return String(roundDisplay(value));
    case 'flag':
      return value >= 1 ? 'Có' : 'Không';
  }
}

const roundDisplay = (n: number) => Math.round(n * 1000) / 1000;

// A tier in words: "Từ 90 % đến dưới 100 %: 4 điểm", "Có: 2 điểm", "Thiếu từ 16 đến dưới 31 phút: 3 điểm".
export function formatTier(metric: Metric, tier: Tier): string {
  const unit = METRIC_UNITS[metric];
  let range: string;
  if (unit === 'flag') {
    const yes = inTier(tier, 1);
    const no = inTier(tier, 0);
    range = yes && no ? 'Có hoặc không' : yes ? 'Có' : no ? 'Không' : rangeText(metric, tier);
  } else if (metric === 'shortfall_minutes' && tier.min <= 0 && tier.max !== null && tier.max <= 1) {
    range = 'Đủ thời lượng';
  } else {
    range = rangeText(metric, tier);
    if (metric === 'shortfall_minutes') range = `Thiếu ${range.charAt(0).toLowerCase()}${range.slice(1)}`;
  }
  return `${range}: ${tier.points} điểm`;
}

function rangeText(metric: Metric, tier: Tier): string {
  const v = (n: number) => formatMetricValue(metric, n);
  if (tier.max === null) return `Từ ${v(tier.min)} trở lên`;
  if (tier.min <= 0) return `Dưới ${v(tier.max)}`;
  return `Từ ${v(tier.min)} đến dưới ${v(tier.max)}`;
}

// Tier bounds as typed in the editor: shares in %, others as they are.
export function toDisplayBound(metric: Metric | null, value: number): number {
  return metric && METRIC_UNITS[metric] === 'share' ? roundDisplay(value * 100) : value;
}

export function fromDisplayBound(metric: Metric | null, value: number): number {
  // 95 → 0.95 without floating-point tails (0.95 rather than 0.9500000000000001).
  return metric && METRIC_UNITS[metric] === 'share' ? Math.round(value * 1e4) / 1e6 : value;
}

// ---- Scorecard checks (hints before saving; a mirror of ValidateScorecard, but listing every problem) ----

export interface ScorecardIssue {
  // As the server names the place: "name", "effective_from", "levels", "full_marks_for_good", "blocks",
  // "blocks[2].max_points", "blocks[1].criteria[0].tiers"…
  field: string;
  message: string;
}

export function blockSum(block: Pick<ScoreBlock, 'criteria'>): number {
  return block.criteria.reduce((sum, c) => sum + (Number.isFinite(c.max_points) ? c.max_points : 0), 0);
}

export function cardTotal(card: Pick<ScorecardInput, 'blocks'>): number {
  return card.blocks.reduce((sum, b) => sum + (Number.isFinite(b.max_points) ? b.max_points : 0), 0);
}

// Problems the server would refuse, each at the place it names; empty when the scorecard looks right.
// `today` (ISO) also checks that the version does not start in the past.
export function checkScorecard(card: ScorecardInput, today?: string): ScorecardIssue[] {
  const issues: ScorecardIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  if (!card.name.trim()) add('name', 'Vui lòng đặt tên phiếu đánh giá.');
  if (!card.effective_from) add('effective_from', 'Vui lòng chọn ngày áp dụng.');
  else if (today && card.effective_from < today)
    add('effective_from', 'Phiếu mới chỉ áp dụng từ hôm nay trở đi; các buổi đã chấm giữ phiếu cũ.');
  if (card.blocks.length === 0) add('blocks', 'Phiếu đánh giá cần ít nhất một nhóm tiêu chí.');
  const seen = new Set<string>();
  card.blocks.forEach((block, b) => {
    const where = `blocks[${b}]`;
    if (!block.label.trim()) add(`${where}.label`, 'Nhóm tiêu chí cần có tên.');
    if (block.criteria.length === 0) add(`${where}.criteria`, `Nhóm "${block.label}" chưa có tiêu chí.`);
    block.criteria.forEach((c, i) => {
      const at = `${where}.criteria[${i}]`;
      if (!c.code.trim() || !c.label.trim()) add(at, 'Tiêu chí cần có mã và tên.');
      if (c.code && seen.has(c.code)) add(`${at}.code`, `Mã tiêu chí "${c.code}" bị trùng.`);
      seen.add(c.code);
      if (!(c.max_points > 0)) add(`${at}.max_points`, 'Điểm tối đa của tiêu chí phải lớn hơn 0.');
      if (!c.metric && (c.tiers.length > 0 || c.caps.length > 0))
        add(`${at}.tiers`, 'Tiêu chí chấm theo đánh giá không có mức tự tính.');
      if (c.metric && c.tiers.length === 0) add(`${at}.tiers`, `Tiêu chí "${c.label}" cần các mức điểm.`);
      const tierProblems = new Set<string>();
      c.tiers.forEach((t, k) => {
        if (t.points < 0 || t.points > c.max_points)
          tierProblems.add(`Mức điểm của tiêu chí "${c.label}" vượt quá điểm tối đa (${c.max_points}).`);
        if (t.max !== null && t.max <= t.min)
          tierProblems.add(`Khoảng của một mức điểm trong tiêu chí "${c.label}" bị ngược.`);
        for (let j = 0; j < k; j++) {
          const o = c.tiers[j];
          if ((t.max === null || t.max > o.min) && (o.max === null || o.max > t.min))
            tierProblems.add(`Các mức điểm của tiêu chí "${c.label}" chồng lên nhau.`);
        }
      });
      for (const message of tierProblems) add(`${at}.tiers`, message);
      if (c.caps.some((cap) => cap.points < 0 || cap.points > c.max_points))
        add(`${at}.caps`, `Mức trần của tiêu chí "${c.label}" vượt quá điểm tối đa.`);
    });
    const sum = blockSum(block);
    if (block.criteria.length > 0 && sum !== block.max_points)
      add(
        `${where}.max_points`,
        `Nhóm "${block.label}": tổng điểm các tiêu chí (${sum}) khác điểm của nhóm (${block.max_points}).`,
      );
  });
  const total = cardTotal(card);
  if (card.blocks.length > 0 && total !== SCORE_TOTAL)
    add('blocks', `Tổng điểm của phiếu phải là ${SCORE_TOTAL} (hiện là ${total}).`);
  if (!(
    card.good_min > card.fair_min &&
    card.fair_min > card.average_min &&
    card.average_min > 0 &&
    card.good_min <= 100
  ))
    add('levels', 'Ngưỡng xếp loại phải giảm dần: Tốt > Khá > Trung bình > 0.');
  for (const code of card.full_marks_for_good)
    if (!findCriterion(card, code)) add('full_marks_for_good', `Không có tiêu chí "${code}".`);
  return issues;
}

// Where an error's `field` points in a scorecard: the whole card ("levels"), a block ("blocks[2].max_points") or
// a criterion ("blocks[1].criteria[0].tiers"). `part` is what follows ("max_points", "tiers", "" for the whole).
export type FieldPlace =
  | { kind: 'card'; part: string }
  | { kind: 'block'; block: number; part: string }
  | { kind: 'criterion'; block: number; criterion: number; part: string };

const PATH_RE = /^blocks\[(\d+)\](?:\.criteria\[(\d+)\])?(?:\.([a-z_]+))?$/;

export function parseFieldPath(field: string): FieldPlace {
  const m = PATH_RE.exec(field);
  if (!m) return { kind: 'card', part: field };
  const block = Number(m[1]);
  const part = m[3] ?? '';
  if (m[2] === undefined) return { kind: 'block', block, part };
  return { kind: 'criterion', block, criterion: Number(m[2]), part };
}

// The issues (or a server error) at one block or criterion; `criterion` undefined means the block itself.
export function issuesAt(issues: readonly ScorecardIssue[], block: number, criterion?: number): ScorecardIssue[] {
  return issues.filter((issue) => {
    const place = parseFieldPath(issue.field);
    if (criterion === undefined) return place.kind === 'block' && place.block === block;
    return place.kind === 'criterion' && place.block === block && place.criterion === criterion;
  });
}

// The editor's starting point: the version in force as a new version from `today` (server fields dropped), for the
// meetings it scored unless `kind` says otherwise (the viewer showed the thematic scorecard).
export function scorecardDraft(card: Scorecard | ScorecardInput, today: string, kind?: ScorecardKind): ScorecardInput {
  return {
    name: card.name,
    effective_from: card.effective_from > today ? card.effective_from : today,
    meeting_kind: kind !== undefined ? kind : (card.meeting_kind ?? null),
    good_min: card.good_min,
    fair_min: card.fair_min,
    average_min: card.average_min,
    full_marks_for_good: [...card.full_marks_for_good],
    blocks: card.blocks.map((b) => ({
      code: b.code,
      label: b.label,
      max_points: b.max_points,
      criteria: b.criteria.map((c) => ({
        code: c.code,
        label: c.label,
        max_points: c.max_points,
        metric: c.metric,
        tiers: c.tiers.map((t) => ({ ...t })),
        caps: c.caps.map((cap) => ({ ...cap })),
      })),
    })),
  };
}

// A code not taken yet: "tieu_chi_1", "tieu_chi_2"… (codes are ASCII and unique in the scorecard).
export function uniqueCode(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const code = `${prefix}_${n}`;
    if (!used.has(code)) return code;
  }
}

// ---- Scoring one meeting ----

// The points a scoring form starts from: the column's latest scoring (a correction), else what chibo computed
// from the record; judgement criteria start empty.
export function initialPoints(
  scoring: Pick<MeetingScoring, 'scorecard' | 'prefill' | 'latest'>,
  role: ScorerRole,
): Record<string, number | null> {
  const previous = scoring.latest[role]?.points;
  const points: Record<string, number | null> = {};
  for (const c of allCriteria(scoring.scorecard)) {
    const earlier = previous?.[c.code];
    const computed = scoring.prefill[c.code];
    points[c.code] = typeof earlier === 'number' ? earlier : typeof computed === 'number' ? computed : null;
  }
  return points;
}

// ---- Computed criteria scored other than the record gives them (the server keeps them only with a reason) ----

// The longest reason the server keeps for departing from a computed criterion's points.
export const OVERRIDE_REASON_MAX = 500;

// The computed criteria (those the record tells, i.e. with prefilled points) whose points as typed differ from the
// record's, in the scorecard's order.
export function overriddenCriteria(
  card: Pick<ScorecardInput, 'blocks'>,
  prefill: Record<string, number>,
  points: PointsDraft,
): Criterion[] {
  return allCriteria(card).filter((c) => {
    const computed = prefill[c.code];
    const given = points[c.code];
    return c.metric !== null && typeof computed === 'number' && typeof given === 'number' && given !== computed;
  });
}

// The reasons a scoring form starts from: the column's latest scoring's, for the criteria it still departs from
// the record on.
export function initialReasons(
  scoring: Pick<MeetingScoring, 'scorecard' | 'prefill' | 'latest'>,
  role: ScorerRole,
): Record<string, string> {
  const previous = scoring.latest[role];
  if (!previous) return {};
  const reasons: Record<string, string> = {};
  for (const c of overriddenCriteria(scoring.scorecard, scoring.prefill, previous.points)) {
    const reason = previous.criteria[c.code]?.override_reason;
    if (reason) reasons[c.code] = reason;
  }
  return reasons;
}

// The reasons to send: one per criterion scored other than the record gives it, trimmed.
export function reasonsToSend(
  card: Pick<ScorecardInput, 'blocks'>,
  prefill: Record<string, number>,
  points: PointsDraft,
  reasons: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of overriddenCriteria(card, prefill, points)) out[c.code] = (reasons[c.code] ?? '').trim();
  return out;
}

// What the form says when a reason is missing (the server says the same).
export function overrideReasonNeeded(c: Criterion, computed: number, given: number): string {
  return `Điểm tiêu chí "${c.label}" được tính từ biên bản: ${computed} điểm. Muốn chấm ${given} điểm cần ghi lý do điều chỉnh.`;
}

// "Cao hơn số liệu biên bản +4" / "Thấp hơn số liệu biên bản −2"; null when a scoring keeps to its record.
export function deviationText(deviation: number): string | null {
  if (deviation > 0) return `Cao hơn số liệu biên bản +${deviation}`;
  if (deviation < 0) return `Thấp hơn số liệu biên bản −${-deviation}`;
  return null;
}

export interface ScoreOverride {
  code: string;
  label: string;
  computed: number;
  points: number;
  reason: string;
}

// The computed criteria a stored scoring gave other points than the record, in the scorecard's order (criteria the
// scorecard does not name last, by code), with the scorer's reasons.
export function scoreOverrides(card: Pick<ScorecardInput, 'blocks'>, score: Pick<MeetingScore, 'criteria'>): ScoreOverride[] {
  const order = allCriteria(card).map((c) => c.code);
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  return Object.entries(score.criteria)
    .filter(([, c]) => c.computed_points !== null && c.computed_points !== c.points)
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, c]) => ({
      code,
      label: findCriterion(card, code)?.label ?? code,
      computed: c.computed_points!,
      points: c.points,
      reason: c.override_reason ?? '',
    }));
}

// One override in words: "Đảng viên dự sinh hoạt: tự tính 1 → chấm 5. Lý do: …".
export function overrideText(o: Pick<ScoreOverride, 'label' | 'computed' | 'points' | 'reason'>): string {
  return `${o.label}: tự tính ${o.computed} → chấm ${o.points}.${o.reason ? ` Lý do: ${o.reason}` : ''}`;
}

// The points to send: every criterion of the scorecard, as numbers (call after missingCriteria is empty).
export function pointsToSend(card: Pick<ScorecardInput, 'blocks'>, points: PointsDraft): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of allCriteria(card)) out[c.code] = points[c.code] ?? 0;
  return out;
}

// The points of one block as typed.
export function blockPoints(block: Pick<ScoreBlock, 'criteria'>, points: PointsDraft): number {
  return totalPoints(Object.fromEntries(block.criteria.map((c) => [c.code, points[c.code]])));
}

// What a correction changed against the column's scoring before it: the criteria whose points differ.
export function scoreChanges(
  card: Pick<ScorecardInput, 'blocks'>,
  earlier: Record<string, number>,
  later: Record<string, number>,
): { code: string; label: string; from: number | null; to: number | null }[] {
  const changes: { code: string; label: string; from: number | null; to: number | null }[] = [];
  const codes = new Set([...allCriteria(card).map((c) => c.code), ...Object.keys(earlier), ...Object.keys(later)]);
  for (const code of codes) {
    const from = earlier[code] ?? null;
    const to = later[code] ?? null;
    if (from !== to) changes.push({ code, label: findCriterion(card, code)?.label ?? code, from, to });
  }
  return changes;
}
