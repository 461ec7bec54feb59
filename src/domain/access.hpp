#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.hpp"

namespace chibo::domain {

// What a user may do, always within the subtree of the organisation the role is granted on.
enum class Role {
    kAdministrator,  // everything in the subtree, plus users, roles and the audit log
    kCommittee,      // read and write the subtree (a commune committee over its cells)
    kSecretary,      // read and write their own cell (and its party groups)
    kMember,         // their own record, and their cell's name and published documents
};

struct RoleGrant {
    RoleGrantId id;
    Role role = Role::kMember;
    OrganizationId organization;
    std::string organization_name;  // Filled by the repository for display.
    std::string organization_path;  // Materialized path, filled by the repository.
};

struct User {
    UserId id;
    std::string username;
    std::string display_name;
    std::optional<MemberId> member;
    std::string password_hash;  // argon2id, libsodium's string format.
    std::vector<RoleGrant> roles;
};

// The signed-in user as the use cases see them. All access decisions are made from this value and
// the materialized path of the organisation concerned, so they are pure and testable.
struct Actor {
    UserId user;
    std::string username;
    std::optional<MemberId> member;
    std::vector<RoleGrant> roles;

    // May see the organisation itself (name, kind, leaders, counts).
    bool CanSeeOrganization(std::string_view path) const;
    // May list the members of the organisation and see their records.
    bool CanReadMembers(std::string_view path) const;
    // May change the organisation, its members and positions.
    bool CanWrite(std::string_view path) const;
    // May manage users and roles and read the audit log of the subtree.
    bool IsAdministratorOf(std::string_view path) const;
    // May read one member's record (theirs, or any in a subtree they may read).
    bool CanReadMember(std::string_view organization_path, MemberId member_id) const;
    // The organisations whose subtrees this actor may see, without one inside another.
    std::vector<const RoleGrant*> ScopeRoots() const;
    bool IsAnyAdministrator() const;
};

std::string_view ToCode(Role role);
std::optional<Role> RoleFromCode(std::string_view code);

}  // namespace chibo::domain
