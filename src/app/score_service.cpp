#include "app/score_service.hpp"

#include <algorithm>
#include <map>

#include "app/meeting_detail.hpp"
#include "app/organization_service.hpp"
#include "base/text.hpp"
#include "domain/meeting_record_repository.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/position_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/store.hpp"
#include "domain/visit_repository.hpp"

namespace chibo::app {

using base::Date;
using base::ErrorCode;
using base::MakeError;
using base::Result;
using namespace chibo::domain;

namespace {

// The version in force for `org` on `day`: the organisation's own versions first, then each ancestor's
// from the nearest up; the HD 42 default when nobody set one.
std::pair<StoredScorecard, std::string> InForceFor(Repositories& repos, const Organization& org, Date day,
                                                   MeetingKind kind) {
    auto ids = PathIds(org.path);
    std::reverse(ids.begin(), ids.end());
    for (OrganizationId id : ids) {
        const auto versions = repos.scores().Scorecards(id);
        std::vector<Scorecard> cards;
        cards.reserve(versions.size());
        for (const StoredScorecard& v : versions) cards.push_back(v.card);
        if (const Scorecard* found = InForce(cards, day, kind)) {
            const auto index = static_cast<std::size_t>(found - cards.data());
            std::string name;
            if (auto source = repos.organizations().Get(id)) name = source->name;
            return {versions[index], name};
        }
    }
    StoredScorecard builtin;
    builtin.card = Hd42Scorecard();
    return {builtin, ""};
}

// The facts the scoring screen shows and a scoring is held to: the record as the meeting page reads it.
MeetingFacts FactsFor(Repositories& repos, const Actor& actor, const Meeting& meeting, const Organization& cell,
                      Date today) {
    const MeetingView view = Detail(repos, actor, meeting, cell, today);
    return FactsOf(meeting, view.session, view.attendance, view.opinions, !view.attachments.empty(),
                   view.meeting.record.targets_met_share, today);
}

// "Đảng viên dự sinh hoạt: 1 → 5 (lý do); …" for the audit log.
std::string DescribeOverrides(const domain::Scorecard& card, const CheckedScore& checked) {
    std::string out;
    for (const auto& [code, reason] : checked.override_reasons) {
        const Criterion* c = card.Find(code);
        if (!out.empty()) out += "; ";
        out += (c ? c->label : code) + ": " + std::to_string(checked.computed.at(code)) + " → " +
               std::to_string(checked.points.at(code)) + " (" + reason + ")";
    }
    return out;
}

// The scorecard a stored scoring used (the built-in one for id 0), cached by id.
const domain::Scorecard& CardOf(Repositories& repos, ScorecardId id, std::map<std::int64_t, domain::Scorecard>& cache) {
    auto it = cache.find(id.value);
    if (it != cache.end()) return it->second;
    std::optional<StoredScorecard> stored;
    if (id.valid()) stored = repos.scores().GetScorecard(id);
    return cache.emplace(id.value, stored ? stored->card : Hd42Scorecard()).first->second;
}

void AddOverrides(const domain::Scorecard& card, const MeetingScore& score, std::vector<CriterionOverride>& out) {
    for (const ScoreBlock& b : card.blocks)
        for (const Criterion& c : b.criteria) {
            const auto computed = score.computed.find(c.code);
            const auto given = score.points.find(c.code);
            if (computed == score.computed.end() || given == score.points.end() || given->second == computed->second)
                continue;
            const auto reason = score.override_reasons.find(c.code);
            out.push_back({score.role, c.code, c.label, computed->second, given->second,
                           reason == score.override_reasons.end() ? "" : reason->second});
        }
}

}  // namespace

Result<ScorecardView> ScoreService::Scorecard(const Actor& actor, OrganizationId organization, std::optional<Date> on,
                                              MeetingKind kind) {
    return ReadValue<ScorecardView>(store_, [&](Repositories& repos) -> Result<ScorecardView> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        ScorecardView view;
        std::tie(view.in_force, view.source_name) = InForceFor(repos, org, on.value_or(clock_.Today()), kind);
        view.own_versions = repos.scores().Scorecards(org.id);
        view.can_write = actor.CanWrite(org.path) && !IsCell(org.kind) && org.kind != OrganizationKind::kPartyGroup;
        return view;
    });
}

