#pragma once

#include <map>
#include <string>

#include "http/types.hpp"

namespace chibo::http {

// gzip-compressed `data` (level 1 fastest, 9 smallest); empty on failure.
std::string Gzip(const std::string& data, int level);
bool AcceptsGzip(const Request& request);

// The built web UI, read once at start and served from memory: gzip-compressed copies made up front,
// strong ETags, long caching for Vite's hashed file names, and index.html for client-side routes.
class StaticAssets {
public:
    // Loads every file under `root`. An absent root gives an empty set (API-only server).
    static StaticAssets Load(const std::string& root);

    Response Serve(const Request& request) const;
    std::size_t size() const { return files_.size(); }

private:
    struct File {
        std::string content_type;
        std::string body;
        std::string gzip;  // Empty when compression does not help.
        std::string etag;
        bool immutable = false;
    };

    std::map<std::string, File> files_;  // Key: URL path, e.g. "/assets/index-abc123.js".
};

}  // namespace chibo::http
