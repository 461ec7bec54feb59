#include "app/topic_service.hpp"

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
#include "domain/store.hpp"
#include "domain/topic_repository.hpp"

namespace chibo::app {

using base::Date;
using base::ErrorCode;
using base::MakeError;
using base::Result;
using namespace chibo::domain;

namespace {

// A topic with its cell and what the actor is to that cell.
struct Loaded {
    Topic topic;
    Organization cell;
    TopicStanding standing;
    bool has_committee = false;  // The cell has a chi ủy: a committee member in office.
};

// Keeps the writer's line breaks; trims the ends.
std::string TrimEnds(const std::string& in) {
    const auto first = in.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return in.substr(first, in.find_last_not_of(" \t\r\n") - first + 1);
}

TopicStanding StandingIn(Repositories& repos, const Actor& actor, const Organization& cell, Date today,
                         bool& has_committee) {
    TopicStanding s;
    s.writes_cell = actor.CanWrite(cell.path);
    if (cell.parent)
        if (auto parent = repos.organizations().Get(*cell.parent)) s.writes_superior = actor.CanWrite(parent->path);
    has_committee = false;
    for (const Position& p : repos.positions().ForOrganization(cell.id, today)) {
        if (!p.ActiveOn(today) || p.kind == PositionKind::kGroupLeader) continue;
        if (p.kind == PositionKind::kCommitteeMember) has_committee = true;
        // Enumerators run from the secretary down: the smallest is the strongest seat.
        if (actor.member && p.member == *actor.member && (!s.position || p.kind < *s.position)) s.position = p.kind;
    }
    if (actor.member)
        if (auto m = repos.members().Get(*actor.member)) s.on_roll = m->organization == cell.id && OnRoll(m->status);
    return s;
}

Result<Loaded> LoadTopic(Repositories& repos, const Actor& actor, TopicId id, Date today) {
    auto topic = repos.topics().GetTopic(id);
    if (!topic) return NotFound("chuyên đề");
    auto cell = repos.organizations().Get(topic->organization);
    if (!cell || !actor.CanSeeOrganization(cell->path)) return NotFound("chuyên đề");
    Loaded l{*topic, *cell, {}, false};
    l.standing = StandingIn(repos, actor, l.cell, today, l.has_committee);
    return l;
}

// The name a draft or comment is signed with: the actor's member, else their username.
std::string AuthorName(Repositories& repos, const Actor& actor) {
    if (actor.member)
        if (auto m = repos.members().Get(*actor.member)) return m->full_name;
    return actor.username;
}

Snapshot Describe(const Topic& t) {
    Snapshot s{{"title", t.title},
               {"year", std::to_string(t.year)},
               {"quarter", std::to_string(t.quarter)},
               {"state", std::string(ToCode(t.state))}};
    if (t.orientation) s.emplace_back("orientation_id", std::to_string(t.orientation->value));
    if (t.preparer) s.emplace_back("preparer", std::string(ToCode(t.preparer->kind)) + ": " + t.preparer->name);
    if (t.meeting) s.emplace_back("meeting_id", std::to_string(t.meeting->value));
    if (!t.decline_reason.empty()) s.emplace_back("decline_reason", t.decline_reason);
    if (t.assessment) s.emplace_back("assessment", std::string(ToCode(*t.assessment)) + ": " + t.assessment_note);
    if (t.draft_count > 0) s.emplace_back("version", std::to_string(t.draft_count));
    return s;
}

TopicView ViewOf(Repositories& repos, const Topic& topic, const std::string& cell_name, std::int64_t lead_seconds) {
    TopicView v{topic, cell_name, "", std::nullopt, std::nullopt, "", false};
    if (topic.orientation)
        if (auto o = repos.topics().GetOrientation(*topic.orientation)) v.orientation_title = o->title;
    std::optional<Meeting> meeting;
    if (topic.meeting) meeting = repos.meetings().Get(*topic.meeting);
    if (meeting) {
        v.meeting_date = meeting->date;
        v.meeting_state = meeting->state;
        v.resolution_number = meeting->resolution_number;
    }
    v.late = DraftLate(topic, meeting, lead_seconds);
    return v;
}

TopicDetail DetailOf(Repositories& repos, const Actor& actor, const Loaded& l, std::int64_t lead_seconds, Date today) {
    const Topic& t = l.topic;
    TopicDetail d;
    d.view = ViewOf(repos, t, l.cell.name, lead_seconds);
    const bool drafts = MaySeeDrafts(l.standing);
    if (drafts) {
        d.versions = repos.topics().Drafts(t.id);
        if (t.draft_count > 0) d.draft = repos.topics().GetDraft(t.id, t.draft_count);
    } else if (SentToMembers(t.state) && t.sent_version) {
        if (auto sent = repos.topics().GetDraft(t.id, *t.sent_version)) {
            d.draft = sent;
            d.versions.push_back(*sent);
            d.versions.back().text.clear();
        }
    }
    for (TopicFile& f : repos.topics().FilesOfTopic(t.id))
        if (drafts || (SentToMembers(t.state) && t.sent_version == f.version)) d.files.push_back(std::move(f));
    for (TopicComment& c : repos.topics().Comments(t.id))
        if (drafts || c.author == actor.username) d.comments.push_back(std::move(c));
    const bool open = t.state != TopicState::kDeclined && !SentToMembers(t.state);
    d.can_edit = l.standing.writes_cell && open;
    d.can_draft = l.standing.writes_cell && StateAfterNewDraft(t.state).has_value();
    d.can_submit = l.standing.writes_cell && CanTopicTransition(t.state, TopicState::kSubmitted);
    d.can_approve = MayApprove(l.standing, l.has_committee) && CanTopicTransition(t.state, TopicState::kApproved);
    d.can_send = l.standing.writes_cell && CanTopicTransition(t.state, TopicState::kSent);
    d.can_comment = CheckComment(l.standing, l.has_committee, t.state).has_value();
    d.can_decide = l.standing.writes_superior && t.state == TopicState::kProposed;
    if (l.standing.writes_cell && Accepted(t.state)) {
        std::optional<Meeting> meeting;
        if (t.meeting) meeting = repos.meetings().Get(*t.meeting);
        d.can_assess = MayAssess(t, meeting, today).has_value();
    }
    return d;
}

// The preparer as entered, checked against the cell: a chi ủy member (secretary, deputy or committee
// member) on its roll, one of its party groups, or the superior official's name.
Result<std::optional<TopicPreparer>> ResolvePreparer(Repositories& repos, const Organization& cell,
                                                     const std::optional<PreparerInput>& in, Date today) {
    if (!in) return std::optional<TopicPreparer>();
    TopicPreparer p;
    p.kind = in->kind;
    switch (in->kind) {
        case PreparerKind::kCommitteeMember: {
            if (!in->member)
                return MakeError(ErrorCode::kInvalidArgument, "Vui lòng chọn đồng chí chi ủy viên chuẩn bị.",
                                 "preparer.member_id");
            auto m = repos.members().Get(*in->member);
            if (!m || m->organization != cell.id || !OnRoll(m->status))
                return MakeError(ErrorCode::kInvalidArgument, "Người chuẩn bị phải là đảng viên của chi bộ.",
                                 "preparer.member_id");
            const auto positions = repos.positions().ForOrganization(cell.id, today);
            const bool seat = std::any_of(positions.begin(), positions.end(), [&](const Position& pos) {
                return pos.member == m->id && pos.ActiveOn(today) && pos.kind != PositionKind::kGroupLeader;
            });
            if (!seat)
                return MakeError(ErrorCode::kInvalidArgument,
                                 "Người chuẩn bị phải là chi ủy viên (bí thư, phó bí thư hoặc chi ủy viên) của chi bộ.",
                                 "preparer.member_id");
            p.member = m->id;
            p.name = m->full_name;
            break;
        }
        case PreparerKind::kPartyGroup: {
            if (!in->party_group)
                return MakeError(ErrorCode::kInvalidArgument, "Vui lòng chọn tổ đảng chuẩn bị.",
                                 "preparer.party_group_id");
            auto group = repos.organizations().Get(*in->party_group);
            if (!group || group->kind != OrganizationKind::kPartyGroup || group->parent != cell.id ||
                group->dissolved())
                return MakeError(ErrorCode::kInvalidArgument, "Tổ đảng chuẩn bị phải là tổ đảng của chi bộ.",
                                 "preparer.party_group_id");
            p.party_group = group->id;
            p.name = group->name;
            break;
        }
        case PreparerKind::kSuperiorOfficial:
            p.name = base::NormalizeSpaces(in->name);
            break;
    }
    return std::optional<TopicPreparer>(std::move(p));
}

// Checks the topic's fields and its link to a meeting.
Result<void> CheckTopic(Repositories& repos, const Topic& topic) {
    CHIBO_TRY(ValidateTopic(topic));
    if (!topic.meeting) return {};
    auto meeting = repos.meetings().Get(*topic.meeting);
    if (!meeting) return MakeError(ErrorCode::kInvalidArgument, "Cuộc họp không thuộc chi bộ này.", "meeting_id");
    return CheckMeetingLink(topic, *meeting);
}

// Applies what the user entered to `topic`, as a create or an update would.
void ApplyText(Topic& topic, const TopicInput& in) {
    topic.title = base::NormalizeSpaces(in.title);
    topic.purpose = TrimEnds(in.purpose);
    topic.directive = base::NormalizeSpaces(in.directive);
}

}  // namespace

Result<OrientationList> TopicService::Orientations(const Actor& actor, OrganizationId organization, int year) {
    if (year < 2000 || year > 2100) return MakeError(ErrorCode::kInvalidArgument, "Năm không hợp lệ.", "year");
    return ReadValue<OrientationList>(store_, [&](Repositories& repos) -> Result<OrientationList> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        const bool cell = IsCell(org.kind);
        std::map<std::int64_t, std::optional<Organization>> orgs;  // Cache of the organisations looked up.
        auto get = [&](OrganizationId id) -> const std::optional<Organization>& {
            auto it = orgs.find(id.value);
            if (it == orgs.end()) it = orgs.emplace(id.value, repos.organizations().Get(id)).first;
            return it->second;
        };
        std::vector<OrganizationId> publishers = PathIds(org.path);
        if (cell) publishers.pop_back();  // A cell does not orient itself.
        std::vector<Topic> own_topics;
        if (cell) own_topics = repos.topics().TopicsOf(org.id, year);
        OrientationList list;
        list.can_publish = !cell && org.kind != OrganizationKind::kPartyGroup && actor.CanWrite(org.path);
        for (TopicOrientation& o : repos.topics().OrientationsOf(publishers, year)) {
            const auto& publisher = get(o.organization);
            if (!publisher) continue;
            bool shown = false;
            if (cell) {
                shown = AddressedTo(o, publisher->path, org);
            } else {
                shown = o.organization == org.id || o.cells.empty() ||
                        std::any_of(o.cells.begin(), o.cells.end(), [&](OrganizationId c) {
                            const auto& target = get(c);
                            return target && InSubtree(target->path, org.path);
                        });
            }
            if (!shown) continue;
            OrientationView v;
            v.organization_name = publisher->name;
            for (OrganizationId c : o.cells)
                if (const auto& target = get(c); target && actor.CanSeeOrganization(target->path))
                    v.cells.push_back({c, target->name});
            for (const Topic& t : repos.topics().TopicsOfOrientation(o.id)) {
                if (t.state == TopicState::kDeclined) continue;
                if (const auto& of = get(t.organization); of && InSubtree(of->path, org.path)) ++v.picked;
            }
            for (const Topic& t : own_topics)
                if (t.orientation == o.id && t.state != TopicState::kDeclined) v.topic = t.id;
            v.files = repos.topics().FilesOfOrientation(o.id);
            v.can_attach = actor.CanWrite(publisher->path);
            v.orientation = std::move(o);
            list.items.push_back(std::move(v));
        }
        return list;
    });
}

