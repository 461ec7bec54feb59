#include "domain/organization.hpp"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

const base::Date kToday = *base::Date::FromYmd(2026, 12, 6);

using K = OrganizationKind;

Organization Make(K kind, std::string name = "Chi bộ Thôn Đông") {
    Organization o;
    o.kind = kind;
    o.name = std::move(name);
    o.valid_from = *base::Date::FromYmd(2020, 1, 1);
    return o;
}

TEST(AllowedUnderTest, FollowsThePartyTree) {
    struct Case {
        K child;
        std::optional<K> parent;
        bool allowed;
    };
    const Case cases[] = {
        {K::kProvince, std::nullopt, true},           {K::kCentral, std::nullopt, true},
        {K::kGrassrootsCell, std::nullopt, false},    {K::kProvince, K::kCentral, true},
        {K::kCommuneCommittee, K::kProvince, true},   {K::kSubordinateCell, K::kCommuneCommittee, true},
        {K::kSubordinateCell, K::kProvince, false},   {K::kPartyGroup, K::kSubordinateCell, true},
        {K::kPartyGroup, K::kGrassrootsCell, true},   {K::kPartyGroup, K::kCommuneCommittee, false},
        {K::kSubordinateCell, K::kPartyGroup, false}, {K::kGrassrootsCommittee, K::kCommuneCommittee, true},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(AllowedUnder(c.child, c.parent), c.allowed) << ToCode(c.child);
    }
}

TEST(ValidateOrganizationTest, NamesTheFieldAtFault) {
    const Organization commune = Make(K::kCommuneCommittee, "Đảng bộ xã Hòa An");

    Organization no_name = Make(K::kSubordinateCell, "");
    EXPECT_EQ(ValidateOrganization(no_name, &commune, kToday).error().field, "name");

    Organization wrong_kind = Make(K::kProvince);
    EXPECT_EQ(ValidateOrganization(wrong_kind, &commune, kToday).error().field, "kind");

    Organization category_on_committee = Make(K::kGrassrootsCommittee);
    category_on_committee.category = CellCategory::kVillage;
    EXPECT_EQ(ValidateOrganization(category_on_committee, &commune, kToday).error().field, "category");

    Organization ends_before_start = Make(K::kSubordinateCell);
    ends_before_start.valid_to = *base::Date::FromYmd(2019, 1, 1);
    EXPECT_EQ(ValidateOrganization(ends_before_start, &commune, kToday).error().field, "valid_to");

    Organization good = Make(K::kSubordinateCell);
    good.category = CellCategory::kVillage;
    EXPECT_TRUE(ValidateOrganization(good, &commune, kToday).has_value());
}

TEST(ValidateOrganizationTest, IsFoundedTodayAtTheLatest) {
    const Organization commune = Make(K::kCommuneCommittee, "Đảng bộ xã Hòa An");
    Organization cell = Make(K::kSubordinateCell);
    cell.category = CellCategory::kVillage;

    cell.valid_from = kToday;
    EXPECT_TRUE(ValidateOrganization(cell, &commune, kToday).has_value());

    cell.valid_from = kToday.AddDays(1);
    EXPECT_EQ(ValidateOrganization(cell, &commune, kToday).error().field, "valid_from");
    EXPECT_TRUE(ValidateOrganization(cell, &commune, kToday.AddDays(1)).has_value());
}

TEST(SameNameTest, IgnoresCaseAndSpacesButNotDiacritics) {
    struct Case {
        const char* a;
        const char* b;
        bool same;
    };
    const Case cases[] = {
        {"Chi bộ Thôn Đông", "Chi bộ Thôn Đông", true},
        {"Chi bộ Thôn Đông", "  chi BỘ   thôn\tđông ", true},
        {"Chi bộ Thôn Đông", "CHI BỘ THÔN ĐÔNG", true},
        // Decomposed "ộ" (o, combining circumflex, combining dot below) is the same letter.
        {"Chi bộ 1", "Chi bo\xcc\x82\xcc\xa3 1", true},
        {"Chi bộ 1", "Chi bộ 2", false},
        {"Chi bộ Đông", "Chi bộ Dong", false},
        {"Chi bộ Đông", "Chi bộ Đồng", false},
        {"Tổ đảng số 1", "Tổ đảng số 11", false},
    };

    for (const Case& c : cases) EXPECT_EQ(SameName(c.a, c.b), c.same) << c.a << " / " << c.b;
}

