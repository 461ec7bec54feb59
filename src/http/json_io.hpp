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

// The one place that maps an error code to an HTTP status.
int StatusFor(base::ErrorCode code);
std::string_view CodeName(base::ErrorCode code);

Response ErrorResponse(const base::Error& error);
Response JsonResponse(const boost::json::value& value, int status = 200);

// Renders a use case's result: its value through `to_json`, or its error.
template <typename T, typename F>
Response Render(const base::Result<T>& result, F&& to_json, int status = 200) {
    if (!result) return ErrorResponse(result.error());
    return JsonResponse(to_json(*result), status);
}

// Reads a JSON request body, turning every wrong type or missing field into an InvalidArgument
// naming the field, with a Vietnamese message.
class JsonBody {
public:
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
    // A nested object; nullopt when absent or null.
    base::Result<std::optional<JsonBody>> Object(const char* name) const;
    base::Result<std::string> String(const char* name, bool required, std::size_t max_chars = 1000) const;
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

// Query-string helpers with the same error style.
base::Result<int> QueryInt(const Request& request, const std::string& name, int default_value, int min, int max);
base::Result<std::optional<std::int64_t>> QueryId(const Request& request, const std::string& name);
base::Result<bool> QueryBool(const Request& request, const std::string& name, bool default_value);
base::Result<std::int64_t> PathId(const Request& request, const std::string& name);
// "page" (from 1) and "page_size" (1 to app::kMaxPageSize, default 50) of a list request.
base::Result<app::PageRequest> QueryPage(const Request& request);

base::Error FieldError(const std::string& field, std::string message);

// Content-Disposition for a download: RFC 5987 file name with an ASCII fallback.
std::string Disposition(const std::string& file_name);

}  // namespace chibo::http
