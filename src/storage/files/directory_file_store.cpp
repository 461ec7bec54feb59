#include "storage/files/directory_file_store.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>

namespace chibo::storage::files {

namespace fs = std::filesystem;

namespace {

bool IsHash(const std::string& s) {
    return s.size() == 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

DirectoryFileStore::DirectoryFileStore(fs::path root) : root_(std::move(root)) {
    fs::create_directories(root_);
}

fs::path DirectoryFileStore::PathOf(const std::string& sha256) const {
    if (!IsHash(sha256)) throw std::invalid_argument("file store: not a SHA-256 name");
    return root_ / sha256.substr(0, 2) / sha256;
}

void DirectoryFileStore::Put(const std::string& sha256, std::string_view content) {
    const fs::path target = PathOf(sha256);
    std::error_code ec;
    if (fs::exists(target, ec) && fs::file_size(target, ec) == content.size()) return;
    fs::create_directories(target.parent_path());
    std::random_device random;
    const fs::path temporary = target.parent_path() / (".tmp-" + std::to_string(random()) + "-" + sha256);
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            fs::remove(temporary, ec);
            throw std::runtime_error("file store: cannot write " + temporary.string());
        }
    }
    fs::rename(temporary, target);
}

std::optional<std::string> DirectoryFileStore::Get(const std::string& sha256) {
    std::ifstream in(PathOf(sha256), std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void DirectoryFileStore::Remove(const std::string& sha256) {
    std::error_code ec;
    fs::remove(PathOf(sha256), ec);
}

}  // namespace chibo::storage::files
