#include "app/visit_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "app/meeting_detail.hpp"
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

namespace {

int Key(int year, int month) {
    return year * 12 + month - 1;
}

Date FirstDay(int key) {
    return *Date::FromYmd(key / 12, key % 12 + 1, 1);
}

Date LastDay(int key) {
    return FirstDay(key + 1).AddDays(-1);
}

std::string MonthText(int year, int month) {
    return (month < 10 ? "0" : "") + std::to_string(month) + "/" + std::to_string(year);
}

// The committee a person attends for, or another organisation that is not a cell or a party group.
Result<Organization> VisibleCommittee(Repositories& repos, const Actor& actor, OrganizationId id, bool write) {
    auto org = repos.organizations().Get(id);
    if (!org || !actor.CanSeeOrganization(org->path)) return NotFound("tổ chức");
    if (write ? !actor.CanWrite(org->path) : !actor.CanReadMembers(org->path)) return Forbidden();
    if (IsCell(org->kind) || org->kind == OrganizationKind::kPartyGroup)
        return MakeError(ErrorCode::kInvalidArgument,
                         "Chỉ cấp ủy có chi bộ trực thuộc mới phân công người dự sinh hoạt chi bộ.", "id");
    return *org;
}

std::string AuthorName(Repositories& repos, const Actor& actor) {
    if (actor.member)
        if (auto m = repos.members().Get(*actor.member)) return m->full_name;
    return actor.username;
}

bool Within(const std::string& path, const std::string& root) {
    return path.rfind(root, 0) == 0;
}

// The living cells of the subtree, in tree order.
std::vector<Organization> CellsOf(Repositories& repos, const Organization& root) {
    std::vector<Organization> out;
    for (Organization& o : repos.organizations().Subtree(root.path, Dissolved::kExclude))
        if (IsCell(o.kind)) out.push_back(std::move(o));
    return out;
}

Snapshot Describe(const Attendant& a) {
    return {{"member_id", std::to_string(a.member.value)},
            {"role", a.role},
            {"term_start", a.term_start.ToIso()},
            {"term_end", a.term_end ? a.term_end->ToIso() : ""},
            {"duty", std::to_string(a.duty.visits_per_month) + "/" + std::to_string(a.duty.meetings_per_quarter) + "/" +
                         std::to_string(a.duty.report_days)}};
}

Snapshot Describe(const PlannedVisit& v) {
    return {{"attendant_id", std::to_string(v.attendant.value)},
            {"cell_id", std::to_string(v.cell.value)},
            {"kind", std::string(ToCode(v.kind))},
            {"month", MonthText(v.year, v.month)}};
}

// Names of organisations, read once each.
class Names {
public:
    explicit Names(Repositories& repos) : repos_(repos) {}
    const std::string& Of(OrganizationId id) {
        auto it = names_.find(id.value);
        if (it != names_.end()) return it->second;
        auto org = repos_.organizations().Get(id);
        return names_[id.value] = org ? org->name : "";
    }

private:
    Repositories& repos_;
    std::map<std::int64_t, std::string> names_;
};

// Attendants by id, read once each.
class People {
public:
    explicit People(Repositories& repos) : repos_(repos) {}
    const Attendant* Of(AttendantId id) {
        auto it = people_.find(id.value);
        if (it == people_.end()) it = people_.emplace(id.value, repos_.visits().GetAttendant(id)).first;
        return it->second ? &*it->second : nullptr;
    }
    void Add(const Attendant& a) { people_[a.id.value] = a; }

private:
    Repositories& repos_;
    std::map<std::int64_t, std::optional<Attendant>> people_;
};

// How planned visits went, from the meetings and the reports.
class VisitStatus {
public:
    VisitStatus(Repositories& repos, Names& names, People& people, Date today)
        : repos_(repos), names_(names), people_(people), today_(today) {}