TEST(SubtreeTest, RangeCoversExactlyTheSubtree) {
    const std::string root = "/1/5/";
    const std::string end = SubtreeEnd(root);

    for (const std::string inside : {"/1/5/", "/1/5/23/", "/1/5/99999/7/"}) {
        EXPECT_TRUE(root <= inside && inside < end) << inside;
        EXPECT_TRUE(InSubtree(inside, root));
    }
    for (const std::string outside : {"/1/50/", "/1/6/", "/1/", "/1/4/5/"}) {
        EXPECT_FALSE(root <= outside && outside < end) << outside;
        EXPECT_FALSE(InSubtree(outside, root));
    }
}

TEST(PathIdsTest, ListsIdsRootFirst) {
    const auto ids = PathIds("/1/5/23/");

    ASSERT_EQ(ids.size(), 3u);
    EXPECT_EQ(ids[0].value, 1);
    EXPECT_EQ(ids[2].value, 23);
}

TEST(DueMonthsTest, ACellOwesTheMonthsItExistsOnTheFirstDayOf) {
    const base::Date d15 = *base::Date::FromYmd(2026, 3, 15);
    // Founded on 15/03: nothing for March, from April.
    const DueMonths founded = DueMonthsOf(d15, std::nullopt);
    EXPECT_FALSE(founded.Owes(2026, 3));
    EXPECT_TRUE(founded.Owes(2026, 4));
    EXPECT_TRUE(founded.Owes(2041, 12));
    // Founded on the 1st: that month.
    EXPECT_TRUE(DueMonthsOf(*base::Date::FromYmd(2026, 3, 1), std::nullopt).Owes(2026, 3));
    // Merged on 15/07: through July; the cell it went into, founded that day, from August.
    const DueMonths merged = DueMonthsOf(*base::Date::FromYmd(2020, 1, 1), *base::Date::FromYmd(2026, 7, 15));
    EXPECT_TRUE(merged.Owes(2026, 7));
    EXPECT_FALSE(merged.Owes(2026, 8));
    EXPECT_TRUE(DueMonthsOf(*base::Date::FromYmd(2026, 7, 15), std::nullopt).Owes(2026, 8));
    EXPECT_FALSE(DueMonthsOf(*base::Date::FromYmd(2026, 7, 15), std::nullopt).Owes(2026, 7));
    // Merged on 01/07: through June; a cell founded on 01/07 owes July.
    const DueMonths on_first = DueMonthsOf(*base::Date::FromYmd(2020, 1, 1), *base::Date::FromYmd(2026, 7, 1));
    EXPECT_TRUE(on_first.Owes(2026, 6));
    EXPECT_FALSE(on_first.Owes(2026, 7));
    // Founded on 20/12: from January of the next year.
    EXPECT_TRUE(DueMonthsOf(*base::Date::FromYmd(2026, 12, 20), std::nullopt).Owes(2027, 1));
    EXPECT_FALSE(DueMonthsOf(*base::Date::FromYmd(2026, 12, 20), std::nullopt).Owes(2026, 12));
}

TEST(OrganizationCodesTest, RoundTrip) {
    for (K k : {K::kCentral, K::kProvince, K::kCommuneCommittee, K::kGrassrootsCommittee, K::kGrassrootsCell,
                K::kSubordinateCell, K::kPartyGroup}) {
        EXPECT_EQ(OrganizationKindFromCode(ToCode(k)), k);
        EXPECT_FALSE(Label(k).empty());
    }
    EXPECT_FALSE(OrganizationKindFromCode("district").has_value());
    EXPECT_EQ(CellCategoryFromCode("residential_group"), CellCategory::kResidentialGroup);
}

}  // namespace
}  // namespace chibo::domain
