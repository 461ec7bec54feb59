import { describe, expect, it } from 'vitest';
import type { CalendarEntry, Organization, User } from '../../lib/types';
import type { DraftDiff, Topic, TopicState } from '../../lib/api.gen';
import {
  attendanceText,
  coverageFigures,
  heldText,
  measuresText,
  reviewFigures,
  reviewPreparerRows,
  reviewRows,
  reviewTimeliness,
  type ReviewItem,
  type ReviewPreparer,
  coverageFigureText,
  coverageReport,
  coverageRows,
  type CoverageItem,
  diffRows,
  diffSummary,
  missingQuartersText,
  planByQuarter,
  preparerErrorField,
  preparerInput,
  preparerText,
  quarterLabel,
  quarterOf,
  readsAsMember,
  thematicMeetingsOf,
  topicInput,
  topicStateLabel,
  TOPIC_STATE_LABELS,
  workflowActions,
} from './topics';

const topic = (over: Partial<Topic>): Topic =>
  ({
    id: 1,
    organization_id: 7,
    year: 2026,
    quarter: 1,
    title: 'Phân loại rác',
    purpose: 'Mục đích',
    directive: 'Chỉ thị 02-CT/ĐU',
    preparer: null,
    meeting_id: null,
    state: 'planned',
    ...over,
  }) as Topic;

describe('a topic state as a secretary reads it', () => {
  it('has a Vietnamese name for every state', () => {
    const states: TopicState[] = ['proposed', 'declined', 'planned', 'drafting', 'submitted', 'approved', 'sent'];

    for (const s of states) expect(topicStateLabel(s)).toMatch(/[a-zđ]/i);
    expect(Object.keys(TOPIC_STATE_LABELS).sort()).toEqual([...states].sort());
    expect(topicStateLabel('sent')).toBe('Đã gửi đảng viên');
    expect(topicStateLabel('proposed')).toBe('Chờ cấp trên chấp nhận');
  });

  it('shows an unknown state as the server sent it rather than nothing', () => {
    expect(topicStateLabel('discussed')).toBe('discussed');
  });
});

describe('the workflow buttons', () => {
  const none = { can_submit: false, can_approve: false, can_send: false };

  it.each([
    ['a drafting topic for the secretary', { ...none, can_submit: true }, ['submit']],
    ['a submitted topic for a chi ủy member', { ...none, can_approve: true }, ['approve']],
    ['an approved topic for the secretary', { ...none, can_send: true }, ['send']],
    ['a sent topic, or a plain member', none, []],
  ] as const)('show on %s only what the server allows', (_, flags, expected) => {
    expect(workflowActions(flags)).toEqual(expected);
  });

  it('keep the order of the workflow when several are allowed', () => {
    expect(workflowActions({ can_submit: true, can_approve: true, can_send: true })).toEqual(['submit', 'approve', 'send']);
  });
});

