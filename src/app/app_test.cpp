// Use cases over a real SQLite file loaded with the demo data.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "app/auth_service.hpp"
#include "app/demo.hpp"
#include "app/meeting_service.hpp"
#include "app/member_service.hpp"
#include "app/organization_service.hpp"
#include "app/score_service.hpp"
#include "app/statistics_service.hpp"
#include "app/user_service.hpp"
#include "domain/audit_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/statistics_queries.hpp"
#include "domain/store.hpp"
#include "domain/user_repository.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace chibo::app {
namespace {

using namespace chibo::domain;
using base::ErrorCode;

class DemoFixture : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        path_ = (std::filesystem::temp_directory_path() / ("chibo-app-test-" + std::to_string(::getpid()) + ".db"))
                    .string();
        std::filesystem::remove(path_);
        auto store = storage::sqlite::SqliteStore::Open(path_);
        ASSERT_TRUE(store.has_value());
        store_ = store->release();
        auto summary = LoadDemo(*store_);
        ASSERT_TRUE(summary.has_value()) << summary.error().message;
    }
    static void TearDownTestSuite() {
        delete store_;
        std::filesystem::remove(path_);
    }

    Actor Login(const std::string& username) {
        auto user = ReadValue<User>(
            *store_, [&](Repositories& r) -> base::Result<User> { return *r.users().FindByUsername(username); });
        return ActorOf(*user);
    }

    OrganizationId FindOrg(const std::string& name) {
        auto id = ReadValue<OrganizationId>(*store_, [&](Repositories& r) -> base::Result<OrganizationId> {
            for (const auto& o : r.organizations().Subtree("/1/", true))
                if (o.name == name) return o.id;
            return base::MakeError(ErrorCode::kNotFound, name);
        });
        EXPECT_TRUE(id.has_value()) << name;
        return *id;
    }

    std::int64_t AuditCount() {
        return *ReadValue<std::int64_t>(*store_, [](Repositories& r) -> base::Result<std::int64_t> {
            AuditQuery q;
            q.subtree_path = "/1/";
            q.include_unscoped = true;
            return r.audit().List(q).total;
        });
    }

    static inline std::string path_;
    static inline Store* store_ = nullptr;
};

TEST_F(DemoFixture, HoaAnHasTwelveCellsAnd398MembersInEveryStatus) {
    OrganizationService orgs(*store_);
    MemberService members(*store_);
    const Actor admin = Login("admin");
    const OrganizationId hoa_an = FindOrg("Đảng bộ xã Hòa An");

    const auto tree = orgs.Tree(admin, hoa_an, 1, false);
    ASSERT_TRUE(tree.has_value());
    ASSERT_EQ(tree->at(0).children.size(), 12u);
    EXPECT_EQ(tree->at(0).member_count, 398);

    std::set<MemberStatus> seen;
    for (const char* code : {"official", "probationary", "exempt", "temporary", "working_away", "transferred_out",
                             "removed", "deceased"}) {
        MemberListQuery q;
        q.organization = hoa_an;
        q.status = MemberStatusFromCode(code);
        q.page = {1, 10};
        EXPECT_GT(members.List(admin, q)->total, 0) << code;
    }
}

TEST_F(DemoFixture, CellsShowTheirCompositionRules) {
    OrganizationService orgs(*store_);
    const Actor admin = Login("admin");

    const auto thon_dong = orgs.Get(admin, FindOrg("Chi bộ Thôn Đông"));
    const auto quan_su = orgs.Get(admin, FindOrg("Chi bộ Quân sự"));

    ASSERT_TRUE(thon_dong.has_value());
    EXPECT_EQ(thon_dong->party_groups.size(), 3u);
    EXPECT_TRUE(thon_dong->party_groups[0].leader.has_value());
    EXPECT_GT(thon_dong->party_groups[0].member_count, 0);
    EXPECT_EQ(thon_dong->leaders.at(0).kind, PositionKind::kSecretary);
    ASSERT_TRUE(quan_su.has_value());
    EXPECT_LT(quan_su->counts.official, 9);
    for (const auto& p : quan_su->leaders) EXPECT_NE(p.kind, PositionKind::kCommitteeMember);
}

