#include "domain/position.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace chibo::domain {
namespace {

Position Make(PositionKind kind, std::int64_t member) {
    Position p;
    p.kind = kind;
    p.member = MemberId(member);
    p.term_start = *base::Date::FromYmd(2025, 7, 1);
    return p;
}

bool HasWarning(const std::vector<RuleWarning>& warnings, const std::string& code) {
    for (const auto& w : warnings)
        if (w.code == code) return true;
    return false;
}

TEST(CheckCellCompositionTest, WarnsBelowThreeOfficialMembers) {
    const std::vector<Position> active = {Make(PositionKind::kSecretary, 1)};

    EXPECT_TRUE(
        HasWarning(CheckCellComposition({.official = 2, .probationary = 3}, active), "too_few_official_members"));
    EXPECT_FALSE(HasWarning(CheckCellComposition({.official = 3}, active), "too_few_official_members"));
}

TEST(CheckCellCompositionTest, CommitteeOnlyFromNineOfficialMembers) {
    const std::vector<Position> no_committee = {Make(PositionKind::kSecretary, 1)};
    const std::vector<Position> with_committee = {Make(PositionKind::kSecretary, 1),
                                                  Make(PositionKind::kCommitteeMember, 2)};

    EXPECT_TRUE(HasWarning(CheckCellComposition({.official = 9}, no_committee), "committee_required"));
    EXPECT_FALSE(HasWarning(CheckCellComposition({.official = 8}, no_committee), "committee_required"));
    EXPECT_TRUE(HasWarning(CheckCellComposition({.official = 8}, with_committee), "committee_not_allowed"));
    EXPECT_FALSE(HasWarning(CheckCellComposition({.official = 9}, with_committee), "committee_not_allowed"));
    EXPECT_TRUE(HasWarning(CheckCellComposition({.official = 9}, {}), "no_secretary"));
}

TEST(ValidateNewPositionTest, BlocksACommitteeInASmallCell) {
    const auto result = ValidateNewPosition(Make(PositionKind::kCommitteeMember, 5), OrganizationKind::kSubordinateCell,
                                            {.official = 7}, {});

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().field, "position");
}

TEST(ValidateNewPositionTest, AtMostSevenCommitteeSeats) {
    std::vector<Position> active = {Make(PositionKind::kSecretary, 1), Make(PositionKind::kDeputySecretary, 2)};
    for (int i = 3; i <= 7; ++i) active.push_back(Make(PositionKind::kCommitteeMember, i));

    EXPECT_FALSE(ValidateNewPosition(Make(PositionKind::kCommitteeMember, 8), OrganizationKind::kSubordinateCell,
                                     {.official = 40}, active)
                     .has_value());
    active.pop_back();
    EXPECT_TRUE(ValidateNewPosition(Make(PositionKind::kCommitteeMember, 8), OrganizationKind::kSubordinateCell,
                                    {.official = 40}, active)
                    .has_value());
}

TEST(ValidateNewPositionTest, OneSecretaryAtATimeAndLeadersOnlyInGroups) {
    const std::vector<Position> active = {Make(PositionKind::kSecretary, 1)};

    EXPECT_EQ(ValidateNewPosition(Make(PositionKind::kSecretary, 2), OrganizationKind::kSubordinateCell,
                                  {.official = 5}, active)
                  .error()
                  .code,
              base::ErrorCode::kConflict);
    EXPECT_FALSE(ValidateNewPosition(Make(PositionKind::kGroupLeader, 2), OrganizationKind::kSubordinateCell,
                                     {.official = 5}, {})
                     .has_value());
    EXPECT_TRUE(
        ValidateNewPosition(Make(PositionKind::kGroupLeader, 2), OrganizationKind::kPartyGroup, {}, {}).has_value());
    EXPECT_TRUE(ValidateNewPosition(Make(PositionKind::kDeputySecretary, 2), OrganizationKind::kSubordinateCell,
                                    {.official = 5}, active)
                    .has_value());
}

TEST(PositionTest, ActiveWithinItsTerm) {
    Position p = Make(PositionKind::kSecretary, 1);
    p.term_end = *base::Date::FromYmd(2030, 6, 30);

    EXPECT_TRUE(p.ActiveOn(*base::Date::FromYmd(2030, 6, 30)));
    EXPECT_FALSE(p.ActiveOn(*base::Date::FromYmd(2030, 7, 1)));
    EXPECT_FALSE(p.ActiveOn(*base::Date::FromYmd(2025, 6, 30)));
}

}  // namespace
}  // namespace chibo::domain
