#include "export/party_document.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <zip.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <stdexcept>

namespace chibo::exporting {

namespace {

// ---- Shared -------------------------------------------------------------------------------------

std::string XmlEscape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find('\n', start);
        out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// The heading lines every rendering shares.
struct Heading {
    std::vector<Run> left;   // One run per line.
    std::vector<Run> right;  // One run per line.
};

Heading HeadingOf(const PartyDocument& d) {
    Heading h;
    for (std::size_t i = 0; i < d.issuer.size(); ++i) h.left.push_back({d.issuer[i], i + 1 == d.issuer.size(), false});
    h.left.push_back({"*", false, false});
    h.left.push_back({d.number.empty() ? "Số      -…/CB" : "Số " + d.number, false, false});
    h.right.push_back({"ĐẢNG CỘNG SẢN VIỆT NAM", true, false});
    h.right.push_back({"", false, false});
    h.right.push_back({d.date_line, false, true});
    return h;
}

// ---- DOCX ---------------------------------------------------------------------------------------

std::string DocxRun(const Run& r, int size) {
    std::string props =
        "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>";
    if (r.bold) props += "<w:b/>";
    if (r.italic) props += "<w:i/>";
    props += "<w:sz w:val=\"" + std::to_string(size * 2) + "\"/></w:rPr>";
    std::string out;
    const auto lines = SplitLines(r.text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += "<w:r>" + props;
        if (i > 0) out += "<w:br/>";
        out += "<w:t xml:space=\"preserve\">" + XmlEscape(lines[i]) + "</w:t></w:r>";
    }
    return out;
}

std::string DocxParagraph(const Paragraph& p) {
    static constexpr const char* kAlign[] = {"left", "center", "right", "both"};
    std::string out = "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"" + std::to_string(p.space_after * 20) +
                      "\" w:line=\"300\" w:lineRule=\"auto\"/>";
    if (p.first_indent) out += "<w:ind w:firstLine=\"567\"/>";
    out += std::string("<w:jc w:val=\"") + kAlign[static_cast<int>(p.align)] + "\"/></w:pPr>";
    for (const Run& r : p.runs) out += DocxRun(r, p.size);
    return out + "</w:p>";
}

std::string DocxCell(const std::vector<Run>& lines, int width_twips, Align align, int size, bool borders) {
    std::string out = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width_twips) + "\" w:type=\"dxa\"/>";
    if (!borders)
        out +=
            "<w:tcBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
            "<w:right w:val=\"nil\"/></w:tcBorders>";
    out += "</w:tcPr>";
    if (lines.empty()) out += "<w:p/>";
    for (const Run& r : lines) {
        Paragraph p;
        p.runs = {r};
        p.align = align;
        p.size = size;
        p.first_indent = false;
        p.space_after = 0;
        out += DocxParagraph(p);
    }
    return out + "</w:tc>";
}

constexpr int kTextWidthTwips = 11906 - 1701 - 850;  // A4 minus the 30 mm and 15 mm side margins.

std::string DocxTable(const std::vector<std::vector<std::vector<Run>>>& rows, const std::vector<int>& widths,
                      bool borders, Align align, int size) {
    const int total = std::accumulate(widths.begin(), widths.end(), 0);
    std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(kTextWidthTwips) + "\" w:type=\"dxa\"/>";
    if (borders) {
        out += "<w:tblBorders>";
        for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
            out += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
        out += "</w:tblBorders>";
    }
    out += "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
    std::vector<int> twips;
    twips.reserve(widths.size());
    for (int w : widths) twips.push_back(kTextWidthTwips * w / std::max(total, 1));
    for (int t : twips) out += "<w:gridCol w:w=\"" + std::to_string(t) + "\"/>";
    out += "</w:tblGrid>";
    for (const auto& row : rows) {
        out += "<w:tr>";
        for (std::size_t c = 0; c < row.size() && c < twips.size(); ++c)
            out += DocxCell(row[c], twips[c], align, size, borders);
        out += "</w:tr>";
    }
    return out + "</w:tbl>";
}

std::string DocxBody(const PartyDocument& d) {
    const Heading h = HeadingOf(d);
    std::vector<std::vector<std::vector<Run>>> heading_row{{h.left, h.right}};
    std::string body = DocxTable(heading_row, {45, 55}, false, Align::kCenter, 13);
    auto centred = [](std::string text, bool bold, int size, int after) {
        Paragraph p;
        p.runs = {{std::move(text), bold, false}};
        p.align = Align::kCenter;
        p.size = size;
        p.first_indent = false;
        p.space_after = after;
        return p;
    };
    body += DocxParagraph(centred("", false, 12, 6));
    if (d.draft) body += DocxParagraph(centred("DỰ THẢO", true, 14, 2));
    body += DocxParagraph(centred(d.title, true, 16, 0));
    if (!d.subtitle.empty()) body += DocxParagraph(centred(d.subtitle, true, 14, 2));
    body += DocxParagraph(centred("-----", false, 14, 8));
    for (const Block& b : d.body) {
        if (const auto* p = std::get_if<Paragraph>(&b)) {
            body += DocxParagraph(*p);
        } else {
            const auto& t = std::get<Table>(b);
            std::vector<std::vector<std::vector<Run>>> rows;
            for (std::size_t r = 0; r < t.rows.size(); ++r) {
                std::vector<std::vector<Run>> cells;
                for (const std::string& cell : t.rows[r]) cells.push_back({{cell, r == 0, false}});
                rows.push_back(std::move(cells));
            }
            body += DocxTable(rows, t.widths, true, Align::kLeft, 12);
            body += DocxParagraph(centred("", false, 6, 4));
        }
    }
    std::vector<std::vector<Run>> recipients;
    if (!d.recipients.empty()) {
        std::vector<Run> lines{{"Nơi nhận:", true, true}};
        for (const std::string& r : d.recipients) lines.push_back({r, false, false});
        recipients.push_back(lines);
    }
    std::vector<std::vector<std::vector<Run>>> sign_row(1);
    std::vector<int> widths;
    if (!recipients.empty() && d.signatures.size() == 1) {
        sign_row[0].push_back(recipients[0]);
        widths.push_back(45);
    }
    for (const auto& s : d.signatures) {
        std::vector<Run> lines;
        lines.reserve(s.size() + 3);
        for (const std::string& line : s) lines.push_back({line, true, false});
        if (lines.size() > 1)
            lines.insert(lines.end() - 1, {{"", false, false}, {"", false, false}, {"", false, false}});
        sign_row[0].push_back(lines);
        widths.push_back(recipients.empty() || d.signatures.size() > 1 ? 50 : 55);
    }
    body += DocxParagraph(centred("", false, 8, 4));
    body += DocxTable(sign_row, widths, false, Align::kCenter, 13);
    if (!recipients.empty() && d.signatures.size() > 1) {
        for (const Run& r : recipients[0]) {
            Paragraph p;
            p.runs = {r};
            p.align = Align::kLeft;
            p.size = 12;
            p.first_indent = false;
            p.space_after = 0;
            body += DocxParagraph(p);
        }
    }
    return body;
}

void AddZipEntry(zip_t* archive, const char* name, const std::string& content) {
    // libzip reads the buffer at zip_close: keep a copy alive until then (freed by libzip).
    void* copy = std::malloc(content.size());
    if (!copy) throw std::bad_alloc();
    std::copy(content.begin(), content.end(), static_cast<char*>(copy));
    zip_source_t* source = zip_source_buffer(archive, copy, content.size(), 1);
    if (!source) {
        std::free(copy);
        throw std::runtime_error("docx: cannot add " + std::string(name));
    }
    // From here the source owns `copy` (freep = 1): libzip frees it with the source or the archive.
    // NOLINTNEXTLINE(clang-analyzer-unix.Malloc): the analyzer cannot see libzip taking ownership.
    if (zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
        zip_source_free(source);
        throw std::runtime_error("docx: cannot add " + std::string(name));
    }
}

// ---- PDF ----------------------------------------------------------------------------------------

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm;
constexpr double kPageHeight = 297 * kMm;
constexpr double kTop = 20 * kMm;
constexpr double kBottom = kPageHeight - 20 * kMm;
constexpr double kLeft = 30 * kMm;
constexpr double kRight = kPageWidth - 15 * kMm;
constexpr double kWidth = kRight - kLeft;

struct Unref {
    void operator()(gpointer p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, Unref>;

std::string Markup(const std::vector<Run>& runs) {
    std::string out;
    for (const Run& r : runs) {
        std::string t = XmlEscape(r.text);
        if (r.bold) t.insert(0, "<b>").append("</b>");
        if (r.italic) t.insert(0, "<i>").append("</i>");
        out += t;
    }
    return out;
}

class PdfWriter {
public:
    PdfWriter() {
        surface_ = cairo_pdf_surface_create_for_stream(&PdfWriter::Write, &bytes_, kPageWidth, kPageHeight);
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "chibo");
        cr_ = cairo_create(surface_);
        y_ = kTop;
    }
    ~PdfWriter() {
        if (cr_) cairo_destroy(cr_);
        if (surface_) cairo_surface_destroy(surface_);
    }
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    LayoutPtr Layout(const std::vector<Run>& runs, int size, double width, Align align, double indent) {
        LayoutPtr layout(pango_cairo_create_layout(cr_));
        pango_cairo_context_set_resolution(pango_layout_get_context(layout.get()), 72);
        pango_layout_context_changed(layout.get());
        PangoFontDescription* font = pango_font_description_from_string("Noto Serif");
        pango_font_description_set_size(font, size * PANGO_SCALE);
        pango_layout_set_font_description(layout.get(), font);
        pango_font_description_free(font);
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_spacing(layout.get(), static_cast<int>(size * 0.25 * PANGO_SCALE));
        pango_layout_set_indent(layout.get(), static_cast<int>(indent * PANGO_SCALE));
        switch (align) {
            case Align::kLeft:
                pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
                break;
            case Align::kCenter:
                pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
                break;
            case Align::kRight:
                pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
                break;
            case Align::kJustify:
                pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
                pango_layout_set_justify(layout.get(), TRUE);
                break;
        }
        const std::string markup = Markup(runs);
        pango_layout_set_markup(layout.get(), markup.c_str(), -1);
        return layout;
    }

    static double Height(PangoLayout* layout) {
        int w = 0;
        int h = 0;
        pango_layout_get_size(layout, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    // Draws a layout line by line from the current position, breaking pages between lines.
    void Flow(PangoLayout* layout, double x, double space_after) {
        PangoLayoutIter* iter = pango_layout_get_iter(layout);
        const double origin = y_;
        double shift = 0;  // How far later lines moved down because of page breaks.
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            const double top = origin + shift + static_cast<double>(logical.y) / PANGO_SCALE;
            const double height = static_cast<double>(logical.height) / PANGO_SCALE;
            double line_top = top;
            if (line_top + height > kBottom) {
                NewPage();
                shift += kTop - line_top;
                line_top = kTop;
            }
            const double baseline =
                origin + shift + static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
            cairo_move_to(cr_, x + static_cast<double>(logical.x) / PANGO_SCALE, baseline);
            pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
            y_ = line_top + height;
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
        y_ += space_after;
    }

    void Paragraph(const exporting::Paragraph& p) {
        auto layout = Layout(p.runs, p.size, kWidth, p.align, p.first_indent ? 10 * kMm : 0);
        Flow(layout.get(), kLeft, p.space_after);
    }

    // Columns side by side, without borders (heading, signatures) or with (tables); a row moves to
    // the next page whole when it fits on one.
    void Row(const std::vector<std::vector<Run>>& cells, const std::vector<double>& widths, Align align, int size,
             bool borders) {
        constexpr double kPad = 3;
        std::vector<LayoutPtr> layouts;
        double height = 0;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            std::vector<Run> runs;
            for (std::size_t i = 0; i < cells[c].size(); ++i) {
                Run r = cells[c][i];
                if (i + 1 < cells[c].size()) r.text += "\n";
                runs.push_back(r);
            }
            layouts.push_back(Layout(runs, size, widths[c] - 2 * kPad, align, 0));
            height = std::max(height, Height(layouts.back().get()));
        }
        height += 2 * kPad;
        if (y_ + height > kBottom && height < kBottom - kTop) NewPage();
        double x = kLeft;
        for (std::size_t c = 0; c < layouts.size(); ++c) {
            cairo_move_to(cr_, x + kPad, y_ + kPad);
            pango_cairo_show_layout(cr_, layouts[c].get());
            if (borders) {
                cairo_set_line_width(cr_, 0.5);
                cairo_rectangle(cr_, x, y_, widths[c], height);
                cairo_stroke(cr_);
            }
            x += widths[c];
        }
        y_ += height;
    }

    void Rule(double width) {
        cairo_set_line_width(cr_, 0.6);
        cairo_move_to(cr_, kLeft + (kWidth - width) / 2, y_);
        cairo_line_to(cr_, kLeft + (kWidth + width) / 2, y_);
        cairo_stroke(cr_);
        y_ += 6;
    }

    void Space(double points) { y_ += points; }

    std::string Finish() {
        cairo_destroy(cr_);
        cr_ = nullptr;
        cairo_surface_finish(surface_);
        cairo_surface_destroy(surface_);
        surface_ = nullptr;
        return std::move(bytes_);
    }

private:
    void NewPage() {
        cairo_show_page(cr_);
        y_ = kTop;
    }

    static cairo_status_t Write(void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    }

    std::string bytes_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    double y_ = 0;
};

std::vector<double> Widths(const std::vector<int>& relative, std::size_t columns) {
    std::vector<int> w = relative;
    w.resize(columns, 1);
    const double total = std::accumulate(w.begin(), w.end(), 0.0);
    std::vector<double> out;
    out.reserve(w.size());
    for (int v : w) out.push_back(kWidth * v / total);
    return out;
}

}  // namespace

std::string RenderDocx(const PartyDocument& d) {
    const std::string document =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        DocxBody(d) +
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" "
        "w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
    const std::string content_types =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        "</Types>";
    const std::string rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"word/document.xml\"/></Relationships>";

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!memory) throw std::runtime_error("docx: cannot create a buffer");
    zip_source_keep(memory);
    zip_t* archive = zip_open_from_source(memory, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(memory);
        throw std::runtime_error("docx: cannot open the archive");
    }
    try {
        AddZipEntry(archive, "[Content_Types].xml", content_types);
        AddZipEntry(archive, "_rels/.rels", rels);
        AddZipEntry(archive, "word/document.xml", document);
    } catch (...) {
        zip_discard(archive);
        zip_source_free(memory);
        throw;
    }
    if (zip_close(archive) < 0) {
        zip_discard(archive);
        zip_source_free(memory);
        throw std::runtime_error("docx: cannot write the archive");
    }
    std::string out;
    if (zip_source_open(memory) == 0) {
        zip_source_seek(memory, 0, SEEK_END);
        const zip_int64_t size = zip_source_tell(memory);
        zip_source_seek(memory, 0, SEEK_SET);
        out.resize(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)));
        if (size > 0) zip_source_read(memory, out.data(), static_cast<zip_uint64_t>(size));
        zip_source_close(memory);
    }
    zip_source_free(memory);
    if (out.empty()) throw std::runtime_error("docx: empty archive");
    return out;
}

