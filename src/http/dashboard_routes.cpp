// Routes for the dashboards (performance.md D1–D3): /api/v1/organizations/{id}/dashboard and …/dashboard/alerts.
#include "domain/alert.hpp"
#include "export/dashboard_workbook.hpp"
#include "http/api.hpp"
#include "http/handler.hpp"
#include "http/json/body.hpp"
#include "http/json/dashboard.hpp"

namespace chibo::http {

using base::Result;
using namespace chibo::domain;

namespace {

exporting::DashboardWorkbook Workbook(const app::DashboardView& v, const app::DashboardAlertsView& alerts,
                                      base::Date today) {
    exporting::DashboardWorkbook w{v.organization.name, v.months, today, v.figures, {}, {}, alerts.missed, {}};
    for (const app::ChildFigures& c : v.children) w.children.emplace_back(c.organization.name, c.figures);
    for (const app::MonthFigures& m : v.trend) w.trend.emplace_back(m.month, m.figures);
    for (const app::FlaggedMemberView& f : alerts.flagged)
        w.flagged.push_back({f.cell_name, f.member_name, f.flagged.unexcused, domain::AbsentInText(f.absent_in)});
    return w;
}

}  // namespace

void Api::AddDashboardRoutes() {
    router_.Add(Method::kGet, "/api/v1/organizations/{id}/dashboard", Access::kSignedIn,
                [this](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto months, ParseMonths(req, clock_.Today()));
                    CHIBO_TRY_ASSIGN(const auto view, services_.statistics.Dashboard(req.auth->actor, id, months));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/dashboard/alerts", Access::kSignedIn,
                [this](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto months, ParseMonths(req, clock_.Today()));
                    CHIBO_TRY_ASSIGN(const auto page, QueryPage(req));
                    CHIBO_TRY_ASSIGN(const auto alerts, services_.statistics.Alerts(req.auth->actor, id, months, page));
                    return Json(ToJson(alerts, page));
                });

    router_.Add(
        Method::kGet, "/api/v1/organizations/{id}/dashboard.xlsx", Access::kSignedIn,
        [this](Request& req) -> Result<Response> {
            CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
            const base::Date today = clock_.Today();
            CHIBO_TRY_ASSIGN(const auto months, ParseMonths(req, today));
            CHIBO_TRY_ASSIGN(const auto view, services_.statistics.Dashboard(req.auth->actor, id, months));
            CHIBO_TRY_ASSIGN(const auto alerts, services_.statistics.Alerts(req.auth->actor, id, months, {1, 100000}));
            return File(exporting::RenderDashboardXlsx(Workbook(view, alerts, today)),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "so-lieu-" + std::to_string(id.value) + "-" + MonthCode(months.first) + "-" +
                            MonthCode(months.last) + ".xlsx");
        });
}

}  // namespace chibo::http
