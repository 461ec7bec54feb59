#include "http/json/common.hpp"

#include "domain/meeting.hpp"

namespace chibo::http {

namespace json = boost::json;

json::value DateOrNull(const std::optional<base::Date>& date) {
    return date ? json::value(date->ToIso()) : json::value(nullptr);
}

json::value IntOrNull(const std::optional<int>& value) {
    return value ? json::value(*value) : json::value(nullptr);
}

json::value NumberOrNull(const std::optional<double>& value) {
    return value ? json::value(*value) : json::value(nullptr);
}

json::value TimestampOrNull(const std::optional<std::int64_t>& seconds) {
    return seconds ? json::value(base::IsoTimestamp(*seconds)) : json::value(nullptr);
}

json::value ClockOrNull(const std::optional<int>& minutes) {
    return minutes ? json::value(domain::FormatClock(*minutes)) : json::value(nullptr);
}

json::array Strings(const std::vector<std::string>& items) {
    json::array out;
    for (const std::string& s : items) out.emplace_back(s);
    return out;
}

}  // namespace chibo::http