Result<StoredScorecard> ScoreService::SaveScorecard(const Actor& actor, OrganizationId organization,
                                                    const domain::Scorecard& card_in) {
    domain::Scorecard card = card_in;
    card.name = base::NormalizeSpaces(card.name);
    if (card.name.empty()) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng đặt tên phiếu đánh giá.", "name");
    if (card.effective_from < clock_.Today())
        return MakeError(ErrorCode::kInvalidArgument,
                         "Phiếu mới chỉ áp dụng từ hôm nay trở đi; các buổi đã chấm giữ phiếu cũ.", "effective_from");
    CHIBO_TRY(ValidateScorecard(card));
    return WriteValue<StoredScorecard>(store_, [&](Repositories& repos) -> Result<StoredScorecard> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        if (!actor.CanWrite(org.path)) return Forbidden();
        if (IsCell(org.kind) || org.kind == OrganizationKind::kPartyGroup)
            return MakeError(ErrorCode::kInvalidArgument, "Phiếu đánh giá do cấp ủy cấp trên ban hành cho các chi bộ.");
        StoredScorecard stored{ScorecardId{}, org.id, card, actor.username, clock_.NowUnixSeconds()};
        stored = repos.scores().InsertScorecard(stored);
        RecordAudit(repos, clock_, actor, "scorecard.create", "organization", org.id.value, &org, std::nullopt,
                    Snapshot{{"name", card.name},
                             {"effective_from", card.effective_from.ToIso()},
                             {"meeting_kind", card.meeting_kind ? std::string(ToCode(*card.meeting_kind)) : ""},
                             {"scorecard_id", std::to_string(stored.id.value)}});
        return stored;
    });
}

Result<MeetingScoring> ScoreService::ForMeeting(const Actor& actor, MeetingId id) {
    return ReadValue<MeetingScoring>(store_, [&](Repositories& repos) -> Result<MeetingScoring> {
        CHIBO_TRY_ASSIGN(const auto found, VisibleMeeting(repos, actor, id));
        const auto& [meeting, cell] = found;
        if (!actor.CanReadMembers(cell.path)) return NotFound("cuộc họp");
        MeetingScoring s;
        s.scorecard = InForceFor(repos, cell, meeting.date, meeting.kind).first;
        s.facts = FactsFor(repos, actor, meeting, cell, clock_.Today());
        s.prefill = Prefill(s.scorecard.card, s.facts);
        s.scores = repos.scores().Scores(id);
        const bool held = Held(meeting.state);
        s.can_score_cell = held && actor.CanWrite(cell.path);
        auto parent = cell.parent ? repos.organizations().Get(*cell.parent) : std::nullopt;
        s.can_score_superior = held && parent && actor.CanWrite(parent->path);
        return s;
    });
}

Result<MeetingScore> ScoreService::SaveScore(const Actor& actor, MeetingId id, ScorerRole role, const ScoreSheet& sheet,
                                             const std::string& reason_in) {
    const std::string reason = base::NormalizeSpaces(reason_in);
    return WriteValue<MeetingScore>(store_, [&](Repositories& repos) -> Result<MeetingScore> {
        CHIBO_TRY_ASSIGN(const auto found, VisibleMeeting(repos, actor, id));
        const auto& [meeting, cell] = found;
        if (!actor.CanReadMembers(cell.path)) return NotFound("cuộc họp");
        if (role == ScorerRole::kCell && !actor.CanWrite(cell.path)) return Forbidden();
        if (role == ScorerRole::kSuperior) {
            auto parent = cell.parent ? repos.organizations().Get(*cell.parent) : std::nullopt;
            if (!parent || !actor.CanWrite(parent->path))
                return MakeError(ErrorCode::kPermissionDenied, "Chỉ cấp ủy cấp trên chấm cột của cấp trên.");
        }
        if (!Held(meeting.state)) return MakeError(ErrorCode::kConflict, "Chỉ chấm điểm cuộc họp đã diễn ra.", "state");
        const auto earlier = repos.scores().Scores(id);
        const bool correction =
            std::any_of(earlier.begin(), earlier.end(), [&](const MeetingScore& s) { return s.role == role; });
        if (correction && reason.empty())
            return MakeError(ErrorCode::kInvalidArgument, "Chấm lại cần ghi lý do điều chỉnh.", "reason");
        const StoredScorecard card = InForceFor(repos, cell, meeting.date, meeting.kind).first;
        const MeetingFacts facts = FactsFor(repos, actor, meeting, cell, clock_.Today());
        CHIBO_TRY_ASSIGN(const CheckedScore checked, ScoreAgainstRecord(card.card, facts, sheet));
        const ScoreResult& result = checked.result;
        if (!result.complete)
            return MakeError(ErrorCode::kInvalidArgument, "Vui lòng chấm đủ tất cả tiêu chí.", "points");
        MeetingScore score;
        score.meeting = id;
        score.role = role;
        score.scorecard_id = card.id;
        score.points = checked.points;
        score.computed = checked.computed;
        score.override_reasons = checked.override_reasons;
        score.total = result.total;
        score.level = result.level;
        score.scored_by = actor.username;
        score.scored_at = clock_.NowUnixSeconds();
        score.reason = reason;
        score = repos.scores().InsertScore(score);
        Snapshot snapshot{{"role", std::string(ToCode(role))},
                          {"total", std::to_string(result.total)},
                          {"level", std::string(Label(result.level))},
                          {"reason", reason},
                          {"deviation", std::to_string(checked.Deviation())}};
        if (!checked.override_reasons.empty())
            snapshot.emplace_back("override_reasons", DescribeOverrides(card.card, checked));
        RecordAudit(repos, clock_, actor, correction ? "meeting.rescore" : "meeting.score", "meeting", id.value, &cell,
                    std::nullopt, std::move(snapshot));
        return score;
    });
}

