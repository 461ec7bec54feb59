// Routes under /api/v1/users and /api/v1/audit.
#include "http/api.hpp"
#include "http/json_io.hpp"
#include "http/json_mapping.hpp"

namespace chibo::http {

using namespace chibo::domain;

void Api::AddUserRoutes() {
    auto& users = services_.users;
    auto user_json = [](const User& u) { return ToJson(u); };

    router_.Add(Method::kGet, "/api/v1/users", Access::kSignedIn, [&users](Request& req) {
        auto page = QueryPage(req);
        if (!page) return ErrorResponse(page.error());
        return Render(users.List(req.auth->actor, *page), [](const auto& p) { return PageToJson(p); });
    });

    router_.Add(Method::kPost, "/api/v1/users", Access::kSignedIn, [&users, user_json](Request& req) {
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        app::NewUser in;
        auto username = body->String("username", true, 40);
        if (!username) return ErrorResponse(username.error());
        auto password = body->String("password", true, 200);
        if (!password) return ErrorResponse(password.error());
        auto display = body->String("display_name", false, 100);
        if (!display) return ErrorResponse(display.error());
        auto member = body->OptionalId("member_id");
        if (!member) return ErrorResponse(member.error());
        auto role_code = body->String("role", false, 20);
        if (!role_code) return ErrorResponse(role_code.error());
        if (!role_code->empty()) {
            in.role = RoleFromCode(*role_code);
            if (!in.role) return ErrorResponse(FieldError("role", "Vai trò không hợp lệ."));
        }
        auto org = body->OptionalId("organization_id");
        if (!org) return ErrorResponse(org.error());
        if (*org) in.organization = OrganizationId(**org);
        in.username = *username;
        in.password = *password;
        in.display_name = *display;
        if (*member) in.member = MemberId(**member);
        return Render(users.Create(req.auth->actor, in), user_json, 201);
    });

    router_.Add(Method::kPost, "/api/v1/users/{id}/roles", Access::kSignedIn, [&users, user_json](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        auto role_code = body->String("role", true, 20);
        if (!role_code) return ErrorResponse(role_code.error());
        auto role = RoleFromCode(*role_code);
        if (!role) return ErrorResponse(FieldError("role", "Vai trò không hợp lệ."));
        auto org = body->Id("organization_id");
        if (!org) return ErrorResponse(org.error());
        return Render(users.AddRole(req.auth->actor, UserId(*id), *role, OrganizationId(*org)), user_json, 201);
    });

    router_.Add(Method::kDelete, "/api/v1/users/{id}/roles/{role_id}", Access::kSignedIn,
                [&users, user_json](Request& req) {
                    auto id = PathId(req, "id");
                    if (!id) return ErrorResponse(id.error());
                    auto grant = PathId(req, "role_id");
                    if (!grant) return ErrorResponse(grant.error());
                    return Render(users.RemoveRole(req.auth->actor, UserId(*id), RoleGrantId(*grant)), user_json);
                });

    router_.Add(Method::kGet, "/api/v1/audit", Access::kSignedIn, [&users](Request& req) {
        auto page = QueryPage(req);
        if (!page) return ErrorResponse(page.error());
        auto entity_id = QueryId(req, "entity_id");
        if (!entity_id) return ErrorResponse(entity_id.error());
        const std::string entity = req.Query("entity").value_or("");
        if (entity.size() > 40) return ErrorResponse(FieldError("entity", "Giá trị quá dài."));
        return Render(users.Audit(req.auth->actor, entity, entity_id->value_or(0), *page),
                      [](const auto& p) { return PageToJson(p); });
    });
}

}  // namespace chibo::http
