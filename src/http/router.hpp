#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "http/types.hpp"

namespace chibo::http {

// A handler returns its answer, or the error the router renders as the one error body.
using Handler = std::function<base::Result<Response>(Request&)>;

enum class Access { kPublic, kSignedIn };

// Matches "/api/v1/members/{id}"-style patterns, literal segments exactly and "{name}" segments to
// any non-empty segment (exposed as request.path_params["name"]).
class Router {
public:
    struct Route {
        Method method;
        std::string pattern;
        Access access;
        Handler handler;
        std::size_t max_body = 0;  // The largest request body the route accepts; 0: the server's default.
        // The pattern split once at registration: a literal segment, or a parameter's name ("{id}" -> "id").
        struct Segment {
            std::string text;
            bool parameter = false;
        };
        std::vector<Segment> segments;
    };

    void Add(Method method, std::string pattern, Access access, Handler handler, std::size_t max_body = 0);

    // The route for the request, filling its path parameters; nullptr when none matches.
    // `path_exists` tells whether some route matched the path with another method (for 405).
    const Route* Find(Request& request, bool& path_exists) const;
    // The route's own body limit for a request line, before its body is read; 0 when it has none.
    std::size_t MaxBody(Method method, std::string_view path) const;

    const std::vector<Route>& routes() const { return routes_; }

private:
    std::vector<Route> routes_;
};

}  // namespace chibo::http
