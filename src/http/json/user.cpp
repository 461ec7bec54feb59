#include "http/json/user.hpp"

#include "http/json/body.hpp"
#include "http/json/common.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

constexpr const char* kBadRole = "Vai trò không hợp lệ.";

json::value SnapshotOrNull(const std::optional<Snapshot>& snapshot) {
    if (!snapshot) return nullptr;
    json::object o;
    for (const auto& [k, v] : *snapshot) o[k] = v;
    return o;
}

}  // namespace

json::object ToJson(const User& user) {
    return {{"id", user.id.value},
            {"username", user.username},
            {"display_name", user.display_name},
            {"member_id", IdOrNull(user.member)},
            {"roles", Array(user.roles, [](const RoleGrant& g) {
                 return json::object{{"id", g.id.value},
                                     {"role", ToCode(g.role)},
                                     {"organization_id", g.organization.value},
                                     {"organization_name", g.organization_name}};
             })}};
}

json::object ToJson(const AuditEntry& e) {
    return {{"id", e.id.value},
            {"at", e.at},
            {"user_id", IdOrNull(e.user)},
            {"username", e.username},
            {"action", e.action},
            {"entity", e.entity},
            {"entity_id", e.entity_id},
            {"organization_id", IdOrNull(e.organization)},
            {"organization_name", e.organization ? json::value(e.organization_name) : json::value(nullptr)},
            {"user_display_name", e.user_display_name},
            {"before", SnapshotOrNull(e.before)},
            {"after", SnapshotOrNull(e.after)}};
}

Result<LoginInput> ParseLogin(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    LoginInput in;
    CHIBO_TRY_ASSIGN(in.username, body.String("username", Need::kRequired, 100));
    CHIBO_TRY_ASSIGN(in.password, body.String("password", Need::kRequired, 1000));
    return in;
}

Result<app::NewUser> ParseNewUser(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::NewUser in;
    CHIBO_TRY_ASSIGN(in.username, body.String("username", Need::kRequired, 40));
    CHIBO_TRY_ASSIGN(in.password, body.String("password", Need::kRequired, 200));
    CHIBO_TRY_ASSIGN(in.display_name, body.String("display_name", Need::kOptional, 100));
    CHIBO_TRY_ASSIGN(in.member, body.OptionalTypedId<MemberId>("member_id"));
    CHIBO_TRY_ASSIGN(in.role, body.OptionalCode("role", RoleFromCode, kBadRole));
    CHIBO_TRY_ASSIGN(in.organization, body.OptionalTypedId<OrganizationId>("organization_id"));
    return in;
}

Result<RoleInput> ParseRole(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    RoleInput in;
    CHIBO_TRY_ASSIGN(in.role, body.Code("role", RoleFromCode, kBadRole));
    CHIBO_TRY_ASSIGN(in.organization, body.TypedId<OrganizationId>("organization_id"));
    return in;
}

}  // namespace chibo::http
