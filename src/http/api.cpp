#include "http/api.hpp"

#include <sodium.h>

#include <cstdio>

#include "http/handler.hpp"
#include "http/json/user.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::ErrorCode;
using base::Result;

namespace {

bool SameToken(const std::string& a, const std::string& b) {
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string SessionCookie(const std::string& token, std::int64_t max_age) {
    return std::string(Api::kSessionCookie) + "=" + token +
           "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
}

}  // namespace

Api::Api(Services services, const base::Clock& clock, const StaticAssets* assets)
    : services_(services), clock_(clock), assets_(assets) {
    router_.Add(Method::kGet, "/healthz", Access::kPublic, [](Request&) -> Result<Response> {
        return Json(json::object{{"status", "ok"}});
    });
    router_.Add(Method::kGet, "/api/v1/openapi.json", Access::kPublic, [](Request&) -> Result<Response> {
        Response r;
        r.body = OpenApiDocument();
        return r;
    });
    AddAuthRoutes();
    AddOrganizationRoutes();
    AddMemberRoutes();
    AddUserRoutes();
    AddDocumentRoutes();
    AddMeetingRoutes();
    AddMeetingRecordRoutes();
    AddScoreRoutes();
    AddGradingRoutes();
    AddDashboardRoutes();
    AddTopicRoutes();
    AddVisitRoutes();
}

void Api::AddAuthRoutes() {
    router_.Add(Method::kPost, "/api/v1/auth/login", Access::kPublic, [this](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto in, ParseLogin(req.body));
        CHIBO_TRY_ASSIGN(const auto login, services_.auth.Login(in.username, in.password, req.remote_address));
        Response r = Json(json::object{{"user", ToJson(login.user)}, {"csrf_token", login.csrf_token}});
        r.headers.emplace_back("Set-Cookie", SessionCookie(login.session_token, app::AuthService::kSessionSeconds));
        return r;
    });
    router_.Add(Method::kPost, "/api/v1/auth/logout", Access::kSignedIn, [this](Request& req) -> Result<Response> {
        CHIBO_TRY(services_.auth.Logout(*req.auth));
        Response r = NoContent();
        r.headers.emplace_back("Set-Cookie", SessionCookie("", 0));
        return r;
    });
    router_.Add(Method::kGet, "/api/v1/auth/me", Access::kSignedIn, [](Request& req) -> Result<Response> {
        return Json(json::object{{"user", ToJson(req.auth->user)}, {"csrf_token", req.auth->csrf_token}});
    });
}

std::size_t Api::BodyLimit(Method method, std::string_view path) const {
    const std::size_t own = router_.MaxBody(method, path);
    return own > 0 ? own : kBodyLimit;
}

Response Api::Dispatch(Request& req) const {
    bool path_exists = false;
    const Router::Route* route = router_.Find(req, path_exists);
    if (!route) {
        if (path_exists) {
            Response r = ErrorResponse(base::MakeError(ErrorCode::kInvalidArgument, "Phương thức không được hỗ trợ."));
            r.status = 405;
            return r;
        }
        return ErrorResponse(base::MakeError(ErrorCode::kNotFound, "Không tìm thấy địa chỉ này."));
    }
    if (route->access == Access::kSignedIn) {
        auto auth = services_.auth.Authenticate(req.Cookie(kSessionCookie));
        if (!auth) return ErrorResponse(auth.error());
        req.auth = std::move(*auth);
        const bool write = req.method != Method::kGet && req.method != Method::kHead;
        if (write && !SameToken(req.Header("x-csrf-token"), req.auth->csrf_token)) {
            return ErrorResponse(base::MakeError(ErrorCode::kPermissionDenied,
                                                 "Thiếu hoặc sai mã bảo vệ (CSRF). Vui lòng tải lại trang."));
        }
    }
    Result<Response> answer = route->handler(req);
    if (!answer) return ErrorResponse(answer.error());
    return std::move(answer).value();
}

Response Api::Handle(Request& req) const {
    const bool api = req.path == "/healthz" || req.path.rfind("/api/", 0) == 0;
    if (!api) {
        if (assets_ && (req.method == Method::kGet || req.method == Method::kHead)) return assets_->Serve(req);
        return ErrorResponse(base::MakeError(ErrorCode::kNotFound, "Không tìm thấy địa chỉ này."));
    }
    try {
        Response r = Dispatch(req);
        // Large answers (a province's dashboard lists its 1,500 communes and cells) travel compressed
        // to those who accept it: a phone on a slow line gets a tenth of the bytes.
        if (r.body.size() >= kGzipFrom && r.content_type.starts_with("application/json") && AcceptsGzip(req)) {
            if (std::string gz = Gzip(r.body, 1); !gz.empty() && gz.size() < r.body.size()) {
                r.body = std::move(gz);
                r.headers.emplace_back("Content-Encoding", "gzip");
                r.headers.emplace_back("Vary", "Accept-Encoding");
            }
        }
        return r;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "chibo: %s %s failed: %s\n", std::string(ToString(req.method)).c_str(), req.path.c_str(),
                     e.what());
        return ErrorResponse(base::MakeError(ErrorCode::kInternal, "Lỗi hệ thống. Vui lòng thử lại sau."));
    }
}

}  // namespace chibo::http
