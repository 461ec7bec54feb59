import { formatDate } from './dates';
import type { CalendarEntry, DayShift, MeetingKind, MeetingRule, MeetingState, RuleOverride, RuleView } from './types';

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  regular: 'Thường kỳ',
  thematic: 'Chuyên đề',
};

// What happens when the rule's day falls on a weekend or a holiday, as a phrase inside a sentence.
export const SHIFT_LABELS: Record<DayShift, string> = {
  keep: 'giữ nguyên',
  next_working_day: 'lùi sang ngày làm việc kế tiếp',
  previous_working_day: 'đưa lên ngày làm việc trước',
};

// The same, as a choice in a form.
export const SHIFT_CHOICES: Record<DayShift, string> = {
  keep: 'Giữ nguyên ngày',
  next_working_day: 'Lùi sang ngày làm việc kế tiếp',
  previous_working_day: 'Đưa lên ngày làm việc trước',
};

export const MEETING_STATE_COLORS: Record<MeetingState, string> = {
  planned: 'blue',
  prepared: 'cyan',
  notified: 'geekblue',
  held: 'green',
  minutes_finalised: 'green',
  reported: 'purple',
  cancelled: 'red',
};

// The state shown for a calendar entry: "Dự kiến" while no occurrence exists.
export function entryStateLabel(entry: Pick<CalendarEntry, 'id' | 'state_label'>): string {
  return entry.id === null ? 'Dự kiến' : entry.state_label || 'Dự kiến';
}

