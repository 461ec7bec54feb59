#include "http/json/visit.hpp"

#include <string>
#include <utility>

#include "http/json/body.hpp"
#include "http/json/common.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

std::string Month(int year, int month) {
    return std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month);
}

json::object Named(const app::NamedCell& c) {
    return {{"id", c.id.value}, {"name", c.name}};
}

constexpr const char* kKindMessage = "Loại phải là meeting (dự sinh hoạt) hoặc grassroots (đi cơ sở).";

// An error of a nested object, named "petitions[2].content".
base::Error Nested(base::Error e, const std::string& prefix) {
    e.field = e.field.empty() ? prefix : prefix + "." + e.field;
    return e;
}

Result<app::PetitionInput> ParsePetition(const JsonBody& body) {
    app::PetitionInput in;
    CHIBO_TRY_ASSIGN(in.field, body.Code("field", PetitionFieldFromCode, "Lĩnh vực không hợp lệ."));
    CHIBO_TRY_ASSIGN(in.source, body.Code("raised_by_kind", PetitionSourceFromCode,
                                          "Người nêu phải là member (đảng viên) hoặc resident (nhân dân)."));
    CHIBO_TRY_ASSIGN(in.raised_by, body.String("raised_by", Need::kOptional, 200));
    CHIBO_TRY_ASSIGN(in.content, body.String("content", Need::kRequired, 4000));
    CHIBO_TRY_ASSIGN(in.owner, body.TypedId<OrganizationId>("owner_organization_id"));
    CHIBO_TRY_ASSIGN(in.owner_name, body.String("owner_name", Need::kOptional, 200));
    CHIBO_TRY_ASSIGN(in.deadline, body.Date("deadline"));
    return in;
}

Result<void> ReadDuty(const JsonBody& body, std::optional<int>& visits, std::optional<int>& meetings,
                      std::optional<int>& days) {
    CHIBO_TRY_ASSIGN(visits, body.OptionalInt("visits_per_month", 0, 10));
    CHIBO_TRY_ASSIGN(meetings, body.OptionalInt("meetings_per_quarter", 0, 12));
    CHIBO_TRY_ASSIGN(days, body.OptionalInt("report_days", 1, 30));
    return {};
}

}  // namespace

json::object ToJson(const app::AttendantView& v) {
    const Attendant& a = v.attendant;
    return {{"id", a.id.value},
            {"organization_id", a.organization.value},
            {"organization_name", v.organization_name},
            {"member_id", a.member.value},
            {"name", a.name},
            {"role", a.role},
            {"term_start", a.term_start.ToIso()},
            {"term_end", DateOrNull(a.term_end)},
            {"visits_per_month", a.duty.visits_per_month},
            {"meetings_per_quarter", a.duty.meetings_per_quarter},
            {"report_days", a.duty.report_days},
            {"active", v.active}};
}

json::object ToJson(const StoredVisitPlan& p) {
    return {{"id", p.id.value},
            {"organization_id", p.organization.value},
            {"title", p.title},
            {"from", Month(p.from_year, p.from_month)},
            {"to", Month(p.to_year, p.to_month)},
            {"state", ToCode(p.state)},
            {"created_at", base::IsoTimestamp(p.created_at)},
            {"published_at", TimestampOrNull(p.published_at)},
            {"visits", p.visit_count}};
}

json::object ToJson(const app::PlannedVisitView& v) {
    const PlannedVisit& p = v.visit;
    return {{"id", p.id.value},
            {"plan_id", p.plan.value},
            {"attendant_id", p.attendant.value},
            {"attendant_name", v.attendant_name},
            {"cell_id", p.cell.value},
            {"cell_name", v.cell_name},
            {"kind", ToCode(p.kind)},
            {"year", p.year},
            {"month", p.month},
            {"date", DateOrNull(p.date)},
            {"start_time", p.date ? ClockOrNull(p.start_minutes) : json::value(nullptr)},
            {"reason", p.reason},
            {"meeting_id", IdOrNull(v.meeting)},
            {"status", v.status},
            {"report_due", DateOrNull(v.report_due)},
            {"report_id", IdOrNull(v.report)}};
}

json::object ToJson(const app::VisitPlanView& v) {
    json::array shortfalls;
    for (const app::PlanShortfallView& s : v.shortfalls)
        shortfalls.push_back(json::object{{"attendant_id", s.attendant.value},
                                          {"attendant_name", s.attendant_name},
                                          {"kind", ToCode(s.kind)},
                                          {"missing", s.missing},
                                          {"message", s.message}});
    json::array cells;
    for (const app::PlanCellView& c : v.cells)
        cells.push_back(json::object{{"cell_id", c.cell.cell.value},
                                     {"cell_name", c.name},
                                     {"points", c.cell.points},
                                     {"reasons", Strings(c.cell.reasons)},
                                     {"visits", c.visits}});
    return {{"plan", ToJson(v.plan)},
            {"visits", Array(v.visits, [](const app::PlannedVisitView& p) { return ToJson(p); })},
            {"shortfalls", std::move(shortfalls)},
            {"uncovered", Array(v.uncovered, Named)},
            {"cells", std::move(cells)},
            {"can_edit", v.can_edit}};
}

