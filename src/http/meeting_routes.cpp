// Routes for meeting rules (/api/v1/organizations/{id}/meeting-rule) and the meeting calendar.
#include "http/api.hpp"
#include "http/handler.hpp"
#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/meeting.hpp"

namespace chibo::http {

using base::Result;
using namespace chibo::domain;

void Api::AddMeetingRoutes() {
    auto& meetings = services_.meetings;

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/meeting-rule", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto rule, meetings.GetRule(req.auth->actor, id));
                    return Json(ToJson(rule));
                });

    router_.Add(Method::kPut, "/api/v1/organizations/{id}/meeting-rule", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseRule(req.body));
                    CHIBO_TRY_ASSIGN(const auto rule, meetings.SaveRule(req.auth->actor, id, in));
                    return Json(ToJson(rule));
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/meetings", Access::kSignedIn,
                [this](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const int year, QueryInt(req, "year", clock_.Today().year(), 2000, 2100));
                    CHIBO_TRY_ASSIGN(const auto entries, services_.meetings.Calendar(req.auth->actor, id, year));
                    return Json(Items(entries, [](const app::CalendarEntry& e) { return ToJson(e); }));
                });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/meetings", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseOpen(req.body));
                    CHIBO_TRY_ASSIGN(const auto view, meetings.Open(req.auth->actor, id, in.kind, in.year, in.month));
                    return Json(ToJson(view), 201);
                });

    router_.Add(Method::kGet, "/api/v1/meetings/{id}", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto view, meetings.Get(req.auth->actor, id));
                    return Json(ToJson(view));
                });

    router_.Add(
        Method::kPost, "/api/v1/meetings/{id}/move", Access::kSignedIn, [&meetings](Request& req) -> Result<Response> {
            CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
            CHIBO_TRY_ASSIGN(const auto in, ParseMove(req.body));
            CHIBO_TRY_ASSIGN(const auto view, meetings.Move(req.auth->actor, id, in.date, in.start_minutes, in.reason));
            return Json(ToJson(view));
        });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/cancel", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto reason, ParseCancel(req.body));
                    CHIBO_TRY_ASSIGN(const auto view, meetings.Cancel(req.auth->actor, id, reason));
                    return Json(ToJson(view));
                });
}

}  // namespace chibo::http