Result<OrientationView> TopicService::Publish(const Actor& actor, OrganizationId organization,
                                              const OrientationInput& in) {
    TopicOrientation o;
    o.year = in.year;
    o.quarter = in.quarter;
    o.title = base::NormalizeSpaces(in.title);
    o.purpose = TrimEnds(in.purpose);
    o.directive = base::NormalizeSpaces(in.directive);
    for (OrganizationId c : in.cells)
        if (std::find(o.cells.begin(), o.cells.end(), c) == o.cells.end()) o.cells.push_back(c);
    CHIBO_TRY(ValidateOrientation(o));
    return WriteValue<OrientationView>(store_, [&](Repositories& repos) -> Result<OrientationView> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        if (!actor.CanWrite(org.path)) return Forbidden();
        if (IsCell(org.kind) || org.kind == OrganizationKind::kPartyGroup)
            return MakeError(ErrorCode::kInvalidArgument,
                             "Định hướng chuyên đề do cấp ủy cấp trên ban hành cho các chi bộ.");
        if (org.dissolved()) return MakeError(ErrorCode::kConflict, "Tổ chức đã giải thể hoặc sáp nhập.");
        OrientationView v;
        v.organization_name = org.name;
        for (OrganizationId c : o.cells) {
            auto target = repos.organizations().Get(c);
            if (!target || !AddressedTo(TopicOrientation{}, org.path, *target) || target->dissolved())
                return MakeError(ErrorCode::kInvalidArgument,
                                 "Chỉ gửi định hướng đến các chi bộ đang hoạt động thuộc " + org.name + ".", "cells");
            v.cells.push_back({c, target->name});
        }
        o.organization = org.id;
        o.created_by = actor.username;
        o.created_at = clock_.NowUnixSeconds();
        v.orientation = repos.topics().InsertOrientation(o);
        v.can_attach = true;
        std::string to = "tất cả chi bộ";
        if (!v.cells.empty()) {
            to.clear();
            for (const NamedOrganization& c : v.cells) to += (to.empty() ? "" : ", ") + c.name;
        }
        RecordAudit(repos, clock_, actor, "topic_orientation.create", "topic_orientation", v.orientation.id.value, &org,
                    std::nullopt,
                    Snapshot{{"title", o.title},
                             {"year", std::to_string(o.year)},
                             {"quarter", o.quarter ? std::to_string(*o.quarter) : ""},
                             {"directive", o.directive},
                             {"cells", to}});
        return v;
    });
}

