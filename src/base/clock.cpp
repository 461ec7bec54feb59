#include "base/clock.hpp"

#include <chrono>

namespace chibo::base {

std::int64_t SystemClock::NowUnixSeconds() const {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace chibo::base
