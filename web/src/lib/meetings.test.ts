import { describe, expect, it } from 'vitest';
import { actionLabel, entityLabel } from './labels';
import {
  describeRule,
  DEFAULT_SOURCE,
  entryStateLabel,
  inheritedText,
  monthsAhead,
  OWN_SOURCE,
  ruleSettings,
  weekdayLabel,
} from './meetings';
import type { MeetingRule, RuleOverride, RuleView } from './types';

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
