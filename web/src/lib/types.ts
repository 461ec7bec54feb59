// Types of the chibo HTTP API v1 (docs/api.md). Dates are ISO `YYYY-MM-DD` strings.

export type OrgKind =
  | 'central'
  | 'province'
  | 'commune_committee'
  | 'grassroots_committee'
  | 'grassroots_cell'
  | 'subordinate_cell'
  | 'party_group';

export type OrgCategory =
  | ''
  | 'village'
  | 'residential_group'
  | 'agency'
  | 'enterprise'
  | 'school'
  | 'armed_forces'
  | 'other';

export type MemberStatus =
  | 'official'
  | 'probationary'
  | 'exempt'
  | 'temporary'
  | 'working_away'
  | 'transferred_out'
  | 'removed'
  | 'deceased';

export type Sex = 'male' | 'female';
export type PositionKind = 'secretary' | 'deputy_secretary' | 'committee_member' | 'group_leader';
export type RoleKind = 'administrator' | 'committee' | 'secretary' | 'member';
export type DocumentType = 'NQ' | 'QD' | 'KL' | 'TB' | 'BC' | 'KH' | 'CTr' | 'DA' | 'PA' | 'TTr' | 'CV' | 'BB' | 'QC';

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export interface Role {
  id: number;
  role: RoleKind;
  organization_id: number;
  organization_name: string;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  member_id: number | null;
  roles: Role[];
}

export interface Session {
  user: User;
  csrf_token: string;
}

export interface TreeNode {
  id: number;
  name: string;
  kind: OrgKind;
  category: OrgCategory;
  parent_id: number | null;
  member_count: number;
  has_children: boolean;
  children: TreeNode[];
}

export interface Position {
  id: number;
  organization_id: number;
  member_id: number;
  member_name: string;
  position: PositionKind;
  term_start: string;
  term_end: string | null;
  // Given in a member's positions.
  organization_name?: string;
}

export interface Counts {
  official: number;
  probationary: number;
  exempt: number;
  temporary: number;
  working_away: number;
  on_roll: number;
}

export interface PartyGroup {
  id: number;
  name: string;
  member_count: number;
  leader: Position | null;
}

export interface Organization {
  id: number;
  parent_id: number | null;
  name: string;
  kind: OrgKind;
  category: OrgCategory;
  address: string;
  valid_from: string | null;
  valid_to: string | null;
  merged_into_id: number | null;
  path: { id: number; name: string }[];
  counts: Counts;
  leaders: Position[];
  party_groups: PartyGroup[];
  children_count: number;
  warnings: { code: string; message: string }[];
  can_write: boolean;
}

export interface MemberSummary {
  id: number;
  full_name: string;
  given_name: string;
  sex: Sex;
  date_of_birth: string | null;
  status: MemberStatus;
  organization_id: number;
  organization_name: string;
  party_group_id: number | null;
  party_card_number: string;
  phone: string;
}

export interface Membership {
  organization_id: number;
  organization_name: string;
  start_date: string;
  end_date: string | null;
  reason: string;
}

export interface Member extends MemberSummary {
  citizen_id: string;
  admission_date: string | null;
  official_date: string | null;
  address: string;
  note: string;
  memberships: Membership[];
  positions: Position[];
  can_write: boolean;
}

