#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/organization.hpp"
#include "domain/statistics.hpp"
#include "domain/visit_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

constexpr const char* kAttendantColumns =
    "SELECT a.id, a.organization_id, a.member_id, m.full_name, a.role, a.term_start, a.term_end, a.visits_per_month, "
    "a.meetings_per_quarter, a.report_days FROM visit_attendants a JOIN members m ON m.id = a.member_id";

constexpr const char* kPlanColumns =
    "SELECT p.id, p.organization_id, p.title, p.first_month, p.last_month, p.state, p.created_by, p.created_at, "
    "p.published_by, p.published_at, (SELECT COUNT(*) FROM planned_visits v WHERE v.plan_id = p.id) "
    "FROM visit_plans p";

constexpr const char* kVisitColumns =
    "SELECT v.id, v.plan_id, v.attendant_id, v.organization_id, v.kind, v.month_key, v.scheduled_on, "
    "v.start_minutes, v.reason FROM planned_visits v";

constexpr const char* kReportColumns =
    "SELECT r.id, r.attendant_id, r.committee_id, r.organization_id, r.kind, r.meeting_id, r.visited_on, "
    "r.report_days, r.filed_at, r.filed_on, r.observations, r.members_situation, r.created_by FROM visit_reports r";

constexpr const char* kPetitionColumns =
    "SELECT p.id, p.report_id, p.organization_id, p.field, p.source, p.raised_by, p.content, p.owner_id, "
    "p.owner_name, p.raised_on, p.deadline, p.answer, p.answered_by, p.answered_on FROM petitions p";

// The organisations of the subtree at :lo (its path) up to :hi (SubtreeEnd).
constexpr const char* kSubtree = "(SELECT id FROM organizations WHERE path >= :lo AND path < :hi)";

Attendant ReadAttendant(const Row& r) {
    Attendant a;
    a.id = AttendantId(r.Int(0));
    a.organization = OrganizationId(r.Int(1));
    a.member = MemberId(r.Int(2));
    a.name = r.Text(3);
    a.role = r.Text(4);
    a.term_start = r.Date(5);
    a.term_end = r.OptDate(6);
    a.duty.visits_per_month = static_cast<int>(r.Int(7));
    a.duty.meetings_per_quarter = static_cast<int>(r.Int(8));
    a.duty.report_days = static_cast<int>(r.Int(9));
    return a;
}

StoredVisitPlan ReadPlan(const Row& r) {
    StoredVisitPlan p;
    p.id = VisitPlanId(r.Int(0));
    p.organization = OrganizationId(r.Int(1));
    p.title = r.Text(2);
    const auto first = static_cast<int>(r.Int(3));
    const auto last = static_cast<int>(r.Int(4));
    p.from_year = YearOfMonth(first);
    p.from_month = MonthOfYear(first);
    p.to_year = YearOfMonth(last);
    p.to_month = MonthOfYear(last);
    p.state = Decode(r.Text(5), PlanStateFromCode, "visit_plans.state");
    p.created_by = r.Text(6);
    p.created_at = r.Int(7);
    p.published_by = r.Text(8);
    p.published_at = r.OptInt(9);
    p.visit_count = static_cast<int>(r.Int(10));
    return p;
}

PlannedVisit ReadVisit(const Row& r) {
    PlannedVisit v;
    v.id = PlannedVisitId(r.Int(0));
    v.plan = VisitPlanId(r.Int(1));
    v.attendant = AttendantId(r.Int(2));
    v.cell = OrganizationId(r.Int(3));
    v.kind = Decode(r.Text(4), VisitKindFromCode, "planned_visits.kind");
    const auto key = static_cast<int>(r.Int(5));
    v.year = YearOfMonth(key);
    v.month = MonthOfYear(key);
    v.date = r.OptDate(6);
    v.start_minutes = static_cast<int>(r.Int(7));
    v.reason = r.Text(8);
    return v;
}

