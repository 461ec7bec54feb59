#include "domain/topic.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "base/text.hpp"
#include "domain/codes.hpp"

namespace chibo::domain {

using base::ErrorCode;
using base::MakeError;
using base::Result;

namespace {

constexpr std::array<std::pair<TopicState, std::string_view>, 7> kStateCodes{{
    {TopicState::kProposed, "proposed"},
    {TopicState::kDeclined, "declined"},
    {TopicState::kPlanned, "planned"},
    {TopicState::kDrafting, "drafting"},
    {TopicState::kSubmitted, "submitted"},
    {TopicState::kApproved, "approved"},
    {TopicState::kSent, "sent"},
}};

constexpr std::array<std::pair<PreparerKind, std::string_view>, 3> kPreparerCodes{{
    {PreparerKind::kCommitteeMember, "committee_member"},
    {PreparerKind::kPartyGroup, "party_group"},
    {PreparerKind::kSuperiorOfficial, "superior_official"},
}};

constexpr std::array<std::pair<TopicAssessment, std::string_view>, 2> kAssessmentCodes{{
    {TopicAssessment::kCommendation, "commendation"},
    {TopicAssessment::kLesson, "lesson"},
}};

constexpr std::array<std::pair<CommentKind, std::string_view>, 2> kCommentCodes{{
    {CommentKind::kReview, "review"},
    {CommentKind::kMember, "member"},
}};

// A text of at most `max_chars` characters; `required` ones may not be blank.
Result<void> CheckText(const std::string& text, std::size_t max_chars, bool required, const char* field,
                       const char* what) {
    if (required && text.empty())
        return MakeError(ErrorCode::kInvalidArgument, std::string("Vui lòng nhập ") + what + ".", field);
    if (base::Utf8Length(text) > max_chars)
        return MakeError(ErrorCode::kInvalidArgument,
                         std::string(what) + " dài quá " + std::to_string(max_chars) + " ký tự.", field);
    return {};
}

Result<void> CheckYearQuarter(int year, std::optional<int> quarter) {
    if (year < 2000 || year > 2100) return MakeError(ErrorCode::kInvalidArgument, "Năm không hợp lệ.", "year");
    if (quarter && (*quarter < 1 || *quarter > 4))
        return MakeError(ErrorCode::kInvalidArgument, "Quý phải từ 1 đến 4.", "quarter");
    return {};
}

}  // namespace

Result<void> ValidateOrientation(const TopicOrientation& o) {
    CHIBO_TRY(CheckYearQuarter(o.year, o.quarter));
    CHIBO_TRY(CheckText(o.title, 300, true, "title", "tên chuyên đề"));
    CHIBO_TRY(CheckText(o.purpose, 4000, false, "purpose", "Mục đích, yêu cầu"));
    CHIBO_TRY(CheckText(o.directive, 300, false, "directive", "Văn bản chỉ đạo"));
    return {};
}

bool AddressedTo(const TopicOrientation& orientation, std::string_view publisher_path, const Organization& cell) {
    if (!IsCell(cell.kind) || cell.path == publisher_path || !InSubtree(cell.path, publisher_path)) return false;
    return orientation.cells.empty() ||
           std::find(orientation.cells.begin(), orientation.cells.end(), cell.id) != orientation.cells.end();
}

bool CanTopicTransition(TopicState from, TopicState to) {
    using S = TopicState;
    switch (from) {
        case S::kProposed:
            return to == S::kPlanned || to == S::kDeclined;
        case S::kPlanned:
            return to == S::kDrafting;
        case S::kDrafting:
            return to == S::kSubmitted;
        case S::kSubmitted:
            return to == S::kApproved || to == S::kDrafting;
        case S::kApproved:
            return to == S::kSent || to == S::kDrafting;
        case S::kDeclined:
        case S::kSent:
            return false;
    }
    return false;
}

Result<void> CheckTopicTransition(TopicState from, TopicState to) {
    if (CanTopicTransition(from, to)) return {};
    std::string why;
    switch (to) {
        case TopicState::kPlanned:
        case TopicState::kDeclined:
            why = "Chỉ quyết định với chuyên đề chi bộ đề xuất đang chờ cấp trên.";
            break;
        case TopicState::kSubmitted:
            why = "Chỉ trình chi ủy dự thảo đang soạn.";
            break;
        case TopicState::kApproved:
            why = "Chỉ duyệt dự thảo đã trình chi ủy.";
            break;
        case TopicState::kSent:
            why = "Chỉ gửi đảng viên dự thảo đã được chi ủy duyệt.";
            break;
        default:
            break;
    }
    return MakeError(ErrorCode::kConflict,
                     (why.empty() ? "" : why + " ") + "Chuyên đề đang ở trạng thái \"" + std::string(Label(from)) +
                         "\", không chuyển sang \"" + std::string(Label(to)) + "\" được.",
                     "state");
}

Result<TopicState> StateAfterNewDraft(TopicState state) {
    switch (state) {
        case TopicState::kPlanned:
        case TopicState::kDrafting:
        case TopicState::kSubmitted:
        case TopicState::kApproved:
            return TopicState::kDrafting;
        case TopicState::kProposed:
            return MakeError(ErrorCode::kConflict, "Chuyên đề chi bộ đề xuất cần cấp trên chấp nhận trước khi soạn.",
                             "state");
        case TopicState::kDeclined:
            return MakeError(ErrorCode::kConflict, "Chuyên đề đã bị cấp trên không chấp nhận.", "state");
        case TopicState::kSent:
            return MakeError(ErrorCode::kConflict, "Dự thảo đã gửi đảng viên; không sửa được nữa.", "state");
    }
    return MakeError(ErrorCode::kConflict, "Không soạn được dự thảo ở trạng thái này.", "state");
}

bool Accepted(TopicState state) {
    return state != TopicState::kProposed && state != TopicState::kDeclined;
}

bool SentToMembers(TopicState state) {
    return state == TopicState::kSent;
}

Result<void> ValidateTopic(const Topic& t) {
    CHIBO_TRY(CheckYearQuarter(t.year, t.quarter));
    CHIBO_TRY(CheckText(t.title, 300, true, "title", "tên chuyên đề"));
    CHIBO_TRY(CheckText(t.purpose, 4000, false, "purpose", "Mục đích, yêu cầu"));
    CHIBO_TRY(CheckText(t.directive, 300, false, "directive", "Văn bản chỉ đạo"));
    if (t.preparer && t.preparer->kind == PreparerKind::kSuperiorOfficial)
        CHIBO_TRY(CheckText(t.preparer->name, 200, true, "preparer.name", "tên đồng chí cấp ủy phụ trách"));
    return {};
}

Result<void> CheckMeetingLink(const Topic& topic, const Meeting& meeting) {
    if (meeting.organization != topic.organization)
        return MakeError(ErrorCode::kInvalidArgument, "Cuộc họp không thuộc chi bộ này.", "meeting_id");
    if (meeting.kind != MeetingKind::kThematic)
        return MakeError(ErrorCode::kInvalidArgument, "Chỉ gắn chuyên đề với cuộc sinh hoạt chuyên đề.", "meeting_id");
    if (meeting.year != topic.year || QuarterOfMonth(meeting.month) != topic.quarter)
        return MakeError(ErrorCode::kInvalidArgument,
                         "Cuộc sinh hoạt chuyên đề tháng " + std::to_string(meeting.month) + "/" +
                             std::to_string(meeting.year) + " không thuộc quý " + std::to_string(topic.quarter) + "/" +
                             std::to_string(topic.year) + " của chuyên đề.",
                         "meeting_id");
    return {};
}

bool DraftLate(const Topic& topic, const std::optional<Meeting>& meeting, std::int64_t lead_seconds) {
    return topic.sent_at && meeting && DocumentsLate(*topic.sent_at, meeting->StartsAt(), lead_seconds);
}

std::vector<int> QuartersWithoutTopic(const std::set<int>& thematic_months, const DueMonths& due, int year,
                                      std::span<const Topic> topics) {
    std::set<int> needed;
    for (int month : thematic_months)
        if (month >= 1 && month <= 12 && due.Owes(year, month)) needed.insert(QuarterOfMonth(month));
    for (const Topic& t : topics)
        if (t.year == year && Accepted(t.state)) needed.erase(t.quarter);
    return {needed.begin(), needed.end()};
}

Result<void> ValidateDraftText(std::string_view text) {
    if (base::NormalizeSpaces(text).empty())
        return MakeError(ErrorCode::kInvalidArgument, "Vui lòng nhập nội dung dự thảo.", "text");
    if (base::Utf8Length(text) > kMaxDraftChars)
        return MakeError(ErrorCode::kInvalidArgument, "Dự thảo dài quá " + std::to_string(kMaxDraftChars) + " ký tự.",
                         "text");
    return {};
}

bool MayApprove(const TopicStanding& standing, bool cell_has_committee) {
    if (!standing.position) return false;
    return cell_has_committee || *standing.position == PositionKind::kSecretary;
}

bool MaySeeDrafts(const TopicStanding& standing) {
    return standing.writes_cell || standing.position.has_value();
}

Result<CommentKind> CheckComment(const TopicStanding& standing, bool cell_has_committee, TopicState state) {
    if (MayApprove(standing, cell_has_committee)) {
        if (state == TopicState::kProposed || state == TopicState::kDeclined || state == TopicState::kPlanned)
            return MakeError(ErrorCode::kConflict, "Chuyên đề chưa có dự thảo để góp ý.", "state");
        return CommentKind::kReview;
    }
    if (standing.on_roll) {
        if (!SentToMembers(state))
            return MakeError(ErrorCode::kConflict, "Dự thảo chưa được gửi đến đảng viên; chưa góp ý được.", "state");
        return CommentKind::kMember;
    }
    return MakeError(ErrorCode::kPermissionDenied,
                     "Chỉ chi ủy và đảng viên của chi bộ được góp ý vào dự thảo chuyên đề.");
}

Result<void> MayAssess(const Topic& topic, const std::optional<Meeting>& meeting, base::Date today) {
    if (!Accepted(topic.state))
        return MakeError(ErrorCode::kConflict, "Chỉ đánh giá chuyên đề đã được đưa vào kế hoạch của chi bộ.");
    const bool held = meeting && Held(meeting->state);
    if (!held && today.year() <= topic.year)
        return MakeError(ErrorCode::kConflict,
                         "Chuyên đề chưa được sinh hoạt: đánh giá sau buổi sinh hoạt hoặc khi hết năm " +
                             std::to_string(topic.year) + ".");
    return {};
}

Result<void> CheckAssessment(const Topic& topic, const std::optional<Meeting>& meeting, std::string_view note,
                             base::Date today) {
    CHIBO_TRY(MayAssess(topic, meeting, today));
    if (base::NormalizeSpaces(note).empty())
        return MakeError(ErrorCode::kInvalidArgument, "Vui lòng ghi nội dung biểu dương hoặc bài học kinh nghiệm.",
                         "note");
    if (base::Utf8Length(note) > kMaxAssessmentChars)
        return MakeError(ErrorCode::kInvalidArgument,
                         "Nội dung đánh giá dài quá " + std::to_string(kMaxAssessmentChars) + " ký tự.", "note");
    return {};
}

TopicOutcome OutcomeOf(const Topic& topic, const std::optional<Meeting>& meeting,
                       std::span<const AttendanceRecord> attendance, std::span<const Opinion> opinions,
                       std::span<const ResolutionTask> tasks, std::int64_t lead_seconds) {
    TopicOutcome out;
    out.topic = topic;
    out.draft_late = DraftLate(topic, meeting, lead_seconds);
    if (!meeting) return out;
    out.meeting_date = meeting->date;
    out.held = Held(meeting->state);
    if (!out.held) return out;
    out.held_late = HeldLate(*meeting);
    out.present = CountAttendance(attendance).present;
    std::set<std::string> spoke;
    for (const Opinion& o : opinions)
        spoke.insert(o.speaker ? "#" + std::to_string(o.speaker->value) : base::NormalizeSpaces(o.speaker_name));
    out.speakers = static_cast<int>(spoke.size());
    out.measures = static_cast<int>(tasks.size());
    out.measures_done = static_cast<int>(std::count_if(
        tasks.begin(), tasks.end(), [](const ResolutionTask& t) { return t.outcome == TaskOutcome::kDone; }));
    return out;
}

std::vector<PreparerYear> ByPreparer(std::span<const TopicOutcome> outcomes) {
    std::vector<PreparerYear> out;
    const auto same = [](const TopicPreparer& a, const TopicPreparer& b) {
        if (a.kind != b.kind) return false;
        switch (a.kind) {
            case PreparerKind::kPartyGroup:
                return a.party_group == b.party_group;
            case PreparerKind::kCommitteeMember:
                return a.member == b.member;
            case PreparerKind::kSuperiorOfficial:
                return base::NormalizeSpaces(a.name) == base::NormalizeSpaces(b.name);
        }
        return false;
    };
    for (const TopicOutcome& o : outcomes) {
        if (!o.topic.preparer) continue;
        auto it = std::find_if(out.begin(), out.end(), [&](const PreparerYear& p) {
            return p.cell == o.topic.organization && same(p.preparer, *o.topic.preparer);
        });
        if (it == out.end()) it = out.insert(out.end(), PreparerYear{o.topic.organization, *o.topic.preparer});
        PreparerYear& p = *it;
        ++p.topics;
        if (o.held) ++p.held;
        if (o.held && !o.held_late && !o.draft_late) ++p.on_time;
        p.speakers += o.speakers;
        p.measures += o.measures;
        p.measures_done += o.measures_done;
        if (o.topic.assessment == TopicAssessment::kCommendation) ++p.commendations;
        if (o.topic.assessment == TopicAssessment::kLesson) ++p.lessons;
    }
    return out;
}

std::string_view ToCode(TopicAssessment assessment) {
    return CodeOf(kAssessmentCodes, assessment);
}

std::optional<TopicAssessment> TopicAssessmentFromCode(std::string_view code) {
    return FromCode(kAssessmentCodes, code);
}

std::string_view Label(TopicAssessment assessment) {
    return assessment == TopicAssessment::kCommendation ? "Biểu dương" : "Rút kinh nghiệm";
}

std::string_view ToCode(TopicState state) {
    return CodeOf(kStateCodes, state);
}

std::optional<TopicState> TopicStateFromCode(std::string_view code) {
    return FromCode(kStateCodes, code);
}

std::string_view Label(TopicState state) {
    switch (state) {
        case TopicState::kProposed:
            return "Chờ cấp trên chấp nhận";
        case TopicState::kDeclined:
            return "Cấp trên không chấp nhận";
        case TopicState::kPlanned:
            return "Đã đưa vào kế hoạch";
        case TopicState::kDrafting:
            return "Đang soạn dự thảo";
        case TopicState::kSubmitted:
            return "Đã trình chi ủy";
        case TopicState::kApproved:
            return "Chi ủy đã duyệt";
        case TopicState::kSent:
            return "Đã gửi đảng viên";
    }
    return "";
}

std::string_view ToCode(PreparerKind kind) {
    return CodeOf(kPreparerCodes, kind);
}

std::optional<PreparerKind> PreparerKindFromCode(std::string_view code) {
    return FromCode(kPreparerCodes, code);
}

std::string_view ToCode(CommentKind kind) {
    return CodeOf(kCommentCodes, kind);
}

std::optional<CommentKind> CommentKindFromCode(std::string_view code) {
    return FromCode(kCommentCodes, code);
}

QuarterCoverage CoverageOf(int year, int quarter, std::span<const Organization> cells,
                           std::span<const Meeting> meetings, std::span<const Topic> topics) {
    QuarterCoverage out;
    out.year = year;
    out.quarter = quarter;
    const int first_month = (quarter - 1) * 3 + 1;
    std::map<std::int64_t, int> chosen;
    for (const Organization& cell : cells) {
        if (!IsCell(cell.kind)) continue;
        const DueMonths due = DueMonthsOf(cell.valid_from, cell.valid_to);
        if (!due.Owes(year, first_month) && !due.Owes(year, first_month + 1) && !due.Owes(year, first_month + 2))
            continue;
        CellCoverage c;
        c.cell = cell.id;
        c.cell_name = cell.name;
        const Topic* mine = nullptr;  // The one linked to a meeting, else the first.
        for (const Topic& t : topics) {
            if (t.organization != cell.id || t.year != year || t.quarter != quarter || !Accepted(t.state)) continue;
            if (t.orientation) ++chosen[t.orientation->value];
            if (!mine || (!mine->meeting && t.meeting)) mine = &t;
        }
        if (mine) {
            c.topic = mine->id;
            c.topic_title = mine->title;
            c.topic_state = mine->state;
            c.meeting = mine->meeting;
        }
        const Meeting* meeting = nullptr;
        for (const Meeting& m : meetings) {
            if (m.organization != cell.id || m.kind != MeetingKind::kThematic || m.year != year ||
                QuarterOfMonth(m.month) != quarter || m.state == MeetingState::kCancelled)
                continue;
            // The topic's own meeting first; else the first held one; else the first.
            if (c.meeting && m.id == *c.meeting) {
                meeting = &m;
                break;
            }
            if (!meeting || (!Held(meeting->state) && Held(m.state))) meeting = &m;
        }
        if (meeting) {
            c.meeting = meeting->id;
            c.meeting_date = meeting->date;
            c.held = Held(meeting->state);
            if (meeting->Locked()) c.resolution_number = meeting->resolution_number;
            if (meeting->reported_at) {
                c.reported = true;
                c.report_late = ReportLate(meeting->date, base::VietnamDateOf(*meeting->reported_at));
            }
        }
        out.with_topic += c.topic ? 1 : 0;
        out.held += c.held ? 1 : 0;
        out.resolved += c.resolution_number.empty() ? 0 : 1;
        out.reported += c.reported ? 1 : 0;
        out.reported_late += c.report_late ? 1 : 0;
        out.cells.push_back(std::move(c));
    }
    for (const auto& [orientation, count] : chosen)
        out.orientations_chosen.emplace_back(TopicOrientationId(orientation), count);
    std::stable_sort(out.orientations_chosen.begin(), out.orientations_chosen.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

}  // namespace chibo::domain