    PlannedVisitView View(const PlannedVisit& v) {
        PlannedVisitView out;
        out.visit = v;
        const Attendant* a = people_.Of(v.attendant);
        out.attendant_name = a ? a->name : "";
        out.cell_name = names_.Of(v.cell);
        const int report_days = a ? a->duty.report_days : VisitDuty{}.report_days;
        const bool month_over = today_ > LastDay(Key(v.year, v.month));
        if (v.kind == VisitKind::kMeeting) {
            auto meeting = repos_.meetings().Find(v.cell, MeetingKind::kRegular, v.year, v.month);
            if (meeting && meeting->state != MeetingState::kCancelled) {
                out.meeting = meeting->id;
                out.visit.date = meeting->date;
                out.visit.start_minutes = meeting->start_minutes;
            }
            std::optional<VisitReport> report;
            if (meeting) report = repos_.visits().ReportOnMeeting(v.attendant, meeting->id);
            const bool attended =
                meeting && Held(meeting->state) && (meeting->record.superior_attendant == v.attendant || report);
            if (attended) {
                out.report_due = VisitReportDue(meeting->date, report ? report->report_days : report_days);
                if (report) out.report = report->id;
                out.status =
                    StatusOf(ReportStateOf(meeting->date, report ? std::optional(report->filed_on) : std::nullopt,
                                           report ? report->report_days : report_days, today_));
            } else {
                out.status = month_over ? "not_held" : "planned";
            }
            return out;
        }
        for (const VisitReport& r : GrassrootsReports(v.attendant, v.year, v.month)) {
            if (r.cell != v.cell) continue;
            out.report = r.id;
            out.report_due = VisitReportDue(r.visited_on, r.report_days);
            out.status = VisitReportLate(r.visited_on, r.filed_on, r.report_days) ? "report_late" : "reported";
            return out;
        }
        out.status = month_over ? "not_held" : "planned";
        return out;
    }

private:
    static std::string StatusOf(ReportState s) {
        switch (s) {
            case ReportState::kOnTime:
                return "reported";
            case ReportState::kLate:
                return "report_late";
            case ReportState::kMissing:
                return "report_missing";
            case ReportState::kPending:
                return "attended";
        }
        return "attended";
    }

    const std::vector<VisitReport>& GrassrootsReports(AttendantId a, int year, int month) {
        const auto key = std::make_pair(a.value, Key(year, month));
        auto it = grassroots_.find(key);
        if (it != grassroots_.end()) return it->second;
        std::vector<VisitReport> found;
        for (VisitReport& r : repos_.visits().ReportsOf({a}, FirstDay(key.second), LastDay(key.second)))
            if (r.kind == VisitKind::kGrassroots) found.push_back(std::move(r));
        return grassroots_[key] = std::move(found);
    }

