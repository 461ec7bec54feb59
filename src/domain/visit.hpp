#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/ids.hpp"
#include "domain/scorecard.hpp"

// Committee members and staff attending cells (issue 17; domain.md §6): the duty, a fair plan of visits, the
// five-day report and the petitions raised at the cells. Pure rules; the app layer reads the record.
namespace chibo::domain {

using VisitPlanId = base::Id<struct VisitPlanTag>;
using PlannedVisitId = base::Id<struct PlannedVisitTag>;
using VisitReportId = base::Id<struct VisitReportTag>;
using PetitionId = base::Id<struct PetitionTag>;

// What a committee asks of one person who attends cells for it: a grassroots visit (đi cơ sở) every month,
// a cell meeting (dự sinh hoạt chi bộ) every quarter, the report within 5 days of attending.
struct VisitDuty {
    int visits_per_month = 1;
    int meetings_per_quarter = 1;
    int report_days = 5;
};

// The duty's bounds: a visit a month up to 10, meetings a quarter up to 12, the report within 1–30 days.
// Errors name the field ("visits_per_month").
base::Result<void> CheckDuty(const VisitDuty& duty);

// A committee member, or a member of staff the committee assigns, for a term.
struct Attendant {
    AttendantId id;
    std::string name;  // The member's name (filled by the repository).
    VisitDuty duty;
    OrganizationId organization;  // The committee the person attends for.
    MemberId member;
    std::string role;  // "Ủy viên Ban Thường vụ Đảng ủy xã", "Chuyên viên Ban Xây dựng Đảng".
    base::Date term_start;
    std::optional<base::Date> term_end;

    bool ActiveOn(base::Date day) const { return term_start <= day && (!term_end || day <= *term_end); }
    // Some day of the month falls in the term.
    bool ActiveIn(int year, int month) const;
};

// Two assignments of one person to one committee may not overlap in time.
bool TermsOverlap(const Attendant& a, const Attendant& b);

// How a cell has been doing, as the planner weighs it.
struct CellStanding {
    OrganizationId cell;
    std::string name;
    std::optional<QualityLevel> last_level;  // The latest meeting's quality; unset when never scored.
    std::optional<double> attendance_rate;   // Members present over expected, recent months.
    int missed_meetings = 0;                 // Months of the last year without a regular meeting.
    std::optional<int> months_since_visit;   // Unset: never attended by the committee.
    bool difficult = false;                  // The committee marks it difficult (remote, few members…).
};

// A cell's meeting in one month, when someone attending it is busy.
struct MeetingSlot {
    OrganizationId cell;
    int year = 0;
    int month = 0;
    base::Date date;
    int start_minutes = 0;
    int minutes = 90;
};

// Two meetings one person cannot both attend: the same day, overlapping times.
bool Overlaps(const MeetingSlot& a, const MeetingSlot& b);

// Why a cell comes first: points of weakness and the words that say why (Vietnamese, for the plan).
struct Priority {
    int points = 0;
    std::vector<std::string> reasons;
};

// Weak or difficult cells come first (the articles' complaint: committees visit their model cells): a poor
// last meeting, low attendance, months without a meeting, long unvisited, marked difficult.
Priority PriorityOf(const CellStanding& cell);

enum class VisitKind { kMeeting, kGrassroots };

struct PlannedVisit {
    PlannedVisitId id;  // Set once stored.
    VisitPlanId plan;
    AttendantId attendant;
    OrganizationId cell;
    VisitKind kind = VisitKind::kMeeting;
    int year = 0;
    int month = 0;
    std::optional<base::Date> date;  // A meeting's day; a grassroots visit is any day of the month.
    int start_minutes = 0;
    std::string reason;  // Why this cell.
};

// A duty the plan could not meet, and why.
struct Shortfall {
    AttendantId attendant;
    VisitKind kind = VisitKind::kMeeting;
    int missing = 0;
    std::string message;
};

struct VisitPlan {
    std::vector<PlannedVisit> visits;
    std::vector<Shortfall> shortfalls;
    std::vector<OrganizationId> uncovered;  // Cells no visit of either kind reaches in the period.
};

// Plans the months [from, to] (a quarter, a year, a term) for `attendants` over `cells`, whose meetings are
// `slots`. Every cell is reached first — a meeting attended where the meetings allow, else a grassroots
// visit — weakest first; the visits left go to the weak cells before the others, at most one attended
// meeting per cell and month. A person never attends two overlapping meetings; each meets their duty per
// quarter and month where that is possible, and a Shortfall says why not. Deterministic.
VisitPlan PlanVisits(std::span<const Attendant> attendants, std::span<const CellStanding> cells,
                     std::span<const MeetingSlot> slots, int from_year, int from_month, int to_year, int to_month);

std::string_view ToCode(VisitKind kind);
std::optional<VisitKind> VisitKindFromCode(std::string_view code);

enum class PlanState { kDraft, kPublished };
std::string_view ToCode(PlanState state);
std::optional<PlanState> PlanStateFromCode(std::string_view code);

// Why a cell got its place in a plan, kept with the plan so that it explains itself after the record moves on.
struct PlanCell {
    OrganizationId cell;
    int points = 0;
    std::vector<std::string> reasons;
};

// A committee's plan of visits for the months [from, to]. A draft is edited; published, the cells and the
// people assigned see it.
struct StoredVisitPlan {
    VisitPlanId id;
    OrganizationId organization;
    std::string title;
    int from_year = 0;
    int from_month = 0;
    int to_year = 0;
    int to_month = 0;
    PlanState state = PlanState::kDraft;
    std::string created_by;
    std::int64_t created_at = 0;
    std::string published_by;
    std::optional<std::int64_t> published_at;
    int visit_count = 0;  // Filled by the repository.

