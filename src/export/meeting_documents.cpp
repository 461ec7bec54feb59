#include "export/meeting_documents.hpp"

#include <algorithm>
#include <cmath>

#include "base/text.hpp"

namespace chibo::exporting {

using namespace chibo::domain;

namespace {

// Sub-items are lettered a, b, c, d, đ, e, g, h, i, k… (domain.md §8).
std::string Letter(std::size_t i) {
    static const char* kLetters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                     "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
    return i < std::size(kLetters) ? kLetters[i] : std::to_string(i + 1);
}

Paragraph Text(std::string text, bool indent = true) {
    Paragraph p;
    p.runs = {{std::move(text), false, false}};
    p.first_indent = indent;
    return p;
}

Paragraph Labelled(const std::string& label, const std::string& text) {
    Paragraph p;
    p.runs = {{label, true, false}, {text, false, false}};
    return p;
}

Paragraph Section(std::string text) {
    Paragraph p;
    p.runs = {{std::move(text), true, false}};
    p.first_indent = true;
    p.space_after = 2;
    return p;
}

std::string Subtitle(const Meeting& m) {
    return "Sinh hoạt chi bộ " + std::string(KindWords(m.kind)) + " tháng " + std::to_string(m.month) + " năm " +
           std::to_string(m.year);
}

std::string TwoDigits(int v) {
    return (v < 10 ? "0" : "") + std::to_string(v);
}

// "Hòa An, ngày 03 tháng 12 năm 2026". The date's words are joined by no-break spaces (U+00A0), which Word,
// LibreOffice, Pango and browsers all keep on one line: a place name too long for the heading's column
// wraps the line after its comma instead of leaving the year (or "năm 2026") alone on the next line.
std::string DateLine(const MeetingDocumentData& d) {
    const std::string nbsp = "\u00A0";
    const base::Date day = d.meeting.date;
    return PlaceName(d.superior_name) + ", ngày" + nbsp + TwoDigits(day.day()) + nbsp + "tháng" + nbsp +
           TwoDigits(day.month()) + nbsp + "năm" + nbsp + std::to_string(day.year());
}

std::string Hour(int minutes) {
    return std::to_string(minutes / 60) + " giờ " + TwoDigits(minutes % 60);
}

std::vector<std::string> Issuer(const MeetingDocumentData& d) {
    std::vector<std::string> out;
    if (!d.superior_name.empty()) out.push_back(base::UpperCase(d.superior_name));
    out.push_back(base::UpperCase(d.cell_name));
    return out;
}

std::string Names(const std::vector<AttendanceRecord>& records, Presence presence, bool with_reason) {
    std::string out;
    for (const AttendanceRecord& r : records) {
        if (r.presence != presence) continue;
        out += (out.empty() ? "" : "; ") + ("đồng chí " + r.member_name);
        if (with_reason && !r.reason.empty()) out += " (" + r.reason + ")";
    }
    return out;
}

void AddMembership(std::vector<Block>& body, const MeetingDocumentData& d) {
    const AttendanceCounts c = CountAttendance(d.attendance);
    const int exempt_by_status =
        static_cast<int>(std::count_if(d.attendance.begin(), d.attendance.end(), [](const AttendanceRecord& r) {
            return r.status_at_meeting == MemberStatus::kExempt;
        }));
    std::string composition =
        "chính thức: " + std::to_string(c.official) + ", dự bị: " + std::to_string(c.probationary);
    if (c.temporary > 0) composition += ", sinh hoạt tạm thời: " + std::to_string(c.temporary);
    if (exempt_by_status > 0) composition += ", miễn sinh hoạt: " + std::to_string(exempt_by_status);
    if (c.working_away > 0) composition += ", đi làm ăn xa: " + std::to_string(c.working_away);
    body.emplace_back(
        Text("- Tổng số đảng viên của chi bộ: " + std::to_string(c.total) + " đồng chí (" + composition + ")."));
    body.emplace_back(Text("- Số đảng viên được miễn sinh hoạt: " + std::to_string(c.exempt) + " đồng chí."));
    const std::string away = Names(d.attendance, Presence::kAway, true);
    body.emplace_back(Text("- Số đảng viên giới thiệu sinh hoạt tạm thời đi nơi khác: " + std::to_string(c.away) +
                           " đồng chí" + (away.empty() ? "." : ": " + away + ".")));
    body.emplace_back(Text("- Số đảng viên có mặt: " + std::to_string(c.present) + "/" + std::to_string(c.expected) +
                           " đồng chí phải dự."));
    const std::string late = Names(d.attendance, Presence::kLate, true);
    if (!late.empty()) body.emplace_back(Text("- Đến muộn: " + late + "."));
    const std::string excused = Names(d.attendance, Presence::kExcused, true);
    body.emplace_back(Text("- Vắng có lý do: " + std::to_string(c.excused) + " đồng chí" +
                           (excused.empty() ? "." : ": " + excused + ".")));
    const std::string unexcused = Names(d.attendance, Presence::kUnexcused, false);
    body.emplace_back(Text("- Vắng không lý do: " + std::to_string(c.unexcused) + " đồng chí" +
                           (unexcused.empty() ? "." : ": " + unexcused + ".")));
}

// "Chi bộ tự chấm 92 điểm, xếp loại Tốt; cấp trên chấm 88 điểm, xếp loại Khá."
std::string QualityLine(const std::vector<MeetingScore>& scores) {
    std::string out;
    for (const MeetingScore& s : scores) {
        out += out.empty() ? "" : "; ";
        out += s.role == ScorerRole::kCell ? "Chi bộ tự chấm " : "cấp trên chấm ";
        out += std::to_string(s.total) + " điểm, xếp loại " + std::string(Label(s.level));
    }
    return out.empty() ? "Chưa chấm điểm." : out + ".";
}

std::string Percent(double share) {
    return std::to_string(std::lround(share * 100)) + " %";
}

Table ReviewTable(const std::vector<ResolutionTask>& review) {
    Table t;
    t.rows.push_back({"TT", "Nhiệm vụ", "Người thực hiện", "Thời hạn", "Kết quả"});
    t.widths = {7, 32, 20, 17, 24};
    int n = 0;
    for (const ResolutionTask& task : review) {
        std::string outcome(Label(task.outcome));
        if (!task.result.empty()) outcome += ": " + task.result;
        t.rows.push_back({std::to_string(++n), task.description,
                          task.assignee_name.empty() ? "Cả chi bộ" : task.assignee_name, task.deadline.ToVietnamese(),
                          outcome});
    }
    return t;
}

Table TaskTable(const std::vector<ResolutionTask>& tasks) {
    Table t;
    t.rows.push_back({"TT", "Nhiệm vụ", "Người thực hiện", "Thời hạn"});
    t.widths = {7, 48, 25, 20};  // "TT" fits its column without wrapping.
    int n = 0;
    for (const ResolutionTask& task : tasks)
        t.rows.push_back({std::to_string(++n), task.description,
                          task.assignee_name.empty() ? "Cả chi bộ" : task.assignee_name, task.deadline.ToVietnamese()});
    return t;
}

void AddVote(std::vector<Block>& body, const MeetingDocumentData& d, const std::string& what) {
    const auto& vote = d.meeting.record.vote;
    if (!vote) {
        body.emplace_back(Text("Chưa ghi kết quả biểu quyết."));
        return;
    }
    body.emplace_back(Text("Số đảng viên có mặt được biểu quyết: " + std::to_string(d.eligible) +
                           " đồng chí. Tán thành: " + std::to_string(vote->in_favour) +
                           "; không tán thành: " + std::to_string(vote->against) +
                           "; không biểu quyết: " + std::to_string(vote->abstaining) + "."));
    Paragraph p;
    p.runs = {{what + " được " + VoteSentence(*vote, d.eligible) + ".", true, false}};
    body.emplace_back(p);
}

}  // namespace

std::string PlaceName(const std::string& superior_name) {
    std::string name = superior_name;
    for (const char* prefix : {"Đảng bộ ", "Đảng ủy ", "Chi bộ "})
        if (name.rfind(prefix, 0) == 0) name = name.substr(std::string(prefix).size());
    for (const char* unit : {"xã ", "phường ", "thị trấn ", "đặc khu ", "tỉnh ", "thành phố ", "Xã ", "Phường "})
        if (name.rfind(unit, 0) == 0) name = name.substr(std::string(unit).size());
    return name;
}

PartyDocument MinutesDocument(const MeetingDocumentData& d) {
    const Meeting& m = d.meeting;
    const MeetingRecord& r = m.record;
    PartyDocument doc;
    doc.issuer = Issuer(d);
    doc.number = m.minutes_number;
    doc.draft = m.minutes_number.empty();
    doc.date_line = DateLine(d);
    doc.title = "BIÊN BẢN";
    doc.subtitle = Subtitle(m);
    auto& body = doc.body;
    body.emplace_back(Labelled("Thời gian: ", "bắt đầu lúc " + Hour(r.started_minutes.value_or(m.start_minutes)) +
                                                  " ngày " + m.date.ToVietnamese() + "."));
    body.emplace_back(Labelled("Địa điểm: ", m.preparation.place.empty() ? "…" : m.preparation.place + "."));
    body.emplace_back(Labelled("Chủ trì: ", r.chair_name.empty() ? "…" : "đồng chí " + r.chair_name + "."));
    body.emplace_back(
        Labelled("Thư ký: ", r.minute_taker_name.empty() ? "…" : "đồng chí " + r.minute_taker_name + "."));
    if (!r.guests.empty()) {
        std::string guests;
        for (const std::string& g : r.guests) guests += (guests.empty() ? "" : "; ") + g;
        body.emplace_back(Labelled("Khách mời: ", guests + "."));
    }
    if (r.superior_attended)
        body.emplace_back(Labelled("Đại diện cấp ủy cấp trên dự: ",
                                   !d.superior_attendant.empty()             ? d.superior_attendant + "."
                                   : m.preparation.superior_official.empty() ? "có."
                                                                             : m.preparation.superior_official + "."));
    body.emplace_back(Section("I. TÌNH HÌNH ĐẢNG VIÊN DỰ SINH HOẠT"));
    AddMembership(body, d);
    body.emplace_back(Section("II. NỘI DUNG SINH HOẠT"));
    for (std::size_t i = 0; i < m.preparation.agenda.size(); ++i)
        body.emplace_back(Text(Letter(i) + ") " + m.preparation.agenda[i] + "."));
    if (!d.review.empty()) {
        body.emplace_back(Text("Kết quả thực hiện nghị quyết tháng trước:"));
        body.emplace_back(ReviewTable(d.review));
        if (auto share = TargetsMetShare(d.review))
            body.emplace_back(Text("Tỷ lệ chỉ tiêu, nhiệm vụ hoàn thành: " + Percent(*share) + "."));
    }
    body.emplace_back(Section("III. Ý KIẾN THẢO LUẬN"));
    if (d.opinions.empty()) body.emplace_back(Text("Không có ý kiến phát biểu."));
    for (const Opinion& o : d.opinions) {
        Paragraph p;
        const bool is_member = o.speaker.has_value();
        p.runs = {{"- " + std::string(is_member ? "Đồng chí " : "") + o.speaker_name + ": ", true, false},
                  {o.summary, false, false}};
        if (o.accepted) p.runs.push_back({" (được tiếp thu)", false, true});
        body.emplace_back(p);
    }
    body.emplace_back(Section("IV. KẾT LUẬN CỦA CHỦ TRÌ"));
    body.emplace_back(Text(r.conclusion.empty() ? "…" : r.conclusion));
    if (!d.tasks.empty()) {
        body.emplace_back(Text("Nhiệm vụ tháng tới:"));
        body.emplace_back(TaskTable(d.tasks));
    }
    body.emplace_back(Section("V. BIỂU QUYẾT"));
    AddVote(body, d, "Kết luận và nghị quyết");
    body.emplace_back(Labelled("Chất lượng buổi sinh hoạt: ", QualityLine(d.scores)));
    body.emplace_back(Text("Buổi sinh hoạt kết thúc lúc " + Hour(r.ended_minutes.value_or(m.start_minutes)) +
                           " cùng ngày. Biên bản đã được đọc lại cho chi bộ nghe và thông qua."));
    if (!d.amendments.empty()) {
        body.emplace_back(Section("BỔ SUNG, ĐÍNH CHÍNH"));
        for (const Amendment& a : d.amendments)
            body.emplace_back(
                Text("- Ngày " + base::VietnamDateOf(a.created_at).ToVietnamese() + " (" + a.reason + "): " + a.text));
    }
    doc.signatures = {{"THƯ KÝ", r.minute_taker_name}, {"CHỦ TRÌ", r.chair_name}};
    return doc;
}

// A cell's resolution as both kinds share it: the header, number (a draft until the minutes are finalised),
// date line and title; signed by the secretary for the cell, reported upward, sent to the members.
PartyDocument ResolutionFrame(const MeetingDocumentData& d, std::string title, std::string subtitle) {
    PartyDocument doc;
    doc.issuer = Issuer(d);
    doc.number = d.meeting.resolution_number;
    doc.draft = d.meeting.resolution_number.empty();
    doc.date_line = DateLine(d);
    doc.title = std::move(title);
    doc.subtitle = std::move(subtitle);
    doc.signatures = {{"T/M CHI BỘ", "BÍ THƯ", d.secretary_name}};
    doc.recipients = {"- " + d.superior_name + " (để b/c);", "- Đảng viên trong chi bộ;", "- Lưu chi bộ."};
    return doc;
}

// The thematic resolution (nghị quyết chuyên đề): the topic's purpose, the assessment the meeting concluded,
// the measures with who carries them out and by when, how they are carried out, and the vote.
PartyDocument ThematicResolutionDocument(const MeetingDocumentData& d) {
    const Meeting& m = d.meeting;
    const MeetingRecord& r = m.record;
    const Topic& topic = *d.topic;
    const AttendanceCounts c = CountAttendance(d.attendance);
    PartyDocument doc = ResolutionFrame(d, "NGHỊ QUYẾT CHUYÊN ĐỀ", topic.title);
    auto& body = doc.body;
    body.emplace_back(Text("Ngày " + m.date.ToVietnamese() + ", " + d.cell_name + " tổ chức sinh hoạt chuyên đề “" +
                           topic.title + "”. Có mặt " + std::to_string(c.present) + "/" + std::to_string(c.expected) +
                           " đồng chí đảng viên phải dự; vắng có lý do " + std::to_string(c.excused) +
                           ", vắng không lý do " + std::to_string(c.unexcused) + " đồng chí."));
    if (!topic.directive.empty()) body.emplace_back(Text("Căn cứ " + topic.directive + ";"));
    body.emplace_back(Text("Sau khi nghe trình bày chuyên đề và thảo luận, chi bộ thống nhất quyết nghị:"));
    body.emplace_back(Section("I. MỤC ĐÍCH, YÊU CẦU"));
    body.emplace_back(Text(topic.purpose.empty() ? "…" : topic.purpose));
    body.emplace_back(Section("II. ĐÁNH GIÁ, NHẬN THỨC CỦA CHI BỘ"));
    body.emplace_back(Text(r.conclusion.empty() ? "…" : r.conclusion));
    body.emplace_back(Section("III. NHIỆM VỤ, GIẢI PHÁP"));
    std::string taken;
    for (const Opinion& o : d.opinions)
        if (o.accepted)
            taken += (taken.empty() ? "" : ", ") + std::string(o.speaker ? "đồng chí " : "") + o.speaker_name;
    if (!taken.empty()) body.emplace_back(Text("Nghị quyết tiếp thu ý kiến đóng góp của " + taken + ":"));
    // What each proposal taken in asked for, in the speaker's words as the minutes record them.
    for (const Opinion& o : d.opinions)
        if (o.accepted) body.emplace_back(Text("- " + o.summary));
    if (!r.resolution.empty()) body.emplace_back(Text(r.resolution));
    if (!d.tasks.empty()) body.emplace_back(TaskTable(d.tasks));
    if (r.resolution.empty() && d.tasks.empty()) body.emplace_back(Text("…"));
    body.emplace_back(Section("IV. TỔ CHỨC THỰC HIỆN"));
    body.emplace_back(
        Text("Chi ủy chi bộ cụ thể hóa nghị quyết thành kế hoạch, phân công đảng viên thực hiện; các tổ đảng và "
             "đảng viên được phân công chủ động triển khai, báo cáo kết quả tại các kỳ sinh hoạt thường kỳ. Chi bộ "
             "kiểm điểm việc thực hiện nghị quyết chuyên đề này tại các buổi sinh hoạt thường kỳ tiếp theo cho đến "
             "khi hoàn thành."));
    AddVote(body, d, "Nghị quyết chuyên đề");
    return doc;
}

PartyDocument ResolutionDocument(const MeetingDocumentData& d) {
    if (d.meeting.kind == MeetingKind::kThematic && d.topic) return ThematicResolutionDocument(d);
    const Meeting& m = d.meeting;
    const MeetingRecord& r = m.record;
    const AttendanceCounts c = CountAttendance(d.attendance);
    PartyDocument doc = ResolutionFrame(d, "NGHỊ QUYẾT", Subtitle(m));
    auto& body = doc.body;
    body.emplace_back(Text(
        "Ngày " + m.date.ToVietnamese() + ", " + d.cell_name + " tổ chức sinh hoạt " + std::string(KindWords(m.kind)) +
        " tháng " + std::to_string(m.month) + " năm " + std::to_string(m.year) + ". Có mặt " +
        std::to_string(c.present) + "/" + std::to_string(c.expected) + " đồng chí đảng viên phải dự; vắng có lý do " +
        std::to_string(c.excused) + ", vắng không lý do " + std::to_string(c.unexcused) + " đồng chí."));
    body.emplace_back(Text("Sau khi nghe báo cáo và thảo luận, chi bộ thống nhất quyết nghị:"));
    body.emplace_back(Section("I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT THÁNG TRƯỚC"));
    if (d.review.empty()) {
        body.emplace_back(Text("Không có nhiệm vụ chuyển từ kỳ trước."));
    } else {
        body.emplace_back(ReviewTable(d.review));
        if (auto share = TargetsMetShare(d.review))
            body.emplace_back(Text("Tỷ lệ chỉ tiêu, nhiệm vụ hoàn thành: " + Percent(*share) + "."));
    }
    body.emplace_back(Section("II. NHIỆM VỤ THÁNG TỚI"));
    if (!r.resolution.empty()) body.emplace_back(Text(r.resolution));
    if (!d.tasks.empty()) body.emplace_back(TaskTable(d.tasks));
    body.emplace_back(Section("III. TỔ CHỨC THỰC HIỆN"));
    body.emplace_back(
        Text("Chi ủy chi bộ cụ thể hóa các nhiệm vụ, phân công đảng viên thực hiện; đảng viên được phân công "
             "chủ động triển khai và báo cáo kết quả tại kỳ sinh hoạt tháng sau. Chi bộ kiểm điểm việc thực "
             "hiện nghị quyết này tại buổi sinh hoạt kế tiếp."));
    body.emplace_back(Section("IV. TỰ ĐÁNH GIÁ BUỔI SINH HOẠT"));
    if (const auto duration = d.session.minutes)
        body.emplace_back(Text(std::string(d.session.combined ? "Thời gian sinh hoạt (kết hợp thường kỳ và chuyên đề): "
                                                              : "Thời gian sinh hoạt: ") +
                               std::to_string(*duration) + " phút (tối thiểu " + std::to_string(d.session.min_minutes) +
                               " phút)."));
    if (const auto rate = c.AttendanceRate())
        body.emplace_back(Text("Tỷ lệ đảng viên dự sinh hoạt: " + Percent(*rate) + "."));
    body.emplace_back(Labelled("Chất lượng buổi sinh hoạt: ", QualityLine(d.scores)));
    AddVote(body, d, "Nghị quyết");
    return doc;
}

}  // namespace chibo::exporting