json::object ToJson(const app::PetitionView& v) {
    const Petition& p = v.petition;
    return {{"id", p.id.value},
            {"report_id", p.report.value},
            {"cell_id", p.cell.value},
            {"cell_name", v.cell_name},
            {"field", ToCode(p.field)},
            {"raised_by_kind", ToCode(p.source)},
            {"raised_by", p.raised_by},
            {"content", p.content},
            {"owner_organization_id", p.owner.value},
            {"owner_organization_name", v.owner_organization_name},
            {"owner_name", p.owner_name},
            {"raised_on", p.raised_on.ToIso()},
            {"deadline", p.deadline.ToIso()},
            {"state", p.answered_on ? "answered" : "open"},
            {"overdue", v.overdue},
            {"answer", p.answered_on ? json::value(p.answer) : json::value(nullptr)},
            {"answered_by", p.answered_on ? json::value(p.answered_by) : json::value(nullptr)},
            {"answered_on", DateOrNull(p.answered_on)},
            {"can_answer", v.can_answer}};
}

json::object ToJson(const app::ReportView& v) {
    const VisitReport& r = v.report;
    json::value score = nullptr;
    if (v.superior_score)
        score = json::object{{"total", v.superior_score->total}, {"level", ToCode(v.superior_score->level)}};
    return {{"id", r.id.value},
            {"attendant_id", r.attendant.value},
            {"attendant_name", v.attendant_name},
            {"committee_id", r.committee.value},
            {"cell_id", r.cell.value},
            {"cell_name", v.cell_name},
            {"kind", ToCode(r.kind)},
            {"meeting_id", IdOrNull(r.meeting)},
            {"visited_on", r.visited_on.ToIso()},
            {"due_on", v.due_on.ToIso()},
            {"filed_at", base::IsoTimestamp(r.filed_at)},
            {"filed_on", r.filed_on.ToIso()},
            {"late", v.late},
            {"observations", r.observations},
            {"members_situation", r.members_situation},
            {"superior_score", std::move(score)},
            {"petitions", Array(v.petitions, [](const app::PetitionView& p) { return ToJson(p); })},
            {"created_by", r.created_by}};
}

json::object ToJson(const app::MyVisits& m) {
    return {{"attendants", Array(m.attendants, [](const app::AttendantView& a) { return ToJson(a); })},
            {"visits", Array(m.visits, [](const app::PlannedVisitView& v) { return ToJson(v); })},
            {"reports", Array(m.reports, [](const app::ReportView& r) { return ToJson(r); })}};
}

json::object ToJson(const app::VisitOverview& o) {
    json::array people;
    for (const app::PersonPracticeView& p : o.people)
        people.push_back(json::object{{"attendant_id", p.practice.attendant.value},
                                      {"name", p.name},
                                      {"role", p.role},
                                      {"member_id", p.member.value},
                                      {"grassroots_visits", p.practice.grassroots},
                                      {"grassroots_expected", p.practice.grassroots_expected},
                                      {"meetings_attended", p.practice.meetings},
                                      {"meetings_expected", p.practice.meetings_expected},
                                      {"planned", p.practice.planned},
                                      {"reports_on_time", p.practice.on_time},
                                      {"reports_late", p.practice.late},
                                      {"reports_missing", p.practice.missing},
                                      {"reports_pending", p.practice.pending}});
    const PersonPractice& t = o.totals;
    return {{"organization_id", o.organization.value},
            {"from", Month(o.from_year, o.from_month)},
            {"to", Month(o.to_year, o.to_month)},
            {"totals", json::object{{"grassroots_visits", t.grassroots},
                                    {"meetings_attended", t.meetings},
                                    {"reports_on_time", t.on_time},
                                    {"reports_late", t.late},
                                    {"reports_missing", t.missing},
                                    {"reports_pending", t.pending}}},
            {"people", std::move(people)},
            {"coverage", json::object{{"cells", o.cells},
                                      {"visited", o.visited},
                                      {"never_visited", o.cells - o.visited},
                                      {"only_good", static_cast<std::int64_t>(o.only_good.size())},
                                      {"never_visited_cells", Array(o.never_visited, Named)},
                                      {"only_good_cells", Array(o.only_good, Named)}}},
            {"petitions",
             json::object{
                 {"open", o.petitions_open}, {"answered", o.petitions_answered}, {"overdue", o.petitions_overdue}}}};
}

json::object ToJson(const app::SuperiorCandidate& c) {
    return {{"id", c.id.value},
            {"name", c.name},
            {"role", c.role},
            {"organization_name", c.organization_name},
            {"planned", c.planned}};
}

std::optional<app::PetitionFilter> PetitionFilterFromCode(std::string_view code) {
    if (code == "all") return app::PetitionFilter::kAll;
    if (code == "open") return app::PetitionFilter::kOpen;
    if (code == "answered") return app::PetitionFilter::kAnswered;
    if (code == "overdue") return app::PetitionFilter::kOverdue;
    return std::nullopt;
}