// A meeting may be moved or cancelled only before it is held.
export function beforeHeld(state: MeetingState): boolean {
  return state === 'planned' || state === 'prepared' || state === 'notified';
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

// "2026-12-07" → "Thứ Hai" (string arithmetic, no time zone involved).
export function weekdayLabel(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return '';
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return WEEKDAYS[day];
}

// The note next to a date the rule moved off a weekend or holiday.
export function shiftNote(shift: DayShift | undefined): string {
  return shift === 'previous_working_day' ? 'đã đưa lên do trùng ngày nghỉ' : 'đã lùi do trùng ngày nghỉ';
}

// How many months after the current month (negative: before). Occurrences are created at most 12 ahead.
export function monthsAhead(year: number, month: number, today: Date = new Date()): number {
  return year * 12 + month - (today.getFullYear() * 12 + today.getMonth() + 1);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

// The rule in plain Vietnamese: "14:00 ngày 03 hằng tháng; chuyên đề các tháng 3, 6, 9, 12; tối thiểu 90 phút
// (120 phút khi kết hợp); ngày nghỉ: giữ nguyên".
export function describeRule(rule: MeetingRule): string {
  const parts = [
    `${rule.start_time} ngày ${pad2(rule.regular_day)} hằng tháng`,
    `chuyên đề các tháng ${rule.thematic_months.join(', ')}`,
    `tối thiểu ${rule.min_minutes} phút (${rule.combined_min_minutes} phút khi kết hợp)`,
    `ngày nghỉ: ${SHIFT_LABELS[rule.shift] ?? rule.shift}`,
  ];
  if (rule.holidays.length > 0) parts.push(`ngày nghỉ thêm: ${rule.holidays.map(formatDate).join(', ')}`);
  return parts.join('; ');
}

// The HD 42 defaults, used when neither the organisation nor an ancestor sets a field.
export const DEFAULT_SOURCE = 'Mặc định (Hướng dẫn 42-HD/BTCTW)';
export const OWN_SOURCE = 'Riêng của tổ chức này';

export type RuleField = Exclude<keyof RuleOverride, 'holidays'>;

export const RULE_FIELD_LABELS: Record<RuleField, string> = {
  regular_day: 'Ngày họp hằng tháng',
  start_time: 'Giờ bắt đầu',
  thematic_months: 'Tháng sinh hoạt chuyên đề',
  min_minutes: 'Thời lượng tối thiểu (phút)',
  combined_min_minutes: 'Thời lượng khi kết hợp (phút)',
  shift: 'Khi trùng ngày nghỉ',
};

export const RULE_FIELDS = Object.keys(RULE_FIELD_LABELS) as RuleField[];

export interface RuleSetting {
  field: RuleField | 'holidays';
  label: string;
  value: string;
  // Where the value comes from: this organisation, an ancestor (by name) or the defaults.
  source: string;
  own: boolean;
}

function formatValue(field: RuleField, rule: MeetingRule): string {
  switch (field) {
    case 'regular_day':
      return `Ngày ${pad2(rule.regular_day)}`;
    case 'start_time':
      return rule.start_time;
    case 'thematic_months':
      return `Tháng ${rule.thematic_months.join(', ')}`;
    case 'min_minutes':
      return `${rule.min_minutes} phút`;
    case 'combined_min_minutes':
      return `${rule.combined_min_minutes} phút`;
    case 'shift':
      return SHIFT_CHOICES[rule.shift] ?? rule.shift;
  }
}

// The nearest organisation that sets `field` (this one first, then the ancestors nearest first), or null.
export function settingSource(view: RuleView, field: RuleField): { own: boolean; name: string } | null {
  if (view.own[field] !== null) return { own: true, name: OWN_SOURCE };
  for (let i = view.sources.length - 1; i >= 0; i--) {
    if (view.sources[i].own[field] !== null) return { own: false, name: view.sources[i].organization_name };
  }
  return null;
}

// Each setting of the rule in force with where it comes from.
export function ruleSettings(view: RuleView): RuleSetting[] {
  const rows: RuleSetting[] = RULE_FIELDS.map((field) => {
    const source = settingSource(view, field);
    return {
      field,
      label: RULE_FIELD_LABELS[field],
      value: formatValue(field, view.effective),
      source: source ? source.name : DEFAULT_SOURCE,
      own: source?.own ?? false,
    };
  });
  const own = new Set(view.own.holidays);
  const holidaySources = view.effective.holidays.map((day) => {
    const from = own.has(day)
      ? [OWN_SOURCE]
      : view.sources.filter((s) => s.own.holidays.includes(day)).map((s) => s.organization_name);
    return { day, from };
  });
  const names = [...new Set(holidaySources.flatMap((h) => h.from))];
  rows.push({
    field: 'holidays',
    label: 'Ngày nghỉ thêm',
    value: holidaySources.length
      ? holidaySources.map((h) => (names.length > 1 ? `${formatDate(h.day)} (${h.from.join(', ')})` : formatDate(h.day))).join(', ')
      : 'Không có',
    source: names.length === 1 ? names[0] : names.length > 1 ? 'Nhiều cấp' : '—',
    own: own.size > 0,
  });
  return rows;
}

// The server's defaults (what `GET …/meeting-rule` gives where no organisation of the chain sets anything).
export const DEFAULT_RULE: Omit<MeetingRule, 'holidays'> = {
  regular_day: 3,
  start_time: '14:00',
  thematic_months: [3, 6, 9, 12],
  min_minutes: 90,
  combined_min_minutes: 120,
  shift: 'keep',
};

// The value the organisation would inherit for `field` if it left it empty.
export function inheritedValue<F extends RuleField>(view: RuleView, field: F): MeetingRule[F] {
  if (view.own[field] === null) return view.effective[field];
  for (let i = view.sources.length - 1; i >= 0; i--) {
    const value = view.sources[i].own[field];
    if (value !== null) return value as MeetingRule[F];
  }
  return DEFAULT_RULE[field] as MeetingRule[F];
}

// The inherited value of `field` in words, for placeholders: "14:00", "Tháng 3, 6, 9, 12".
export function inheritedText(view: RuleView, field: RuleField): string {
  const rule = { ...view.effective, [field]: inheritedValue(view, field) } as MeetingRule;
  return formatValue(field, rule);
}
