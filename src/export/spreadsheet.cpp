#include "export/spreadsheet.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace chibo::exporting {

SheetCell Text(std::string text) {
    return {std::move(text), false};
}
SheetCell Number(double value) {
    return {value, false};
}
SheetCell Percent(double share) {
    return {share, true};
}
SheetCell Empty() {
    return {};
}

namespace {

// libxlsxwriter writes a file: a private temporary one, removed when done.
class TemporaryFile {
public:
    TemporaryFile() {
        const char* dir = std::getenv("TMPDIR");
        path_ = std::string(dir && *dir ? dir : "/tmp") + "/chibo-xlsx-XXXXXX";
        const int fd = ::mkstemp(path_.data());
        if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
        ::close(fd);
    }
    ~TemporaryFile() { ::unlink(path_.c_str()); }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace

std::string RenderXlsx(const std::vector<Sheet>& sheets) {
    const TemporaryFile file;
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(file.path().c_str(), &options);
    if (!book) throw std::runtime_error("libxlsxwriter cannot open the workbook");
    lxw_format* title = workbook_add_format(book);
    format_set_bold(title);
    format_set_font_size(title, 13);
    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(header, 0xF2E6E6);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* cell = workbook_add_format(book);
    format_set_border(cell, LXW_BORDER_THIN);
    format_set_text_wrap(cell);
    lxw_format* percent = workbook_add_format(book);
    format_set_border(percent, LXW_BORDER_THIN);
    format_set_num_format(percent, "0.0%");
    for (const Sheet& s : sheets) {
        lxw_worksheet* sheet = workbook_add_worksheet(book, s.name.c_str());
        if (!sheet) {
            workbook_close(book);
            throw std::runtime_error("libxlsxwriter refused the sheet name " + s.name);
        }
        lxw_row_t row = 0;
        for (const std::string& line : s.title_lines) worksheet_write_string(sheet, row++, 0, line.c_str(), title);
        if (!s.title_lines.empty()) ++row;
        for (std::size_t c = 0; c < s.headers.size(); ++c) {
            const double width = c < s.widths.size() ? s.widths[c] : 14;
            worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
            worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), s.headers[c].c_str(), header);
        }
        worksheet_freeze_panes(sheet, row + 1, 0);
        ++row;
        for (const auto& values : s.rows) {
            for (std::size_t c = 0; c < values.size(); ++c) {
                const SheetCell& v = values[c];
                const auto col = static_cast<lxw_col_t>(c);
                if (const auto* text = std::get_if<std::string>(&v.value))
                    worksheet_write_string(sheet, row, col, text->c_str(), cell);
                else if (const auto* number = std::get_if<double>(&v.value))
                    worksheet_write_number(sheet, row, col, *number, v.percent ? percent : cell);
                else
                    worksheet_write_blank(sheet, row, col, cell);
            }
            ++row;
        }
    }
    if (workbook_close(book) != LXW_NO_ERROR) throw std::runtime_error("libxlsxwriter cannot write the workbook");
    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace chibo::exporting
