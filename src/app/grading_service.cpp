#include "app/grading_service.hpp"

#include <algorithm>
#include <set>

#include "app/organization_service.hpp"
#include "app/visit_service.hpp"
#include "base/text.hpp"
#include "domain/grading_repository.hpp"
#include "domain/meeting_record_repository.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/store.hpp"

namespace chibo::app {

using base::Date;
using base::ErrorCode;
using base::MakeError;
using base::Result;
using namespace chibo::domain;

namespace {

// A round with the organisations of its subtree.
struct Scope {
    GradingRound round;
    Organization org;
    std::map<std::int64_t, Organization> orgs;
    std::vector<Organization> cells;  // Tree order.
};

// Keeps the writer's line breaks; trims the ends.
std::string TrimEnds(const std::string& in) {
    const auto first = in.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return in.substr(first, in.find_last_not_of(" \t\r\n") - first + 1);
}

bool IsGrassroots(OrganizationKind kind) {
    return kind == OrganizationKind::kCommuneCommittee || kind == OrganizationKind::kGrassrootsCommittee ||
           kind == OrganizationKind::kGrassrootsCell;
}

// Who may open a round: anyone who sees its organisation or holds a role inside its subtree (a cell's
// secretary, a member grading themself).
bool CanSeeRound(const Actor& actor, const std::string& path) {
    if (actor.CanSeeOrganization(path)) return true;
    return std::any_of(actor.roles.begin(), actor.roles.end(),
                       [&](const RoleGrant& g) { return InSubtree(g.organization_path, path); });
}

RoundView ViewOf(const Actor& actor, const GradingRound& round, const Organization& org) {
    return {round, org.name, actor.CanWrite(org.path)};
}

Result<Scope> LoadRound(Repositories& repos, const Actor& actor, GradingRoundId id) {
    auto round = repos.grading().GetRound(id);
    if (!round) return NotFound("đợt đánh giá");
    auto org = repos.organizations().Get(round->organization);
    if (!org || !CanSeeRound(actor, org->path)) return NotFound("đợt đánh giá");
    Scope s{*round, *org, {}, {}};
    for (Organization& o : repos.organizations().Subtree(org->path, domain::Dissolved::kExclude)) {
        if (IsCell(o.kind)) s.cells.push_back(o);
        s.orgs.emplace(o.id.value, std::move(o));
    }
    // As the tree lists them: by name, the Vietnamese way (Subtree is by path).
    std::sort(s.cells.begin(), s.cells.end(), [](const Organization& a, const Organization& b) {
        return base::CollationKey(a.name) < base::CollationKey(b.name);
    });
    return s;
}

// The grassroots organisation the quota is counted in (HD 21): for a member, the nearest commune or
// grassroots committee or grassroots cell above or at their cell; for a cell, the one above it (a grassroots
// cell is counted among its superior's); else the round's organisation.
const Organization& GrassrootsOf(const Scope& s, const Organization& cell, GradingSubject subject) {
    auto ids = PathIds(cell.path);
    if (subject == GradingSubject::kCell && !ids.empty()) ids.pop_back();
    std::reverse(ids.begin(), ids.end());
    for (OrganizationId id : ids) {
        auto found = s.orgs.find(id.value);
        if (found != s.orgs.end() && IsGrassroots(found->second.kind)) return found->second;
    }
    return s.org;
}

// The members graded for a period: the cell's roll on its last day (or today), but the exempt.
std::vector<Member> GradedMembersOf(Repositories& repos, OrganizationId cell, Date day) {
    std::vector<Member> out;
    for (Member& m : repos.members().RollOn(cell, day))
        if (m.status != MemberStatus::kExempt) out.push_back(std::move(m));
    return out;
}

GradingInput InputFor(Repositories& repos, const GradingRound& round, const Organization& cell, Date today) {
    GradingInput in;
    in.period = round.period;
    in.until = std::min(round.period.to, today);
    in.today = today;
    in.active_from = DueMonthsOf(cell.valid_from, cell.valid_to).first;
    if (in.until < in.period.from) return in;
    for (int year = in.period.from.year(); year <= in.until.year(); ++year) {
        for (Meeting& m : repos.meetings().ForYear(cell.id, year)) {
            if (!Held(m.state) || MonthStartOf(m) < in.period.from || MonthStartOf(m) > in.until) continue;
            GradedMeeting g;
            g.attendance = repos.records().Attendance(m.id);
            g.opinions = repos.records().Opinions(m.id);
            g.level = LatestLevel(repos.scores().Scores(m.id));
            g.meeting = std::move(m);
            in.meetings.push_back(std::move(g));
        }
    }
    in.tasks = repos.records().TasksOfCellBefore(cell.id, in.until.AddDays(1));
    return in;
}

struct Steps {
    std::optional<Grade> self;
    std::optional<Grade> collective;
    std::optional<Grade> decision;
    std::vector<Grade> history;

