#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/store.hpp"
#include "domain/user_repository.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

TEST_P(StoreContract, UsersCarryTheirRolesAndSessions) {
    const Tree t = MakeTree(store());
    User saved;
    Write(store(), [&](Repositories& r) {
        User u;
        u.username = "xa.hoaan";
        u.display_name = "Văn phòng Đảng ủy xã Hòa An";
        u.password_hash = "$argon2id$fake";
        saved = r.users().Insert(u);
        r.users().AddRole(saved.id, Role::kCommittee, t.commune.id);
        r.users().InsertSession({"hash1", saved.id, "csrf1", 100, 200});
    });

    Read(store(), [&](Repositories& r) {
        const auto got = r.users().FindByUsername("xa.hoaan");
        ASSERT_TRUE(got.has_value());
        ASSERT_EQ(got->roles.size(), 1u);
        EXPECT_EQ(got->roles[0].role, Role::kCommittee);
        EXPECT_EQ(got->roles[0].organization_path, t.commune.path);
        EXPECT_EQ(got->roles[0].organization_name, "Đảng bộ xã Hòa An");
        EXPECT_EQ(r.users().ListInSubtree(t.province.path, 0, 10).total, 1);
        EXPECT_EQ(r.users().ListInSubtree(t.other_commune.path, 0, 10).total, 0);
        EXPECT_EQ(r.users().FindSession("hash1")->csrf_token, "csrf1");
    });
    Write(store(), [&](Repositories& r) {
        r.users().DeleteExpiredSessions(300);
        r.users().RemoveRole(saved.roles.empty() ? r.users().Get(saved.id)->roles.at(0).id : saved.roles[0].id);
    });
    Read(store(), [&](Repositories& r) {
        EXPECT_FALSE(r.users().FindSession("hash1").has_value());
        EXPECT_TRUE(r.users().Get(saved.id)->roles.empty());
    });
}

TEST_P(StoreContract, CalendarFeedsAreFoundByTokenHash) {
    UserId user;
    Write(store(), [&](Repositories& r) {
        user = r.users().Insert(Account("dangvien", "Đảng viên")).id;
        EXPECT_FALSE(r.users().CalendarFeedCreatedAt(user).has_value());
        r.users().SaveCalendarFeed(user, "hash-1", 100);
        r.users().SaveCalendarFeed(user, "hash-2", 200);
    });
    Read(store(), [&](Repositories& r) {
        EXPECT_EQ(r.users().CalendarFeedCreatedAt(user), 200);
        EXPECT_FALSE(r.users().FindCalendarFeed("hash-1").has_value());
        EXPECT_EQ(r.users().FindCalendarFeed("hash-2"), user);
    });
}

}  // namespace
}  // namespace chibo::tests
