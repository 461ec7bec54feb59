#pragma once

#include <string>
#include <variant>
#include <vector>

// Tables out as an XLSX workbook (libxlsxwriter): one sheet per table, a bold header row, numbers as
// numbers (shares as percentages), frozen headers and column widths that fit Vietnamese labels.
namespace chibo::exporting {

struct SheetCell {
    std::variant<std::monostate, std::string, double> value;
    bool percent = false;  // A share 0–1 shown as "97,0 %".
};

struct Sheet {
    std::string name;                      // ≤ 31 characters, no []:*?/\.
    std::vector<std::string> title_lines;  // Above the table (the organisation, the period).
    std::vector<std::string> headers;
    std::vector<std::vector<SheetCell>> rows;
    std::vector<double> widths;  // Characters per column; missing ones default to 14.
};

SheetCell Text(std::string text);
SheetCell Number(double value);
SheetCell Percent(double share);
SheetCell Empty();

// The workbook's bytes. Throws std::runtime_error when libxlsxwriter fails (no temporary space).
std::string RenderXlsx(const std::vector<Sheet>& sheets);

}  // namespace chibo::exporting
