#pragma once

#include <boost/json.hpp>

#include <string>

#include "app/meeting_service.hpp"
#include "base/result.hpp"

// Meeting rules, calendars and meetings on the wire (docs/api/openapi.json: MeetingRuleOverride,
// MeetingRule, RuleView, CalendarEntry, Meeting). A meeting's record, roll and tasks are in
// meeting_record.hpp.
namespace chibo::http {

boost::json::object ToJson(const domain::MeetingRuleOverride& rule);
boost::json::object ToJson(const domain::MeetingRule& rule);
boost::json::object ToJson(const app::RuleView& view);
// The fields every meeting carries, in calendars and on its own.
boost::json::object MeetingFields(const domain::Meeting& meeting);
boost::json::object ToJson(const app::CalendarEntry& entry);
boost::json::object ToJson(const app::MeetingView& view);

base::Result<domain::MeetingRuleOverride> ParseRule(const std::string& text);

struct OpenInput {
    domain::MeetingKind kind = domain::MeetingKind::kRegular;
    int year = 0;
    int month = 0;
};
base::Result<OpenInput> ParseOpen(const std::string& text);

struct MoveInput {
    base::Date date;
    std::optional<int> start_minutes;
    std::string reason;
};
base::Result<MoveInput> ParseMove(const std::string& text);
// {"reason"} of a cancellation.
base::Result<std::string> ParseCancel(const std::string& text);

}  // namespace chibo::http
