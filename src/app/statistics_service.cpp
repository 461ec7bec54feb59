#include "app/statistics_service.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <thread>
#include <unordered_map>

#include "app/organization_service.hpp"
#include "base/text.hpp"
#include "domain/audit_repository.hpp"
#include "domain/meeting_record_repository.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/store.hpp"

namespace chibo::app {

using base::Date;
using base::Result;
using namespace chibo::domain;

std::vector<StatOrganization> StatTree(Repositories& repos) {
    return StatTreeOf(repos.organizations().Subtree("/", domain::Dissolved::kInclude),
                      repos.organizations().PastPlacements());
}

namespace {

std::optional<MeetingFigures> ReadFigures(Repositories& repos, MeetingId id) {
    auto meeting = repos.meetings().Get(id);
    if (!meeting) return std::nullopt;
    const auto attendance = repos.records().Attendance(id);
    const auto scores = repos.scores().Scores(id);
    return domain::FiguresOf(*meeting, attendance, scores);
}

}  // namespace

Result<void> StatisticsService::Rebuild() {
    const std::lock_guard feed(catch_up_);
    return RebuildLocked();
}

Result<void> StatisticsService::RebuildLocked() {
    using HeldFigures = std::vector<std::pair<MeetingId, MeetingFigures>>;
    StatisticsEngine fresh;
    AuditCursor cursor;
    std::int64_t last_meeting = 0;
    CHIBO_TRY(store_.Read([&](Repositories& repos) -> Result<void> {
        const std::int64_t seen = repos.audit().LatestId();
        // Ids just below the newest may belong to transactions not yet committed: the cursor reads
        // their gaps again.
        constexpr std::int64_t kWindow = 1000;
        std::vector<std::int64_t> recent;
        for (const AuditChange& c : repos.audit().Since(std::max<std::int64_t>(0, seen - kWindow), kWindow))
            recent.push_back(c.id);
        cursor = AuditCursor(seen, recent, kWindow, clock_.NowUnixSeconds());
        last_meeting = repos.meetings().LastMeetingId();
        return {};
    }));
    // The meetings' figures, most of the load (a pass over every roll call), in one id range per core, each
    // read on its own connection while this thread reads the tree and the rolls. Every read's snapshot is
    // at least as new as `seen`, and the audit entries after it are applied again, so the engine ends
    // where the store is.
    const std::int64_t parts = std::clamp<std::int64_t>(std::thread::hardware_concurrency(), 1, 4);
    const std::int64_t step = last_meeting / parts + 1;
    std::vector<std::future<Result<HeldFigures>>> reads;
    for (std::int64_t first = 1; first <= last_meeting; first += step)
        reads.push_back(std::async(std::launch::async, [this, first, step] {
            return ReadValue<HeldFigures>(store_, [&](Repositories& repos) -> Result<HeldFigures> {
                return repos.meetings().HeldFigures(first, first + step - 1);
            });
        }));
    const Result<void> rolls = store_.Read([&](Repositories& repos) -> Result<void> {
        fresh.SetTree(StatTree(repos));
        // The members' stays, a range of ids at a time.
        constexpr std::int64_t kMembersAtOnce = 100000;
        const std::int64_t last_member = repos.members().LastMemberId();
        for (std::int64_t first = 1; first <= last_member; first += kMembersAtOnce) {
            const auto stays = repos.members().RollStays(MemberId(first), MemberId(first + kMembersAtOnce - 1));
            for (std::size_t i = 0; i < stays.size();) {
                std::size_t j = i;
                while (j < stays.size() && stays[j].member == stays[i].member) ++j;
                fresh.PutMember(stays[i].member, std::span<const RollStay>(stays.data() + i, j - i));
                i = j;
            }
        }
        return {};
    });
    for (auto& read : reads) {
        CHIBO_TRY_ASSIGN(const HeldFigures figures, read.get());
        for (const auto& [id, f] : figures) fresh.PutMeeting(id, f);
    }
    CHIBO_TRY(rolls);
    const std::unique_lock lock(engine_mutex_);
    engine_ = std::move(fresh);
    cursor_ = std::move(cursor);
    built_ = true;
    return {};
}

Result<void> StatisticsService::CatchUp() {
    const std::lock_guard feed(catch_up_);
    if (!built_) return RebuildLocked();
    struct Update {
        bool tree = false;   // An organisation was created, moved, renamed, re-dated or changed kind.
        bool merge = false;  // A merge also moves members: load everything again.
        std::vector<StatOrganization> organizations;
        std::map<std::int64_t, std::optional<MeetingFigures>> meetings;
        std::map<std::int64_t, std::vector<RollStay>> members;
    } update;
    AuditCursor cursor = cursor_;
    CHIBO_TRY(store_.Read([&](Repositories& repos) -> Result<void> {
        auto take = [&](const AuditChange& c) {
            // Meeting rules, scorecards and the like are audited on the organisation but change no figure.
            if (c.action.starts_with("organization.")) update.tree = true;
            if (c.action.starts_with("organization.merge")) update.merge = true;
            if (c.entity == "meeting" && !update.meetings.contains(c.entity_id))
                update.meetings[c.entity_id] = ReadFigures(repos, MeetingId(c.entity_id));
            if (c.entity == "member" && !update.members.contains(c.entity_id))
                update.members[c.entity_id] = repos.members().RollStays(MemberId(c.entity_id), MemberId(c.entity_id));
        };
        const std::int64_t now = clock_.NowUnixSeconds();
        // First the ids skipped over before (transactions that had not committed yet), then what is new.
        if (const auto missing = cursor.Missing(now); !missing.empty())
            for (const AuditChange& c : cursor.Take(repos.audit().WithIds(missing), now)) take(c);
        for (;;) {
            const auto changes = repos.audit().Since(cursor.seen(), 1000);
            for (const AuditChange& c : cursor.Take(changes, now)) take(c);
            if (changes.size() < 1000 || update.merge) break;
        }
        if (update.tree && !update.merge) update.organizations = StatTree(repos);
        return {};
    }));
    if (update.merge) return RebuildLocked();
    const std::unique_lock lock(engine_mutex_);
    if (update.tree) engine_.SetTree(std::move(update.organizations));
    for (const auto& [id, figures] : update.meetings) engine_.PutMeeting(MeetingId(id), figures);
    for (const auto& [id, stays] : update.members) engine_.PutMember(MemberId(id), stays);
    cursor_ = std::move(cursor);
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
    auto view = ViewOf(org.id, months, clock_.Today());
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
    std::vector<MonthRange> trend;
    for (int m = months.first; m <= months.last; ++m) trend.push_back({m, m});
    const std::vector<DashboardFigures> by_month = engine_.Figures(organization, trend, today);
    for (std::size_t i = 0; i < trend.size(); ++i) v.trend.push_back({trend[i].first, by_month[i]});
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
    DashboardAlerts alerts = AlertsOf(org.id, months, clock_.Today(), page.offset(), page.page_size);
    DashboardAlertsView v;
    v.missed_total = alerts.missed_total;
    v.missed = std::move(alerts.missed);
    v.flagged_total = alerts.flagged_total;
    // The members' names in a few queries, not one a row (an export lists up to 100,000); the cells' names
    // from the engine's tree, as for the missed cells.
    std::vector<MemberId> ids;
    ids.reserve(alerts.flagged.size());
    for (const FlaggedMember& f : alerts.flagged) ids.push_back(f.member);
    std::unordered_map<std::int64_t, std::string> member_names;
    CHIBO_TRY(store_.Read([&](Repositories& repos) -> Result<void> {
        for (auto& [id, name] : repos.members().NamesOf(ids)) member_names.emplace(id.value, std::move(name));
        return {};
    }));
    v.flagged.reserve(alerts.flagged.size());
    const std::shared_lock lock(engine_mutex_);
    for (const FlaggedMember& f : alerts.flagged) {
        auto member = member_names.find(f.member.value);
        const StatOrganization* cell = engine_.Find(f.cell);
        std::vector<AbsenceFlag::Where> absent_in;
        for (const auto& [where, count] : f.absent_in) {
            const StatOrganization* o = engine_.Find(where);
            absent_in.push_back({where, o ? o->name : "", count});
        }
        v.flagged.push_back(
            {f, member == member_names.end() ? "" : member->second, cell ? cell->name : "", std::move(absent_in)});
    }
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