describe('the plan of a year', () => {
  const plan = {
    items: [topic({ id: 1, quarter: 2 }), topic({ id: 2, quarter: 1 }), topic({ id: 3, quarter: 2, state: 'declined' })],
    thematic_months: [3, 6, 9, 12],
    quarters_without_topic: [3, 4],
  };

  it('lists the four quarters with their topics, their thematic month and the quarters still without a topic', () => {
    const quarters = planByQuarter(plan);

    expect(quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
    expect(quarters[0].topics.map((t) => t.id)).toEqual([2]);
    expect(quarters[1].topics.map((t) => t.id)).toEqual([1, 3]);
    expect(quarters.map((q) => q.thematicMonths)).toEqual([[3], [6], [9], [12]]);
    expect(quarters.map((q) => q.missing)).toEqual([false, false, true, true]);
  });

  it('warns in a sentence naming the quarters without a topic, and says nothing when none lacks one', () => {
    expect(missingQuartersText([3, 4])).toBe('Quý 3, quý 4 chưa có chuyên đề được chấp nhận.');
    expect(missingQuartersText([])).toBeNull();
  });

  it('names a quarter, or the whole year for an orientation without one', () => {
    expect(quarterLabel(2, 2026)).toBe('Quý 2/2026');
    expect(quarterLabel(null, 2026)).toBe('Cả năm 2026');
  });
});

describe('the preparer', () => {
  it('reads as who prepares the topic', () => {
    expect(preparerText(null)).toBe('Chưa phân công');
    expect(preparerText({ kind: 'party_group', member_id: null, party_group_id: 4, name: 'Tổ đảng số 2' })).toBe(
      'Tổ đảng số 2',
    );
    expect(preparerText({ kind: 'committee_member', member_id: 3, party_group_id: null, name: 'Lê Văn B' })).toBe(
      'Đồng chí Lê Văn B (chi ủy viên)',
    );
  });

  it('is sent with only the field of the chosen kind, and as none when nothing is chosen', () => {
    expect(preparerInput({ preparer_kind: 'committee_member', preparer_member_id: 3, preparer_party_group_id: 4 })).toEqual({
      kind: 'committee_member',
      member_id: 3,
    });
    expect(preparerInput({ preparer_kind: 'superior_official', preparer_name: '  Trần Thị C ' })).toEqual({
      kind: 'superior_official',
      name: 'Trần Thị C',
    });
    expect(preparerInput({ preparer_kind: null })).toBeNull();
  });

  it("has the server's errors about it shown under the form's own fields", () => {
    expect(preparerErrorField('preparer.member_id')).toBe('preparer_member_id');
    expect(preparerErrorField('preparer.name')).toBe('preparer_name');
    expect(preparerErrorField('title')).toBe('title');
  });
});

describe('saving a topic', () => {
  it('sends every field as it is, so linking a meeting keeps the preparer', () => {
    const t = topic({
      preparer: { kind: 'party_group', member_id: null, party_group_id: 4, name: 'Tổ đảng số 2' },
      meeting_id: null,
    });

    const body = topicInput(t, { meeting_id: 12 });

    expect(body).toMatchObject({ title: 'Phân loại rác', quarter: 1, year: 2026, meeting_id: 12 });
    expect(body.preparer).toMatchObject({ kind: 'party_group', party_group_id: 4 });
  });
});

describe('the meetings a topic may be linked to', () => {
  const entry = (kind: CalendarEntry['kind'], month: number, state: CalendarEntry['state'] = 'planned') =>
    ({ id: month, kind, year: 2026, month, state }) as CalendarEntry;

  it("are the cell's thematic meetings of the topic's quarter that are not cancelled", () => {
    const entries = [entry('regular', 3), entry('thematic', 3), entry('thematic', 6), entry('thematic', 2, 'cancelled')];

    expect(thematicMeetingsOf(entries, 2026, 1).map((e) => e.month)).toEqual([3]);
    expect(thematicMeetingsOf(entries, 2025, 1)).toEqual([]);
  });
});

describe('who reads a topic as a plain member', () => {
  const cell = {
    path: [{ id: 1 }, { id: 5 }, { id: 9 }],
    can_write: false,
    leaders: [{ member_id: 40, position: 'deputy_secretary', term_end: null }],
  } as unknown as Organization;
  const user = (member_id: number, roles: [string, number][]) =>
    ({ member_id, roles: roles.map(([role, organization_id]) => ({ role, organization_id })) }) as unknown as User;

  it('is a member of the cell without a seat in its chi ủy', () => {
    expect(readsAsMember(user(41, [['member', 9]]), cell)).toBe(true);
  });

  it('is not the deputy secretary, the secretary or the commune committee', () => {
    expect(readsAsMember(user(40, [['member', 9]]), cell)).toBe(false);
    expect(readsAsMember(user(42, [['secretary', 9]]), cell)).toBe(false);
    expect(readsAsMember(user(0, [['committee', 5]]), cell)).toBe(false);
    expect(readsAsMember(user(41, [['member', 9]]), { ...cell, can_write: true })).toBe(false);
  });
});

describe('the difference between two versions', () => {
  const same = (n: number) => ({ op: 'same' as const, text: `dòng ${n}`, old_line: n, new_line: n });
  const lines: DraftDiff['lines'] = [
    ...[1, 2, 3, 4, 5, 6, 7, 8].map(same),
    { op: 'removed', text: 'cũ', old_line: 9, new_line: null },
    { op: 'added', text: 'mới', old_line: null, new_line: 9 },
    ...[10, 11, 12].map(same),
  ];

  it('keeps the changed lines with two unchanged lines around them and folds the rest', () => {
    const rows = diffRows(lines);

    expect(rows[0]).toEqual({ kind: 'fold', count: 6 });
    expect(rows.filter((r) => r.kind === 'line').map((r) => r.kind === 'line' && r.text)).toEqual([
      'dòng 7',
      'dòng 8',
      'cũ',
      'mới',
      'dòng 10',
      'dòng 11',
      'dòng 12',
    ]);
  });

  it('does not fold a run no longer than the fold would save', () => {
    const rows = diffRows([{ op: 'added', text: 'a', old_line: null, new_line: 1 }, ...[2, 3, 4, 5, 6].map(same), {
      op: 'added',
      text: 'b',
      old_line: null,
      new_line: 7,
    }]);

    expect(rows.every((r) => r.kind === 'line')).toBe(true);
    expect(rows).toHaveLength(7);
  });

  it('counts what was added and removed in plain words', () => {
    expect(diffSummary(lines)).toBe('1 dòng thêm, 1 dòng bỏ.');
    expect(diffSummary([same(1)])).toBe('Hai bản giống nhau.');
  });
});

describe("a committee's quarter coverage", () => {
  const item = (over: Partial<CoverageItem>): CoverageItem => ({
    organization_id: 1,
    organization_name: 'Chi bộ Thôn Đông',
    topic_id: null,
    topic_title: '',
    topic_state: null,
    meeting_id: null,
    meeting_date: null,
    held: false,
    resolution_number: '',
    reported: false,
    report_late: false,
    ...over,
  });

  it('sums the quarter up as shares of the cells due, and the late reports as a count', () => {
    const figures = coverageFigures({ cells_due: 15, with_topic: 12, held: 10, resolved: 9, reported: 8, reported_late: 2 });

    expect(figures.map(coverageFigureText)).toEqual([
      'Có chuyên đề: 12/15 chi bộ',
      'Đã sinh hoạt: 10/15 chi bộ',
      'Có nghị quyết: 9/15 chi bộ',
      'Báo cáo đúng hạn: 6/15 chi bộ',
      'Báo cáo muộn: 2 chi bộ',
    ]);
    expect(figures.filter((f) => f.warn).map((f) => f.key)).toEqual(['late']);
  });

  it('asks for no attention when no report came late', () => {
    const figures = coverageFigures({ cells_due: 3, with_topic: 0, held: 0, resolved: 0, reported: 0, reported_late: 0 });

    expect(figures.some((f) => f.warn)).toBe(false);
    expect(coverageFigureText(figures[3])).toBe('Báo cáo đúng hạn: 0/3 chi bộ');
  });

  it.each([
    ['reported in time', { held: true, reported: true }, 'Đúng hạn'],
    ['reported after the 2 days', { held: true, reported: true, report_late: true }, 'Báo cáo muộn'],
    ['held, not reported yet', { held: true }, 'Chưa báo cáo'],
  ] as const)('reads a report %s', (_, over, label) => {
    expect(coverageReport(item(over))?.label).toBe(label);
  });

  it('has no report to speak of before the meeting is held', () => {
    expect(coverageReport(item({}))).toBeNull();
  });

  it('lists the cells by name as a Vietnamese reader orders them', () => {
    const names = ['Chi bộ Tổ dân phố 10', 'Chi bộ Thôn Đông', 'Chi bộ Tổ dân phố 2', 'Chi bộ Thôn Bắc', 'Chi bộ Cơ quan'];

    const rows = coverageRows(names.map((organization_name, i) => item({ organization_id: i, organization_name })));

    expect(rows.map((r) => r.organization_name)).toEqual([
      'Chi bộ Cơ quan',
      'Chi bộ Thôn Bắc',
      'Chi bộ Thôn Đông',
      'Chi bộ Tổ dân phố 2',
      'Chi bộ Tổ dân phố 10',
    ]);
  });

  it('opens on the quarter of today', () => {
    expect(quarterOf(new Date(2026, 11, 6))).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf(new Date(2027, 0, 1))).toEqual({ year: 2027, quarter: 1 });
    expect(quarterOf(new Date(2026, 2, 31))).toEqual({ year: 2026, quarter: 1 });
  });
});

