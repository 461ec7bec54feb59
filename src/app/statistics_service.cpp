#include "app/statistics_service.hpp"

#include <algorithm>

#include "app/organization_service.hpp"
#include "base/text.hpp"

namespace chibo::app {

using base::Date;
using base::Result;
using namespace chibo::domain;

std::vector<StatOrganization> StatTree(Repositories& repos) {
    std::vector<StatOrganization> out;
    for (const Organization& o : repos.organizations().Subtree("/", true))
        out.push_back({o.id, o.parent, o.path, o.name, o.kind, o.valid_from, o.valid_to});
    return out;
}

namespace {

std::optional<MeetingFigures> ReadFigures(Repositories& repos, MeetingId id) {
    auto meeting = repos.meetings().Get(id);
    if (!meeting) return std::nullopt;
    const auto attendance = repos.meetings().Attendance(id);
    const auto scores = repos.meetings().Scores(id);
    return domain::FiguresOf(*meeting, attendance, scores);
}

std::optional<OrganizationId> ExpectedIn(Repositories& repos, MemberId id) {
    auto m = repos.members().Get(id);
    if (!m || !OnRoll(m->status)) return std::nullopt;
    if (m->status != MemberStatus::kOfficial && m->status != MemberStatus::kProbationary) return std::nullopt;
    return m->organization;
}

}  // namespace

Result<void> StatisticsService::Rebuild() {
    const std::lock_guard feed(catch_up_);
    StatisticsEngine fresh;
    std::int64_t seen = 0;
    CHIBO_TRY(store_.Read([&](Repositories& repos) -> Result<void> {
        seen = repos.audit().LatestId();
        fresh.SetTree(StatTree(repos));
        for (const auto& [id, cell] : repos.members().ExpectedMembers()) fresh.PutMember(id, cell);
        for (const auto& [id, figures] : repos.meetings().AllHeldFigures()) fresh.PutMeeting(id, figures);
        return {};
    }));
    const std::unique_lock lock(engine_mutex_);
    engine_ = std::move(fresh);
    seen_ = seen;
    built_ = true;
    return {};
}

Result<void> StatisticsService::CatchUp() {
    std::unique_lock feed(catch_up_);
    if (!built_) {
        feed.unlock();
        return Rebuild();
    }
    struct Update {
        bool tree = false;
        std::vector<std::pair<MeetingId, std::optional<MeetingFigures>>> meetings;
        std::vector<std::pair<MemberId, std::optional<OrganizationId>>> members;
        std::int64_t seen = 0;
    } update;
    update.seen = seen_;
    CHIBO_TRY(store_.Read([&](Repositories& repos) -> Result<void> {
        for (;;) {
            const auto changes = repos.audit().Since(update.seen, 1000);
            for (const AuditChange& c : changes) {
                update.seen = c.id;
                if (c.entity == "organization") update.tree = true;
                if (c.entity == "meeting")
                    update.meetings.emplace_back(MeetingId(c.entity_id), ReadFigures(repos, MeetingId(c.entity_id)));
                if (c.entity == "member")
                    update.members.emplace_back(MemberId(c.entity_id), ExpectedIn(repos, MemberId(c.entity_id)));
            }
            if (changes.size() < 1000 || update.tree) break;
        }
        return {};
    }));
    if (update.tree) {
        // A reorganisation moves cells and, in a merge, members: load everything again.
        feed.unlock();
        return Rebuild();
    }
    const std::unique_lock lock(engine_mutex_);
    for (const auto& [id, figures] : update.meetings) engine_.PutMeeting(id, figures);
    for (const auto& [id, cell] : update.members) engine_.PutMember(id, cell);
    seen_ = update.seen;
    return {};
}

Result<Organization> StatisticsService::Readable(const Actor& actor, OrganizationId organization) {
    return ReadValue<Organization>(store_, [&](Repositories& repos) -> Result<Organization> {
        CHIBO_TRY_ASSIGN(Organization org, VisibleOrganization(repos, actor, organization));
        if (!actor.CanReadMembers(org.path)) return Forbidden();
        return org;
    });
}

Result<DashboardView> StatisticsService::Dashboard(const Actor& actor, OrganizationId organization, MonthRange months) {
    CHIBO_TRY_ASSIGN(const Organization org, Readable(actor, organization));
    CHIBO_TRY(CatchUp());
    auto view = ViewOf(org.id, months, Date::Today());
    if (!view) return NotFound("tổ chức đảng");
    return *view;
}

std::optional<DashboardView> StatisticsService::ViewOf(OrganizationId organization, MonthRange months, Date today) {
    const std::shared_lock lock(engine_mutex_);
    const StatOrganization* node = engine_.Find(organization);
    if (!node) return std::nullopt;
    DashboardView v;
    v.organization = *node;
    v.months = months;
    v.figures = engine_.Figures(organization, months, today);
    for (const StatOrganization* child : engine_.Children(organization, months))
        if (child->kind != OrganizationKind::kPartyGroup)
            v.children.push_back({*child, engine_.Figures(child->id, months, today)});
    // As the tree lists them: by name, the Vietnamese way.
    std::vector<std::pair<std::string, std::size_t>> keys;
    for (std::size_t i = 0; i < v.children.size(); ++i)
        keys.emplace_back(base::CollationKey(v.children[i].organization.name), i);
    std::sort(keys.begin(), keys.end());
    std::vector<ChildFigures> sorted;
    sorted.reserve(keys.size());
    for (const auto& [key, i] : keys) sorted.push_back(std::move(v.children[i]));
    v.children = std::move(sorted);
    for (int m = months.first; m <= months.last; ++m)
        v.trend.push_back({m, engine_.Figures(organization, {m, m}, today)});
    return v;
}

DashboardAlerts StatisticsService::AlertsOf(OrganizationId organization, MonthRange months, Date today, int offset,
                                            int limit) {
    const std::shared_lock lock(engine_mutex_);
    return engine_.Alerts(organization, months, today, offset, limit);
}

Result<DashboardAlertsView> StatisticsService::Alerts(const Actor& actor, OrganizationId organization,
                                                      MonthRange months, const PageRequest& page) {
    CHIBO_TRY_ASSIGN(const Organization org, Readable(actor, organization));
    CHIBO_TRY(CatchUp());
    DashboardAlerts alerts = AlertsOf(org.id, months, Date::Today(), page.offset(), page.page_size);
    DashboardAlertsView v;
    v.missed_total = alerts.missed_total;
    v.missed = std::move(alerts.missed);
    v.flagged_total = alerts.flagged_total;
    CHIBO_TRY(store_.Read([&](Repositories& repos) -> Result<void> {
        for (const FlaggedMember& f : alerts.flagged) {
            FlaggedMemberView view{f, "", ""};
            if (auto m = repos.members().Get(f.member)) view.member_name = m->full_name;
            if (auto c = repos.organizations().Get(f.cell)) view.cell_name = c->name;
            v.flagged.push_back(std::move(view));
        }
        return {};
    }));
    return v;
}

DashboardFigures StatisticsService::FiguresOf(OrganizationId organization, MonthRange months, Date today) {
    const std::shared_lock lock(engine_mutex_);
    return engine_.Figures(organization, months, today);
}

std::size_t StatisticsService::meeting_count() {
    const std::shared_lock lock(engine_mutex_);
    return engine_.meeting_count();
}

}  // namespace chibo::app
