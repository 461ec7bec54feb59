// The storage contract on PostgreSQL: a fresh database per test in the throwaway cluster whose
// admin URL is CHIBO_TEST_PG_URL (scripts/test.sh starts it).
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "domain/meeting_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/store.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/postgres/schema.hpp"
#include "storage/sql/sql.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

std::string AdminUrl() {
    const char* url = std::getenv("CHIBO_TEST_PG_URL");
    if (!url || !*url) throw std::runtime_error("CHIBO_TEST_PG_URL is not set: run this suite through make test");
    return url;
}

// Creates an empty database and returns its URL.
std::string FreshDatabase() {
    static std::atomic<int> n{0};
    const std::string admin = AdminUrl();
    const std::string name = "chibo_contract_" + std::to_string(::getpid()) + "_" + std::to_string(n++);
    soci::session s(*soci::factory_postgresql(), *storage::postgres::ToKeywordConnectionString(admin));
    storage::sql::Exec(s, "CREATE DATABASE " + name);
    return admin.substr(0, admin.rfind('/') + 1) + name;
}

EngineStore CreatePostgres() {
    const std::string url = FreshDatabase();
    auto store = storage::postgres::PostgresStore::Open(url);
    if (!store) throw std::runtime_error(store.error().message);
    return {std::move(*store),
            [url](const std::string& sql) { storage::sql::Exec(*storage::postgres::OpenSession(url), sql); },
            [url](const std::string& sql) {
                const auto row = storage::sql::QueryOne(*storage::postgres::OpenSession(url), sql);
                return row ? row->Text(0) : std::string();
            }};
}

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract, ::testing::Values(StoreFactory{"postgres", CreatePostgres}),
                         [](const auto& info) { return info.param.name; });

TEST(PostgresUrlTest, BecomesAKeywordConnectionString) {
    EXPECT_EQ(*storage::postgres::ToKeywordConnectionString("postgresql://chibo@db.local:5433/chibo"),
              "host='db.local' port='5433' user='chibo' dbname='chibo'");
    EXPECT_EQ(*storage::postgres::ToKeywordConnectionString("postgres://u:p'w@h/d?sslmode=require"),
              "host='h' user='u' password='p\\'w' dbname='d' sslmode='require'");
    EXPECT_FALSE(storage::postgres::ToKeywordConnectionString("/var/lib/chibo.db").has_value());
}

TEST(PostgresStoreTest, ConcurrentOpensMigrateOnce) {
    const std::string url = FreshDatabase();
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&] {
            if (storage::postgres::PostgresStore::Open(url, 1)) ++ok;
        });
    }
    for (auto& t : threads) t.join();

    EXPECT_EQ(ok, 4);
    soci::session s(*soci::factory_postgresql(), *storage::postgres::ToKeywordConnectionString(url));
    EXPECT_EQ(storage::sql::QueryOne(s, "SELECT COUNT(*) FROM schema_migrations")->Int(0),
              static_cast<std::int64_t>(storage::postgres::Migrations().size()));
}

// The schema version that keeps a scoring's computed points and override reasons.
constexpr int kComputedPointsVersion = 11;

// A database from before that version, with a scoring, gains its columns when opened: the scoring reads
// with no computed points and no reasons.
TEST(PostgresStoreTest, ADatabaseBeforeComputedPointsUpgrades) {
    const std::string url = FreshDatabase();
    domain::MeetingId meeting;
    {
        auto store = storage::postgres::PostgresStore::Open(url, 1);
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
        soci::session s(*soci::factory_postgresql(), *storage::postgres::ToKeywordConnectionString(url));
        storage::sql::Exec(s, "ALTER TABLE meeting_scores DROP COLUMN computed_points");
        storage::sql::Exec(s, "ALTER TABLE meeting_scores DROP COLUMN override_reasons");
        // The runner applies every version not recorded, also below the newest.
        storage::sql::Exec(s,
                           "DELETE FROM schema_migrations WHERE version = " + std::to_string(kComputedPointsVersion));
    }

    auto upgraded = storage::postgres::PostgresStore::Open(url, 1);

    ASSERT_TRUE(upgraded.has_value());
    auto scores = domain::ReadValue<std::vector<domain::MeetingScore>>(
        **upgraded, [&](domain::Repositories& r) -> base::Result<std::vector<domain::MeetingScore>> {
            return r.scores().Scores(meeting);
        });
    ASSERT_EQ(scores->size(), 1U);
    EXPECT_EQ(scores->front().points.at("attendance"), 5);
    EXPECT_TRUE(scores->front().computed.empty());
    EXPECT_TRUE(scores->front().override_reasons.empty());
    soci::session s(*soci::factory_postgresql(), *storage::postgres::ToKeywordConnectionString(url));
    EXPECT_EQ(storage::sql::QueryOne(s, "SELECT MAX(version) FROM schema_migrations")->Int(0),
              storage::postgres::Migrations().back().version);
}

TEST(PostgresStoreTest, AnUnreachableServerIsUnavailable) {
    auto store = storage::postgres::PostgresStore::Open("postgresql://postgres@127.0.0.1:1/none", 1);

    ASSERT_FALSE(store.has_value());
    EXPECT_EQ(store.error().code, base::ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace chibo::tests
