#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "domain/store.hpp"

namespace chibo::tests {

// How an engine's test creates an empty, migrated store; each call must give a fresh database.
struct StoreFactory {
    std::string name;
    std::function<std::unique_ptr<domain::Store>()> create;
};

// The storage contract: every engine instantiates it with
//   INSTANTIATE_TEST_SUITE_P(Engine, StoreContract, ::testing::Values(StoreFactory{...}),
//                            [](const auto& info) { return info.param.name; });
class StoreContract : public ::testing::TestWithParam<StoreFactory> {
protected:
    void SetUp() override { store_ = GetParam().create(); }
    domain::Store& store() { return *store_; }

private:
    std::unique_ptr<domain::Store> store_;
};

}  // namespace chibo::tests
