#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/types.hpp"

namespace chibo::http {

using Handler = std::function<Response(Request&)>;

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
    };

    void Add(Method method, std::string pattern, Access access, Handler handler);

    // The route for the request, filling its path parameters; nullptr when none matches.
    // `path_exists` tells whether some route matched the path with another method (for 405).
    const Route* Find(Request& request, bool& path_exists) const;

    const std::vector<Route>& routes() const { return routes_; }

private:
    std::vector<Route> routes_;
};

}  // namespace chibo::http
