// Routes under /api/v1/users and /api/v1/audit.
#include "http/api.hpp"
#include "http/handler.hpp"
#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/user.hpp"

namespace chibo::http {

using base::Result;
using namespace chibo::domain;

void Api::AddUserRoutes() {
    auto& users = services_.users;
    const auto user_json = [](const User& u) { return ToJson(u); };

    router_.Add(Method::kGet, "/api/v1/users", Access::kSignedIn,
                [&users, user_json](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto page_request, QueryPage(req));
                    CHIBO_TRY_ASSIGN(const auto page, users.List(req.auth->actor, page_request));
                    return Json(PageToJson(page, user_json));
                });

    router_.Add(Method::kPost, "/api/v1/users", Access::kSignedIn, [&users](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto in, ParseNewUser(req.body));
        CHIBO_TRY_ASSIGN(const auto user, users.Create(req.auth->actor, in));
        return Json(ToJson(user), 201);
    });

    router_.Add(Method::kPost, "/api/v1/users/{id}/roles", Access::kSignedIn,
                [&users](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<UserId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseRole(req.body));
                    CHIBO_TRY_ASSIGN(const auto user, users.AddRole(req.auth->actor, id, in.role, in.organization));
                    return Json(ToJson(user), 201);
                });

    router_.Add(Method::kDelete, "/api/v1/users/{id}/roles/{role_id}", Access::kSignedIn,
                [&users](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<UserId>(req));
                    CHIBO_TRY_ASSIGN(const auto grant, PathId<RoleGrantId>(req, "role_id"));
                    CHIBO_TRY_ASSIGN(const auto user, users.RemoveRole(req.auth->actor, id, grant));
                    return Json(ToJson(user));
                });

    router_.Add(Method::kGet, "/api/v1/audit", Access::kSignedIn, [&users](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto page_request, QueryPage(req));
        CHIBO_TRY_ASSIGN(const auto entity_id, QueryNumber(req, "entity_id"));
        CHIBO_TRY_ASSIGN(const auto entity, QueryText(req, "entity", 40, "Giá trị quá dài."));
        CHIBO_TRY_ASSIGN(const auto page, users.Audit(req.auth->actor, entity, entity_id.value_or(0), page_request));
        return Json(PageToJson(page, [](const AuditEntry& e) { return ToJson(e); }));
    });
}

}  // namespace chibo::http
