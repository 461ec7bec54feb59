#include "domain/meeting_rule.hpp"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

base::Date D(int y, int m, int d) {
    return *base::Date::FromYmd(y, m, d);
}

MeetingRule Rule(int day, DayShift shift) {
    MeetingRule r;
    r.regular_day = day;
    r.shift = shift;
    return r;
}

TEST(ExpectedMeetingsTest, DefaultIsTheThirdAt14WithThematicEachQuarter) {
    const auto year = ExpectedMeetings(MeetingRule{}, 2026, 1, 2026, 12);

    ASSERT_EQ(year.size(), 16u);  // 12 regular + 4 thematic.
    EXPECT_EQ(year[0].date, D(2026, 1, 3));
    EXPECT_EQ(year[0].start_minutes, 14 * 60);
    EXPECT_EQ(year[0].min_minutes, 90);
    int thematic = 0;
    for (const auto& m : year) {
        if (m.kind != MeetingKind::kThematic) continue;
        ++thematic;
        EXPECT_EQ(m.month % 3, 0) << m.month;
    }
    EXPECT_EQ(thematic, 4);
}

TEST(ExpectedMeetingsTest, WeekendsAndHolidaysMoveOnlyWhenTheRuleSaysSo) {
    struct Case {
        const char* what;
        int day;
        DayShift shift;
        int month;
        base::Date expected;
    };
    const Case cases[] = {
        {"Saturday kept", 3, DayShift::kKeep, 1, D(2026, 1, 3)},
        {"Saturday to Monday", 3, DayShift::kNextWorkingDay, 1, D(2026, 1, 5)},
        {"Saturday to Friday", 3, DayShift::kPreviousWorkingDay, 1, D(2026, 1, 2)},
        {"Sunday to Monday", 3, DayShift::kNextWorkingDay, 5, D(2026, 5, 4)},
        {"New Year's Day to the 2nd", 1, DayShift::kNextWorkingDay, 1, D(2026, 1, 2)},
        {"National Day and the day before, forward", 2, DayShift::kNextWorkingDay, 9, D(2026, 9, 3)},
        {"National Day and the day before, back", 2, DayShift::kPreviousWorkingDay, 9, D(2026, 8, 31)},
        {"a working Tuesday stays", 3, DayShift::kNextWorkingDay, 3, D(2026, 3, 3)},
    };
    for (const Case& c : cases) {
        const auto m = ExpectedMeetings(Rule(c.day, c.shift), 2026, c.month, 2026, c.month);

        ASSERT_FALSE(m.empty()) << c.what;
        EXPECT_EQ(m[0].date, c.expected) << c.what << ": got " << m[0].date.ToIso();
        EXPECT_EQ(m[0].shifted, m[0].date != D(2026, c.month, c.day)) << c.what;
    }
}

TEST(ExpectedMeetingsTest, LunarHolidaysComeFromTheRule) {
    MeetingRule rule = Rule(17, DayShift::kNextWorkingDay);
    for (int d = 14; d <= 22; ++d) rule.holidays.insert(D(2026, 2, d));  // Tết Bính Ngọ.

    const auto feb = ExpectedMeetings(rule, 2026, 2, 2026, 2);

    EXPECT_EQ(feb.at(0).date, D(2026, 2, 23));
}

TEST(ExpectedMeetingsTest, SpansYears) {
    const auto m = ExpectedMeetings(MeetingRule{}, 2025, 11, 2026, 2);

    ASSERT_EQ(m.size(), 5u);  // Nov, Dec + thematic Dec, Jan, Feb.
    EXPECT_EQ(m[2].kind, MeetingKind::kThematic);
    EXPECT_EQ(m[3].date, D(2026, 1, 3));
}

TEST(EffectiveRuleTest, LowerLevelsOverrideFieldByField) {
    MeetingRuleOverride province;
    province.regular_day = 5;
    province.holidays = {D(2026, 2, 17)};
    MeetingRuleOverride commune;
    commune.thematic_months = std::set<int>{2, 5, 8, 11};
    commune.shift = DayShift::kNextWorkingDay;
    MeetingRuleOverride cell;
    cell.start_minutes = 19 * 60 + 30;  // A village cell meets in the evening.
    cell.holidays = {D(2026, 2, 18)};
    const MeetingRuleOverride chain[] = {province, commune, cell};

    const MeetingRule r = EffectiveRule(chain);

    EXPECT_EQ(r.regular_day, 5);
    EXPECT_EQ(r.thematic_months, (std::set<int>{2, 5, 8, 11}));
    EXPECT_EQ(r.start_minutes, 19 * 60 + 30);
    EXPECT_EQ(r.shift, DayShift::kNextWorkingDay);
    EXPECT_EQ(r.min_minutes, 90);
    EXPECT_EQ(r.holidays.size(), 2u);
}

TEST(ValidateRuleOverrideTest, NamesTheFieldAtFault) {
    struct Case {
        const char* what;
        MeetingRuleOverride rule;
        const char* field;
    };
    std::vector<Case> cases(5);
    cases[0] = {"day 31", {}, "regular_day"};
    cases[0].rule.regular_day = 31;
    cases[1] = {"a quarter without thematic", {}, "thematic_months"};
    cases[1].rule.thematic_months = std::set<int>{1, 2, 3, 4};
    cases[2] = {"month 13", {}, "thematic_months"};
    cases[2].rule.thematic_months = std::set<int>{3, 6, 9, 13};
    cases[3] = {"combined shorter", {}, "combined_min_minutes"};
    cases[3].rule.min_minutes = 90;
    cases[3].rule.combined_min_minutes = 60;
    cases[4] = {"at 3 in the morning", {}, "start_time"};
    cases[4].rule.start_minutes = 3 * 60;
    for (const Case& c : cases) {
        const auto result = ValidateRuleOverride(c.rule);

        ASSERT_FALSE(result.has_value()) << c.what;
        EXPECT_EQ(result.error().field, c.field) << c.what;
    }
    MeetingRuleOverride good;
    good.regular_day = 28;
    good.thematic_months = std::set<int>{1, 4, 7, 10};
    EXPECT_TRUE(ValidateRuleOverride(good).has_value());
}

TEST(IsWorkingDayTest, KnowsWeekendsAndFixedHolidays) {
    const MeetingRule rule;
    EXPECT_FALSE(IsWorkingDay(D(2026, 1, 3), rule));   // Saturday.
    EXPECT_FALSE(IsWorkingDay(D(2026, 4, 30), rule));  // Reunification Day, a Thursday.
    EXPECT_TRUE(IsWorkingDay(D(2026, 3, 3), rule));
    EXPECT_EQ(DayShiftFromCode(ToCode(DayShift::kPreviousWorkingDay)), DayShift::kPreviousWorkingDay);
}

}  // namespace
}  // namespace chibo::domain
