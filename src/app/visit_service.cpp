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
#include "domain/user_repository.hpp"
#include "domain/visit_repository.hpp"

namespace chibo::app {

using base::Date;
using base::ErrorCode;
using base::MakeError;
using base::Result;
using namespace chibo::domain;
using namespace chibo::app::visits;

namespace {

// The name an answer is signed with: the actor's member, else their account's display name ("Văn phòng Đảng ủy
// xã Hòa An"), else the username.
std::string AuthorName(Repositories& repos, const Actor& actor) {
    if (actor.member)
        if (auto m = repos.members().Get(*actor.member)) return m->full_name;
    if (auto user = repos.users().Get(actor.user); user && !user->display_name.empty()) return user->display_name;
    return actor.username;
}

Snapshot Describe(const Attendant& a) {
    return {{"member_id", std::to_string(a.member.value)},
            {"role", a.role},
            {"term_start", a.term_start.ToIso()},
            {"term_end", a.term_end ? a.term_end->ToIso() : ""},
            {"duty", std::to_string(a.duty.visits_per_month) + "/" + std::to_string(a.duty.meetings_per_quarter) + "/" +
                         std::to_string(a.duty.report_days)}};
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
        if (r.meeting && counted.contains({r.attendant.value, r.meeting->value})) continue;
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

// The people of the cell's ancestors in their term on the meeting's day, and those a published plan sends to it,
// the planned first.
std::vector<SuperiorCandidate> SuperiorCandidates(Repositories& repos, const Organization& cell,
                                                  const Meeting& meeting) {
    // The cell's ancestors, read from its path (the cell itself last).
    std::vector<OrganizationId> ancestors = PathIds(cell.path);
    if (!ancestors.empty()) ancestors.pop_back();
    Names names(repos);
    std::set<std::int64_t> planned;
    const int k = MonthNumber(meeting.year, meeting.month);
    for (const PlannedVisit& v : repos.visits().PublishedVisitsIn(cell.path, k, k))
        if (v.cell == cell.id && v.kind == VisitKind::kMeeting) planned.insert(v.attendant.value);
    std::vector<SuperiorCandidate> out;
    for (const Attendant& a : repos.visits().AttendantsOfAny(ancestors))
        if (a.ActiveOn(meeting.date) || planned.contains(a.id.value))
            out.push_back({a.id, a.name, a.role, names.Of(a.organization), planned.contains(a.id.value)});
    std::stable_sort(out.begin(), out.end(),
                     [](const SuperiorCandidate& x, const SuperiorCandidate& y) { return x.planned > y.planned; });
    return out;
}

}  // namespace

SuperiorAtMeeting SuperiorAt(Repositories& repos, const Organization& cell, const Meeting& meeting, bool candidates) {
    SuperiorAtMeeting out;
    const std::optional<AttendantId> linked = meeting.record.superior_attendant;
    if (!candidates && !linked) return out;
    std::vector<SuperiorCandidate> all = SuperiorCandidates(repos, cell, meeting);
    for (const SuperiorCandidate& c : all)
        if (linked == c.id) out.attendant = c;
    // Someone no longer among the candidates (their term ended, the plan changed) stays named.
    if (linked && !out.attendant)
        if (auto a = repos.visits().GetAttendant(*linked))
            out.attendant = SuperiorCandidate{a->id, a->name, a->role, "", false};
    if (candidates) out.candidates = std::move(all);
    return out;
}

Result<void> CheckSuperiorAttendant(Repositories& repos, const Organization& cell, const Meeting& meeting,
                                    AttendantId attendant) {
    for (const SuperiorCandidate& c : SuperiorCandidates(repos, cell, meeting))
        if (c.id == attendant) return {};
    return MakeError(ErrorCode::kInvalidArgument,
                     "Người này không được cấp ủy cấp trên phân công dự sinh hoạt vào ngày họp.",
                     "superior_attendant_id");
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
        *out += p;
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
    for (const PlannedVisit& v : repos.visits().PublishedVisitsOf(ids, MonthNumber(year, 1), MonthNumber(year, 12)))
        out.push_back(status.View(v));
    return out;
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
        if (!member || !home || !InSubtree(home->path, org.path))
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
            for (const PlannedVisit& v :
                 repos.visits().PublishedVisitsIn(org->path, MonthNumber(year, 1), MonthNumber(year, 12)))
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
        if (!cell || !IsCell(cell->kind) || !InSubtree(cell->path, committee.path))
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
            if (!owner || !(InSubtree(owner->path, committee.path) || InSubtree(committee.path, owner->path)))
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
        const int first = MonthNumber(from_year, from_month);
        const int last = MonthNumber(to_year, to_month);
        const Date from = FirstDay(first);
        const Date to = LastDay(last);
        VisitOverview out{org->id, from_year, from_month, to_year, to_month};
        Names names(repos);
        People people(repos);
        // The organisation's own people first; then everyone else whose visits in the subtree count in the
        // totals (a province sees its communes' practice too).
        std::vector<Attendant> everyone = repos.visits().AttendantsOf(org->id);
        const std::size_t own = everyone.size();
        for (const Attendant& a : everyone) people.Add(a);

        const std::vector<VisitDone> done = DoneOf(people, repos.visits().AttendedIn(org->path, from, to),
                                                   repos.visits().ReportsIn(org->path, from, to));
        std::vector<OrganizationId> cell_ids;
        for (const Organization& c : CellsOf(repos, *org)) cell_ids.push_back(c.id);
        const std::vector<PlannedVisit> planned = repos.visits().PublishedVisitsIn(org->path, first, last);
        std::set<std::int64_t> seen;
        for (const Attendant& a : everyone) seen.insert(a.id.value);
        for (const VisitDone& d : done)
            if (seen.insert(d.attendant.value).second)
                if (const Attendant* a = people.Of(d.attendant)) everyone.push_back(*a);
        const Practice practice =
            PracticeOf(everyone, cell_ids, done, planned, from_year, from_month, to_year, to_month, today);
        for (std::size_t i = 0; i < practice.people.size(); ++i) {
            if (i < own)
                out.people.push_back({practice.people[i], everyone[i].name, everyone[i].role, everyone[i].member});
            out.totals += practice.people[i];
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
