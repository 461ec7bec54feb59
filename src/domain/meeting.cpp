#include "domain/meeting.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

namespace chibo::domain {

using base::ErrorCode;
using base::MakeError;

namespace {

constexpr std::array<std::pair<MeetingState, std::string_view>, 7> kStateCodes{{
    {MeetingState::kPlanned, "planned"},
    {MeetingState::kPrepared, "prepared"},
    {MeetingState::kNotified, "notified"},
    {MeetingState::kHeld, "held"},
    {MeetingState::kMinutesFinalised, "minutes_finalised"},
    {MeetingState::kReported, "reported"},
    {MeetingState::kCancelled, "cancelled"},
}};

constexpr std::array<std::pair<Presence, std::string_view>, 6> kPresenceCodes{{
    {Presence::kPresent, "present"},
    {Presence::kLate, "late"},
    {Presence::kExcused, "excused"},
    {Presence::kUnexcused, "unexcused"},
    {Presence::kExempt, "exempt"},
    {Presence::kAway, "away"},
}};

bool Attended(Presence p) {
    return p == Presence::kPresent || p == Presence::kLate;
}

}  // namespace

bool ExpectedAt(Presence presence) {
    return presence != Presence::kExempt && presence != Presence::kAway;
}

bool BeforeHeld(MeetingState state) {
    return state == MeetingState::kPlanned || state == MeetingState::kPrepared || state == MeetingState::kNotified;
}

bool Held(MeetingState state) {
    return state == MeetingState::kHeld || state == MeetingState::kMinutesFinalised || state == MeetingState::kReported;
}

std::string_view KindWords(MeetingKind kind) {
    return kind == MeetingKind::kThematic ? "chuyên đề" : "thường kỳ";
}

std::string MeetingTitle(const Meeting& m) {
    return "Sinh hoạt " + std::string(KindWords(m.kind)) + " tháng " + std::to_string(m.month) + "/" +
           std::to_string(m.year);
}

base::Date MonthStartOf(const Meeting& m) {
    return *base::Date::FromYmd(m.year, m.month, 1);
}

bool HeldLate(const Meeting& m) {
    return m.date.year() * 12 + m.date.month() > m.year * 12 + m.month;
}

base::Result<void> ValidateMove(const Meeting& meeting, base::Date date, int start_minutes, const std::string& reason) {
    if (!BeforeHeld(meeting.state))
        return MakeError(ErrorCode::kConflict, "Cuộc họp đã diễn ra hoặc đã hủy, không thể dời.", "state");
    if (reason.empty()) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng ghi lý do dời lịch.", "reason");
    const int next_year = meeting.month == 12 ? meeting.year + 1 : meeting.year;
    const int next_month = meeting.month == 12 ? 1 : meeting.month + 1;
    const bool same = date.year() == meeting.year && date.month() == meeting.month;
    const bool next = date.year() == next_year && date.month() == next_month;
    if (!same && !next)
        return MakeError(ErrorCode::kInvalidArgument,
                         "Chỉ dời được trong tháng " + std::to_string(meeting.month) + " hoặc tháng kế tiếp.", "date");
    if (start_minutes < 6 * 60 || start_minutes > 21 * 60)
        return MakeError(ErrorCode::kInvalidArgument, "Giờ sinh hoạt phải trong khoảng 06:00 đến 21:00.", "start_time");
    return {};
}

std::optional<int> ParseClock(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (std::size_t i : {0U, 1U, 3U, 4U})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    const int h = (text[0] - '0') * 10 + (text[1] - '0');
    const int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::string FormatClock(int minutes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60 % 24, minutes % 60);
    return buf;
}

bool CanTransition(MeetingState from, MeetingState to) {
    using S = MeetingState;
    switch (from) {
        case S::kPlanned:
            // A secretary may notify straight away (preparation recorded later) or hold a meeting
            // that was called at short notice; both are then flagged by the quality checks.
            return to == S::kPrepared || to == S::kNotified || to == S::kHeld || to == S::kCancelled;
        case S::kPrepared:
            return to == S::kNotified || to == S::kHeld || to == S::kCancelled;
        case S::kNotified:
            return to == S::kHeld || to == S::kCancelled;
        case S::kHeld:
            return to == S::kMinutesFinalised;
        case S::kMinutesFinalised:
            return to == S::kReported;
        case S::kReported:
        case S::kCancelled:
            return false;
    }
    return false;
}

base::Result<void> CheckTransition(MeetingState from, MeetingState to) {
    if (CanTransition(from, to)) return {};
    return MakeError(
        ErrorCode::kConflict,
        "Không thể chuyển cuộc họp từ \"" + std::string(Label(from)) + "\" sang \"" + std::string(Label(to)) + "\".",
        "state");
}

std::optional<double> AttendanceCounts::AttendanceRate() const {
    if (expected == 0) return std::nullopt;
    return static_cast<double>(present) / expected;
}

AttendanceCounts CountAttendance(std::span<const AttendanceRecord> records) {
    AttendanceCounts c;
    for (const AttendanceRecord& r : records) {
        ++c.total;
        switch (r.status_at_meeting) {
            case MemberStatus::kOfficial:
                ++c.official;
                break;
            case MemberStatus::kProbationary:
                ++c.probationary;
                break;
            case MemberStatus::kTemporary:
                ++c.temporary;
                break;
            case MemberStatus::kWorkingAway:
                ++c.working_away;
                break;
            default:
                break;
        }
        if (r.presence == Presence::kAway) {
            ++c.away;
            continue;
        }
        if (r.presence == Presence::kExempt || r.status_at_meeting == MemberStatus::kExempt) {
            ++c.exempt;
            continue;
        }
        ++c.expected;
        if (Attended(r.presence)) ++c.present;
        if (r.presence == Presence::kExcused) ++c.excused;
        if (r.presence == Presence::kUnexcused) ++c.unexcused;
    }
    return c;
}

base::Result<void> ValidateRollCall(std::span<const AttendanceRecord> records) {
    for (const AttendanceRecord& r : records) {
        if (r.presence == Presence::kExcused && r.reason.empty())
            return MakeError(ErrorCode::kInvalidArgument, "Cần ghi lý do vắng mặt của đồng chí " + r.member_name + ".",
                             "reason");
        if (r.presence == Presence::kExempt && r.status_at_meeting != MemberStatus::kExempt)
            return MakeError(ErrorCode::kInvalidArgument,
                             "Đồng chí " + r.member_name + " không thuộc diện miễn sinh hoạt.", "presence");
    }
    return {};
}

int EligibleVoters(std::span<const AttendanceRecord> records, VoteScope scope) {
    return static_cast<int>(std::count_if(records.begin(), records.end(), [&](const AttendanceRecord& r) {
        if (!Attended(r.presence)) return false;
        if (r.status_at_meeting == MemberStatus::kOfficial) return true;
        if (scope == VoteScope::kOfficialOnly) return false;
        return r.status_at_meeting == MemberStatus::kProbationary || r.status_at_meeting == MemberStatus::kTemporary;
    }));
}

base::Result<void> ValidateVote(const Vote& vote, int eligible) {
    if (vote.in_favour < 0) return MakeError(ErrorCode::kInvalidArgument, "Số tán thành không được âm.", "in_favour");
    if (vote.against < 0) return MakeError(ErrorCode::kInvalidArgument, "Số không tán thành không được âm.", "against");
    if (vote.abstaining < 0)
        return MakeError(ErrorCode::kInvalidArgument, "Số không biểu quyết không được âm.", "abstaining");
    if (vote.in_favour + vote.against + vote.abstaining > eligible)
        return MakeError(ErrorCode::kInvalidArgument,
                         "Tổng số biểu quyết (" + std::to_string(vote.in_favour + vote.against + vote.abstaining) +
                             ") vượt quá số đảng viên có mặt được biểu quyết (" + std::to_string(eligible) + ").",
                         "in_favour");
    return {};
}

std::string VoteSentence(const Vote& vote, int eligible) {
    const long percent = eligible > 0 ? std::lround(100.0 * vote.in_favour / eligible) : 0;
    return std::to_string(vote.in_favour) + "/" + std::to_string(eligible) + " đồng chí tán thành, đạt " +
           std::to_string(percent) + " %";
}

bool Adopted(const Vote& vote, int eligible) {
    return eligible > 0 && 2 * vote.in_favour > eligible;
}

std::vector<AbsenceFlag> FlagRepeatedAbsences(
    std::span<const std::pair<base::Date, std::vector<AttendanceRecord>>> meetings, int year, int threshold) {
    std::map<std::int64_t, AbsenceFlag> counts;
    for (const auto& [day, records] : meetings) {
        if (day.year() != year) continue;
        for (const AttendanceRecord& r : records) {
            if (r.presence != Presence::kUnexcused) continue;
            AbsenceFlag& f = counts[r.member.value];
            f.member = r.member;
            f.member_name = r.member_name;
            ++f.unexcused;
        }
    }
    std::vector<AbsenceFlag> out;
    for (const auto& [id, f] : counts)
        if (f.unexcused >= threshold) out.push_back(f);
    std::stable_sort(out.begin(), out.end(),
                     [](const AbsenceFlag& a, const AbsenceFlag& b) { return a.unexcused > b.unexcused; });
    return out;
}

std::vector<AbsenceFlag> FlagAcrossCells(std::span<const UnexcusedCount> counts, int threshold) {
    std::map<std::int64_t, AbsenceFlag> by_member;
    for (const UnexcusedCount& c : counts) {
        AbsenceFlag& f = by_member[c.member.value];
        f.member = c.member;
        f.member_name = c.member_name;
        f.shown_at = c.shown_at;
        f.unexcused += c.count;
        f.absent_in.push_back({c.cell, c.cell_name, c.count});
    }
    std::vector<AbsenceFlag> out;
    for (auto& [id, f] : by_member) {
        if (f.unexcused < threshold) continue;
        std::sort(f.absent_in.begin(), f.absent_in.end(),
                  [](const AbsenceFlag::Where& a, const AbsenceFlag::Where& b) { return a.cell < b.cell; });
        out.push_back(std::move(f));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const AbsenceFlag& a, const AbsenceFlag& b) { return a.unexcused > b.unexcused; });
    return out;
}

