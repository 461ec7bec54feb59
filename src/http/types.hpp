#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/auth_service.hpp"

// The project's own small HTTP types. Only server.cpp knows Beast; handlers see these.
namespace chibo::http {

enum class Method { kGet, kHead, kPost, kPut, kDelete, kOther };

std::string_view ToString(Method method);

struct Request {
    Method method = Method::kGet;
    std::string path;                                          // Decoded path without the query string.
    std::map<std::string, std::string> query;                  // Decoded query parameters (last one wins).
    std::vector<std::pair<std::string, std::string>> headers;  // Names in lower case.
    std::string body;
    std::string remote_address;

    std::map<std::string, std::string> path_params;  // Set by the router.
    std::optional<app::Authenticated> auth;          // Set for authenticated routes.

    // Empty when absent.
    std::string Header(std::string_view lower_name) const;
    std::string Cookie(std::string_view name) const;
    std::optional<std::string> Query(const std::string& name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

// Splits "a=1&b=%C4%90" into decoded pairs; '+' is a space.
std::map<std::string, std::string> ParseQueryString(std::string_view query);
// What '+' means: itself in a path, a space in a query string (form encoding).
enum class Plus { kLiteral, kSpace };

// Percent-decodes; returns nullopt on a malformed escape.
std::optional<std::string> PercentDecode(std::string_view text, Plus plus);

}  // namespace chibo::http