VisitReport ReadReport(const Row& r) {
    VisitReport v;
    v.id = VisitReportId(r.Int(0));
    v.attendant = AttendantId(r.Int(1));
    v.committee = OrganizationId(r.Int(2));
    v.cell = OrganizationId(r.Int(3));
    v.kind = Decode(r.Text(4), VisitKindFromCode, "visit_reports.kind");
    v.meeting = OptId<MeetingId>(r, 5);
    v.visited_on = r.Date(6);
    v.report_days = static_cast<int>(r.Int(7));
    v.filed_at = r.Int(8);
    v.filed_on = r.Date(9);
    v.observations = r.Text(10);
    v.members_situation = r.Text(11);
    v.created_by = r.Text(12);
    return v;
}

Petition ReadPetition(const Row& r) {
    Petition p;
    p.id = PetitionId(r.Int(0));
    p.report = VisitReportId(r.Int(1));
    p.cell = OrganizationId(r.Int(2));
    p.field = Decode(r.Text(3), PetitionFieldFromCode, "petitions.field");
    p.source = Decode(r.Text(4), PetitionSourceFromCode, "petitions.source");
    p.raised_by = r.Text(5);
    p.content = r.Text(6);
    p.owner = OrganizationId(r.Int(7));
    p.owner_name = r.Text(8);
    p.raised_on = r.Date(9);
    p.deadline = r.Date(10);
    p.answer = r.Text(11);
    p.answered_by = r.Text(12);
    p.answered_on = r.OptDate(13);
    return p;
}

std::string Ids(const std::vector<AttendantId>& ids) {
    std::vector<std::int64_t> values;
    values.reserve(ids.size());
    for (AttendantId id : ids) values.push_back(id.value);
    return IdList(values);
}

std::string HeldStates() {
    std::string out;
    for (MeetingState s : {MeetingState::kHeld, MeetingState::kMinutesFinalised, MeetingState::kReported})
        out += std::string(out.empty() ? "'" : ", '") + std::string(ToCode(s)) + "'";
    return out;
}

// The level a meeting counts for: the superior's latest score if any, else the cell's (as the statistics).
constexpr const char* kLevelOf =
    "(SELECT s.level FROM meeting_scores s WHERE s.meeting_id = m.id ORDER BY CASE WHEN s.role = 'superior' THEN 0 "
    "ELSE 1 END, s.id DESC LIMIT 1)";

class SqlVisits final : public VisitRepository {
public:
    explicit SqlVisits(soci::session& s) : s_(s) {}

    Attendant InsertAttendant(const Attendant& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO visit_attendants (organization_id, member_id, role, term_start, term_end, "
                          "visits_per_month, meetings_per_quarter, report_days) VALUES (:o, :m, :r, :ts, :te, :v, :q, "
                          ":d) RETURNING id",
                          Params()
                              .Int(in.organization.value)
                              .Int(in.member.value)
                              .Text(in.role)
                              .Date(in.term_start)
                              .Date(in.term_end)
                              .Int(std::int64_t{in.duty.visits_per_month})
                              .Int(std::int64_t{in.duty.meetings_per_quarter})
                              .Int(std::int64_t{in.duty.report_days}));
        return *GetAttendant(AttendantId(r->Int(0)));
    }

    void UpdateAttendant(const Attendant& a) override {
        Exec(s_,
             "UPDATE visit_attendants SET role = :r, term_start = :ts, term_end = :te, visits_per_month = :v, "
             "meetings_per_quarter = :q, report_days = :d WHERE id = :id",
             Params()
                 .Text(a.role)
                 .Date(a.term_start)
                 .Date(a.term_end)
                 .Int(std::int64_t{a.duty.visits_per_month})
                 .Int(std::int64_t{a.duty.meetings_per_quarter})
                 .Int(std::int64_t{a.duty.report_days})
                 .Int(a.id.value));
    }

