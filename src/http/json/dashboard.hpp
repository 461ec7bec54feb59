#pragma once

#include <boost/json.hpp>

#include <string>

#include "app/statistics_service.hpp"
#include "base/result.hpp"
#include "http/types.hpp"

// The dashboards on the wire (docs/api/openapi.json: DashboardFigures, Dashboard, DashboardAlerts).
namespace chibo::http {

// "2026-03" of a domain::MonthNumber (quarters: domain::QuarterCode).
std::string MonthCode(int month);

boost::json::object ToJson(const domain::DashboardFigures& figures);
boost::json::object OrgJson(const domain::StatOrganization& organization);
boost::json::object ToJson(const app::DashboardView& view);
boost::json::object ToJson(const app::DashboardAlertsView& view, const app::PageRequest& page);

// ?from=YYYY-MM&to=YYYY-MM; by default this year up to this month.
base::Result<domain::MonthRange> ParseMonths(const Request& request, base::Date today);

}  // namespace chibo::http