describe('the year-end review of topics', () => {
  const item = (over: Partial<ReviewItem>): ReviewItem => ({
    topic_id: 1,
    organization_id: 1,
    organization_name: 'Chi bộ Thôn Đông',
    quarter: 1,
    title: 'Phân loại rác',
    preparer: null,
    state: 'sent',
    state_label: 'Đã gửi đảng viên',
    meeting_id: null,
    meeting_date: null,
    held: false,
    held_late: false,
    draft_late: false,
    present: 0,
    speakers: 0,
    measures: 0,
    measures_done: 0,
    assessment: null,
    assessment_label: '',
    assessment_note: '',
    ...over,
  });
  const group = (name: string): ReviewPreparer['preparer'] => ({
    kind: 'party_group',
    member_id: null,
    party_group_id: 1,
    name,
  });
  const preparer = (org: string, name: string): ReviewPreparer => ({
    organization_id: 1,
    organization_name: org,
    preparer: group(name),
    topics: 1,
    held: 1,
    on_time: 1,
    speakers: 3,
    measures: 2,
    measures_done: 1,
    commendations: 0,
    lessons: 0,
  });

  it('orders topics by cell, quarter and title, and preparers by cell and name with numbers as numbers', () => {
    const rows = reviewRows([
      item({ topic_id: 1, organization_name: 'Chi bộ Thôn Tây', quarter: 1 }),
      item({ topic_id: 2, organization_name: 'Chi bộ Thôn Đông', quarter: 3 }),
      item({ topic_id: 3, organization_name: 'Chi bộ Thôn Đông', quarter: 1, title: 'Xây dựng nông thôn mới' }),
      item({ topic_id: 4, organization_name: 'Chi bộ Thôn Đông', quarter: 1, title: 'An toàn giao thông' }),
    ]);
    expect(rows.map((r) => r.topic_id)).toEqual([4, 3, 2, 1]);

    const preparers = reviewPreparerRows([
      preparer('Chi bộ Thôn Đông', 'Tổ đảng số 10'),
      preparer('Chi bộ Thôn Bắc', 'Tổ đảng số 3'),
      preparer('Chi bộ Thôn Đông', 'Tổ đảng số 2'),
    ]);
    expect(preparers.map((p) => `${p.organization_name} / ${p.preparer.name}`)).toEqual([
      'Chi bộ Thôn Bắc / Tổ đảng số 3',
      'Chi bộ Thôn Đông / Tổ đảng số 2',
      'Chi bộ Thôn Đông / Tổ đảng số 10',
    ]);
  });

  it.each([
    [{ held: false }, null],
    [{ held: true }, 'Đúng hạn'],
    [{ held: true, held_late: true }, 'Muộn (họp sau tháng kế hoạch)'],
    [{ held: true, draft_late: true }, 'Muộn (dự thảo gửi muộn)'],
    [{ held: true, held_late: true, draft_late: true }, 'Muộn (họp sau tháng kế hoạch, dự thảo gửi muộn)'],
  ] as const)('says whether %o was on time: %s', (over, label) => {
    expect(reviewTimeliness(item(over))?.label ?? null).toBe(label);
  });

  it('writes the measures and the attendance', () => {
    expect(measuresText(1, 2)).toBe('1/2');
    expect(measuresText(0, 0)).toBe('—');
    expect(attendanceText(item({ present: 12, speakers: 5 }))).toBe('12 dự, 5 phát biểu');
  });

  it('counts the figures as the server counts them per preparer', () => {
    const figures = reviewFigures([
      item({ held: true, assessment: 'commendation' }),
      item({ held: true, draft_late: true, assessment: 'lesson' }),
      item({ held: false, draft_late: false }),
      item({ held: true, held_late: true }),
    ]);
    expect(Object.fromEntries(figures.map((f) => [f.key, f.value]))).toEqual({
      topics: 4,
      held: 3,
      on_time: 1,
      commendations: 1,
      lessons: 1,
    });
  });

  it('says the meeting was held, with the resolution once the minutes are final', () => {
    const t = { meeting_date: '2026-03-12', resolution_number: '', meeting_state: 'notified' };
    expect(heldText(t)).toBeNull();
    expect(heldText({ ...t, meeting_state: 'held' })).toBe('Đã sinh hoạt ngày 12/03/2026');
    expect(heldText({ ...t, meeting_state: 'reported', resolution_number: '05-NQ/CB' })).toBe(
      'Đã sinh hoạt ngày 12/03/2026 — Nghị quyết số 05-NQ/CB',
    );
    expect(heldText({ ...t, meeting_state: 'cancelled' })).toBeNull();
  });
});
