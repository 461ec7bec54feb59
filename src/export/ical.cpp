#include "export/ical.hpp"

#include "base/date.hpp"

namespace chibo::exporting {

using namespace chibo::domain;

namespace {

// "20261203T070000Z": the ISO timestamp without its separators.
std::string UtcStamp(std::int64_t unix_seconds) {
    std::string out;
    for (char c : base::IsoTimestamp(unix_seconds))
        if (c != '-' && c != ':') out += c;
    return out;
}

std::string Escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                break;
            default:
                out += c;
        }
    }
    return out;
}

// Folds a content line: at most 75 octets per physical line, continuation lines start with a space,
// never inside a UTF-8 sequence.
void AppendLine(std::string& out, const std::string& line) {
    std::size_t start = 0;
    std::size_t limit = 75;
    while (line.size() - start > limit) {
        std::size_t cut = start + limit;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out.append(line, start, cut - start);
        out += "\r\n ";
        start = cut;
        limit = 74;  // The leading space counts.
    }
    out.append(line, start, std::string::npos);
    out += "\r\n";
}

}  // namespace

std::string CalendarFeed(const std::string& calendar_name, std::span<const CalendarEvent> events, std::int64_t now) {
    std::string out;
    AppendLine(out, "BEGIN:VCALENDAR");
    AppendLine(out, "VERSION:2.0");
    AppendLine(out, "PRODID:-//chibo//Sinh hoat chi bo//VI");
    AppendLine(out, "CALSCALE:GREGORIAN");
    AppendLine(out, "METHOD:PUBLISH");
    AppendLine(out, "X-WR-CALNAME:" + Escape(calendar_name));
    AppendLine(out, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
    const std::string stamp = UtcStamp(now);
    for (const CalendarEvent& e : events) {
        const Meeting& m = e.meeting;
        const std::int64_t start = m.StartsAt();
        const int minutes = m.min_minutes > 0 ? m.min_minutes : 90;
        AppendLine(out, "BEGIN:VEVENT");
        AppendLine(out, "UID:" + (e.uid.empty() ? "meeting-" + std::to_string(m.id.value) : e.uid) + "@chibo");
        AppendLine(out, "DTSTAMP:" + stamp);
        AppendLine(out, "DTSTART:" + UtcStamp(start));
        AppendLine(out, "DTEND:" + UtcStamp(start + std::int64_t{minutes} * 60));
        AppendLine(out, "SUMMARY:" + Escape(e.summary.empty() ? MeetingTitle(m) + " – " + e.cell_name : e.summary));
        if (!m.preparation.place.empty()) AppendLine(out, "LOCATION:" + Escape(m.preparation.place));
        std::string description;
        for (std::size_t i = 0; i < m.preparation.agenda.size(); ++i)
            description += (i ? "\n" : "") + std::to_string(i + 1) + ". " + m.preparation.agenda[i];
        if (!m.moved_reason.empty()) description += (description.empty() ? "" : "\n") + ("Dời lịch: " + m.moved_reason);
        if (!description.empty()) AppendLine(out, "DESCRIPTION:" + Escape(description));
        AppendLine(out, std::string("STATUS:") + (m.state == MeetingState::kCancelled ? "CANCELLED" : "CONFIRMED"));
        AppendLine(out, "END:VEVENT");
    }
    AppendLine(out, "END:VCALENDAR");
    return out;
}

}  // namespace chibo::exporting
