#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/access.hpp"
#include "domain/document.hpp"
#include "domain/ids.hpp"
#include "domain/meeting.hpp"
#include "domain/meeting_rule.hpp"
#include "domain/member.hpp"
#include "domain/organization.hpp"
#include "domain/position.hpp"

namespace chibo::domain {

// A flat description of an entity's state, field name to display value, for the audit log.
using Snapshot = std::vector<std::pair<std::string, std::string>>;

// One write: who did what to which entity, with its state before and after.
struct AuditEntry {
    AuditEntryId id;
    std::string at;  // UTC, ISO 8601.
    std::optional<UserId> user;
    std::string username;
    std::string action;  // e.g. "member.update", "organization.merge", "auth.login".
    std::string entity;  // e.g. "member", "organization", "user".
    std::int64_t entity_id = 0;
    std::optional<OrganizationId> organization;  // The organisation the write concerns, for scoping.
    std::string organization_path;
    std::string organization_name;  // Filled by the repository's list for display ("" when unscoped).
    std::string user_display_name;  // The account's display name when it still exists.
    std::optional<Snapshot> before;
    std::optional<Snapshot> after;
};

// One write as the change feed reads it.
struct AuditChange {
    std::int64_t id = 0;
    std::string action;
    std::string entity;
    std::int64_t entity_id = 0;
};

// Where a reader of the audit log is. Ids come from a counter that, on PostgreSQL, transactions take
// before they commit: a row with a lower id can appear after a higher one was read, and a rolled-back
// transaction leaves its id unused for ever. The cursor remembers the ids it skipped over, so that they
// are read again until they appear or are older than kGapSeconds.
class AuditCursor {
public:
    static constexpr std::int64_t kGapSeconds = 300;
    static constexpr std::size_t kMaxGaps = 10000;

    AuditCursor() = default;
    // Starts after `seen`; `recent` are the ids present in the window just below it (a gap among them
    // may still commit).
    AuditCursor(std::int64_t seen, const std::vector<std::int64_t>& recent, std::int64_t window, std::int64_t now);

    std::int64_t seen() const { return seen_; }
    // Skipped ids to read again, oldest first (after dropping those older than kGapSeconds).
    std::vector<std::int64_t> Missing(std::int64_t now);
    // Takes rows read: skipped ones that appeared and new ones after seen() in id order. Returns those
    // not taken before, in the order given.
    std::vector<AuditChange> Take(const std::vector<AuditChange>& rows, std::int64_t now);

private:
    void Skip(std::int64_t from, std::int64_t to, std::int64_t now);  // [from, to)

    std::int64_t seen_ = 0;
    std::map<std::int64_t, std::int64_t> gaps_;  // Skipped id → when skipped (Unix seconds).
};

Snapshot Describe(const Organization& organization);
Snapshot Describe(const Member& member);
Snapshot Describe(const Position& position);
Snapshot Describe(const TransferLetter& letter);
Snapshot Describe(const User& user);  // Never includes the password hash.
Snapshot Describe(const RegisteredDocument& document);
Snapshot Describe(const MeetingRuleOverride& rule);
Snapshot Describe(const Meeting& meeting);

}  // namespace chibo::domain
