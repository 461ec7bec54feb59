// Types of the chibo HTTP API v1, by the names the UI uses. The wire format is docs/api/openapi.json; its schemas
// are generated into ./api.gen.ts (`npm run gen:types`), and this file only names them and adds what the UI needs
// beyond them. Dates are ISO `YYYY-MM-DD` strings.
import type { Schemas } from './api.gen';

export type OrgKind = Schemas['OrganizationKind'];
export type OrgCategory = Schemas['OrganizationCategory'];
export type MemberStatus = Schemas['MemberStatus'];
export type Sex = Schemas['Sex'];
export type PositionKind = Schemas['PositionKind'];
export type RoleKind = Schemas['RoleKind'];
export type DocumentType = Schemas['DocumentType'];

// The shape of every paged list (MemberPage, UserPage, AuditPage, DocumentPage), generic over its items.
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export type Role = Schemas['RoleGrant'];
export type User = Schemas['User'];
export type Session = Schemas['LoginResponse'];
export type TreeNode = Schemas['TreeNode'];

export type Position = Schemas['Position'];
// A member's position, with the organisation it is held in.
export type MemberPosition = Schemas['MemberPosition'];
export type Counts = Schemas['MemberCounts'];
export type PartyGroup = Schemas['PartyGroup'];
export type Organization = Schemas['Organization'];
export type MemberSummary = Schemas['MemberSummary'];
export type Membership = Schemas['Membership'];
export type Member = Schemas['Member'];
// A temporary transfer letter (giấy giới thiệu sinh hoạt đảng tạm thời) and the body that records or changes one.
export type TransferLetter = Schemas['TransferLetter'];
export type TransferLetterInput = Schemas['TransferLetterInput'];
export type AuditEntry = Schemas['AuditEntry'];
// An entry of an organisation's register of issued documents (named so as not to shadow the DOM's Document).
export type IssuedDocument = Schemas['Document'];

// Meeting rules (quy định lịch sinh hoạt) and the meeting calendar of a cell.
export type MeetingKind = Schemas['MeetingKind'];
export type DayShift = Schemas['DayShift'];
export type MeetingState = Schemas['MeetingState'];

// RuleOverride is also the body of PUT …/meeting-rule, where every field may be left out, so the document leaves
// them optional; in answers the server always sends all of them (http/json/meeting.cpp). An organisation's own
// settings: null means "as the superior sets it".
export type RuleOverride = Required<Schemas['RuleOverride']>;
export type MeetingRule = Schemas['MeetingRule'];
export type RuleSource = Omit<Schemas['RuleSource'], 'own'> & { own: RuleOverride };
export type RuleView = Omit<Schemas['RuleView'], 'own' | 'sources'> & { own: RuleOverride; sources: RuleSource[] };
export type CalendarEntry = Schemas['CalendarEntry'];

// One meeting, from preparation to the report (HD 42): the record `GET /meetings/{id}` returns.
export type Presence = Schemas['Presence'];
export type TaskOutcome = Schemas['TaskOutcome'];
export type VoteScope = Schemas['VoteScope'];
export type MeetingWarning = Schemas['MeetingWarning'];
export type MeetingWarningCode = MeetingWarning['code'];
export type MeetingPreparation = Schemas['Preparation'];
export type MeetingAttachment = Schemas['Attachment'];
export type LeaveRequest = Schemas['LeaveRequest'];
export type Attendance = Schemas['Attendance'];
export type AttendanceCounts = Schemas['AttendanceCounts'];
export type Opinion = Schemas['Opinion'];
export type Vote = Schemas['Vote'];
export type MeetingRecord = Schemas['MeetingRecord'];
export type ResolutionTask = Schemas['Task'];
// An earlier task under review, with the kind and day of the meeting that set it.
export type ReviewedTask = Schemas['ReviewedTask'];
export type Amendment = Schemas['Amendment'];
export type Meeting = Schemas['Meeting'];
export type PreparationUpdate = Schemas['PreparationInput'];
export type RecordUpdate = Schemas['RecordPatch'];
export type MemberAttendanceEntry = Schemas['AttendanceHistoryItem'];
export type MemberAttendance = Schemas['AttendanceHistory'];
export type AbsenceFlag = Schemas['AbsenceFlag'];
export type ComplianceAlert = Schemas['Alert'];
export type AlertKind = ComplianceAlert['kind'];
export type CalendarFeed = Schemas['CalendarFeedStatus'];

