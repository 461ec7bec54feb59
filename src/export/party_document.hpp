#pragma once

#include <string>
#include <variant>
#include <vector>

// A document in the Party's format (Quy định 399-QĐ/TW; domain.md §8) as a small layout model, and
// its three renderings: DOCX (WordprocessingML in a zip), PDF (cairo + pango, A4, Noto Serif) and a
// printable HTML page. The meeting documents (minutes, resolution) are built as this model.
namespace chibo::exporting {

struct Run {
    std::string text;
    bool bold = false;
    bool italic = false;
};

enum class Align { kLeft, kCenter, kRight, kJustify };

struct Paragraph {
    std::vector<Run> runs;
    Align align = Align::kJustify;
    int size = 14;             // Points.
    bool first_indent = true;  // 1 cm first-line indent, as body text has.
    int space_after = 4;       // Points.
};

struct Table {
    std::vector<std::vector<std::string>> rows;  // The first row is the header (bold).
    std::vector<int> widths;                     // Relative column widths.
};

using Block = std::variant<Paragraph, Table>;

struct PartyDocument {
    // Left: "ĐẢNG BỘ XÃ …", "CHI BỘ …", "*", "Số …"; right: "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date line.
    std::vector<std::string> issuer;
    std::string number;     // "05-NQ/CB"; empty for a draft.
    std::string date_line;  // "Hòa An, ngày 03 tháng 12 năm 2026".
    std::string title;      // "NGHỊ QUYẾT"; printed bold, centred.
    std::string subtitle;   // "Sinh hoạt chi bộ thường kỳ tháng 12 năm 2026".
    bool draft = false;     // Prints "DỰ THẢO" above the title.
    std::vector<Block> body;
    // Signature blocks side by side (one or two): each is lines, the last being the signer's name.
    std::vector<std::vector<std::string>> signatures;
    std::vector<std::string> recipients;  // "Nơi nhận:" lines; empty for none.
};

std::string RenderDocx(const PartyDocument& document);
std::string RenderPdf(const PartyDocument& document);
std::string RenderHtml(const PartyDocument& document);

}  // namespace chibo::exporting
