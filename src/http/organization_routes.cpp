// Routes under /api/v1/organizations and /api/v1/positions.
#include "http/api.hpp"
#include "http/handler.hpp"
#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/organization.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

void Api::AddOrganizationRoutes() {
    auto& orgs = services_.organizations;
    const auto position = [](const Position& p) { return ToJson(p); };

    router_.Add(
        Method::kGet, "/api/v1/organizations/tree", Access::kSignedIn, [&orgs](Request& req) -> Result<Response> {
            CHIBO_TRY_ASSIGN(const auto root, QueryId<OrganizationId>(req, "root_id"));
            CHIBO_TRY_ASSIGN(const int depth, QueryInt(req, "depth", 3, 0, app::OrganizationService::kMaxTreeDepth));
            CHIBO_TRY_ASSIGN(const bool dissolved, QueryBool(req, "include_dissolved", false));
            CHIBO_TRY_ASSIGN(const auto nodes, orgs.Tree(req.auth->actor, root, depth,
                                                         dissolved ? Dissolved::kInclude : Dissolved::kExclude));
            return Json(json::object{{"roots", Array(nodes, [](const app::TreeNode& n) { return ToJson(n); })}});
        });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}", Access::kSignedIn,
                [&orgs](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto detail, orgs.Get(req.auth->actor, id));
                    return Json(ToJson(detail));
                });

    router_.Add(Method::kPost, "/api/v1/organizations", Access::kSignedIn, [&orgs](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto in, ParseOrganization(req.body, OrganizationBody::kCreate));
        CHIBO_TRY_ASSIGN(const auto detail, orgs.Create(req.auth->actor, in));
        return Json(ToJson(detail), 201);
    });

    router_.Add(Method::kPut, "/api/v1/organizations/{id}", Access::kSignedIn,
                [&orgs](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseOrganization(req.body, OrganizationBody::kUpdate));
                    CHIBO_TRY_ASSIGN(const auto detail, orgs.Update(req.auth->actor, id, in));
                    return Json(ToJson(detail));
                });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/move", Access::kSignedIn,
                [&orgs](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto body, JsonBody::Parse(req.body));
                    CHIBO_TRY_ASSIGN(const auto parent, body.TypedId<OrganizationId>("parent_id"));
                    CHIBO_TRY_ASSIGN(const auto detail, orgs.Move(req.auth->actor, id, parent));
                    return Json(ToJson(detail));
                });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/merge", Access::kSignedIn,
                [&orgs](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseMerge(req.body));
                    CHIBO_TRY_ASSIGN(const auto detail, orgs.Merge(req.auth->actor, id, in.into, in.date));
                    return Json(ToJson(detail));
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/positions", Access::kSignedIn,
                [&orgs, position](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const bool ended, QueryBool(req, "include_ended", false));
                    CHIBO_TRY_ASSIGN(const auto positions, orgs.Positions(req.auth->actor, id,
                                                                          ended ? app::PositionTerms::kEvery
                                                                                : app::PositionTerms::kInOffice));
                    return Json(Items(positions, position));
                });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/positions", Access::kSignedIn,
                [this](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParsePosition(req.body, clock_.Today()));
                    CHIBO_TRY_ASSIGN(const auto added, services_.organizations.AddPosition(req.auth->actor, id, in));
                    return Json(ToJson(added), 201);
                });

    router_.Add(Method::kPost, "/api/v1/positions/{id}/end", Access::kSignedIn,
                [&orgs](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<PositionId>(req));
                    CHIBO_TRY_ASSIGN(const auto body, JsonBody::Parse(req.body));
                    CHIBO_TRY_ASSIGN(const auto date, body.Date("date"));
                    CHIBO_TRY_ASSIGN(const auto ended, orgs.EndPosition(req.auth->actor, id, date));
                    return Json(ToJson(ended));
                });
}

}  // namespace chibo::http