Result<TopicPlan> TopicService::Plan(const Actor& actor, OrganizationId cell_id, int year) {
    if (year < 2000 || year > 2100) return MakeError(ErrorCode::kInvalidArgument, "Năm không hợp lệ.", "year");
    return ReadValue<TopicPlan>(store_, [&](Repositories& repos) -> Result<TopicPlan> {
        CHIBO_TRY_ASSIGN(const Organization cell, VisibleOrganization(repos, actor, cell_id));
        if (!IsCell(cell.kind))
            return MakeError(ErrorCode::kInvalidArgument, "Kế hoạch sinh hoạt chuyên đề là của chi bộ.");
        TopicPlan plan;
        plan.year = year;
        plan.can_write = actor.CanWrite(cell.path);
        const auto topics = repos.topics().TopicsOf(cell.id, year);
        for (const Topic& t : topics) plan.items.push_back(ViewOf(repos, t, cell.name, lead_seconds_));
        plan.thematic_months = BuildRule(repos, cell).effective.thematic_months;
        plan.quarters_without_topic =
            QuartersWithoutTopic(plan.thematic_months, DueMonthsOf(cell.valid_from, cell.valid_to), year, topics);
        return plan;
    });
}

Result<std::vector<TopicView>> TopicService::Proposals(const Actor& actor, OrganizationId organization) {
    return ReadValue<std::vector<TopicView>>(store_, [&](Repositories& repos) -> Result<std::vector<TopicView>> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        if (!actor.CanReadMembers(org.path)) return Forbidden();
        std::vector<TopicView> out;
        for (const Topic& t : repos.topics().InSubtree(org.path, TopicState::kProposed)) {
            auto cell = repos.organizations().Get(t.organization);
            if (!cell || !cell->parent) continue;
            auto parent = repos.organizations().Get(*cell->parent);
            if (!parent || !actor.CanWrite(parent->path)) continue;
            out.push_back(ViewOf(repos, t, cell->name, lead_seconds_));
        }
        return out;
    });
}

