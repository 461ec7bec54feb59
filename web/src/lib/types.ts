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

export interface Meeting extends Omit<CalendarEntry, 'id'> {
  id: number;
  organization_id: number;
  organization_name: string;
  can_write: boolean;
}
