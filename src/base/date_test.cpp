#include "base/date.hpp"

#include <gtest/gtest.h>

namespace chibo::base {
namespace {

TEST(DateTest, ParsesAndPrintsIso) {
    const auto d = Date::ParseIso("2025-10-28");

    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->ToIso(), "2025-10-28");
    EXPECT_EQ(d->ToVietnamese(), "28/10/2025");
    EXPECT_EQ(d->year(), 2025);
    EXPECT_EQ(d->month(), 10);
    EXPECT_EQ(d->day(), 28);
}

TEST(DateTest, RejectsMalformedAndImpossibleDates) {
    for (const char* text : {"", "2025-1-01", "2025/01/01", "2025-02-30", "2023-02-29", "abcd-ef-gh", "2025-13-01",
                             "28/10/2025", "2025-10-28T00:00"}) {
        EXPECT_FALSE(Date::ParseIso(text).has_value()) << text;
    }
    EXPECT_TRUE(Date::ParseIso("2024-02-29").has_value());
}

TEST(DateTest, OrdersAndAddsDays) {
    const Date a = *Date::FromYmd(2025, 12, 31);

    EXPECT_EQ(a.AddDays(1).ToIso(), "2026-01-01");
    EXPECT_LT(a, a.AddDays(1));
    EXPECT_EQ(Date::FromYmd(2024, 2, 29)->AddYears(1).ToIso(), "2025-02-28");
}

TEST(DateTest, YearsBetweenCountsWholeYears) {
    const Date born = *Date::FromYmd(2000, 6, 15);

    EXPECT_EQ(YearsBetween(born, *Date::FromYmd(2018, 6, 14)), 17);
    EXPECT_EQ(YearsBetween(born, *Date::FromYmd(2018, 6, 15)), 18);
}

TEST(VietnamTimeTest, DaysTurnAtMidnightUtcPlus7) {
    const Date day = *Date::FromYmd(2026, 12, 3);
    const std::int64_t at = VietnamInstant(day, 14 * 60);
    EXPECT_EQ(IsoTimestamp(at), "2026-12-03T07:00:00Z");
    EXPECT_EQ(VietnamDateOf(at), day);
    EXPECT_EQ(VietnamDateOf(VietnamInstant(day, 0) - 1), day.AddDays(-1));  // 23:59:59 the day before.
    EXPECT_EQ(VietnamDateOf(VietnamInstant(day, 0)), day);
    EXPECT_EQ(VietnamDateTime(at + 5 * 60), "14:05 ngày 03/12/2026");
}

}  // namespace
}  // namespace chibo::base
