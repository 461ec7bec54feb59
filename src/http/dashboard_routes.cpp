// Routes for the dashboards (performance.md D1–D3): /api/v1/organizations/{id}/dashboard and …/dashboard/alerts.
#include <cstdio>

#include "app/statistics_service.hpp"
#include "domain/grading.hpp"
#include "export/spreadsheet.hpp"
#include "http/api.hpp"
#include "http/json_io.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

std::string MonthCode(int month) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", YearOfMonth(month), MonthOfYear(month));
    return text;
}

std::string QuarterCode(int first_month) {
    return std::to_string(YearOfMonth(first_month)) + "-Q" + std::to_string((MonthOfYear(first_month) - 1) / 3 + 1);
}

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

// ?from=YYYY-MM&to=YYYY-MM; by default this year up to this month.
Result<MonthRange> ParseMonths(const Request& req) {
    const int now = MonthOf(base::Date::Today());
    CHIBO_TRY_ASSIGN(const int from, ParseMonth(req, "from", MonthNumber(YearOfMonth(now), 1)));
    CHIBO_TRY_ASSIGN(const int to, ParseMonth(req, "to", now));
    if (to < from) return FieldError("to", "Tháng kết thúc phải sau tháng bắt đầu.");
    if (to - from >= 120) return FieldError("to", "Mỗi lần xem tối đa 10 năm.");
    return MonthRange{from, to};
}

json::value Share(int part, int whole) {
    if (whole <= 0) return nullptr;
    return static_cast<double>(part) / whole;
}

