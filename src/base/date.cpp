#include "base/date.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace chibo::base {
namespace {
namespace chr = std::chrono;

chr::year_month_day Ymd(std::int32_t days) {
    return chr::year_month_day{chr::sys_days{chr::days{days}}};
}
}  // namespace

std::optional<Date> Date::FromYmd(int year, int month, int day) {
    if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                  chr::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return Date(static_cast<std::int32_t>(chr::sys_days{ymd}.time_since_epoch().count()));
}

std::optional<Date> Date::ParseIso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](std::size_t pos, std::size_t len) -> int {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    return FromYmd(y, m, d);
}

int Date::year() const {
    return static_cast<int>(Ymd(days_).year());
}
int Date::month() const {
    return static_cast<int>(static_cast<unsigned>(Ymd(days_).month()));
}
int Date::day() const {
    return static_cast<int>(static_cast<unsigned>(Ymd(days_).day()));
}

std::string Date::ToIso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
    return buf;
}

std::string Date::ToVietnamese() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day(), month(), year());
    return buf;
}

Date Date::AddYears(int n) const {
    const int d = day() == 29 && month() == 2 ? 28 : day();
    if (auto r = FromYmd(year() + n, month(), day())) return *r;
    return *FromYmd(year() + n, month(), d);
}

int YearsBetween(Date from, Date to) {
    int years = to.year() - from.year();
    if (to.month() < from.month() || (to.month() == from.month() && to.day() < from.day())) --years;
    return years;
}

std::string NowIsoTimestamp() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string IsoTimestamp(std::int64_t unix_seconds) {
    const auto t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {
constexpr std::int64_t kVietnamOffset = std::int64_t{7} * 3600;
constexpr std::int64_t kDay = 86400;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
}  // namespace

Date VietnamDateOf(std::int64_t unix_seconds) {
    return Date::FromDays(static_cast<std::int32_t>(FloorDiv(unix_seconds + kVietnamOffset, kDay)));
}

std::int64_t VietnamInstant(Date day, int minutes) {
    return std::int64_t{day.days()} * kDay + std::int64_t{minutes} * 60 - kVietnamOffset;
}

std::string VietnamDateTime(std::int64_t unix_seconds) {
    const Date day = VietnamDateOf(unix_seconds);
    const std::int64_t minutes = (unix_seconds + kVietnamOffset - std::int64_t{day.days()} * kDay) / 60;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
    return std::string(buf) + " ngày " + day.ToVietnamese();
}

}  // namespace chibo::base