bool DocumentsLate(std::int64_t sent_at_unix, std::int64_t meeting_start_unix, std::int64_t lead_seconds) {
    return meeting_start_unix - sent_at_unix < lead_seconds;
}

bool ReportLate(base::Date meeting_day, base::Date reported_on) {
    return reported_on > meeting_day.AddDays(2);
}

std::string_view ToCode(MeetingState state) {
    for (const auto& [s, code] : kStateCodes)
        if (s == state) return code;
    return "";
}

std::optional<MeetingState> MeetingStateFromCode(std::string_view code) {
    for (const auto& [s, c] : kStateCodes)
        if (c == code) return s;
    return std::nullopt;
}

std::string_view Label(MeetingState state) {
    switch (state) {
        case MeetingState::kPlanned:
            return "Dự kiến";
        case MeetingState::kPrepared:
            return "Đã chuẩn bị";
        case MeetingState::kNotified:
            return "Đã thông báo";
        case MeetingState::kHeld:
            return "Đã họp";
        case MeetingState::kMinutesFinalised:
            return "Đã chốt biên bản";
        case MeetingState::kReported:
            return "Đã báo cáo cấp trên";
        case MeetingState::kCancelled:
            return "Đã hủy";
    }
    return "";
}

std::string_view ToCode(Presence presence) {
    for (const auto& [p, code] : kPresenceCodes)
        if (p == presence) return code;
    return "";
}

