import { formatDate } from '../../lib/dates';
import type {
  Attendance,
  CalendarEntry,
  DayShift,
  Meeting,
  MeetingKind,
  MeetingRecord,
  MeetingRule,
  MeetingState,
  Presence,
  RuleOverride,
  RuleView,
  TaskOutcome,
  VoteScope,
} from '../../lib/types';

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

// ——— One meeting, from preparation to the report (HD 42) ———

// "Sinh hoạt thường kỳ tháng 3/2026"
export function meetingTitle(m: Pick<CalendarEntry, 'kind' | 'year' | 'month'>): string {
  return `Sinh hoạt ${MEETING_KIND_LABELS[m.kind].toLowerCase()} tháng ${m.month}/${m.year}`;
}

// The heading of the tasks a meeting's resolution sets: next month's tasks, or for a thematic meeting on a topic the
// measures of its thematic resolution (carried out over months, as the document's "III. NHIỆM VỤ, GIẢI PHÁP" says).
export function tasksHeading(m: { kind: CalendarEntry['kind']; topic: unknown }): string {
  return m.kind === 'thematic' && m.topic ? 'Nhiệm vụ, giải pháp của nghị quyết chuyên đề' : 'Nhiệm vụ tháng tới';
}

// The usual order of business of a monthly meeting (HD 42), offered when the agenda is still empty.
export const HD42_AGENDA = [
  'Kiểm điểm việc thực hiện nghị quyết tháng trước',
  'Thông tin thời sự, văn bản cấp trên',
  'Tình hình tư tưởng đảng viên',
  'Phương hướng, nhiệm vụ tháng tới',
];

export const PRESENCE_LABELS: Record<Presence, string> = {
  present: 'Có mặt',
  late: 'Đến muộn',
  excused: 'Vắng có lý do',
  unexcused: 'Vắng không lý do',
  exempt: 'Miễn sinh hoạt',
  away: 'Sinh hoạt tạm thời nơi khác',
};

export const PRESENCE_COLORS: Record<Presence, string> = {
  present: 'green',
  late: 'gold',
  excused: 'blue',
  unexcused: 'red',
  exempt: 'default',
  away: 'geekblue',
};

export function presenceLabel(presence: string): string {
  return PRESENCE_LABELS[presence as Presence] ?? presence;
}

export const TASK_OUTCOME_LABELS: Record<TaskOutcome, string> = {
  open: 'Chưa đánh giá',
  done: 'Hoàn thành',
  partly_done: 'Hoàn thành một phần',
  not_done: 'Chưa hoàn thành',
};

export const VOTE_SCOPE_LABELS: Record<VoteScope, string> = {
  all_present: 'Đảng viên có mặt (chính thức và dự bị)',
  official_only: 'Chỉ đảng viên chính thức (kết nạp, công nhận chính thức)',
};

// "HH:MM", 00:00 to 23:59.
export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

// Present or late: the member took part.
export function attended(presence: Presence): boolean {
  return presence === 'present' || presence === 'late';
}

export interface RollCounts {
  // Everyone on the roll call.
  total: number;
  official: number;
  probationary: number;
  temporary: number;
  // Marked exempt or exempt by status: not expected.
  exempt: number;
  // Away with a temporary transfer letter running on the meeting day: not expected either.
  away: number;
  expected: number;
  // Present or late.
  present: number;
  late: number;
  excused: number;
  unexcused: number;
}

type RollEntry = Pick<Attendance, 'status_at_meeting' | 'presence'>;

// The membership report of the minutes, counted as the server counts it (domain CountAttendance).
export function countAttendance(records: readonly RollEntry[]): RollCounts {
  const c: RollCounts = {
    total: records.length,
    official: 0,
    probationary: 0,
    temporary: 0,
    exempt: 0,
    away: 0,
    expected: 0,
    present: 0,
    late: 0,
    excused: 0,
    unexcused: 0,
  };
  for (const r of records) {
    if (r.status_at_meeting === 'official') c.official++;
    else if (r.status_at_meeting === 'probationary') c.probationary++;
    else if (r.status_at_meeting === 'temporary') c.temporary++;
    if (r.presence === 'away') {
      c.away++;
      continue;
    }
    if (r.presence === 'exempt' || r.status_at_meeting === 'exempt') {
      c.exempt++;
      continue;
    }
    c.expected++;
    if (attended(r.presence)) c.present++;
    if (r.presence === 'late') c.late++;
    if (r.presence === 'excused') c.excused++;
    if (r.presence === 'unexcused') c.unexcused++;
  }
  return c;
}

