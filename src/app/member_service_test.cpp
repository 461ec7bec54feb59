// The member roll over the demo province: search, scope and transfers.
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

// The demo gives every cell a "Đặng Văn …"; a merge (another test may run first) moves them along with
// the other members, so every cell still on record has one.
TEST_F(DemoFixture, EveryHoaAnCellHasADangVanFoundWithoutDiacritics) {
    MemberService members(*store_, clock_);
    OrganizationService orgs(*store_, clock_);
    const Actor commune = Login("xa.hoaan");
    MemberListQuery q;
    q.text = "dang van";
    q.page = {1, 200};
    const auto tree = orgs.Tree(commune, FindOrg("Đảng bộ xã Hòa An"), 1, Dissolved::kExclude);
    ASSERT_TRUE(tree.has_value());
    std::set<std::string> active_cells;
    for (const TreeNode& cell : tree->at(0).children) active_cells.insert(cell.organization.name);
    ASSERT_GE(active_cells.size(), 11u);

    const auto found = members.List(commune, q);

    ASSERT_TRUE(found.has_value());
    std::set<std::string> cells;
    for (const auto& item : found->items) {
        EXPECT_EQ(item.member.full_name.rfind("Đặng Văn ", 0), 0u) << item.member.full_name;
        cells.insert(item.organization_name);
    }
    EXPECT_EQ(cells, active_cells);
}

TEST_F(DemoFixture, AnotherCommuneSeesNothingOfHoaAn) {
    OrganizationService orgs(*store_, clock_);
    MemberService members(*store_, clock_);
    const Actor tan_lap = Login("xa.tanlap");
    const OrganizationId hoa_an = FindOrg("Đảng bộ xã Hòa An");

    EXPECT_EQ(orgs.Get(tan_lap, hoa_an).error().code, ErrorCode::kNotFound);
    MemberListQuery q;
    q.organization = hoa_an;
    EXPECT_EQ(members.List(tan_lap, q).error().code, ErrorCode::kNotFound);
    MemberListQuery mine;
    const auto own = members.List(tan_lap, mine);
    ASSERT_TRUE(own.has_value());
    for (const auto& item : own->items) EXPECT_EQ(item.organization_name.find("Hòa An"), std::string::npos);
}

TEST_F(DemoFixture, APlainMemberSeesOnlyThemself) {
    MemberService members(*store_, clock_);
    const Actor member = Login("dangvien.thondong");

    const auto list = members.List(member, MemberListQuery{});

    ASSERT_TRUE(list.has_value());
    ASSERT_EQ(list->total, 1);
    EXPECT_EQ(list->items[0].member.id, *member.member);
}

TEST_F(DemoFixture, TransferKeepsHistoryAndAFailedOneWritesNothing) {
    MemberService members(*store_, clock_);
    const Actor commune = Login("xa.hoaan");
    const OrganizationId from = FindOrg("Chi bộ Thôn Bắc");
    const OrganizationId to = FindOrg("Chi bộ Thôn Nam");
    MemberListQuery q;
    q.organization = from;
    q.page = {1, 1};
    const MemberId id = members.List(commune, q)->items.at(0).member.id;
    const auto audit_before = AuditCount();

    const auto bad = members.Transfer(commune, id, {FindOrg("Chi bộ Thôn 1"), clock_.Today(), ""});
    EXPECT_EQ(bad.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(AuditCount(), audit_before);

    const auto moved = members.Transfer(commune, id, {to, clock_.Today(), "Chuyển nơi cư trú"});
    ASSERT_TRUE(moved.has_value()) << moved.error().message;
    EXPECT_EQ(moved->member.organization, to);
    ASSERT_GE(moved->memberships.size(), 2u);
    EXPECT_EQ(moved->memberships[moved->memberships.size() - 2].membership.end_date, clock_.Today());
    EXPECT_EQ(moved->memberships.back().organization_name, "Chi bộ Thôn Nam");
    EXPECT_EQ(moved->memberships.back().membership.reason, "Chuyển nơi cư trú");
    EXPECT_EQ(AuditCount(), audit_before + 2);
}

TEST_F(DemoFixture, SecretaryWritesOwnCellOnly) {
    MemberService members(*store_, clock_);
    const Actor secretary = Login("bithu.thondong");
    Member m;
    m.full_name = "Phạm Thị Hoa";
    m.sex = Sex::kFemale;
    m.date_of_birth = *base::Date::FromYmd(1990, 4, 2);
    m.status = MemberStatus::kProbationary;
    m.admission_date = clock_.Today().AddDays(-30);

    m.organization = FindOrg("Chi bộ Thôn Đoài");
    EXPECT_EQ(members.Create(secretary, m).error().code, ErrorCode::kNotFound);
    m.organization = FindOrg("Chi bộ Thôn Đông");
    const auto created = members.Create(secretary, m);
    ASSERT_TRUE(created.has_value()) << created.error().message;
    EXPECT_EQ(created->memberships.size(), 1u);
}

}  // namespace
}  // namespace chibo::app
