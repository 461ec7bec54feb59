// The plans of committee visits: proposed from the record (the weak first, every cell reached, nobody at two
// meetings at once), edited, published.
#include "app/visit_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "app/meeting_detail.hpp"
#include "app/visit_detail.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/meeting_rule.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/visit_repository.hpp"

namespace chibo::app {

using base::Date;
using base::ErrorCode;
using base::MakeError;
using base::Result;
using namespace chibo::domain;
using namespace chibo::app::visits;

namespace {

Snapshot Describe(const PlannedVisit& v) {
    return {{"attendant_id", std::to_string(v.attendant.value)},
            {"cell_id", std::to_string(v.cell.value)},
            {"kind", std::string(ToCode(v.kind))},
            {"month", MonthText(v.year, v.month)}};
}
// The expected regular meeting of each cell and month of [first, last]: the occurrence when it exists, else
// the rule's day.
std::vector<MeetingSlot> SlotsOf(Repositories& repos, const Organization& root, const std::vector<Organization>& cells,
                                 int first, int last) {
    std::map<std::pair<std::int64_t, int>, MeetingSlot> slots;
    for (const Organization& cell : cells) {
        const RuleView rule = BuildRule(repos, cell);
        for (const ExpectedMeeting& e : ExpectedMeetings(rule.effective, YearOfMonth(first), MonthOfYear(first),
                                                         YearOfMonth(last), MonthOfYear(last))) {
            if (e.kind != MeetingKind::kRegular) continue;
            slots[{cell.id.value, MonthNumber(e.year, e.month)}] =
                MeetingSlot{cell.id, e.year, e.month, e.date, e.start_minutes, e.min_minutes};
        }
    }
    for (const Meeting& m : repos.meetings().InSubtreeBetween(root.path, FirstDay(first), LastDay(last + 1), 1000000)) {
        if (m.kind != MeetingKind::kRegular || m.state == MeetingState::kCancelled) continue;
        auto it = slots.find({m.organization.value, MonthNumber(m.year, m.month)});
        if (it == slots.end()) continue;
        it->second.date = m.date;
        it->second.start_minutes = m.start_minutes;
    }
    std::vector<MeetingSlot> out;
    out.reserve(slots.size());
    for (auto& [key, slot] : slots) out.push_back(slot);
    return out;
}

// How each cell has been doing over the twelve months before `today`.
std::vector<CellStanding> StandingsOf(Repositories& repos, const Organization& root,
                                      const std::vector<Organization>& cells, Date today) {
    const int now = MonthOf(today);
    const auto records = repos.visits().CellRecords(root.path, FirstDay(now - 12), today);
    std::vector<CellStanding> out;
    out.reserve(cells.size());
    for (const Organization& cell : cells) {
        CellStanding s;
        s.cell = cell.id;
        s.name = cell.name;
        // Months over since the later of a year ago and the cell's first full month.
        const int founded = MonthOf(cell.valid_from) + (cell.valid_from.day() > 1 ? 1 : 0);
        const int due = std::max(0, now - std::max(now - 12, founded));
        auto it = records.find(cell.id.value);
        if (it != records.end()) {
            const CellRecordSummary& r = it->second;
            s.last_level = r.last_level;
            if (r.expected > 0) s.attendance_rate = static_cast<double>(r.present) / r.expected;
            s.missed_meetings = std::max(0, due - r.regular_months_held);
            if (r.last_visit) s.months_since_visit = now - MonthOf(*r.last_visit);
        } else {
            s.missed_meetings = due;
        }
        out.push_back(std::move(s));
    }
    return out;
}

// Where the plan falls short of each person's duty: per quarter for meetings, per month for grassroots visits.
std::vector<PlanShortfallView> ShortfallsOf(const StoredVisitPlan& plan, const std::vector<Attendant>& people,
                                            const std::vector<PlannedVisit>& visits) {
    std::vector<PlanShortfallView> out;
    const int first = MonthNumber(plan.from_year, plan.from_month);
    const int last = MonthNumber(plan.to_year, plan.to_month);
    for (const Attendant& a : people) {
        std::map<int, int> meetings;    // Quarter key → planned.
        std::map<int, int> grassroots;  // Month key → planned.
        std::set<int> quarters;
        std::vector<int> months;
        for (int k = first; k <= last; ++k)
            if (a.ActiveIn(YearOfMonth(k), MonthOfYear(k))) {
                months.push_back(k);
                quarters.insert(k / 3);
            }
        if (months.empty()) continue;
        for (const PlannedVisit& v : visits) {
            if (v.attendant != a.id) continue;
            const int k = MonthNumber(v.year, v.month);
            if (v.kind == VisitKind::kMeeting)
                ++meetings[k / 3];
            else
                ++grassroots[k];
        }
        int missing_meetings = 0;
        std::string quarter_list;
        for (int q : quarters) {
            const int gap = a.duty.meetings_per_quarter - meetings[q];
            if (gap <= 0) continue;
            missing_meetings += gap;
            quarter_list += (quarter_list.empty() ? "" : ", ") + std::string("quý ") + std::to_string(q % 4 + 1) + "/" +
                            std::to_string(q / 4);
        }
        if (missing_meetings > 0)
            out.push_back({a.id, a.name, VisitKind::kMeeting, missing_meetings,
                           "Đồng chí " + a.name + " còn thiếu " + std::to_string(missing_meetings) +
                               " buổi dự sinh hoạt chi bộ so với nhiệm vụ (" + quarter_list + ")."});
        int missing_visits = 0;
        for (int k : months) missing_visits += std::max(0, a.duty.visits_per_month - grassroots[k]);
        if (missing_visits > 0)
            out.push_back({a.id, a.name, VisitKind::kGrassroots, missing_visits,
                           "Đồng chí " + a.name + " còn thiếu " + std::to_string(missing_visits) +
                               " lượt đi cơ sở so với nhiệm vụ " + std::to_string(a.duty.visits_per_month) +
                               " lượt mỗi tháng."});
    }
    return out;
}

struct LoadedPlan {
    StoredVisitPlan plan;
    Organization committee;
};

Result<LoadedPlan> LoadPlan(Repositories& repos, const Actor& actor, VisitPlanId id, bool write) {
    auto plan = repos.visits().GetPlan(id);
    if (!plan) return NotFound("kế hoạch");
    auto org = repos.organizations().Get(plan->organization);
    if (!org || !actor.CanSeeOrganization(org->path) || !actor.CanReadMembers(org->path)) return NotFound("kế hoạch");
    if (write && !actor.CanWrite(org->path)) return Forbidden();
    return LoadedPlan{*plan, *org};
}

VisitPlanView PlanView(Repositories& repos, const Actor& actor, const LoadedPlan& l, Date today) {
    VisitPlanView v;
    v.plan = l.plan;
    v.can_edit = actor.CanWrite(l.committee.path);
    Names names(repos);
    People people(repos);
    const std::vector<Attendant> attendants = repos.visits().AttendantsOf(l.committee.id);
    for (const Attendant& a : attendants) people.Add(a);
    const std::vector<PlannedVisit> visits = repos.visits().VisitsOf(l.plan.id);
    v.plan.visit_count = static_cast<int>(visits.size());
    VisitStatus status(repos, names, people, today);
    std::map<std::int64_t, int> per_cell;
    for (const PlannedVisit& pv : visits) {
        v.visits.push_back(status.View(pv));
        ++per_cell[pv.cell.value];
    }
    v.shortfalls = ShortfallsOf(l.plan, attendants, visits);
    for (const Organization& cell : CellsOf(repos, l.committee))
        if (!per_cell.contains(cell.id.value)) v.uncovered.push_back({cell.id, cell.name});
    for (PlanCell& c : repos.visits().PlanCells(l.plan.id)) {
        const int n = per_cell[c.cell.value];
        const std::string name = names.Of(c.cell);
        v.cells.push_back({std::move(c), name, n});
    }
    return v;
}

// Checks a visit added to or changed in a plan: a person of the committee in their term that month, a cell
// of the subtree, a month of the plan, at most one attended meeting per cell and month, no person at two
// meetings at once, no grassroots visit twice.
Result<PlannedVisit> VisitOfPlan(Repositories& repos, VisitPlanId plan, PlannedVisitId visit) {
    for (const PlannedVisit& v : repos.visits().VisitsOf(plan))
        if (v.id == visit) return v;
    return NotFound("lượt");
}

Result<PlannedVisit> CheckVisit(Repositories& repos, const LoadedPlan& l, const VisitInput& in,
                                std::optional<PlannedVisitId> replacing) {
    auto person = repos.visits().GetAttendant(in.attendant);
    if (!person || person->organization != l.committee.id)
        return MakeError(ErrorCode::kInvalidArgument, "Người này không được cấp ủy phân công dự sinh hoạt.",
                         "attendant_id");
    if (in.month < 1 || in.month > 12 || !l.plan.Covers(in.year, in.month))
        return MakeError(ErrorCode::kInvalidArgument, "Tháng nằm ngoài giai đoạn của kế hoạch.", "month");
    if (!person->ActiveIn(in.year, in.month))
        return MakeError(ErrorCode::kInvalidArgument,
                         "Đồng chí " + person->name + " không trong nhiệm kỳ được phân công vào tháng " +
                             MonthText(in.year, in.month) + ".",
                         "attendant_id");
    auto cell = repos.organizations().Get(in.cell);
    if (!cell || !IsCell(cell->kind) || cell->dissolved() || !InSubtree(cell->path, l.committee.path))
        return MakeError(ErrorCode::kInvalidArgument, "Chi bộ không thuộc cấp ủy này.", "cell_id");
    PlannedVisit v;
    if (replacing) v.id = *replacing;
    v.plan = l.plan.id;
    v.attendant = in.attendant;
    v.cell = in.cell;
    v.kind = in.kind;
    v.year = in.year;
    v.month = in.month;
    v.reason = in.reason.empty() ? "Cấp ủy phân công." : in.reason;
    std::optional<MeetingSlot> slot;
    if (v.kind == VisitKind::kMeeting) {
        const int k = MonthNumber(v.year, v.month);
        for (const MeetingSlot& s : SlotsOf(repos, *cell, {*cell}, k, k)) slot = s;
        if (slot) {
            v.date = slot->date;
            v.start_minutes = slot->start_minutes;
        }
    }
    Names names(repos);
    for (const PlannedVisit& other : repos.visits().VisitsOf(l.plan.id)) {
        if (replacing && other.id == *replacing) continue;
        if (other.year != v.year || other.month != v.month || other.kind != v.kind) continue;
        if (v.kind == VisitKind::kGrassroots) {
            if (other.attendant == v.attendant && other.cell == v.cell)
                return MakeError(ErrorCode::kConflict, "Đồng chí " + person->name + " đã có lượt đi cơ sở " +
                                                           cell->name + " trong tháng " + MonthText(v.year, v.month) +
                                                           ".");
            continue;
        }
        if (other.cell == v.cell)
            return MakeError(ErrorCode::kConflict, cell->name + " đã có người dự sinh hoạt tháng " +
                                                       MonthText(v.year, v.month) + " trong kế hoạch.");
        if (other.attendant == v.attendant && slot && other.date) {
            const MeetingSlot mine{v.cell, v.year, v.month, *v.date, v.start_minutes, slot->minutes};
            const MeetingSlot theirs{other.cell,  other.year,          other.month,
                                     *other.date, other.start_minutes, slot->minutes};
            if (Overlaps(mine, theirs))
                return MakeError(ErrorCode::kConflict, "Đồng chí " + person->name + " đã dự sinh hoạt " +
                                                           names.Of(other.cell) + " cùng ngày " +
                                                           other.date->ToVietnamese() + ", trùng giờ.");
        }
    }
    return v;
}

}  // namespace

StoredVisitPlan CreatePlan(Repositories& repos, const Organization& committee, const PlanInput& input,
                           const std::vector<Attendant>& people, const std::string& created_by, std::int64_t created_at,
                           Date today) {
    const int first = MonthNumber(input.from_year, input.from_month);
    const int last = MonthNumber(input.to_year, input.to_month);
    const std::vector<Organization> cells = CellsOf(repos, committee);
    std::vector<CellStanding> standings = StandingsOf(repos, committee, cells, today);
    for (CellStanding& s : standings)
        s.difficult = std::find(input.difficult.begin(), input.difficult.end(), s.cell) != input.difficult.end();
    const std::vector<MeetingSlot> slots = SlotsOf(repos, committee, cells, first, last);
    const VisitPlan proposal =
        PlanVisits(people, standings, slots, input.from_year, input.from_month, input.to_year, input.to_month);
    StoredVisitPlan plan;
    plan.organization = committee.id;
    plan.title = input.title.empty() ? "Kế hoạch dự sinh hoạt chi bộ " + MonthText(input.from_year, input.from_month) +
                                           " – " + MonthText(input.to_year, input.to_month)
                                     : input.title;
    plan.from_year = input.from_year;
    plan.from_month = input.from_month;
    plan.to_year = input.to_year;
    plan.to_month = input.to_month;
    plan.created_by = created_by;
    plan.created_at = created_at;
    plan = repos.visits().InsertPlan(plan);
    std::map<std::int64_t, const Attendant*> by_id;
    for (const Attendant& a : people) by_id[a.id.value] = &a;
    for (PlannedVisit v : proposal.visits) {
        // The planner reads duties by quarter and month; a term that starts or ends inside the period keeps
        // its months only.
        if (!by_id[v.attendant.value]->ActiveIn(v.year, v.month)) continue;
        v.plan = plan.id;
        repos.visits().InsertVisit(v);
    }
    std::vector<PlanCell> reasons;
    reasons.reserve(standings.size());
    for (const CellStanding& s : standings) {
        Priority p = PriorityOf(s);
        reasons.push_back({s.cell, p.points, std::move(p.reasons)});
    }
    repos.visits().SavePlanCells(plan.id, reasons);
    return *repos.visits().GetPlan(plan.id);
}

Result<std::vector<StoredVisitPlan>> VisitService::Plans(const Actor& actor, OrganizationId committee) {
    return ReadValue<std::vector<StoredVisitPlan>>(
        store_, [&](Repositories& repos) -> Result<std::vector<StoredVisitPlan>> {
            CHIBO_TRY_ASSIGN(const Organization org, VisibleCommittee(repos, actor, committee, false));
            return repos.visits().PlansOf(org.id);
        });
}

Result<VisitPlanView> VisitService::Propose(const Actor& actor, OrganizationId committee, const PlanInput& input) {
    const Date today = clock_.Today();
    return WriteValue<VisitPlanView>(store_, [&](Repositories& repos) -> Result<VisitPlanView> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleCommittee(repos, actor, committee, true));
        CHIBO_TRY(CheckPlanPeriod(input.from_year, input.from_month, input.to_year, input.to_month));
        const int first = MonthNumber(input.from_year, input.from_month);
        const int last = MonthNumber(input.to_year, input.to_month);
        std::vector<Attendant> people;
        for (const Attendant& a : repos.visits().AttendantsOf(org.id)) {
            bool active = false;
            for (int k = first; k <= last && !active; ++k) active = a.ActiveIn(YearOfMonth(k), MonthOfYear(k));
            if (active) people.push_back(a);
        }
        if (people.empty())
            return MakeError(ErrorCode::kConflict,
                             "Cấp ủy chưa phân công ai dự sinh hoạt trong giai đoạn này; hãy thêm người được phân công "
                             "trước.");
        const std::vector<Organization> cells = CellsOf(repos, org);
        if (cells.empty()) return MakeError(ErrorCode::kConflict, "Đảng bộ chưa có chi bộ nào.");
        for (OrganizationId id : input.difficult)
            if (std::none_of(cells.begin(), cells.end(), [&](const Organization& c) { return c.id == id; }))
                return MakeError(ErrorCode::kInvalidArgument, "Chi bộ khó khăn phải là chi bộ của đảng bộ này.",
                                 "difficult_cell_ids");
        const StoredVisitPlan plan =
            CreatePlan(repos, org, input, people, actor.username, clock_.NowUnixSeconds(), today);
        RecordAudit(repos, clock_, actor, "visit_plan.create", "visit_plan", plan.id.value, &org, std::nullopt,
                    Snapshot{{"title", plan.title},
                             {"from", MonthText(plan.from_year, plan.from_month)},
                             {"to", MonthText(plan.to_year, plan.to_month)},
                             {"visits", std::to_string(plan.visit_count)}});
        return PlanView(repos, actor, LoadedPlan{plan, org}, today);
    });
}