// As the minutes read: "Tổng số đảng viên: 22 (chính thức 20, dự bị 2); miễn sinh hoạt 1; có mặt 19/21; vắng có
// lý do 1; vắng không lý do 1", with "giới thiệu sinh hoạt tạm thời đi nơi khác 1" after the exempt when someone is
// away with a letter.
export function attendanceSummary(c: RollCounts): string {
  const kinds = [`chính thức ${c.official}`, `dự bị ${c.probationary}`];
  if (c.temporary > 0) kinds.push(`sinh hoạt tạm thời ${c.temporary}`);
  const present = `có mặt ${c.present}/${c.expected}` + (c.late > 0 ? ` (đến muộn ${c.late})` : '');
  return [
    `Tổng số đảng viên: ${c.total} (${kinds.join(', ')})`,
    `miễn sinh hoạt ${c.exempt}`,
    ...(c.away > 0 ? [`giới thiệu sinh hoạt tạm thời đi nơi khác ${c.away}`] : []),
    present,
    `vắng có lý do ${c.excused}`,
    `vắng không lý do ${c.unexcused}`,
  ].join('; ');
}

// The roll call as the screen shows it: the members the cell expects (or exempts) get a presence to choose; those
// away with a temporary transfer letter are listed apart, their presence fixed by the server.
export function splitRoll<T extends Pick<Attendance, 'presence'>>(roll: readonly T[]): { attending: T[]; away: T[] } {
  return {
    attending: roll.filter((a) => a.presence !== 'away'),
    away: roll.filter((a) => a.presence === 'away'),
  };
}

// A member working away without a letter still belongs to the cell's meeting: absent, they need a reason.
export function workingAwayHint(entry: Pick<Attendance, 'status_at_meeting' | 'presence'>): string | null {
  return entry.status_at_meeting === 'working_away' && entry.presence !== 'away'
    ? 'Làm ăn xa — vắng cần ghi lý do'
    : null;
}

// Members present who may vote (domain EligibleVoters): official members; probationary and temporary ones too
// unless only official members vote.
export function eligibleVoters(records: readonly RollEntry[], scope: VoteScope): number {
  return records.filter((r) => {
    if (!attended(r.presence)) return false;
    if (r.status_at_meeting === 'official') return true;
    if (scope === 'official_only') return false;
    return r.status_at_meeting === 'probationary' || r.status_at_meeting === 'temporary';
  }).length;
}

// The resolution's wording: "18/20 đồng chí tán thành, đạt 90 %" (z rounded to a whole percent; 0 when nobody may
// vote).
export function voteSentence(inFavour: number, eligible: number): string {
  const percent = eligible > 0 ? Math.round((100 * inFavour) / eligible) : 0;
  return `${inFavour}/${eligible} đồng chí tán thành, đạt ${percent} %`;
}

// Adopted with more than half of the eligible voters present in favour.
export function isAdopted(inFavour: number, eligible: number): boolean {
  return eligible > 0 && 2 * inFavour > eligible;
}

// Share of reviewed targets met: done 1, partly ½, not done 0; open tasks are not assessed. null when nothing was.
export function targetsMetShare(outcomes: readonly TaskOutcome[]): number | null {
  let met = 0;
  let assessed = 0;
  for (const o of outcomes) {
    if (o === 'open') continue;
    assessed++;
    if (o === 'done') met += 1;
    else if (o === 'partly_done') met += 0.5;
  }
  return assessed === 0 ? null : met / assessed;
}

// 0.875 → "88 %"; null → "".
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '';
  return `${Math.round(share * 100)} %`;
}

// Minutes from "HH:MM" to "HH:MM" on the same day; null when either is missing or the end is not after the start.
export function minutesBetween(start: string | null | undefined, end: string | null | undefined): number | null {
  if (!start || !end || !TIME_RE.test(start) || !TIME_RE.test(end)) return null;
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const minutes = toMinutes(end) - toMinutes(start);
  return minutes > 0 ? minutes : null;
}

// The lifecycle shown above a meeting.
export const LIFECYCLE_STEPS = ['Chuẩn bị', 'Thông báo', 'Sinh hoạt', 'Hoàn thành biên bản', 'Báo cáo cấp trên'];

// The step in progress: planned → 0 (preparing) … minutes_finalised → 4 (report due); reported → 5 (all done).
// A cancelled meeting stays at preparation.
export function lifecycleStep(state: MeetingState): number {
  switch (state) {
    case 'planned':
    case 'cancelled':
      return 0;
    case 'prepared':
      return 1;
    case 'notified':
      return 2;
    case 'held':
      return 3;
    case 'minutes_finalised':
      return 4;
    case 'reported':
      return 5;
  }
}

