#include "http/json/dashboard.hpp"

#include <cstdio>

#include "http/json/body.hpp"
#include "http/json/common.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

std::string MonthCode(int month) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", YearOfMonth(month), MonthOfYear(month));
    return text;
}

namespace {

Result<int> ParseMonth(const Request& req, const char* name, int fallback) {
    const auto text = req.Query(name);
    if (!text || text->empty()) return fallback;
    const auto day = base::Date::ParseIso(*text + "-01");
    if (text->size() != 7 || !day) return FieldError(name, "Tháng không hợp lệ (định dạng YYYY-MM).");
    const int month = MonthOf(*day);
    if (month < kFirstStatMonth || month >= kFirstStatMonth + kStatMonths)
        return FieldError(name, "Thống kê có từ tháng 01/2000 đến tháng 12/2041.");
    return month;
}

}  // namespace

Result<MonthRange> ParseMonths(const Request& req, base::Date today) {
    const int now = MonthOf(today);
    CHIBO_TRY_ASSIGN(const int from, ParseMonth(req, "from", MonthNumber(YearOfMonth(now), 1)));
    CHIBO_TRY_ASSIGN(const int to, ParseMonth(req, "to", now));
    if (to < from) return FieldError("to", "Tháng kết thúc phải sau tháng bắt đầu.");
    if (to - from >= 120) return FieldError("to", "Mỗi lần xem tối đa 10 năm.");
    return MonthRange{from, to};
}

namespace {

json::value Share(int part, int whole) {
    if (whole <= 0) return nullptr;
    return static_cast<double>(part) / whole;
}

}  // namespace

json::object ToJson(const DashboardFigures& f) {
    const int scored = f.levels[0] + f.levels[1] + f.levels[2] + f.levels[3];
    return {{"cells", f.cells},
            {"members_expected", f.members_expected},
            {"members_away", f.members_away},
            {"members_away_without_letter", f.members_away_without_letter},
            {"cells_regular_due", f.cells_regular_due},
            {"cells_regular_all", f.cells_regular_all},
            {"regular_share", Share(f.cells_regular_all, f.cells_regular_due)},
            {"cells_thematic_due", f.cells_thematic_due},
            {"cells_thematic_all", f.cells_thematic_all},
            {"thematic_share", Share(f.cells_thematic_all, f.cells_thematic_due)},
            {"meetings_held", f.meetings_held},
            {"attendance_expected", f.attendance_expected},
            {"attendance_present", f.attendance_present},
            {"attendance_rate", Share(f.attendance_present, f.attendance_expected)},
            {"meetings_attendance_90", f.meetings_attendance_90},
            {"attendance_90_share", Share(f.meetings_attendance_90, f.meetings_held)},
            {"levels", json::object{{"good", f.levels[0]},
                                    {"fair", f.levels[1]},
                                    {"average", f.levels[2]},
                                    {"poor", f.levels[3]},
                                    {"unscored", f.meetings_held - scored}}},
            {"meetings_superior", f.meetings_superior},
            {"cells_visited", f.cells_visited},
            {"members_flagged", f.members_flagged}};
}

json::object OrgJson(const StatOrganization& o) {
    return {{"id", o.id.value}, {"name", o.name}, {"kind", ToCode(o.kind)}, {"dissolved", o.valid_to.has_value()}};
}

json::object ToJson(const app::DashboardView& v) {
    json::array children;
    for (const app::ChildFigures& c : v.children) {
        json::object o = OrgJson(c.organization);
        o["figures"] = ToJson(c.figures);
        children.push_back(std::move(o));
    }
    return {{"organization", OrgJson(v.organization)},
            {"from", MonthCode(v.months.first)},
            {"to", MonthCode(v.months.last)},
            {"figures", ToJson(v.figures)},
            {"children", std::move(children)},
            {"trend", Array(v.trend, [](const app::MonthFigures& m) {
                 return json::object{{"month", MonthCode(m.month)}, {"figures", ToJson(m.figures)}};
             })}};
}

namespace {

json::array AbsentIn(const app::FlaggedMemberView& f) {
    json::array out;
    for (const domain::AbsenceFlag::Where& w : f.absent_in)
        out.push_back(json::object{
            {"organization_id", w.cell.value}, {"organization_name", w.cell_name}, {"unexcused", w.unexcused}});
    return out;
}

}  // namespace

json::object ToJson(const app::DashboardAlertsView& v, const app::PageRequest& page) {
    json::array missed;
    for (const MissedCell& m : v.missed) {
        json::array months;
        for (int month : m.regular_months) months.emplace_back(MonthCode(month));
        json::array quarters;
        for (int q : m.thematic_quarters) quarters.emplace_back(QuarterCode(q));
        missed.push_back(json::object{{"organization_id", m.cell.value},
                                      {"organization_name", m.name},
                                      {"regular_months", std::move(months)},
                                      {"thematic_quarters", std::move(quarters)}});
    }
    return {{"missed_total", v.missed_total},
            {"missed", std::move(missed)},
            {"flagged_total", v.flagged_total},
            {"flagged", Array(v.flagged,
                              [](const app::FlaggedMemberView& f) {
                                  return json::object{
                                      {"member_id", f.flagged.member.value},     {"member_name", f.member_name},
                                      {"organization_id", f.flagged.cell.value}, {"organization_name", f.cell_name},
                                      {"unexcused", f.flagged.unexcused},        {"absent_in", AbsentIn(f)}};
                              })},
            {"page", page.page},
            {"page_size", page.page_size}};
}

}  // namespace chibo::http