    Repositories& repos_;
    Names& names_;
    People& people_;
    Date today_;
    std::map<std::pair<std::int64_t, int>, std::vector<VisitReport>> grassroots_;
};

AttendantView ViewOf(Names& names, const Attendant& a, Date today) {
    return {a, names.Of(a.organization), a.ActiveOn(today)};
}

// The expected regular meeting of each cell and month of [first, last]: the occurrence when it exists, else
// the rule's day.
std::vector<MeetingSlot> SlotsOf(Repositories& repos, const Organization& root, const std::vector<Organization>& cells,
                                 int first, int last) {
    std::map<std::pair<std::int64_t, int>, MeetingSlot> slots;
    for (const Organization& cell : cells) {
        const RuleView rule = BuildRule(repos, cell);
        for (const ExpectedMeeting& e :
             ExpectedMeetings(rule.effective, first / 12, first % 12 + 1, last / 12, last % 12 + 1)) {
            if (e.kind != MeetingKind::kRegular) continue;
            slots[{cell.id.value, Key(e.year, e.month)}] =
                MeetingSlot{cell.id, e.year, e.month, e.date, e.start_minutes, e.min_minutes};
        }
    }
    for (const Meeting& m : repos.meetings().InSubtreeBetween(root.path, FirstDay(first), LastDay(last + 1), 1000000)) {
        if (m.kind != MeetingKind::kRegular || m.state == MeetingState::kCancelled) continue;
        auto it = slots.find({m.organization.value, Key(m.year, m.month)});
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
    const int now = Key(today.year(), today.month());
    const auto records = repos.visits().CellRecords(root.path, FirstDay(now - 12), today);
    std::vector<CellStanding> out;
    out.reserve(cells.size());
    for (const Organization& cell : cells) {
        CellStanding s;
        s.cell = cell.id;
        s.name = cell.name;
        // Months over since the later of a year ago and the cell's first full month.
        const int founded = Key(cell.valid_from.year(), cell.valid_from.month()) + (cell.valid_from.day() > 1 ? 1 : 0);
        const int due = std::max(0, now - std::max(now - 12, founded));
        auto it = records.find(cell.id.value);
        if (it != records.end()) {
            const CellRecordSummary& r = it->second;
            s.last_level = r.last_level;
            if (r.expected > 0) s.attendance_rate = static_cast<double>(r.present) / r.expected;
            s.missed_meetings = std::max(0, due - r.regular_months_held);
            if (r.last_visit) s.months_since_visit = now - Key(r.last_visit->year(), r.last_visit->month());
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
    const int first = Key(plan.from_year, plan.from_month);
    const int last = Key(plan.to_year, plan.to_month);
    for (const Attendant& a : people) {
        std::map<int, int> meetings;    // Quarter key → planned.
        std::map<int, int> grassroots;  // Month key → planned.
        std::set<int> quarters;
        std::vector<int> months;
        for (int k = first; k <= last; ++k)
            if (a.ActiveIn(k / 12, k % 12 + 1)) {
                months.push_back(k);
                quarters.insert(k / 3);
            }
        if (months.empty()) continue;
        for (const PlannedVisit& v : visits) {
            if (v.attendant != a.id) continue;
            const int k = Key(v.year, v.month);
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
        if (!per_cell.count(cell.id.value)) v.uncovered.push_back({cell.id, cell.name});
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
    if (!cell || !IsCell(cell->kind) || cell->dissolved() || !Within(cell->path, l.committee.path))
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
        const int k = Key(v.year, v.month);
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

Result<Attendant> AttendantOfActor(Repositories& repos, const Actor& actor, AttendantId id, Organization& committee) {
    auto a = repos.visits().GetAttendant(id);
    if (!a) return NotFound("người được phân công");
    auto org = repos.organizations().Get(a->organization);
    if (!org) return NotFound("người được phân công");
    const bool self = actor.member && *actor.member == a->member;
    if (!self && !actor.CanWrite(org->path)) {
        if (!actor.CanSeeOrganization(org->path)) return NotFound("người được phân công");
        return Forbidden();
    }
    committee = *org;
    return *a;
}

PetitionView PetitionViewOf(Names& names, const Actor& actor, Repositories& repos, const Petition& p, Date today) {
    PetitionView v;
    v.petition = p;
    v.cell_name = names.Of(p.cell);
    v.owner_organization_name = names.Of(p.owner);
    v.overdue = PetitionOverdue(p.deadline, p.answered_on, today);
    if (auto owner = repos.organizations().Get(p.owner)) v.can_answer = actor.CanWrite(owner->path);
    return v;
}

ReportView ReportViewOf(Repositories& repos, const Actor& actor, Names& names, People& people, const VisitReport& r,
                        Date today) {
    ReportView v;
    v.report = r;
    const Attendant* a = people.Of(r.attendant);
    v.attendant_name = a ? a->name : "";
    v.cell_name = names.Of(r.cell);
    v.due_on = VisitReportDue(r.visited_on, r.report_days);
    v.late = VisitReportLate(r.visited_on, r.filed_on, r.report_days);
    if (r.meeting)
        for (const MeetingScore& s : repos.scores().Scores(*r.meeting))
            if (s.role == ScorerRole::kSuperior) v.superior_score = s;
    for (const Petition& p : repos.visits().PetitionsOfReport(r.id))
        v.petitions.push_back(PetitionViewOf(names, actor, repos, p, today));
    return v;
}

// What happened: meetings the record links to a person, and the reports (a meeting reported without the link
// counts once), each with the report's day.
std::vector<VisitDone> DoneOf(People& people, const std::vector<AttendedMeeting>& attended,
                              const std::vector<VisitReport>& reports) {
    std::map<std::pair<std::int64_t, std::int64_t>, const VisitReport*> meeting_reports;
    for (const VisitReport& r : reports)
        if (r.meeting) meeting_reports[{r.attendant.value, r.meeting->value}] = &r;
    std::vector<VisitDone> done;
    std::set<std::pair<std::int64_t, std::int64_t>> counted;
    std::map<std::int64_t, std::optional<QualityLevel>> levels;
    for (const AttendedMeeting& m : attended) {
        levels[m.meeting.value] = m.level;
        const Attendant* a = people.Of(m.attendant);
        VisitDone d{m.attendant, m.cell,  VisitKind::kMeeting, m.on,
                    m.meeting,   m.level, std::nullopt,        a ? a->duty.report_days : VisitDuty{}.report_days};
        if (auto it = meeting_reports.find({m.attendant.value, m.meeting.value}); it != meeting_reports.end()) {
            d.reported_on = it->second->filed_on;
            d.report_days = it->second->report_days;
        }
        counted.insert({m.attendant.value, m.meeting.value});
        done.push_back(d);
    }
    for (const VisitReport& r : reports) {
        if (r.meeting && counted.count({r.attendant.value, r.meeting->value})) continue;
        std::optional<QualityLevel> level;
        if (r.meeting)
            if (auto it = levels.find(r.meeting->value); it != levels.end()) level = it->second;
        done.push_back({r.attendant, r.cell, r.kind, r.visited_on, r.meeting, level, r.filed_on, r.report_days});
    }
    return done;
}

bool MaySeeReport(Repositories& repos, const Actor& actor, const VisitReport& r, People& people) {
    if (const Attendant* a = people.Of(r.attendant); a && actor.member && *actor.member == a->member) return true;
    for (OrganizationId id : {r.committee, r.cell})
        if (auto org = repos.organizations().Get(id); org && actor.CanWrite(org->path)) return true;
    return false;
}

}  // namespace

std::vector<SuperiorCandidate> SuperiorCandidates(Repositories& repos, const Organization& cell,
                                                  const Meeting& meeting) {
    std::vector<OrganizationId> ancestors;
    std::map<std::int64_t, std::string> names;
    for (auto parent = cell.parent; parent;) {
        auto org = repos.organizations().Get(*parent);
        if (!org) break;
        ancestors.push_back(org->id);
        names[org->id.value] = org->name;
        parent = org->parent;
    }
    std::set<std::int64_t> planned;
    const int k = Key(meeting.year, meeting.month);
    for (const PlannedVisit& v : repos.visits().PublishedVisitsIn(cell.path, k, k))
        if (v.cell == cell.id && v.kind == VisitKind::kMeeting) planned.insert(v.attendant.value);
    std::vector<SuperiorCandidate> out;
    for (const Attendant& a : repos.visits().AttendantsOfAny(ancestors))
        if (a.ActiveOn(meeting.date) || planned.count(a.id.value))
            out.push_back({a.id, a.name, a.role, names[a.organization.value], planned.count(a.id.value) > 0});
    std::stable_sort(out.begin(), out.end(),
                     [](const SuperiorCandidate& x, const SuperiorCandidate& y) { return x.planned > y.planned; });
    return out;
}

std::optional<PersonPractice> PracticeOfMember(Repositories& repos, MemberId member, Date from, Date to, Date today) {
    std::optional<PersonPractice> out;
    People people(repos);
    for (const Attendant& a : repos.visits().AttendantsOfMember(member)) {
        if (a.term_start > to || (a.term_end && *a.term_end < from)) continue;
        auto committee = repos.organizations().Get(a.organization);
        if (!committee) continue;
        people.Add(a);
        std::vector<AttendedMeeting> attended;
        for (const AttendedMeeting& m : repos.visits().AttendedIn(committee->path, from, to))
            if (m.attendant == a.id) attended.push_back(m);
        const std::vector<VisitDone> done = DoneOf(people, attended, repos.visits().ReportsOf({a.id}, from, to));
        const std::vector<Attendant> one = {a};
        const PersonPractice p =
            PracticeOf(one, {}, done, {}, from.year(), from.month(), to.year(), to.month(), today).people.front();
        if (!out) out = PersonPractice{a.id};
        out->grassroots += p.grassroots;
        out->grassroots_expected += p.grassroots_expected;
        out->meetings += p.meetings;
        out->meetings_expected += p.meetings_expected;
        out->on_time += p.on_time;
        out->late += p.late;
        out->missing += p.missing;
        out->pending += p.pending;
    }
    return out;
}

std::vector<PlannedVisitView> VisitsOfMember(Repositories& repos, MemberId member, int year, Date today) {
    std::vector<AttendantId> ids;
    Names names(repos);
    People people(repos);
    for (const Attendant& a : repos.visits().AttendantsOfMember(member)) {
        ids.push_back(a.id);
        people.Add(a);
    }
    VisitStatus status(repos, names, people, today);
    std::vector<PlannedVisitView> out;
    for (const PlannedVisit& v : repos.visits().PublishedVisitsOf(ids, Key(year, 1), Key(year, 12)))
        out.push_back(status.View(v));
    return out;
}

StoredVisitPlan CreatePlan(Repositories& repos, const Organization& committee, const PlanInput& input,
                           const std::vector<Attendant>& people, const std::string& created_by, std::int64_t created_at,
                           Date today) {
    const int first = Key(input.from_year, input.from_month);
    const int last = Key(input.to_year, input.to_month);
    const std::vector<Organization> cells = CellsOf(repos, committee);
    const std::vector<CellStanding> standings = StandingsOf(repos, committee, cells, today);
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

Result<std::vector<AttendantView>> VisitService::Attendants(const Actor& actor, OrganizationId committee) {
    const Date today = clock_.Today();
    return ReadValue<std::vector<AttendantView>>(
        store_, [&](Repositories& repos) -> Result<std::vector<AttendantView>> {
            CHIBO_TRY_ASSIGN(const Organization org, VisibleCommittee(repos, actor, committee, false));
            Names names(repos);
            std::vector<AttendantView> out;
            for (const Attendant& a : repos.visits().AttendantsOf(org.id)) out.push_back(ViewOf(names, a, today));
            std::stable_sort(out.begin(), out.end(),
                             [](const AttendantView& x, const AttendantView& y) { return x.active > y.active; });
            return out;
        });
}

Result<AttendantView> VisitService::AddAttendant(const Actor& actor, OrganizationId committee,
                                                 const AttendantInput& input) {
    const Date today = clock_.Today();
    return WriteValue<AttendantView>(store_, [&](Repositories& repos) -> Result<AttendantView> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleCommittee(repos, actor, committee, true));
        auto member = repos.members().Get(input.member);
        std::optional<Organization> home;
        if (member) home = repos.organizations().Get(member->organization);
        if (!member || !home || !Within(home->path, org.path))
            return MakeError(ErrorCode::kInvalidArgument, "Đảng viên không thuộc đảng bộ này.", "member_id");
        CHIBO_TRY(CheckDuty(input.duty));
        if (input.term_end && *input.term_end < input.term_start)
            return MakeError(ErrorCode::kInvalidArgument, "Ngày hết nhiệm kỳ phải sau ngày bắt đầu.", "term_end");
        Attendant a;
        a.organization = org.id;
        a.member = input.member;
        a.name = member->full_name;
        a.role = input.role;
        a.term_start = input.term_start;
        a.term_end = input.term_end;
        a.duty = input.duty;
        for (const Attendant& other : repos.visits().AttendantsOf(org.id))
            if (other.member == a.member && TermsOverlap(other, a))
                return MakeError(
                    ErrorCode::kConflict,
                    "Đồng chí " + a.name + " đã được phân công trong thời gian này; hãy sửa phân công cũ.");
        a = repos.visits().InsertAttendant(a);
        RecordAudit(repos, clock_, actor, "attendant.create", "attendant", a.id.value, &org, std::nullopt, Describe(a));
        Names names(repos);
        return ViewOf(names, a, today);
    });
}

Result<AttendantView> VisitService::UpdateAttendant(const Actor& actor, AttendantId id, const AttendantPatch& patch) {
    const Date today = clock_.Today();
    return WriteValue<AttendantView>(store_, [&](Repositories& repos) -> Result<AttendantView> {
        auto a = repos.visits().GetAttendant(id);
        if (!a) return NotFound("người được phân công");
        auto org = repos.organizations().Get(a->organization);
        if (!org || !actor.CanSeeOrganization(org->path)) return NotFound("người được phân công");
        if (!actor.CanWrite(org->path)) return Forbidden();
        const Snapshot before = Describe(*a);
        Attendant changed = *a;
        if (patch.role) changed.role = *patch.role;
        if (patch.term_end) changed.term_end = *patch.term_end;
        if (patch.visits_per_month) changed.duty.visits_per_month = *patch.visits_per_month;
        if (patch.meetings_per_quarter) changed.duty.meetings_per_quarter = *patch.meetings_per_quarter;
        if (patch.report_days) changed.duty.report_days = *patch.report_days;
        CHIBO_TRY(CheckDuty(changed.duty));
        if (changed.term_end && *changed.term_end < changed.term_start)
            return MakeError(ErrorCode::kInvalidArgument, "Ngày hết nhiệm kỳ phải sau ngày bắt đầu.", "term_end");
        for (const Attendant& other : repos.visits().AttendantsOf(org->id))
            if (other.id != changed.id && other.member == changed.member && TermsOverlap(other, changed))
                return MakeError(ErrorCode::kConflict,
                                 "Đồng chí " + changed.name + " đã có phân công khác trùng thời gian này.");
        repos.visits().UpdateAttendant(changed);
        RecordAudit(repos, clock_, actor, "attendant.update", "attendant", changed.id.value, &*org, before,
                    Describe(changed));
        Names names(repos);
        return ViewOf(names, changed, today);
    });
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
        const int first = Key(input.from_year, input.from_month);
        const int last = Key(input.to_year, input.to_month);
        std::vector<Attendant> people;
        for (const Attendant& a : repos.visits().AttendantsOf(org.id)) {
            bool active = false;
            for (int k = first; k <= last && !active; ++k) active = a.ActiveIn(k / 12, k % 12 + 1);
            if (active) people.push_back(a);
        }
        if (people.empty())
            return MakeError(ErrorCode::kConflict,
                             "Cấp ủy chưa phân công ai dự sinh hoạt trong giai đoạn này; hãy thêm người được phân công "
                             "trước.");
        if (CellsOf(repos, org).empty()) return MakeError(ErrorCode::kConflict, "Đảng bộ chưa có chi bộ nào.");
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
        std::optional<PlannedVisit> old;
        for (const PlannedVisit& v : repos.visits().VisitsOf(plan))
            if (v.id == visit) old = v;
        if (!old) return NotFound("lượt");
        CHIBO_TRY_ASSIGN(const PlannedVisit v, CheckVisit(repos, l, input, visit));
        repos.visits().UpdateVisit(v);
        RecordAudit(repos, clock_, actor, "visit_plan.edit", "visit_plan", plan.value, &l.committee, Describe(*old),
                    Describe(v));
        return PlanView(repos, actor, l, today);
    });
}

Result<VisitPlanView> VisitService::DeleteVisit(const Actor& actor, VisitPlanId plan, PlannedVisitId visit) {
    const Date today = clock_.Today();
    return WriteValue<VisitPlanView>(store_, [&](Repositories& repos) -> Result<VisitPlanView> {
        CHIBO_TRY_ASSIGN(const LoadedPlan l, LoadPlan(repos, actor, plan, true));
        std::optional<PlannedVisit> old;
        for (const PlannedVisit& v : repos.visits().VisitsOf(plan))
            if (v.id == visit) old = v;
        if (!old) return NotFound("lượt");
        repos.visits().DeleteVisit(visit);
        RecordAudit(repos, clock_, actor, "visit_plan.edit", "visit_plan", plan.value, &l.committee, Describe(*old),
                    std::nullopt);
        return PlanView(repos, actor, l, today);
    });
}

Result<std::vector<PlannedVisitView>> VisitService::VisitsTo(const Actor& actor, OrganizationId organization,
                                                             int year) {
    const Date today = clock_.Today();
    return ReadValue<std::vector<PlannedVisitView>>(
        store_, [&](Repositories& repos) -> Result<std::vector<PlannedVisitView>> {
            auto org = repos.organizations().Get(organization);
            if (!org || !actor.CanSeeOrganization(org->path)) return NotFound("tổ chức");
            Names names(repos);
            People people(repos);
            VisitStatus status(repos, names, people, today);
            std::vector<PlannedVisitView> out;
            for (const PlannedVisit& v : repos.visits().PublishedVisitsIn(org->path, Key(year, 1), Key(year, 12)))
                out.push_back(status.View(v));
            return out;
        });
}

Result<MyVisits> VisitService::Mine(const Actor& actor, int year) {
    const Date today = clock_.Today();
    return ReadValue<MyVisits>(store_, [&](Repositories& repos) -> Result<MyVisits> {
        MyVisits out;
        if (!actor.member) return out;
        Names names(repos);
        People people(repos);
        std::vector<AttendantId> ids;
        for (const Attendant& a : repos.visits().AttendantsOfMember(*actor.member)) {
            out.attendants.push_back(ViewOf(names, a, today));
            people.Add(a);
            ids.push_back(a.id);
        }
        out.visits = VisitsOfMember(repos, *actor.member, year, today);
        for (const VisitReport& r :
             repos.visits().ReportsOf(ids, *Date::FromYmd(year, 1, 1), *Date::FromYmd(year, 12, 31)))
            out.reports.push_back(ReportViewOf(repos, actor, names, people, r, today));
        return out;
    });
}

Result<ReportView> VisitService::File(const Actor& actor, const ReportInput& input) {
    const Date today = clock_.Today();
    return WriteValue<ReportView>(store_, [&](Repositories& repos) -> Result<ReportView> {
        Organization committee;
        CHIBO_TRY_ASSIGN(const Attendant person, AttendantOfActor(repos, actor, input.attendant, committee));
        auto cell = repos.organizations().Get(input.cell);
        if (!cell || !IsCell(cell->kind) || !Within(cell->path, committee.path))
            return MakeError(ErrorCode::kInvalidArgument, "Chi bộ không thuộc " + committee.name + ".", "cell_id");
        VisitReport r;
        r.attendant = person.id;
        r.committee = committee.id;
        r.cell = cell->id;
        r.kind = input.kind;
        r.report_days = person.duty.report_days;
        r.observations = input.observations;
        r.members_situation = input.members_situation;
        r.created_by = actor.username;
        r.filed_at = clock_.NowUnixSeconds();
        r.filed_on = today;
        std::optional<Meeting> meeting;
        if (input.kind == VisitKind::kMeeting) {
            if (!input.meeting)
                return MakeError(ErrorCode::kInvalidArgument, "Vui lòng chọn buổi sinh hoạt đã dự.", "meeting_id");
            meeting = repos.meetings().Get(*input.meeting);
            if (!meeting || meeting->organization != cell->id)
                return MakeError(ErrorCode::kInvalidArgument, "Buổi sinh hoạt không phải của " + cell->name + ".",
                                 "meeting_id");
            if (!Held(meeting->state))
                return MakeError(ErrorCode::kConflict, "Buổi sinh hoạt chưa được ghi là đã họp; báo cáo sau khi dự.");
            if (repos.visits().ReportOnMeeting(person.id, meeting->id))
                return MakeError(ErrorCode::kConflict, "Đồng chí đã gửi báo cáo về buổi sinh hoạt này.");
            r.meeting = meeting->id;
            r.visited_on = meeting->date;
        } else {
            if (!input.visited_on)
                return MakeError(ErrorCode::kInvalidArgument, "Vui lòng nhập ngày đi cơ sở.", "visited_on");
            if (*input.visited_on > today)
                return MakeError(ErrorCode::kInvalidArgument, "Ngày đi cơ sở không được sau hôm nay.", "visited_on");
            r.visited_on = *input.visited_on;
        }
        if (!person.ActiveOn(r.visited_on))
            return MakeError(ErrorCode::kInvalidArgument,
                             "Ngày " + r.visited_on.ToVietnamese() + " nằm ngoài nhiệm kỳ được phân công.",
                             input.kind == VisitKind::kMeeting ? "meeting_id" : "visited_on");
        std::vector<Petition> petitions;
        for (std::size_t i = 0; i < input.petitions.size(); ++i) {
            const PetitionInput& in = input.petitions[i];
            const std::string field = "petitions[" + std::to_string(i) + "]";
            auto owner = repos.organizations().Get(in.owner);
            if (!owner || !(Within(owner->path, committee.path) || Within(committee.path, owner->path)))
                return MakeError(ErrorCode::kInvalidArgument,
                                 "Tổ chức trả lời kiến nghị phải là " + committee.name +
                                     ", tổ chức trong đảng bộ "
                                     "hoặc cấp trên.",
                                 field + ".owner_organization_id");
            if (auto checked = CheckPetitionDeadline(today, in.deadline); !checked) {
                base::Error e = checked.error();
                e.field = field + ".deadline";
                return e;
            }
            Petition p;
            p.cell = cell->id;
            p.field = in.field;
            p.source = in.source;
            p.raised_by = in.raised_by;
            p.content = in.content;
            p.owner = owner->id;
            p.owner_name = in.owner_name;
            p.raised_on = r.visited_on;
            p.deadline = in.deadline;
            petitions.push_back(std::move(p));
        }
        r = repos.visits().InsertReport(r);
        for (Petition& p : petitions) {
            p.report = r.id;
            repos.visits().InsertPetition(p);
        }
        if (meeting && !meeting->record.superior_attendant) {
            meeting->record.superior_attendant = person.id;
            meeting->record.superior_attended = true;
            repos.meetings().Update(*meeting);
        }
        RecordAudit(repos, clock_, actor, "visit_report.create", "visit_report", r.id.value, &*cell, std::nullopt,
                    Snapshot{{"attendant_id", std::to_string(person.id.value)},
                             {"kind", std::string(ToCode(r.kind))},
                             {"visited_on", r.visited_on.ToIso()},
                             {"petitions", std::to_string(petitions.size())}});
        Names names(repos);
        People people(repos);
        people.Add(person);
        return ReportViewOf(repos, actor, names, people, r, today);
    });
}

Result<ReportView> VisitService::Report(const Actor& actor, VisitReportId id) {
    const Date today = clock_.Today();
    return ReadValue<ReportView>(store_, [&](Repositories& repos) -> Result<ReportView> {
        auto r = repos.visits().GetReport(id);
        if (!r) return NotFound("báo cáo");
        People people(repos);
        if (!MaySeeReport(repos, actor, *r, people)) return NotFound("báo cáo");
        Names names(repos);
        return ReportViewOf(repos, actor, names, people, *r, today);
    });
}

Result<std::vector<ReportView>> VisitService::Reports(const Actor& actor, OrganizationId organization, int year) {
    const Date today = clock_.Today();
    return ReadValue<std::vector<ReportView>>(store_, [&](Repositories& repos) -> Result<std::vector<ReportView>> {
        auto org = repos.organizations().Get(organization);
        if (!org || !actor.CanSeeOrganization(org->path)) return NotFound("tổ chức");
        if (!actor.CanWrite(org->path)) return Forbidden();
        Names names(repos);
        People people(repos);
        std::vector<ReportView> out;
        for (const VisitReport& r :
             repos.visits().ReportsIn(org->path, *Date::FromYmd(year, 1, 1), *Date::FromYmd(year, 12, 31)))
            out.push_back(ReportViewOf(repos, actor, names, people, r, today));
        return out;
    });
}

Result<std::vector<PetitionView>> VisitService::Petitions(const Actor& actor, OrganizationId organization,
                                                          PetitionFilter filter, std::optional<int> year) {
    const Date today = clock_.Today();
    return ReadValue<std::vector<PetitionView>>(store_, [&](Repositories& repos) -> Result<std::vector<PetitionView>> {
        auto org = repos.organizations().Get(organization);
        if (!org || !actor.CanSeeOrganization(org->path)) return NotFound("tổ chức");
        const Date from = year ? *Date::FromYmd(*year, 1, 1) : *Date::FromYmd(2000, 1, 1);
        const Date to = year ? *Date::FromYmd(*year, 12, 31) : *Date::FromYmd(2100, 12, 31);
        Names names(repos);
        std::vector<PetitionView> out;
        for (const Petition& p : repos.visits().PetitionsIn(org->path, from, to)) {
            PetitionView v = PetitionViewOf(names, actor, repos, p, today);
            const bool answered = p.answered_on.has_value();
            if ((filter == PetitionFilter::kOpen && answered) || (filter == PetitionFilter::kAnswered && !answered) ||
                (filter == PetitionFilter::kOverdue && !v.overdue))
                continue;
            out.push_back(std::move(v));
        }
        return out;
    });
}

Result<PetitionView> VisitService::Answer(const Actor& actor, PetitionId id, const std::string& answer) {
    const Date today = clock_.Today();
    return WriteValue<PetitionView>(store_, [&](Repositories& repos) -> Result<PetitionView> {
        auto p = repos.visits().GetPetition(id);
        if (!p) return NotFound("kiến nghị");
        auto owner = repos.organizations().Get(p->owner);
        auto cell = repos.organizations().Get(p->cell);
        if (!owner || !cell) return NotFound("kiến nghị");
        if (!actor.CanWrite(owner->path)) {
            if (!actor.CanSeeOrganization(owner->path) && !actor.CanSeeOrganization(cell->path))
                return NotFound("kiến nghị");
            return Forbidden();
        }
        const Snapshot before{{"answer", p->answer}};
        p->answer = answer;
        p->answered_by = AuthorName(repos, actor);
        p->answered_on = today;
        repos.visits().SaveAnswer(*p);
        RecordAudit(repos, clock_, actor, "petition.answer", "petition", p->id.value, &*cell, before,
                    Snapshot{{"answer", p->answer}});
        Names names(repos);
        return PetitionViewOf(names, actor, repos, *p, today);
    });
}

Result<VisitOverview> VisitService::Overview(const Actor& actor, OrganizationId organization, int from_year,
                                             int from_month, int to_year, int to_month) {
    const Date today = clock_.Today();
    return ReadValue<VisitOverview>(store_, [&](Repositories& repos) -> Result<VisitOverview> {
        auto org = repos.organizations().Get(organization);
        if (!org || !actor.CanSeeOrganization(org->path)) return NotFound("tổ chức");
        if (!actor.CanReadMembers(org->path)) return Forbidden();
        CHIBO_TRY(CheckPlanPeriod(from_year, from_month, to_year, to_month));
        const int first = Key(from_year, from_month);
        const int last = Key(to_year, to_month);
        const Date from = FirstDay(first);
        const Date to = LastDay(last);
        VisitOverview out{org->id, from_year, from_month, to_year, to_month};
        Names names(repos);
        People people(repos);
        const std::vector<Attendant> own = repos.visits().AttendantsOf(org->id);
        for (const Attendant& a : own) people.Add(a);

        const std::vector<VisitDone> done = DoneOf(people, repos.visits().AttendedIn(org->path, from, to),
                                                   repos.visits().ReportsIn(org->path, from, to));
        std::vector<OrganizationId> cell_ids;
        for (const Organization& c : CellsOf(repos, *org)) cell_ids.push_back(c.id);
        const std::vector<PlannedVisit> planned = repos.visits().PublishedVisitsIn(org->path, first, last);
        const Practice practice =
            PracticeOf(own, cell_ids, done, planned, from_year, from_month, to_year, to_month, today);
        for (std::size_t i = 0; i < own.size(); ++i)
            out.people.push_back({practice.people[i], own[i].name, own[i].role, own[i].member});
        // The totals count everyone's visits in the subtree (a province sees its communes' practice too).
        std::vector<Attendant> everyone;
        std::set<std::int64_t> seen;
        for (const VisitDone& d : done)
            if (seen.insert(d.attendant.value).second)
                if (const Attendant* a = people.Of(d.attendant)) everyone.push_back(*a);
        for (const PersonPractice& p :
             PracticeOf(everyone, {}, done, {}, from_year, from_month, to_year, to_month, today).people) {
            out.totals.grassroots += p.grassroots;
            out.totals.meetings += p.meetings;
            out.totals.on_time += p.on_time;
            out.totals.late += p.late;
            out.totals.missing += p.missing;
            out.totals.pending += p.pending;
        }
        out.cells = practice.coverage.cells;
        out.visited = practice.coverage.visited;
        for (OrganizationId id : practice.coverage.never_visited) out.never_visited.push_back({id, names.Of(id)});
        for (OrganizationId id : practice.coverage.only_good) out.only_good.push_back({id, names.Of(id)});
        for (const Petition& p : repos.visits().PetitionsIn(org->path, from, to)) {
            if (p.answered_on)
                ++out.petitions_answered;
            else
                ++out.petitions_open;
            if (PetitionOverdue(p.deadline, p.answered_on, today)) ++out.petitions_overdue;
        }
        return out;
    });
}

}  // namespace chibo::app
