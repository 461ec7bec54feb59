#include "http/json/body.hpp"

#include <charconv>

#include "base/text.hpp"
#include "domain/meeting.hpp"

namespace chibo::http {

using base::ErrorCode;
using base::Result;
namespace json = boost::json;

base::Error FieldError(const std::string& field, std::string message) {
    return base::MakeError(ErrorCode::kInvalidArgument, std::move(message), field);
}

Result<JsonBody> JsonBody::Parse(const std::string& body) {
    if (body.empty()) return JsonBody(json::object{});
    if (!base::IsValidUtf8(body))
        return base::MakeError(ErrorCode::kInvalidArgument, "Dữ liệu gửi lên không phải UTF-8 hợp lệ.");
    json::parse_options options;
    options.max_depth = kMaxJsonDepth;
    boost::system::error_code ec;
    json::value v = json::parse(body, ec, {}, options);
    if (ec == json::error::too_deep)
        return base::MakeError(ErrorCode::kInvalidArgument,
                               "Dữ liệu JSON lồng nhau quá sâu (tối đa " + std::to_string(kMaxJsonDepth) + " cấp).");
    if (ec) return base::MakeError(ErrorCode::kInvalidArgument, "Dữ liệu gửi lên không phải JSON hợp lệ.");
    if (!v.is_object())
        return base::MakeError(ErrorCode::kInvalidArgument, "Dữ liệu gửi lên phải là một đối tượng JSON.");
    return JsonBody(std::move(v.as_object()));
}

const json::value* JsonBody::Find(const char* name) const {
    auto it = object_.find(name);
    if (it == object_.end() || it->value().is_null()) return nullptr;
    return &it->value();
}

bool JsonBody::Has(const char* name) const {
    return Find(name) != nullptr;
}

bool JsonBody::Present(const char* name) const {
    return object_.contains(name);
}

Result<bool> JsonBody::Bool(const char* name, bool default_value) const {
    const json::value* v = Find(name);
    if (!v) return default_value;
    if (!v->is_bool()) return FieldError(name, "Giá trị phải là true hoặc false.");
    return v->as_bool();
}

Result<std::vector<std::string>> JsonBody::StringArray(const char* name, std::size_t max_items,
                                                       std::size_t max_chars) const {
    std::vector<std::string> out;
    const json::value* v = Find(name);
    if (!v) return out;
    if (!v->is_array()) return FieldError(name, "Giá trị phải là một danh sách.");
    if (v->as_array().size() > max_items)
        return FieldError(name, "Danh sách quá dài (tối đa " + std::to_string(max_items) + ").");
    for (const json::value& item : v->as_array()) {
        if (!item.is_string()) return FieldError(name, "Mỗi mục phải là chuỗi ký tự.");
        std::string s(item.as_string());
        if (base::Utf8Length(s) > max_chars)
            return FieldError(name, "Một mục dài quá " + std::to_string(max_chars) + " ký tự.");
        if (s.find('\0') != std::string::npos) return FieldError(name, "Giá trị chứa ký tự không hợp lệ.");
        out.push_back(std::move(s));
    }
    return out;
}

Result<std::vector<JsonBody>> JsonBody::Objects(const char* name, std::size_t max_items) const {
    std::vector<JsonBody> out;
    const json::value* v = Find(name);
    if (!v) return out;
    if (!v->is_array()) return FieldError(name, "Giá trị phải là một danh sách.");
    if (v->as_array().size() > max_items)
        return FieldError(name, "Danh sách quá dài (tối đa " + std::to_string(max_items) + ").");
    for (const json::value& item : v->as_array()) {
        if (!item.is_object()) return FieldError(name, "Mỗi mục phải là một đối tượng.");
        out.push_back(JsonBody(item.as_object()));
    }
    return out;
}

Result<std::optional<double>> JsonBody::OptionalNumber(const char* name) const {
    const json::value* v = Find(name);
    if (!v) return std::optional<double>();
    if (v->is_double()) return std::optional<double>(v->as_double());
    if (v->is_int64()) return std::optional<double>(static_cast<double>(v->as_int64()));
    if (v->is_uint64()) return std::optional<double>(static_cast<double>(v->as_uint64()));
    return FieldError(name, "Giá trị phải là một số.");
}

Result<std::map<std::string, int>> JsonBody::IntMap(const char* name, int min, int max, std::size_t max_items) const {
    std::map<std::string, int> out;
    const json::value* v = Find(name);
    if (!v) return out;
    if (!v->is_object()) return FieldError(name, "Giá trị phải là một đối tượng.");
    if (v->as_object().size() > max_items) return FieldError(name, "Quá nhiều mục.");
    for (const auto& [key, value] : v->as_object()) {
        if (!value.is_int64() || value.as_int64() < min || value.as_int64() > max)
            return FieldError(std::string(key),
                              "Điểm phải là số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max) + ".");
        out[std::string(key)] = static_cast<int>(value.as_int64());
    }
    return out;
}

Result<std::map<std::string, std::string>> JsonBody::StringMap(const char* name, std::size_t max_items,
                                                               std::size_t max_chars) const {
    std::map<std::string, std::string> out;
    const json::value* v = Find(name);
    if (!v) return out;
    if (!v->is_object()) return FieldError(name, "Giá trị phải là một đối tượng.");
    if (v->as_object().size() > max_items) return FieldError(name, "Quá nhiều mục.");
    for (const auto& [key, value] : v->as_object()) {
        if (!value.is_string()) return FieldError(std::string(key), "Giá trị phải là chuỗi ký tự.");
        std::string text(value.as_string());
        if (base::Utf8Length(text) > max_chars)
            return FieldError(std::string(key), "Giá trị dài quá " + std::to_string(max_chars) + " ký tự.");
        if (text.find('\0') != std::string::npos)
            return FieldError(std::string(key), "Giá trị chứa ký tự không hợp lệ.");
        out[std::string(key)] = std::move(text);
    }
    return out;
}

Result<std::optional<JsonBody>> JsonBody::Object(const char* name) const {
    const json::value* v = Find(name);
    if (!v) return std::optional<JsonBody>();
    if (!v->is_object()) return FieldError(name, "Giá trị phải là một đối tượng.");
    return std::optional<JsonBody>(JsonBody(v->as_object()));
}

Result<std::string> JsonBody::String(const char* name, Need need, std::size_t max_chars) const {
    const bool required = need == Need::kRequired;
    const json::value* v = Find(name);
    if (!v) {
        if (required) return FieldError(name, "Vui lòng nhập trường này.");
        return std::string();
    }
    if (!v->is_string()) return FieldError(name, "Giá trị phải là chuỗi ký tự.");
    std::string s(v->as_string());
    if (base::Utf8Length(s) > max_chars)
        return FieldError(name, "Giá trị dài quá " + std::to_string(max_chars) + " ký tự.");
    if (s.find('\0') != std::string::npos) return FieldError(name, "Giá trị chứa ký tự không hợp lệ.");
    if (required && base::NormalizeSpaces(s).empty()) return FieldError(name, "Vui lòng nhập trường này.");
    return s;
}

Result<std::optional<int>> JsonBody::Clock(const char* name) const {
    CHIBO_TRY_ASSIGN(const std::string text, String(name, Need::kOptional, 5));
    if (text.empty()) return std::optional<int>();
    const auto minutes = domain::ParseClock(text);
    if (!minutes) return FieldError(name, "Giờ phải có dạng HH:MM, ví dụ 14:00.");
    return minutes;
}

Result<std::optional<std::int64_t>> JsonBody::OptionalId(const char* name) const {
    const json::value* v = Find(name);
    if (!v) return std::optional<std::int64_t>();
    if (v->is_int64() && v->as_int64() > 0) return std::optional<std::int64_t>(v->as_int64());
    if (v->is_uint64() && v->as_uint64() < (1ULL << 62) && v->as_uint64() > 0)
        return std::optional<std::int64_t>(static_cast<std::int64_t>(v->as_uint64()));
    return FieldError(name, "Mã định danh phải là số nguyên dương.");
}

Result<std::int64_t> JsonBody::Id(const char* name) const {
    CHIBO_TRY_ASSIGN(auto id, OptionalId(name));
    if (!id) return FieldError(name, "Vui lòng chọn giá trị cho trường này.");
    return *id;
}

Result<std::optional<base::Date>> JsonBody::OptionalDate(const char* name) const {
    const json::value* v = Find(name);
    if (!v || (v->is_string() && v->as_string().empty())) return std::optional<base::Date>();
    if (!v->is_string()) return FieldError(name, "Ngày phải có dạng YYYY-MM-DD.");
    auto d = base::Date::ParseIso(std::string_view(v->as_string()));
    if (!d) return FieldError(name, "Ngày không hợp lệ (định dạng YYYY-MM-DD).");
    return std::optional<base::Date>(*d);
}

Result<base::Date> JsonBody::Date(const char* name) const {
    CHIBO_TRY_ASSIGN(auto d, OptionalDate(name));
    if (!d) return FieldError(name, "Vui lòng chọn ngày.");
    return *d;
}

namespace {

std::optional<std::int64_t> AsInt(const json::value& v) {
    if (v.is_int64()) return v.as_int64();
    if (v.is_uint64() && v.as_uint64() < (1ULL << 62)) return static_cast<std::int64_t>(v.as_uint64());
    return std::nullopt;
}

}  // namespace

Result<std::optional<int>> JsonBody::OptionalInt(const char* name, int min, int max) const {
    const json::value* v = Find(name);
    if (!v) return std::optional<int>();
    auto n = AsInt(*v);
    if (!n || *n < min || *n > max)
        return FieldError(name,
                          "Giá trị phải là số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max) + ".");
    return std::optional<int>(static_cast<int>(*n));
}

Result<std::optional<std::vector<int>>> JsonBody::OptionalIntArray(const char* name, int min, int max) const {
    const json::value* v = Find(name);
    if (!v) return std::optional<std::vector<int>>();
    if (!v->is_array() || v->as_array().size() > 100) return FieldError(name, "Giá trị phải là một danh sách số.");
    std::vector<int> out;
    for (const json::value& item : v->as_array()) {
        auto n = AsInt(item);
        if (!n || *n < min || *n > max)
            return FieldError(
                name, "Mỗi giá trị phải là số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max) + ".");
        out.push_back(static_cast<int>(*n));
    }
    return std::optional<std::vector<int>>(std::move(out));
}

Result<std::vector<base::Date>> JsonBody::DateArray(const char* name, std::size_t max_items) const {
    const json::value* v = Find(name);
    std::vector<base::Date> out;
    if (!v) return out;
    if (!v->is_array() || v->as_array().size() > max_items)
        return FieldError(name, "Giá trị phải là danh sách ngày (tối đa " + std::to_string(max_items) + ").");
    for (const json::value& item : v->as_array()) {
        auto d = item.is_string() ? base::Date::ParseIso(std::string_view(item.as_string())) : std::nullopt;
        if (!d) return FieldError(name, "Ngày không hợp lệ (định dạng YYYY-MM-DD).");
        out.push_back(*d);
    }
    return out;
}

std::optional<std::int64_t> ParseInt(std::string_view text) {
    std::int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
    return v;
}

Result<int> QueryInt(const Request& request, const std::string& name, int default_value, int min, int max) {
    auto raw = request.Query(name);
    if (!raw || raw->empty()) return default_value;
    auto v = ParseInt(*raw);
    if (!v || *v < min || *v > max)
        return FieldError(name,
                          "Giá trị phải là số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max) + ".");
    return static_cast<int>(*v);
}

Result<std::optional<std::int64_t>> QueryNumber(const Request& request, const std::string& name) {
    auto raw = request.Query(name);
    if (!raw || raw->empty()) return std::optional<std::int64_t>();
    auto v = ParseInt(*raw);
    if (!v || *v <= 0) return FieldError(name, "Mã định danh phải là số nguyên dương.");
    return std::optional<std::int64_t>(*v);
}

Result<bool> QueryBool(const Request& request, const std::string& name, bool default_value) {
    auto raw = request.Query(name);
    if (!raw || raw->empty()) return default_value;
    if (*raw == "true" || *raw == "1") return true;
    if (*raw == "false" || *raw == "0") return false;
    return FieldError(name, "Giá trị phải là true hoặc false.");
}

Result<app::PageRequest> QueryPage(const Request& request) {
    CHIBO_TRY_ASSIGN(const int page, QueryInt(request, "page", 1, 1, 1000000));
    CHIBO_TRY_ASSIGN(const int size, QueryInt(request, "page_size", 50, 1, app::kMaxPageSize));
    return app::PageRequest{page, size};
}

Result<std::optional<base::Date>> QueryDate(const Request& request, const std::string& name) {
    const auto text = request.Query(name);
    if (!text || text->empty()) return std::optional<base::Date>();
    const auto day = base::Date::ParseIso(*text);
    if (!day) return FieldError(name, "Ngày không hợp lệ (định dạng YYYY-MM-DD).");
    return std::optional<base::Date>(*day);
}

Result<std::string> QueryText(const Request& request, const std::string& name, std::size_t max_chars,
                              const char* message) {
    std::string text = request.Query(name).value_or("");
    if (text.size() > max_chars) return FieldError(name, message);
    return text;
}

}  // namespace chibo::http
