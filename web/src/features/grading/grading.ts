// Annual grading (Quy định 366, HD 43; docs/api.md "Annual grading"): the level rule as the server applies it
// (src/domain/grading.cpp), so the form shows the level while points are typed; the period codes the server
// parses; what a proposal's evidence says. The server stays authoritative: its answers replace these.
import type {
  CellGradingEvidence,
  Grade,
  GradeLevel,
  GradeRow,
  GradingPeriodKind,
  GradingStep,
  GradingSubject,
  MemberGradingEvidence,
  ProposalPart,
} from '../../lib/types';

export const GENERAL_MAX = 30;
export const TASK_MAX = 70;
export const GRADE_TOTAL = GENERAL_MAX + TASK_MAX;
export const EXCELLENT_MIN = 90;
export const GOOD_MIN = 70;
export const COMPLETED_MIN = 50;
export const DEFAULT_QUOTA = 0.2;

export const GRADE_LEVELS: GradeLevel[] = ['excellent', 'good', 'completed', 'not_completed'];

export const GRADE_LEVEL_LABELS: Record<GradeLevel, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};

export const GRADE_LEVEL_COLORS: Record<GradeLevel, string> = {
  excellent: 'gold',
  good: 'green',
  completed: 'blue',
  not_completed: 'red',
};

export const GRADING_STEPS: GradingStep[] = ['self', 'collective', 'decision'];

export const GRADING_STEP_LABELS: Record<GradingStep, string> = {
  self: 'Tự đánh giá',
  collective: 'Tập thể đánh giá',
  decision: 'Quyết định',
};

export const GRADING_SUBJECT_LABELS: Record<GradingSubject, string> = {
  cell: 'Chi bộ',
  member: 'Đảng viên',
};

export const PERIOD_KIND_LABELS: Record<GradingPeriodKind, string> = {
  year: 'Năm',
  quarter: 'Quý',
  term: 'Nhiệm kỳ',
};

export const QUARTER_LABELS = ['I', 'II', 'III', 'IV'];

// The level of a grading: excellent needs ≥ 90 with the tasks ≥ 30 % over target and no discipline in the
// period (else good), good from 70, completed from 50, not completed below.
export function gradeLevel(total: number, exceededTargets: boolean, disciplined: boolean): GradeLevel {
  if (total >= EXCELLENT_MIN && exceededTargets && !disciplined) return 'excellent';
  if (total >= GOOD_MIN) return 'good';
  if (total >= COMPLETED_MIN) return 'completed';
  return 'not_completed';
}

// Why a total of 90 or more is not "excellent" (null when it is, or when the total is below 90).
export function notExcellentBecause(total: number, exceededTargets: boolean, disciplined: boolean): string | null {
  if (total < EXCELLENT_MIN) return null;
  const reasons: string[] = [];
  if (!exceededTargets) reasons.push('chưa vượt ≥ 30 % chỉ tiêu nhiệm vụ');
  if (disciplined) reasons.push('bị kỷ luật trong kỳ');
  return reasons.length ? `Đủ ${EXCELLENT_MIN} điểm nhưng ${reasons.join(' và ')}: chưa xếp loại xuất sắc.` : null;
}

// The total of the two blocks while typed (an empty box counts 0).
export function gradeTotal(generalPoints: number | null | undefined, taskPoints: number | null | undefined): number {
  const n = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return n(generalPoints) + n(taskPoints);
}

export interface PeriodInput {
  kind: GradingPeriodKind;
  year?: number | null;
  quarter?: number | null;
  from_year?: number | null;
  to_year?: number | null;
}

// The code the API takes: "2026", "2026-Q3" or "2025-2030"; null while a needed input is empty.
export function periodCode(input: PeriodInput): string | null {
  const whole = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isInteger(v);
  switch (input.kind) {
    case 'year':
      return whole(input.year) ? String(input.year) : null;
    case 'quarter':
      return whole(input.year) && whole(input.quarter) ? `${input.year}-Q${input.quarter}` : null;
    case 'term':
      return whole(input.from_year) && whole(input.to_year) ? `${input.from_year}-${input.to_year}` : null;
  }
}

// The period as people read it, before the server names it: "Năm 2026", "Quý III/2026", "Nhiệm kỳ 2025–2030".
export function periodLabel(input: PeriodInput): string | null {
  if (periodCode(input) === null) return null;
  switch (input.kind) {
    case 'year':
      return `Năm ${input.year}`;
    case 'quarter':
      return `Quý ${QUARTER_LABELS[(input.quarter ?? 1) - 1] ?? input.quarter}/${input.year}`;
    case 'term':
      return `Nhiệm kỳ ${input.from_year}–${input.to_year}`;
  }
}

// "20 %" from 0.2; the API's quota is a share, the form's a percentage.
export function quotaPercent(quota: number): string {
  return `${Math.round(quota * 1000) / 10} %`.replace('.', ',');
}

