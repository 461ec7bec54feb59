#include "export/dashboard_workbook.hpp"

#include <cstdio>

#include "domain/grading.hpp"

namespace chibo::exporting {

using namespace chibo::domain;

namespace {

std::string MonthLabel(int month) {
    char text[24];
    std::snprintf(text, sizeof text, "tháng %02d/%04d", MonthOfYear(month), YearOfMonth(month));
    return text;
}

// "Quý II/2026", as grading periods name quarters.
std::string QuarterLabel(int first_month) {
    return ParseGradingPeriod(QuarterCode(first_month))->Label();
}

SheetCell ShareCell(int part, int whole) {
    return whole > 0 ? Percent(static_cast<double>(part) / whole) : Empty();
}

std::vector<Sheet> DashboardSheets(const DashboardWorkbook& v) {
    const DashboardFigures& f = v.figures;
    const std::vector<std::string> title{v.organization_name,
                                         "Từ " + MonthLabel(v.months.first) + " đến " + MonthLabel(v.months.last),
                                         "Số liệu ngày " + v.today.ToVietnamese()};
    Sheet summary{"Tổng hợp", title, {"Chỉ tiêu", "Số lượng", "Trên tổng số", "Tỷ lệ"}, {}, {58, 14, 14, 12}};
    auto line = [&](const char* label, int count, std::optional<int> whole) {
        summary.rows.push_back(
            {Text(label), Number(count), whole ? Number(*whole) : Empty(), whole ? ShareCell(count, *whole) : Empty()});
    };
    line("Số chi bộ", f.cells, std::nullopt);
    line("Số đảng viên chính thức và dự bị", f.members_expected, std::nullopt);
    line("Đảng viên đang ở nơi khác (có giấy giới thiệu sinh hoạt tạm thời hoặc đi làm ăn xa)", f.members_away,
         std::nullopt);
    line("Trong đó: đi làm ăn xa chưa có giấy giới thiệu", f.members_away_without_letter, f.members_away);
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

    Sheet children{"Đơn vị trực thuộc",
                   title,
                   {"Tổ chức đảng", "Số chi bộ", "Số đảng viên", "Sinh hoạt thường kỳ đúng quy định",
                    "Sinh hoạt chuyên đề mỗi quý", "Số buổi sinh hoạt", "Tỷ lệ đảng viên dự", "Buổi có từ 90 % dự",
                    "Tốt", "Khá", "Trung bình", "Kém", "Chưa chấm", "Buổi có cấp trên dự", "Đảng viên vắng 3 lần"},
                   {},
                   {34, 10, 12, 16, 16, 12, 12, 12, 8, 8, 10, 8, 10, 12, 12}};
    for (const auto& [name, g] : v.children) {
        const int child_scored = g.levels[0] + g.levels[1] + g.levels[2] + g.levels[3];
        children.rows.push_back(
            {Text(name), Number(g.cells), Number(g.members_expected),
             ShareCell(g.cells_regular_all, g.cells_regular_due), ShareCell(g.cells_thematic_all, g.cells_thematic_due),
             Number(g.meetings_held), ShareCell(g.attendance_present, g.attendance_expected),
             ShareCell(g.meetings_attendance_90, g.meetings_held), Number(g.levels[0]), Number(g.levels[1]),
             Number(g.levels[2]), Number(g.levels[3]), Number(g.meetings_held - child_scored),
             Number(g.meetings_superior), Number(g.members_flagged)});
    }

    Sheet trend{"Theo tháng",
                title,
                {"Tháng", "Số buổi sinh hoạt", "Lượt dự", "Lượt phải dự", "Tỷ lệ dự", "Buổi có từ 90 % dự", "Tốt",
                 "Khá", "Trung bình", "Kém", "Buổi có cấp trên dự"},
                {},
                {16, 12, 10, 12, 10, 12, 8, 8, 10, 8, 12}};
    for (const auto& [month, g] : v.trend) {
        trend.rows.push_back({Text(MonthLabel(month)), Number(g.meetings_held), Number(g.attendance_present),
                              Number(g.attendance_expected), ShareCell(g.attendance_present, g.attendance_expected),
                              Number(g.meetings_attendance_90), Number(g.levels[0]), Number(g.levels[1]),
                              Number(g.levels[2]), Number(g.levels[3]), Number(g.meetings_superior)});
    }

    Sheet warnings{"Cảnh báo", title, {"Cảnh báo", "Chi bộ", "Đảng viên", "Chi tiết"}, {}, {34, 30, 26, 46}};
    for (const MissedCell& m : v.missed) {
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
    for (const FlaggedRow& fl : v.flagged)
        warnings.rows.push_back(
            {Text("Vắng 3 lần không lý do trong năm"), Text(fl.cell_name), Text(fl.member_name),
             Text(std::to_string(fl.unexcused) + " lần" + (fl.absent_in.empty() ? "" : " (" + fl.absent_in + ")"))});
    return {summary, children, trend, warnings};
}

}  // namespace

std::string RenderDashboardXlsx(const DashboardWorkbook& workbook) {
    return RenderXlsx(DashboardSheets(workbook));
}

}  // namespace chibo::exporting
