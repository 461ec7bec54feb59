#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "base/result.hpp"
#include "http/types.hpp"

namespace chibo::http {

// An HTTP/1.1 server on Boost.Beast with C++20 coroutines: keep-alive, TCP_NODELAY on every
// connection, request bodies up to 2 MiB unless Options::body_limit says otherwise, 60 s idle timeout. The only
// translation unit that includes Beast; the handler sees the project's own Request/Response.
class Server {
public:
    struct Options {
        std::string host = "127.0.0.1";
        std::uint16_t port = 8080;  // 0 picks a free port (see port()).
        int threads = 2;
        // Requests from this address carry the client's address in X-Real-IP (a reverse proxy).
        std::string trusted_proxy;
        // The largest body a request may carry, asked with its method and path once the header is
        // read (e.g. Api::BodyLimit); unset: 2 MiB for every request.
        std::function<std::size_t(Method, std::string_view path)> body_limit;
    };
    using Handler = std::function<Response(Request&)>;

    Server(Handler handler, Options options);
    ~Server();

    // Binds and listens; kUnavailable when the address is taken.
    base::Result<void> Listen();
    std::uint16_t port() const;
    // Serves until SIGINT or SIGTERM.
    void Run();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace chibo::http
