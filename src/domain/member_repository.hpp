#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/date.hpp"
#include "domain/member.hpp"

namespace chibo::domain {

struct MemberQuery {
    std::string subtree_path;             // Required: members of cells (or party groups) in this subtree.
    std::string folded_prefix;            // Folded words; matches names having a word that starts so.
    std::optional<MemberStatus> status;   // Only this status.
    bool include_off_roll = false;        // Include transferred out, removed, deceased.
    std::optional<MemberId> only_member;  // Restricts to one member (a plain member's own view).
    int offset = 0;
    int limit = 50;
};

struct MemberPage {
    std::vector<Member> items;
    std::int64_t total = 0;
};

// Members, their search index and their memberships (the history of their cells).
class MemberRepository {
public:
    virtual ~MemberRepository() = default;

    virtual std::optional<Member> Get(MemberId id) = 0;
    // The full names of those of `ids` that exist, in no particular order: one query per 500 ids.
    virtual std::vector<std::pair<MemberId, std::string>> NamesOf(const std::vector<MemberId>& ids) = 0;
    // Sorted by given name, then full name (Vietnamese collation), then id.
    virtual MemberPage Search(const MemberQuery& query) = 0;
    virtual Member Insert(const Member& member) = 0;
    virtual void Update(const Member& member) = 0;
    // Another member already holding the number (ignoring `except`).
    virtual std::optional<MemberId> FindByPartyCard(const std::string& number) = 0;
    virtual std::optional<MemberId> FindByCitizenId(const std::string& number) = 0;
    // On-roll members of exactly this cell (not the subtree).
    virtual std::vector<Member> OnRollOf(OrganizationId cell) = 0;
    // Every official or probationary member on a roll, with their cell: who the statistics expect.
    virtual std::vector<std::pair<MemberId, OrganizationId>> ExpectedMembers() = 0;

    virtual std::vector<Membership> Memberships(MemberId member) = 0;
    virtual Membership OpenMembership(const Membership& membership) = 0;
    // Closes the member's open membership on `end_date`.
    virtual void CloseMembership(MemberId member, base::Date end_date) = 0;
};

}  // namespace chibo::domain
