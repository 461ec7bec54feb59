#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chibo::domain {

// Uploaded files, kept outside the database and named by the SHA-256 of their content (lower-case
// hex), so the same content is stored once. Implemented in storage/files.
class FileStore {
public:
    virtual ~FileStore() = default;

    // Stores `content` under `sha256`; storing the same content again is a no-op. Throws on I/O failure.
    virtual void Put(const std::string& sha256, std::string_view content) = 0;
    virtual std::optional<std::string> Get(const std::string& sha256) = 0;
    virtual void Remove(const std::string& sha256) = 0;
};

}  // namespace chibo::domain
