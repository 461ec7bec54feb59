#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <utility>

#include "app/topic_service.hpp"
#include "base/result.hpp"

// Thematic topics on the wire (docs/api/openapi.json: TopicOrientation, OrientationList, OrientationInput,
// Topic, TopicDetail, TopicPlan, TopicInput, TopicDraft, DraftDiff, TopicComment).
namespace chibo::http {

boost::json::object ToJson(const app::OrientationView& view);
boost::json::object ToJson(const app::OrientationList& list);
boost::json::object ToJson(const app::TopicView& view);
boost::json::object ToJson(const app::TopicDetail& detail);
boost::json::object ToJson(const app::TopicPlan& plan);
boost::json::object ToJson(const domain::TopicDraft& draft);
boost::json::object ToJson(const app::DraftDiff& diff);
boost::json::object ToJson(const app::CoverageView& view);
boost::json::object ToJson(const domain::TopicComment& comment);
boost::json::object ToJson(const app::TopicReview& review);
boost::json::object ToJson(const domain::TopicFile& file);

base::Result<app::OrientationInput> ParseOrientation(const std::string& text);
base::Result<app::TopicInput> ParseTopicInput(const std::string& text);
// A body of one required text field `name` of at most `max_chars` characters ({"text"}, {"reason"}).
base::Result<std::string> ParseText(const std::string& text, const char* name, std::size_t max_chars);
// {"assessment": "commendation"|"lesson", "note"}.
base::Result<std::pair<domain::TopicAssessment, std::string>> ParseAssessment(const std::string& text);

}  // namespace chibo::http