TEST_F(DemoFixture, EveryHoaAnCellHasADangVanFoundWithoutDiacritics) {
    MemberService members(*store_);
    const Actor commune = Login("xa.hoaan");
    MemberListQuery q;
    q.text = "dang van";
    q.page = {1, 200};

    const auto found = members.List(commune, q);

    ASSERT_TRUE(found.has_value());
    std::set<std::string> cells;
    for (const auto& item : found->items) {
        EXPECT_EQ(item.member.full_name.rfind("Đặng Văn ", 0), 0u) << item.member.full_name;
        cells.insert(item.organization_name);
    }
    EXPECT_EQ(cells.size(), 12u);
}

TEST_F(DemoFixture, AnotherCommuneSeesNothingOfHoaAn) {
    OrganizationService orgs(*store_);
    MemberService members(*store_);
    const Actor tan_lap = Login("xa.tanlap");
    const OrganizationId hoa_an = FindOrg("Đảng bộ xã Hòa An");

    EXPECT_EQ(orgs.Get(tan_lap, hoa_an).error().code, ErrorCode::kNotFound);
    MemberListQuery q;
    q.organization = hoa_an;
    EXPECT_EQ(members.List(tan_lap, q).error().code, ErrorCode::kNotFound);
    MemberListQuery mine;
    const auto own = members.List(tan_lap, mine);
    ASSERT_TRUE(own.has_value());
    for (const auto& item : own->items) EXPECT_EQ(item.organization_name.find("Hòa An"), std::string::npos);
}

TEST_F(DemoFixture, APlainMemberSeesOnlyThemself) {
    MemberService members(*store_);
    const Actor member = Login("dangvien.thondong");

    const auto list = members.List(member, MemberListQuery{});

    ASSERT_TRUE(list.has_value());
    ASSERT_EQ(list->total, 1);
    EXPECT_EQ(list->items[0].member.id, *member.member);
}

