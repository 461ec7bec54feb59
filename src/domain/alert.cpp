#include "domain/alert.hpp"

#include <algorithm>
#include <cmath>

namespace chibo::domain {

namespace {

std::string MonthText(int month, int year) {
    return std::to_string(month) + "/" + std::to_string(year);
}

// The first day of the month after (year, month).
base::Date NextMonthStart(int year, int month) {
    return month == 12 ? *base::Date::FromYmd(year + 1, 1, 1) : *base::Date::FromYmd(year, month + 1, 1);
}

}  // namespace

std::string_view ToCode(AlertKind kind) {
    switch (kind) {
        case AlertKind::kMissedRegular:
            return "missed_regular";
        case AlertKind::kMissedThematic:
            return "missed_thematic";
        case AlertKind::kTooShort:
            return "too_short";
        case AlertKind::kLowAttendance:
            return "low_attendance";
        case AlertKind::kDocumentsLate:
            return "documents_late";
        case AlertKind::kMinutesLate:
            return "minutes_late";
        case AlertKind::kReportLate:
            return "report_late";
        case AlertKind::kRepeatedAbsences:
            return "repeated_absences";
        case AlertKind::kConfirmationDue:
            return "confirmation_due";
        case AlertKind::kCommitteeRequired:
            return "committee_required";
        case AlertKind::kTooFewOfficial:
            return "too_few_official";
        case AlertKind::kPetitionOverdue:
            return "petition_overdue";
    }
    return "";
}

std::string AbsentInText(const std::vector<AbsenceFlag::Where>& where) {
    std::string out;
    if (where.size() < 2) return out;
    for (const AbsenceFlag::Where& w : where)
        out += (out.empty() ? "" : ", ") + std::to_string(w.unexcused) + " lần ở " + w.cell_name;
    return out;
}

std::vector<Alert> CellAlerts(const CellAlertInput& in, base::Date today) {
    std::vector<Alert> out;
    const int year = today.year();
    const auto held = [&](MeetingKind kind, int month) {
        return std::any_of(in.meetings.begin(), in.meetings.end(), [&](const MeetingEvidence& e) {
            return e.meeting.kind == kind && e.meeting.year == year && Held(e.meeting.state) &&
                   (kind == MeetingKind::kRegular ? e.meeting.month == month
                                                  : (e.meeting.month - 1) / 3 == (month - 1) / 3);
        });
    };
    for (int month = 1; month <= 12; ++month) {
        const base::Date end = NextMonthStart(year, month);
        if (today < end) break;                                               // The month is not over.
        if (*base::Date::FromYmd(year, month, 1) < in.active_from) continue;  // The cell owed nothing yet.
        if (!held(MeetingKind::kRegular, month))
            out.push_back({AlertKind::kMissedRegular, std::nullopt, std::nullopt, year, month,
                           "Tháng " + MonthText(month, year) + " chưa sinh hoạt thường kỳ."});
        if (in.thematic_months.contains(month) && !held(MeetingKind::kThematic, month))
            out.push_back({AlertKind::kMissedThematic, std::nullopt, std::nullopt, year, month,
                           "Quý " + std::to_string((month - 1) / 3 + 1) + "/" + std::to_string(year) +
                               " chưa sinh hoạt chuyên đề."});
    }

    std::vector<MeetingEvidence> meetings = in.meetings;
    std::sort(meetings.begin(), meetings.end(),
              [](const MeetingEvidence& a, const MeetingEvidence& b) { return a.meeting.date < b.meeting.date; });
    std::vector<std::pair<base::Date, std::vector<AttendanceRecord>>> roll_calls;
    for (const MeetingEvidence& e : meetings) {
        const Meeting& m = e.meeting;
        if (m.year != year || !Held(m.state)) continue;
        roll_calls.emplace_back(m.date, e.attendance);
        const auto add = [&](AlertKind kind, std::string message) {
            out.push_back({kind, m.id, std::nullopt, m.year, m.month, MeetingTitle(m) + ": " + std::move(message)});
        };
        const auto other = std::find_if(meetings.begin(), meetings.end(), [&](const MeetingEvidence& o) {
            return o.meeting.kind != m.kind && o.meeting.year == m.year && o.meeting.month == m.month;
        });
        const SessionLength session = SessionOf(m, other == meetings.end() ? nullptr : &other->meeting);
        if (session.TooShort().value_or(false))
            add(AlertKind::kTooShort, std::string(session.combined ? "buổi sinh hoạt kết hợp " : "sinh hoạt ") +
                                          std::to_string(*session.minutes) + " phút, dưới mức tối thiểu " +
                                          std::to_string(session.min_minutes) + " phút.");
        const AttendanceCounts counts = CountAttendance(e.attendance);
        if (const auto rate = counts.AttendanceRate(); rate && *rate < kMinAttendance)
            add(AlertKind::kLowAttendance, "tỷ lệ dự " + std::to_string(std::lround(*rate * 100)) + " %, dưới 90 %.");
        if (!m.documents_sent_at)
            add(AlertKind::kDocumentsLate, "không gửi tài liệu trước cho đảng viên.");
        else if (DocumentsLate(*m.documents_sent_at, m.StartsAt()))
            add(AlertKind::kDocumentsLate, "tài liệu đến đảng viên chưa đủ 1 ngày trước giờ sinh hoạt.");
        const base::Date due = m.date.AddDays(2);
        if (m.finalised_at ? base::VietnamDateOf(*m.finalised_at) > due : today > due)
            add(AlertKind::kMinutesLate, "biên bản hoàn thành sau hạn 2 ngày.");
        if (m.reported_at ? ReportLate(m.date, base::VietnamDateOf(*m.reported_at)) : today > due)
            add(AlertKind::kReportLate,
                m.reported_at ? "báo cáo cấp trên sau hạn 2 ngày." : "chưa báo cáo cấp trên, đã quá hạn 2 ngày.");
    }

    for (const AbsenceFlag& f : in.absence_flags ? *in.absence_flags : FlagRepeatedAbsences(roll_calls, year)) {
        const std::string where = AbsentInText(f.absent_in);
        out.push_back({AlertKind::kRepeatedAbsences, std::nullopt, f.member, year, 0,
                       "Đồng chí " + f.member_name + " vắng không lý do " + std::to_string(f.unexcused) +
                           " lần trong năm " + std::to_string(year) + (where.empty() ? "" : " (" + where + ")") + "."});
    }

    int official = 0;
    for (const Member& m : in.roll) {
        if (m.status == MemberStatus::kOfficial) ++official;
        if (m.status == MemberStatus::kProbationary && m.admission_date && m.admission_date->AddYears(1) <= today)
            out.push_back({AlertKind::kConfirmationDue, std::nullopt, m.id, year, 0,
                           "Đồng chí " + m.full_name + " hết 12 tháng dự bị từ " +
                               m.admission_date->AddYears(1).ToVietnamese() +
                               ", cần xét công nhận đảng viên chính thức."});
    }
    if (official >= 9 && !in.has_committee)
        out.push_back({AlertKind::kCommitteeRequired, std::nullopt, std::nullopt, year, 0,
                       "Chi bộ có " + std::to_string(official) + " đảng viên chính thức nhưng chưa có chi ủy."});
    if (official < 3)
        out.push_back({AlertKind::kTooFewOfficial, std::nullopt, std::nullopt, year, 0,
                       "Chi bộ chỉ có " + std::to_string(official) + " đảng viên chính thức (cần ít nhất 3)."});
    return out;
}

}  // namespace chibo::domain