Result<CoverageView> TopicService::Coverage(const Actor& actor, OrganizationId organization, int year, int quarter) {
    if (year < 2000 || year > 2100) return MakeError(ErrorCode::kInvalidArgument, "Năm không hợp lệ.", "year");
    if (quarter < 1 || quarter > 4) return MakeError(ErrorCode::kInvalidArgument, "Quý phải từ 1 đến 4.", "quarter");
    return ReadValue<CoverageView>(store_, [&](Repositories& repos) -> Result<CoverageView> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        if (!actor.CanReadMembers(org.path)) return Forbidden();
        const auto cells = repos.organizations().Subtree(org.path, domain::Dissolved::kInclude);
        // A meeting counts for its own month; one moved into the next month is dated up to a month later.
        const int first_month = (quarter - 1) * 3 + 1;
        const Date from = *Date::FromYmd(year, first_month, 1);
        const int end_month = first_month + 3;  // The month after the quarter, for moved meetings.
        const Date to = end_month > 12 ? Date::FromYmd(year + 1, end_month - 12, 28)->AddDays(3)
                                       : Date::FromYmd(year, end_month, 28)->AddDays(3);
        const auto meetings = repos.meetings().InSubtreeBetween(org.path, from, to, 1'000'000);
        const auto topics = repos.topics().InSubtreeOfQuarter(org.path, year, quarter);
        CoverageView v;
        v.coverage = CoverageOf(year, quarter, cells, meetings, topics);
        for (const auto& [id, count] : v.coverage.orientations_chosen) {
            auto o = repos.topics().GetOrientation(id);
            v.orientation_titles.push_back(o ? o->title : "");
        }
        return v;
    });
}

Result<TopicDetail> TopicService::Create(const Actor& actor, OrganizationId cell_id, const TopicInput& in) {
    const Date today = clock_.Today();
    return WriteValue<TopicDetail>(store_, [&](Repositories& repos) -> Result<TopicDetail> {
        CHIBO_TRY_ASSIGN(const Organization cell, VisibleOrganization(repos, actor, cell_id));
        if (!actor.CanWrite(cell.path)) return Forbidden();
        if (!IsCell(cell.kind))
            return MakeError(ErrorCode::kInvalidArgument, "Kế hoạch sinh hoạt chuyên đề là của chi bộ.");
        if (cell.dissolved()) return MakeError(ErrorCode::kConflict, "Chi bộ đã giải thể hoặc sáp nhập.");
        Topic t;
        t.organization = cell.id;
        ApplyText(t, in);
        t.year = in.year.value_or(today.year());
        t.quarter = in.quarter.value_or(0);
        if (in.orientation) {
            auto o = repos.topics().GetOrientation(*in.orientation);
            auto publisher = o ? repos.organizations().Get(o->organization) : std::nullopt;
            if (!o || !publisher || !AddressedTo(*o, publisher->path, cell))
                return MakeError(ErrorCode::kInvalidArgument, "Định hướng chuyên đề này không dành cho chi bộ.",
                                 "orientation_id");
            if (in.year && *in.year != o->year)
                return MakeError(ErrorCode::kInvalidArgument,
                                 "Định hướng này dành cho năm " + std::to_string(o->year) + ".", "year");
            if (o->quarter && in.quarter && *in.quarter != *o->quarter)
                return MakeError(ErrorCode::kInvalidArgument,
                                 "Định hướng này dành cho quý " + std::to_string(*o->quarter) + ".", "quarter");
            for (const Topic& other : repos.topics().TopicsOfOrientation(o->id))
                if (other.organization == cell.id && other.state != TopicState::kDeclined)
                    return MakeError(ErrorCode::kConflict, "Chi bộ đã chọn định hướng chuyên đề này.",
                                     "orientation_id");
            t.orientation = o->id;
            t.year = o->year;
            if (o->quarter) t.quarter = *o->quarter;
            if (t.title.empty()) t.title = o->title;
            if (t.purpose.empty()) t.purpose = o->purpose;
            if (t.directive.empty()) t.directive = o->directive;
            t.state = TopicState::kPlanned;  // Oriented from above: accepted at once.
        } else {
            t.state = TopicState::kProposed;
        }
        if (t.quarter == 0) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng chọn quý (1–4).", "quarter");
        CHIBO_TRY_ASSIGN(t.preparer, ResolvePreparer(repos, cell, in.preparer, today));
        t.meeting = in.meeting;
        CHIBO_TRY(CheckTopic(repos, t));
        t.created_by = actor.username;
        t.created_at = clock_.NowUnixSeconds();
        t = repos.topics().InsertTopic(t);
        RecordAudit(repos, clock_, actor, t.orientation ? "topic.create" : "topic.propose", "topic", t.id.value, &cell,
                    std::nullopt, Describe(t));
        Loaded l{t, cell, {}, false};
        l.standing = StandingIn(repos, actor, cell, today, l.has_committee);
        return DetailOf(repos, actor, l, lead_seconds_, clock_.Today());
    });
}

