#pragma once

#include <atomic>
#include <cstdint>

#include "base/date.hpp"

namespace chibo::base {

// Where "now" comes from. Only the command line (cli/) makes a SystemClock and passes it down; every
// layer below asks the clock it was given, so a test can set "today" with a FixedClock.
class Clock {
public:
    virtual ~Clock() = default;

    // Seconds since the epoch.
    virtual std::int64_t NowUnixSeconds() const = 0;
    // Today's date in Vietnam (UTC+7).
    Date Today() const { return VietnamDateOf(NowUnixSeconds()); }
};

// The machine's clock.
class SystemClock final : public Clock {
public:
    std::int64_t NowUnixSeconds() const override;
};

// A clock that stands still until told otherwise; safe to set while other threads read it.
class FixedClock final : public Clock {
public:
    explicit FixedClock(std::int64_t unix_seconds) : now_(unix_seconds) {}
    // Noon in Vietnam on `day`.
    explicit FixedClock(Date day) : now_(VietnamInstant(day, 12 * 60)) {}

    std::int64_t NowUnixSeconds() const override { return now_.load(); }
    void Set(std::int64_t unix_seconds) { now_.store(unix_seconds); }
    void Advance(std::int64_t seconds) { now_.fetch_add(seconds); }

private:
    std::atomic<std::int64_t> now_;
};

}  // namespace chibo::base
