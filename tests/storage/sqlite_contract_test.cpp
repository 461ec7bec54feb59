#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "domain/meeting_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/store.hpp"
#include "storage/sql/sql.hpp"
#include "storage/sqlite/schema.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

std::string FreshPath() {
    static std::atomic<int> n{0};
    const auto dir = std::filesystem::temp_directory_path() / ("chibo-contract-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / ("store-" + std::to_string(n++) + ".db");
    std::filesystem::remove(path);
    return path.string();
}

EngineStore CreateSqlite() {
    const std::string path = FreshPath();
    auto store = storage::sqlite::SqliteStore::Open(path);
    if (!store) throw std::runtime_error(store.error().message);
    return {std::move(*store),
            [path](const std::string& sql) { storage::sql::Exec(*storage::sqlite::OpenSession(path), sql); },
            [path](const std::string& sql) {
                const auto row = storage::sql::QueryOne(*storage::sqlite::OpenSession(path), sql);
                return row ? row->Text(0) : std::string();
            }};
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract, ::testing::Values(StoreFactory{"sqlite", CreateSqlite}),
                         [](const auto& info) { return info.param.name; });

TEST(SqliteStoreTest, ReopeningKeepsDataAndAppliesNoMigrationTwice) {
    const std::string path = FreshPath();
    {
        auto store = storage::sqlite::SqliteStore::Open(path);
        ASSERT_TRUE(store.has_value());
        ASSERT_TRUE((*store)->Write([](domain::Repositories& r) -> base::Result<void> {
            domain::Organization o;
            o.name = "Đảng bộ tỉnh Thanh Lam";
            o.kind = domain::OrganizationKind::kProvince;
            r.organizations().Insert(o);
            return {};
        }));
    }

    auto reopened = storage::sqlite::SqliteStore::Open(path);

    ASSERT_TRUE(reopened.has_value());
    EXPECT_EQ((*reopened)->schema_version(), storage::sqlite::Migrations().back().version);
    auto name = domain::ReadValue<std::string>(**reopened, [](domain::Repositories& r) -> base::Result<std::string> {
        return r.organizations().Get(domain::OrganizationId(1))->name;
    });
    EXPECT_EQ(*name, "Đảng bộ tỉnh Thanh Lam");
}

// The schema version that keeps a scoring's computed points and override reasons.
constexpr int kComputedPointsVersion = 11;

// A database from before that version, with a scoring, gains its columns when opened: the scoring reads
// with no computed points and no reasons.
TEST(SqliteStoreTest, ADatabaseBeforeComputedPointsUpgrades) {
    const std::string path = FreshPath();
    domain::MeetingId meeting;
    {
        auto store = storage::sqlite::SqliteStore::Open(path);
        ASSERT_TRUE(store.has_value());
        ASSERT_TRUE((*store)->Write([&](domain::Repositories& r) -> base::Result<void> {
            domain::Organization o;
            o.name = "Chi bộ Thôn Đông";
            o.kind = domain::OrganizationKind::kGrassrootsCell;
            domain::Meeting m;
            m.organization = r.organizations().Insert(o).id;
            m.year = 2026;
            m.month = 3;
            m.date = *base::Date::FromYmd(2026, 3, 3);
            meeting = r.meetings().Insert(m).id;
            domain::MeetingScore score;
            score.meeting = meeting;
            score.points = {{"attendance", 5}};
            score.computed = {{"attendance", 1}};
            score.override_reasons = {{"attendance", "Lý do"}};
            score.total = 5;
            r.scores().InsertScore(score);
            return {};
        }));
    }
    {
        auto s = storage::sqlite::OpenSession(path);
        storage::sql::Exec(*s, "ALTER TABLE meeting_scores DROP COLUMN computed_points");
        storage::sql::Exec(*s, "ALTER TABLE meeting_scores DROP COLUMN override_reasons");
        // The runner applies every version not recorded, also below the newest.
        storage::sql::Exec(*s,
                           "DELETE FROM schema_migrations WHERE version = " + std::to_string(kComputedPointsVersion));
    }

    auto upgraded = storage::sqlite::SqliteStore::Open(path);

    ASSERT_TRUE(upgraded.has_value());
    EXPECT_EQ((*upgraded)->schema_version(), storage::sqlite::Migrations().back().version);
    auto scores = domain::ReadValue<std::vector<domain::MeetingScore>>(
        **upgraded, [&](domain::Repositories& r) -> base::Result<std::vector<domain::MeetingScore>> {
            return r.scores().Scores(meeting);
        });
    ASSERT_EQ(scores->size(), 1U);
    EXPECT_EQ(scores->front().points.at("attendance"), 5);
    EXPECT_TRUE(scores->front().computed.empty());
    EXPECT_TRUE(scores->front().override_reasons.empty());
}

// PostgreSQL's DATE columns hold only dates; SQLite's text may hold anything, and a row whose date is
// not one fails the read instead of reading as no date.
TEST(SqliteStoreTest, AMalformedDateFailsTheRead) {
    const std::string path = FreshPath();
    auto store = storage::sqlite::SqliteStore::Open(path);
    ASSERT_TRUE(store.has_value());
    ASSERT_TRUE((*store)->Write([](domain::Repositories& r) -> base::Result<void> {
        domain::Organization o;
        o.name = "Đảng bộ tỉnh Thanh Lam";
        o.kind = domain::OrganizationKind::kProvince;
        o.valid_from = *base::Date::FromYmd(2020, 1, 1);
        r.organizations().Insert(o);
        return {};
    }));
    storage::sql::Exec(*storage::sqlite::OpenSession(path), "UPDATE organizations SET valid_to = 'corrupt'");

    auto read = [&] {
        return (*store)->Read([](domain::Repositories& r) -> base::Result<void> {
            r.organizations().Get(domain::OrganizationId(1));
            return {};
        });
    };

    EXPECT_THROW(read(), std::runtime_error);
}

TEST(SqliteStoreTest, OpeningAnUnwritablePathIsUnavailable) {
    auto store = storage::sqlite::SqliteStore::Open("/nonexistent-dir/x/chibo.db");

    ASSERT_FALSE(store.has_value());
    EXPECT_EQ(store.error().code, base::ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace chibo::tests