    std::optional<Grade>& At(GradingStep step) {
        if (step == GradingStep::kSelf) return self;
        if (step == GradingStep::kCollective) return collective;
        return decision;
    }
};

using SubjectKey = std::pair<GradingSubject, std::int64_t>;

std::map<SubjectKey, Steps> StepsOf(const std::vector<Grade>& grades) {
    std::map<SubjectKey, Steps> out;
    for (const Grade& g : grades) {
        Steps& s = out[{g.subject, g.subject_id}];
        s.At(g.step) = g;
        s.history.push_back(g);
    }
    return out;
}

bool CanSelf(const Actor& actor, const Organization& cell, GradingSubject subject, std::int64_t id) {
    if (actor.CanWrite(cell.path)) return true;
    return subject == GradingSubject::kMember && actor.member && actor.member->value == id;
}

GradeRow RowOf(const Actor& actor, const Scope& s, const Organization& cell, GradingSubject subject, std::int64_t id,
               std::string name, std::map<SubjectKey, Steps>& steps) {
    GradeRow row;
    row.subject = subject;
    row.subject_id = id;
    row.name = std::move(name);
    row.cell = cell.id;
    row.cell_name = cell.name;
    Steps& st = steps[{subject, id}];
    row.self = st.self;
    row.collective = st.collective;
    row.decision = st.decision;
    row.records = static_cast<int>(st.history.size());
    row.can_self = CanSelf(actor, cell, subject, id);
    row.can_collective = actor.CanWrite(cell.path);
    row.can_decide = actor.CanWrite(s.org.path);
    return row;
}

// The subject of a grading as the actor may see it: its name and the cell it belongs to (a cell is its
// own); NotFound for anything outside the round or the actor's reading.
struct FoundSubject {
    const Organization* cell = nullptr;
    std::string name;
};

Result<FoundSubject> FindSubject(Repositories& repos, const Actor& actor, const Scope& s, GradingSubject subject,
                                 std::int64_t id) {
    if (subject == GradingSubject::kCell) {
        auto found = s.orgs.find(id);
        if (found == s.orgs.end() || !IsCell(found->second.kind) || !actor.CanReadMembers(found->second.path))
            return NotFound("chi bộ");
        return FoundSubject{&found->second, found->second.name};
    }
    auto member = repos.members().Get(MemberId(id));
    auto found = member ? s.orgs.find(member->organization.value) : s.orgs.end();
    if (!member || found == s.orgs.end() || !OnRoll(member->status) || member->status == MemberStatus::kExempt ||
        !actor.CanReadMember(found->second.path, member->id))
        return NotFound("đảng viên");
    return FoundSubject{&found->second, member->full_name};
}

// Fills a row's evidence and proposal from its cell's record (`input`).
void Propose(GradeRow& row, const CellEvidence& cell, const std::map<MemberId, MemberEvidence>& members) {
    if (row.subject == GradingSubject::kCell) {
        row.evidence = cell;
        row.proposal = ProposeForCell(cell);
        return;
    }
    auto found = members.find(MemberId(row.subject_id));
    const MemberEvidence e = found == members.end() ? MemberEvidence{} : found->second;
    row.evidence = e;
    row.proposal = ProposeForMember(e, cell);
}

// Latest decisions per grassroots organisation and kind of subject.
std::map<std::pair<std::int64_t, GradingSubject>, QuotaCount> DecidedCounts(Repositories& repos, const Scope& s,
                                                                            std::map<SubjectKey, Steps>& steps,
                                                                            Date roll_day) {
    std::map<std::pair<std::int64_t, GradingSubject>, QuotaCount> out;
    auto count = [&](std::int64_t grassroots, GradingSubject subject, const std::optional<Grade>& decision) {
        QuotaCount& c = out[{grassroots, subject}];
        if (decision) c = AfterDecision(c, std::nullopt, decision->level);
    };
    for (const Organization& cell : s.cells) {
        count(GrassrootsOf(s, cell, GradingSubject::kCell).id.value, GradingSubject::kCell,
              steps[{GradingSubject::kCell, cell.id.value}].decision);
        const std::int64_t g = GrassrootsOf(s, cell, GradingSubject::kMember).id.value;
        for (const Member& m : GradedMembersOf(repos, cell.id, roll_day))
            count(g, GradingSubject::kMember, steps[{GradingSubject::kMember, m.id.value}].decision);
    }
    return out;
}

void AddTo(GradeSummary& summary, const std::optional<Grade>& decision) {
    ++summary.total;
    if (decision)
        ++summary.levels[decision->level];
    else
        ++summary.undecided;
}

void FinishSummary(GradeSummary& summary) {
    const int decided = summary.total - summary.undecided;
    if (decided == 0) return;
    const int good = summary.levels[GradeLevel::kExcellent] + summary.levels[GradeLevel::kGood];
    summary.good_or_better_share = static_cast<double>(good) / decided;
}

}  // namespace

Result<RoundList> GradingService::Rounds(const Actor& actor, OrganizationId organization) {
    return ReadValue<RoundList>(store_, [&](Repositories& repos) -> Result<RoundList> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        RoundList list;
        for (const GradingRound& round : repos.grading().RoundsOf(PathIds(org.path))) {
            auto owner = repos.organizations().Get(round.organization);
            if (owner) list.items.push_back(ViewOf(actor, round, *owner));
        }
        list.can_create = actor.CanWrite(org.path) && !IsCell(org.kind) && org.kind != OrganizationKind::kPartyGroup;
        return list;
    });
}