Result<TopicDetail> TopicService::Get(const Actor& actor, TopicId id) {
    return ReadValue<TopicDetail>(store_, [&](Repositories& repos) -> Result<TopicDetail> {
        CHIBO_TRY_ASSIGN(const Loaded l, LoadTopic(repos, actor, id, clock_.Today()));
        return DetailOf(repos, actor, l, lead_seconds_, clock_.Today());
    });
}

Result<TopicDetail> TopicService::Update(const Actor& actor, TopicId id, const TopicInput& in) {
    const Date today = clock_.Today();
    return WriteValue<TopicDetail>(store_, [&](Repositories& repos) -> Result<TopicDetail> {
        CHIBO_TRY_ASSIGN(Loaded l, LoadTopic(repos, actor, id, today));
        if (!l.standing.writes_cell) return Forbidden();
        const Topic before = l.topic;
        if (before.state == TopicState::kDeclined || SentToMembers(before.state))
            return MakeError(ErrorCode::kConflict,
                             "Chuyên đề đã " + std::string(Label(before.state)) + "; không sửa được nữa.", "state");
        Topic after = before;
        ApplyText(after, in);
        if (in.year) after.year = *in.year;
        if (in.quarter) after.quarter = *in.quarter;
        CHIBO_TRY_ASSIGN(after.preparer, ResolvePreparer(repos, l.cell, in.preparer, today));
        after.meeting = in.meeting;
        // What the chi ủy reviews is the submitted draft of this topic: its subject stays as submitted.
        const bool locked = before.state == TopicState::kSubmitted || before.state == TopicState::kApproved;
        if (locked) {
            for (const auto& [field, changed] :
                 {std::pair{"title", after.title != before.title},
                  std::pair{"purpose", after.purpose != before.purpose},
                  std::pair{"directive", after.directive != before.directive},
                  std::pair{"year", after.year != before.year}, std::pair{"quarter", after.quarter != before.quarter}})
                if (changed)
                    return MakeError(ErrorCode::kConflict,
                                     "Dự thảo đã trình chi ủy: chỉ đổi được người chuẩn bị và cuộc họp; muốn sửa "
                                     "nội dung chuyên đề, hãy lưu một bản dự thảo mới trước.",
                                     field);
        }
        CHIBO_TRY(CheckTopic(repos, after));
        repos.topics().UpdateTopic(after);
        RecordAudit(repos, clock_, actor, "topic.update", "topic", id.value, &l.cell, Describe(before),
                    Describe(after));
        l.topic = after;
        return DetailOf(repos, actor, l, lead_seconds_, clock_.Today());
    });
}

Result<TopicDetail> TopicService::Accept(const Actor& actor, TopicId id) {
    return WriteValue<TopicDetail>(store_, [&](Repositories& repos) -> Result<TopicDetail> {
        CHIBO_TRY_ASSIGN(Loaded l, LoadTopic(repos, actor, id, clock_.Today()));
        if (!l.standing.writes_superior)
            return MakeError(ErrorCode::kPermissionDenied, "Chỉ cấp ủy cấp trên chấp nhận chuyên đề chi bộ đề xuất.");
        CHIBO_TRY(CheckTopicTransition(l.topic.state, TopicState::kPlanned));
        const Topic before = l.topic;
        l.topic.state = TopicState::kPlanned;
        l.topic.decided_by = actor.username;
        l.topic.decided_at = clock_.NowUnixSeconds();
        repos.topics().UpdateTopic(l.topic);
        RecordAudit(repos, clock_, actor, "topic.accept", "topic", id.value, &l.cell, Describe(before),
                    Describe(l.topic));
        return DetailOf(repos, actor, l, lead_seconds_, clock_.Today());
    });
}

Result<TopicDetail> TopicService::Decline(const Actor& actor, TopicId id, const std::string& reason_in) {
    const std::string reason = base::NormalizeSpaces(reason_in);
    if (reason.empty())
        return MakeError(ErrorCode::kInvalidArgument, "Vui lòng ghi lý do không chấp nhận chuyên đề.", "reason");
    if (base::Utf8Length(reason) > 500)
        return MakeError(ErrorCode::kInvalidArgument, "Lý do dài quá 500 ký tự.", "reason");
    return WriteValue<TopicDetail>(store_, [&](Repositories& repos) -> Result<TopicDetail> {
        CHIBO_TRY_ASSIGN(Loaded l, LoadTopic(repos, actor, id, clock_.Today()));
        if (!l.standing.writes_superior)
            return MakeError(ErrorCode::kPermissionDenied, "Chỉ cấp ủy cấp trên quyết định chuyên đề chi bộ đề xuất.");
        CHIBO_TRY(CheckTopicTransition(l.topic.state, TopicState::kDeclined));
        const Topic before = l.topic;
        l.topic.state = TopicState::kDeclined;
        l.topic.decline_reason = reason;
        l.topic.decided_by = actor.username;
        l.topic.decided_at = clock_.NowUnixSeconds();
        repos.topics().UpdateTopic(l.topic);
        RecordAudit(repos, clock_, actor, "topic.decline", "topic", id.value, &l.cell, Describe(before),
                    Describe(l.topic));
        return DetailOf(repos, actor, l, lead_seconds_, clock_.Today());
    });
}