// After the minutes are finalised the record is locked: corrections are amendments.
export function recordLocked(state: MeetingState): boolean {
  return state === 'minutes_finalised' || state === 'reported' || state === 'cancelled';
}

// What the server needs before finalising the minutes, as the secretary would say it; empty when ready.
export function finaliseMissing(m: Pick<Meeting, 'record'>): string[] {
  const missing: string[] = [];
  if (m.record.attendance.length === 0) missing.push('Chưa lưu điểm danh');
  if (!m.record.started_at || !m.record.ended_at) missing.push('Chưa ghi giờ bắt đầu và giờ kết thúc');
  if (!m.record.conclusion.trim()) missing.push('Chưa ghi kết luận');
  if (!m.record.vote) missing.push('Chưa ghi kết quả biểu quyết');
  return missing;
}

// 1536 → "1,5 KB"; sizes as people read them, with a decimal comma.
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace('.', ',').replace(',0', '');
  return `${text} ${units[unit]}`;
}

// The sections of the meeting page, in the order of the work.
export type MeetingSection =
  'preparation' | 'notice' | 'roll' | 'opinions' | 'conclusion' | 'documents' | 'report' | 'score';

export const MEETING_SECTIONS: { key: MeetingSection; label: string }[] = [
  { key: 'preparation', label: 'Chuẩn bị' },
  { key: 'notice', label: 'Thông báo' },
  { key: 'roll', label: 'Điểm danh' },
  { key: 'opinions', label: 'Ý kiến' },
  { key: 'conclusion', label: 'Kết luận & biểu quyết' },
  { key: 'documents', label: 'Biên bản & nghị quyết' },
  { key: 'report', label: 'Báo cáo cấp trên' },
  // Shown only to those who read the cell's members (GET /meetings/{id}/score answers 200).
  { key: 'score', label: 'Chấm điểm' },
];

// The section each lifecycle step opens.
export const STEP_SECTIONS: MeetingSection[] = ['preparation', 'notice', 'roll', 'documents', 'report'];

// The section a meeting opens on: the work its state calls for (the roll call from the meeting's day on).
export function defaultSection(state: MeetingState, date: string, today: string): MeetingSection {
  switch (state) {
    case 'planned':
    case 'prepared':
    case 'cancelled':
      return 'preparation';
    case 'notified':
      return date <= today ? 'roll' : 'notice';
    case 'held':
      return 'roll';
    case 'minutes_finalised':
      return 'report';
    case 'reported':
      return 'documents';
  }
}

// How long a meeting's session lasted against its minimum: the meeting alone, or — when the month's regular and
// thematic meetings were held on the same day — the combined session from the earlier start to the later end.
// Null while a meeting alone has no start and end recorded.
export function sessionText(session: MeetingRecord['session']): { text: string; short: boolean } | null {
  const minimum = `tối thiểu ${session.min_minutes}`;
  if (session.combined) {
    const length = session.minutes === null ? `chưa ghi đủ giờ (${minimum} phút)` : `${session.minutes} phút (${minimum})`;
    return {
      text: `Buổi sinh hoạt kết hợp thường kỳ và chuyên đề: ${length}`,
      short: session.minutes !== null && session.minutes < session.min_minutes,
    };
  }
  if (session.minutes === null) return null;
  return { text: `Thời lượng: ${session.minutes} phút (${minimum})`, short: session.minutes < session.min_minutes };
}

// "cuộc họp chuyên đề" — the other meeting of a combined session, named from this one's kind.
export function partnerMeetingLabel(kind: MeetingKind): string {
  return kind === 'regular' ? 'Cuộc họp chuyên đề cùng buổi' : 'Cuộc họp thường kỳ cùng buổi';
}

// The month's meeting of the other kind held on the same day as `entry` (not cancelled): together they are one
// combined session, held to the longer combined minimum.
export function combinedPartner(entry: CalendarEntry, entries: readonly CalendarEntry[]): CalendarEntry | undefined {
  if (entry.state === 'cancelled') return undefined;
  return entries.find(
    (e) =>
      e.kind !== entry.kind &&
      e.year === entry.year &&
      e.month === entry.month &&
      e.date === entry.date &&
      e.state !== 'cancelled',
  );
}

// The minimum of a calendar entry in minutes: "90", or "90 (120 khi kết hợp)" on a day shared with the month's
// meeting of the other kind.
export function entryMinimumText(entry: CalendarEntry, entries: readonly CalendarEntry[]): string {
  return combinedPartner(entry, entries)
    ? `${entry.min_minutes} (${entry.combined_min_minutes} khi kết hợp)`
    : String(entry.min_minutes);
}
