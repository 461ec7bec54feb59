#pragma once

#include <boost/json.hpp>

#include "app/meeting_service.hpp"
#include "app/member_service.hpp"
#include "app/organization_service.hpp"
#include "app/user_service.hpp"

// Domain and use-case values to the API's JSON (docs/api.md). Plain types at the edge.
namespace chibo::http {

boost::json::value DateOrNull(const std::optional<base::Date>& date);
boost::json::object ToJson(const domain::User& user);
boost::json::object ToJson(const domain::Position& position);
boost::json::object ToJson(const app::TreeNode& node);
boost::json::object ToJson(const app::OrganizationDetail& detail);
boost::json::object ToJson(const app::MemberListItem& item);
boost::json::object ToJson(const app::MemberDetail& detail);
boost::json::object ToJson(const domain::AuditEntry& entry);
boost::json::object ToJson(const domain::RegisteredDocument& document);
boost::json::object ToJson(const domain::MeetingRuleOverride& rule);
boost::json::object ToJson(const domain::MeetingRule& rule);
boost::json::object ToJson(const app::RuleView& view);
// The fields every meeting carries, in calendars and on its own.
boost::json::object MeetingFields(const domain::Meeting& meeting);
boost::json::object ToJson(const app::MeetingView& view);
boost::json::object ToJson(const domain::AttendanceRecord& record);
boost::json::object ToJson(const domain::AttendanceCounts& counts);
boost::json::object ToJson(const domain::ResolutionTask& task);
boost::json::object ToJson(const domain::Attachment& attachment);
boost::json::object ToJson(const domain::LeaveRequest& request);
boost::json::object ToJson(const domain::Amendment& amendment);

template <typename T>
boost::json::object PageToJson(const app::Page<T>& page) {
    boost::json::array items;
    for (const T& item : page.items) items.push_back(ToJson(item));
    return {{"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}};
}

}  // namespace chibo::http
