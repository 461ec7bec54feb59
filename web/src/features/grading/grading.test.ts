import { describe, expect, it } from 'vitest';
import {
  gradeLevel,
  gradePrefill,
  gradeTotal,
  notExcellentBecause,
  partEvidence,
  periodCode,
  periodLabel,
  quotaPercent,
  recordableSteps,
  sharePercent,
  visitEvidence,
} from './grading';
import type { CellGradingEvidence, Grade, GradeRow, GradingStep, MemberGradingEvidence, ProposalPart } from '../../lib/types';

describe('gradeLevel', () => {
  it.each([
    // total, exceeded targets, disciplined, level
    [100, true, false, 'excellent'],
    [90, true, false, 'excellent'],
    [89, true, false, 'good'],
    [95, false, false, 'good'],
    [95, true, true, 'good'],
    [70, false, false, 'good'],
    [69, true, false, 'completed'],
    [50, false, false, 'completed'],
    [49, false, false, 'not_completed'],
    [0, true, false, 'not_completed'],
    [60, false, true, 'completed'],
  ] as const)('%i points, exceeded %s, disciplined %s → %s', (total, exceeded, disciplined, level) => {
    expect(gradeLevel(total, exceeded, disciplined)).toBe(level);
  });

  it('says why 90 points or more are not excellent', () => {
    expect(notExcellentBecause(92, false, false)).toBe(
      'Đủ 90 điểm nhưng chưa vượt ≥ 30 % chỉ tiêu nhiệm vụ: chưa xếp loại xuất sắc.',
    );
    expect(notExcellentBecause(92, false, true)).toContain('chưa vượt ≥ 30 % chỉ tiêu nhiệm vụ và bị kỷ luật trong kỳ');
    expect(notExcellentBecause(92, true, false)).toBeNull();
    expect(notExcellentBecause(89, false, true)).toBeNull();
  });
});

describe('gradeTotal', () => {
  it('adds the two blocks, an empty box counting 0', () => {
    expect(gradeTotal(25, 60)).toBe(85);
    expect(gradeTotal(null, 60)).toBe(60);
    expect(gradeTotal(undefined, undefined)).toBe(0);
  });
});

describe('periodCode', () => {
  it('writes the codes the API parses', () => {
    expect(periodCode({ kind: 'year', year: 2026 })).toBe('2026');
    expect(periodCode({ kind: 'quarter', year: 2026, quarter: 3 })).toBe('2026-Q3');
    expect(periodCode({ kind: 'term', from_year: 2025, to_year: 2030 })).toBe('2025-2030');
  });

  it('is null while an input is missing', () => {
    expect(periodCode({ kind: 'year', year: null })).toBeNull();
    expect(periodCode({ kind: 'quarter', year: 2026 })).toBeNull();
    expect(periodCode({ kind: 'term', from_year: 2025 })).toBeNull();
  });

  it('names the period as the server does', () => {
    expect(periodLabel({ kind: 'year', year: 2026 })).toBe('Năm 2026');
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 3 })).toBe('Quý III/2026');
    expect(periodLabel({ kind: 'term', from_year: 2025, to_year: 2030 })).toBe('Nhiệm kỳ 2025–2030');
    expect(periodLabel({ kind: 'quarter', year: 2026 })).toBeNull();
  });
});

describe('percentages', () => {
  it('shows quotas and shares as Vietnamese write them', () => {
    expect(quotaPercent(0.2)).toBe('20 %');
    expect(quotaPercent(0.125)).toBe('12,5 %');
    expect(sharePercent(0.876)).toBe('88 %');
    expect(sharePercent(null)).toBe('—');
  });
});

const grade = (step: GradingStep, general_points: number, task_points: number, exceeded_targets = false): Grade => ({
  id: 1,
  subject: 'member',
  subject_id: 7,
  step,
  step_label: 'Tự đánh giá',
  general_points,
  task_points,
  total: general_points + task_points,
  level: gradeLevel(general_points + task_points, exceeded_targets, false),
  level_label: 'Hoàn thành nhiệm vụ',
  exceeded_targets,
  disciplined: false,
  comment: '',
  reason: '',
  recorded_by: 'bithu.thondong',
  recorded_at: '2026-12-20T02:00:00Z',
});

const row = (over: Partial<GradeRow> = {}): GradeRow => ({
  subject: 'member',
  subject_id: 7,
  name: 'Nguyễn Văn A',
  cell_id: 3,
  cell_name: 'Chi bộ Thôn Đông',
  evidence: { meetings_expected: 11, present: 10, excused: 1, unexcused: 0, spoke: 4, tasks_assessed: 0, tasks_met: 0 },
  proposal: {
    general_points: 28,
    task_points: 50,
    total: 78,
    level: 'good',
    level_label: 'Hoàn thành tốt nhiệm vụ',
    excellent_eligible: false,
    parts: [],
  },
  self: null,
  collective: null,
  decision: null,
  records: 0,
  can_self: true,
  can_collective: true,
  can_decide: false,
  ...over,
});

