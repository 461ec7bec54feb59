#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>

#include "domain/meeting.hpp"

namespace chibo::exporting {

// One event of a calendar feed: a meeting and the name of its cell. `uid` and `summary` default to the
// meeting's ("meeting-<id>", "Sinh hoạt thường kỳ – <cell>"); a planned visit names its own.
struct CalendarEvent {
    domain::Meeting meeting;
    std::string cell_name;
    std::string uid;
    std::string summary;
};

// An iCalendar (RFC 5545) document of meetings: times in UTC, text escaped, lines folded at 75
// octets without splitting a UTF-8 character, CRLF line ends. `now` stamps every event.
std::string CalendarFeed(const std::string& calendar_name, std::span<const CalendarEvent> events, std::int64_t now);

}  // namespace chibo::exporting