Result<TopicDraft> TopicService::SaveDraft(const Actor& actor, TopicId id, const std::string& text_in) {
    const std::string text = TrimEnds(text_in);
    CHIBO_TRY(ValidateDraftText(text));
    return WriteValue<TopicDraft>(store_, [&](Repositories& repos) -> Result<TopicDraft> {
        return AddVersion(repos, actor, id, text, nullptr, 0);
    });
}

Result<TopicDraft> TopicService::UploadDraft(const Actor& actor, TopicId id, const std::string& file_name,
                                             const std::string& content_type, const std::string& content) {
    CHIBO_TRY_ASSIGN(const Upload upload, CheckUpload(file_name, content_type, content));
    bool stored = false;
    return WriteValue<TopicDraft>(store_, [&](Repositories& repos) -> Result<TopicDraft> {
        // The file is written before the row that refers to it commits (as a meeting's documents).
        if (!stored) {
            files_.Put(upload.sha256, content);
            stored = true;
        }
        return AddVersion(repos, actor, id, "Dự thảo đính kèm: " + upload.file_name, &upload,
                          static_cast<std::int64_t>(content.size()));
    });
}

Result<TopicDraft> TopicService::AddVersion(Repositories& repos, const Actor& actor, TopicId id,
                                            const std::string& text, const Upload* upload, std::int64_t size) {
    {
        CHIBO_TRY_ASSIGN(Loaded l, LoadTopic(repos, actor, id, clock_.Today()));
        if (!l.standing.writes_cell) return Forbidden();
        CHIBO_TRY_ASSIGN(const TopicState next, StateAfterNewDraft(l.topic.state));
        const Topic before = l.topic;
        l.topic.state = next;
        // A changed draft is a new one for the chi ủy: its submission and approval no longer stand.
        l.topic.submitted_at.reset();
        l.topic.approved_version.reset();
        l.topic.approved_by.clear();
        l.topic.approved_at.reset();
        repos.topics().UpdateTopic(l.topic);
        const TopicDraft draft =
            repos.topics().AddDraft(id, text, actor.username, AuthorName(repos, actor), clock_.NowUnixSeconds());
        l.topic.draft_count = draft.number;
        Snapshot after = Describe(l.topic);
        if (upload) {
            TopicFile f;
            f.topic = id;
            f.version = draft.number;
            f.file_name = upload->file_name;
            f.content_type = upload->content_type;
            f.size = size;
            f.sha256 = upload->sha256;
            f.uploaded_by = actor.username;
            f.uploaded_at = draft.created_at;
            repos.topics().InsertFile(f);
            after.emplace_back("file_name", upload->file_name);
            after.emplace_back("sha256", upload->sha256);
        }
        RecordAudit(repos, clock_, actor, "topic.draft", "topic", id.value, &l.cell, Describe(before),
                    std::move(after));
        return draft;
    }
}

Result<TopicFile> TopicService::AttachToOrientation(const Actor& actor, TopicOrientationId id,
                                                    const std::string& file_name, const std::string& content_type,
                                                    const std::string& content) {
    CHIBO_TRY_ASSIGN(const Upload upload, CheckUpload(file_name, content_type, content));
    bool stored = false;
    return WriteValue<TopicFile>(store_, [&](Repositories& repos) -> Result<TopicFile> {
        auto o = repos.topics().GetOrientation(id);
        if (!o) return NotFound("định hướng chuyên đề");
        auto publisher = repos.organizations().Get(o->organization);
        if (!publisher || !actor.CanSeeOrganization(publisher->path)) return NotFound("định hướng chuyên đề");
        if (!actor.CanWrite(publisher->path)) return Forbidden();
        if (repos.topics().FilesOfOrientation(id).size() >= kMaxOrientationFiles)
            return MakeError(ErrorCode::kInvalidArgument,
                             "Mỗi định hướng đính kèm tối đa " + std::to_string(kMaxOrientationFiles) + " tệp.",
                             "file");
        if (!stored) {
            files_.Put(upload.sha256, content);
            stored = true;
        }
        TopicFile f;
        f.orientation = id;
        f.file_name = upload.file_name;
        f.content_type = upload.content_type;
        f.size = static_cast<std::int64_t>(content.size());
        f.sha256 = upload.sha256;
        f.uploaded_by = actor.username;
        f.uploaded_at = clock_.NowUnixSeconds();
        const TopicFile out = repos.topics().InsertFile(f);
        RecordAudit(repos, clock_, actor, "topic_orientation.attach", "topic_orientation", id.value, &*publisher,
                    std::nullopt,
                    Snapshot{{"file_name", f.file_name}, {"size", std::to_string(f.size)}, {"sha256", f.sha256}});
        return out;
    });
}