describe('gradePrefill', () => {
  it('starts the first step from the proposal', () => {
    expect(gradePrefill(row(), 'self')).toEqual({
      general_points: 28,
      task_points: 50,
      exceeded_targets: false,
      disciplined: false,
      source: 'proposal',
    });
  });

  it('starts a later step from the step before it', () => {
    const r = row({ self: grade('self', 29, 62, true) });
    expect(gradePrefill(r, 'collective')).toMatchObject({ general_points: 29, task_points: 62, exceeded_targets: true, source: 'self' });
    const reviewed = row({ self: grade('self', 29, 62), collective: grade('collective', 27, 60) });
    expect(gradePrefill(reviewed, 'decision')).toMatchObject({ general_points: 27, task_points: 60, source: 'collective' });
  });

  it('starts a correction from the step\'s own latest row', () => {
    const r = row({ self: grade('self', 29, 62), collective: grade('collective', 27, 60), decision: grade('decision', 30, 65) });
    expect(gradePrefill(r, 'decision')).toMatchObject({ general_points: 30, task_points: 65, source: 'decision' });
    expect(gradePrefill(r, 'self')).toMatchObject({ general_points: 29, task_points: 62, source: 'self' });
  });

  it('lists the steps the person may record', () => {
    expect(recordableSteps(row())).toEqual(['self', 'collective']);
    expect(recordableSteps(row({ can_self: false, can_collective: false, can_decide: true }))).toEqual(['decision']);
  });
});

const part = (code: string, value: number | null, block: ProposalPart['block'] = 'general'): ProposalPart => ({
  code,
  label: code,
  block,
  weight: 10,
  value,
});

describe('partEvidence', () => {
  const cell: CellGradingEvidence = {
    regular_expected: 11,
    regular_held: 10,
    thematic_expected: 4,
    thematic_held: 3,
    meetings_scored: 9,
    levels: { good: 5, fair: 3, average: 1, poor: 0 },
    attendance_expected: 200,
    attendance_present: 183,
    tasks_assessed: 6,
    tasks_met: 4.5,
  };

  it('tells a cell\'s record', () => {
    expect(partEvidence('cell', part('regular', 10 / 11), cell)).toBe('Sinh hoạt thường kỳ 10/11 tháng');
    expect(partEvidence('cell', part('thematic', 0.75), cell)).toBe('Sinh hoạt chuyên đề 3/4 quý');
    // The share attended, not the part's value (full from 90 %).
    expect(partEvidence('cell', part('attendance', 1), cell)).toBe('Đảng viên dự 183/200 lượt (92 %)');
    expect(partEvidence('cell', part('quality', 0.8, 'tasks'), cell)).toBe('9 buổi đã chấm: Tốt 5, Khá 3, Trung bình 1, Kém 0');
    expect(partEvidence('cell', part('tasks', 0.75, 'tasks'), cell)).toBe('Hoàn thành 4,5/6 nhiệm vụ đã đánh giá');
  });

  it('tells a member\'s record', () => {
    const member: MemberGradingEvidence = { meetings_expected: 11, present: 9, excused: 1, unexcused: 1, spoke: 3, tasks_assessed: 0, tasks_met: 0 };
    expect(partEvidence('member', part('attendance', 9 / 11), member)).toBe('Dự 9/11 buổi sinh hoạt, vắng có lý do 1');
    expect(partEvidence('member', part('absences', 0.5), member)).toBe('Vắng không lý do 1 buổi');
    expect(partEvidence('member', part('participation', 1 / 3, 'tasks'), member)).toBe('Phát biểu ở 3/9 buổi dự họp');
    expect(partEvidence('member', part('tasks', 0.8, 'tasks'), member)).toBe(
      'Không có nhiệm vụ riêng: theo nhiệm vụ chung của chi bộ (80 %)',
    );
  });

  it('says when a part has no evidence, and shows the value of a part it does not know', () => {
    expect(partEvidence('cell', part('thematic', null), cell)).toBe('Chưa có căn cứ trong kỳ (không tính vào điểm)');
    expect(partEvidence('cell', part('something_new', 0.5), cell)).toBe('Đạt 50 %');
  });
});

describe('visitEvidence', () => {
  const member: MemberGradingEvidence = {
    meetings_expected: 11, present: 10, excused: 1, unexcused: 0, spoke: 4, tasks_assessed: 0, tasks_met: 0,
  };
  it('tells a person\'s visits for the committee against the duty', () => {
    const visits = {
      grassroots_visits: 10, grassroots_expected: 12, meetings_attended: 3, meetings_expected: 4,
      reports_on_time: 2, reports_late: 1, reports_missing: 0,
    };
    expect(visitEvidence({ ...member, visits })).toBe(
      'Dự sinh hoạt chi bộ 3/4 buổi, đi cơ sở 10/12 lượt; báo cáo đúng hạn 2, muộn 1, chưa báo cáo 0',
    );
  });
  it('says nothing of a member nobody assigned, nor of a cell', () => {
    expect(visitEvidence({ ...member, visits: null })).toBeNull();
    expect(visitEvidence(member)).toBeNull();
  });
});
