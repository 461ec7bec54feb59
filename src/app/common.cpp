#include "app/common.hpp"

#include <sodium.h>

#include "base/text.hpp"
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

namespace {

std::string Sha256Hex(const std::string& content) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(content.data()), content.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

}  // namespace

base::Result<Upload> CheckUpload(const std::string& file_name_in, const std::string& content_type_in,
                                 const std::string& content, std::size_t max_bytes) {
    using base::ErrorCode;
    using base::MakeError;
    Upload out;
    out.file_name = base::NormalizeSpaces(file_name_in);
    const std::string& name = out.file_name;
    if (name.empty()) return MakeError(ErrorCode::kInvalidArgument, "Thiếu tên tệp.", "file_name");
    if (name.size() > 200) return MakeError(ErrorCode::kInvalidArgument, "Tên tệp quá dài.", "file_name");
    if (name.find_first_of("/\\\"") != std::string::npos || name.front() == '.')
        return MakeError(ErrorCode::kInvalidArgument, "Tên tệp không hợp lệ.", "file_name");
    if (content.empty()) return MakeError(ErrorCode::kInvalidArgument, "Tệp rỗng.", "file");
    if (content.size() > max_bytes)
        return MakeError(ErrorCode::kInvalidArgument,
                         "Tệp lớn hơn " + std::to_string(max_bytes / (std::size_t{1024} * 1024)) + " MB.", "file");
    out.content_type = content_type_in.empty() ? "application/octet-stream" : content_type_in;
    if (out.content_type.size() > 200 || out.content_type.find_first_of("\r\n") != std::string::npos)
        out.content_type = "application/octet-stream";
    out.sha256 = Sha256Hex(content);
    return out;
}

}  // namespace chibo::app
