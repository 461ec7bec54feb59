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

// These tests add cells to Tân Lập, not Hòa An, whose cells other tests count.
TEST_F(DemoFixture, TwoCurrentSiblingsMayNotShareAName) {
    OrganizationService orgs(*store_, clock_);
    const Actor commune = Login("xa.tanlap");
    const Actor admin = Login("admin");
    const OrganizationId tan_lap = FindOrg("Đảng bộ xã Tân Lập");
    const OrganizationId thon_dong = FindOrg("Chi bộ Thôn Đông");  // Hòa An's, with Tổ đảng số 1 to 3.
    OrganizationInput cell;
    cell.parent = tan_lap;
    cell.name = "Chi bộ Thôn 4";
    const auto created = orgs.Create(commune, cell);
    ASSERT_TRUE(created.has_value()) << created.error().message;
    const OrganizationId id = created->organization.id;
    OrganizationInput group;
    group.parent = id;
    group.name = "Tổ đảng số 1";
    group.kind = OrganizationKind::kPartyGroup;
    const auto group_created = orgs.Create(commune, group);
    ASSERT_TRUE(group_created.has_value()) << group_created.error().message;
    const std::int64_t audit = AuditCount();

    OrganizationInput twin = cell;
    twin.name = "  chi bộ   THÔN 1 ";
    const auto same_on_create = orgs.Create(commune, twin);
    OrganizationInput renamed = cell;
    renamed.name = "Chi bộ thôn 1";
    const auto same_on_rename = orgs.Update(commune, id, renamed);
    const auto same_on_move = orgs.Move(admin, group_created->organization.id, thon_dong);

    for (const auto* refused : {&same_on_create, &same_on_rename}) {
        ASSERT_FALSE(refused->has_value());
        EXPECT_EQ(refused->error().code, ErrorCode::kConflict);
        EXPECT_EQ(refused->error().field, "name");
        EXPECT_EQ(refused->error().message, "Đã có tổ chức cùng tên trực thuộc Đảng bộ xã Tân Lập.");
    }
    ASSERT_FALSE(same_on_move.has_value());
    EXPECT_EQ(same_on_move.error().code, ErrorCode::kConflict);
    EXPECT_EQ(same_on_move.error().field, "name");
    EXPECT_EQ(same_on_move.error().message, "Đã có tổ chức cùng tên trực thuộc Chi bộ Thôn Đông.");
    EXPECT_EQ(AuditCount(), audit) << "a refused write leaves no trace";
    EXPECT_EQ(orgs.Get(commune, id)->organization.name, "Chi bộ Thôn 4");
    EXPECT_EQ(orgs.Get(commune, group_created->organization.id)->organization.parent, id);
}

TEST_F(DemoFixture, ANameDiffersByItsDiacriticsAndFreesUpWhenItsBearerIsDissolved) {
    OrganizationService orgs(*store_, clock_);
    const Actor commune = Login("xa.tanlap");
    OrganizationInput dong;
    dong.parent = FindOrg("Đảng bộ xã Tân Lập");
    dong.name = "Chi bộ Xóm Đông";
    ASSERT_TRUE(orgs.Create(commune, dong).has_value());
    OrganizationInput cell = dong;
    cell.name = "Chi bộ Xóm Dong";

    const auto created = orgs.Create(commune, cell);
    ASSERT_TRUE(created.has_value()) << created.error().message;
    OrganizationInput recased = cell;
    recased.name = "Chi bộ xóm Dong";
    const auto edited = orgs.Update(commune, created->organization.id, recased);
    OrganizationInput dissolved = recased;
    dissolved.valid_to = clock_.Today();
    const auto ended = orgs.Update(commune, created->organization.id, dissolved);
    const auto again = orgs.Create(commune, cell);

    ASSERT_TRUE(edited.has_value()) << edited.error().message;
    EXPECT_EQ(edited->organization.name, "Chi bộ xóm Dong");
    ASSERT_TRUE(ended.has_value()) << ended.error().message;
    ASSERT_TRUE(again.has_value()) << again.error().message;
    EXPECT_NE(again->organization.id, created->organization.id);
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
