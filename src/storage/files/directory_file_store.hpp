#pragma once

#include <filesystem>

#include "domain/file_store.hpp"

namespace chibo::storage::files {

// Files in a directory, as <root>/<first two hex digits>/<sha256>. Writes go to a temporary file that
// is renamed into place, so a reader never sees half a file and several nodes may share the directory.
class DirectoryFileStore final : public domain::FileStore {
public:
    // Creates `root` if needed; throws when it cannot.
    explicit DirectoryFileStore(std::filesystem::path root);

    void Put(const std::string& sha256, std::string_view content) override;
    std::optional<std::string> Get(const std::string& sha256) override;
    void Remove(const std::string& sha256) override;

    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path PathOf(const std::string& sha256) const;

    std::filesystem::path root_;
};

}  // namespace chibo::storage::files
