#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/member_repository.hpp"
#include "domain/position_repository.hpp"
#include "domain/store.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

TEST_P(StoreContract, PositionsAreOrderedAndEnd) {
    const Tree t = MakeTree(store());
    PositionId committee_id;
    Write(store(), [&](Repositories& r) {
        const auto a = r.members().Insert(Mem(t.cell_a.id, "Nguyễn Văn An"));
        const auto b = r.members().Insert(Mem(t.cell_a.id, "Trần Thị Bình"));
        committee_id = r.positions()
                           .Insert({PositionId(), t.cell_a.id, b.id, "", PositionKind::kCommitteeMember, D(2025, 7, 1),
                                    std::nullopt})
                           .id;
        r.positions().Insert(
            {PositionId(), t.cell_a.id, a.id, "", PositionKind::kSecretary, D(2025, 7, 1), std::nullopt});
    });

    Read(store(), [&](Repositories& r) {
        const auto active = r.positions().ForOrganization(t.cell_a.id, D(2026, 1, 1));
        ASSERT_EQ(active.size(), 2u);
        EXPECT_EQ(active[0].kind, PositionKind::kSecretary);
        EXPECT_EQ(active[0].member_name, "Nguyễn Văn An");
    });
    Write(store(), [&](Repositories& r) { r.positions().SetTermEnd(committee_id, D(2025, 8, 1)); });
    Read(store(), [&](Repositories& r) {
        EXPECT_EQ(r.positions().ForOrganization(t.cell_a.id, D(2026, 1, 1)).size(), 1u);
        EXPECT_EQ(r.positions().ForOrganization(t.cell_a.id, D(2025, 8, 1)).size(), 2u);  // Ends that day.
        EXPECT_EQ(r.positions().ForOrganization(t.cell_a.id, D(2025, 8, 2)).size(), 1u);
        EXPECT_EQ(r.positions().ForOrganization(t.cell_a.id, std::nullopt).size(), 2u);
        EXPECT_EQ(r.positions().Get(committee_id)->term_end, D(2025, 8, 1));
    });
}

}  // namespace
}  // namespace chibo::tests
