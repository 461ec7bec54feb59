#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "export/ical.hpp"
#include "export/meeting_documents.hpp"
#include "export/spreadsheet.hpp"

namespace chibo::exporting {
namespace {

using namespace chibo::domain;

MeetingDocumentData Sample() {
    MeetingDocumentData d;
    Meeting& m = d.meeting;
    m.id = MeetingId(7);
    m.year = 2026;
    m.month = 12;
    m.date = *base::Date::FromYmd(2026, 12, 3);
    m.start_minutes = 14 * 60;
    m.min_minutes = 90;
    m.preparation.place = "Nhà văn hóa thôn Đông";
    m.preparation.agenda = {"Kiểm điểm nghị quyết tháng trước", "Nhiệm vụ tháng tới"};
    m.record.started_minutes = 14 * 60;
    m.record.ended_minutes = 15 * 60 + 40;
    m.record.chair_name = "Nguyễn Văn An";
    m.record.minute_taker_name = "Trần Thị Bình";
    m.record.conclusion = "Chi bộ thống nhất.";
    m.record.vote = Vote{18, 1, 1};
    d.cell_name = "Chi bộ Thôn Đông";
    d.superior_name = "Đảng bộ xã Hòa An";
    d.secretary_name = "Nguyễn Văn An";
    for (int i = 0; i < 20; ++i)
        d.attendance.push_back({MemberId(i + 1), "Đảng viên " + std::to_string(i + 1),
                                i < 17 ? MemberStatus::kOfficial : MemberStatus::kProbationary,
                                i == 19 ? Presence::kUnexcused : Presence::kPresent, ""});
    d.opinions = {{MemberId(2), "Lê Văn Cường", "Đề nghị làm đường."}};
    d.eligible = 19;
    return d;
}

std::string ZipEntry(const std::string& archive, const char* name) {
    zip_error_t error;
    zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (!z) return "";
    zip_stat_t st;
    std::string out;
    if (zip_stat(z, name, 0, &st) == 0) {
        zip_file_t* f = zip_fopen(z, name, 0);
        out.resize(st.size);
        zip_fread(f, out.data(), st.size);
        zip_fclose(f);
    }
    zip_close(z);
    return out;
}

TEST(MeetingDocuments, PlaceNameDropsTheCommitteeAndUnit) {
    EXPECT_EQ(PlaceName("Đảng bộ xã Hòa An"), "Hòa An");
    EXPECT_EQ(PlaceName("Đảng bộ phường Tân Lập"), "Tân Lập");
}

TEST(MeetingDocuments, MinutesHoldTheHeaderCountsSpeakersAndVote) {
    MeetingDocumentData d = Sample();
    const PartyDocument draft = MinutesDocument(d);
    EXPECT_TRUE(draft.draft);
    d.meeting.minutes_number = "03-BB/CB";
    const PartyDocument doc = MinutesDocument(d);
    EXPECT_FALSE(doc.draft);
    ASSERT_EQ(doc.issuer.size(), 2U);
    EXPECT_EQ(doc.issuer[0], "ĐẢNG BỘ XÃ HÒA AN");
    EXPECT_EQ(doc.issuer[1], "CHI BỘ THÔN ĐÔNG");
    EXPECT_EQ(doc.date_line, "Hòa An, ngày\u00A003\u00A0tháng\u00A012\u00A0năm\u00A02026");
    const std::string html = RenderHtml(doc);
    EXPECT_NE(html.find("Số 03-BB/CB"), std::string::npos);
    EXPECT_NE(html.find("Tổng số đảng viên của chi bộ: 20 đồng chí (chính thức: 17, dự bị: 3)."), std::string::npos);
    EXPECT_NE(html.find("Vắng không lý do: 1 đồng chí: đồng chí Đảng viên 20."), std::string::npos);
    EXPECT_NE(html.find("Lê Văn Cường"), std::string::npos);
    EXPECT_NE(html.find("18/19 đồng chí tán thành, đạt 95 %"), std::string::npos);
    EXPECT_NE(html.find("b) Nhiệm vụ tháng tới."), std::string::npos);
}

TEST(MeetingDocuments, DocxIsAZipWithTheDocumentAndA4Page) {
    MeetingDocumentData d = Sample();
    d.meeting.resolution_number = "03-NQ/CB";
    const std::string docx = RenderDocx(ResolutionDocument(d));
    ASSERT_GT(docx.size(), 100U);
    EXPECT_EQ(docx.substr(0, 2), "PK");
    const std::string xml = ZipEntry(docx, "word/document.xml");
    EXPECT_NE(xml.find("ĐẢNG CỘNG SẢN VIỆT NAM"), std::string::npos);
    EXPECT_NE(xml.find("Số 03-NQ/CB"), std::string::npos);
    EXPECT_NE(xml.find("T/M CHI BỘ"), std::string::npos);
    EXPECT_NE(xml.find("w:w=\"11906\" w:h=\"16838\""), std::string::npos);
    EXPECT_NE(ZipEntry(docx, "[Content_Types].xml").find("wordprocessingml.document.main+xml"), std::string::npos);
}

TEST(MeetingDocuments, PdfIsAPdfOfA4Pages) {
    MeetingDocumentData d = Sample();
    for (int i = 0; i < 60; ++i) d.opinions.push_back({std::nullopt, "Khách mời", std::string(300, 'x')});
    const std::string pdf = RenderPdf(MinutesDocument(d));
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_NE(pdf.find("/MediaBox [ 0 0 595.27"), std::string::npos);
    // Long minutes flow onto several pages.
    std::size_t pages = 0;
    for (std::size_t at = pdf.find("/Type /Page\n"); at != std::string::npos; at = pdf.find("/Type /Page\n", at + 1))
        ++pages;
    for (std::size_t at = pdf.find("/Type /Page "); at != std::string::npos; at = pdf.find("/Type /Page ", at + 1))
        ++pages;
    EXPECT_GT(pages, 1U);
}

// A folder of its own under the system's temporary one, removed with everything in it.
class TempDir {
public:
    TempDir() : path_(std::filesystem::temp_directory_path() / ("chibo-export-test-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // Writes `content` to the file `name` in the folder and returns its path.
    std::string Write(const std::string& name, const std::string& content) const {
        std::string file = File(name);
        std::ofstream(file, std::ios::binary) << content;
        return file;
    }
    std::string File(const std::string& name) const { return (path_ / name).string(); }
    std::string Path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

// What a command prints on its standard output.
std::string Output(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    ::pclose(pipe);
    return out;
}

// The lines of a PDF's text as `pdftotext -layout` places them, with no-break spaces read as spaces.
std::vector<std::string> LaidOutLines(const std::string& pdf_file) {
    std::string text = Output("pdftotext -layout '" + pdf_file + "' -");
    for (std::size_t at = text.find("\u00A0"); at != std::string::npos; at = text.find("\u00A0", at))
        text.replace(at, 2, " ");
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(text.substr(start, end - start));
    return lines;
}

// The heading's date line of a commune whose name fills its column: "Hòa Thuận Đông Nam, ngày 03 tháng 12 năm
// 2026" must wrap after the comma, on the PDF we render and on the DOCX as LibreOffice lays it out.
TEST(MeetingDocuments, ALongPlaceNameNeverSplitsTheDate) {
    MeetingDocumentData d = Sample();
    d.superior_name = "Đảng bộ phường Hòa Thuận Đông Nam";
    d.meeting.minutes_number = "03-BB/CB";
    d.meeting.resolution_number = "03-NQ/CB";
    const TempDir dir;
    std::vector<std::string> pdfs;
    for (const auto& [name, document] :
         {std::pair{"minutes", MinutesDocument(d)}, {"resolution", ResolutionDocument(d)}}) {
        pdfs.push_back(dir.Write(std::string(name) + ".pdf", RenderPdf(document)));
        dir.Write(std::string(name) + "-docx.docx", RenderDocx(document));
    }
    const std::string convert = "libreoffice --headless -env:UserInstallation=file://" + dir.Path() +
                                "/lo --convert-to pdf --outdir '" + dir.Path() + "' '" + dir.File("minutes-docx.docx") +
                                "' '" + dir.File("resolution-docx.docx") + "' >/dev/null 2>&1";
    ASSERT_EQ(std::system(convert.c_str()), 0) << "LibreOffice (libreoffice-writer-nogui) converts the DOCX";
    pdfs.push_back(dir.File("minutes-docx.pdf"));
    pdfs.push_back(dir.File("resolution-docx.pdf"));

    for (const std::string& pdf : pdfs) {
        const std::vector<std::string> lines = LaidOutLines(pdf);
        std::string text;
        for (const std::string& line : lines) text += line + "\n";
        ASSERT_FALSE(lines.empty()) << "pdftotext (poppler-utils) reads " << pdf;
        EXPECT_NE(text.find("Hòa Thuận Đông Nam,"), std::string::npos) << pdf << "\n" << text;
        EXPECT_TRUE(std::any_of(lines.begin(), lines.end(),
                                [](const std::string& l) { return l.find("ngày 03 tháng 12 năm 2026") != l.npos; }))
            << pdf << "\n"
            << text;
    }
}

TEST(Spreadsheet, XlsxHoldsOneSheetPerTableWithVietnameseText) {
    Sheet summary{"Tổng hợp",
                  {"Đảng bộ xã Hòa An", "Từ tháng 01/2026 đến tháng 10/2026"},
                  {"Chỉ tiêu", "Giá trị"},
                  {{Text("Số chi bộ"), Number(12)},
                   {Text("Tỷ lệ đảng viên dự sinh hoạt"), Percent(0.912)},
                   {Text("Chưa có"), Empty()}},
                  {40, 14}};
    Sheet children{"Đơn vị trực thuộc", {}, {"Tổ chức", "Số chi bộ"}, {{Text("Chi bộ Thôn Đông"), Number(1)}}, {}};
    const std::string book = RenderXlsx({summary, children});
    ASSERT_GT(book.size(), 1000U);
    const std::string workbook = ZipEntry(book, "xl/workbook.xml");
    EXPECT_NE(workbook.find("name=\"Tổng hợp\""), std::string::npos);
    EXPECT_NE(workbook.find("name=\"Đơn vị trực thuộc\""), std::string::npos);
    const std::string strings = ZipEntry(book, "xl/sharedStrings.xml");
    for (const char* text : {"Đảng bộ xã Hòa An", "Tỷ lệ đảng viên dự sinh hoạt", "Chi bộ Thôn Đông", "Chỉ tiêu"})
        EXPECT_NE(strings.find(text), std::string::npos) << text;
    const std::string sheet = ZipEntry(book, "xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("<v>12</v>"), std::string::npos);
    EXPECT_NE(sheet.find("<v>0.912</v>"), std::string::npos);
    EXPECT_NE(ZipEntry(book, "xl/styles.xml").find("0.0%"), std::string::npos);
    EXPECT_THROW(RenderXlsx({Sheet{"Tên [sai]", {}, {"a"}, {}, {}}}), std::runtime_error);
}

TEST(CalendarFeed, EscapesFoldsAndEndsLinesWithCrLf) {
    CalendarEvent e{Sample().meeting, "Chi bộ Thôn Đông; xóm 1, xóm 2"};
    e.meeting.preparation.agenda = {std::string(200, 'a')};
    const std::string ics = CalendarFeed("Lịch", std::span(&e, 1), 0);
    EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0U);
    EXPECT_NE(ics.find("DTSTART:20261203T070000Z\r\n"), std::string::npos);  // 14:00 in Vietnam.
    std::string unfolded;
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        unfolded += ics[i];
    }
    EXPECT_NE(unfolded.find("Chi bộ Thôn Đông\\; xóm 1\\, xóm 2"), std::string::npos);
    std::size_t start = 0;
    while (start < ics.size()) {
        const std::size_t end = ics.find("\r\n", start);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end - start, 75U);
        start = end + 2;
    }
}

}  // namespace
}  // namespace chibo::exporting
