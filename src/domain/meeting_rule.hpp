#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/ids.hpp"

namespace chibo::domain {

// What to do when the fixed day of a meeting falls on a weekend or a public holiday.
enum class DayShift {
    kKeep,                // Meet on the day anyway (many village cells meet on Sundays).
    kNextWorkingDay,      // Move forward to the next Monday–Friday that is not a holiday.
    kPreviousWorkingDay,  // Move back to the previous working day.
};

// The meeting schedule a committee sets for its subtree (HD 42-HD/BTCTW defaults): a regular meeting
// every month on a fixed day and time, thematic meetings in fixed months, minimum durations.
struct MeetingRule {
    int regular_day = 3;          // Day of the month, 1–28 (every month has it).
    int start_minutes = 14 * 60;  // Minutes after midnight: 14:00.
    std::set<int> thematic_months = {3, 6, 9, 12};
    int min_minutes = 90;            // A regular meeting lasts at least this long…
    int combined_min_minutes = 120;  // …and this long when regular and thematic are held together.
    DayShift shift = DayShift::kKeep;
    std::set<base::Date> holidays;  // Extra days off (Tết, Giỗ Tổ…); fixed national holidays are built in.
};

// A rule as a committee or a cell stores it: every field optional, unset fields inherited.
struct MeetingRuleOverride {
    std::optional<int> regular_day;
    std::optional<int> start_minutes;
    std::optional<std::set<int>> thematic_months;
    std::optional<int> min_minutes;
    std::optional<int> combined_min_minutes;
    std::optional<DayShift> shift;
    std::set<base::Date> holidays;  // Added to the inherited ones.
};

// Checks the values a committee enters; errors name the field.
base::Result<void> ValidateRuleOverride(const MeetingRuleOverride& rule);

// The rule in force for a cell: the HD 42 default, then each override from the root down to the cell
// (`chain` is ordered root first), later ones winning field by field.
MeetingRule EffectiveRule(std::span<const MeetingRuleOverride> chain);

// Vietnam's fixed-date public holidays in `year` (Labour Code 2019): 1/1, 30/4, 1/5, 2/9 and the day
// next to it (1/9 or 3/9, whichever the Government names; we use 1/9 as in recent years). Lunar holidays
// (Tết, Giỗ Tổ Hùng Vương) move every year and come from MeetingRule::holidays.
std::set<base::Date> FixedPublicHolidays(int year);

bool IsWorkingDay(base::Date day, const MeetingRule& rule);

enum class MeetingKind { kRegular, kThematic };

// One meeting the rule expects of a cell.
struct ExpectedMeeting {
    MeetingKind kind = MeetingKind::kRegular;
    int year = 0;
    int month = 0;
    base::Date date;  // After the weekend/holiday shift.
    int start_minutes = 0;
    int min_minutes = 0;
    bool shifted = false;  // The fixed day was not a working day and the rule moved it.
};

// The meetings expected in the months [from_year/from_month, to_year/to_month], in date order: one
// regular meeting per month and, in thematic months, a thematic meeting on the same day (held after
// or combined with the regular one). Thematic meetings never replace regular ones.
std::vector<ExpectedMeeting> ExpectedMeetings(const MeetingRule& rule, int from_year, int from_month, int to_year,
                                              int to_month);

std::string_view ToCode(DayShift shift);
std::optional<DayShift> DayShiftFromCode(std::string_view code);
std::string_view ToCode(MeetingKind kind);
std::optional<MeetingKind> MeetingKindFromCode(std::string_view code);

}  // namespace chibo::domain