Result<VisitPlanView> VisitService::Plan(const Actor& actor, VisitPlanId id) {
    const Date today = clock_.Today();
    return ReadValue<VisitPlanView>(store_, [&](Repositories& repos) -> Result<VisitPlanView> {
        CHIBO_TRY_ASSIGN(const LoadedPlan l, LoadPlan(repos, actor, id, false));
        return PlanView(repos, actor, l, today);
    });
}

Result<void> VisitService::DeletePlan(const Actor& actor, VisitPlanId id) {
    return store_.Write([&](Repositories& repos) -> Result<void> {
        CHIBO_TRY_ASSIGN(const LoadedPlan l, LoadPlan(repos, actor, id, true));
        if (l.plan.state == PlanState::kPublished)
            return MakeError(ErrorCode::kConflict, "Kế hoạch đã công bố, không xóa được; hãy sửa các lượt.");
        repos.visits().DeletePlan(id);
        RecordAudit(repos, clock_, actor, "visit_plan.delete", "visit_plan", id.value, &l.committee,
                    Snapshot{{"title", l.plan.title}}, std::nullopt);
        return {};
    });
}

Result<VisitPlanView> VisitService::Publish(const Actor& actor, VisitPlanId id) {
    const Date today = clock_.Today();
    return WriteValue<VisitPlanView>(store_, [&](Repositories& repos) -> Result<VisitPlanView> {
        CHIBO_TRY_ASSIGN(LoadedPlan l, LoadPlan(repos, actor, id, true));
        if (l.plan.state == PlanState::kPublished) return MakeError(ErrorCode::kConflict, "Kế hoạch đã công bố.");
        l.plan.state = PlanState::kPublished;
        l.plan.published_by = actor.username;
        l.plan.published_at = clock_.NowUnixSeconds();
        repos.visits().UpdatePlan(l.plan);
        RecordAudit(repos, clock_, actor, "visit_plan.publish", "visit_plan", id.value, &l.committee,
                    Snapshot{{"state", "draft"}}, Snapshot{{"state", "published"}});
        return PlanView(repos, actor, l, today);
    });
}

