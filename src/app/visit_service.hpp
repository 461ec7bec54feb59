#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common.hpp"
#include "base/clock.hpp"
#include "domain/scorecard.hpp"
#include "domain/store.hpp"
#include "domain/visit.hpp"

// Committee members and staff attending cells (issue 17, domain.md §6): who attends for a committee, the
// plan of their visits, the reports they file within 5 days, the petitions raised at the cells and the
// practice a committee sees.
namespace chibo::app {

struct AttendantInput {
    domain::MemberId member;
    std::string role;
    base::Date term_start;
    std::optional<base::Date> term_end;
    domain::VisitDuty duty;
};

struct AttendantPatch {
    std::optional<std::string> role;
    std::optional<std::optional<base::Date>> term_end;  // Present: set (or clear with nullopt).
    std::optional<int> visits_per_month;
    std::optional<int> meetings_per_quarter;
    std::optional<int> report_days;
};

struct AttendantView {
    domain::Attendant attendant;
    std::string organization_name;
    bool active = false;  // In the term today.
};

// A planned visit as people read it: the names, the meeting it concerns and how it went.
struct PlannedVisitView {
    domain::PlannedVisit visit;
    std::string attendant_name;
    std::string cell_name;
    std::optional<domain::MeetingId> meeting;
    // planned, attended (report not yet due), reported, report_late, report_missing, not_held.
    std::string status;
    std::optional<base::Date> report_due;
    std::optional<domain::VisitReportId> report;
};

struct PlanShortfallView {
    domain::AttendantId attendant;
    std::string attendant_name;
    domain::VisitKind kind = domain::VisitKind::kMeeting;
    int missing = 0;
    std::string message;
};

struct PlanCellView {
    domain::PlanCell cell;
    std::string name;
    int visits = 0;
};

struct NamedCell {
    domain::OrganizationId id;
    std::string name;
};

struct VisitPlanView {
    domain::StoredVisitPlan plan;
    std::vector<PlannedVisitView> visits;
    std::vector<PlanShortfallView> shortfalls;
    std::vector<NamedCell> uncovered;
    std::vector<PlanCellView> cells;
    bool can_edit = false;
};

struct PlanInput {
    int from_year = 0;
    int from_month = 0;
    int to_year = 0;
    int to_month = 0;
    std::string title;  // Empty: "Kế hoạch dự sinh hoạt chi bộ mm/yyyy – mm/yyyy".
    // Cells the committee knows to be difficult (remote, few members, a troubled village): they come first too.
    std::vector<domain::OrganizationId> difficult;
};

struct VisitInput {
    domain::AttendantId attendant;
    domain::OrganizationId cell;
    domain::VisitKind kind = domain::VisitKind::kMeeting;
    int year = 0;
    int month = 0;
    std::string reason;
};

struct PetitionInput {
    domain::PetitionField field = domain::PetitionField::kOther;
    domain::PetitionSource source = domain::PetitionSource::kMember;
    std::string raised_by;
    std::string content;
    domain::OrganizationId owner;
    std::string owner_name;
    base::Date deadline;
};

struct ReportInput {
    domain::AttendantId attendant;
    domain::OrganizationId cell;
    domain::VisitKind kind = domain::VisitKind::kMeeting;
    std::optional<domain::MeetingId> meeting;
    std::optional<base::Date> visited_on;
    std::string observations;
    std::string members_situation;
    std::vector<PetitionInput> petitions;
};

struct PetitionView {
    domain::Petition petition;
    std::string cell_name;
    std::string owner_organization_name;
    bool overdue = false;
    bool can_answer = false;
};

struct ReportView {
    domain::VisitReport report;
    std::string attendant_name;
    std::string cell_name;
    base::Date due_on;
    bool late = false;
    std::optional<domain::MeetingScore> superior_score;
    std::vector<PetitionView> petitions;
};

struct MyVisits {
    std::vector<AttendantView> attendants;
    std::vector<PlannedVisitView> visits;
    std::vector<ReportView> reports;
};

enum class PetitionFilter { kAll, kOpen, kAnswered, kOverdue };

struct PersonPracticeView {
    domain::PersonPractice practice;
    std::string name;
    std::string role;
    domain::MemberId member;
};

struct VisitOverview {
    domain::OrganizationId organization;
    int from_year = 0;
    int from_month = 0;
    int to_year = 0;
    int to_month = 0;
    std::vector<PersonPracticeView> people;
    domain::PersonPractice totals;
    int cells = 0;
    int visited = 0;
    std::vector<NamedCell> never_visited;
    std::vector<NamedCell> only_good;
    int petitions_open = 0;
    int petitions_answered = 0;
    int petitions_overdue = 0;
};

// A person the superior committees assigned who may be recorded at a meeting as the official attending.
struct SuperiorCandidate {
    domain::AttendantId id;
    std::string name;
    std::string role;
    std::string organization_name;
    bool planned = false;  // A published plan sends them to this meeting.
};

// The superior official recorded at a meeting of `cell`, and, with `candidates`, the people who may be: those the
// cell's ancestors assigned, in their term on the meeting's day, the planned ones first.
struct SuperiorAtMeeting {
    std::optional<SuperiorCandidate> attendant;
    std::vector<SuperiorCandidate> candidates;
};
SuperiorAtMeeting SuperiorAt(domain::Repositories& repos, const domain::Organization& cell,
                             const domain::Meeting& meeting, bool candidates);

// Whether `attendant` may be recorded as the superior official at the meeting (one of its candidates); an error
// on `superior_attendant_id` otherwise.
base::Result<void> CheckSuperiorAttendant(domain::Repositories& repos, const domain::Organization& cell,
                                          const domain::Meeting& meeting, domain::AttendantId attendant);

// A member's visits over [from, to] across their assignments, against their duty, read on `today` (evidence in
// their annual grading); nullopt when they were never assigned in it.
std::optional<domain::PersonPractice> PracticeOfMember(domain::Repositories& repos, domain::MemberId member,
                                                       base::Date from, base::Date to, base::Date today);

// A person's visits in a year, for their calendar feed: the published plans' visits of every assignment of
// the member.
std::vector<PlannedVisitView> VisitsOfMember(domain::Repositories& repos, domain::MemberId member, int year,
                                             base::Date today);

// Plans the months of `input` for `people` over the living cells of `committee`'s subtree from the record read
// on `today`, and stores the draft with its visits and the cells' reasons (the planner of Propose and of the
// demo).
domain::StoredVisitPlan CreatePlan(domain::Repositories& repos, const domain::Organization& committee,
                                   const PlanInput& input, const std::vector<domain::Attendant>& people,
                                   const std::string& created_by, std::int64_t created_at, base::Date today);

class VisitService {
public:
    VisitService(domain::Store& store, const base::Clock& clock) : store_(store), clock_(clock) {}

