#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <cstdio>
#include <thread>
#include <tuple>
#include <vector>

namespace chibo::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kBodyLimit = std::size_t{2} * 1024 * 1024;
Method ToMethod(bhttp::verb verb) {
    switch (verb) {
        case bhttp::verb::get:
            return Method::kGet;
        case bhttp::verb::head:
            return Method::kHead;
        case bhttp::verb::post:
            return Method::kPost;
        case bhttp::verb::put:
            return Method::kPut;
        case bhttp::verb::delete_:
            return Method::kDelete;
        default:
            return Method::kOther;
    }
}

Response PlainError(int status, const char* code, const char* message) {
    Response r;
    r.status = status;
    r.body = std::string(R"({"error":{"code":")") + code + R"(","message":")" + message + R"(","field":null}})";
    return r;
}

// A response as written: the status line and headers in one string, the body beside it (HEAD: none).
// Built by hand rather than by Beast's serializer, whose buffer sequences cost a small reply more
// than everything else it takes to answer (a third of /auth/me's instructions under callgrind).
struct Wire {
    std::string head;
    std::string body;
};

void AppendField(std::string& out, std::string_view name, std::string_view value) {
    out.append(name);
    out.append(": ");
    const std::size_t at = out.size();
    out.append(value);
    // A line break in a value would start a header of someone else's choosing.
    if (value.find_first_of("\r\n") != std::string_view::npos)
        for (std::size_t i = at; i < out.size(); ++i)
            if (out[i] == '\r' || out[i] == '\n') out[i] = ' ';
    out.append("\r\n");
}

Wire ToWire(Response&& res, unsigned version, bool keep_alive, bool head) {
    Wire wire;
    std::string& out = wire.head;
    out.reserve(512);
    const auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(res.status));
    out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
    out.append(std::to_string(res.status));
    out.push_back(' ');
    out.append(reason.data(), reason.size());
    out.append("\r\n");
    AppendField(out, "Server", "chibo");
    AppendField(out, "Content-Type", res.content_type);
    AppendField(out, "X-Content-Type-Options", "nosniff");
    AppendField(out, "X-Frame-Options", "DENY");
    AppendField(out, "Referrer-Policy", "same-origin");
    AppendField(out, "Content-Security-Policy",
                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
    for (const auto& [name, value] : res.headers) AppendField(out, name, value);
    // HTTP/1.1 keeps the connection unless told; HTTP/1.0 closes it unless told.
    if (version == 10 && keep_alive) AppendField(out, "Connection", "keep-alive");
    if (version != 10 && !keep_alive) AppendField(out, "Connection", "close");
    if (res.status != 304 && res.status != 204) AppendField(out, "Content-Length", std::to_string(res.body.size()));
    out.append("\r\n");
    if (!head) wire.body = std::move(res.body);
    return wire;
}

// Writes the head and the body with one gathered write.
asio::awaitable<boost::system::error_code> Send(beast::tcp_stream& stream, const Wire& wire) {
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(wire.head), asio::buffer(wire.body)};
    auto [ec, n] = co_await asio::async_write(stream, buffers, asio::as_tuple(asio::use_awaitable));
    (void)n;
    co_return ec;
}

