import { describe, expect, it } from 'vitest';
import { addDays } from '../../lib/dates';
import { actionLabel, entityLabel } from '../../lib/labels';
import {
  attendanceSummary,
  countAttendance,
  defaultSection,
  describeRule,
  DEFAULT_SOURCE,
  eligibleVoters,
  entryStateLabel,
  finaliseMissing,
  formatFileSize,
  formatShare,
  HD42_AGENDA,
  inheritedText,
  isAdopted,
  LIFECYCLE_STEPS,
  lifecycleStep,
  meetingTitle,
  minutesBetween,
  monthsAhead,
  OWN_SOURCE,
  presenceLabel,
  PRESENCE_COLORS,
  PRESENCE_LABELS,
  combinedPartner,
  entryMinimumText,
  partnerMeetingLabel,
  recordLocked,
  ruleSettings,
  sessionText,
  splitRoll,
  targetsMetShare,
  tasksHeading,
  voteSentence,
  weekdayLabel,
  workingAwayHint,
} from './meetings';
import type { CalendarEntry, MeetingRecord, MeetingRule, MeetingState, MemberStatus, Presence, RuleOverride, RuleView } from '../../lib/types';

const EMPTY: RuleOverride = {
  regular_day: null,
  start_time: null,
  thematic_months: null,
  min_minutes: null,
  combined_min_minutes: null,
  shift: null,
  holidays: [],
};

const HD42: MeetingRule = {
  regular_day: 3,
  start_time: '14:00',
  thematic_months: [3, 6, 9, 12],
  min_minutes: 90,
  combined_min_minutes: 120,
  shift: 'keep',
  holidays: [],
};

describe('describeRule', () => {
  it('says the rule in plain Vietnamese', () => {
    expect(describeRule(HD42)).toBe(
      '14:00 ngày 03 hằng tháng; chuyên đề các tháng 3, 6, 9, 12; tối thiểu 90 phút (120 phút khi kết hợp); ngày nghỉ: giữ nguyên',
    );
  });

  it('names each way of moving off a day off and lists the extra holidays as dd/mm/yyyy', () => {
    expect(describeRule({ ...HD42, shift: 'next_working_day' })).toContain('ngày nghỉ: lùi sang ngày làm việc kế tiếp');
    expect(describeRule({ ...HD42, shift: 'previous_working_day', holidays: ['2026-09-02'] })).toContain(
      'ngày nghỉ: đưa lên ngày làm việc trước; ngày nghỉ thêm: 02/09/2026',
    );
  });
});

describe('ruleSettings', () => {
  it('says where each setting comes from: this organisation, the nearest ancestor or the defaults', () => {
    const view: RuleView = {
      own: { ...EMPTY, start_time: '08:00' },
      effective: { ...HD42, regular_day: 5, start_time: '08:00', shift: 'next_working_day', holidays: ['2026-09-02'] },
      sources: [
        { organization_id: 1, organization_name: 'Đảng bộ tỉnh', own: { ...EMPTY, regular_day: 10 } },
        {
          organization_id: 2,
          organization_name: 'Đảng bộ xã Hòa An',
          own: { ...EMPTY, regular_day: 5, shift: 'next_working_day', holidays: ['2026-09-02'] },
        },
      ],
    };
    const rows = Object.fromEntries(ruleSettings(view).map((r) => [r.field, r]));
    expect(rows.regular_day).toMatchObject({ value: 'Ngày 05', source: 'Đảng bộ xã Hòa An', own: false });
    expect(rows.start_time).toMatchObject({ value: '08:00', source: OWN_SOURCE, own: true });
    expect(rows.thematic_months).toMatchObject({ value: 'Tháng 3, 6, 9, 12', source: DEFAULT_SOURCE });
    expect(rows.shift).toMatchObject({ value: 'Lùi sang ngày làm việc kế tiếp', source: 'Đảng bộ xã Hòa An' });
    expect(rows.holidays).toMatchObject({ value: '02/09/2026', source: 'Đảng bộ xã Hòa An', own: false });
    // What leaving a field empty would give.
    expect(inheritedText(view, 'start_time')).toBe('14:00');
    expect(inheritedText(view, 'regular_day')).toBe('Ngày 05');
  });
});

