#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/access.hpp"
#include "domain/member.hpp"
#include "domain/organization.hpp"
#include "domain/store.hpp"

// The storage contract: one suite, split by aggregate (tests/storage/contract/*_contract.cpp), that
// every engine instantiates with
//   INSTANTIATE_TEST_SUITE_P(Engine, StoreContract, ::testing::Values(StoreFactory{...}),
//                            [](const auto& info) { return info.param.name; });
namespace chibo::tests {

// An empty, migrated store, and its database reached below the repositories.
struct EngineStore {
    std::unique_ptr<domain::Store> store;
    // Runs one statement outside the store's transactions: to plant what no repository writes.
    std::function<void(const std::string& sql)> execute;
    // The first column of the first row a query returns, as text ("" when there is none).
    std::function<std::string(const std::string& sql)> query_text;
};

// How an engine's test creates its store; each call must give a fresh database.
struct StoreFactory {
    std::string name;
    std::function<EngineStore()> create;
};

class StoreContract : public ::testing::TestWithParam<StoreFactory> {
protected:
    void SetUp() override { engine_ = GetParam().create(); }
    domain::Store& store() { return *engine_.store; }
    void ExecuteSql(const std::string& sql) { engine_.execute(sql); }
    std::string QueryText(const std::string& sql) { return engine_.query_text(sql); }

private:
    EngineStore engine_;
};

// The helpers the contract files share (store_contract.cpp).

base::Date D(int y, int m, int d);
domain::Organization Org(std::optional<domain::OrganizationId> parent, std::string name, domain::OrganizationKind kind);
domain::Member Mem(domain::OrganizationId cell, std::string name,
                   domain::MemberStatus status = domain::MemberStatus::kOfficial);
domain::User Account(std::string username, std::string display_name);
std::vector<std::string> Names(const std::vector<domain::Member>& members);

// Runs `work` in a write transaction and fails the test when it does not commit.
template <typename F>
void Write(domain::Store& store, F&& work) {
    auto result = store.Write([&](domain::Repositories& r) -> base::Result<void> {
        work(r);
        return {};
    });
    ASSERT_TRUE(result.has_value()) << result.error().message;
}

template <typename F>
void Read(domain::Store& store, F&& work) {
    auto result = store.Read([&](domain::Repositories& r) -> base::Result<void> {
        work(r);
        return {};
    });
    ASSERT_TRUE(result.has_value()) << result.error().message;
}

// A province with one commune and two cells.
struct Tree {
    domain::Organization province, commune, cell_a, cell_b, other_commune;
};

Tree MakeTree(domain::Store& store);

}  // namespace chibo::tests
