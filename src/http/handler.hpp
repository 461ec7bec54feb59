#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <string>

#include "base/result.hpp"
#include "http/types.hpp"

// What a handler needs besides its aggregate's JSON (http/json/): typed path ids and the few kinds of
// answer. A handler parses, calls one use case and renders; it returns its error as a value and the
// router turns it into the one error body (ErrorResponse), so no handler writes an error itself:
//
//     CHIBO_TRY_ASSIGN(const auto id, PathId<domain::MeetingId>(req));
//     CHIBO_TRY_ASSIGN(const auto roll, meetings.Roll(req.auth->actor, id));
//     return Json(RollToJson(roll));
namespace chibo::http {

// The one place that maps an error code to an HTTP status.
int StatusFor(base::ErrorCode code);
std::string_view CodeName(base::ErrorCode code);

// {"error": {"code", "message", "field"}} with the code's status.
Response ErrorResponse(const base::Error& error);

// A JSON answer, never cached.
Response Json(const boost::json::value& value, int status = 200);
// 204 with no body.
Response NoContent();
// A download: the bytes with their type, saved as `file_name` (RFC 5987 name with an ASCII fallback),
// private and never cached.
Response File(std::string bytes, std::string content_type, const std::string& file_name);

// Content-Disposition for a download: RFC 5987 file name with an ASCII fallback.
std::string Disposition(const std::string& file_name);

// The path parameter `name` as a positive id, or NotFound: a malformed id names nothing.
base::Result<std::int64_t> PathNumber(const Request& request, const std::string& name);
template <typename IdT>
base::Result<IdT> PathId(const Request& request, const std::string& name = "id") {
    CHIBO_TRY_ASSIGN(const std::int64_t id, PathNumber(request, name));
    return IdT(id);
}

}  // namespace chibo::http
