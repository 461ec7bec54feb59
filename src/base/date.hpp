#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chibo::base {

// A calendar date without time zone, stored as days since 1970-01-01.
class Date {
public:
    constexpr Date() = default;

    // Returns nullopt when the fields do not name a real day (e.g. 31/02).
    static std::optional<Date> FromYmd(int year, int month, int day);
    // Parses strict ISO 8601 "YYYY-MM-DD".
    static std::optional<Date> ParseIso(std::string_view text);
    static constexpr Date FromDays(std::int32_t days) { return Date(days); }

    int year() const;
    int month() const;
    int day() const;
    std::int32_t days() const { return days_; }

    // "YYYY-MM-DD".
    std::string ToIso() const;
    // "dd/mm/yyyy", as the UI and documents show dates.
    std::string ToVietnamese() const;

    Date AddDays(int n) const { return Date(days_ + n); }
    // Same day n years later; 29/02 becomes 28/02 in a non-leap year.
    Date AddYears(int n) const;

    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=> (llvm#46235).
    constexpr auto operator<=>(const Date&) const = default;

private:
    constexpr explicit Date(std::int32_t days) : days_(days) {}
    std::int32_t days_ = 0;
};

// Whole years from `from` to `to` (age on `to` of someone born on `from`).
int YearsBetween(Date from, Date to);

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string NowIsoTimestamp();
// An instant as "YYYY-MM-DDTHH:MM:SSZ".
std::string IsoTimestamp(std::int64_t unix_seconds);
// Vietnam time (UTC+7): the day an instant falls on, and the instant of a day's local minute.
Date VietnamDateOf(std::int64_t unix_seconds);
std::int64_t VietnamInstant(Date day, int minutes);
// "14:05 ngày 03/12/2026" in Vietnam time.
std::string VietnamDateTime(std::int64_t unix_seconds);

}  // namespace chibo::base
