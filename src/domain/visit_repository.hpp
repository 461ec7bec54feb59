#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "domain/visit.hpp"

namespace chibo::domain {

// How a cell has been doing over some months, as the planner reads it from the record.
struct CellRecordSummary {
    int regular_months_held = 0;  // Distinct months with a regular meeting held.
    int expected = 0;             // Roll-call entries expected at held meetings.
    int present = 0;
    std::optional<QualityLevel> last_level;  // Of the latest scored meeting (the superior's score first).
    std::optional<base::Date> last_visit;    // The latest meeting a superior attended, or visit reported.
};

// A meeting a committee's person attended as the record says it (the meeting's linked superior official).
struct AttendedMeeting {
    MeetingId meeting;
    OrganizationId cell;
    AttendantId attendant;
    base::Date on;
    std::optional<QualityLevel> level;  // The superior's latest score if any, else the cell's.
};

// The people committees assign to attend cells, the plans of their visits, the reports they file and
// the petitions raised at the cells.
class VisitRepository {
public:
    virtual ~VisitRepository() = default;

    virtual Attendant InsertAttendant(const Attendant& attendant) = 0;
    virtual void UpdateAttendant(const Attendant& attendant) = 0;
    virtual std::optional<Attendant> GetAttendant(AttendantId id) = 0;
    // The committee's people, every term, by name then id.
    virtual std::vector<Attendant> AttendantsOf(OrganizationId committee) = 0;
    // Every assignment of the member, to any committee.
    virtual std::vector<Attendant> AttendantsOfMember(MemberId member) = 0;
    // The people of the organisations on `paths` (the ancestors of a cell), by name then id.
    virtual std::vector<Attendant> AttendantsOfAny(const std::vector<OrganizationId>& committees) = 0;

    virtual StoredVisitPlan InsertPlan(const StoredVisitPlan& plan) = 0;
    // Saves the title, state and publication.
    virtual void UpdatePlan(const StoredVisitPlan& plan) = 0;
    virtual std::optional<StoredVisitPlan> GetPlan(VisitPlanId id) = 0;
    // Deletes the plan with its visits and cells.
    virtual void DeletePlan(VisitPlanId id) = 0;
    // The committee's plans, newest first.
    virtual std::vector<StoredVisitPlan> PlansOf(OrganizationId committee) = 0;
    virtual void SavePlanCells(VisitPlanId plan, const std::vector<PlanCell>& cells) = 0;
    virtual std::vector<PlanCell> PlanCells(VisitPlanId plan) = 0;

    virtual PlannedVisit InsertVisit(const PlannedVisit& visit) = 0;
    virtual void UpdateVisit(const PlannedVisit& visit) = 0;
    virtual void DeleteVisit(PlannedVisitId id) = 0;
    // The plan's visits by year, month, id.
    virtual std::vector<PlannedVisit> VisitsOf(VisitPlanId plan) = 0;
    // The visits of published plans to cells of the subtree at `path` in months [first, last] (numbered
    // year × 12 + month − 1), by year, month, id.
    virtual std::vector<PlannedVisit> PublishedVisitsIn(const std::string& path, int first_month, int last_month) = 0;
    // The visits of published plans assigned to any of `attendants` in months [first, last].
    virtual std::vector<PlannedVisit> PublishedVisitsOf(const std::vector<AttendantId>& attendants, int first_month,
                                                        int last_month) = 0;

    virtual VisitReport InsertReport(const VisitReport& report) = 0;
    virtual std::optional<VisitReport> GetReport(VisitReportId id) = 0;
    virtual std::optional<VisitReport> ReportOnMeeting(AttendantId attendant, MeetingId meeting) = 0;
    // Reports on cells of the subtree at `path` visited within [from, to], newest visit first.
    virtual std::vector<VisitReport> ReportsIn(const std::string& path, base::Date from, base::Date to) = 0;
    // Reports of the people, visited within [from, to], newest first.
    virtual std::vector<VisitReport> ReportsOf(const std::vector<AttendantId>& attendants, base::Date from,
                                               base::Date to) = 0;

    virtual Petition InsertPetition(const Petition& petition) = 0;
    virtual std::optional<Petition> GetPetition(PetitionId id) = 0;
    // Saves the answer (text, by, on) and nothing else.
    virtual void SaveAnswer(const Petition& petition) = 0;
    virtual std::vector<Petition> PetitionsOfReport(VisitReportId report) = 0;
    // Petitions raised at a cell of the subtree at `path` or owned by an organisation in it, raised within
    // [from, to], newest first.
    virtual std::vector<Petition> PetitionsIn(const std::string& path, base::Date from, base::Date to) = 0;

    // Meetings of cells in the subtree at `path` held within [from, to] whose record links a superior
    // official to one of the people.
    virtual std::vector<AttendedMeeting> AttendedIn(const std::string& path, base::Date from, base::Date to) = 0;
    // The record of the cells of the subtree at `path` over [from, to], by cell id.
    virtual std::map<std::int64_t, CellRecordSummary> CellRecords(const std::string& path, base::Date from,
                                                                  base::Date to) = 0;
};

}  // namespace chibo::domain
