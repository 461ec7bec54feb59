#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/audit_repository.hpp"
#include "domain/store.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

TEST_P(StoreContract, AuditIsScopedToTheSubtreeAndNewestFirst) {
    const Tree t = MakeTree(store());
    Write(store(), [&](Repositories& r) {
        for (const auto& [org, action] :
             std::vector<std::pair<OrganizationId, std::string>>{{t.cell_a.id, "member.create"},
                                                                 {t.other_commune.id, "member.update"},
                                                                 {t.cell_b.id, "member.update"}}) {
            AuditEntry e;
            e.at = "2026-12-06T03:00:00Z";
            e.username = "admin";
            e.action = action;
            e.entity = "member";
            e.entity_id = 7;
            e.organization = org;
            e.before = Snapshot{{"full_name", "Cũ"}};
            e.after = Snapshot{{"full_name", "Mới"}};
            r.audit().Append(e);
        }
    });

    Read(store(), [&](Repositories& r) {
        AuditQuery q;
        q.subtree_path = t.commune.path;
        const auto page = r.audit().List(q);
        ASSERT_EQ(page.total, 2);
        EXPECT_EQ(page.items[0].organization, t.cell_b.id);
        ASSERT_TRUE(page.items[0].after.has_value());
        EXPECT_EQ(page.items[0].after->at(0).second, "Mới");
        q.subtree_path = t.province.path;
        EXPECT_EQ(r.audit().List(q).total, 3);
    });
}

}  // namespace
}  // namespace chibo::tests
