#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/common.hpp"
#include "base/date.hpp"

// The small pieces every aggregate's JSON (http/json/*.hpp) is made of: nulls for absent values,
// ISO dates and timestamps, lists and pages. Plain types at the edge (docs/api/openapi.json).
namespace chibo::http {

boost::json::value DateOrNull(const std::optional<base::Date>& date);
boost::json::value IntOrNull(const std::optional<int>& value);
boost::json::value NumberOrNull(const std::optional<double>& value);
// ISO 8601 UTC timestamp of Unix seconds, or null.
boost::json::value TimestampOrNull(const std::optional<std::int64_t>& seconds);
// "HH:MM" of minutes after midnight, or null.
boost::json::value ClockOrNull(const std::optional<int>& minutes);
boost::json::array Strings(const std::vector<std::string>& items);

template <typename IdT>
boost::json::value IdOrNull(const std::optional<IdT>& id) {
    if (!id) return nullptr;
    return boost::json::value(id->value);
}

// Each element through `to_json`.
template <typename Range, typename F>
boost::json::array Array(const Range& range, F&& to_json) {
    boost::json::array out;
    for (const auto& item : range) out.push_back(to_json(item));
    return out;
}

// {"items": [...]}: the shape of every unpaged list.
template <typename Range, typename F>
boost::json::object Items(const Range& range, F&& to_json) {
    return {{"items", Array(range, to_json)}};
}

// {"items", "total", "page", "page_size"}: the shape of every paged list.
template <typename T, typename F>
boost::json::object PageToJson(const app::Page<T>& page, F&& to_json) {
    return {{"items", Array(page.items, to_json)},
            {"total", page.total},
            {"page", page.page},
            {"page_size", page.page_size}};
}

// {"code", "message"} of a warning shown beside a record.
template <typename W>
boost::json::object WarningToJson(const W& warning) {
    return {{"code", warning.code}, {"message", warning.message}};
}

}  // namespace chibo::http
