#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/date.hpp"
#include "domain/statistics.hpp"
#include "export/spreadsheet.hpp"

namespace chibo::exporting {

// A flagged member as the warnings sheet lists them.
struct FlaggedRow {
    std::string cell_name;
    std::string member_name;
    int unexcused = 0;
    std::string absent_in;  // "2 lần ở Chi bộ A, 1 lần ở Chi bộ B" when absent in several cells.
};

// Everything one organisation's dashboard workbook is written from: D1 for the organisation, D2 for
// its children, the trend by month and the alerts (D3), as of `today`.
struct DashboardWorkbook {
    std::string organization_name;
    domain::MonthRange months;
    base::Date today;
    domain::DashboardFigures figures;
    std::vector<std::pair<std::string, domain::DashboardFigures>> children;  // By name.
    std::vector<std::pair<int, domain::DashboardFigures>> trend;             // domain::MonthNumber, in order.
    std::vector<domain::MissedCell> missed;
    std::vector<FlaggedRow> flagged;
};

// The workbook's four sheets — "Tổng hợp", "Đơn vị trực thuộc", "Theo tháng", "Cảnh báo" — as XLSX bytes.
std::string RenderDashboardXlsx(const DashboardWorkbook& workbook);

}  // namespace chibo::exporting