std::optional<Presence> PresenceFromCode(std::string_view code) {
    for (const auto& [p, c] : kPresenceCodes)
        if (c == code) return p;
    return std::nullopt;
}

std::string_view Label(Presence presence) {
    switch (presence) {
        case Presence::kPresent:
            return "Có mặt";
        case Presence::kLate:
            return "Đến muộn";
        case Presence::kExcused:
            return "Vắng có lý do";
        case Presence::kUnexcused:
            return "Vắng không lý do";
        case Presence::kExempt:
            return "Miễn sinh hoạt";
        case Presence::kAway:
            return "Sinh hoạt tạm thời nơi khác";
    }
    return "";
}

std::string_view ToCode(VoteScope scope) {
    return scope == VoteScope::kOfficialOnly ? "official_only" : "all_present";
}

std::optional<VoteScope> VoteScopeFromCode(std::string_view code) {
    if (code == "all_present") return VoteScope::kAllPresent;
    if (code == "official_only") return VoteScope::kOfficialOnly;
    return std::nullopt;
}

std::int64_t Meeting::StartsAt() const {
    return base::VietnamInstant(date, start_minutes);
}

bool Meeting::Locked() const {
    return state == MeetingState::kMinutesFinalised || state == MeetingState::kReported;
}

std::optional<int> Meeting::Duration() const {
    if (!record.started_minutes || !record.ended_minutes) return std::nullopt;
    return *record.ended_minutes - *record.started_minutes;
}

std::optional<bool> SessionLength::TooShort() const {
    if (!minutes) return std::nullopt;
    return *minutes < min_minutes;
}

