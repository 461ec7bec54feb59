#pragma once

#include <boost/json.hpp>

#include <map>
#include <string>

#include "app/score_service.hpp"
#include "base/result.hpp"

// Meeting quality on the wire (docs/api/openapi.json: Scorecard, StoredScorecard, ScorecardView,
// MeetingScore, MeetingScoring, CellAlert, NewScore,
// SubtreeScores).
namespace chibo::http {

boost::json::object ToJson(const domain::Scorecard& card);
boost::json::object ToJson(const domain::StoredScorecard& scorecard);
boost::json::object ToJson(const domain::MeetingScore& score);
boost::json::object ToJson(const app::ScorecardView& view);
boost::json::object ToJson(const app::MeetingScoring& scoring);
boost::json::object ToJson(const app::CellAlert& alert);
boost::json::object ToJson(const app::SubtreeScores& scores);

base::Result<domain::Scorecard> ParseScorecard(const std::string& text);

struct ScoreInput {
    domain::ScorerRole role = domain::ScorerRole::kCell;
    domain::ScoreSheet sheet;
    std::string reason;
};
base::Result<ScoreInput> ParseScore(const std::string& text);

}  // namespace chibo::http
