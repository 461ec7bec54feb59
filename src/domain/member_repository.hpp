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

// Members of a subtree away from their cells on a day.
struct AwayCounts {
    int with_letter = 0;     // A temporary transfer letter runs.
    int without_letter = 0;  // Working away without one.

    int total() const { return with_letter + without_letter; }
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
    // The cell's roll on `day`: members whose membership of it covers the day and who were on a roll
    // then, each with their status of that day, in roll order.
    virtual std::vector<Member> RollOn(OrganizationId cell, base::Date day) = 0;
    // The stays on rolls of the members with ids in [first, last], by member, then by date: what the
    // statistics count, one range of ids at a time.
    virtual std::vector<RollStay> RollStays(MemberId first, MemberId last) = 0;
    virtual std::int64_t LastMemberId() = 0;

    virtual std::vector<Membership> Memberships(MemberId member) = 0;
    virtual Membership OpenMembership(const Membership& membership) = 0;
    // Closes the member's open membership on `end_date`.
    virtual void CloseMembership(MemberId member, base::Date end_date) = 0;

    // The member's status changes, oldest first.
    virtual std::vector<StatusChange> StatusHistory(MemberId member) = 0;
    // Records a change (replacing one on the same day).
    virtual void RecordStatus(const StatusChange& change) = 0;

    // The member's temporary transfer letters, by start date.
    virtual std::vector<TransferLetter> Letters(MemberId member) = 0;
    virtual std::optional<TransferLetter> GetLetter(TransferLetterId id) = 0;
    virtual TransferLetter InsertLetter(const TransferLetter& letter) = 0;
    virtual void UpdateLetter(const TransferLetter& letter) = 0;
    virtual void DeleteLetter(TransferLetterId id) = 0;
    // The letters of `members` that run on `day` (at most one each).
    virtual std::vector<TransferLetter> LettersOn(const std::vector<MemberId>& members, base::Date day) = 0;
    // On-roll members of the subtree away on `day` (today: their current status).
    virtual AwayCounts CountAway(const std::string& path, base::Date day) = 0;
};

}  // namespace chibo::domain
