// Routes for committee members and staff attending cells: the people a committee assigns
// (/api/v1/organizations/{id}/attendants, /api/v1/attendants/{id}), its plans of visits (/api/v1/visit-plans/…),
// what a cell and a person see (/organizations/{id}/visits, /me/visits), reports, petitions and the overview.
#include "http/api.hpp"
#include "http/handler.hpp"
#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/topic.hpp"
#include "http/json/visit.hpp"

namespace chibo::http {

using base::Result;
using namespace chibo::domain;

namespace {

template <typename T>
boost::json::object ItemsOf(const std::vector<T>& items) {
    return Items(items, [](const T& item) { return ToJson(item); });
}

}  // namespace

void Api::AddVisitRoutes() {
    auto& visits = services_.visits;

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/attendants", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto items, visits.Attendants(req.auth->actor, id));
                    return Json(ItemsOf(items));
                });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/attendants", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseAttendantInput(req.body));
                    CHIBO_TRY_ASSIGN(const auto view, visits.AddAttendant(req.auth->actor, id, in));
                    return Json(ToJson(view), 201);
                });

    router_.Add(Method::kPut, "/api/v1/attendants/{id}", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<AttendantId>(req));
                    CHIBO_TRY_ASSIGN(const auto patch, ParseAttendantPatch(req.body));
                    CHIBO_TRY_ASSIGN(const auto view, visits.UpdateAttendant(req.auth->actor, id, patch));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/visit-plans", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto items, visits.Plans(req.auth->actor, id));
                    return Json(ItemsOf(items));
                });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/visit-plans", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParsePlanInput(req.body));
                    CHIBO_TRY_ASSIGN(const auto view, visits.Propose(req.auth->actor, id, in));
                    return Json(ToJson(view), 201);
                });

    router_.Add(Method::kGet, "/api/v1/visit-plans/{id}", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<VisitPlanId>(req));
                    CHIBO_TRY_ASSIGN(const auto view, visits.Plan(req.auth->actor, id));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kDelete, "/api/v1/visit-plans/{id}", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<VisitPlanId>(req));
                    CHIBO_TRY(visits.DeletePlan(req.auth->actor, id));
                    return NoContent();
                });

    router_.Add(Method::kPost, "/api/v1/visit-plans/{id}/publish", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<VisitPlanId>(req));
                    CHIBO_TRY_ASSIGN(const auto view, visits.Publish(req.auth->actor, id));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kPost, "/api/v1/visit-plans/{id}/visits", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<VisitPlanId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseVisitInput(req.body));
                    CHIBO_TRY_ASSIGN(const auto view, visits.AddVisit(req.auth->actor, id, in));
                    return Json(ToJson(view), 201);
                });

    router_.Add(Method::kPut, "/api/v1/visit-plans/{id}/visits/{visit_id}", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<VisitPlanId>(req));
                    CHIBO_TRY_ASSIGN(const auto visit, PathId<PlannedVisitId>(req, "visit_id"));
                    CHIBO_TRY_ASSIGN(const auto in, ParseVisitInput(req.body));
                    CHIBO_TRY_ASSIGN(const auto view, visits.UpdateVisit(req.auth->actor, id, visit, in));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kDelete, "/api/v1/visit-plans/{id}/visits/{visit_id}", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<VisitPlanId>(req));
                    CHIBO_TRY_ASSIGN(const auto visit, PathId<PlannedVisitId>(req, "visit_id"));
                    CHIBO_TRY_ASSIGN(const auto view, visits.DeleteVisit(req.auth->actor, id, visit));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/visits", Access::kSignedIn,
                [this, &visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const int year, QueryInt(req, "year", clock_.Today().year(), 2000, 2100));
                    CHIBO_TRY_ASSIGN(const auto items, visits.VisitsTo(req.auth->actor, id, year));
                    return Json(ItemsOf(items));
                });

    router_.Add(Method::kGet, "/api/v1/me/visits", Access::kSignedIn,
                [this, &visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const int year, QueryInt(req, "year", clock_.Today().year(), 2000, 2100));
                    CHIBO_TRY_ASSIGN(const auto mine, visits.Mine(req.auth->actor, year));
                    return Json(ToJson(mine));
                });

    router_.Add(Method::kPost, "/api/v1/visit-reports", Access::kSignedIn, [&visits](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto in, ParseReportInput(req.body));
        CHIBO_TRY_ASSIGN(const auto view, visits.File(req.auth->actor, in));
        return Json(ToJson(view), 201);
    });

    router_.Add(Method::kGet, "/api/v1/visit-reports/{id}", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<VisitReportId>(req));
                    CHIBO_TRY_ASSIGN(const auto view, visits.Report(req.auth->actor, id));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/visit-reports", Access::kSignedIn,
                [this, &visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const int year, QueryInt(req, "year", clock_.Today().year(), 2000, 2100));
                    CHIBO_TRY_ASSIGN(const auto items, visits.Reports(req.auth->actor, id, year));
                    return Json(ItemsOf(items));
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/petitions", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto state,
                                     QueryCode(req, "state", PetitionFilterFromCode,
                                               "Trạng thái phải là open, answered, overdue hoặc all."));
                    const app::PetitionFilter filter = state.value_or(app::PetitionFilter::kAll);
                    std::optional<int> year;
                    if (const auto text = req.Query("year"); text && !text->empty()) {
                        CHIBO_TRY_ASSIGN(const int y, QueryInt(req, "year", 0, 2000, 2100));
                        year = y;
                    }
                    CHIBO_TRY_ASSIGN(const auto items, visits.Petitions(req.auth->actor, id, filter, year));
                    return Json(ItemsOf(items));
                });

    router_.Add(Method::kPut, "/api/v1/petitions/{id}/answer", Access::kSignedIn,
                [&visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<PetitionId>(req));
                    CHIBO_TRY_ASSIGN(const std::string answer, ParseText(req.body, "answer", 4000));
                    CHIBO_TRY_ASSIGN(const auto view, visits.Answer(req.auth->actor, id, answer));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/visit-overview", Access::kSignedIn,
                [this, &visits](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const int year, QueryInt(req, "year", clock_.Today().year(), 2000, 2100));
                    std::pair<int, int> from{year, 1};
                    std::pair<int, int> to{year, 12};
                    if (const auto text = req.Query("from"); text && !text->empty()) {
                        CHIBO_TRY_ASSIGN(from, ParseMonth(*text, "from"));
                    }
                    if (const auto text = req.Query("to"); text && !text->empty()) {
                        CHIBO_TRY_ASSIGN(to, ParseMonth(*text, "to"));
                    }
                    CHIBO_TRY_ASSIGN(const auto overview, visits.Overview(req.auth->actor, id, from.first, from.second,
                                                                          to.first, to.second));
                    return Json(ToJson(overview));
                });
}

}  // namespace chibo::http
