#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "app/grading_service.hpp"
#include "base/result.hpp"

// Annual grading on the wire (docs/api/openapi.json: GradingRound, RoundList, RoundDetail, Grade,
// GradeProposal, GradeRow, GradeInput, RoundInput).
namespace chibo::http {

boost::json::object ToJson(const app::RoundView& view);
boost::json::object ToJson(const app::RoundList& list);
boost::json::object ToJson(const app::RoundDetail& detail);
// A recorded step, or null when the step has no record yet.
boost::json::value ToJson(const std::optional<domain::Grade>& grade);
boost::json::object ToJson(const domain::GradeProposal& proposal);
boost::json::object ToJson(const app::GradeRow& row);
// One subject's row with every record of it ("history").
boost::json::object SubjectToJson(const app::GradeRow& row);

// "cell" or "member", as `field` names it.
base::Result<domain::GradingSubject> ParseSubject(std::string_view code, const char* field);
base::Result<app::GradeInput> ParseGradeInput(const std::string& text);

struct RoundInput {
    std::string period;
    std::optional<double> excellent_quota;
};
base::Result<RoundInput> ParseRound(const std::string& text);

}  // namespace chibo::http
