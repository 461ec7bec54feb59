#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/common.hpp"
#include "base/date.hpp"
#include "base/result.hpp"
#include "http/types.hpp"

namespace chibo::http {

// Whether a body field must be there.
enum class Need { kOptional, kRequired };

// A codes' longest accepted text.
inline constexpr std::size_t kMaxCodeChars = 40;

// The deepest nesting of arrays and objects a request body may have: {"a": [1]} is two levels deep.
inline constexpr std::size_t kMaxJsonDepth = 32;

base::Error FieldError(const std::string& field, std::string message);

// Reads a JSON request body (http/json/: one file per aggregate parses its bodies with it), turning every wrong type or
// missing field into an InvalidArgument naming the field, with a Vietnamese message.
class JsonBody {
public:
    // The body as an object; a body nested deeper than kMaxJsonDepth is refused with a message that says so.
    static base::Result<JsonBody> Parse(const std::string& body);

    bool Has(const char* name) const;
    // The key is in the object, even with null (a patch that clears a field).
    bool Present(const char* name) const;
    base::Result<bool> Bool(const char* name, bool default_value) const;
    // An array of strings of at most `max_chars` each; empty when absent.
    base::Result<std::vector<std::string>> StringArray(const char* name, std::size_t max_items,
                                                       std::size_t max_chars) const;
    // An array of objects, each readable as a body; empty when absent.
    base::Result<std::vector<JsonBody>> Objects(const char* name, std::size_t max_items) const;
    // A number (whole or not), or nullopt when absent or null.
    base::Result<std::optional<double>> OptionalNumber(const char* name) const;
    // An object of whole numbers in [min, max] by key ({"duration": 5}); empty when absent.
    base::Result<std::map<std::string, int>> IntMap(const char* name, int min, int max, std::size_t max_items) const;
    // An object of strings of at most `max_chars` each by key ({"attendance": "…"}); empty when absent. An
    // error names the key.
    base::Result<std::map<std::string, std::string>> StringMap(const char* name, std::size_t max_items,
                                                               std::size_t max_chars) const;
    // A nested object; nullopt when absent or null.
    base::Result<std::optional<JsonBody>> Object(const char* name) const;
    base::Result<std::string> String(const char* name, Need need, std::size_t max_chars = 1000) const;
    // A clock time "HH:MM" in minutes after midnight; nullopt when absent or empty.
    base::Result<std::optional<int>> Clock(const char* name) const;
    // A code read through `parse` (e.g. domain::SexFromCode); an unknown code is `message` on the field.
    // Required: absent is "please fill in"; optional: absent or empty is nullopt.
    template <typename E>
    base::Result<E> Code(const char* name, std::optional<E> (*parse)(std::string_view), const char* message) const {
        CHIBO_TRY_ASSIGN(const std::string code, String(name, Need::kRequired, kMaxCodeChars));
        const std::optional<E> value = parse(code);
        if (!value) return FieldError(name, message);
        return *value;
    }
    template <typename E>
    base::Result<std::optional<E>> OptionalCode(const char* name, std::optional<E> (*parse)(std::string_view),
                                                const char* message) const {
        CHIBO_TRY_ASSIGN(const std::string code, String(name, Need::kOptional, kMaxCodeChars));
        if (code.empty()) return std::optional<E>();
        const std::optional<E> value = parse(code);
        if (!value) return FieldError(name, message);
        return value;
    }
    // A positive id as the entity's typed id.
    template <typename IdT>
    base::Result<IdT> TypedId(const char* name) const {
        CHIBO_TRY_ASSIGN(const std::int64_t id, Id(name));
        return IdT(id);
    }
    template <typename IdT>
    base::Result<std::optional<IdT>> OptionalTypedId(const char* name) const {
        CHIBO_TRY_ASSIGN(const auto id, OptionalId(name));
        if (!id) return std::optional<IdT>();
        return std::optional<IdT>(IdT(*id));
    }
    base::Result<std::int64_t> Id(const char* name) const;
    base::Result<std::optional<std::int64_t>> OptionalId(const char* name) const;
    base::Result<base::Date> Date(const char* name) const;
    base::Result<std::optional<base::Date>> OptionalDate(const char* name) const;
    // A whole number in [min, max], or nullopt when absent or null.
    base::Result<std::optional<int>> OptionalInt(const char* name, int min, int max) const;
    // An array of whole numbers in [min, max], or nullopt when absent or null.
    base::Result<std::optional<std::vector<int>>> OptionalIntArray(const char* name, int min, int max) const;
    // An array of "YYYY-MM-DD" strings; empty when absent.
    base::Result<std::vector<base::Date>> DateArray(const char* name, std::size_t max_items) const;

private:
    explicit JsonBody(boost::json::object object) : object_(std::move(object)) {}
    const boost::json::value* Find(const char* name) const;

    boost::json::object object_;
};

// A whole decimal number and nothing else ("12", "-3"; not "", "1x" or "+1"), as paths and query
// strings carry them.
std::optional<std::int64_t> ParseInt(std::string_view text);

// Query-string helpers with the same error style.
base::Result<int> QueryInt(const Request& request, const std::string& name, int default_value, int min, int max);
// A positive number, or nullopt when absent or empty.
base::Result<std::optional<std::int64_t>> QueryNumber(const Request& request, const std::string& name);
// The same as the entity's typed id.
template <typename IdT>
base::Result<std::optional<IdT>> QueryId(const Request& request, const std::string& name) {
    CHIBO_TRY_ASSIGN(const auto id, QueryNumber(request, name));
    if (!id) return std::optional<IdT>();
    return std::optional<IdT>(IdT(*id));
}
base::Result<bool> QueryBool(const Request& request, const std::string& name, bool default_value);
// "page" (from 1) and "page_size" (1 to app::kMaxPageSize, default 50) of a list request.
base::Result<app::PageRequest> QueryPage(const Request& request);

// "?date=YYYY-MM-DD", or nullopt when absent or empty.
base::Result<std::optional<base::Date>> QueryDate(const Request& request, const std::string& name);
// A query code read through `parse`; nullopt when absent or empty.
template <typename E>
base::Result<std::optional<E>> QueryCode(const Request& request, const std::string& name,
                                         std::optional<E> (*parse)(std::string_view), const char* message) {
    const auto text = request.Query(name);
    if (!text || text->empty()) return std::optional<E>();
    const std::optional<E> value = parse(*text);
    if (!value) return FieldError(name, message);
    return value;
}
// A query string of at most `max_chars` bytes; empty when absent.
base::Result<std::string> QueryText(const Request& request, const std::string& name, std::size_t max_chars,
                                    const char* message);

}  // namespace chibo::http
