#include "http/router.hpp"

#include <algorithm>
#include <array>

namespace chibo::http {
namespace {

// The non-empty segments of a path, without allocating for the usual few.
class Segments {
public:
    explicit Segments(std::string_view path) {
        std::size_t i = 0;
        while (i < path.size()) {
            if (path[i] == '/') {
                ++i;
                continue;
            }
            const std::size_t end = std::min(path.find('/', i), path.size());
            if (count_ < kInline)
                inline_[count_] = path.substr(i, end - i);
            else
                more_.push_back(path.substr(i, end - i));
            ++count_;
            i = end;
        }
        // A trailing slash (but for the root) names no route.
        rejected_ = path.size() > 1 && path.back() == '/';
    }
    std::size_t size() const { return count_; }
    std::string_view operator[](std::size_t i) const { return i < kInline ? inline_[i] : more_[i - kInline]; }
    bool rejected() const { return rejected_; }

private:
    static constexpr std::size_t kInline = 8;
    std::array<std::string_view, kInline> inline_{};
    std::vector<std::string_view> more_;
    std::size_t count_ = 0;
    bool rejected_ = false;
};

bool Matches(const Router::Route& route, const Segments& path) {
    if (path.rejected() || route.segments.size() != path.size()) return false;
    for (std::size_t i = 0; i < path.size(); ++i)
        if (!route.segments[i].parameter && route.segments[i].text != path[i]) return false;
    return true;
}

}  // namespace

void Router::Add(Method method, std::string pattern, Access access, Handler handler, std::size_t max_body) {
    std::vector<Route::Segment> segments;
    const Segments split(pattern);
    for (std::size_t i = 0; i < split.size(); ++i) {
        const std::string_view s = split[i];
        if (s.size() > 2 && s.front() == '{' && s.back() == '}')
            segments.push_back({std::string(s.substr(1, s.size() - 2)), true});
        else
            segments.push_back({std::string(s), false});
    }
    routes_.push_back({method, std::move(pattern), access, std::move(handler), max_body, std::move(segments)});
}

std::size_t Router::MaxBody(Method method, std::string_view path) const {
    const Segments split(path);
    for (const Route& r : routes_)
        if (r.method == method && Matches(r, split)) return r.max_body;
    return 0;
}

const Router::Route* Router::Find(Request& request, bool& path_exists) const {
    path_exists = false;
    const Method method = request.method == Method::kHead ? Method::kGet : request.method;
    const Segments split(request.path);
    for (const Route& r : routes_) {
        if (!Matches(r, split)) continue;
        path_exists = true;
        if (r.method == method) {
            std::map<std::string, std::string> params;
            for (std::size_t i = 0; i < split.size(); ++i)
                if (r.segments[i].parameter) params[r.segments[i].text] = std::string(split[i]);
            request.path_params = std::move(params);
            return &r;
        }
    }
    return nullptr;
}

}  // namespace chibo::http
