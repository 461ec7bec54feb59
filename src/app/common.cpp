#include "app/common.hpp"
#include "domain/audit_repository.hpp"
#include "domain/store.hpp"

namespace chibo::app {

base::Error NotFound(const char* what) {
    return base::MakeError(base::ErrorCode::kNotFound, std::string("Không tìm thấy ") + what + ".");
}

base::Error Forbidden() {
    return base::MakeError(base::ErrorCode::kPermissionDenied, "Bạn không có quyền thực hiện thao tác này.");
}

void RecordAudit(domain::Repositories& repos, const base::Clock& clock, const domain::Actor& actor, std::string action,
                 std::string entity, std::int64_t entity_id, const domain::Organization* organization,
                 std::optional<domain::Snapshot> before, std::optional<domain::Snapshot> after) {
    domain::AuditEntry e;
    e.at = base::IsoTimestamp(clock.NowUnixSeconds());
    if (actor.user.valid()) e.user = actor.user;
    e.username = actor.username;
    e.action = std::move(action);
    e.entity = std::move(entity);
    e.entity_id = entity_id;
    if (organization) {
        e.organization = organization->id;
        e.organization_path = organization->path;
    }
    e.before = std::move(before);
    e.after = std::move(after);
    repos.audit().Append(e);
}

domain::Actor SystemActor() {
    domain::Actor a;
    a.username = "system";
    return a;
}

}  // namespace chibo::app
