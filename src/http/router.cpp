#include "http/router.hpp"

namespace chibo::http {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        const std::size_t end = std::min(path.find('/', i), path.size());
        out.push_back(path.substr(i, end - i));
        i = end;
    }
    return out;
}

bool Match(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params) {
    const auto ps = Segments(pattern);
    const auto xs = Segments(path);
    if (ps.size() != xs.size()) return false;
    if (!path.empty() && path.back() == '/' && path.size() > 1) return false;
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (ps[i].size() > 2 && ps[i].front() == '{' && ps[i].back() == '}') {
            found[std::string(ps[i].substr(1, ps[i].size() - 2))] = std::string(xs[i]);
        } else if (ps[i] != xs[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

}  // namespace

void Router::Add(Method method, std::string pattern, Access access, Handler handler, std::size_t max_body) {
    routes_.push_back({method, std::move(pattern), access, std::move(handler), max_body});
}

std::size_t Router::MaxBody(Method method, std::string_view path) const {
    for (const Route& r : routes_) {
        std::map<std::string, std::string> params;
        if (r.method == method && Match(r.pattern, path, params)) return r.max_body;
    }
    return 0;
}

const Router::Route* Router::Find(Request& request, bool& path_exists) const {
    path_exists = false;
    const Method method = request.method == Method::kHead ? Method::kGet : request.method;
    for (const Route& r : routes_) {
        std::map<std::string, std::string> params;
        if (!Match(r.pattern, request.path, params)) continue;
        path_exists = true;
        if (r.method == method) {
            request.path_params = std::move(params);
            return &r;
        }
    }
    return nullptr;
}

}  // namespace chibo::http