SessionLength SessionOf(const Meeting& meeting, const Meeting* other) {
    SessionLength out{meeting.Duration(), meeting.min_minutes, false, std::nullopt};
    const bool combined = other && other->organization == meeting.organization && other->kind != meeting.kind &&
                          other->year == meeting.year && other->month == meeting.month && other->date == meeting.date &&
                          meeting.state != MeetingState::kCancelled && other->state != MeetingState::kCancelled;
    if (!combined) return out;
    out.combined = true;
    out.partner = other->id;
    out.min_minutes =
        std::max({meeting.min_minutes, other->min_minutes, meeting.combined_min_minutes, other->combined_min_minutes});
    const MeetingRecord& a = meeting.record;
    const MeetingRecord& b = other->record;
    if (a.started_minutes && a.ended_minutes && b.started_minutes && b.ended_minutes)
        out.minutes = std::max(*a.ended_minutes, *b.ended_minutes) - std::min(*a.started_minutes, *b.started_minutes);
    return out;
}

base::Result<void> ValidatePreparation(const Meeting& meeting, const MeetingPreparation& preparation) {
    if (preparation.committee_meeting_on && *preparation.committee_meeting_on > meeting.date)
        return MakeError(ErrorCode::kInvalidArgument, "Cuộc họp chi ủy chuẩn bị phải diễn ra trước ngày sinh hoạt.",
                         "committee_meeting_on");
    if (preparation.agenda.size() > 20)
        return MakeError(ErrorCode::kInvalidArgument, "Chương trình không quá 20 nội dung.", "agenda");
    for (const std::string& item : preparation.agenda)
        if (item.empty()) return MakeError(ErrorCode::kInvalidArgument, "Nội dung chương trình bị trống.", "agenda");
    if (preparation.place.size() > 300) return MakeError(ErrorCode::kInvalidArgument, "Địa điểm quá dài.", "place");
    return {};
}

base::Result<void> ValidateRecord(const MeetingRecord& record, std::span<const AttendanceRecord> attendance,
                                  std::span<const Opinion> opinions) {
    if (record.started_minutes && record.ended_minutes && *record.ended_minutes <= *record.started_minutes)
        return MakeError(ErrorCode::kInvalidArgument, "Giờ kết thúc phải sau giờ bắt đầu.", "ended_at");
    auto present = [&](MemberId id) {
        return std::any_of(attendance.begin(), attendance.end(),
                           [&](const AttendanceRecord& r) { return r.member == id && Attended(r.presence); });
    };
    if (record.chair && !present(*record.chair))
        return MakeError(ErrorCode::kInvalidArgument, "Người chủ trì phải là đảng viên có mặt.", "chair_id");
    if (record.minute_taker && !present(*record.minute_taker))
        return MakeError(ErrorCode::kInvalidArgument, "Thư ký phải là đảng viên có mặt.", "minute_taker_id");
    for (const Opinion& o : opinions) {
        if (o.summary.empty())
            return MakeError(ErrorCode::kInvalidArgument, "Cần ghi tóm tắt ý kiến phát biểu.", "opinions");
        if (o.speaker && !present(*o.speaker))
            return MakeError(ErrorCode::kInvalidArgument,
                             "Đồng chí " + o.speaker_name + " không có mặt nên không thể phát biểu.", "opinions");
        if (!o.speaker && o.speaker_name.empty())
            return MakeError(ErrorCode::kInvalidArgument, "Cần ghi tên người phát biểu.", "opinions");
    }
    if (record.vote) CHIBO_TRY(ValidateVote(*record.vote, EligibleVoters(attendance, record.vote_scope)));
    return {};
}

base::Result<void> CheckFinalisable(const Meeting& meeting, std::span<const AttendanceRecord> attendance) {
    if (meeting.state != MeetingState::kHeld)
        return MakeError(ErrorCode::kConflict, "Chỉ hoàn thành biên bản khi cuộc họp đã diễn ra.", "state");
    if (attendance.empty()) return MakeError(ErrorCode::kInvalidArgument, "Chưa điểm danh đảng viên.", "attendance");
    if (!meeting.record.started_minutes || !meeting.record.ended_minutes)
        return MakeError(ErrorCode::kInvalidArgument, "Chưa ghi giờ bắt đầu và kết thúc.", "started_at");
    if (meeting.record.conclusion.empty())
        return MakeError(ErrorCode::kInvalidArgument, "Chưa ghi kết luận của chủ trì.", "conclusion");
    if (!meeting.record.vote) return MakeError(ErrorCode::kInvalidArgument, "Chưa ghi kết quả biểu quyết.", "vote");
    return {};
}

}  // namespace chibo::domain