describe('calendar helpers', () => {
  it('shows "Dự kiến" for a meeting not created yet', () => {
    expect(entryStateLabel({ id: null, state_label: '' })).toBe('Dự kiến');
    expect(entryStateLabel({ id: 4, state_label: 'Đã hủy' })).toBe('Đã hủy');
  });

  it('names the weekday of an ISO date', () => {
    expect(weekdayLabel('2026-12-07')).toBe('Thứ Hai');
    expect(weekdayLabel('2026-04-05')).toBe('Chủ nhật');
  });

  it('counts months from the current one', () => {
    const today = new Date(2026, 10, 22);
    expect(monthsAhead(2026, 12, today)).toBe(1);
    expect(monthsAhead(2027, 11, today)).toBe(12);
    expect(monthsAhead(2026, 1, today)).toBe(-10);
  });

  it('labels the audit records of meetings', () => {
    expect(actionLabel('meeting.move')).toBe('Dời lịch họp');
    expect(entityLabel('meeting')).toBe('Cuộc họp');
  });
});

describe('roll call counts', () => {
  const entry = (status_at_meeting: MemberStatus, presence: Presence) => ({ status_at_meeting, presence });

  it('counts the membership report of the minutes; the exempt are not expected and the late are present', () => {
    const roll = [
      ...Array.from({ length: 15 }, () => entry('official', 'present')),
      entry('official', 'late'),
      entry('official', 'excused'),
      entry('official', 'unexcused'),
      entry('probationary', 'present'),
      entry('probationary', 'excused'),
      entry('exempt', 'exempt'),
      // An exempt member who came anyway is still not expected.
      entry('exempt', 'present'),
    ];

    const counts = countAttendance(roll);

    expect(counts).toMatchObject({
      total: 22,
      official: 18,
      probationary: 2,
      temporary: 0,
      exempt: 2,
      expected: 20,
      present: 17,
      late: 1,
      excused: 2,
      unexcused: 1,
    });
    expect(attendanceSummary(counts)).toBe(
      'Tổng số đảng viên: 22 (chính thức 18, dự bị 2); miễn sinh hoạt 2; có mặt 17/20 (đến muộn 1); ' +
        'vắng có lý do 2; vắng không lý do 1',
    );
  });

  it('names temporary members only when there are some, and the late only when someone was late', () => {
    const counts = countAttendance([entry('official', 'present'), entry('temporary', 'present')]);

    expect(attendanceSummary(counts)).toBe(
      'Tổng số đảng viên: 2 (chính thức 1, dự bị 0, sinh hoạt tạm thời 1); miễn sinh hoạt 0; có mặt 2/2; ' +
        'vắng có lý do 0; vắng không lý do 0',
    );
    expect(attendanceSummary(countAttendance([]))).toBe(
      'Tổng số đảng viên: 0 (chính thức 0, dự bị 0); miễn sinh hoạt 0; có mặt 0/0; vắng có lý do 0; vắng không lý do 0',
    );
  });

  it('counts a member away with a transfer letter apart: on the roll, but neither expected nor exempt', () => {
    const roll = [
      entry('official', 'present'),
      entry('official', 'present'),
      entry('official', 'away'),
      entry('probationary', 'away'),
      entry('exempt', 'exempt'),
    ];

    const counts = countAttendance(roll);

    expect(counts).toMatchObject({
      total: 5,
      official: 3,
      probationary: 1,
      exempt: 1,
      away: 2,
      expected: 2,
      present: 2,
    });
    expect(attendanceSummary(counts)).toBe(
      'Tổng số đảng viên: 5 (chính thức 3, dự bị 1); miễn sinh hoạt 1; giới thiệu sinh hoạt tạm thời đi nơi khác 2; ' +
        'có mặt 2/2; vắng có lý do 0; vắng không lý do 0',
    );
  });

  it('expects a member working away without a letter like anyone else', () => {
    const counts = countAttendance([entry('official', 'present'), entry('working_away', 'unexcused')]);

    expect(counts).toMatchObject({ total: 2, away: 0, expected: 2, present: 1, unexcused: 1 });
    expect(attendanceSummary(counts)).not.toContain('nơi khác');
  });

  it('counts the voters present: probationary members vote unless only official members may', () => {
    const roll = [
      entry('official', 'present'),
      entry('official', 'late'),
      entry('official', 'excused'),
      entry('probationary', 'present'),
      entry('temporary', 'present'),
      entry('exempt', 'present'),
    ];

    expect(eligibleVoters(roll, 'all_present')).toBe(4);
    expect(eligibleVoters(roll, 'official_only')).toBe(2);
  });
});