// Meeting quality (HD 42): scorecards and scores.
export type Metric = Schemas['Metric'];
export type QualityLevel = Schemas['QualityLevel'];
export type ScorerRole = Schemas['ScorerRole'];

export type Tier = Schemas['Tier'];
export type Cap = Schemas['Cap'];
export type Criterion = Schemas['Criterion'];
export type ScoreBlock = Schemas['ScoreBlock'];
export type Scorecard = Schemas['Scorecard'];
// What `POST /organizations/{id}/scorecards` takes: a scorecard without its read-only fields.
export type ScorecardInput = Omit<Scorecard, 'id' | 'organization_id' | 'total' | 'created_by' | 'created_at'>;
export type ScorecardView = Schemas['ScorecardView'];
export type MeetingFacts = Schemas['MeetingFacts'];
export type MeetingScore = Schemas['MeetingScore'];
export type MeetingScoring = Schemas['MeetingScoring'];
export type ScoreInput = Schemas['NewScore'];
export type SubtreeScores = Schemas['SubtreeScores'];
export type DeviatingMeeting = Schemas['DeviatingMeeting'];
export type CriterionOverride = Schemas['CriterionOverride'];

// Annual grading of cells and members (Quy định 366, HD 43).
export type GradingPeriodKind = Schemas['GradingPeriodKind'];
export type GradeLevel = Schemas['GradeLevel'];
export type GradingSubject = Schemas['GradingSubject'];
export type GradingStep = Schemas['GradingStep'];
export type GradingRound = Schemas['GradingRound'];
export type GradingRoundList = Schemas['GradingRoundList'];
export type GradingSummary = Schemas['GradeSummary'];
export type GradingQuota = Schemas['GradeQuota'];
export type GradingRoundView = Schemas['GradingRoundDetail'];
export type CellGradingEvidence = Schemas['CellGradeEvidence'];
export type MemberGradingEvidence = Schemas['MemberGradeEvidence'];
export type GradeProposal = Schemas['GradeProposal'];
export type ProposalPart = GradeProposal['parts'][number];
export type Grade = Schemas['Grade'];
export type GradeRow = Schemas['GradeRow'];
export type GradeRowWithHistory = Schemas['GradeRowDetail'];
export type GradeInput = Schemas['GradeInput'];

// Dashboards: D1 figures of a subtree over a range of months, D2 per child, D3 alerts.
export type DashboardFigures = Schemas['DashboardFigures'];
export type DashboardLevels = DashboardFigures['levels'];
export type DashboardOrganization = Schemas['DashboardOrganization'];
export type Dashboard = Schemas['Dashboard'];
export type DashboardChild = Dashboard['children'][number];
export type DashboardAlerts = Schemas['DashboardAlerts'];
export type DashboardMissed = DashboardAlerts['missed'][number];
export type DashboardFlagged = DashboardAlerts['flagged'][number];

// Committee members and staff attending cells (issue 17): who attends for a committee, its plans, the reports and the
// petitions raised at the cells.
export type Attendant = Schemas['Attendant'];
export type AttendantInput = Schemas['AttendantInput'];
export type AttendantUpdate = Schemas['AttendantUpdate'];
export type PlannedVisit = Schemas['PlannedVisit'];
export type VisitKind = PlannedVisit['kind'];
export type VisitStatus = PlannedVisit['status'];
export type PlannedVisitInput = Schemas['PlannedVisitInput'];
export type VisitPlanSummary = Schemas['VisitPlanSummary'];
export type VisitPlanState = VisitPlanSummary['state'];
export type VisitPlan = Schemas['VisitPlan'];
export type VisitPlanInput = Schemas['VisitPlanInput'];
export type PlanShortfall = VisitPlan['shortfalls'][number];
export type PlanCell = VisitPlan['cells'][number];
export type Petition = Schemas['Petition'];
export type PetitionInput = Schemas['PetitionInput'];
export type PetitionField = Petition['field'];
export type RaisedByKind = Petition['raised_by_kind'];
export type VisitReport = Schemas['VisitReport'];
export type VisitReportInput = Schemas['VisitReportInput'];
export type VisitOverview = Schemas['VisitOverview'];
export type VisitOverviewPerson = VisitOverview['people'][number];
export type MyVisits = Schemas['MyVisits'];
export type AttendantList = Schemas['AttendantList'];
export type VisitPlanList = Schemas['VisitPlanList'];
export type PlannedVisitList = Schemas['PlannedVisitList'];
export type PetitionList = Schemas['PetitionList'];
export type SuperiorCandidate = MeetingRecord['superior_candidates'][number];
