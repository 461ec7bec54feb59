// Routes for meeting quality: scorecards of an organisation's subtree (/api/v1/organizations/{id}/scorecard…),
// the scoring of one meeting (/api/v1/meetings/{id}/score…) and of a subtree's meetings against their record
// (/api/v1/organizations/{id}/scores).
#include "http/api.hpp"
#include "http/handler.hpp"
#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/dashboard.hpp"
#include "http/json/score.hpp"

namespace chibo::http {

using base::Result;
using namespace chibo::domain;

void Api::AddScoreRoutes() {
    auto& scores = services_.scores;

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/scorecard", Access::kSignedIn,
                [&scores](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto on, QueryDate(req, "date"));
                    CHIBO_TRY_ASSIGN(const auto kind, QueryCode(req, "kind", MeetingKindFromCode,
                                                                "Loại buổi sinh hoạt phải là regular hoặc thematic."));
                    CHIBO_TRY_ASSIGN(const auto view, scores.Scorecard(req.auth->actor, id, on,
                                                                       kind.value_or(domain::MeetingKind::kRegular)));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/scorecards", Access::kSignedIn,
                [&scores](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto card, ParseScorecard(req.body));
                    CHIBO_TRY_ASSIGN(const auto saved, scores.SaveScorecard(req.auth->actor, id, card));
                    return Json(ToJson(saved), 201);
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/alerts", Access::kSignedIn,
                [&scores](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto alerts, scores.Alerts(req.auth->actor, id));
                    return Json(Items(alerts, [](const app::CellAlert& a) { return ToJson(a); }));
                });

    router_.Add(Method::kGet, "/api/v1/meetings/{id}/score", Access::kSignedIn,
                [&scores](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto scoring, scores.ForMeeting(req.auth->actor, id));
                    return Json(ToJson(scoring));
                });

    router_.Add(
        Method::kPost, "/api/v1/meetings/{id}/scores", Access::kSignedIn, [&scores](Request& req) -> Result<Response> {
            CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
            CHIBO_TRY_ASSIGN(const auto in, ParseScore(req.body));
            CHIBO_TRY_ASSIGN(const auto score, scores.SaveScore(req.auth->actor, id, in.role, in.sheet, in.reason));
            return Json(ToJson(score), 201);
        });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/scores", Access::kSignedIn,
                [this, &scores](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto months, ParseMonths(req, clock_.Today()));
                    CHIBO_TRY_ASSIGN(const auto view, scores.SubtreeScoring(req.auth->actor, id, months));
                    return Json(ToJson(view));
                });
}

}  // namespace chibo::http