json::object ToJson(const DashboardFigures& f) {
    const int scored = f.levels[0] + f.levels[1] + f.levels[2] + f.levels[3];
    return {{"cells", f.cells},
            {"members_expected", f.members_expected},
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

std::string MonthLabel(int month) {
    char text[24];
    std::snprintf(text, sizeof text, "tháng %02d/%04d", MonthOfYear(month), YearOfMonth(month));
    return text;
}

// "Quý II/2026", as grading periods name quarters.
std::string QuarterLabel(int first_month) {
    return ParseGradingPeriod(QuarterCode(first_month))->Label();
}

using exporting::Empty;
using exporting::Number;
using exporting::Percent;
using exporting::SheetCell;
using exporting::Text;

SheetCell ShareCell(int part, int whole) {
    return whole > 0 ? Percent(static_cast<double>(part) / whole) : Empty();
}

std::vector<exporting::Sheet> DashboardSheets(const app::DashboardView& v, const app::DashboardAlertsView& alerts) {
    const DashboardFigures& f = v.figures;
    const std::vector<std::string> title{v.organization.name,
                                         "Từ " + MonthLabel(v.months.first) + " đến " + MonthLabel(v.months.last),
                                         "Số liệu ngày " + base::Date::Today().ToVietnamese()};
    exporting::Sheet summary{
        "Tổng hợp", title, {"Chỉ tiêu", "Số lượng", "Trên tổng số", "Tỷ lệ"}, {}, {58, 14, 14, 12}};
    auto line = [&](const char* label, int count, std::optional<int> whole) {
        summary.rows.push_back(
            {Text(label), Number(count), whole ? Number(*whole) : Empty(), whole ? ShareCell(count, *whole) : Empty()});
    };
    line("Số chi bộ", f.cells, std::nullopt);
    line("Số đảng viên chính thức và dự bị", f.members_expected, std::nullopt);
    line("Chi bộ sinh hoạt thường kỳ đầy đủ, đúng quy định", f.cells_regular_all, f.cells_regular_due);
    line("Chi bộ sinh hoạt chuyên đề mỗi quý", f.cells_thematic_all, f.cells_thematic_due);
    line("Số buổi sinh hoạt đã tổ chức", f.meetings_held, std::nullopt);
    line("Lượt đảng viên dự sinh hoạt", f.attendance_present, f.attendance_expected);
    line("Buổi sinh hoạt có từ 90 % đảng viên dự", f.meetings_attendance_90, f.meetings_held);
    const char* levels[] = {"Buổi sinh hoạt xếp loại Tốt", "Buổi sinh hoạt xếp loại Khá",
                            "Buổi sinh hoạt xếp loại Trung bình", "Buổi sinh hoạt xếp loại Kém"};
    int scored = 0;
    for (int l = 0; l < 4; ++l) {
        line(levels[l], f.levels[l], f.meetings_held);
        scored += f.levels[l];
    }
    line("Buổi sinh hoạt chưa chấm điểm", f.meetings_held - scored, f.meetings_held);
    line("Buổi sinh hoạt có cấp ủy cấp trên dự", f.meetings_superior, f.meetings_held);
    line("Chi bộ được cấp ủy cấp trên dự sinh hoạt", f.cells_visited, f.cells);
    line("Đảng viên vắng 3 lần không lý do trong năm", f.members_flagged, std::nullopt);

    exporting::Sheet children{
        "Đơn vị trực thuộc",
        title,
        {"Tổ chức đảng", "Số chi bộ", "Số đảng viên", "Sinh hoạt thường kỳ đúng quy định",
         "Sinh hoạt chuyên đề mỗi quý", "Số buổi sinh hoạt", "Tỷ lệ đảng viên dự", "Buổi có từ 90 % dự", "Tốt", "Khá",
         "Trung bình", "Kém", "Chưa chấm", "Buổi có cấp trên dự", "Đảng viên vắng 3 lần"},
        {},
        {34, 10, 12, 16, 16, 12, 12, 12, 8, 8, 10, 8, 10, 12, 12}};
    for (const app::ChildFigures& c : v.children) {
        const DashboardFigures& g = c.figures;
        const int child_scored = g.levels[0] + g.levels[1] + g.levels[2] + g.levels[3];
        children.rows.push_back(
            {Text(c.organization.name), Number(g.cells), Number(g.members_expected),
             ShareCell(g.cells_regular_all, g.cells_regular_due), ShareCell(g.cells_thematic_all, g.cells_thematic_due),
             Number(g.meetings_held), ShareCell(g.attendance_present, g.attendance_expected),
             ShareCell(g.meetings_attendance_90, g.meetings_held), Number(g.levels[0]), Number(g.levels[1]),
             Number(g.levels[2]), Number(g.levels[3]), Number(g.meetings_held - child_scored),
             Number(g.meetings_superior), Number(g.members_flagged)});
    }

    exporting::Sheet trend{"Theo tháng",
                           title,
                           {"Tháng", "Số buổi sinh hoạt", "Lượt dự", "Lượt phải dự", "Tỷ lệ dự", "Buổi có từ 90 % dự",
                            "Tốt", "Khá", "Trung bình", "Kém", "Buổi có cấp trên dự"},
                           {},
                           {16, 12, 10, 12, 10, 12, 8, 8, 10, 8, 12}};
    for (const app::MonthFigures& m : v.trend) {
        const DashboardFigures& g = m.figures;
        trend.rows.push_back({Text(MonthLabel(m.month)), Number(g.meetings_held), Number(g.attendance_present),
                              Number(g.attendance_expected), ShareCell(g.attendance_present, g.attendance_expected),
                              Number(g.meetings_attendance_90), Number(g.levels[0]), Number(g.levels[1]),
                              Number(g.levels[2]), Number(g.levels[3]), Number(g.meetings_superior)});
    }

    exporting::Sheet warnings{"Cảnh báo", title, {"Cảnh báo", "Chi bộ", "Đảng viên", "Chi tiết"}, {}, {34, 30, 26, 46}};
    for (const MissedCell& m : alerts.missed) {
        if (!m.regular_months.empty()) {
            std::string months;
            for (int month : m.regular_months) months += (months.empty() ? "" : ", ") + MonthLabel(month);
            warnings.rows.push_back({Text("Chưa sinh hoạt thường kỳ"), Text(m.name), Empty(), Text(months)});
        }
        if (!m.thematic_quarters.empty()) {
            std::string quarters;
            for (int q : m.thematic_quarters) quarters += (quarters.empty() ? "" : ", ") + QuarterLabel(q);
            warnings.rows.push_back({Text("Chưa sinh hoạt chuyên đề"), Text(m.name), Empty(), Text(quarters)});
        }
    }
    for (const app::FlaggedMemberView& fl : alerts.flagged)
        warnings.rows.push_back({Text("Vắng 3 lần không lý do trong năm"), Text(fl.cell_name), Text(fl.member_name),
                                 Text(std::to_string(fl.flagged.unexcused) + " lần")});
    return {summary, children, trend, warnings};
}

}  // namespace

void Api::AddDashboardRoutes() {
    auto& statistics = services_.statistics;

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/dashboard", Access::kSignedIn, [&statistics](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto months = ParseMonths(req);
        if (!months) return ErrorResponse(months.error());
        return Render(
            statistics.Dashboard(req.auth->actor, OrganizationId(*id), *months), [](const app::DashboardView& v) {
                json::array children;
                for (const app::ChildFigures& c : v.children) {
                    json::object o = OrgJson(c.organization);
                    o["figures"] = ToJson(c.figures);
                    children.push_back(std::move(o));
                }
                json::array trend;
                for (const app::MonthFigures& m : v.trend)
                    trend.push_back(json::object{{"month", MonthCode(m.month)}, {"figures", ToJson(m.figures)}});
                return json::object{{"organization", OrgJson(v.organization)}, {"from", MonthCode(v.months.first)},
                                    {"to", MonthCode(v.months.last)},          {"figures", ToJson(v.figures)},
                                    {"children", std::move(children)},         {"trend", std::move(trend)}};
            });
    });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/dashboard/alerts", Access::kSignedIn,
                [&statistics](Request& req) {
                    auto id = PathId(req, "id");
                    if (!id) return ErrorResponse(id.error());
                    auto months = ParseMonths(req);
                    if (!months) return ErrorResponse(months.error());
                    auto page = QueryPage(req);
                    if (!page) return ErrorResponse(page.error());
                    return Render(statistics.Alerts(req.auth->actor, OrganizationId(*id), *months, *page),
                                  [&page](const app::DashboardAlertsView& v) {
                                      json::array missed;
                                      for (const MissedCell& m : v.missed) {
                                          json::array months_out;
                                          for (int month : m.regular_months) months_out.emplace_back(MonthCode(month));
                                          json::array quarters;
                                          for (int q : m.thematic_quarters) quarters.emplace_back(QuarterCode(q));
                                          missed.push_back(json::object{{"organization_id", m.cell.value},
                                                                        {"organization_name", m.name},
                                                                        {"regular_months", std::move(months_out)},
                                                                        {"thematic_quarters", std::move(quarters)}});
                                      }
                                      json::array flagged;
                                      for (const app::FlaggedMemberView& f : v.flagged)
                                          flagged.push_back(json::object{{"member_id", f.flagged.member.value},
                                                                         {"member_name", f.member_name},
                                                                         {"organization_id", f.flagged.cell.value},
                                                                         {"organization_name", f.cell_name},
                                                                         {"unexcused", f.flagged.unexcused}});
                                      return json::object{{"missed_total", v.missed_total},
                                                          {"missed", std::move(missed)},
                                                          {"flagged_total", v.flagged_total},
                                                          {"flagged", std::move(flagged)},
                                                          {"page", page->page},
                                                          {"page_size", page->page_size}};
                                  });
                });

    router_.Add(
        Method::kGet, "/api/v1/organizations/{id}/dashboard.xlsx", Access::kSignedIn, [&statistics](Request& req) {
            auto id = PathId(req, "id");
            if (!id) return ErrorResponse(id.error());
            auto months = ParseMonths(req);
            if (!months) return ErrorResponse(months.error());
            auto view = statistics.Dashboard(req.auth->actor, OrganizationId(*id), *months);
            if (!view) return ErrorResponse(view.error());
            auto alerts = statistics.Alerts(req.auth->actor, OrganizationId(*id), *months, {1, 100000});
            if (!alerts) return ErrorResponse(alerts.error());
            Response r;
            r.body = exporting::RenderXlsx(DashboardSheets(*view, *alerts));
            r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            r.headers.emplace_back("Content-Disposition",
                                   Disposition("so-lieu-" + std::to_string(*id) + "-" + MonthCode(months->first) + "-" +
                                               MonthCode(months->last) + ".xlsx"));
            r.headers.emplace_back("Cache-Control", "private, no-store");
            return r;
        });
}

}  // namespace chibo::http
