// Routes for meeting rules (/api/v1/organizations/{id}/meeting-rule) and the meeting calendar.
#include "app/meeting_service.hpp"
#include "http/api.hpp"
#include "http/json_io.hpp"
#include "http/json_mapping.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

Result<MeetingRuleOverride> ParseRule(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    MeetingRuleOverride r;
    CHIBO_TRY_ASSIGN(r.regular_day, body.OptionalInt("regular_day", 1, 28));
    CHIBO_TRY_ASSIGN(const std::string start, body.String("start_time", false, 5));
    if (!start.empty()) {
        r.start_minutes = ParseClock(start);
        if (!r.start_minutes) return FieldError("start_time", "Giờ phải có dạng HH:MM, ví dụ 14:00.");
    }
    CHIBO_TRY_ASSIGN(const auto months, body.OptionalIntArray("thematic_months", 1, 12));
    if (months) r.thematic_months = std::set<int>(months->begin(), months->end());
    CHIBO_TRY_ASSIGN(r.min_minutes, body.OptionalInt("min_minutes", 0, 10000));
    CHIBO_TRY_ASSIGN(r.combined_min_minutes, body.OptionalInt("combined_min_minutes", 0, 10000));
    CHIBO_TRY_ASSIGN(const std::string shift, body.String("shift", false, 30));
    if (!shift.empty()) {
        r.shift = DayShiftFromCode(shift);
        if (!r.shift) return FieldError("shift", "Cách xử lý ngày nghỉ không hợp lệ.");
    }
    CHIBO_TRY_ASSIGN(const auto holidays, body.DateArray("holidays", 60));
    r.holidays.insert(holidays.begin(), holidays.end());
    return r;
}

Result<MeetingKind> ParseKind(const std::string& code) {
    if (code == "regular") return MeetingKind::kRegular;
    if (code == "thematic") return MeetingKind::kThematic;
    return FieldError("kind", "Loại sinh hoạt phải là thường kỳ (regular) hoặc chuyên đề (thematic).");
}

}  // namespace

void Api::AddMeetingRoutes() {
    auto& meetings = services_.meetings;
    auto view = [](const app::MeetingView& v) { return ToJson(v); };
    auto rule = [](const app::RuleView& v) { return ToJson(v); };

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/meeting-rule", Access::kSignedIn,
                [&meetings, rule](Request& req) {
                    auto id = PathId(req, "id");
                    if (!id) return ErrorResponse(id.error());
                    return Render(meetings.GetRule(req.auth->actor, OrganizationId(*id)), rule);
                });

    router_.Add(Method::kPut, "/api/v1/organizations/{id}/meeting-rule", Access::kSignedIn,
                [&meetings, rule](Request& req) {
                    auto id = PathId(req, "id");
                    if (!id) return ErrorResponse(id.error());
                    auto parsed = ParseRule(req.body);
                    if (!parsed) return ErrorResponse(parsed.error());
                    return Render(meetings.SaveRule(req.auth->actor, OrganizationId(*id), *parsed), rule);
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/meetings", Access::kSignedIn, [&meetings](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto year = QueryInt(req, "year", base::Date::Today().year(), 2000, 2100);
        if (!year) return ErrorResponse(year.error());
        return Render(meetings.Calendar(req.auth->actor, OrganizationId(*id), *year), [](const auto& entries) {
            json::array items;
            for (const app::CalendarEntry& e : entries) {
                json::object o = MeetingFields(e.meeting);
                o["id"] = e.id ? json::value(e.id->value) : json::value(nullptr);
                items.push_back(std::move(o));
            }
            return json::object{{"items", std::move(items)}};
        });
    });

    router_.Add(
        Method::kPost, "/api/v1/organizations/{id}/meetings", Access::kSignedIn, [&meetings, view](Request& req) {
            auto id = PathId(req, "id");
            if (!id) return ErrorResponse(id.error());
            auto body = JsonBody::Parse(req.body);
            if (!body) return ErrorResponse(body.error());
            auto code = body->String("kind", true, 20);
            if (!code) return ErrorResponse(code.error());
            auto kind = ParseKind(*code);
            if (!kind) return ErrorResponse(kind.error());
            auto year = body->OptionalInt("year", 2000, 2100);
            if (!year) return ErrorResponse(year.error());
            auto month = body->OptionalInt("month", 1, 12);
            if (!month) return ErrorResponse(month.error());
            if (!*year) return ErrorResponse(FieldError("year", "Vui lòng chọn năm."));
            if (!*month) return ErrorResponse(FieldError("month", "Vui lòng chọn tháng."));
            return Render(meetings.Open(req.auth->actor, OrganizationId(*id), *kind, **year, **month), view, 201);
        });

    router_.Add(Method::kGet, "/api/v1/meetings/{id}", Access::kSignedIn, [&meetings, view](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        return Render(meetings.Get(req.auth->actor, MeetingId(*id)), view);
    });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/move", Access::kSignedIn, [&meetings, view](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        auto date = body->Date("date");
        if (!date) return ErrorResponse(date.error());
        auto start = body->String("start_time", false, 5);
        if (!start) return ErrorResponse(start.error());
        std::optional<int> minutes;
        if (!start->empty()) {
            minutes = ParseClock(*start);
            if (!minutes) return ErrorResponse(FieldError("start_time", "Giờ phải có dạng HH:MM, ví dụ 14:00."));
        }
        auto reason = body->String("reason", false, 300);
        if (!reason) return ErrorResponse(reason.error());
        return Render(meetings.Move(req.auth->actor, MeetingId(*id), *date, minutes, *reason), view);
    });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/cancel", Access::kSignedIn, [&meetings, view](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        auto reason = body->String("reason", false, 300);
        if (!reason) return ErrorResponse(reason.error());
        return Render(meetings.Cancel(req.auth->actor, MeetingId(*id), *reason), view);
    });
}

}  // namespace chibo::http