asio::awaitable<void> Session(tcp::socket socket, const Server::Handler& handler, const Server::Options& options) {
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    const auto endpoint = socket.remote_endpoint(ignored);
    const std::string remote = ignored ? "" : endpoint.address().to_string();
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    for (;;) {
        stream.expires_after(std::chrono::seconds(60));
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(16 * 1024);
        auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
        (void)n;
        if (!ec) {
            // Some routes (uploads) accept larger bodies than JSON: the route decides, by its path.
            const auto& header = parser.get();
            const std::string_view target(header.target().data(), header.target().size());
            std::size_t limit = kBodyLimit;
            if (options.body_limit)
                if (auto path = PercentDecode(target.substr(0, target.find('?')), Plus::kLiteral))
                    limit = options.body_limit(ToMethod(header.method()), *path);
            parser.body_limit(limit);
            std::tie(ec, n) = co_await bhttp::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
        }
        if (ec == bhttp::error::body_limit) {
            co_await Send(stream,
                          ToWire(PlainError(413, "invalid_argument", "Dữ liệu gửi lên quá lớn."), 11, false, false));
            // Lingering close: stop sending, then read and drop what the client is still sending (for a
            // short while), so that it reads the 413 instead of a connection reset.
            stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
            std::array<char, std::size_t{64} * 1024> sink{};
            std::size_t drained = 0;
            while (drained < std::size_t{64} * 1024 * 1024) {
                stream.expires_after(std::chrono::seconds(2));
                auto [read_ec, got] =
                    co_await stream.async_read_some(asio::buffer(sink), asio::as_tuple(asio::use_awaitable));
                if (read_ec) break;
                drained += got;
            }
            break;
        }
        if (ec) {
            if (ec != bhttp::error::end_of_stream && ec != asio::error::eof && ec != beast::error::timeout &&
                ec != asio::error::connection_reset && ec != asio::error::operation_aborted) {
                co_await Send(stream, ToWire(PlainError(400, "invalid_argument", "Yêu cầu HTTP không hợp lệ."), 11,
                                             false, false));
            }
            break;
        }
        auto& breq = parser.get();
        Request req;
        req.method = ToMethod(breq.method());
        req.remote_address = remote;
        const std::string_view target(breq.target().data(), breq.target().size());
        const std::size_t q = target.find('?');
        auto path = PercentDecode(target.substr(0, q), Plus::kLiteral);
        const bool keep_alive = breq.keep_alive();
        const bool head = req.method == Method::kHead;
        Response res;
        if (!path || path->empty() || path->front() != '/') {
            res = PlainError(400, "invalid_argument", "Địa chỉ không hợp lệ.");
        } else {
            req.path = std::move(*path);
            if (q != std::string_view::npos) req.query = ParseQueryString(target.substr(q + 1));
            for (const auto& field : breq) {
                std::string name(field.name_string());
                for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                req.headers.emplace_back(std::move(name), std::string(field.value()));
            }
            req.body = std::move(breq.body());
            if (!options.trusted_proxy.empty() && remote == options.trusted_proxy) {
                if (std::string real = req.Header("x-real-ip"); !real.empty()) req.remote_address = std::move(real);
            }
            try {
                res = handler(req);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "chibo: unhandled error on %s: %s\n", req.path.c_str(), e.what());
                res = PlainError(500, "internal", "Lỗi hệ thống. Vui lòng thử lại sau.");
            }
        }
        const Wire wire = ToWire(std::move(res), breq.version(), keep_alive, head);
        if (co_await Send(stream, wire) || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> Accept(tcp::acceptor& acceptor, const Server::Handler& handler, const Server::Options& options) {
    boost::system::error_code ignored;
    acceptor.non_blocking(true, ignored);
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
        if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
        if (ec) continue;  // e.g. too many open files: keep serving the others.
        asio::co_spawn(acceptor.get_executor(), Session(std::move(socket), handler, options), asio::detached);
        // Take every other connection already waiting now: one accept per turn of the handler queue would
        // make the thousandth of a burst of new connections wait behind a thousand turns.
        for (int i = 0; i < 4096; ++i) {
            tcp::socket more(acceptor.get_executor());
            acceptor.accept(more, ec);
            if (ec) break;  // would_block: none left.
            asio::co_spawn(acceptor.get_executor(), Session(std::move(more), handler, options), asio::detached);
        }
    }
}

}  // namespace

struct Server::Impl {
    Handler handler;
    Options options;
    asio::io_context io;
    tcp::acceptor acceptor{io};
};

Server::Server(Handler handler, Options options) : impl_(std::make_unique<Impl>()) {
    impl_->handler = std::move(handler);
    impl_->options = std::move(options);
}

Server::~Server() = default;

base::Result<void> Server::Listen() {
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(impl_->options.host, ec);
    if (ec)
        return base::MakeError(base::ErrorCode::kInvalidArgument,
                               "Địa chỉ máy chủ không hợp lệ: " + impl_->options.host);
    const tcp::endpoint endpoint(address, impl_->options.port);
    impl_->acceptor.open(endpoint.protocol(), ec);
    if (!ec) impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) impl_->acceptor.bind(endpoint, ec);
    if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        return base::MakeError(base::ErrorCode::kUnavailable, "Không mở được cổng " + impl_->options.host + ":" +
                                                                  std::to_string(impl_->options.port) + ": " +
                                                                  ec.message());
    }
    return {};
}

std::uint16_t Server::port() const {
    return impl_->acceptor.local_endpoint().port();
}

void Server::Run() {
    asio::signal_set signals(impl_->io, SIGINT, SIGTERM);
    signals.async_wait([this](const boost::system::error_code&, int) {
        boost::system::error_code ignored;
        impl_->acceptor.close(ignored);
        impl_->io.stop();
    });
    asio::co_spawn(impl_->io, Accept(impl_->acceptor, impl_->handler, impl_->options), asio::detached);
    std::vector<std::thread> threads;
    for (int i = 1; i < impl_->options.threads; ++i) threads.emplace_back([this] { impl_->io.run(); });
    impl_->io.run();
    for (auto& t : threads) t.join();
}

}  // namespace chibo::http