Result<SubtreeScores> ScoreService::SubtreeScoring(const Actor& actor, OrganizationId organization, MonthRange months) {
    return ReadValue<SubtreeScores>(store_, [&](Repositories& repos) -> Result<SubtreeScores> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        if (!actor.CanReadMembers(org.path)) return Forbidden();
        SubtreeScores out;
        out.months = months;
        // Latest scorings come by meeting, then column: one run per meeting.
        const auto latest = repos.scores().LatestInSubtree(org.path, months.first, months.last);
        std::map<std::int64_t, domain::Scorecard> cards;
        std::map<std::int64_t, std::string> names;
        for (std::size_t i = 0; i < latest.size();) {
            const MeetingId meeting = latest[i].meeting;
            DeviatingMeeting item;
            bool above = false;
            bool below = false;
            for (; i < latest.size() && latest[i].meeting == meeting; ++i) {
                const MeetingScore& score = latest[i];
                above = above || score.Deviation() > 0;
                below = below || score.Deviation() < 0;
                (score.role == ScorerRole::kCell ? item.cell : item.superior) = score;
            }
            ++out.scored;
            out.above += above ? 1 : 0;
            out.below += below ? 1 : 0;
            if (!above && !below) continue;
            auto found = repos.meetings().Get(meeting);
            if (!found) continue;
            item.meeting = std::move(*found);
            auto name = names.find(item.meeting.organization.value);
            if (name == names.end()) {
                const auto cell = repos.organizations().Get(item.meeting.organization);
                name = names.emplace(item.meeting.organization.value, cell ? cell->name : "").first;
            }
            item.cell_name = name->second;
            for (const auto* score : {&item.cell, &item.superior})
                if (*score) AddOverrides(CardOf(repos, (*score)->scorecard_id, cards), **score, item.overrides);
            out.items.push_back(std::move(item));
        }
        std::stable_sort(out.items.begin(), out.items.end(), [](const DeviatingMeeting& a, const DeviatingMeeting& b) {
            return a.meeting.date > b.meeting.date;
        });
        return out;
    });
}

Result<std::vector<CellAlert>> ScoreService::Alerts(const Actor& actor, OrganizationId organization) {
    return ReadValue<std::vector<CellAlert>>(store_, [&](Repositories& repos) -> Result<std::vector<CellAlert>> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        if (!actor.CanReadMembers(org.path)) return Forbidden();
        const Date today = clock_.Today();
        std::vector<CellAlert> out;
        // Petitions raised at the cells and unanswered past their deadline, at every level above them.
        std::map<std::int64_t, std::vector<Alert>> petitions;
        for (const Petition& p : repos.visits().PetitionsIn(org.path, *Date::FromYmd(2000, 1, 1), today)) {
            if (!PetitionOverdue(p.deadline, p.answered_on, today)) continue;
            auto owner = repos.organizations().Get(p.owner);
            const std::string content =
                p.content.size() > 120 ? p.content.substr(0, p.content.rfind(' ', 120)) + "…" : p.content;
            petitions[p.cell.value].push_back(
                {AlertKind::kPetitionOverdue, std::nullopt, std::nullopt, p.deadline.year(), p.deadline.month(),
                 "Kiến nghị \"" + content + "\" quá hạn trả lời từ " + p.deadline.ToVietnamese() + " (" +
                     (p.owner_name.empty() ? "" : p.owner_name + ", ") + (owner ? owner->name : "") + ")."});
        }
        for (const Organization& cell : repos.organizations().Subtree(org.path, domain::Dissolved::kExclude)) {
            if (!IsCell(cell.kind)) continue;
            CellAlertInput in;
            in.active_from = DueMonthsOf(cell.valid_from, cell.valid_to).first;
            in.thematic_months = BuildRule(repos, cell).effective.thematic_months;
            for (const Meeting& m : repos.meetings().ForYear(cell.id, today.year()))
                in.meetings.push_back({m, repos.records().Attendance(m.id)});
            in.roll = repos.members().OnRollOf(cell.id);
            in.absence_flags = FlagAcrossCells(repos.records().UnexcusedOfRolls(cell.path, today.year()));
            for (const Position& p : repos.positions().ForOrganization(cell.id, clock_.Today()))
                if (p.kind == PositionKind::kCommitteeMember) in.has_committee = true;
            for (Alert& a : CellAlerts(in, today)) out.push_back({std::move(a), cell.id, cell.name});
            for (Alert& a : petitions[cell.id.value]) out.push_back({std::move(a), cell.id, cell.name});
        }
        return out;
    });
}

}  // namespace chibo::app