Result<RoundView> GradingService::CreateRound(const Actor& actor, OrganizationId organization,
                                              const std::string& period_code, std::optional<double> excellent_quota) {
    CHIBO_TRY_ASSIGN(const GradingPeriod period, ParseGradingPeriod(period_code));
    const double quota = excellent_quota.value_or(0.2);
    CHIBO_TRY(ValidateQuota(quota));
    return WriteValue<RoundView>(store_, [&](Repositories& repos) -> Result<RoundView> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        if (!actor.CanWrite(org.path)) return Forbidden();
        if (IsCell(org.kind) || org.kind == OrganizationKind::kPartyGroup)
            return MakeError(ErrorCode::kInvalidArgument,
                             "Việc đánh giá, xếp loại chi bộ và đảng viên do cấp ủy cấp trên tổ chức.");
        if (repos.grading().FindRound(org.id, period.code))
            return MakeError(ErrorCode::kConflict, "Đã có đợt đánh giá " + period.Label() + " của " + org.name + ".",
                             "period");
        GradingRound round{GradingRoundId{}, org.id, period, quota, actor.username, clock_.NowUnixSeconds()};
        round = repos.grading().InsertRound(round);
        RecordAudit(repos, clock_, actor, "grading.open", "grading_round", round.id.value, &org, std::nullopt,
                    Snapshot{{"period", period.code}, {"excellent_quota", std::to_string(quota)}});
        return ViewOf(actor, round, org);
    });
}

