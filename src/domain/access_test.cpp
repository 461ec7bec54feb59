#include "domain/access.hpp"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

Actor With(Role role, std::string path, std::optional<MemberId> member = std::nullopt) {
    Actor a;
    a.member = member;
    RoleGrant g;
    g.role = role;
    g.organization_path = std::move(path);
    a.roles.push_back(g);
    return a;
}

TEST(ActorTest, CommitteeReadsAndWritesItsSubtreeOnly) {
    const Actor commune = With(Role::kCommittee, "/1/2/");

    EXPECT_TRUE(commune.CanWrite("/1/2/"));
    EXPECT_TRUE(commune.CanWrite("/1/2/7/"));
    EXPECT_FALSE(commune.CanWrite("/1/3/7/"));
    EXPECT_FALSE(commune.CanSeeOrganization("/1/"));
    EXPECT_FALSE(commune.CanWrite("/1/20/"));
    EXPECT_FALSE(commune.IsAdministratorOf("/1/2/"));
}

TEST(ActorTest, SecretaryWritesOwnCellAndItsGroups) {
    const Actor secretary = With(Role::kSecretary, "/1/2/7/");

    EXPECT_TRUE(secretary.CanWrite("/1/2/7/"));
    EXPECT_TRUE(secretary.CanWrite("/1/2/7/40/"));
    EXPECT_FALSE(secretary.CanWrite("/1/2/8/"));
    EXPECT_FALSE(secretary.CanSeeOrganization("/1/2/"));
}

TEST(ActorTest, MemberSeesOwnCellAndOwnRecordOnly) {
    const Actor member = With(Role::kMember, "/1/2/7/", MemberId(42));

    EXPECT_TRUE(member.CanSeeOrganization("/1/2/7/"));
    EXPECT_FALSE(member.CanSeeOrganization("/1/2/7/40/"));
    EXPECT_FALSE(member.CanReadMembers("/1/2/7/"));
    EXPECT_FALSE(member.CanWrite("/1/2/7/"));
    EXPECT_TRUE(member.CanReadMember("/1/2/7/", MemberId(42)));
    EXPECT_FALSE(member.CanReadMember("/1/2/7/", MemberId(43)));
}

TEST(ActorTest, ScopeRootsDropNestedGrants) {
    Actor a = With(Role::kCommittee, "/1/2/");
    RoleGrant nested;
    nested.role = Role::kSecretary;
    nested.organization_path = "/1/2/7/";
    a.roles.push_back(nested);
    RoleGrant other;
    other.role = Role::kSecretary;
    other.organization_path = "/1/3/9/";
    a.roles.push_back(other);

    const auto roots = a.ScopeRoots();

    ASSERT_EQ(roots.size(), 2u);
    EXPECT_EQ(roots[0]->organization_path, "/1/2/");
    EXPECT_EQ(roots[1]->organization_path, "/1/3/9/");
}

}  // namespace
}  // namespace chibo::domain
