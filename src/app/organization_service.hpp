#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common.hpp"
#include "base/clock.hpp"
#include "domain/member_repository.hpp"
#include "domain/store.hpp"

namespace chibo::app {

struct TreeNode {
    domain::Organization organization;
    int member_count = 0;  // On the roll, whole subtree.
    bool has_children = false;
    std::vector<TreeNode> children;
};

struct PartyGroupSummary {
    domain::Organization group;
    int member_count = 0;
    std::optional<domain::Position> leader;
};

struct OrganizationDetail {
    domain::Organization organization;
    std::vector<domain::Organization> path;  // Root first, ending with the organisation itself.
    domain::MemberCounts counts;
    domain::AwayCounts away;  // Today.
    std::vector<domain::Position> leaders;
    std::vector<PartyGroupSummary> party_groups;
    int children_count = 0;
    std::vector<domain::RuleWarning> warnings;
    bool can_write = false;
};

// What a user enters to create or edit an organisation.
struct OrganizationInput {
    std::optional<domain::OrganizationId> parent;  // Create only.
    std::string name;
    domain::OrganizationKind kind = domain::OrganizationKind::kSubordinateCell;
    domain::CellCategory category = domain::CellCategory::kNone;
    std::string address;
    std::optional<base::Date> valid_from;
    std::optional<base::Date> valid_to;
};

struct PositionInput {
    domain::MemberId member;
    domain::PositionKind kind = domain::PositionKind::kCommitteeMember;
    base::Date term_start;
    std::optional<base::Date> term_end;
};

// Which positions a list holds.
enum class PositionTerms { kInOffice, kEvery };

// Use cases on the organisation tree. Every method checks the actor's scope: organisations outside
// it are NotFound; visible but not writable ones are PermissionDenied.
class OrganizationService {
public:
    static constexpr int kMaxTreeDepth = 10;

    OrganizationService(domain::Store& store, const base::Clock& clock) : store_(store), clock_(clock) {}

    // Without a root: the actor's scope roots. `depth` levels of children are filled.
    base::Result<std::vector<TreeNode>> Tree(const domain::Actor& actor, std::optional<domain::OrganizationId> root,
                                             int depth, domain::Dissolved dissolved);
    base::Result<OrganizationDetail> Get(const domain::Actor& actor, domain::OrganizationId id);
    base::Result<OrganizationDetail> Create(const domain::Actor& actor, const OrganizationInput& input);
    base::Result<OrganizationDetail> Update(const domain::Actor& actor, domain::OrganizationId id,
                                            const OrganizationInput& input);
    base::Result<OrganizationDetail> Move(const domain::Actor& actor, domain::OrganizationId id,
                                          domain::OrganizationId new_parent);
    // Moves every on-roll member of cell `id` to cell `into` on `date` (history kept), moves its party
    // groups, ends its positions and marks it merged. Returns the target.
    base::Result<OrganizationDetail> Merge(const domain::Actor& actor, domain::OrganizationId id,
                                           domain::OrganizationId into, base::Date date);
    // The positions in office today, or every position ever held.
    base::Result<std::vector<domain::Position>> Positions(const domain::Actor& actor, domain::OrganizationId id,
                                                          PositionTerms terms);
    base::Result<domain::Position> AddPosition(const domain::Actor& actor, domain::OrganizationId id,
                                               const PositionInput& input);
    base::Result<domain::Position> EndPosition(const domain::Actor& actor, domain::PositionId id, base::Date date);

private:
    domain::Store& store_;
    const base::Clock& clock_;
};

// Loads an organisation the actor may see, or NotFound.
base::Result<domain::Organization> VisibleOrganization(domain::Repositories& repos, const domain::Actor& actor,
                                                       domain::OrganizationId id);

}  // namespace chibo::app
