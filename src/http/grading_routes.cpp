// Routes for the annual grading of cells and members: rounds of an organisation
// (/api/v1/organizations/{id}/grading-rounds) and the subjects and records of one round (/api/v1/grading-rounds/…).
#include "http/api.hpp"
#include "http/handler.hpp"
#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/grading.hpp"

namespace chibo::http {

using base::Result;
using namespace chibo::domain;

void Api::AddGradingRoutes() {
    auto& grading = services_.grading;

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/grading-rounds", Access::kSignedIn,
                [&grading](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto list, grading.Rounds(req.auth->actor, id));
                    return Json(ToJson(list));
                });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/grading-rounds", Access::kSignedIn,
                [&grading](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseRound(req.body));
                    CHIBO_TRY_ASSIGN(const auto round,
                                     grading.CreateRound(req.auth->actor, id, in.period, in.excellent_quota));
                    return Json(ToJson(round), 201);
                });

    router_.Add(Method::kGet, "/api/v1/grading-rounds/{id}", Access::kSignedIn,
                [&grading](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<GradingRoundId>(req));
                    CHIBO_TRY_ASSIGN(const auto detail, grading.Round(req.auth->actor, id));
                    return Json(ToJson(detail));
                });

    router_.Add(Method::kGet, "/api/v1/grading-rounds/{id}/grades", Access::kSignedIn,
                [&grading](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<GradingRoundId>(req));
                    CHIBO_TRY_ASSIGN(const auto subject,
                                     ParseSubject(req.Query("subject").value_or("cell"), "subject"));
                    CHIBO_TRY_ASSIGN(const auto within, QueryId<OrganizationId>(req, "organization"));
                    CHIBO_TRY_ASSIGN(const auto rows, grading.Rows(req.auth->actor, id, subject, within));
                    return Json(Items(rows, [](const app::GradeRow& r) { return ToJson(r); }));
                });

    router_.Add(Method::kGet, "/api/v1/grading-rounds/{id}/grades/{subject}/{subject_id}", Access::kSignedIn,
                [&grading](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<GradingRoundId>(req));
                    CHIBO_TRY_ASSIGN(const auto subject_id, PathNumber(req, "subject_id"));
                    CHIBO_TRY_ASSIGN(const auto subject, ParseSubject(req.path_params["subject"], "subject"));
                    CHIBO_TRY_ASSIGN(const auto row, grading.Subject(req.auth->actor, id, subject, subject_id));
                    return Json(SubjectToJson(row));
                });

    router_.Add(Method::kPost, "/api/v1/grading-rounds/{id}/grades", Access::kSignedIn,
                [&grading](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<GradingRoundId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseGradeInput(req.body));
                    CHIBO_TRY_ASSIGN(const auto grade, grading.Record(req.auth->actor, id, in));
                    return Json(ToJson(std::optional<Grade>(grade)), 201);
                });
}

}  // namespace chibo::http
