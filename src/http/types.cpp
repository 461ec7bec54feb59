#include "http/types.hpp"

namespace chibo::http {

std::string_view ToString(Method method) {
    switch (method) {
        case Method::kGet:
            return "GET";
        case Method::kHead:
            return "HEAD";
        case Method::kPost:
            return "POST";
        case Method::kPut:
            return "PUT";
        case Method::kDelete:
            return "DELETE";
        case Method::kOther:
            return "OTHER";
    }
    return "OTHER";
}

std::string Request::Header(std::string_view lower_name) const {
    for (const auto& [k, v] : headers)
        if (k == lower_name) return v;
    return "";
}

std::string Request::Cookie(std::string_view name) const {
    const std::string header = Header("cookie");
    std::size_t i = 0;
    while (i < header.size()) {
        while (i < header.size() && (header[i] == ' ' || header[i] == ';')) ++i;
        const std::size_t end = header.find(';', i);
        const std::string_view pair(header.data() + i, (end == std::string::npos ? header.size() : end) - i);
        const std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
        if (end == std::string::npos) break;
        i = end + 1;
    }
    return "";
}

std::optional<std::string> Request::Query(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> PercentDecode(std::string_view text, Plus plus) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            auto hex = [](char h) -> int {
                if (h >= '0' && h <= '9') return h - '0';
                if (h >= 'a' && h <= 'f') return h - 'a' + 10;
                if (h >= 'A' && h <= 'F') return h - 'A' + 10;
                return -1;
            };
            const int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plus == Plus::kSpace) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::map<std::string, std::string> ParseQueryString(std::string_view query) {
    std::map<std::string, std::string> out;
    std::size_t i = 0;
    while (i <= query.size()) {
        const std::size_t end = std::min(query.find('&', i), query.size());
        const std::string_view pair = query.substr(i, end - i);
        if (!pair.empty()) {
            const std::size_t eq = pair.find('=');
            auto key = PercentDecode(pair.substr(0, eq), Plus::kSpace);
            auto value = eq == std::string_view::npos ? std::optional<std::string>("")
                                                      : PercentDecode(pair.substr(eq + 1), Plus::kSpace);
            if (key && value) out[*key] = *value;
        }
        i = end + 1;
    }
    return out;
}

}  // namespace chibo::http
