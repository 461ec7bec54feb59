#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/access.hpp"
#include "domain/audit.hpp"
#include "domain/store.hpp"

namespace chibo::app {

// A page of a list, as every list use case returns it.
template <typename T>
struct Page {
    std::vector<T> items;
    std::int64_t total = 0;
    int page = 1;
    int page_size = 50;
};

struct PageRequest {
    int page = 1;
    int page_size = 50;

    int offset() const { return (page - 1) * page_size; }
};

inline constexpr int kMaxPageSize = 200;

// The error for anything the actor may not see: the same as for something that does not exist, so
// nothing leaks about other subtrees.
base::Error NotFound(const char* what);
base::Error Forbidden();

// Appends one entry to the audit log in the caller's transaction, stamped with the clock's time.
void RecordAudit(domain::Repositories& repos, const base::Clock& clock, const domain::Actor& actor, std::string action,
                 std::string entity, std::int64_t entity_id, const domain::Organization* organization,
                 std::optional<domain::Snapshot> before, std::optional<domain::Snapshot> after);

// The actor used by command-line tools (demo, user add): no roles, recorded as "system".
domain::Actor SystemActor();

// A file a user uploads (a meeting's document, a topic's draft or orientation file), checked: a plain name
// (no path, not hidden, ≤ 200 bytes), not empty, at most `max_bytes`; an odd content type becomes
// application/octet-stream. `sha256` names it in the file store.
struct Upload {
    std::string file_name;
    std::string content_type;
    std::string sha256;
};
inline constexpr std::size_t kMaxUploadBytes = std::size_t{20} * 1024 * 1024;
base::Result<Upload> CheckUpload(const std::string& file_name, const std::string& content_type,
                                 const std::string& content, std::size_t max_bytes = kMaxUploadBytes);

}  // namespace chibo::app