// A share 0–1 as a percentage ("87 %"); "—" when there is none.
export function sharePercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)} %`;
}

// Numbers as Vietnamese write them: 2.5 → "2,5".
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10).replace('.', ',');
}

export interface GradeDraft {
  general_points: number;
  task_points: number;
  exceeded_targets: boolean;
  disciplined: boolean;
}

// The step before this one, whose row a new step starts from.
export function previousStep(step: GradingStep): GradingStep | null {
  const i = GRADING_STEPS.indexOf(step);
  return i > 0 ? GRADING_STEPS[i - 1] : null;
}

// What the form for a step starts from: the step's own latest row when correcting it, else the nearest earlier
// step's row, else chibo's proposal. `source` says which, for the form to tell.
export function gradePrefill(row: GradeRow, step: GradingStep): GradeDraft & { source: GradingStep | 'proposal' } {
  const from = (grade: Grade, source: GradingStep) => ({
    general_points: grade.general_points,
    task_points: grade.task_points,
    exceeded_targets: grade.exceeded_targets,
    disciplined: grade.disciplined,
    source,
  });
  const own = row[step];
  if (own) return from(own, step);
  for (let s = previousStep(step); s !== null; s = previousStep(s)) {
    const earlier = row[s];
    if (earlier) return from(earlier, s);
  }
  return {
    general_points: row.proposal.general_points,
    task_points: row.proposal.task_points,
    exceeded_targets: false,
    disciplined: false,
    source: 'proposal',
  };
}

// The steps this person may record for the row.
export function recordableSteps(row: GradeRow): GradingStep[] {
  return GRADING_STEPS.filter((s) =>
    s === 'self' ? row.can_self : s === 'collective' ? row.can_collective : row.can_decide,
  );
}

const of = (done: number, expected: number, unit: string) => `${formatNumber(done)}/${expected} ${unit}`;

// What the period's record says for one part of a proposal: "Sinh hoạt thường kỳ 10/11 tháng". Parts without
// evidence say so; parts this version does not know show their value.
export function partEvidence(
  subject: GradingSubject,
  part: ProposalPart,
  evidence: CellGradingEvidence | MemberGradingEvidence,
): string {
  if (part.value === null) return 'Chưa có căn cứ trong kỳ (không tính vào điểm)';
  if (subject === 'cell') {
    const e = evidence as CellGradingEvidence;
    switch (part.code) {
      case 'regular':
        return `Sinh hoạt thường kỳ ${of(e.regular_held, e.regular_expected, 'tháng')}`;
      case 'thematic':
        return `Sinh hoạt chuyên đề ${of(e.thematic_held, e.thematic_expected, 'quý')}`;
      case 'attendance':
        return (
          `Đảng viên dự ${of(e.attendance_present, e.attendance_expected, 'lượt')}` +
          (e.attendance_expected > 0 ? ` (${sharePercent(e.attendance_present / e.attendance_expected)})` : '')
        );
      case 'quality': {
        const l = e.levels;
        return `${e.meetings_scored} buổi đã chấm: Tốt ${l.good}, Khá ${l.fair}, Trung bình ${l.average}, Kém ${l.poor}`;
      }
      case 'tasks':
        return `Hoàn thành ${of(e.tasks_met, e.tasks_assessed, 'nhiệm vụ')} đã đánh giá`;
    }
  } else {
    const e = evidence as MemberGradingEvidence;
    switch (part.code) {
      case 'attendance':
        return `Dự ${of(e.present, e.meetings_expected, 'buổi')} sinh hoạt` + (e.excused ? `, vắng có lý do ${e.excused}` : '');
      case 'absences':
        return e.unexcused ? `Vắng không lý do ${e.unexcused} buổi` : 'Không vắng buổi nào không lý do';
      case 'tasks':
        return e.tasks_assessed > 0
          ? `Hoàn thành ${of(e.tasks_met, e.tasks_assessed, 'nhiệm vụ')} được giao`
          : `Không có nhiệm vụ riêng: theo nhiệm vụ chung của chi bộ (${sharePercent(part.value)})`;
      case 'participation':
        return `Phát biểu ở ${of(e.spoke, e.present, 'buổi')} dự họp`;
    }
  }
  return `Đạt ${sharePercent(part.value)}`;
}

// A member the committees assign to attend cells: their visits in the period against the duty, offered as evidence
// ("Dự sinh hoạt chi bộ 3/4 buổi, đi cơ sở 10/12 lượt; báo cáo đúng hạn 2, muộn 1, chưa báo cáo 0"); null otherwise.
export function visitEvidence(evidence: CellGradingEvidence | MemberGradingEvidence): string | null {
  const v = 'visits' in evidence ? evidence.visits : null;
  if (!v) return null;
  return (
    `Dự sinh hoạt chi bộ ${v.meetings_attended}/${v.meetings_expected} buổi, ` +
    `đi cơ sở ${v.grassroots_visits}/${v.grassroots_expected} lượt; ` +
    `báo cáo đúng hạn ${v.reports_on_time}, muộn ${v.reports_late}, chưa báo cáo ${v.reports_missing}`
  );
}
