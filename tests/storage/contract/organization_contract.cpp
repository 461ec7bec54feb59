#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/organization_repository.hpp"
#include "domain/store.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

TEST_P(StoreContract, InsertSetsIdAndMaterializedPath) {
    const Tree t = MakeTree(store());

    EXPECT_TRUE(t.province.id.valid());
    EXPECT_EQ(t.province.path, "/" + std::to_string(t.province.id.value) + "/");
    EXPECT_EQ(t.cell_a.path, t.commune.path + std::to_string(t.cell_a.id.value) + "/");
    Read(store(), [&](Repositories& r) {
        const auto got = r.organizations().Get(t.cell_a.id);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->name, "Chi bộ Thôn Bắc");
        EXPECT_EQ(got->parent, t.commune.id);
        EXPECT_EQ(got->path, t.cell_a.path);
        EXPECT_FALSE(r.organizations().Get(OrganizationId(9999)).has_value());
    });
}

TEST_P(StoreContract, ChildrenAreInVietnameseOrderAndSkipDissolved) {
    const Tree t = MakeTree(store());
    Write(store(), [&](Repositories& r) {
        r.organizations().Insert(Org(t.commune.id, "Chi bộ Thôn Ánh Dương", OrganizationKind::kSubordinateCell));
        auto dissolved = r.organizations().Insert(Org(t.commune.id, "Chi bộ Cũ", OrganizationKind::kSubordinateCell));
        dissolved.valid_to = D(2024, 1, 1);
        r.organizations().Update(dissolved);
    });

    Read(store(), [&](Repositories& r) {
        std::vector<std::string> names;
        for (const auto& o : r.organizations().Children(t.commune.id, domain::Dissolved::kExclude))
            names.push_back(o.name);
        EXPECT_EQ(names, (std::vector<std::string>{"Chi bộ Thôn Ánh Dương", "Chi bộ Thôn Bắc", "Chi bộ Thôn Đông"}));
        EXPECT_EQ(r.organizations().Children(t.commune.id, domain::Dissolved::kInclude).size(), 4u);
        EXPECT_TRUE(r.organizations().HasChildren(t.commune.id, domain::Dissolved::kExclude));
        EXPECT_FALSE(r.organizations().HasChildren(t.cell_a.id, domain::Dissolved::kInclude));
    });
}

TEST_P(StoreContract, MoveRewritesTheWholeSubtree) {
    const Tree t = MakeTree(store());
    OrganizationId group;
    Write(store(), [&](Repositories& r) {
        group = r.organizations().Insert(Org(t.cell_a.id, "Tổ đảng số 1", OrganizationKind::kPartyGroup)).id;
        r.organizations().Move(t.cell_a.id, t.other_commune.id, D(2026, 3, 15));
    });

    Read(store(), [&](Repositories& r) {
        const auto cell = r.organizations().Get(t.cell_a.id);
        const auto g = r.organizations().Get(group);
        EXPECT_EQ(cell->parent, t.other_commune.id);
        EXPECT_EQ(cell->path, t.other_commune.path + std::to_string(t.cell_a.id.value) + "/");
        EXPECT_EQ(g->path, cell->path + std::to_string(group.value) + "/");
        EXPECT_EQ(r.organizations().Subtree(t.commune.path, domain::Dissolved::kExclude).size(), 2u);
        EXPECT_EQ(r.organizations().Subtree(t.other_commune.path, domain::Dissolved::kExclude).size(), 3u);
    });

    // Where the subtree was is kept, a placement each; a second move starts where the first ended.
    Write(store(), [&](Repositories& r) { r.organizations().Move(t.cell_a.id, t.commune.id, D(2026, 9, 1)); });
    Read(store(), [&](Repositories& r) {
        const auto past = r.organizations().PastPlacements();
        ASSERT_EQ(past.size(), 4u);
        const std::string first = t.commune.path + std::to_string(t.cell_a.id.value) + "/";
        const std::string second = t.other_commune.path + std::to_string(t.cell_a.id.value) + "/";
        const bool cell_first = past[0].organization == t.cell_a.id;
        const auto& c1 = past[cell_first ? 0 : 2];
        const auto& c2 = past[cell_first ? 1 : 3];
        const auto& g1 = past[cell_first ? 2 : 0];
        EXPECT_EQ(c1.organization, t.cell_a.id);
        EXPECT_EQ(c1.parent, t.commune.id);
        EXPECT_EQ(c1.path, first);
        EXPECT_FALSE(c1.since.has_value());
        EXPECT_EQ(c1.until, D(2026, 3, 15));
        EXPECT_EQ(c2.parent, t.other_commune.id);
        EXPECT_EQ(c2.path, second);
        EXPECT_EQ(c2.since, D(2026, 3, 15));
        EXPECT_EQ(c2.until, D(2026, 9, 1));
        EXPECT_EQ(g1.organization, group);
        EXPECT_EQ(g1.parent, t.cell_a.id);
        EXPECT_EQ(g1.path, first + std::to_string(group.value) + "/");
        EXPECT_EQ(r.organizations().Get(t.cell_a.id)->path, first);
    });
}

}  // namespace
}  // namespace chibo::tests