    bool Covers(int year, int month) const;
};

// A plan's period: at most five years (a term), the first month not after the last.
base::Result<void> CheckPlanPeriod(int from_year, int from_month, int to_year, int to_month);

// What a person filed after attending a meeting or visiting the grassroots.
struct VisitReport {
    VisitReportId id;
    AttendantId attendant;
    OrganizationId committee;
    OrganizationId cell;
    VisitKind kind = VisitKind::kMeeting;
    std::optional<MeetingId> meeting;
    base::Date visited_on;
    int report_days = 5;  // The duty when filed.
    std::int64_t filed_at = 0;
    base::Date filed_on;  // Vietnam day of filed_at.
    std::string observations;
    std::string members_situation;
    std::string created_by;
};

enum class PetitionField {
    kPartyBuilding,
    kEconomy,
    kLand,
    kSocialPolicy,
    kInfrastructure,
    kSecurity,
    kEnvironment,
    kOther
};
std::string_view ToCode(PetitionField field);
std::optional<PetitionField> PetitionFieldFromCode(std::string_view code);
std::string_view Label(PetitionField field);

enum class PetitionSource { kMember, kResident };  // Raised by a party member or by residents.
std::string_view ToCode(PetitionSource source);
std::optional<PetitionSource> PetitionSourceFromCode(std::string_view code);

// A petition (kiến nghị) raised at a cell, owned by an organisation that must answer by a deadline.
struct Petition {
    PetitionId id;
    VisitReportId report;
    OrganizationId cell;
    PetitionField field = PetitionField::kOther;
    PetitionSource source = PetitionSource::kMember;
    std::string raised_by;
    std::string content;
    OrganizationId owner;
    std::string owner_name;  // The body or person named to answer ("UBND xã", "đồng chí Phó Chủ tịch").
    base::Date raised_on;
    base::Date deadline;
    std::string answer;
    std::string answered_by;
    std::optional<base::Date> answered_on;
};

// A deadline is on or after the day the petition was raised, within a year.
base::Result<void> CheckPetitionDeadline(base::Date raised_on, base::Date deadline);

// Where a report stands: filed in time, filed late, not filed past the due day, not yet due.
enum class ReportState { kOnTime, kLate, kMissing, kPending };
ReportState ReportStateOf(base::Date attended_on, const std::optional<base::Date>& filed_on, int report_days,
                          base::Date today);

// The report on an attended meeting is due `report_days` days after it (5: a meeting on the 3rd, the 8th);
// filed later, it is late — from day 6.
base::Date VisitReportDue(base::Date attended_on, int report_days);
bool VisitReportLate(base::Date attended_on, base::Date filed_on, int report_days);

// A petition (kiến nghị) raised at a cell is overdue while unanswered past its deadline (the deadline day
// itself is still in time).
bool PetitionOverdue(base::Date deadline, const std::optional<base::Date>& answered_on, base::Date today);

// One visit that happened: a meeting attended (recorded on the meeting or reported) or a grassroots visit
// reported.
struct VisitDone {
    AttendantId attendant;
    OrganizationId cell;
    VisitKind kind = VisitKind::kMeeting;
    base::Date on;
    std::optional<MeetingId> meeting;
    std::optional<QualityLevel> level;      // The meeting's quality, when scored.
    std::optional<base::Date> reported_on;  // Unset: not reported.
    int report_days = 5;
};

// One person's practice over a period, against the duty of the months and quarters begun in their term.
struct PersonPractice {
    AttendantId attendant;
    int grassroots = 0;
    int grassroots_expected = 0;
    int meetings = 0;
    int meetings_expected = 0;
    int planned = 0;  // Visits of published plans in the period.
    int on_time = 0;
    int late = 0;
    int missing = 0;
    int pending = 0;

    // Adds another practice's counts (several assignments of one person, everyone of a subtree).
    PersonPractice& operator+=(const PersonPractice& other);
};

// The cells a committee reached: visited at all, never, or only at meetings rated Tốt (the articles'
// complaint: committees attend their model cells).
struct Coverage {
    int cells = 0;
    int visited = 0;
    std::vector<OrganizationId> never_visited;
    std::vector<OrganizationId> only_good;
};

struct Practice {
    std::vector<PersonPractice> people;  // In the order of `attendants`.
    Coverage coverage;
};

// The practice of months [from, to] read on `today`: `done` and `planned` outside the period are ignored.
Practice PracticeOf(std::span<const Attendant> attendants, std::span<const OrganizationId> cells,
                    std::span<const VisitDone> done, std::span<const PlannedVisit> planned, int from_year,
                    int from_month, int to_year, int to_month, base::Date today);

}  // namespace chibo::domain
