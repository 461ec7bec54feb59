#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "domain/organization.hpp"
#include "domain/position.hpp"

namespace chibo::domain {

// The organisation tree: each organisation with its materialized path, and where moved subtrees were.
class OrganizationRepository {
public:
    virtual ~OrganizationRepository() = default;

    virtual std::optional<Organization> Get(OrganizationId id) = 0;
    // Children sorted by name in Vietnamese collation.
    virtual std::vector<Organization> Children(OrganizationId parent, Dissolved dissolved) = 0;
    virtual bool HasChildren(OrganizationId parent, Dissolved dissolved) = 0;
    // Inserts and returns the organisation with its id and path set. The parent must exist.
    virtual Organization Insert(const Organization& organization) = 0;
    // Updates the plain fields (not parent or path; see Move).
    virtual void Update(const Organization& organization) = 0;
    // Puts `id` under `new_parent` from day `on`, records where the whole subtree was until then (a past
    // placement each) and rewrites their paths.
    virtual void Move(OrganizationId id, OrganizationId new_parent, base::Date on) = 0;
    // Every past placement, by organisation and date.
    virtual std::vector<OrganizationPlacement> PastPlacements() = 0;
    // On-roll members of the subtree rooted at `path`, by status (a party group counts its members).
    virtual MemberCounts CountMembers(const std::string& path) = 0;
    // Every organisation in the subtree (inclusive), for pickers and exports; sorted by path.
    virtual std::vector<Organization> Subtree(const std::string& path, Dissolved dissolved) = 0;
};

}  // namespace chibo::domain