TEST_F(DemoFixture, TransferKeepsHistoryAndAFailedOneWritesNothing) {
    MemberService members(*store_);
    const Actor commune = Login("xa.hoaan");
    const OrganizationId from = FindOrg("Chi bộ Thôn Bắc");
    const OrganizationId to = FindOrg("Chi bộ Thôn Nam");
    MemberListQuery q;
    q.organization = from;
    q.page = {1, 1};
    const MemberId id = members.List(commune, q)->items.at(0).member.id;
    const auto audit_before = AuditCount();

    const auto bad = members.Transfer(commune, id, {FindOrg("Chi bộ Thôn 1"), base::Date::Today(), ""});
    EXPECT_EQ(bad.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(AuditCount(), audit_before);

    const auto moved = members.Transfer(commune, id, {to, base::Date::Today(), "Chuyển nơi cư trú"});
    ASSERT_TRUE(moved.has_value()) << moved.error().message;
    EXPECT_EQ(moved->member.organization, to);
    ASSERT_GE(moved->memberships.size(), 2u);
    EXPECT_EQ(moved->memberships[moved->memberships.size() - 2].membership.end_date, base::Date::Today());
    EXPECT_EQ(moved->memberships.back().organization_name, "Chi bộ Thôn Nam");
    EXPECT_EQ(moved->memberships.back().membership.reason, "Chuyển nơi cư trú");
    EXPECT_EQ(AuditCount(), audit_before + 2);
}

TEST_F(DemoFixture, MergeMovesMembersAndMarksTheCell) {
    OrganizationService orgs(*store_);
    MemberService members(*store_);
    const Actor commune = Login("xa.hoaan");
    const OrganizationId source = FindOrg("Chi bộ Tổ dân phố 2");
    const OrganizationId target = FindOrg("Chi bộ Tổ dân phố 1");
    const int before_target = orgs.Get(commune, target)->counts.on_roll();
    const int before_source = orgs.Get(commune, source)->counts.on_roll();

    const auto merged = orgs.Merge(commune, source, target, base::Date::Today());

    ASSERT_TRUE(merged.has_value()) << merged.error().message;
    EXPECT_EQ(merged->counts.on_roll(), before_target + before_source);
    const auto gone = orgs.Get(commune, source);
    EXPECT_EQ(gone->organization.merged_into, target);
    EXPECT_FALSE(gone->can_write);
    EXPECT_EQ(gone->counts.on_roll(), 0);
    MemberListQuery q;
    q.organization = target;
    q.page = {1, 200};
    int from_merge = 0;
    const auto listed = members.List(commune, q);
    for (const auto& item : listed->items) {
        const auto detail = members.Get(commune, item.member.id);
        if (detail->memberships.back().membership.reason == "Sáp nhập từ Chi bộ Tổ dân phố 2") ++from_merge;
    }
    EXPECT_EQ(from_merge, before_source);
    EXPECT_EQ(orgs.Merge(commune, source, target, base::Date::Today()).error().code, ErrorCode::kConflict);
}

TEST_F(DemoFixture, SecretaryWritesOwnCellOnly) {
    MemberService members(*store_);
    const Actor secretary = Login("bithu.thondong");
    Member m;
    m.full_name = "Phạm Thị Hoa";
    m.sex = Sex::kFemale;
    m.date_of_birth = *base::Date::FromYmd(1990, 4, 2);
    m.status = MemberStatus::kProbationary;
    m.admission_date = base::Date::Today().AddDays(-30);

    m.organization = FindOrg("Chi bộ Thôn Đoài");
    EXPECT_EQ(members.Create(secretary, m).error().code, ErrorCode::kNotFound);
    m.organization = FindOrg("Chi bộ Thôn Đông");
    const auto created = members.Create(secretary, m);
    ASSERT_TRUE(created.has_value()) << created.error().message;
    EXPECT_EQ(created->memberships.size(), 1u);
}

// Files in memory, for use cases that never touch them here.
class MemoryFiles final : public FileStore {
public:
    void Put(const std::string& sha256, std::string_view content) override { files_[sha256] = content; }
    std::optional<std::string> Get(const std::string& sha256) override {
        auto it = files_.find(sha256);
        if (it == files_.end()) return std::nullopt;
        return it->second;
    }
    void Remove(const std::string& sha256) override { files_.erase(sha256); }

private:
    std::map<std::string, std::string> files_;
};

TEST_F(DemoFixture, AttendanceIsFrozenAtTheMeetingAndFinalisedMinutesAreLocked) {
    MemoryFiles files;
    MeetingService meetings(*store_, files);
    MemberService members(*store_);
    const Actor secretary = Login("bithu.thondong");
    const OrganizationId cell = FindOrg("Chi bộ Thôn Đông");
    const int year = base::Date::Today().year();
    auto calendar = meetings.Calendar(secretary, cell, year);
    ASSERT_TRUE(calendar.has_value());
    std::optional<MeetingId> held;
    for (const CalendarEntry& e : *calendar)
        if (e.id && e.meeting.Locked()) held = e.id;
    if (!held) {  // Early January: last year's December holds the history.
        calendar = meetings.Calendar(secretary, cell, year - 1);
        for (const CalendarEntry& e : *calendar)
            if (e.id && e.meeting.Locked()) held = e.id;
    }
    ASSERT_TRUE(held.has_value()) << "the demo holds a year of meetings";
    const auto before = meetings.Get(secretary, *held);
    ASSERT_TRUE(before.has_value());
    const auto present = std::find_if(before->attendance.begin(), before->attendance.end(), [](const auto& a) {
        return a.presence == Presence::kPresent && a.status_at_meeting == MemberStatus::kOfficial;
    });
    ASSERT_NE(present, before->attendance.end());

    auto member = members.Get(secretary, present->member);
    ASSERT_TRUE(member.has_value());
    Member changed = member->member;
    changed.full_name = "Tên Mới Đã Đổi";
    changed.status = MemberStatus::kWorkingAway;
    ASSERT_TRUE(members.Update(secretary, changed.id, changed).has_value());

    const auto after = meetings.Get(secretary, *held);
    const auto same = std::find_if(after->attendance.begin(), after->attendance.end(),
                                   [&](const auto& a) { return a.member == present->member; });
    ASSERT_NE(same, after->attendance.end());
    EXPECT_EQ(same->status_at_meeting, MemberStatus::kOfficial);
    EXPECT_EQ(same->member_name, present->member_name);

    const std::int64_t audit = AuditCount();
    RecordPatch patch;
    patch.conclusion = "Sửa sau khi chốt";
    const auto refused = meetings.SaveRecord(secretary, *held, patch);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    EXPECT_EQ(AuditCount(), audit) << "a refused write leaves no trace";
    EXPECT_FALSE(meetings.Finalise(secretary, *held).has_value());
    const auto amended = meetings.Amend(secretary, *held, "Bổ sung ý kiến", "Ghi sót");
    ASSERT_TRUE(amended.has_value());
    EXPECT_EQ(AuditCount(), audit + 1);

    const Actor outsider = Login("xa.tanlap");
    EXPECT_EQ(meetings.Get(outsider, *held).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(meetings.Amend(outsider, *held, "x", "y").error().code, ErrorCode::kNotFound);
}

// The consistency check of the statistics: a service loaded before a series of writes and kept current
// from the audit log gives, for every organisation and many periods, the figures of one loaded after.
TEST_F(DemoFixture, StatisticsFollowEveryWriteAndEqualARebuild) {
    MemoryFiles files;
    MeetingService meetings(*store_, files);
    MemberService members(*store_);
    ScoreService scores(*store_);
    OrganizationService orgs(*store_);
    StatisticsService followed(*store_);
    ASSERT_TRUE(followed.Rebuild().has_value());
    const Actor secretary = Login("bithu.thondong");
    const Actor commune = Login("xa.hoaan");
    const Actor admin = Login("admin");
    const OrganizationId cell = FindOrg("Chi bộ Thôn Đông");
    const OrganizationId hoa_an = FindOrg("Đảng bộ xã Hòa An");
    const base::Date today = base::Date::Today();
    const MonthRange year{MonthNumber(today.year(), 1), MonthNumber(today.year(), 12)};
    const MonthRange last_year{MonthNumber(today.year() - 1, 1), MonthNumber(today.year() - 1, 12)};
    const auto before = followed.FiguresOf(hoa_an, year, today);

    // Score a held meeting of this year (or last year's in early January): the level counts at once.
    std::optional<MeetingId> held;
    for (int y : {today.year(), today.year() - 1}) {
        const auto calendar = meetings.Calendar(secretary, cell, y);
        ASSERT_TRUE(calendar.has_value());
        for (const CalendarEntry& e : *calendar)
            if (e.id && Held(e.meeting.state)) held = e.id;
        if (held) break;
    }
    ASSERT_TRUE(held.has_value());
    const auto scoring = scores.ForMeeting(secretary, *held);
    ASSERT_TRUE(scoring.has_value()) << scoring.error().message;
    std::map<std::string, int> points = scoring->prefill;
    for (const ScoreBlock& b : scoring->scorecard.card.blocks)
        for (const Criterion& c : b.criteria) points.try_emplace(c.code, c.max_points);
    const auto scored_year = (*meetings.Get(secretary, *held)).meeting.date.year() == today.year() ? year : last_year;
    auto scored = [&] {
        const auto f = followed.FiguresOf(cell, scored_year, today);
        return f.levels[0] + f.levels[1] + f.levels[2] + f.levels[3];
    };
    const int scored_before = scored();
    ASSERT_TRUE(scores.SaveScore(secretary, *held, ScorerRole::kCell, points, "").has_value());
    ASSERT_TRUE(followed.CatchUp().has_value());
    EXPECT_EQ(scored(), scored_before + 1);

    // A new probationary member, a transfer, and a cell moved to another commune.
    Member m;
    m.full_name = "Đỗ Thị Thống Kê";
    m.sex = Sex::kFemale;
    m.date_of_birth = *base::Date::FromYmd(1995, 1, 2);
    m.status = MemberStatus::kProbationary;
    m.admission_date = today.AddDays(-10);
    m.organization = cell;
    ASSERT_TRUE(members.Create(secretary, m).has_value());
    ASSERT_TRUE(followed.CatchUp().has_value());
    EXPECT_EQ(followed.FiguresOf(hoa_an, year, today).members_expected, before.members_expected + 1);
    // Followed from the audit log, it equals a fresh load — for every organisation and many periods.
    auto compare_with_a_rebuild = [&](const char* when) {
        StatisticsService rebuilt(*store_);
        ASSERT_TRUE(rebuilt.Rebuild().has_value());
        EXPECT_EQ(followed.meeting_count(), rebuilt.meeting_count()) << when;
        const auto tree = ReadValue<std::vector<StatOrganization>>(
            *store_, [](Repositories& r) -> base::Result<std::vector<StatOrganization>> { return StatTree(r); });
        ASSERT_GT(tree->size(), 20U);
        std::vector<MonthRange> periods{year, last_year};
        for (int month = 1; month <= 12; ++month)
            periods.push_back({MonthNumber(today.year(), month), MonthNumber(today.year(), month)});
        for (int q = 0; q < 4; ++q)
            periods.push_back({MonthNumber(today.year(), q * 3 + 1), MonthNumber(today.year(), q * 3 + 3)});
        for (const StatOrganization& o : *tree)
            for (const MonthRange& p : periods) {
                const DashboardFigures mine = followed.FiguresOf(o.id, p, today);
                EXPECT_EQ(mine, rebuilt.FiguresOf(o.id, p, today))
                    << when << ": " << o.name << " " << p.first << "–" << p.last;
                // And the SQL baseline reads the same figures from the tables (past placements included).
                const auto sql =
                    ReadValue<DashboardFigures>(*store_, [&](Repositories& r) -> base::Result<DashboardFigures> {
                        return r.statistics().Figures(o.id, p, today);
                    });
                EXPECT_EQ(mine, *sql) << when << " (SQL): " << o.name << " " << p.first << "–" << p.last;
            }
    };
    compare_with_a_rebuild("after a score and a new member");

    // A cell moved to another commune: the tree is placed again, the figures follow.
    const OrganizationId moved = FindOrg("Chi bộ Thôn Nam");
    const OrganizationId tan_lap = FindOrg("Đảng bộ xã Tân Lập");
    const MonthRange previous{MonthOf(today) - 1, MonthOf(today) - 1};
    const auto hoa_an_before = followed.FiguresOf(hoa_an, previous, today);
    const auto tan_lap_before = followed.FiguresOf(tan_lap, previous, today);
    const auto cell_before = followed.FiguresOf(moved, previous, today);
    ASSERT_GT(cell_before.meetings_held, 0);
    ASSERT_TRUE(orgs.Move(admin, moved, tan_lap).has_value());
    ASSERT_TRUE(followed.CatchUp().has_value());
    EXPECT_LT(followed.FiguresOf(hoa_an, year, today).cells, before.cells);
    // Last month is over and stays as it was: the cell and its meetings are still Hòa An's, not Tân Lập's.
    // Only what counts where things are now moves: members expected, and members flagged this year
    // (counted where their cell is at the end of the year).
    auto past_only = [](DashboardFigures f) {
        f.members_expected = 0;
        f.members_flagged = 0;
        return f;
    };
    EXPECT_EQ(past_only(followed.FiguresOf(hoa_an, previous, today)), past_only(hoa_an_before));
    EXPECT_EQ(past_only(followed.FiguresOf(tan_lap, previous, today)), past_only(tan_lap_before));
    EXPECT_EQ(followed.FiguresOf(moved, previous, today), cell_before);
    compare_with_a_rebuild("after a move");
}

// Two AuthServices on one store are two nodes: each keeps the sessions it has looked up, and every
// change made anywhere (a logout on the other node, a role, the store written directly) is seen on the
// next request.
TEST_F(DemoFixture, CachedSessionsFollowEveryChangeMadeAnywhere) {
    std::int64_t now = base::NowUnixSeconds();
    auto clock = [&] { return now; };
    AuthService node_a(*store_, clock);
    AuthService node_b(*store_, clock);
    UserService users(*store_);
    const Actor admin = Login("admin");
    NewUser input{"cache.test", "mat-khau-2026",  "Kiểm tra phiên",
                  std::nullopt, Role::kCommittee, FindOrg("Chi bộ Thôn Bắc")};
    const auto created = users.Create(admin, input);
    ASSERT_TRUE(created.has_value()) << created.error().message;

    const auto login = node_a.Login("cache.test", "mat-khau-2026", "127.0.0.1");
    ASSERT_TRUE(login.has_value()) << login.error().message;
    ASSERT_TRUE(node_b.Authenticate(login->session_token).has_value());
    EXPECT_EQ(node_b.cache().size(), 1u);
    const auto again = node_b.Authenticate(login->session_token);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->user.roles.size(), 1u);
    EXPECT_EQ(again->csrf_token, login->csrf_token);

    // A role granted through the other node shows at once.
    ASSERT_TRUE(users.AddRole(admin, created->id, Role::kSecretary, FindOrg("Chi bộ Thôn Nam")).has_value());
    EXPECT_EQ(node_b.Authenticate(login->session_token)->user.roles.size(), 2u);

    // A session deleted straight in the store (as the command line would) ends at once.
    const auto second = node_a.Login("cache.test", "mat-khau-2026", "127.0.0.1");
    const std::string second_hash = node_b.Authenticate(second->session_token)->token_hash;
    ASSERT_TRUE(store_
                    ->Write([&](Repositories& r) -> base::Result<void> {
                        r.users().DeleteSession(second_hash);
                        return {};
                    })
                    .has_value());
    EXPECT_EQ(node_b.Authenticate(second->session_token).error().code, ErrorCode::kUnauthenticated);

    // A logout on one node ends the session on the other.
    const auto before_logout = node_a.Authenticate(login->session_token);
    ASSERT_TRUE(node_b.Authenticate(login->session_token).has_value());
    ASSERT_TRUE(node_a.Logout(*before_logout).has_value());
    EXPECT_EQ(node_b.Authenticate(login->session_token).error().code, ErrorCode::kUnauthenticated);

    // A cached session still expires on time.
    const auto third = node_a.Login("cache.test", "mat-khau-2026", "127.0.0.1");
    ASSERT_TRUE(node_b.Authenticate(third->session_token).has_value());
    now += AuthService::kSessionSeconds;
    EXPECT_EQ(node_b.Authenticate(third->session_token).error().code, ErrorCode::kUnauthenticated);
}

TEST(SessionCacheTest, KeepsOnlyTheNewestVersion) {
    SessionCache cache;
    Authenticated a;
    a.csrf_token = "a";
    cache.Put("t1", 5, 100, a);
    EXPECT_TRUE(cache.Find("t1", 5, 99).has_value());
    EXPECT_FALSE(cache.Find("t1", 5, 100).has_value());  // Expired.
    EXPECT_FALSE(cache.Find("t1", 6, 99).has_value());   // The store changed since.
    cache.Put("t2", 4, 100, a);                          // An older lookup is not kept…
    EXPECT_FALSE(cache.Find("t2", 4, 99).has_value());
    EXPECT_EQ(cache.size(), 1u);
    cache.Put("t2", 6, 100, a);  // …and a newer one drops what was checked before it.
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_FALSE(cache.Find("t1", 6, 99).has_value());
    EXPECT_EQ(cache.Find("t2", 6, 99)->csrf_token, "a");
}

TEST(LoginThrottleTest, BlocksAfterFiveFailuresUntilTheWindowPasses) {
    std::int64_t now = 1000;
    LoginThrottle throttle(5, 900, [&] { return now; });

    for (int i = 0; i < 4; ++i) throttle.RecordFailure("admin");
    EXPECT_EQ(throttle.RetryAfter("admin"), 0);
    throttle.RecordFailure("admin");
    EXPECT_EQ(throttle.RetryAfter("admin"), 900);
    EXPECT_EQ(throttle.RetryAfter("other"), 0);
    now += 899;
    EXPECT_EQ(throttle.RetryAfter("admin"), 1);
    now += 1;
    EXPECT_EQ(throttle.RetryAfter("admin"), 0);
}

}  // namespace
}  // namespace chibo::app