Result<VisitPlanView> VisitService::AddVisit(const Actor& actor, VisitPlanId plan, const VisitInput& input) {
    const Date today = clock_.Today();
    return WriteValue<VisitPlanView>(store_, [&](Repositories& repos) -> Result<VisitPlanView> {
        CHIBO_TRY_ASSIGN(const LoadedPlan l, LoadPlan(repos, actor, plan, true));
        CHIBO_TRY_ASSIGN(const PlannedVisit v, CheckVisit(repos, l, input, std::nullopt));
        const PlannedVisit stored = repos.visits().InsertVisit(v);
        RecordAudit(repos, clock_, actor, "visit_plan.edit", "visit_plan", plan.value, &l.committee, std::nullopt,
                    Describe(stored));
        return PlanView(repos, actor, l, today);
    });
}

Result<VisitPlanView> VisitService::UpdateVisit(const Actor& actor, VisitPlanId plan, PlannedVisitId visit,
                                                const VisitInput& input) {
    const Date today = clock_.Today();
    return WriteValue<VisitPlanView>(store_, [&](Repositories& repos) -> Result<VisitPlanView> {
        CHIBO_TRY_ASSIGN(const LoadedPlan l, LoadPlan(repos, actor, plan, true));
        CHIBO_TRY_ASSIGN(const PlannedVisit old, VisitOfPlan(repos, plan, visit));
        CHIBO_TRY_ASSIGN(const PlannedVisit v, CheckVisit(repos, l, input, visit));
        repos.visits().UpdateVisit(v);
        RecordAudit(repos, clock_, actor, "visit_plan.edit", "visit_plan", plan.value, &l.committee, Describe(old),
                    Describe(v));
        return PlanView(repos, actor, l, today);
    });
}

Result<VisitPlanView> VisitService::DeleteVisit(const Actor& actor, VisitPlanId plan, PlannedVisitId visit) {
    const Date today = clock_.Today();
    return WriteValue<VisitPlanView>(store_, [&](Repositories& repos) -> Result<VisitPlanView> {
        CHIBO_TRY_ASSIGN(const LoadedPlan l, LoadPlan(repos, actor, plan, true));
        CHIBO_TRY_ASSIGN(const PlannedVisit old, VisitOfPlan(repos, plan, visit));
        repos.visits().DeleteVisit(visit);
        RecordAudit(repos, clock_, actor, "visit_plan.edit", "visit_plan", plan.value, &l.committee, Describe(old),
                    std::nullopt);
        return PlanView(repos, actor, l, today);
    });
}

}  // namespace chibo::app
