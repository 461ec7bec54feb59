#include "http/static_assets.hpp"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace chibo::http {
namespace {

namespace fs = std::filesystem;

std::string ContentType(const std::string& ext) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".webmanifest", "application/manifest+json"},
    };
    auto it = types.find(ext);
    return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

std::string Gzip(const std::string& data, int level) {
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&zs, data.size()), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : std::string();
}

namespace {

std::string Etag(const std::string& data) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a 64.
    for (unsigned char c : data) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    std::ostringstream s;
    s << '"' << std::hex << h << '-' << std::dec << data.size() << '"';
    return s.str();
}

}  // namespace

bool AcceptsGzip(const Request& request) {
    return request.Header("accept-encoding").find("gzip") != std::string::npos;
}

StaticAssets StaticAssets::Load(const std::string& root) {
    StaticAssets assets;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return assets;
    for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        File f;
        f.body = content.str();
        const std::string ext = entry.path().extension().string();
        f.content_type = ContentType(ext);
        if (ext != ".png" && ext != ".woff2" && f.body.size() > 256) {
            std::string gz = Gzip(f.body, 9);
            if (!gz.empty() && gz.size() < f.body.size()) f.gzip = std::move(gz);
        }
        f.etag = Etag(f.body);
        const std::string url = "/" + fs::relative(entry.path(), root).generic_string();
        f.immutable = url.rfind("/assets/", 0) == 0;
        assets.files_[url] = std::move(f);
    }
    return assets;
}

Response StaticAssets::Serve(const Request& request) const {
    auto it = files_.find(request.path == "/" ? "/index.html" : request.path);
    const bool looks_like_file = request.path.find('.', request.path.rfind('/')) != std::string::npos;
    if (it == files_.end() && !looks_like_file) it = files_.find("/index.html");  // Client-side route.
    Response r;
    if (it == files_.end()) {
        r.status = 404;
        r.content_type = "text/plain; charset=utf-8";
        r.body = "Không tìm thấy trang này.";
        return r;
    }
    const File& f = it->second;
    r.content_type = f.content_type;
    r.headers.emplace_back("ETag", f.etag);
    r.headers.emplace_back("Cache-Control", f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
    r.headers.emplace_back("Vary", "Accept-Encoding");
    if (request.Header("if-none-match") == f.etag) {
        r.status = 304;
        return r;
    }
    if (!f.gzip.empty() && AcceptsGzip(request)) {
        r.body = f.gzip;
        r.headers.emplace_back("Content-Encoding", "gzip");
    } else {
        r.body = f.body;
    }
    return r;
}

}  // namespace chibo::http
