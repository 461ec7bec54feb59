// The dashboards' engine follows the audit log over the demo province.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/auth_service.hpp"
#include "app/demo_fixture_test.hpp"
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

namespace chibo::app {
namespace {

using namespace chibo::domain;
using base::ErrorCode;

// The consistency check of the statistics: a service loaded before a series of writes and kept current
// from the audit log gives, for every organisation and many periods, the figures of one loaded after.
TEST_F(DemoFixture, StatisticsFollowEveryWriteAndEqualARebuild) {
    MemoryFiles files;
    MeetingService meetings(*store_, files, clock_);
    MemberService members(*store_, clock_);
    ScoreService scores(*store_, clock_);
    OrganizationService orgs(*store_, clock_);
    StatisticsService followed(*store_, clock_);
    ASSERT_TRUE(followed.Rebuild().has_value());
    const Actor secretary = Login("bithu.thondong");
    const Actor commune = Login("xa.hoaan");
    const Actor admin = Login("admin");
    const OrganizationId cell = FindOrg("Chi bộ Thôn Đông");
    const OrganizationId hoa_an = FindOrg("Đảng bộ xã Hòa An");
    const base::Date today = clock_.Today();
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
    ASSERT_TRUE(scores.SaveScore(secretary, *held, ScorerRole::kCell, {points, {}}, "").has_value());
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
        StatisticsService rebuilt(*store_, clock_);
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
    // (The demo skips a month now and then: the first of these villages that met last month.)
    const MonthRange previous{MonthOf(today) - 1, MonthOf(today) - 1};
    OrganizationId moved;
    for (const char* name : {"Chi bộ Thôn Nam", "Chi bộ Thôn Bắc", "Chi bộ Thôn Trung", "Chi bộ Thôn Đồng Tâm"}) {
        moved = FindOrg(name);
        if (followed.FiguresOf(moved, previous, today).meetings_held > 0) break;
    }
    const OrganizationId tan_lap = FindOrg("Đảng bộ xã Tân Lập");
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
        f.members_away = 0;
        f.members_away_without_letter = 0;
        f.members_flagged = 0;
        return f;
    };
    EXPECT_EQ(past_only(followed.FiguresOf(hoa_an, previous, today)), past_only(hoa_an_before));
    EXPECT_EQ(past_only(followed.FiguresOf(tan_lap, previous, today)), past_only(tan_lap_before));
    EXPECT_EQ(followed.FiguresOf(moved, previous, today), cell_before);
    compare_with_a_rebuild("after a move");
}

}  // namespace
}  // namespace chibo::app