std::string RenderPdf(const PartyDocument& d) {
    PdfWriter pdf;
    const Heading h = HeadingOf(d);
    pdf.Row({h.left, h.right}, {kWidth * 0.45, kWidth * 0.55}, Align::kCenter, 13, false);
    pdf.Space(14);
    auto centred = [&](const std::string& text, bool bold, int size, double after) {
        exporting::Paragraph p;
        p.runs = {{text, bold, false}};
        p.align = Align::kCenter;
        p.size = size;
        p.first_indent = false;
        p.space_after = static_cast<int>(after);
        pdf.Paragraph(p);
    };
    if (d.draft) centred("DỰ THẢO", true, 14, 2);
    centred(d.title, true, 16, 0);
    if (!d.subtitle.empty()) centred(d.subtitle, true, 14, 2);
    pdf.Space(4);
    pdf.Rule(40 * kMm);
    pdf.Space(4);
    for (const Block& b : d.body) {
        if (const auto* p = std::get_if<Paragraph>(&b)) {
            pdf.Paragraph(*p);
        } else {
            const auto& t = std::get<Table>(b);
            const std::size_t columns = t.rows.empty() ? 0 : t.rows[0].size();
            const auto widths = Widths(t.widths, columns);
            for (std::size_t r = 0; r < t.rows.size(); ++r) {
                std::vector<std::vector<Run>> cells;
                for (const std::string& cell : t.rows[r]) cells.push_back({{cell, r == 0, false}});
                pdf.Row(cells, widths, Align::kLeft, 12, true);
            }
            pdf.Space(6);
        }
    }
    pdf.Space(10);
    std::vector<std::vector<Run>> cells;
    std::vector<double> widths;
    const bool recipients_beside = !d.recipients.empty() && d.signatures.size() == 1;
    if (recipients_beside) {
        std::vector<Run> lines{{"Nơi nhận:", true, true}};
        for (const std::string& r : d.recipients) lines.push_back({r, false, false});
        cells.push_back(lines);
        widths.push_back(kWidth * 0.45);
    }
    for (const auto& s : d.signatures) {
        std::vector<Run> lines;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (i + 1 == s.size() && i > 0) lines.push_back({"\n\n", false, false});
            lines.push_back({s[i], true, false});
        }
        cells.push_back(lines);
        widths.push_back(recipients_beside ? kWidth * 0.55 : kWidth / static_cast<double>(d.signatures.size()));
    }
    if (recipients_beside) {
        // The recipients are left-aligned and smaller; draw them as their own column.
        pdf.Row(cells, widths, Align::kCenter, 12, false);
    } else {
        pdf.Row(cells, widths, Align::kCenter, 13, false);
        if (!d.recipients.empty()) {
            exporting::Paragraph p;
            p.runs = {{"Nơi nhận:", true, true}};
            for (const std::string& r : d.recipients) p.runs.push_back({"\n" + r, false, false});
            p.align = Align::kLeft;
            p.size = 12;
            p.first_indent = false;
            pdf.Space(8);
            pdf.Paragraph(p);
        }
    }
    return pdf.Finish();
}