describe('vote sentence', () => {
  it('reads as the resolution writes it, rounded to a whole percent', () => {
    expect(voteSentence(18, 20)).toBe('18/20 đồng chí tán thành, đạt 90 %');
    expect(voteSentence(2, 3)).toBe('2/3 đồng chí tán thành, đạt 67 %');
    expect(voteSentence(1, 8)).toBe('1/8 đồng chí tán thành, đạt 13 %');
    expect(voteSentence(0, 0)).toBe('0/0 đồng chí tán thành, đạt 0 %');
  });

  it('adopts with more than half of the eligible voters in favour', () => {
    expect(isAdopted(11, 20)).toBe(true);
    expect(isAdopted(10, 20)).toBe(false);
    expect(isAdopted(0, 0)).toBe(false);
  });
});

describe('meeting lifecycle', () => {
  it('shows the step in progress for each state', () => {
    const states: [MeetingState, number][] = [
      ['planned', 0],
      ['prepared', 1],
      ['notified', 2],
      ['held', 3],
      ['minutes_finalised', 4],
      ['reported', 5],
      ['cancelled', 0],
    ];
    for (const [state, step] of states) expect(lifecycleStep(state), state).toBe(step);
    expect(LIFECYCLE_STEPS[lifecycleStep('held')]).toBe('Hoàn thành biên bản');
  });

  it('opens on the work the state calls for, the roll call from the meeting day on', () => {
    expect(defaultSection('planned', '2026-03-03', '2026-02-20')).toBe('preparation');
    expect(defaultSection('notified', '2026-03-03', '2026-03-02')).toBe('notice');
    expect(defaultSection('notified', '2026-03-03', '2026-03-03')).toBe('roll');
    expect(defaultSection('held', '2026-03-03', '2026-03-04')).toBe('roll');
    expect(defaultSection('minutes_finalised', '2026-03-03', '2026-03-04')).toBe('report');
  });

  it('locks the record once the minutes are finalised', () => {
    expect(recordLocked('held')).toBe(false);
    expect(recordLocked('minutes_finalised')).toBe(true);
    expect(recordLocked('reported')).toBe(true);
  });

  it('lists what the minutes still need before they can be finalised', () => {
    const record = {
      attendance: [{ member_id: 1, member_name: 'A', status_at_meeting: 'official', presence: 'present', reason: '' }],
      started_at: '14:00',
      ended_at: '15:45',
      conclusion: 'Chi bộ thống nhất.',
      vote: { in_favour: 1, against: 0, abstaining: 0 },
    } as unknown as MeetingRecord;

    expect(finaliseMissing({ record })).toEqual([]);
    expect(
      finaliseMissing({ record: { ...record, attendance: [], ended_at: null, conclusion: '  ', vote: null } }),
    ).toEqual([
      'Chưa lưu điểm danh',
      'Chưa ghi giờ bắt đầu và giờ kết thúc',
      'Chưa ghi kết luận',
      'Chưa ghi kết quả biểu quyết',
    ]);
  });
});

describe('meeting helpers', () => {
  it('scores reviewed targets: done 1, partly a half, not done 0, open not assessed', () => {
    expect(targetsMetShare(['done', 'partly_done', 'not_done', 'open'])).toBe(0.5);
    expect(targetsMetShare(['done', 'done', 'partly_done', 'done'])).toBe(0.875);
    expect(targetsMetShare(['open'])).toBeNull();
    expect(formatShare(0.875)).toBe('88 %');
    expect(formatShare(null)).toBe('');
  });

  it('measures a meeting in minutes and refuses an end before the start', () => {
    expect(minutesBetween('14:00', '15:35')).toBe(95);
    expect(minutesBetween('14:00', '13:00')).toBeNull();
    expect(minutesBetween('14:00', '')).toBeNull();
    expect(minutesBetween('2:00', '15:00')).toBeNull();
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 2)).toBe('2027-01-02');
  });

  it('writes file sizes with a decimal comma', () => {
    expect(formatFileSize(900)).toBe('900 B');
    expect(formatFileSize(1536)).toBe('1,5 KB');
    expect(formatFileSize(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatFileSize(15 * 1024 * 1024 + 300000)).toBe('15 MB');
  });

  it('names a meeting by kind and month', () => {
    expect(meetingTitle({ kind: 'thematic', year: 2026, month: 3 })).toBe('Sinh hoạt chuyên đề tháng 3/2026');
    expect(presenceLabel('excused')).toBe('Vắng có lý do');
    expect(presenceLabel('away')).toBe('Sinh hoạt tạm thời nơi khác');
    expect(HD42_AGENDA).toHaveLength(4);
  });

  it('heads the tasks of a thematic resolution as its measures, not as next month\'s tasks', () => {
    const topic = { id: 1, title: 'Phân loại rác', state: 'sent' };

    expect(tasksHeading({ kind: 'thematic', topic })).toBe('Nhiệm vụ, giải pháp của nghị quyết chuyên đề');
    expect(tasksHeading({ kind: 'thematic', topic: null })).toBe('Nhiệm vụ tháng tới');
    expect(tasksHeading({ kind: 'regular', topic: null })).toBe('Nhiệm vụ tháng tới');
  });
});