Result<RoundDetail> GradingService::Round(const Actor& actor, GradingRoundId id) {
    return ReadValue<RoundDetail>(store_, [&](Repositories& repos) -> Result<RoundDetail> {
        CHIBO_TRY_ASSIGN(const Scope s, LoadRound(repos, actor, id));
        RoundDetail d;
        d.view = ViewOf(actor, s.round, s.org);
        auto steps = StepsOf(repos.grading().Grades(s.round.id));
        // The summary counts what the actor may read; the quota is the committee's view of the whole.
        for (const Organization& cell : s.cells) {
            if (!actor.CanReadMembers(cell.path)) continue;
            AddTo(d.cells, steps[{GradingSubject::kCell, cell.id.value}].decision);
            for (const Member& m : GradedMembersOf(repos, cell.id, std::min(s.round.period.to, clock_.Today())))
                AddTo(d.members, steps[{GradingSubject::kMember, m.id.value}].decision);
        }
        FinishSummary(d.cells);
        FinishSummary(d.members);
        if (actor.CanReadMembers(s.org.path)) {
            for (const auto& [key, count] :
                 DecidedCounts(repos, s, steps, std::min(s.round.period.to, clock_.Today()))) {
                QuotaRow row;
                row.organization = OrganizationId(key.first);
                auto named = s.orgs.find(key.first);
                row.organization_name = named != s.orgs.end() ? named->second.name : s.org.name;
                row.subject = key.second;
                row.count = count;
                row.allowed = ExcellentAllowed(count, s.round.excellent_quota);
                row.over = OverQuota(count, s.round.excellent_quota);
                d.quota.push_back(std::move(row));
            }
        }
        return d;
    });
}

Result<std::vector<GradeRow>> GradingService::Rows(const Actor& actor, GradingRoundId id, GradingSubject subject,
                                                   std::optional<OrganizationId> organization) {
    return ReadValue<std::vector<GradeRow>>(store_, [&](Repositories& repos) -> Result<std::vector<GradeRow>> {
        CHIBO_TRY_ASSIGN(const Scope s, LoadRound(repos, actor, id));
        std::string within = s.org.path;
        if (organization) {
            auto found = s.orgs.find(organization->value);
            if (found == s.orgs.end() || !CanSeeRound(actor, found->second.path)) return NotFound("tổ chức đảng");
            within = found->second.path;
        }
        auto steps = StepsOf(repos.grading().Grades(s.round.id));
        std::vector<GradeRow> rows;
        for (const Organization& cell : s.cells) {
            if (!InSubtree(cell.path, within)) continue;
            if (subject == GradingSubject::kCell) {
                if (!actor.CanReadMembers(cell.path)) continue;
                GradeRow row = RowOf(actor, s, cell, subject, cell.id.value, cell.name, steps);
                Propose(row, CellEvidenceOf(InputFor(repos, s.round, cell, clock_.Today())), {});
                rows.push_back(std::move(row));
                continue;
            }
            std::vector<Member> members;
            for (Member& m : GradedMembersOf(repos, cell.id, std::min(s.round.period.to, clock_.Today())))
                if (actor.CanReadMember(cell.path, m.id)) members.push_back(std::move(m));
            if (members.empty()) continue;
            const GradingInput input = InputFor(repos, s.round, cell, clock_.Today());
            const CellEvidence cell_evidence = CellEvidenceOf(input);
            const auto evidence = MemberEvidenceOf(input);
            for (const Member& m : members) {
                GradeRow row = RowOf(actor, s, cell, subject, m.id.value, m.full_name, steps);
                Propose(row, cell_evidence, evidence);
                row.visits = PracticeOfMember(repos, m.id, s.round.period.from, s.round.period.to, clock_.Today());
                rows.push_back(std::move(row));
            }
        }
        return rows;
    });
}

Result<GradeRow> GradingService::Subject(const Actor& actor, GradingRoundId id, GradingSubject subject,
                                         std::int64_t subject_id) {
    return ReadValue<GradeRow>(store_, [&](Repositories& repos) -> Result<GradeRow> {
        CHIBO_TRY_ASSIGN(const Scope s, LoadRound(repos, actor, id));
        CHIBO_TRY_ASSIGN(const FoundSubject found, FindSubject(repos, actor, s, subject, subject_id));
        auto steps = StepsOf(repos.grading().Grades(s.round.id));
        GradeRow row = RowOf(actor, s, *found.cell, subject, subject_id, found.name, steps);
        const GradingInput input = InputFor(repos, s.round, *found.cell, clock_.Today());
        Propose(row, CellEvidenceOf(input),
                subject == GradingSubject::kMember ? MemberEvidenceOf(input) : std::map<MemberId, MemberEvidence>{});
        if (subject == GradingSubject::kMember)
            row.visits =
                PracticeOfMember(repos, MemberId(subject_id), s.round.period.from, s.round.period.to, clock_.Today());
        row.history = steps[{subject, subject_id}].history;
        return row;
    });
}

