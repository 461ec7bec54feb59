#pragma once

// The demo province in a real SQLite file, loaded once per test binary, for the use-case tests
// (app/*_service_test.cpp). "Today" is a FixedClock the tests may move.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "app/auth_service.hpp"
#include "app/demo.hpp"
#include "base/clock.hpp"
#include "domain/audit_repository.hpp"
#include "domain/file_store.hpp"
#include "domain/organization_repository.hpp"
#include "domain/store.hpp"
#include "domain/user_repository.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace chibo::app {

// Uploaded files in memory.
class MemoryFiles final : public domain::FileStore {
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

class DemoFixture : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        path_ = (std::filesystem::temp_directory_path() / ("chibo-app-test-" + std::to_string(::getpid()) + ".db"))
                    .string();
        std::filesystem::remove(path_);
        auto store = storage::sqlite::SqliteStore::Open(path_);
        ASSERT_TRUE(store.has_value());
        store_ = store->release();
        auto summary = LoadDemo(*store_, clock_);
        ASSERT_TRUE(summary.has_value()) << summary.error().message;
    }
    static void TearDownTestSuite() {
        delete store_;
        std::filesystem::remove(path_);
    }

    domain::Actor Login(const std::string& username) {
        auto user = domain::ReadValue<domain::User>(
            *store_,
            [&](domain::Repositories& r) -> base::Result<domain::User> { return *r.users().FindByUsername(username); });
        return ActorOf(*user);
    }

    domain::OrganizationId FindOrg(const std::string& name) {
        auto id = domain::ReadValue<domain::OrganizationId>(
            *store_, [&](domain::Repositories& r) -> base::Result<domain::OrganizationId> {
                for (const auto& o : r.organizations().Subtree("/1/", domain::Dissolved::kInclude))
                    if (o.name == name) return o.id;
                return base::MakeError(base::ErrorCode::kNotFound, name);
            });
        EXPECT_TRUE(id.has_value()) << name;
        return *id;
    }

    std::int64_t AuditCount() {
        return *domain::ReadValue<std::int64_t>(*store_, [](domain::Repositories& r) -> base::Result<std::int64_t> {
            domain::AuditQuery q;
            q.subtree_path = "/1/";
            q.include_unscoped = true;
            return r.audit().List(q).total;
        });
    }

    static inline std::string path_;
    static inline domain::Store* store_ = nullptr;
    // The tests' "today": now when the binary starts (the demo's history ends last month), moved by the
    // tests that need time to pass.
    static inline base::FixedClock clock_{base::SystemClock().NowUnixSeconds()};
};

}  // namespace chibo::app
