#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common.hpp"
#include "base/clock.hpp"
#include "domain/store.hpp"

namespace chibo::app {

struct MemberListQuery {
    std::string text;  // Free text; folded and matched against the start of name words.
    std::optional<domain::OrganizationId> organization;  // Subtree; default: the actor's first scope.
    std::optional<domain::MemberStatus> status;
    bool include_off_roll = false;
    PageRequest page;
};

struct MemberListItem {
    domain::Member member;
    std::string organization_name;
};

struct MembershipView {
    domain::Membership membership;
    std::string organization_name;
};

struct PositionView {
    domain::Position position;
    std::string organization_name;
};

struct MemberDetail {
    domain::Member member;
    std::string organization_name;
    std::vector<MembershipView> memberships;
    std::vector<domain::StatusChange> status_history;
    std::vector<PositionView> positions;
    bool can_write = false;
};

struct TransferInput {
    domain::OrganizationId target;
    base::Date date;
    std::string reason;
};

// Use cases on the member roll.
class MemberService {
public:
    MemberService(domain::Store& store, const base::Clock& clock) : store_(store), clock_(clock) {}

    base::Result<Page<MemberListItem>> List(const domain::Actor& actor, const MemberListQuery& query);
    base::Result<MemberDetail> Get(const domain::Actor& actor, domain::MemberId id);
    // `input.organization` names the cell. Opens the first membership on `joined_on` (default today: a
    // history can be entered), with the status from that day.
    base::Result<MemberDetail> Create(const domain::Actor& actor, domain::Member input,
                                      std::optional<base::Date> joined_on = std::nullopt);
    // Every field but the cell (see Transfer). A new status holds from `status_since` (default today).
    base::Result<MemberDetail> Update(const domain::Actor& actor, domain::MemberId id, domain::Member input,
                                      std::optional<base::Date> status_since = std::nullopt);
    // Moves an on-roll member to another cell: closes the current membership, opens one in the target,
    // ends positions held in the source cell.
    base::Result<MemberDetail> Transfer(const domain::Actor& actor, domain::MemberId id, const TransferInput& input);

private:
    domain::Store& store_;
    const base::Clock& clock_;
};

}  // namespace chibo::app
