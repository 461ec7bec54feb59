#include "http/handler.hpp"

#include "http/json/body.hpp"

namespace chibo::http {

using base::ErrorCode;
using base::Result;
namespace json = boost::json;

int StatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
            return 400;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kPermissionDenied:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kTooManyRequests:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

std::string_view CodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
            return "invalid_argument";
        case ErrorCode::kUnauthenticated:
            return "unauthenticated";
        case ErrorCode::kPermissionDenied:
            return "permission_denied";
        case ErrorCode::kNotFound:
            return "not_found";
        case ErrorCode::kConflict:
            return "conflict";
        case ErrorCode::kTooManyRequests:
            return "too_many_requests";
        case ErrorCode::kUnavailable:
            return "unavailable";
        case ErrorCode::kInternal:
            return "internal";
    }
    return "internal";
}

Response ErrorResponse(const base::Error& error) {
    json::object e;
    e["code"] = CodeName(error.code);
    e["message"] = error.message;
    e["field"] = error.field.empty() ? json::value(nullptr) : json::value(error.field);
    return Json(json::object{{"error", e}}, StatusFor(error.code));
}

Response Json(const json::value& value, int status) {
    Response r;
    r.status = status;
    r.body = json::serialize(value);
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

Response NoContent() {
    Response r;
    r.status = 204;
    return r;
}

Response File(std::string bytes, std::string content_type, const std::string& file_name) {
    Response r;
    r.body = std::move(bytes);
    r.content_type = std::move(content_type);
    r.headers.emplace_back("Content-Disposition", Disposition(file_name));
    r.headers.emplace_back("Cache-Control", "private, no-store");
    return r;
}

Result<std::int64_t> PathNumber(const Request& request, const std::string& name) {
    auto it = request.path_params.find(name);
    auto v = it == request.path_params.end() ? std::nullopt : ParseInt(it->second);
    if (!v || *v <= 0) return base::MakeError(ErrorCode::kNotFound, "Không tìm thấy tài nguyên.");
    return *v;
}

std::string Disposition(const std::string& file_name) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string ascii;
    std::string encoded;
    for (unsigned char c : file_name) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                           c == '-' || c == '_';
        ascii += plain ? static_cast<char>(c) : '_';
        if (plain) {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += kHex[c >> 4];
            encoded += kHex[c & 15];
        }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace chibo::http