Result<TopicService::FileContent> TopicService::OrientationFile(const Actor& actor, TopicOrientationId id,
                                                                TopicFileId file) {
    auto found = ReadValue<TopicFile>(store_, [&](Repositories& repos) -> Result<TopicFile> {
        auto o = repos.topics().GetOrientation(id);
        if (!o) return NotFound("tệp");
        auto publisher = repos.organizations().Get(o->organization);
        if (!publisher) return NotFound("tệp");
        // The publisher's own readers, and those of the cells it is addressed to.
        bool shown = actor.CanSeeOrganization(publisher->path);
        for (const RoleGrant* root : actor.ScopeRoots()) {
            if (shown) break;
            auto cell = repos.organizations().Get(root->organization);
            shown = cell && IsCell(cell->kind) && AddressedTo(*o, publisher->path, *cell);
        }
        if (!shown) return NotFound("tệp");
        for (const TopicFile& f : repos.topics().FilesOfOrientation(id))
            if (f.id == file) return f;
        return NotFound("tệp");
    });
    if (!found) return found.error();
    auto content = files_.Get(found->sha256);
    if (!content) return MakeError(ErrorCode::kNotFound, "Tệp không còn trong kho lưu trữ.");
    return FileContent{*found, std::move(*content)};
}

Result<TopicService::FileContent> TopicService::TopicFileContent(const Actor& actor, TopicId id, TopicFileId file) {
    auto found = ReadValue<TopicFile>(store_, [&](Repositories& repos) -> Result<TopicFile> {
        CHIBO_TRY_ASSIGN(const Loaded l, LoadTopic(repos, actor, id, clock_.Today()));
        for (const TopicFile& f : repos.topics().FilesOfTopic(id)) {
            if (f.id != file) continue;
            const bool sent_one = SentToMembers(l.topic.state) && l.topic.sent_version == f.version;
            if (!MaySeeDrafts(l.standing) && !sent_one) break;
            return f;
        }
        return NotFound("tệp");
    });
    if (!found) return found.error();
    auto content = files_.Get(found->sha256);
    if (!content) return MakeError(ErrorCode::kNotFound, "Tệp không còn trong kho lưu trữ.");
    return FileContent{*found, std::move(*content)};
}

Result<TopicDraft> TopicService::Draft(const Actor& actor, TopicId id, int number) {
    return ReadValue<TopicDraft>(store_, [&](Repositories& repos) -> Result<TopicDraft> {
        CHIBO_TRY_ASSIGN(const Loaded l, LoadTopic(repos, actor, id, clock_.Today()));
        const bool sent_one = SentToMembers(l.topic.state) && l.topic.sent_version == number;
        if (!MaySeeDrafts(l.standing) && !sent_one) return NotFound("bản dự thảo");
        auto draft = repos.topics().GetDraft(id, number);
        if (!draft) return NotFound("bản dự thảo");
        return *draft;
    });
}

Result<DraftDiff> TopicService::Diff(const Actor& actor, TopicId id, int from, int to) {
    return ReadValue<DraftDiff>(store_, [&](Repositories& repos) -> Result<DraftDiff> {
        CHIBO_TRY_ASSIGN(const Loaded l, LoadTopic(repos, actor, id, clock_.Today()));
        if (!MaySeeDrafts(l.standing)) return NotFound("bản dự thảo");
        auto older = repos.topics().GetDraft(id, from);
        auto newer = repos.topics().GetDraft(id, to);
        if (!older || !newer) return NotFound("bản dự thảo");
        return DraftDiff{from, to, LineDiff(older->text, newer->text)};
    });
}

Result<TopicDetail> TopicService::Submit(const Actor& actor, TopicId id) {
    return WriteValue<TopicDetail>(store_, [&](Repositories& repos) -> Result<TopicDetail> {
        CHIBO_TRY_ASSIGN(Loaded l, LoadTopic(repos, actor, id, clock_.Today()));
        if (!l.standing.writes_cell) return Forbidden();
        CHIBO_TRY(CheckTopicTransition(l.topic.state, TopicState::kSubmitted));
        const Topic before = l.topic;
        l.topic.state = TopicState::kSubmitted;
        l.topic.submitted_at = clock_.NowUnixSeconds();
        repos.topics().UpdateTopic(l.topic);
        RecordAudit(repos, clock_, actor, "topic.submit", "topic", id.value, &l.cell, Describe(before),
                    Describe(l.topic));
        return DetailOf(repos, actor, l, lead_seconds_, clock_.Today());
    });
}

Result<TopicDetail> TopicService::Approve(const Actor& actor, TopicId id) {
    return WriteValue<TopicDetail>(store_, [&](Repositories& repos) -> Result<TopicDetail> {
        CHIBO_TRY_ASSIGN(Loaded l, LoadTopic(repos, actor, id, clock_.Today()));
        if (!MayApprove(l.standing, l.has_committee))
            return MakeError(ErrorCode::kPermissionDenied,
                             l.has_committee ? "Chỉ chi ủy viên của chi bộ duyệt dự thảo chuyên đề."
                                             : "Chi bộ chưa có chi ủy: bí thư chi bộ duyệt dự thảo chuyên đề.");
        CHIBO_TRY(CheckTopicTransition(l.topic.state, TopicState::kApproved));
        const Topic before = l.topic;
        l.topic.state = TopicState::kApproved;
        l.topic.approved_version = l.topic.draft_count;
        l.topic.approved_by = actor.username;
        l.topic.approved_at = clock_.NowUnixSeconds();
        repos.topics().UpdateTopic(l.topic);
        RecordAudit(repos, clock_, actor, "topic.approve", "topic", id.value, &l.cell, Describe(before),
                    Describe(l.topic));
        return DetailOf(repos, actor, l, lead_seconds_, clock_.Today());
    });
}

