#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit.hpp"
#include "domain/meeting.hpp"
#include "domain/scorecard.hpp"
#include "storage/sql/sql.hpp"

// How the repositories (storage/sql/*_repository.cpp) write domain values into columns and read them
// back, where more than one repository needs the same form. Readers throw std::runtime_error on a value
// no writer produces: a corrupt row is an infrastructure failure, never read as some default.
namespace chibo::storage::sql {

[[noreturn]] void ThrowUnknownCode(std::string_view column, std::string_view code);

// The value `from_code` (e.g. domain::SexFromCode) reads from `code`. Throws std::runtime_error naming
// `column` ("members.sex") and the code when the domain does not know it.
template <typename FromCode>
auto Decode(std::string_view code, FromCode from_code, std::string_view column) {
    auto value = from_code(code);
    if (!value) ThrowUnknownCode(column, code);
    return *value;
}

// "1,2,3" for an IN list: integers written by us, not text from a request, so nothing to quote.
std::string IdList(const std::vector<std::int64_t>& ids);

// A set of small integers (months) as "3,6,9" and back.
std::string JoinInts(const std::set<int>& values);
std::set<int> SplitInts(const std::string& text);

// Single-line texts (agenda items, guests) stored one per line, and back.
std::string JoinLines(const std::vector<std::string>& lines);
std::vector<std::string> SplitLines(const std::string& text);

// Nullable integer columns as optional values.
std::optional<int> OptInt32(const Row& r, std::size_t i);
template <typename IdT>
std::optional<IdT> OptId(const Row& r, std::size_t i) {
    auto v = r.OptInt(i);
    if (!v) return std::nullopt;
    return IdT(*v);
}

// The columns of a meeting occurrence, in the order ReadMeeting reads them (selected from `meetings`
// by the meeting repository and by the record's AttendanceOf).
extern const char* const kMeetingColumns;
domain::Meeting ReadMeeting(const Row& r);

// A roll-call entry read from five columns starting at `at`: member_id, member_name,
// status_at_meeting, presence, reason.
domain::AttendanceRecord ReadAttendance(const Row& r, std::size_t at);

// JSON columns. Scorecards are stored whole (one row per version): nothing queries inside them.
std::string ScorecardToJson(const domain::Scorecard& card);
domain::Scorecard ScorecardFromJson(const std::string& text);
// A score's points per criterion code.
std::string PointsToJson(const std::map<std::string, int>& points);
std::map<std::string, int> PointsFromJson(const std::string& text);
// Texts by key (a score's reasons per criterion code).
std::string TextsToJson(const std::map<std::string, std::string>& texts);
std::map<std::string, std::string> TextsFromJson(const std::string& text);
// An audit entry's before or after snapshot; "" for none.
std::string SnapshotToJson(const std::optional<domain::Snapshot>& snapshot);
std::optional<domain::Snapshot> SnapshotFromJson(const std::string& text);

}  // namespace chibo::storage::sql
