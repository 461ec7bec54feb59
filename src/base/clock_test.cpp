#include "base/clock.hpp"

#include <gtest/gtest.h>

namespace chibo::base {
namespace {

TEST(ClockTest, TodayIsTheDateInVietnam) {
    // 2026-12-05T16:59:59Z is 23:59:59 in Hà Nội; one second later it is the 6th there.
    FixedClock clock(1796489999);

    EXPECT_EQ(clock.Today(), *Date::FromYmd(2026, 12, 5));
    clock.Advance(1);
    EXPECT_EQ(clock.Today(), *Date::FromYmd(2026, 12, 6));
}

TEST(ClockTest, AFixedClockStandsAtNoonOfItsDay) {
    const FixedClock clock(*Date::FromYmd(2026, 3, 3));

    EXPECT_EQ(clock.Today(), *Date::FromYmd(2026, 3, 3));
    EXPECT_EQ(IsoTimestamp(clock.NowUnixSeconds()), "2026-03-03T05:00:00Z");
}

TEST(ClockTest, TheSystemClockIsNearTheFixedOnesAndMoves) {
    const SystemClock clock;

    EXPECT_GT(clock.NowUnixSeconds(), 1767225600);  // After 2026-01-01.
    EXPECT_LE(clock.NowUnixSeconds(), SystemClock().NowUnixSeconds());
}

}  // namespace
}  // namespace chibo::base