Result<TopicDetail> TopicService::Send(const Actor& actor, TopicId id) {
    return WriteValue<TopicDetail>(store_, [&](Repositories& repos) -> Result<TopicDetail> {
        CHIBO_TRY_ASSIGN(Loaded l, LoadTopic(repos, actor, id, clock_.Today()));
        if (!l.standing.writes_cell) return Forbidden();
        CHIBO_TRY(CheckTopicTransition(l.topic.state, TopicState::kSent));
        const Topic before = l.topic;
        l.topic.state = TopicState::kSent;
        l.topic.sent_version = l.topic.approved_version;
        l.topic.sent_by = actor.username;
        l.topic.sent_at = clock_.NowUnixSeconds();
        repos.topics().UpdateTopic(l.topic);
        Snapshot after = Describe(l.topic);
        after.emplace_back("sent_version", std::to_string(l.topic.sent_version.value_or(0)));
        RecordAudit(repos, clock_, actor, "topic.send", "topic", id.value, &l.cell, Describe(before), std::move(after));
        return DetailOf(repos, actor, l, lead_seconds_, clock_.Today());
    });
}

Result<TopicComment> TopicService::Comment(const Actor& actor, TopicId id, const std::string& text_in) {
    const std::string text = TrimEnds(text_in);
    if (text.empty()) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng nhập ý kiến góp ý.", "text");
    if (base::Utf8Length(text) > kMaxCommentChars)
        return MakeError(ErrorCode::kInvalidArgument, "Ý kiến dài quá " + std::to_string(kMaxCommentChars) + " ký tự.",
                         "text");
    return WriteValue<TopicComment>(store_, [&](Repositories& repos) -> Result<TopicComment> {
        CHIBO_TRY_ASSIGN(const Loaded l, LoadTopic(repos, actor, id, clock_.Today()));
        CHIBO_TRY_ASSIGN(const CommentKind kind, CheckComment(l.standing, l.has_committee, l.topic.state));
        TopicComment c;
        c.topic = id;
        c.kind = kind;
        c.version =
            kind == CommentKind::kMember ? l.topic.sent_version.value_or(l.topic.draft_count) : l.topic.draft_count;
        c.member = actor.member;
        c.author = actor.username;
        c.author_name = AuthorName(repos, actor);
        c.text = text;
        c.created_at = clock_.NowUnixSeconds();
        c = repos.topics().InsertComment(c);
        RecordAudit(repos, clock_, actor, "topic.comment", "topic", id.value, &l.cell, std::nullopt,
                    Snapshot{{"kind", std::string(ToCode(kind))},
                             {"version", std::to_string(c.version)},
                             {"comment_id", std::to_string(c.id.value)}});
        return c;
    });
}

Result<TopicDetail> TopicService::Assess(const Actor& actor, TopicId id, TopicAssessment assessment,
                                         const std::string& note_in) {
    const std::string note = TrimEnds(note_in);
    return WriteValue<TopicDetail>(store_, [&](Repositories& repos) -> Result<TopicDetail> {
        const Date today = clock_.Today();
        CHIBO_TRY_ASSIGN(Loaded l, LoadTopic(repos, actor, id, today));
        if (!l.standing.writes_cell) return Forbidden();
        std::optional<Meeting> meeting;
        if (l.topic.meeting) meeting = repos.meetings().Get(*l.topic.meeting);
        CHIBO_TRY(CheckAssessment(l.topic, meeting, note, today));
        const Topic before = l.topic;
        l.topic.assessment = assessment;
        l.topic.assessment_note = note;
        l.topic.assessed_by = actor.username;
        l.topic.assessed_at = clock_.NowUnixSeconds();
        repos.topics().SaveAssessment(l.topic);
        RecordAudit(repos, clock_, actor, "topic.assess", "topic", id.value, &l.cell, Describe(before),
                    Describe(l.topic));
        return DetailOf(repos, actor, l, lead_seconds_, today);
    });
}

Result<TopicReview> TopicService::Review(const Actor& actor, OrganizationId organization, int year) {
    if (year < 2000 || year > 2100) return MakeError(ErrorCode::kInvalidArgument, "Năm không hợp lệ.", "year");
    return ReadValue<TopicReview>(store_, [&](Repositories& repos) -> Result<TopicReview> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        if (!actor.CanReadMembers(org.path)) return Forbidden();
        TopicReview review;
        review.year = year;
        review.can_assess = actor.CanWrite(org.path);
        for (const Topic& t : repos.topics().InSubtreeOfYear(org.path, year)) {
            if (!Accepted(t.state)) continue;
            if (!review.cell_names.contains(t.organization.value))
                if (auto cell = repos.organizations().Get(t.organization))
                    review.cell_names[t.organization.value] = cell->name;
            std::optional<Meeting> meeting;
            if (t.meeting) meeting = repos.meetings().Get(*t.meeting);
            if (meeting && Held(meeting->state)) {
                const auto attendance = repos.records().Attendance(meeting->id);
                const auto opinions = repos.records().Opinions(meeting->id);
                const auto tasks = repos.records().TasksSetBy(meeting->id);
                review.items.push_back(OutcomeOf(t, meeting, attendance, opinions, tasks, lead_seconds_));
            } else {
                review.items.push_back(OutcomeOf(t, meeting, {}, {}, {}, lead_seconds_));
            }
        }
        review.preparers = ByPreparer(review.items);
        return review;
    });
}

}  // namespace chibo::app
