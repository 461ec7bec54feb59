#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "domain/organization_repository.hpp"
#include "domain/store.hpp"
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

std::unique_ptr<domain::Store> CreateSqlite() {
    auto store = storage::sqlite::SqliteStore::Open(FreshPath());
    if (!store) throw std::runtime_error(store.error().message);
    return std::move(*store);
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

TEST(SqliteStoreTest, OpeningAnUnwritablePathIsUnavailable) {
    auto store = storage::sqlite::SqliteStore::Open("/nonexistent-dir/x/chibo.db");

    ASSERT_FALSE(store.has_value());
    EXPECT_EQ(store.error().code, base::ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace chibo::tests