describe('members away from their cell at a roll call', () => {
  const entry = (member_id: number, status_at_meeting: MemberStatus, presence: Presence) => ({
    member_id,
    status_at_meeting,
    presence,
  });

  it('lists the members away with a transfer letter apart, keeping the order of the roll', () => {
    const roll = [
      entry(1, 'official', 'present'),
      entry(2, 'official', 'away'),
      entry(3, 'working_away', 'unexcused'),
      entry(4, 'probationary', 'away'),
      entry(5, 'exempt', 'exempt'),
    ];

    const { attending, away } = splitRoll(roll);

    expect(attending.map((a) => a.member_id)).toEqual([1, 3, 5]);
    expect(away.map((a) => a.member_id)).toEqual([2, 4]);
  });

  it('reminds that a member working away without a letter needs a reason to be absent', () => {
    expect(workingAwayHint(entry(3, 'working_away', 'unexcused'))).toBe('Làm ăn xa — vắng cần ghi lý do');
    expect(workingAwayHint(entry(3, 'working_away', 'away'))).toBeNull();
    expect(workingAwayHint(entry(1, 'official', 'present'))).toBeNull();
  });

  it('names and colours every presence, away included', () => {
    const presences: Presence[] = ['present', 'late', 'excused', 'unexcused', 'exempt', 'away'];
    for (const p of presences) {
      expect(PRESENCE_LABELS[p]).toBeTruthy();
      expect(PRESENCE_COLORS[p]).toBeTruthy();
    }
  });
});

describe('the session of a meeting', () => {
  const session = (over: Partial<MeetingRecord['session']>): MeetingRecord['session'] => ({
    minutes: null,
    min_minutes: 90,
    combined: false,
    partner_id: null,
    ...over,
  });

  it('says a meeting alone against its minimum, nothing before its times are recorded', () => {
    expect(sessionText(session({}))).toBeNull();
    expect(sessionText(session({ minutes: 95 }))).toEqual({ text: 'Thời lượng: 95 phút (tối thiểu 90)', short: false });
    expect(sessionText(session({ minutes: 60 }))?.short).toBe(true);
  });

  it('says a combined session against the combined minimum', () => {
    const combined = session({ combined: true, min_minutes: 120, partner_id: 7 });
    expect(sessionText({ ...combined, minutes: 125 })).toEqual({
      text: 'Buổi sinh hoạt kết hợp thường kỳ và chuyên đề: 125 phút (tối thiểu 120)',
      short: false,
    });
    expect(sessionText({ ...combined, minutes: 100 })?.short).toBe(true);
    expect(sessionText(combined)?.text).toBe(
      'Buổi sinh hoạt kết hợp thường kỳ và chuyên đề: chưa ghi đủ giờ (tối thiểu 120 phút)',
    );
    expect(partnerMeetingLabel('regular')).toBe('Cuộc họp chuyên đề cùng buổi');
  });
});

describe('combined sessions in the calendar', () => {
  const entry = (over: Partial<CalendarEntry>): CalendarEntry =>
    ({
      id: null,
      kind: 'regular',
      year: 2027,
      month: 3,
      date: '2027-03-05',
      start_time: '14:00',
      min_minutes: 90,
      combined_min_minutes: 120,
      state: 'planned',
      ...over,
    }) as CalendarEntry;

  it('pairs the regular and the thematic meeting of a month held on the same day', () => {
    const regular = entry({});
    const thematic = entry({ kind: 'thematic' });
    const other = entry({ month: 4, date: '2027-04-05' });
    expect(combinedPartner(regular, [regular, thematic, other])).toBe(thematic);
    expect(entryMinimumText(regular, [regular, thematic, other])).toBe('90 (120 khi kết hợp)');
    expect(entryMinimumText(other, [regular, thematic, other])).toBe('90');
  });

  it('does not pair a different day or a cancelled meeting', () => {
    const regular = entry({});
    expect(combinedPartner(regular, [regular, entry({ kind: 'thematic', date: '2027-03-12' })])).toBeUndefined();
    expect(combinedPartner(regular, [regular, entry({ kind: 'thematic', state: 'cancelled' })])).toBeUndefined();
  });
});
