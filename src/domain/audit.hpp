#pragma once

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

Snapshot Describe(const Organization& organization);
Snapshot Describe(const Member& member);
Snapshot Describe(const Position& position);
Snapshot Describe(const User& user);  // Never includes the password hash.
Snapshot Describe(const RegisteredDocument& document);
Snapshot Describe(const MeetingRuleOverride& rule);
Snapshot Describe(const Meeting& meeting);

}  // namespace chibo::domain
