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

struct LetterView {
    domain::TransferLetter letter;
    std::string organization_name;  // The home cell that issued it.
    bool running = false;           // Today.
};

struct MemberDetail {
    domain::Member member;
    std::string organization_name;
    std::vector<MembershipView> memberships;
    std::vector<domain::StatusChange> status_history;
    std::vector<LetterView> letters;  // Newest first.
    std::vector<PositionView> positions;
    bool can_write = false;
};

struct LetterInput {
    std::string number;
    std::string host;
    base::Date from;
    base::Date to;
    std::string note;
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

    // Temporary transfer letters of an on-roll member of a cell the actor writes: from no earlier than the
    // member joined their cell, never overlapping another of theirs. Saved roll calls stay as they were.
    base::Result<LetterView> CreateLetter(const domain::Actor& actor, domain::MemberId id, const LetterInput& input);
    base::Result<LetterView> UpdateLetter(const domain::Actor& actor, domain::MemberId id,
                                          domain::TransferLetterId letter, const LetterInput& input);
    base::Result<void> DeleteLetter(const domain::Actor& actor, domain::MemberId id, domain::TransferLetterId letter);

private:
    domain::Store& store_;
    const base::Clock& clock_;
};

}  // namespace chibo::app