    // Readers of the committee's members; writers add and change (a committee, not a cell or a group).
    base::Result<std::vector<AttendantView>> Attendants(const domain::Actor& actor, domain::OrganizationId committee);
    base::Result<AttendantView> AddAttendant(const domain::Actor& actor, domain::OrganizationId committee,
                                             const AttendantInput& input);
    base::Result<AttendantView> UpdateAttendant(const domain::Actor& actor, domain::AttendantId id,
                                                const AttendantPatch& patch);

    base::Result<std::vector<domain::StoredVisitPlan>> Plans(const domain::Actor& actor,
                                                             domain::OrganizationId committee);
    // Proposes a draft from the record: PlanVisits over the subtree's cells, their standing and meetings.
    base::Result<VisitPlanView> Propose(const domain::Actor& actor, domain::OrganizationId committee,
                                        const PlanInput& input);
    base::Result<VisitPlanView> Plan(const domain::Actor& actor, domain::VisitPlanId id);
    base::Result<void> DeletePlan(const domain::Actor& actor, domain::VisitPlanId id);
    base::Result<VisitPlanView> Publish(const domain::Actor& actor, domain::VisitPlanId id);
    base::Result<VisitPlanView> AddVisit(const domain::Actor& actor, domain::VisitPlanId plan, const VisitInput& input);
    base::Result<VisitPlanView> UpdateVisit(const domain::Actor& actor, domain::VisitPlanId plan,
                                            domain::PlannedVisitId visit, const VisitInput& input);
    base::Result<VisitPlanView> DeleteVisit(const domain::Actor& actor, domain::VisitPlanId plan,
                                            domain::PlannedVisitId visit);

    // The published visits to the cells of the organisation's subtree in `year` (anyone who sees it).
    base::Result<std::vector<PlannedVisitView>> VisitsTo(const domain::Actor& actor,
                                                         domain::OrganizationId organization, int year);
    base::Result<MyVisits> Mine(const domain::Actor& actor, int year);

    base::Result<ReportView> File(const domain::Actor& actor, const ReportInput& input);
    base::Result<ReportView> Report(const domain::Actor& actor, domain::VisitReportId id);
    base::Result<std::vector<ReportView>> Reports(const domain::Actor& actor, domain::OrganizationId organization,
                                                  int year);

    base::Result<std::vector<PetitionView>> Petitions(const domain::Actor& actor, domain::OrganizationId organization,
                                                      PetitionFilter filter, std::optional<int> year);
    base::Result<PetitionView> Answer(const domain::Actor& actor, domain::PetitionId id, const std::string& answer);

    base::Result<VisitOverview> Overview(const domain::Actor& actor, domain::OrganizationId organization, int from_year,
                                         int from_month, int to_year, int to_month);

private:
    domain::Store& store_;
    const base::Clock& clock_;
};

}  // namespace chibo::app
