// The organisation tree over the demo province.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/auth_service.hpp"
#include "app/demo_fixture_test.hpp"
#include "app/meeting_service.hpp"
#include "app/member_service.hpp"
#include "app/organization_service.hpp"
#include "app/score_service.hpp"
#include "app/statistics_service.hpp"
#include "app/user_service.hpp"
#include "domain/audit_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/statistics_queries.hpp"
#include "domain/store.hpp"
#include "domain/user_repository.hpp"

namespace chibo::app {
namespace {

using namespace chibo::domain;
using base::ErrorCode;

TEST_F(DemoFixture, HoaAnHasTwelveCellsAnd398MembersInEveryStatus) {
    OrganizationService orgs(*store_, clock_);
    MemberService members(*store_, clock_);
    const Actor admin = Login("admin");
    const OrganizationId hoa_an = FindOrg("Đảng bộ xã Hòa An");

    const auto tree = orgs.Tree(admin, hoa_an, 1, Dissolved::kExclude);
    ASSERT_TRUE(tree.has_value());
    ASSERT_EQ(tree->at(0).children.size(), 12u);
    EXPECT_EQ(tree->at(0).member_count, 398);

    std::set<MemberStatus> seen;
    for (const char* code : {"official", "probationary", "exempt", "temporary", "working_away", "transferred_out",
                             "removed", "deceased"}) {
        MemberListQuery q;
        q.organization = hoa_an;
        q.status = MemberStatusFromCode(code);
        q.page = {1, 10};
        EXPECT_GT(members.List(admin, q)->total, 0) << code;
    }
}

TEST_F(DemoFixture, CellsShowTheirCompositionRules) {
    OrganizationService orgs(*store_, clock_);
    const Actor admin = Login("admin");

    const auto thon_dong = orgs.Get(admin, FindOrg("Chi bộ Thôn Đông"));
    const auto quan_su = orgs.Get(admin, FindOrg("Chi bộ Quân sự"));

    ASSERT_TRUE(thon_dong.has_value());
    EXPECT_EQ(thon_dong->party_groups.size(), 3u);
    EXPECT_TRUE(thon_dong->party_groups[0].leader.has_value());
    EXPECT_GT(thon_dong->party_groups[0].member_count, 0);
    EXPECT_EQ(thon_dong->leaders.at(0).kind, PositionKind::kSecretary);
    ASSERT_TRUE(quan_su.has_value());
    EXPECT_LT(quan_su->counts.official, 9);
    for (const auto& p : quan_su->leaders) EXPECT_NE(p.kind, PositionKind::kCommitteeMember);
}

TEST_F(DemoFixture, MergeMovesMembersAndMarksTheCell) {
    OrganizationService orgs(*store_, clock_);
    MemberService members(*store_, clock_);
    const Actor commune = Login("xa.hoaan");
    const OrganizationId source = FindOrg("Chi bộ Tổ dân phố 2");
    const OrganizationId target = FindOrg("Chi bộ Tổ dân phố 1");
    const int before_target = orgs.Get(commune, target)->counts.on_roll();
    const int before_source = orgs.Get(commune, source)->counts.on_roll();

    const auto merged = orgs.Merge(commune, source, target, clock_.Today());

    ASSERT_TRUE(merged.has_value()) << merged.error().message;
    EXPECT_EQ(merged->counts.on_roll(), before_target + before_source);
    const auto gone = orgs.Get(commune, source);
    EXPECT_EQ(gone->organization.merged_into, target);
    EXPECT_FALSE(gone->can_write);
    EXPECT_EQ(gone->counts.on_roll(), 0);
    MemberListQuery q;
    q.organization = target;
    q.page = {1, 200};
    int from_merge = 0;
    const auto listed = members.List(commune, q);
    for (const auto& item : listed->items) {
        const auto detail = members.Get(commune, item.member.id);
        if (detail->memberships.back().membership.reason == "Sáp nhập từ Chi bộ Tổ dân phố 2") ++from_merge;
    }
    EXPECT_EQ(from_merge, before_source);
    EXPECT_EQ(orgs.Merge(commune, source, target, clock_.Today()).error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace chibo::app
