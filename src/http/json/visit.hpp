#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "app/visit_service.hpp"
#include "base/result.hpp"

// Committee visits on the wire (docs/api/openapi.json: Attendant, AttendantInput, AttendantUpdate, VisitPlan,
// VisitPlanSummary, VisitPlanInput, PlannedVisit, PlannedVisitInput, VisitReport, VisitReportInput, Petition,
// PetitionInput, VisitOverview, MyVisits).
namespace chibo::http {

boost::json::object ToJson(const app::AttendantView& view);
boost::json::object ToJson(const domain::StoredVisitPlan& plan);
boost::json::object ToJson(const app::PlannedVisitView& view);
boost::json::object ToJson(const app::VisitPlanView& view);
boost::json::object ToJson(const app::PetitionView& view);
boost::json::object ToJson(const app::ReportView& view);
boost::json::object ToJson(const app::MyVisits& mine);
boost::json::object ToJson(const app::VisitOverview& overview);
boost::json::object ToJson(const app::SuperiorCandidate& candidate);

base::Result<app::AttendantInput> ParseAttendantInput(const std::string& text);
base::Result<app::AttendantPatch> ParseAttendantPatch(const std::string& text);
base::Result<app::PlanInput> ParsePlanInput(const std::string& text);
base::Result<app::VisitInput> ParseVisitInput(const std::string& text);
base::Result<app::ReportInput> ParseReportInput(const std::string& text);
// "open", "answered", "overdue" or "all" as a filter of petitions.
std::optional<app::PetitionFilter> PetitionFilterFromCode(std::string_view code);
// "YYYY-MM" as a year and a month; an error names `field`.
base::Result<std::pair<int, int>> ParseMonth(const std::string& text, const std::string& field);

}  // namespace chibo::http