Result<std::pair<int, int>> ParseMonth(const std::string& text, const std::string& field) {
    const auto bad = [&] { return FieldError(field, "Tháng phải có dạng YYYY-MM, ví dụ 2027-01."); };
    if (text.size() != 7 || text[4] != '-') return bad();
    const auto year = ParseInt(text.substr(0, 4));
    const auto month = ParseInt(text.substr(5, 2));
    if (!year || !month || *year < 2000 || *year > 2100 || *month < 1 || *month > 12) return bad();
    return std::pair{static_cast<int>(*year), static_cast<int>(*month)};
}

Result<app::AttendantInput> ParseAttendantInput(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::AttendantInput in;
    CHIBO_TRY_ASSIGN(in.member, body.TypedId<MemberId>("member_id"));
    CHIBO_TRY_ASSIGN(in.role, body.String("role", Need::kRequired, 200));
    CHIBO_TRY_ASSIGN(in.term_start, body.Date("term_start"));
    CHIBO_TRY_ASSIGN(in.term_end, body.OptionalDate("term_end"));
    std::optional<int> visits, meetings, days;
    CHIBO_TRY(ReadDuty(body, visits, meetings, days));
    if (visits) in.duty.visits_per_month = *visits;
    if (meetings) in.duty.meetings_per_quarter = *meetings;
    if (days) in.duty.report_days = *days;
    return in;
}

Result<app::AttendantPatch> ParseAttendantPatch(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::AttendantPatch p;
    if (body.Present("role")) {
        CHIBO_TRY_ASSIGN(std::string role, body.String("role", Need::kRequired, 200));
        p.role = std::move(role);
    }
    if (body.Present("term_end")) {
        CHIBO_TRY_ASSIGN(const auto end, body.OptionalDate("term_end"));
        p.term_end = end;
    }
    CHIBO_TRY(ReadDuty(body, p.visits_per_month, p.meetings_per_quarter, p.report_days));
    return p;
}

Result<app::PlanInput> ParsePlanInput(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::PlanInput in;
    CHIBO_TRY_ASSIGN(const std::string from, body.String("from", Need::kRequired, 7));
    CHIBO_TRY_ASSIGN(const std::string to, body.String("to", Need::kRequired, 7));
    CHIBO_TRY_ASSIGN(const auto first, ParseMonth(from, "from"));
    CHIBO_TRY_ASSIGN(const auto last, ParseMonth(to, "to"));
    in.from_year = first.first;
    in.from_month = first.second;
    in.to_year = last.first;
    in.to_month = last.second;
    CHIBO_TRY_ASSIGN(in.title, body.String("title", Need::kOptional, 300));
    CHIBO_TRY_ASSIGN(const auto difficult, body.OptionalIntArray("difficult_cell_ids", 1, 2000000000));
    if (difficult)
        for (int id : *difficult) in.difficult.emplace_back(id);
    return in;
}

Result<app::VisitInput> ParseVisitInput(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::VisitInput in;
    CHIBO_TRY_ASSIGN(in.attendant, body.TypedId<AttendantId>("attendant_id"));
    CHIBO_TRY_ASSIGN(in.cell, body.TypedId<OrganizationId>("cell_id"));
    CHIBO_TRY_ASSIGN(in.kind, body.Code("kind", VisitKindFromCode, kKindMessage));
    CHIBO_TRY_ASSIGN(const auto year, body.OptionalInt("year", 2000, 2100));
    CHIBO_TRY_ASSIGN(const auto month, body.OptionalInt("month", 1, 12));
    if (!year) return FieldError("year", "Vui lòng nhập năm.");
    if (!month) return FieldError("month", "Vui lòng nhập tháng.");
    in.year = *year;
    in.month = *month;
    CHIBO_TRY_ASSIGN(in.reason, body.String("reason", Need::kOptional, 500));
    return in;
}

Result<app::ReportInput> ParseReportInput(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::ReportInput in;
    CHIBO_TRY_ASSIGN(in.attendant, body.TypedId<AttendantId>("attendant_id"));
    CHIBO_TRY_ASSIGN(in.cell, body.TypedId<OrganizationId>("cell_id"));
    CHIBO_TRY_ASSIGN(in.kind, body.Code("kind", VisitKindFromCode, kKindMessage));
    CHIBO_TRY_ASSIGN(in.meeting, body.OptionalTypedId<MeetingId>("meeting_id"));
    CHIBO_TRY_ASSIGN(in.visited_on, body.OptionalDate("visited_on"));
    CHIBO_TRY_ASSIGN(in.observations, body.String("observations", Need::kRequired, 8000));
    CHIBO_TRY_ASSIGN(in.members_situation, body.String("members_situation", Need::kOptional, 4000));
    CHIBO_TRY_ASSIGN(const auto petitions, body.Objects("petitions", 20));
    for (std::size_t i = 0; i < petitions.size(); ++i) {
        auto p = ParsePetition(petitions[i]);
        if (!p) return Nested(p.error(), "petitions[" + std::to_string(i) + "]");
        in.petitions.push_back(std::move(*p));
    }
    return in;
}

}  // namespace chibo::http