export interface AuditEntry {
  id: number;
  at: string;
  user_id: number | null;
  username: string;
  action: string;
  entity: string;
  entity_id: number | null;
  organization_id: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

// An entry of an organisation's register of issued documents (`Document` in docs/api.md; named so as not to
// shadow the DOM's Document).
export interface IssuedDocument {
  id: number;
  organization_id: number;
  type: DocumentType;
  type_label: string;
  // "2025-2030"; term_label "2025 – 2030".
  term: string;
  term_label: string;
  number: number;
  // "05-NQ/CB", as printed on the document.
  number_text: string;
  issued_on: string;
  title: string;
  created_by: string;
}

// Meeting rules (quy định lịch sinh hoạt) and the meeting calendar of a cell.
export type MeetingKind = 'regular' | 'thematic';
export type DayShift = 'keep' | 'next_working_day' | 'previous_working_day';
export type MeetingState =
  | 'planned'
  | 'prepared'
  | 'notified'
  | 'held'
  | 'minutes_finalised'
  | 'reported'
  | 'cancelled';

// An organisation's own settings: null means "as the superior sets it".
export interface RuleOverride {
  regular_day: number | null;
  // "HH:MM"
  start_time: string | null;
  thematic_months: number[] | null;
  min_minutes: number | null;
  combined_min_minutes: number | null;
  shift: DayShift | null;
  holidays: string[];
}

// The rule in force after inheritance: every field set (holidays: the extra days of the whole chain).
export interface MeetingRule {
  regular_day: number;
  start_time: string;
  thematic_months: number[];
  min_minutes: number;
  combined_min_minutes: number;
  shift: DayShift;
  holidays: string[];
}

export interface RuleSource {
  organization_id: number;
  organization_name: string;
  own: RuleOverride;
}

export interface RuleView {
  own: RuleOverride;
  effective: MeetingRule;
  // Ancestors whose settings the rule inherits, root first.
  sources: RuleSource[];
}

export interface CalendarEntry {
  // null while the meeting is only expected (no occurrence created yet).
  id: number | null;
  kind: MeetingKind;
  year: number;
  month: number;
  date: string;
  start_time: string;
  min_minutes: number;
  state: MeetingState;
  state_label: string;
  shifted: boolean;
  moved_reason: string;
  cancelled_reason: string;
}

// One meeting, from preparation to the report (HD 42): the record `GET /meetings/{id}` returns.

// A member's presence at one meeting. Exempt members are not expected; late counts as present.
export type Presence = 'present' | 'late' | 'excused' | 'unexcused' | 'exempt';
// How an earlier resolution task stands when a later meeting reviews it ("open": not assessed yet).
export type TaskOutcome = 'open' | 'done' | 'partly_done' | 'not_done';
// Who may vote: every eligible member present, or official members only (admissions, confirmations).
export type VoteScope = 'all_present' | 'official_only';
export type MeetingWarningCode = 'documents_late' | 'no_preparation' | 'report_late' | 'too_short';

export interface MeetingWarning {
  code: MeetingWarningCode | string;
  message: string;
}

export interface MeetingPreparation {
  // A member of the cell; preparer_name is "" when nobody is assigned.
  preparer_id: number | null;
  preparer_name: string;
  place: string;
  // The chi ủy meeting that prepares the cell meeting.
  committee_meeting_on: string | null;
  committee_meeting_notes: string;
  // Agenda items in order.
  agenda: string[];
  // The superior committee member who follows the cell (a name).
  superior_official: string;
}

export interface MeetingAttachment {
  id: number;
  file_name: string;
  content_type: string;
  // Bytes.
  size: number;
  sha256: string;
  uploaded_at: string;
}

export interface LeaveRequest {
  member_id: number;
  member_name: string;
  reason: string;
  requested_at: string;
}

// One member's presence, frozen at the meeting (name and status copied).
export interface Attendance {
  member_id: number;
  member_name: string;
  status_at_meeting: MemberStatus;
  presence: Presence;
  // Required when presence is "excused".
  reason: string;
}

// The membership report the minutes open with.
export interface AttendanceCounts {
  official: number;
  probationary: number;
  temporary: number;
  exempt: number;
  // Everyone but the exempt.
  expected: number;
  // Present or late.
  present: number;
  excused: number;
  unexcused: number;
  attendance_rate: number | null;
}

export interface Opinion {
  // null for a guest; speaker_name is then the guest's name.
  speaker_id: number | null;
  speaker_name: string;
  summary: string;
}

export interface Vote {
  in_favour: number;
  against: number;
  abstaining: number;
}

export interface MeetingRecord {
  // "HH:MM"
  started_at: string | null;
  ended_at: string | null;
  duration_minutes: number | null;
  chair_id: number | null;
  chair_name: string;
  minute_taker_id: number | null;
  minute_taker_name: string;
  guests: string[];
  // A member of the superior committee attended.
  superior_attended: boolean;
  attendance: Attendance[];
  counts: AttendanceCounts;
  opinions: Opinion[];
  conclusion: string;
  resolution: string;
  vote: Vote | null;
  vote_scope: VoteScope;
  // Eligible voters present under vote_scope.
  eligible: number;
  // "18/20 đồng chí tán thành, đạt 90 %"
  vote_sentence: string;
  adopted: boolean | null;
}

// A task of a meeting's resolution: who (null: the whole cell), what, by when; reviewed at a later meeting.
export interface ResolutionTask {
  id: number;
  meeting_id: number;
  assignee_id: number | null;
  assignee_name: string;
  description: string;
  deadline: string;
  outcome: TaskOutcome;
  result: string;
}

// A correction added after the minutes were finalised.
export interface Amendment {
  id: number;
  text: string;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface Meeting extends Omit<CalendarEntry, 'id'> {
  id: number;
  organization_id: number;
  organization_name: string;
  can_write: boolean;
  preparation: MeetingPreparation;
  notified_at: string | null;
  documents_sent_at: string | null;
  // Documents reached members less than 1 day before the start.
  documents_late: boolean;
  warnings: MeetingWarning[];
  attachments: MeetingAttachment[];
  // Writers of the cell only.
  leave_requests?: LeaveRequest[];
  // The signed-in member's own request.
  my_leave_request?: LeaveRequest | null;
  record: MeetingRecord;
  // The tasks this meeting's resolution sets.
  tasks: ResolutionTask[];
  // Earlier tasks reviewed at this meeting.
  review: ResolutionTask[];
  // 0–1: done 1, partly ½, not done 0; null when nothing was assessed.
  targets_met_share: number | null;
  finalised_at: string | null;
  // "03-BB/CB", "" before finalising.
  minutes_number: string;
  resolution_number: string;
  reported_at: string | null;
  report_late: boolean;
  amendments: Amendment[];
}

// `PUT /meetings/{id}/preparation`.
export interface PreparationUpdate {
  preparer_id: number | null;
  place: string;
  committee_meeting_on: string | null;
  committee_meeting_notes: string;
  agenda: string[];
  superior_official: string;
}

// `PUT /meetings/{id}/record`: sections present replace the saved ones, absent ones are kept.
export interface RecordUpdate {
  started_at?: string | null;
  ended_at?: string | null;
  chair_id?: number | null;
  minute_taker_id?: number | null;
  guests?: string[];
  superior_attended?: boolean;
  attendance?: { member_id: number; presence: Presence; reason: string }[];
  opinions?: { speaker_id: number | null; speaker_name?: string; summary: string }[];
  conclusion?: string;
  resolution?: string;
  vote?: Vote | null;
  vote_scope?: VoteScope;
  tasks?: { assignee_id: number | null; description: string; deadline: string }[];
  review?: { task_id: number; outcome: TaskOutcome; result: string }[];
}

// `GET /members/{id}/attendance?year=`.
export interface MemberAttendanceEntry {
  meeting_id: number;
  date: string;
  kind: MeetingKind;
  presence: Presence;
  reason: string;
}

export interface MemberAttendance {
  items: MemberAttendanceEntry[];
  counts: Record<Presence, number>;
}

// `GET /organizations/{id}/absence-flags?year=`: 3 or more unexcused absences in the calendar year.
export interface AbsenceFlag {
  member_id: number;
  member_name: string;
  organization_id: number;
  organization_name: string;
  unexcused: number;
}

// `GET /organizations/{id}/alerts`: what needs attention now in the cells of a subtree (this calendar year).
export type AlertKind =
  | 'missed_regular'
  | 'missed_thematic'
  | 'too_short'
  | 'low_attendance'
  | 'documents_late'
  | 'minutes_late'
  | 'report_late'
  | 'repeated_absences'
  | 'confirmation_due'
  | 'committee_required'
  | 'too_few_official';

export interface ComplianceAlert {
  kind: AlertKind;
  message: string;
  organization_id: number;
  organization_name: string;
  meeting_id: number | null;
  member_id: number | null;
  year: number;
  month: number | null;
}

// `GET /me/calendar`: whether a private iCalendar feed exists (its address is shown only when created).
export interface CalendarFeed {
  active: boolean;
  created_at: string | null;
}

// Meeting quality (HD 42): scorecards and scores. `GET /organizations/{id}/scorecard`, `GET /meetings/{id}/score`.

// Facts of the record a criterion can score without a person's judgement. Shares are 0–1; yes/no facts are 1 or 0.
export type Metric =
  | 'shortfall_minutes'
  | 'attendance_share'
  | 'unexcused_absences'
  | 'documents_ahead'
  | 'committee_meeting_held'
  | 'draft_resolution'
  | 'notice_sent'
  | 'speaker_share'
  | 'targets_met'
  | 'resolution_adopted'
  | 'minutes_finalised'
  | 'report_on_time';

// Points for a metric value with min ≤ value < max (max null: no upper bound).
export interface Tier {
  min: number;
  max: number | null;
  points: number;
}

// At most `points` when `metric` reaches `at_least` (any unexcused absence caps attendance at 1).
export interface Cap {
  metric: Metric;
  at_least: number;
  points: number;
}

export interface Criterion {
  // Unique in the scorecard, ASCII: "attendance".
  code: string;
  label: string;
  max_points: number;
  // null: a person scores it.
  metric: Metric | null;
  tiers: Tier[];
  caps: Cap[];
}

export interface ScoreBlock {
  code: string;
  label: string;
  // The sum of its criteria.
  max_points: number;
  criteria: Criterion[];
}

export type QualityLevel = 'good' | 'fair' | 'average' | 'poor';
export type ScorerRole = 'cell' | 'superior';

// What `POST /organizations/{id}/scorecards` takes.
export interface ScorecardInput {
  name: string;
  effective_from: string;
  blocks: ScoreBlock[];
  good_min: number;
  fair_min: number;
  average_min: number;
  // Criteria that need full marks for "Tốt"; otherwise a total ≥ good_min is "Khá".
  full_marks_for_good: string[];
}

export interface Scorecard extends ScorecardInput {
  // 0: the built-in HD 42 scorecard.
  id: number;
  organization_id: number | null;
  // Sum of the blocks (100 for a valid scorecard).
  total: number;
  created_by?: string;
  created_at?: string | null;
}

export interface ScorecardView {
  // In force on the date asked (default today): the organisation's own, else the nearest ancestor's, else HD 42.
  in_force: Scorecard;
  // The organisation that set it; "" for the built-in one.
  source_name: string;
  own_versions: Scorecard[];
  // Committees only (not a cell or party group).
  can_write: boolean;
}

// The record as the metrics read it; null while the record does not tell yet.
export interface MeetingFacts {
  duration_minutes: number | null;
  min_minutes: number;
  attendance_share: number | null;
  unexcused: number;
  documents_ahead: boolean;
  committee_meeting_held: boolean;
  draft_resolution: boolean;
  notice_sent: boolean;
  speaker_share: number | null;
  targets_met: number | null;
  resolution_adopted: boolean;
  minutes_finalised: boolean;
  // null until reported, or until the deadline passes unreported.
  report_on_time: boolean | null;
}

// One scoring of one meeting; a correction is a later row with a reason, the earlier one stays.
export interface MeetingScore {
  id: number;
  role: ScorerRole;
  // 0: the built-in HD 42 scorecard.
  scorecard_id: number;
  points: Record<string, number>;
  total: number;
  level: QualityLevel;
  level_label: string;
  // Username of the scorer.
  scored_by: string;
  scored_at: string;
  reason: string;
}

export interface MeetingScoring {
  // In force on the meeting's day.
  scorecard: Scorecard;
  facts: MeetingFacts;
  // Points chibo computed from the record, by criterion code (criteria whose fact is unknown are absent).
  prefill: Record<string, number>;
  latest: { cell: MeetingScore | null; superior: MeetingScore | null };
  // Every scoring, oldest first.
  scores: MeetingScore[];
  can_score_cell: boolean;
  can_score_superior: boolean;
}

// `POST /meetings/{id}/scores`.
export interface ScoreInput {
  role: ScorerRole;
  points: Record<string, number>;
  reason?: string;
}

// Annual grading of cells and members (Quy định 366, HD 43). `GET /organizations/{id}/grading-rounds`,
// `GET /grading-rounds/{id}`, `GET /grading-rounds/{id}/grades`.

export type GradingPeriodKind = 'year' | 'quarter' | 'term';
export type GradeLevel = 'excellent' | 'good' | 'completed' | 'not_completed';
export type GradingSubject = 'cell' | 'member';
export type GradingStep = 'self' | 'collective' | 'decision';

// A committee's grading of its subtree for one period.
export interface GradingRound {
  id: number;
  organization_id: number;
  organization_name: string;
  // "2026", "2026-Q3" or "2025-2030".
  period: string;
  period_kind: GradingPeriodKind;
  // "Năm 2026", "Quý III/2026", "Nhiệm kỳ 2025–2030".
  period_label: string;
  period_from: string;
  period_to: string;
  // 0–1: "excellent" at most this share of those rated "good".
  excellent_quota: number;
  created_by: string;
  created_at: string;
  can_decide: boolean;
}

export interface GradingRoundList {
  items: GradingRound[];
  can_create: boolean;
}

// From the latest decisions; the share is over the decided ones (null when none is decided).
export interface GradingSummary {
  total: number;
  excellent: number;
  good: number;
  completed: number;
  not_completed: number;
  undecided: number;
  good_or_better_share: number | null;
}

// Per grassroots organisation and subject: how many may be "excellent" (`allowed`) against how many are.
export interface GradingQuota {
  organization_id: number;
  organization_name: string;
  subject: GradingSubject;
  excellent: number;
  good: number;
  allowed: number;
  over: boolean;
}

export interface GradingRoundView extends GradingRound {
  summary: { cells: GradingSummary; members: GradingSummary };
  quota: GradingQuota[];
}

export interface CellGradingEvidence {
  regular_expected: number;
  regular_held: number;
  thematic_expected: number;
  thematic_held: number;
  meetings_scored: number;
  levels: { good: number; fair: number; average: number; poor: number };
  attendance_expected: number;
  attendance_present: number;
  tasks_assessed: number;
  // Done 1, partly done ½.
  tasks_met: number;
}

export interface MemberGradingEvidence {
  meetings_expected: number;
  present: number;
  excused: number;
  unexcused: number;
  spoke: number;
  tasks_assessed: number;
  tasks_met: number;
}

// One strand of the proposal: its weight in its block and the value 0–1 it reached (null: no evidence).
export interface ProposalPart {
  code: string;
  label: string;
  block: 'general' | 'tasks';
  weight: number;
  value: number | null;
}

// What chibo proposes from the period's evidence; `level` leaves out the conditions of excellence.
export interface GradeProposal {
  general_points: number;
  task_points: number;
  total: number;
  level: GradeLevel;
  level_label: string;
  excellent_eligible: boolean;
  parts: ProposalPart[];
}

// One recorded step; a correction is a later row of the same step with a reason.
export interface Grade {
  id: number;
  subject: GradingSubject;
  subject_id: number;
  step: GradingStep;
  step_label: string;
  general_points: number;
  task_points: number;
  total: number;
  level: GradeLevel;
  level_label: string;
  exceeded_targets: boolean;
  disciplined: boolean;
  comment: string;
  reason: string;
  recorded_by: string;
  recorded_at: string;
}

export interface GradeRow {
  subject: GradingSubject;
  subject_id: number;
  name: string;
  cell_id: number;
  cell_name: string;
  evidence: CellGradingEvidence | MemberGradingEvidence;
  proposal: GradeProposal;
  self: Grade | null;
  collective: Grade | null;
  decision: Grade | null;
  // Every row of the subject, corrections included.
  records: number;
  can_self: boolean;
  can_collective: boolean;
  can_decide: boolean;
}

export interface GradeRowWithHistory extends GradeRow {
  // Oldest first.
  history: Grade[];
}

// `POST /grading-rounds/{id}/grades`.
export interface GradeInput {
  subject: GradingSubject;
  subject_id: number;
  step: GradingStep;
  general_points: number;
  task_points: number;
  exceeded_targets?: boolean;
  disciplined?: boolean;
  comment?: string;
  reason?: string;
  acknowledge_quota?: boolean;
}

// Dashboards (docs/api.md "Dashboards"): D1 figures of a subtree over a range of months, D2 per child, D3 alerts.
export interface DashboardLevels {
  good: number;
  fair: number;
  average: number;
  poor: number;
  unscored: number;
}

export interface DashboardFigures {
  cells: number;
  members_expected: number;
  cells_regular_due: number;
  cells_regular_all: number;
  regular_share: number | null;
  cells_thematic_due: number;
  cells_thematic_all: number;
  thematic_share: number | null;
  meetings_held: number;
  attendance_expected: number;
  attendance_present: number;
  attendance_rate: number | null;
  meetings_attendance_90: number;
  attendance_90_share: number | null;
  levels: DashboardLevels;
  meetings_superior: number;
  cells_visited: number;
  members_flagged: number;
}

export interface DashboardOrganization {
  id: number;
  name: string;
  kind: OrgKind;
  dissolved: boolean;
}

export interface DashboardChild extends DashboardOrganization {
  figures: DashboardFigures;
}

export interface Dashboard {
  organization: DashboardOrganization;
  from: string;
  to: string;
  figures: DashboardFigures;
  children: DashboardChild[];
  trend: { month: string; figures: DashboardFigures }[];
}

export interface DashboardMissed {
  organization_id: number;
  organization_name: string;
  regular_months: string[];
  thematic_quarters: string[];
}

export interface DashboardFlagged {
  member_id: number;
  member_name: string;
  organization_id: number;
  organization_name: string;
  unexcused: number;
}

export interface DashboardAlerts {
  missed_total: number;
  missed: DashboardMissed[];
  flagged_total: number;
  flagged: DashboardFlagged[];
  page: number;
  page_size: number;
}