std::string RenderHtml(const PartyDocument& d) {
    auto runs = [](const std::vector<Run>& rs) {
        std::string out;
        for (const Run& r : rs) {
            std::string t;
            for (const std::string& line : SplitLines(r.text)) t += (t.empty() ? "" : "<br>") + XmlEscape(line);
            if (r.bold) t.insert(0, "<b>").append("</b>");
            if (r.italic) t.insert(0, "<i>").append("</i>");
            out += t;
        }
        return out;
    };
    static constexpr const char* kAlign[] = {"left", "center", "right", "justify"};
    const Heading h = HeadingOf(d);
    std::string out =
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
        XmlEscape(d.title + (d.number.empty() ? "" : " " + d.number)) +
        "</title><style>"
        "@page{size:A4;margin:20mm 15mm 20mm 30mm}"
        "body{font-family:'Times New Roman','Noto Serif',serif;font-size:14pt;line-height:1.35;max-width:165mm;"
        "margin:1em auto;padding:0 1em;color:#000}"
        ".head{display:flex;justify-content:space-between;text-align:center;font-size:13pt}"
        ".head div{flex:1}.title{text-align:center;font-weight:bold;margin:1.2em 0 0}"
        ".sub{text-align:center;font-weight:bold}.rule{width:40mm;border-top:1px solid #000;margin:.4em auto 1em}"
        "p{margin:0 0 .3em}table.t{border-collapse:collapse;width:100%;font-size:12pt;margin:.4em 0}"
        "table.t td{border:1px solid #000;padding:3pt;vertical-align:top}"
        ".sign{display:flex;justify-content:space-between;margin-top:1.5em}.sign div{flex:1;text-align:center}"
        ".recip{font-size:12pt;text-align:left!important}.draft{text-align:center;font-weight:bold;color:#a00}"
        ".print{position:fixed;top:8px;right:8px;font-size:16px;padding:8px 14px}"
        "@media print{.print{display:none}body{margin:0;max-width:none}}"
        "</style></head><body><button class=\"print\" onclick=\"window.print()\">In văn bản</button>"
        "<div class=\"head\"><div>";
    for (const Run& r : h.left) out += runs({r}) + "<br>";
    out += "</div><div>";
    for (const Run& r : h.right) out += runs({r}) + "<br>";
    out += "</div></div>";
    if (d.draft) out += "<div class=\"draft\">DỰ THẢO</div>";
    out += "<div class=\"title\" style=\"font-size:16pt\">" + XmlEscape(d.title) + "</div>";
    if (!d.subtitle.empty()) out += "<div class=\"sub\">" + XmlEscape(d.subtitle) + "</div>";
    out += "<div class=\"rule\"></div>";
    for (const Block& b : d.body) {
        if (const auto* p = std::get_if<Paragraph>(&b)) {
            out += std::string("<p style=\"text-align:") + kAlign[static_cast<int>(p->align)] +
                   ";font-size:" + std::to_string(p->size) + "pt" + (p->first_indent ? ";text-indent:1cm" : "") +
                   "\">" + runs(p->runs) + "</p>";
        } else {
            const auto& t = std::get<Table>(b);
            out += "<table class=\"t\">";
            for (std::size_t r = 0; r < t.rows.size(); ++r) {
                out += "<tr>";
                for (const std::string& cell : t.rows[r])
                    out += "<td>" + (r == 0 ? "<b>" + XmlEscape(cell) + "</b>" : XmlEscape(cell)) + "</td>";
                out += "</tr>";
            }
            out += "</table>";
        }
    }
    out += "<div class=\"sign\">";
    const bool beside = !d.recipients.empty() && d.signatures.size() == 1;
    std::string recipients;
    if (!d.recipients.empty()) {
        recipients = "<div class=\"recip\"><b><i>Nơi nhận:</i></b><br>";
        for (const std::string& r : d.recipients) recipients += XmlEscape(r) + "<br>";
        recipients += "</div>";
    }
    if (beside) out += recipients;
    for (const auto& s : d.signatures) {
        out += "<div>";
        for (std::size_t i = 0; i < s.size(); ++i)
            out += (i + 1 == s.size() && i > 0 ? "<br><br><br>" : "") + ("<b>" + XmlEscape(s[i]) + "</b><br>");
        out += "</div>";
    }
    out += "</div>";
    if (!beside) out += recipients;
    return out + "</body></html>";
}

}  // namespace chibo::exporting
