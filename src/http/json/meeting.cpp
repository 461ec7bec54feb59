#include "http/json/meeting.hpp"

#include <set>

#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/meeting_record.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

json::array Dates(const std::set<base::Date>& days) {
    json::array out;
    for (const base::Date& d : days) out.push_back(json::value(d.ToIso()));
    return out;
}

json::array Months(const std::set<int>& months) {
    json::array out;
    for (int m : months) out.push_back(m);
    return out;
}

}  // namespace

json::object ToJson(const MeetingRuleOverride& r) {
    return {{"regular_day", IntOrNull(r.regular_day)},
            {"start_time", ClockOrNull(r.start_minutes)},
            {"thematic_months", r.thematic_months ? json::value(Months(*r.thematic_months)) : json::value(nullptr)},
            {"min_minutes", IntOrNull(r.min_minutes)},
            {"combined_min_minutes", IntOrNull(r.combined_min_minutes)},
            {"shift", r.shift ? json::value(ToCode(*r.shift)) : json::value(nullptr)},
            {"holidays", Dates(r.holidays)}};
}

json::object ToJson(const MeetingRule& r) {
    return {{"regular_day", r.regular_day},
            {"start_time", FormatClock(r.start_minutes)},
            {"thematic_months", Months(r.thematic_months)},
            {"min_minutes", r.min_minutes},
            {"combined_min_minutes", r.combined_min_minutes},
            {"shift", ToCode(r.shift)},
            {"holidays", Dates(r.holidays)}};
}

json::object ToJson(const app::RuleView& v) {
    json::array sources;
    for (const auto& s : v.sources) {
        sources.push_back(json::object{{"organization_id", s.organization.id.value},
                                       {"organization_name", s.organization.name},
                                       {"own", ToJson(s.own)}});
    }
    return {{"own", ToJson(v.own)}, {"effective", ToJson(v.effective)}, {"sources", std::move(sources)}};
}

json::object MeetingFields(const Meeting& m) {
    return {{"kind", ToCode(m.kind)},
            {"year", m.year},
            {"month", m.month},
            {"date", m.date.ToIso()},
            {"start_time", FormatClock(m.start_minutes)},
            {"min_minutes", m.min_minutes},
            {"combined_min_minutes", m.combined_min_minutes},
            {"state", ToCode(m.state)},
            {"state_label", Label(m.state)},
            {"shifted", m.shifted},
            {"moved_reason", m.moved_reason},
            {"held_late", HeldLate(m)},
            {"cancelled_reason", m.cancelled_reason}};
}

json::object ToJson(const app::CalendarEntry& e) {
    json::object o = MeetingFields(e.meeting);
    o["id"] = IdOrNull(e.id);
    return o;
}

