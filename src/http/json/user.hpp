#pragma once

#include <boost/json.hpp>

#include <string>

#include "app/user_service.hpp"
#include "base/result.hpp"

// Accounts, role grants, sign-in and the audit log on the wire (docs/api/openapi.json: User, NewUser,
// RoleInput, LoginInput, AuditEntry).
namespace chibo::http {

boost::json::object ToJson(const domain::User& user);
boost::json::object ToJson(const domain::AuditEntry& entry);

struct LoginInput {
    std::string username;
    std::string password;
};
base::Result<LoginInput> ParseLogin(const std::string& text);
base::Result<app::NewUser> ParseNewUser(const std::string& text);

struct RoleInput {
    domain::Role role = domain::Role::kMember;
    domain::OrganizationId organization;
};
base::Result<RoleInput> ParseRole(const std::string& text);

}  // namespace chibo::http
