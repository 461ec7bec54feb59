#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/audit.hpp"

namespace chibo::domain {

struct AuditQuery {
    std::string subtree_path;  // Entries concerning this subtree (entries without an organisation are
                               // visible only to an administrator of a root).
    bool include_unscoped = false;
    std::string entity;          // Empty: any.
    std::int64_t entity_id = 0;  // 0: any.
    int offset = 0;
    int limit = 50;
};

struct AuditPage {
    std::vector<AuditEntry> items;
    std::int64_t total = 0;
};

// The audit log: append-only, and the change feed the statistics follow.
class AuditRepository {
public:
    virtual ~AuditRepository() = default;

    // Appends the entry as given: its `at` is the writer's clock, not the database's.
    virtual void Append(const AuditEntry& entry) = 0;
    // Newest first.
    virtual AuditPage List(const AuditQuery& query) = 0;
    // What was written after entry `after` (oldest first, at most `limit`): the change feed the
    // statistics follow, on this node and on others sharing the database.
    virtual std::vector<AuditChange> Since(std::int64_t after, int limit) = 0;
    // Those of `ids` that exist, by id (skipped ids read again, see AuditCursor).
    virtual std::vector<AuditChange> WithIds(const std::vector<std::int64_t>& ids) = 0;
    virtual std::int64_t LatestId() = 0;
};

}  // namespace chibo::domain