json::object ToJson(const app::MeetingView& v) {
    const Meeting& m = v.meeting;
    json::object o = MeetingFields(m);
    o["id"] = m.id.value;
    o["organization_id"] = m.organization.value;
    o["organization_name"] = v.organization_name;
    o["can_write"] = v.can_write;
    const MeetingPreparation& p = m.preparation;
    o["preparation"] = json::object{{"preparer_id", IdOrNull(p.preparer)},
                                    {"preparer_name", p.preparer_name},
                                    {"place", p.place},
                                    {"committee_meeting_on", DateOrNull(p.committee_meeting_on)},
                                    {"committee_meeting_notes", p.committee_meeting_notes},
                                    {"agenda", Strings(p.agenda)},
                                    {"superior_official", p.superior_official}};
    o["notified_at"] = TimestampOrNull(m.notified_at);
    o["documents_sent_at"] = TimestampOrNull(m.documents_sent_at);
    o["documents_late"] = v.documents_late;
    o["warnings"] = Array(v.warnings, WarningToJson<app::Warning>);
    o["attachments"] = Array(v.attachments, [](const Attachment& a) { return ToJson(a); });
    o["leave_requests"] = Array(v.leave_requests, [](const LeaveRequest& r) { return ToJson(r); });
    o["my_leave_request"] = v.my_leave_request ? json::value(ToJson(*v.my_leave_request)) : json::value(nullptr);
    o["record"] = RecordToJson(v);
    o["tasks"] = Array(v.tasks, [](const ResolutionTask& t) { return ToJson(t); });
    o["review"] = Array(v.review, [&v](const ResolutionTask& t) {
        json::object task = ToJson(t);
        const auto origin = v.review_origins.find(t.meeting);
        const bool known = origin != v.review_origins.end();
        task["source_kind"] = known ? json::value(ToCode(origin->second.kind)) : json::value(nullptr);
        task["source_date"] = known ? json::value(origin->second.date.ToIso()) : json::value(nullptr);
        return task;
    });
    o["targets_met_share"] = NumberOrNull(m.record.targets_met_share);
    o["finalised_at"] = TimestampOrNull(m.finalised_at);
    o["minutes_number"] = m.minutes_number;
    o["resolution_number"] = m.resolution_number;
    o["reported_at"] = TimestampOrNull(m.reported_at);
    o["report_late"] = v.report_late;
    o["topic"] = v.topic ? json::value(json::object{
                               {"id", v.topic->id.value}, {"title", v.topic->title}, {"state", ToCode(v.topic->state)}})
                         : json::value(nullptr);
    o["amendments"] = Array(v.amendments, [](const Amendment& a) { return ToJson(a); });
    json::object quality{{"cell", nullptr}, {"superior", nullptr}};
    for (const MeetingScore& s : v.scores)
        quality[ToCode(s.role)] =
            json::object{{"total", s.total}, {"level", ToCode(s.level)}, {"level_label", Label(s.level)}};
    o["quality"] = std::move(quality);
    return o;
}

Result<MeetingRuleOverride> ParseRule(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    MeetingRuleOverride r;
    CHIBO_TRY_ASSIGN(r.regular_day, body.OptionalInt("regular_day", 1, 28));
    CHIBO_TRY_ASSIGN(r.start_minutes, body.Clock("start_time"));
    CHIBO_TRY_ASSIGN(const auto months, body.OptionalIntArray("thematic_months", 1, 12));
    if (months) r.thematic_months = std::set<int>(months->begin(), months->end());
    CHIBO_TRY_ASSIGN(r.min_minutes, body.OptionalInt("min_minutes", 0, 10000));
    CHIBO_TRY_ASSIGN(r.combined_min_minutes, body.OptionalInt("combined_min_minutes", 0, 10000));
    CHIBO_TRY_ASSIGN(r.shift, body.OptionalCode("shift", DayShiftFromCode, "Cách xử lý ngày nghỉ không hợp lệ."));
    CHIBO_TRY_ASSIGN(const auto holidays, body.DateArray("holidays", 60));
    r.holidays.insert(holidays.begin(), holidays.end());
    return r;
}

Result<OpenInput> ParseOpen(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    OpenInput in;
    CHIBO_TRY_ASSIGN(in.kind, body.Code("kind", MeetingKindFromCode,
                                        "Loại sinh hoạt phải là thường kỳ (regular) hoặc chuyên đề (thematic)."));
    CHIBO_TRY_ASSIGN(const auto year, body.OptionalInt("year", 2000, 2100));
    CHIBO_TRY_ASSIGN(const auto month, body.OptionalInt("month", 1, 12));
    if (!year) return FieldError("year", "Vui lòng chọn năm.");
    if (!month) return FieldError("month", "Vui lòng chọn tháng.");
    in.year = *year;
    in.month = *month;
    return in;
}

Result<MoveInput> ParseMove(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    MoveInput in;
    CHIBO_TRY_ASSIGN(in.date, body.Date("date"));
    CHIBO_TRY_ASSIGN(in.start_minutes, body.Clock("start_time"));
    CHIBO_TRY_ASSIGN(in.reason, body.String("reason", Need::kOptional, 300));
    return in;
}

Result<std::string> ParseCancel(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    return body.String("reason", Need::kOptional, 300);
}

}  // namespace chibo::http
