#include "domain/access.hpp"

#include <algorithm>

#include "domain/organization.hpp"

namespace chibo::domain {

bool Actor::CanSeeOrganization(std::string_view path) const {
    return std::any_of(roles.begin(), roles.end(), [&](const RoleGrant& g) {
        if (g.role == Role::kMember) return path == g.organization_path;
        return InSubtree(path, g.organization_path);
    });
}

bool Actor::CanReadMembers(std::string_view path) const {
    return std::any_of(roles.begin(), roles.end(), [&](const RoleGrant& g) {
        return g.role != Role::kMember && InSubtree(path, g.organization_path);
    });
}

bool Actor::CanWrite(std::string_view path) const {
    return CanReadMembers(path);
}

bool Actor::IsAdministratorOf(std::string_view path) const {
    return std::any_of(roles.begin(), roles.end(), [&](const RoleGrant& g) {
        return g.role == Role::kAdministrator && InSubtree(path, g.organization_path);
    });
}

bool Actor::CanReadMember(std::string_view organization_path, MemberId member_id) const {
    if (member && *member == member_id) return true;
    return CanReadMembers(organization_path);
}

std::vector<const RoleGrant*> Actor::ScopeRoots() const {
    std::vector<const RoleGrant*> roots;
    for (const RoleGrant& g : roles) {
        const bool covered = std::any_of(roles.begin(), roles.end(), [&](const RoleGrant& other) {
            if (&other == &g || other.role == Role::kMember) return false;
            if (other.organization_path == g.organization_path) return &other < &g;
            return InSubtree(g.organization_path, other.organization_path);
        });
        if (!covered) roots.push_back(&g);
    }
    return roots;
}

bool Actor::IsAnyAdministrator() const {
    return std::any_of(roles.begin(), roles.end(), [](const RoleGrant& g) { return g.role == Role::kAdministrator; });
}

std::string_view ToCode(Role role) {
    switch (role) {
        case Role::kAdministrator:
            return "administrator";
        case Role::kCommittee:
            return "committee";
        case Role::kSecretary:
            return "secretary";
        case Role::kMember:
            return "member";
    }
    return "";
}

std::optional<Role> RoleFromCode(std::string_view code) {
    for (Role r : {Role::kAdministrator, Role::kCommittee, Role::kSecretary, Role::kMember})
        if (ToCode(r) == code) return r;
    return std::nullopt;
}

}  // namespace chibo::domain
