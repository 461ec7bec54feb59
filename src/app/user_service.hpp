#pragma once

#include <optional>
#include <string>

#include "app/common.hpp"
#include "base/clock.hpp"
#include "domain/store.hpp"

namespace chibo::app {

struct NewUser {
    std::string username;
    std::string password;
    std::string display_name;
    std::optional<domain::MemberId> member;
    // An optional first role, granted in the same transaction (both or neither).
    std::optional<domain::Role> role;
    std::optional<domain::OrganizationId> organization;
};

// Accounts, roles and the audit log: administrators of a subtree only.
class UserService {
public:
    UserService(domain::Store& store, const base::Clock& clock) : store_(store), clock_(clock) {}

    base::Result<Page<domain::User>> List(const domain::Actor& actor, PageRequest page);
    base::Result<domain::User> Create(const domain::Actor& actor, const NewUser& input);
    base::Result<domain::User> AddRole(const domain::Actor& actor, domain::UserId user, domain::Role role,
                                       domain::OrganizationId organization);
    base::Result<domain::User> RemoveRole(const domain::Actor& actor, domain::UserId user, domain::RoleGrantId grant);
    base::Result<Page<domain::AuditEntry>> Audit(const domain::Actor& actor, const std::string& entity,
                                                 std::int64_t entity_id, PageRequest page);

    // For the command line: creates a user with one role, no actor checks, audited as "system".
    base::Result<domain::User> CreateAsSystem(const NewUser& input, domain::Role role,
                                              domain::OrganizationId organization);

private:
    domain::Store& store_;
    const base::Clock& clock_;
};

}  // namespace chibo::app