    std::optional<Attendant> GetAttendant(AttendantId id) override {
        auto r = QueryOne(s_, std::string(kAttendantColumns) + " WHERE a.id = :id", Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadAttendant(*r);
    }

    std::vector<Attendant> AttendantsOf(OrganizationId committee) override {
        return Attendants(" WHERE a.organization_id = :o", Params().Int(committee.value));
    }

    std::vector<Attendant> AttendantsOfMember(MemberId member) override {
        return Attendants(" WHERE a.member_id = :m", Params().Int(member.value));
    }

    std::vector<Attendant> AttendantsOfAny(const std::vector<OrganizationId>& committees) override {
        if (committees.empty()) return {};
        std::vector<std::int64_t> ids;
        ids.reserve(committees.size());
        for (OrganizationId o : committees) ids.push_back(o.value);
        return Attendants(" WHERE a.organization_id IN (" + IdList(ids) + ")", Params());
    }

    StoredVisitPlan InsertPlan(const StoredVisitPlan& in) override {
        auto r =
            QueryOne(s_,
                     "INSERT INTO visit_plans (organization_id, title, first_month, last_month, state, created_by, "
                     "created_at) VALUES (:o, :t, :f, :l, :s, :by, :at) RETURNING id",
                     Params()
                         .Int(in.organization.value)
                         .Text(in.title)
                         .Int(std::int64_t{MonthNumber(in.from_year, in.from_month)})
                         .Int(std::int64_t{MonthNumber(in.to_year, in.to_month)})
                         .Text(std::string(ToCode(in.state)))
                         .Text(in.created_by)
                         .Int(in.created_at));
        return *GetPlan(VisitPlanId(r->Int(0)));
    }

    void UpdatePlan(const StoredVisitPlan& p) override {
        Params params;
        params.Text(p.title).Text(std::string(ToCode(p.state))).Text(p.published_by);
        if (p.published_at)
            params.Int(*p.published_at);
        else
            params.Null();
        params.Int(p.id.value);
        Exec(s_, "UPDATE visit_plans SET title = :t, state = :s, published_by = :pb, published_at = :pa WHERE id = :id",
             params);
    }

    std::optional<StoredVisitPlan> GetPlan(VisitPlanId id) override {
        auto r = QueryOne(s_, std::string(kPlanColumns) + " WHERE p.id = :id", Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadPlan(*r);
    }

    void DeletePlan(VisitPlanId id) override {
        for (const char* table : {"planned_visits", "visit_plan_cells"})
            Exec(s_, std::string("DELETE FROM ") + table + " WHERE plan_id = :id", Params().Int(id.value));
        Exec(s_, "DELETE FROM visit_plans WHERE id = :id", Params().Int(id.value));
    }

    std::vector<StoredVisitPlan> PlansOf(OrganizationId committee) override {
        std::vector<StoredVisitPlan> out;
        for (const Row& r : Query(s_, std::string(kPlanColumns) + " WHERE p.organization_id = :o ORDER BY p.id DESC",
                                  Params().Int(committee.value)))
            out.push_back(ReadPlan(r));
        return out;
    }

    void SavePlanCells(VisitPlanId plan, const std::vector<PlanCell>& cells) override {
        Exec(s_, "DELETE FROM visit_plan_cells WHERE plan_id = :p", Params().Int(plan.value));
        for (const PlanCell& c : cells)
            Exec(s_,
                 "INSERT INTO visit_plan_cells (plan_id, organization_id, points, reasons) VALUES (:p, :o, :pt, :r)",
                 Params().Int(plan.value).Int(c.cell.value).Int(std::int64_t{c.points}).Text(JoinLines(c.reasons)));
    }

    std::vector<PlanCell> PlanCells(VisitPlanId plan) override {
        std::vector<PlanCell> out;
        for (const Row& r : Query(s_,
                                  "SELECT organization_id, points, reasons FROM visit_plan_cells WHERE plan_id = :p "
                                  "ORDER BY points DESC, organization_id",
                                  Params().Int(plan.value)))
            out.push_back({OrganizationId(r.Int(0)), static_cast<int>(r.Int(1)), SplitLines(r.Text(2))});
        return out;
    }

    PlannedVisit InsertVisit(const PlannedVisit& in) override {
        Params p;
        p.Int(in.plan.value);
        BindVisit(p, in);
        auto r = QueryOne(s_,
                          "INSERT INTO planned_visits (plan_id, attendant_id, organization_id, kind, month_key, "
                          "scheduled_on, start_minutes, reason) VALUES (:p, :a, :o, :k, :mk, :d, :s, :r) RETURNING id",
                          p);
        PlannedVisit out = in;
        out.id = PlannedVisitId(r->Int(0));
        return out;
    }

    void UpdateVisit(const PlannedVisit& v) override {
        Params p;
        BindVisit(p, v);
        p.Int(v.id.value);
        Exec(s_,
             "UPDATE planned_visits SET attendant_id = :a, organization_id = :o, kind = :k, month_key = :mk, "
             "scheduled_on = :d, start_minutes = :s, reason = :r WHERE id = :id",
             p);
    }

    void DeleteVisit(PlannedVisitId id) override {
        Exec(s_, "DELETE FROM planned_visits WHERE id = :id", Params().Int(id.value));
    }

    std::vector<PlannedVisit> VisitsOf(VisitPlanId plan) override {
        return Visits(" WHERE v.plan_id = :p ORDER BY v.month_key, v.id", Params().Int(plan.value));
    }

    std::vector<PlannedVisit> PublishedVisitsIn(const std::string& path, int first_month, int last_month) override {
        return Visits(
            std::string(" JOIN visit_plans p ON p.id = v.plan_id WHERE p.state = 'published' AND "
                        "v.organization_id IN ") +
                kSubtree + " AND v.month_key BETWEEN :f AND :l ORDER BY v.month_key, v.id",
            Params().Text(path).Text(SubtreeEnd(path)).Int(std::int64_t{first_month}).Int(std::int64_t{last_month}));
    }

    std::vector<PlannedVisit> PublishedVisitsOf(const std::vector<AttendantId>& attendants, int first_month,
                                                int last_month) override {
        if (attendants.empty()) return {};
        return Visits(" JOIN visit_plans p ON p.id = v.plan_id WHERE p.state = 'published' AND v.attendant_id IN (" +
                          Ids(attendants) + ") AND v.month_key BETWEEN :f AND :l ORDER BY v.month_key, v.id",
                      Params().Int(std::int64_t{first_month}).Int(std::int64_t{last_month}));
    }

    VisitReport InsertReport(const VisitReport& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO visit_reports (attendant_id, committee_id, organization_id, kind, meeting_id, "
                          "visited_on, report_days, filed_at, filed_on, observations, members_situation, created_by) "
                          "VALUES (:a, :c, :o, :k, :m, :v, :d, :fa, :fo, :ob, :ms, :by) RETURNING id",
                          Params()
                              .Int(in.attendant.value)
                              .Int(in.committee.value)
                              .Int(in.cell.value)
                              .Text(std::string(ToCode(in.kind)))
                              .Id(in.meeting)
                              .Date(in.visited_on)
                              .Int(std::int64_t{in.report_days})
                              .Int(in.filed_at)
                              .Date(in.filed_on)
                              .Text(in.observations)
                              .Text(in.members_situation)
                              .Text(in.created_by));
        VisitReport out = in;
        out.id = VisitReportId(r->Int(0));
        return out;
    }

    std::optional<VisitReport> GetReport(VisitReportId id) override {
        auto r = QueryOne(s_, std::string(kReportColumns) + " WHERE r.id = :id", Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadReport(*r);
    }

    std::optional<VisitReport> ReportOnMeeting(AttendantId attendant, MeetingId meeting) override {
        auto r = QueryOne(s_, std::string(kReportColumns) + " WHERE r.attendant_id = :a AND r.meeting_id = :m",
                          Params().Int(attendant.value).Int(meeting.value));
        if (!r) return std::nullopt;
        return ReadReport(*r);
    }

    std::vector<VisitReport> ReportsIn(const std::string& path, base::Date from, base::Date to) override {
        return Reports(std::string(" WHERE r.organization_id IN ") + kSubtree +
                           " AND r.visited_on >= :f AND r.visited_on <= :t ORDER BY r.visited_on DESC, r.id DESC",
                       Params().Text(path).Text(SubtreeEnd(path)).Date(from).Date(to));
    }

    std::vector<VisitReport> ReportsOf(const std::vector<AttendantId>& attendants, base::Date from,
                                       base::Date to) override {
        if (attendants.empty()) return {};
        return Reports(" WHERE r.attendant_id IN (" + Ids(attendants) +
                           ") AND r.visited_on >= :f AND r.visited_on <= :t ORDER BY r.visited_on DESC, r.id DESC",
                       Params().Date(from).Date(to));
    }

    Petition InsertPetition(const Petition& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO petitions (report_id, organization_id, field, source, raised_by, content, "
                          "owner_id, owner_name, raised_on, deadline) VALUES (:r, :o, :f, :s, :rb, :c, :ow, :on, :ro, "
                          ":d) RETURNING id",
                          Params()
                              .Int(in.report.value)
                              .Int(in.cell.value)
                              .Text(std::string(ToCode(in.field)))
                              .Text(std::string(ToCode(in.source)))
                              .Text(in.raised_by)
                              .Text(in.content)
                              .Int(in.owner.value)
                              .Text(in.owner_name)
                              .Date(in.raised_on)
                              .Date(in.deadline));
        Petition out = in;
        out.id = PetitionId(r->Int(0));
        return out;
    }

    std::optional<Petition> GetPetition(PetitionId id) override {
        auto r = QueryOne(s_, std::string(kPetitionColumns) + " WHERE p.id = :id", Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadPetition(*r);
    }

    void SaveAnswer(const Petition& p) override {
        Exec(s_, "UPDATE petitions SET answer = :a, answered_by = :b, answered_on = :d WHERE id = :id",
             Params().Text(p.answer).Text(p.answered_by).Date(p.answered_on).Int(p.id.value));
    }

    std::vector<Petition> PetitionsOfReport(VisitReportId report) override {
        return Petitions(" WHERE p.report_id = :r ORDER BY p.id", Params().Int(report.value));
    }

    std::vector<Petition> PetitionsIn(const std::string& path, base::Date from, base::Date to) override {
        const std::string end = SubtreeEnd(path);
        return Petitions(
            " WHERE (p.organization_id IN (SELECT id FROM organizations WHERE path >= :lo AND path < :hi) OR "
            "p.owner_id IN (SELECT id FROM organizations WHERE path >= :lo2 AND path < :hi2)) AND p.raised_on >= :f "
            "AND p.raised_on <= :t ORDER BY p.raised_on DESC, p.id DESC",
            Params().Text(path).Text(end).Text(path).Text(end).Date(from).Date(to));
    }

    std::vector<AttendedMeeting> AttendedIn(const std::string& path, base::Date from, base::Date to) override {
        std::vector<AttendedMeeting> out;
        for (const Row& r :
             Query(s_,
                   std::string("SELECT m.id, m.organization_id, m.superior_attendant_id, m.scheduled_on, ") + kLevelOf +
                       " FROM meetings m WHERE m.superior_attendant_id IS NOT NULL AND m.organization_id IN " +
                       kSubtree + " AND m.scheduled_on >= :f AND m.scheduled_on <= :t AND m.state IN (" + HeldStates() +
                       ") ORDER BY m.scheduled_on, m.id",
                   Params().Text(path).Text(SubtreeEnd(path)).Date(from).Date(to))) {
            AttendedMeeting a;
            a.meeting = MeetingId(r.Int(0));
            a.cell = OrganizationId(r.Int(1));
            a.attendant = AttendantId(r.Int(2));
            a.on = r.Date(3);
            if (!r.IsNull(4)) a.level = Decode(r.Text(4), QualityLevelFromCode, "meeting_scores.level");
            out.push_back(a);
        }
        return out;
    }

    std::map<std::int64_t, CellRecordSummary> CellRecords(const std::string& path, base::Date from,
                                                          base::Date to) override {
        std::map<std::int64_t, CellRecordSummary> out;
        const std::string end = SubtreeEnd(path);
        const std::string expected = "SUM(CASE WHEN a.presence NOT IN ('" + std::string(ToCode(Presence::kExempt)) +
                                     "', '" + std::string(ToCode(Presence::kAway)) + "') THEN 1 ELSE 0 END)";
        const std::string present = "SUM(CASE WHEN a.presence IN ('" + std::string(ToCode(Presence::kPresent)) +
                                    "', '" + std::string(ToCode(Presence::kLate)) + "') THEN 1 ELSE 0 END)";
        std::string sums =
            "SELECT m.organization_id, COUNT(DISTINCT CASE WHEN m.kind = 'regular' THEN m.year * 12 + "
            "m.month END), COALESCE(";
        sums += expected;
        sums += ", 0), COALESCE(";
        sums += present;
        sums +=
            ", 0) FROM meetings m LEFT JOIN meeting_attendance a ON a.meeting_id = m.id WHERE m.organization_id IN ";
        sums += kSubtree;
        sums += " AND m.scheduled_on >= :f AND m.scheduled_on <= :t AND m.state IN (";
        sums += HeldStates();
        sums += ") GROUP BY m.organization_id";
        for (const Row& r : Query(s_, sums, Params().Text(path).Text(end).Date(from).Date(to))) {
            CellRecordSummary& c = out[r.Int(0)];
            c.regular_months_held = static_cast<int>(r.Int(1));
            c.expected = static_cast<int>(r.Int(2));
            c.present = static_cast<int>(r.Int(3));
        }
        // The latest scored meeting's level, per cell.
        for (const Row& r : Query(s_,
                                  std::string("SELECT m.organization_id, ") + kLevelOf +
                                      " FROM meetings m WHERE m.organization_id IN " + kSubtree +
                                      " AND m.scheduled_on <= :t AND EXISTS (SELECT 1 FROM meeting_scores s WHERE "
                                      "s.meeting_id = m.id) ORDER BY m.organization_id, m.scheduled_on DESC, m.id DESC",
                                  Params().Text(path).Text(end).Date(to))) {
            CellRecordSummary& c = out[r.Int(0)];
            if (!c.last_level && !r.IsNull(1))
                c.last_level = Decode(r.Text(1), QualityLevelFromCode, "meeting_scores.level");
        }
        // The latest visit: a meeting a superior attended, or a visit reported.
        for (const Row& r : Query(s_,
                                  std::string("SELECT organization_id, MAX(d) FROM (SELECT organization_id, "
                                              "scheduled_on AS d FROM meetings WHERE superior_attended <> 0 AND "
                                              "organization_id IN ") +
                                      kSubtree +
                                      " AND scheduled_on <= :t UNION ALL SELECT organization_id, visited_on AS d FROM "
                                      "visit_reports WHERE organization_id IN (SELECT id FROM organizations WHERE path "
                                      ">= :lo2 AND path < :hi2) AND visited_on <= :t2) x GROUP BY organization_id",
                                  Params().Text(path).Text(end).Date(to).Text(path).Text(end).Date(to)))
            out[r.Int(0)].last_visit = r.OptDate(1);
        return out;
    }

private:
    static void BindVisit(Params& p, const PlannedVisit& v) {
        p.Int(v.attendant.value)
            .Int(v.cell.value)
            .Text(std::string(ToCode(v.kind)))
            .Int(std::int64_t{MonthNumber(v.year, v.month)})
            .Date(v.date)
            .Int(std::int64_t{v.start_minutes})
            .Text(v.reason);
    }

    std::vector<Attendant> Attendants(const std::string& where, const Params& params) {
        std::vector<Attendant> out;
        for (const Row& r : Query(s_, std::string(kAttendantColumns) + where + " ORDER BY m.sort_key, a.id", params))
            out.push_back(ReadAttendant(r));
        return out;
    }

    std::vector<PlannedVisit> Visits(const std::string& tail, const Params& params) {
        std::vector<PlannedVisit> out;
        for (const Row& r : Query(s_, std::string(kVisitColumns) + tail, params)) out.push_back(ReadVisit(r));
        return out;
    }

    std::vector<VisitReport> Reports(const std::string& tail, const Params& params) {
        std::vector<VisitReport> out;
        for (const Row& r : Query(s_, std::string(kReportColumns) + tail, params)) out.push_back(ReadReport(r));
        return out;
    }

    std::vector<Petition> Petitions(const std::string& tail, const Params& params) {
        std::vector<Petition> out;
        for (const Row& r : Query(s_, std::string(kPetitionColumns) + tail, params)) out.push_back(ReadPetition(r));
        return out;
    }

    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::VisitRepository> MakeVisitRepository(soci::session& session) {
    return std::make_unique<SqlVisits>(session);
}

}  // namespace chibo::storage::sql