Result<Grade> GradingService::Record(const Actor& actor, GradingRoundId id, const GradeInput& input) {
    Grade grade;
    grade.round = id;
    grade.subject = input.subject;
    grade.subject_id = input.subject_id;
    grade.step = input.step;
    grade.general_points = input.general_points;
    grade.task_points = input.task_points;
    grade.exceeded_targets = input.exceeded_targets;
    grade.disciplined = input.disciplined;
    grade.comment = TrimEnds(input.comment);
    grade.reason = base::NormalizeSpaces(input.reason);
    CHIBO_TRY(CompleteGrade(grade));
    return WriteValue<Grade>(store_, [&](Repositories& repos) -> Result<Grade> {
        CHIBO_TRY_ASSIGN(const Scope s, LoadRound(repos, actor, id));
        CHIBO_TRY_ASSIGN(const FoundSubject found, FindSubject(repos, actor, s, grade.subject, grade.subject_id));
        const Organization* cell = found.cell;
        switch (grade.step) {
            case GradingStep::kSelf:
                if (!CanSelf(actor, *cell, grade.subject, grade.subject_id))
                    return MakeError(ErrorCode::kPermissionDenied,
                                     "Chỉ chi bộ (hoặc chính đảng viên) ghi bản tự đánh giá.");
                break;
            case GradingStep::kCollective:
                if (!actor.CanWrite(cell->path))
                    return MakeError(ErrorCode::kPermissionDenied, "Chỉ chi bộ ghi ý kiến đánh giá của tập thể.");
                break;
            case GradingStep::kDecision:
                if (!actor.CanWrite(s.org.path))
                    return MakeError(ErrorCode::kPermissionDenied,
                                     "Chỉ " + s.org.name + " quyết định xếp loại trong đợt này.");
                break;
        }
        auto steps = StepsOf(repos.grading().Grades(s.round.id));
        Steps& mine = steps[{grade.subject, grade.subject_id}];
        CHIBO_TRY(CheckStepOrder(grade.step, mine.self.has_value(), mine.collective.has_value()));
        const bool correction = mine.At(grade.step).has_value();
        if (correction && grade.reason.empty())
            return MakeError(ErrorCode::kInvalidArgument, "Ghi lại một bước đã có cần nêu lý do điều chỉnh.", "reason");
        bool over_quota = false;
        if (grade.step == GradingStep::kDecision) {
            const Organization& grassroots = GrassrootsOf(s, *cell, grade.subject);
            const QuotaCount before = DecidedCounts(
                repos, s, steps, std::min(s.round.period.to, clock_.Today()))[{grassroots.id.value, grade.subject}];
            std::optional<GradeLevel> was;
            if (mine.decision) was = mine.decision->level;
            const QuotaCount after = AfterDecision(before, was, grade.level);
            if (auto warning = QuotaWarning(before, after, s.round.excellent_quota, grassroots.name)) {
                if (!input.acknowledge_quota)
                    return MakeError(ErrorCode::kConflict, *warning + " Vẫn quyết định?", "acknowledge_quota");
                over_quota = true;
            }
        }
        grade.recorded_by = actor.username;
        grade.recorded_at = clock_.NowUnixSeconds();
        grade = repos.grading().InsertGrade(grade);
        RecordAudit(repos, clock_, actor, correction ? "grading.correct" : "grading.record", "grading_round",
                    s.round.id.value, cell, std::nullopt,
                    Snapshot{{"subject", std::string(ToCode(grade.subject))},
                             {"subject_id", std::to_string(grade.subject_id)},
                             {"step", std::string(ToCode(grade.step))},
                             {"total", std::to_string(grade.total)},
                             {"level", std::string(Label(grade.level))},
                             {"reason", grade.reason},
                             {"over_quota", over_quota ? "true" : "false"}});
        return grade;
    });
}

}  // namespace chibo::app
