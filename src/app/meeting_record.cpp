// The meeting's record, from preparation to the report upward (HD 42): the use cases behind the
// meeting screens, the member's view and the calendar feeds.
#include <algorithm>
#include <map>
#include <set>

#include "app/meeting_detail.hpp"
#include "app/organization_service.hpp"
#include "app/password.hpp"
#include "base/text.hpp"
#include "domain/document_repository.hpp"
#include "domain/meeting_record_repository.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/position_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/store.hpp"
#include "domain/topic_repository.hpp"
#include "domain/user_repository.hpp"

namespace chibo::app {

using base::Date;
using base::ErrorCode;
using base::MakeError;
using base::Result;
using namespace chibo::domain;

namespace {

constexpr std::size_t kMaxText = 20000;  // Conclusion, resolution, one opinion.
constexpr std::size_t kMaxLine = 500;    // Agenda items, guests, names.

Result<std::string> Line(const std::string& in, const char* field, const char* what) {
    std::string out = base::NormalizeSpaces(in);
    if (out.size() > kMaxLine)
        return MakeError(ErrorCode::kInvalidArgument, std::string(what) + " quá dài (tối đa 500 ký tự).", field);
    return out;
}

Result<std::string> Text(const std::string& in, const char* field, const char* what) {
    if (in.size() > kMaxText)
        return MakeError(ErrorCode::kInvalidArgument, std::string(what) + " quá dài (tối đa 20.000 ký tự).", field);
    // Keep the writer's line breaks; trim the ends.
    const auto first = in.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return std::string();
    const auto last = in.find_last_not_of(" \t\r\n");
    return in.substr(first, last - first + 1);
}

Result<std::vector<std::string>> Lines(const std::vector<std::string>& in, const char* field, const char* what) {
    std::vector<std::string> out;
    for (const std::string& item : in) {
        CHIBO_TRY_ASSIGN(std::string line, Line(item, field, what));
        if (!line.empty()) out.push_back(std::move(line));
    }
    return out;
}

Result<Member> CellMember(Repositories& repos, const Organization& cell, MemberId id, const char* field) {
    auto member = repos.members().Get(id);
    if (!member || member->organization != cell.id || !OnRoll(member->status))
        return MakeError(ErrorCode::kInvalidArgument, "Đảng viên không thuộc chi bộ này.", field);
    return *member;
}

Result<std::pair<Meeting, Organization>> WritableMeeting(Repositories& repos, const Actor& actor, MeetingId id) {
    CHIBO_TRY_ASSIGN(auto found, VisibleMeeting(repos, actor, id));
    if (!actor.CanWrite(found.second.path)) return Forbidden();
    if (found.second.dissolved()) return MakeError(ErrorCode::kConflict, "Chi bộ đã giải thể hoặc sáp nhập.");
    if (found.first.state == MeetingState::kCancelled)
        return MakeError(ErrorCode::kConflict, "Cuộc họp đã hủy.", "state");
    return found;
}

Result<void> Unlocked(const Meeting& m) {
    if (m.Locked())
        return MakeError(ErrorCode::kConflict,
                         "Biên bản đã hoàn thành và bị khóa; nếu cần sửa, hãy lập bản bổ sung, đính chính.", "state");
    return {};
}

// The earlier tasks this meeting reviews: those not yet done that fell due by the meeting or were
// set by the cell's previous meeting, and those already reviewed here.
std::vector<ResolutionTask> ReviewOf(Repositories& repos, const Meeting& m, std::map<MeetingId, TaskOrigin>& origins) {
    std::vector<ResolutionTask> earlier = repos.records().TasksOfCellBefore(m.organization, m.date);
    for (const ResolutionTask& t : earlier) {
        if (origins.contains(t.meeting)) continue;
        if (auto meeting = repos.meetings().Get(t.meeting)) origins[t.meeting] = {meeting->date, meeting->kind};
    }
    return TasksToReview(earlier, origins, m.id.valid() ? std::optional(m.id) : std::nullopt, m.date, m.kind);
}

}  // namespace

std::vector<RegisteredDocument> RegisterMeetingDocuments(Repositories& repos, const Organization& cell,
                                                         Meeting& meeting, Date issued_on,
                                                         const std::string& created_by) {
    std::vector<RegisteredDocument> out;
    for (DocumentType type : {DocumentType::kMinutes, DocumentType::kResolution}) {
        RegisteredDocument d;
        d.organization = cell.id;
        d.type = type;
        d.issued_on = issued_on;
        d.term = TermOf(issued_on).Key();
        d.created_by = created_by;
        d.title = type == DocumentType::kMinutes ? "Biên bản" : "Nghị quyết";
        d.title += " sinh hoạt ";
        d.title += KindWords(meeting.kind);
        d.title += " tháng " + std::to_string(meeting.month) + "/" + std::to_string(meeting.year);
        const OrganizationKind issuer = cell.kind;
        out.push_back(repos.documents().Register(
            d, [type, issuer](int number) { return FormatDocumentNumber(number, type, issuer); }));
        (type == DocumentType::kMinutes ? meeting.minutes_number : meeting.resolution_number) = out.back().number_text;
    }
    return out;
}

MeetingView Detail(Repositories& repos, const Actor& actor, const Meeting& m, const Organization& cell, Date today) {
    MeetingView v;
    v.meeting = m;
    v.organization_name = cell.name;
    if (cell.parent)
        if (auto parent = repos.organizations().Get(*cell.parent)) v.superior_name = parent->name;
    for (const Position& p : repos.positions().ForOrganization(cell.id, today))
        if (p.kind == PositionKind::kSecretary) {
            v.secretary_name = p.member_name;
            break;
        }
    const bool reader = actor.CanReadMembers(cell.path);
    v.can_write = actor.CanWrite(cell.path) && !cell.dissolved();
    {
        const auto other = repos.meetings().Find(
            m.organization, m.kind == MeetingKind::kRegular ? MeetingKind::kThematic : MeetingKind::kRegular, m.year,
            m.month);
        v.session = SessionOf(m, other ? &*other : nullptr);
    }
    if (!m.id.valid()) return v;
    v.attendance = repos.records().Attendance(m.id);
    v.opinions = repos.records().Opinions(m.id);
    v.tasks = repos.records().TasksSetBy(m.id);
    v.review = ReviewOf(repos, m, v.review_origins);
    v.meeting.record.targets_met_share = TargetsMetShare(repos.records().TasksReviewedIn(m.id));
    v.attachments = repos.records().Attachments(m.id);
    v.amendments = repos.records().Amendments(m.id);
    for (ScorerRole role : {ScorerRole::kCell, ScorerRole::kSuperior}) {
        std::optional<MeetingScore> latest;
        for (MeetingScore& s : repos.scores().Scores(m.id))
            if (s.role == role) latest = std::move(s);
        if (latest) v.scores.push_back(std::move(*latest));
    }
    for (LeaveRequest& r : repos.records().LeaveRequests(m.id)) {
        if (actor.member && r.member == *actor.member) v.my_leave_request = r;
        if (reader) v.leave_requests.push_back(std::move(r));
    }
    v.eligible = EligibleVoters(v.attendance, m.record.vote_scope);
    if (m.kind == MeetingKind::kThematic) v.topic = repos.topics().TopicOfMeeting(m.id);
    SuperiorAtMeeting superior = SuperiorAt(repos, cell, m, v.can_write);
    v.superior_attendant = std::move(superior.attendant);
    v.superior_candidates = std::move(superior.candidates);
    if (m.documents_sent_at) v.documents_late = DocumentsLate(*m.documents_sent_at, m.StartsAt());
    if (m.reported_at) v.report_late = ReportLate(m.date, base::VietnamDateOf(*m.reported_at));
    if (!reader) return v;
    if (v.documents_late)
        v.warnings.push_back({"documents_late", "Tài liệu đến đảng viên chưa đủ 1 ngày trước giờ sinh hoạt."});
    if (m.state != MeetingState::kCancelled && !m.preparation.committee_meeting_on && !BeforeHeld(m.state))
        v.warnings.push_back({"no_preparation", "Không ghi nhận cuộc họp chi ủy chuẩn bị nội dung."});
    if (v.session.TooShort().value_or(false))
        v.warnings.push_back(
            {"too_short", std::string(v.session.combined ? "Buổi sinh hoạt kết hợp" : "Thời gian sinh hoạt") + " " +
                              std::to_string(*v.session.minutes) + " phút, ít hơn tối thiểu " +
                              std::to_string(v.session.min_minutes) + " phút."});
    if (v.report_late) v.warnings.push_back({"report_late", "Báo cáo cấp trên sau hơn 2 ngày kể từ ngày sinh hoạt."});
    return v;
}

Result<MeetingView> MeetingService::SavePreparation(const Actor& actor, MeetingId id, const PreparationInput& input) {
    MeetingPreparation prep;
    prep.preparer = input.preparer;
    CHIBO_TRY_ASSIGN(prep.place, Line(input.place, "place", "Địa điểm"));
    prep.committee_meeting_on = input.committee_meeting_on;
    CHIBO_TRY_ASSIGN(prep.committee_meeting_notes,
                     Text(input.committee_meeting_notes, "committee_meeting_notes", "Nội dung họp chi ủy"));
    CHIBO_TRY_ASSIGN(prep.agenda, Lines(input.agenda, "agenda", "Nội dung chương trình"));
    CHIBO_TRY_ASSIGN(prep.superior_official,
                     Line(input.superior_official, "superior_official", "Tên đồng chí cấp trên"));
    return WriteValue<MeetingView>(store_, [&](Repositories& repos) -> Result<MeetingView> {
        CHIBO_TRY_ASSIGN(const auto found, WritableMeeting(repos, actor, id));
        const auto& [before, cell] = found;
        if (!BeforeHeld(before.state))
            return MakeError(ErrorCode::kConflict, "Cuộc họp đã diễn ra, không sửa phần chuẩn bị được nữa.", "state");
        MeetingPreparation p = prep;
        if (p.preparer) {
            CHIBO_TRY_ASSIGN(const Member preparer, CellMember(repos, cell, *p.preparer, "preparer_id"));
            p.preparer_name = preparer.full_name;
        }
        Meeting after = before;
        after.preparation = std::move(p);
        CHIBO_TRY(ValidatePreparation(after, after.preparation));
        if (after.state == MeetingState::kPlanned) after.state = MeetingState::kPrepared;
        repos.meetings().Update(after);
        RecordAudit(repos, clock_, actor, "meeting.prepare", "meeting", id.value, &cell, Describe(before),
                    Describe(after));
        return Detail(repos, actor, after, cell, clock_.Today());
    });
}

Result<Attachment> MeetingService::AddAttachment(const Actor& actor, MeetingId id, const std::string& file_name_in,
                                                 const std::string& content_type_in, const std::string& content) {
    CHIBO_TRY_ASSIGN(const Upload upload, CheckUpload(file_name_in, content_type_in, content, kMaxAttachmentBytes));
    const std::string& file_name = upload.file_name;
    const std::string& content_type = upload.content_type;
    const std::string& hash = upload.sha256;
    bool stored = false;
    auto saved = WriteValue<Attachment>(store_, [&](Repositories& repos) -> Result<Attachment> {
        CHIBO_TRY_ASSIGN(const auto found, WritableMeeting(repos, actor, id));
        const auto& [meeting, cell] = found;
        CHIBO_TRY(Unlocked(meeting));
        if (repos.records().Attachments(id).size() >= 30)
            return MakeError(ErrorCode::kInvalidArgument, "Mỗi cuộc họp đính kèm tối đa 30 tệp.", "file");
        // The file is written before the row that refers to it commits, so no row ever points at a
        // missing file (a failed commit leaves at most an unreferenced file).
        if (!stored) {
            files_.Put(hash, content);
            stored = true;
        }
        Attachment a;
        a.meeting = id;
        a.file_name = file_name;
        a.content_type = content_type;
        a.size = static_cast<std::int64_t>(content.size());
        a.sha256 = hash;
        a.uploaded_at = clock_.NowUnixSeconds();
        a.uploaded_by = actor.username;
        const Attachment out = repos.records().InsertAttachment(a);
        // A document added after the notice reaches members now: that is when they had it.
        if (meeting.notified_at && BeforeHeld(meeting.state)) {
            Meeting after = meeting;
            after.documents_sent_at = a.uploaded_at;
            repos.meetings().Update(after);
        }
        RecordAudit(repos, clock_, actor, "meeting.attach", "meeting", id.value, &cell, std::nullopt,
                    Snapshot{{"file_name", file_name}, {"size", std::to_string(a.size)}, {"sha256", hash}});
        return out;
    });
    return saved;
}

Result<AttachmentContent> MeetingService::GetAttachment(const Actor& actor, MeetingId id, AttachmentId attachment) {
    auto found = ReadValue<Attachment>(store_, [&](Repositories& repos) -> Result<Attachment> {
        CHIBO_TRY(VisibleMeeting(repos, actor, id));
        for (const Attachment& a : repos.records().Attachments(id))
            if (a.id == attachment) return a;
        return NotFound("tệp đính kèm");
    });
    if (!found) return found.error();
    auto content = files_.Get(found->sha256);
    if (!content) return MakeError(ErrorCode::kNotFound, "Tệp đính kèm không còn trong kho lưu trữ.");
    return AttachmentContent{*found, std::move(*content)};
}

Result<void> MeetingService::DeleteAttachment(const Actor& actor, MeetingId id, AttachmentId attachment) {
    std::string hash;
    bool unused = false;
    auto done = store_.Write([&](Repositories& repos) -> Result<void> {
        CHIBO_TRY_ASSIGN(const auto found, WritableMeeting(repos, actor, id));
        const auto& [meeting, cell] = found;
        if (!BeforeHeld(meeting.state))
            return MakeError(ErrorCode::kConflict, "Cuộc họp đã diễn ra, không xóa tài liệu được nữa.", "state");
        for (const Attachment& a : repos.records().Attachments(id)) {
            if (a.id != attachment) continue;
            repos.records().DeleteAttachment(a.id);
            hash = a.sha256;
            unused = !repos.records().ContentInUse(a.sha256);
            RecordAudit(repos, clock_, actor, "meeting.detach", "meeting", id.value, &cell,
                        Snapshot{{"file_name", a.file_name}, {"sha256", a.sha256}}, std::nullopt);
            return {};
        }
        return NotFound("tệp đính kèm");
    });
    if (done && unused) files_.Remove(hash);
    return done;
}

Result<MeetingView> MeetingService::Notify(const Actor& actor, MeetingId id) {
    return WriteValue<MeetingView>(store_, [&](Repositories& repos) -> Result<MeetingView> {
        CHIBO_TRY_ASSIGN(const auto found, WritableMeeting(repos, actor, id));
        const auto& [before, cell] = found;
        CHIBO_TRY(CheckTransition(before.state, MeetingState::kNotified));
        Meeting after = before;
        after.state = MeetingState::kNotified;
        after.notified_at = clock_.NowUnixSeconds();
        if (!repos.records().Attachments(id).empty()) after.documents_sent_at = after.notified_at;
        repos.meetings().Update(after);
        RecordAudit(repos, clock_, actor, "meeting.notify", "meeting", id.value, &cell, Describe(before),
                    Describe(after));
        return Detail(repos, actor, after, cell, clock_.Today());
    });
}

Result<LeaveRequest> MeetingService::AskLeave(const Actor& actor, MeetingId id, const std::string& reason_in) {
    const std::string reason = base::NormalizeSpaces(reason_in);
    if (reason.empty()) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng ghi lý do xin vắng.", "reason");
    if (reason.size() > kMaxLine) return MakeError(ErrorCode::kInvalidArgument, "Lý do quá dài.", "reason");
    return WriteValue<LeaveRequest>(store_, [&](Repositories& repos) -> Result<LeaveRequest> {
        CHIBO_TRY_ASSIGN(const auto found, VisibleMeeting(repos, actor, id));
        const auto& [meeting, cell] = found;
        if (!actor.member)
            return MakeError(ErrorCode::kPermissionDenied,
                             "Tài khoản chưa gắn với hồ sơ đảng viên nên không xin vắng được.");
        auto member = repos.members().Get(*actor.member);
        if (!member || member->organization != cell.id || !OnRoll(member->status)) return NotFound("cuộc họp");
        if (meeting.state != MeetingState::kNotified && meeting.state != MeetingState::kPrepared &&
            meeting.state != MeetingState::kPlanned)
            return MakeError(ErrorCode::kConflict, "Cuộc họp đã diễn ra hoặc đã hủy, không xin vắng được.", "state");
        if (!meeting.notified_at) return MakeError(ErrorCode::kConflict, "Cuộc họp chưa được thông báo.", "state");
        LeaveRequest request{member->id, member->full_name, reason, clock_.NowUnixSeconds()};
        repos.records().SaveLeaveRequest(id, request);
        RecordAudit(repos, clock_, actor, "meeting.leave_request", "meeting", id.value, &cell, std::nullopt,
                    Snapshot{{"member", member->full_name}, {"reason", reason}});
        return request;
    });
}

namespace {

// The letters that take members of a roll away on `day` (StandingOf: not the exempt's, nor those of members
// attending here temporarily), by member.
// `status`: each member's status on the day, by member id.
std::map<std::int64_t, TransferLetter> LettersOn(Repositories& repos,
                                                 const std::map<std::int64_t, MemberStatus>& status, base::Date day) {
    std::vector<MemberId> ids;
    ids.reserve(status.size());
    for (const auto& [member, s] : status) ids.emplace_back(member);
    std::map<std::int64_t, TransferLetter> out;
    for (const TransferLetter& l : repos.members().LettersOn(ids, day))
        if (StandingOf(status.at(l.member.value), true) == Standing::kAwayWithLetter) out.emplace(l.member.value, l);
    return out;
}

}  // namespace

Result<std::vector<AttendanceRecord>> MeetingService::Roll(const Actor& actor, MeetingId id) {
    return ReadValue<std::vector<AttendanceRecord>>(
        store_, [&](Repositories& repos) -> Result<std::vector<AttendanceRecord>> {
            CHIBO_TRY_ASSIGN(const auto found, VisibleMeeting(repos, actor, id));
            const auto& [meeting, cell] = found;
            if (!actor.CanReadMembers(cell.path)) return Forbidden();
            auto saved = repos.records().Attendance(id);
            if (meeting.Locked()) return saved;
            if (!saved.empty()) {
                // A letter recorded (or removed) since the roll call was saved: what a save now accepts.
                std::map<std::int64_t, MemberStatus> status;
                for (const AttendanceRecord& r : saved) status[r.member.value] = r.status_at_meeting;
                const auto letters = LettersOn(repos, status, meeting.date);
                for (AttendanceRecord& r : saved) {
                    if (auto l = letters.find(r.member.value); l != letters.end()) {
                        r.presence = Presence::kAway;
                        r.reason = LetterReason(l->second);
                    } else if (r.presence == Presence::kAway) {
                        r.presence = Presence::kPresent;
                        r.reason.clear();
                    }
                }
                return saved;
            }
            std::map<std::int64_t, std::string> leave;
            for (const LeaveRequest& r : repos.records().LeaveRequests(id)) leave[r.member.value] = r.reason;
            std::vector<AttendanceRecord> proposal;
            // The roll of the meeting's day, also for a meeting recorded afterwards.
            const std::vector<Member> roll = repos.members().RollOn(cell.id, meeting.date);
            std::map<std::int64_t, MemberStatus> status;
            for (const Member& m : roll) status[m.id.value] = m.status;
            const auto letters = LettersOn(repos, status, meeting.date);
            for (const Member& m : roll) {
                AttendanceRecord r{m.id, m.full_name, m.status, Presence::kPresent, ""};
                if (m.status == MemberStatus::kExempt) {
                    r.presence = Presence::kExempt;
                } else if (auto l = letters.find(m.id.value); l != letters.end()) {
                    r.presence = Presence::kAway;
                    r.reason = LetterReason(l->second);
                } else if (auto it = leave.find(m.id.value); it != leave.end()) {
                    r.presence = Presence::kExcused;
                    r.reason = it->second;
                }
                proposal.push_back(std::move(r));
            }
            return proposal;
        });
}

Result<MeetingView> MeetingService::SaveRecord(const Actor& actor, MeetingId id, const RecordPatch& patch) {
    return WriteValue<MeetingView>(store_, [&](Repositories& repos) -> Result<MeetingView> {
        CHIBO_TRY_ASSIGN(const auto found, WritableMeeting(repos, actor, id));
        const auto& [before, cell] = found;
        CHIBO_TRY(Unlocked(before));
        if (BeforeHeld(before.state) && clock_.Today() < before.date)
            return MakeError(ErrorCode::kConflict,
                             "Chưa đến ngày sinh hoạt (" + before.date.ToVietnamese() + "), chưa ghi biên bản được.",
                             "state");
        Meeting after = before;
        if (BeforeHeld(after.state)) {
            CHIBO_TRY(CheckTransition(after.state, MeetingState::kHeld));
            after.state = MeetingState::kHeld;
        }
        MeetingRecord& rec = after.record;

        // The roll call: every member on the roll once; records already saved stay frozen.
        std::vector<AttendanceRecord> attendance = repos.records().Attendance(id);
        if (patch.attendance) {
            std::map<std::int64_t, AttendanceRecord> frozen;
            for (const AttendanceRecord& r : attendance) frozen[r.member.value] = r;
            std::map<std::int64_t, Member> roll;
            std::map<std::int64_t, MemberStatus> status;
            for (const Member& m : repos.members().RollOn(cell.id, before.date)) {
                roll[m.id.value] = m;
                status[m.id.value] = m.status;
            }
            const auto letters = LettersOn(repos, status, before.date);
            std::vector<AttendanceRecord> next;
            std::set<std::int64_t> seen;
            for (const AttendanceInput& in : *patch.attendance) {
                if (!seen.insert(in.member.value).second)
                    return MakeError(ErrorCode::kInvalidArgument, "Một đảng viên được điểm danh hai lần.",
                                     "attendance");
                AttendanceRecord r;
                if (auto f = frozen.find(in.member.value); f != frozen.end()) {
                    r = f->second;
                } else if (auto m = roll.find(in.member.value); m != roll.end()) {
                    r = {m->second.id, m->second.full_name, m->second.status, Presence::kPresent, ""};
                } else {
                    return MakeError(ErrorCode::kInvalidArgument, "Đảng viên không có trong danh sách của chi bộ.",
                                     "attendance");
                }
                r.presence = in.presence;
                r.reason = base::NormalizeSpaces(in.reason);
                if (r.reason.size() > kMaxLine)
                    return MakeError(ErrorCode::kInvalidArgument, "Lý do vắng quá dài.", "attendance");
                if (r.presence != Presence::kExcused && r.presence != Presence::kLate) r.reason.clear();
                // A letter running on the meeting's day decides: the member attends the host, and no one else
                // is away.
                if (auto l = letters.find(in.member.value); l != letters.end()) {
                    if (r.presence != Presence::kAway)
                        return MakeError(ErrorCode::kInvalidArgument,
                                         "Đồng chí " + r.member_name +
                                             " có giấy giới thiệu sinh hoạt tạm thời nơi khác vào ngày họp (" +
                                             LetterReason(l->second) + "), không điểm danh ở chi bộ.",
                                         "attendance");
                    r.reason = LetterReason(l->second);
                } else if (r.presence == Presence::kAway) {
                    return MakeError(ErrorCode::kInvalidArgument,
                                     "Đồng chí " + r.member_name +
                                         " không có giấy giới thiệu sinh hoạt tạm thời còn hiệu lực vào ngày họp.",
                                     "attendance");
                }
                next.push_back(std::move(r));
            }
            for (const auto& [member_id, m] : roll)
                if (!seen.contains(member_id))
                    return MakeError(ErrorCode::kInvalidArgument, "Chưa điểm danh đồng chí " + m.full_name + ".",
                                     "attendance");
            CHIBO_TRY(ValidateRollCall(next));
            attendance = std::move(next);
            repos.records().SaveAttendance(id, attendance);
        }
        auto name_of = [&](const std::optional<MemberId>& member) {
            if (!member) return std::string();
            for (const AttendanceRecord& r : attendance)
                if (r.member == *member) return r.member_name;
            return std::string();
        };

        if (patch.started_minutes) rec.started_minutes = *patch.started_minutes;
        if (patch.ended_minutes) rec.ended_minutes = *patch.ended_minutes;
        if (patch.chair) rec.chair = *patch.chair;
        if (patch.minute_taker) rec.minute_taker = *patch.minute_taker;
        rec.chair_name = name_of(rec.chair);
        rec.minute_taker_name = name_of(rec.minute_taker);
        if (patch.guests) {
            CHIBO_TRY_ASSIGN(rec.guests, Lines(*patch.guests, "guests", "Tên khách mời"));
        }
        if (patch.superior_attended) {
            rec.superior_attended = *patch.superior_attended;
            if (!rec.superior_attended) rec.superior_attendant.reset();
        }
        if (patch.superior_attendant) {
            rec.superior_attendant = *patch.superior_attendant;
            if (rec.superior_attendant) {
                CHIBO_TRY(CheckSuperiorAttendant(repos, cell, before, *rec.superior_attendant));
                rec.superior_attended = true;
            }
        }
        if (patch.conclusion) {
            CHIBO_TRY_ASSIGN(rec.conclusion, Text(*patch.conclusion, "conclusion", "Kết luận"));
        }
        if (patch.resolution) {
            CHIBO_TRY_ASSIGN(rec.resolution, Text(*patch.resolution, "resolution", "Nghị quyết"));
        }
        if (patch.vote) rec.vote = *patch.vote;
        if (patch.vote_scope) rec.vote_scope = *patch.vote_scope;

        std::vector<Opinion> opinions = patch.opinions ? *patch.opinions : repos.records().Opinions(id);
        for (Opinion& o : opinions) {
            if (o.speaker) {
                o.speaker_name = name_of(o.speaker);
                if (o.speaker_name.empty()) o.speaker_name = "#" + std::to_string(o.speaker->value);
            } else {
                CHIBO_TRY_ASSIGN(o.speaker_name, Line(o.speaker_name, "opinions", "Tên người phát biểu"));
            }
            CHIBO_TRY_ASSIGN(o.summary, Text(o.summary, "opinions", "Ý kiến phát biểu"));
        }
        if (opinions.size() > 200)
            return MakeError(ErrorCode::kInvalidArgument, "Quá nhiều ý kiến phát biểu.", "opinions");
        CHIBO_TRY(ValidateRecord(rec, attendance, opinions));
        if (patch.opinions) repos.records().SaveOpinions(id, opinions);

        if (patch.tasks) {
            for (const ResolutionTask& t : repos.records().TasksSetBy(id))
                if (t.reviewed_in)
                    return MakeError(ErrorCode::kConflict,
                                     "Nhiệm vụ của nghị quyết này đã được kiểm điểm ở kỳ sau, không thay đổi được.",
                                     "tasks");
            std::vector<ResolutionTask> tasks;
            for (const TaskInput& in : *patch.tasks) {
                ResolutionTask t;
                t.meeting = id;
                t.assignee = in.assignee;
                t.description = base::NormalizeSpaces(in.description);
                t.deadline = in.deadline;
                if (t.assignee) {
                    CHIBO_TRY_ASSIGN(const Member m, CellMember(repos, cell, *t.assignee, "tasks"));
                    t.assignee_name = m.full_name;
                }
                CHIBO_TRY(ValidateTask(t, after.date));
                tasks.push_back(std::move(t));
            }
            if (tasks.size() > 100) return MakeError(ErrorCode::kInvalidArgument, "Quá nhiều nhiệm vụ.", "tasks");
            repos.records().ReplaceTasksSetBy(id, cell.id, tasks);
        }
        if (patch.review) {
            std::map<MeetingId, TaskOrigin> origins;
            const std::vector<ResolutionTask> reviewable = ReviewOf(repos, after, origins);
            for (const TaskReviewInput& in : *patch.review) {
                auto it = std::find_if(reviewable.begin(), reviewable.end(),
                                       [&](const ResolutionTask& t) { return t.id == in.task; });
                if (it == reviewable.end())
                    return MakeError(ErrorCode::kInvalidArgument, "Nhiệm vụ không thuộc phần kiểm điểm của kỳ này.",
                                     "review");
                ResolutionTask t = *it;
                t.outcome = in.outcome;
                CHIBO_TRY_ASSIGN(t.result, Text(in.result, "review", "Kết quả thực hiện"));
                t.reviewed_in = in.outcome == TaskOutcome::kOpen ? std::nullopt : std::optional<MeetingId>(id);
                repos.records().SaveTaskReview(t);
            }
        }
        repos.meetings().Update(after);
        RecordAudit(repos, clock_, actor, "meeting.record", "meeting", id.value, &cell, Describe(before),
                    Describe(after));
        return Detail(repos, actor, after, cell, clock_.Today());
    });
}

Result<MeetingView> MeetingService::Finalise(const Actor& actor, MeetingId id) {
    return WriteValue<MeetingView>(store_, [&](Repositories& repos) -> Result<MeetingView> {
        CHIBO_TRY_ASSIGN(const auto found, WritableMeeting(repos, actor, id));
        const auto& [before, cell] = found;
        CHIBO_TRY(CheckFinalisable(before, repos.records().Attendance(id)));
        Meeting after = before;
        after.state = MeetingState::kMinutesFinalised;
        after.finalised_at = clock_.NowUnixSeconds();
        for (const RegisteredDocument& saved :
             RegisterMeetingDocuments(repos, cell, after, clock_.Today(), actor.username))
            RecordAudit(repos, clock_, actor, "document.register", "document", saved.id.value, &cell, std::nullopt,
                        Describe(saved));
        repos.meetings().Update(after);
        RecordAudit(repos, clock_, actor, "meeting.finalise", "meeting", id.value, &cell, Describe(before),
                    Describe(after));
        return Detail(repos, actor, after, cell, clock_.Today());
    });
}

Result<Amendment> MeetingService::Amend(const Actor& actor, MeetingId id, const std::string& text_in,
                                        const std::string& reason_in) {
    CHIBO_TRY_ASSIGN(const std::string text, Text(text_in, "text", "Nội dung bổ sung"));
    const std::string reason = base::NormalizeSpaces(reason_in);
    if (text.empty())
        return MakeError(ErrorCode::kInvalidArgument, "Vui lòng ghi nội dung bổ sung, đính chính.", "text");
    if (reason.empty()) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng ghi lý do đính chính.", "reason");
    if (reason.size() > kMaxLine) return MakeError(ErrorCode::kInvalidArgument, "Lý do quá dài.", "reason");
    return WriteValue<Amendment>(store_, [&](Repositories& repos) -> Result<Amendment> {
        CHIBO_TRY_ASSIGN(const auto found, WritableMeeting(repos, actor, id));
        const auto& [meeting, cell] = found;
        if (!meeting.Locked())
            return MakeError(ErrorCode::kConflict, "Biên bản chưa hoàn thành: hãy sửa trực tiếp biên bản.", "state");
        const Amendment saved =
            repos.records().InsertAmendment({AmendmentId{}, id, text, reason, actor.username, clock_.NowUnixSeconds()});
        RecordAudit(repos, clock_, actor, "meeting.amend", "meeting", id.value, &cell, std::nullopt,
                    Snapshot{{"text", text}, {"reason", reason}});
        return saved;
    });
}

Result<MeetingView> MeetingService::Report(const Actor& actor, MeetingId id) {
    return WriteValue<MeetingView>(store_, [&](Repositories& repos) -> Result<MeetingView> {
        CHIBO_TRY_ASSIGN(const auto found, WritableMeeting(repos, actor, id));
        const auto& [before, cell] = found;
        CHIBO_TRY(CheckTransition(before.state, MeetingState::kReported));
        Meeting after = before;
        after.state = MeetingState::kReported;
        after.reported_at = clock_.NowUnixSeconds();
        repos.meetings().Update(after);
        RecordAudit(repos, clock_, actor, "meeting.report", "meeting", id.value, &cell, Describe(before),
                    Describe(after));
        return Detail(repos, actor, after, cell, clock_.Today());
    });
}

Result<std::vector<MeetingView>> MeetingService::MyMeetings(const Actor& actor) {
    if (!actor.member) return std::vector<MeetingView>{};
    return ReadValue<std::vector<MeetingView>>(store_, [&](Repositories& repos) -> Result<std::vector<MeetingView>> {
        std::vector<MeetingView> out;
        auto member = repos.members().Get(*actor.member);
        if (!member || !OnRoll(member->status)) return out;
        auto cell = repos.organizations().Get(member->organization);
        if (!cell) return out;
        // From the first day of last month: last month's meeting, its documents and record, and what is ahead.
        const Date today = clock_.Today();
        const Date from = *Date::FromYmd(today.month() == 1 ? today.year() - 1 : today.year(),
                                         today.month() == 1 ? 12 : today.month() - 1, 1);
        for (const Meeting& m : repos.meetings().InSubtreeBetween(cell->path, from, today.AddDays(400), 50))
            if (m.organization == cell->id && m.notified_at)
                out.push_back(Detail(repos, actor, m, *cell, clock_.Today()));
        return out;
    });
}

Result<AttendanceHistory> MeetingService::Attendance(const Actor& actor, MemberId member_id, int year) {
    if (year < 2000 || year > 2100) return MakeError(ErrorCode::kInvalidArgument, "Năm không hợp lệ.", "year");
    return ReadValue<AttendanceHistory>(store_, [&](Repositories& repos) -> Result<AttendanceHistory> {
        auto member = repos.members().Get(member_id);
        if (!member) return NotFound("đảng viên");
        auto cell = repos.organizations().Get(member->organization);
        if (!cell || !actor.CanReadMember(cell->path, member_id)) return NotFound("đảng viên");
        return AttendanceHistory{repos.records().AttendanceOf(member_id, year)};
    });
}

Result<std::vector<AbsenceFlagView>> MeetingService::AbsenceFlags(const Actor& actor, OrganizationId organization,
                                                                  int year) {
    if (year < 2000 || year > 2100) return MakeError(ErrorCode::kInvalidArgument, "Năm không hợp lệ.", "year");
    return ReadValue<std::vector<AbsenceFlagView>>(
        store_, [&](Repositories& repos) -> Result<std::vector<AbsenceFlagView>> {
            CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
            if (!actor.CanReadMembers(org.path)) return Forbidden();
            // Across cells: members shown in the subtree, wherever they were absent.
            std::vector<AbsenceFlagView> out;
            for (const AbsenceFlag& f : FlagAcrossCells(repos.records().UnexcusedOfRolls(org.path, year))) {
                AbsenceFlagView v{f, f.shown_at, ""};
                if (auto o = repos.organizations().Get(f.shown_at)) v.organization_name = o->name;
                out.push_back(std::move(v));
            }
            return out;
        });
}

Result<std::optional<std::int64_t>> MeetingService::CalendarFeedCreatedAt(const Actor& actor) {
    return ReadValue<std::optional<std::int64_t>>(store_,
                                                  [&](Repositories& repos) -> Result<std::optional<std::int64_t>> {
                                                      return repos.users().CalendarFeedCreatedAt(actor.user);
                                                  });
}

Result<std::string> MeetingService::NewCalendarFeed(const Actor& actor) {
    const std::string token = RandomToken();
    return WriteValue<std::string>(store_, [&](Repositories& repos) -> Result<std::string> {
        repos.users().SaveCalendarFeed(actor.user, HashToken(token), clock_.NowUnixSeconds());
        RecordAudit(repos, clock_, actor, "calendar_feed.create", "user", actor.user.value, nullptr, std::nullopt,
                    Snapshot{{"username", actor.username}});
        return token;
    });
}

Result<CalendarFeed> MeetingService::FeedMeetings(const std::string& token) {
    if (token.size() != 64) return NotFound("lịch");
    return ReadValue<CalendarFeed>(store_, [&](Repositories& repos) -> Result<CalendarFeed> {
        auto user_id = repos.users().FindCalendarFeed(HashToken(token));
        if (!user_id) return NotFound("lịch");
        auto user = repos.users().Get(*user_id);
        if (!user) return NotFound("lịch");
        CalendarFeed feed;
        feed.owner = user->display_name;
        const Date today = clock_.Today();
        const Date from = today.AddDays(-92);
        const Date to = today.AddDays(366);
        std::set<std::int64_t> seen;
        std::map<std::int64_t, std::string> names;
        auto add = [&](const Meeting& m, bool member_view) {
            if (member_view && !m.notified_at) return;
            if (m.state == MeetingState::kCancelled) return;
            if (!seen.insert(m.id.value).second) return;
            auto& name = names[m.organization.value];
            if (name.empty())
                if (auto o = repos.organizations().Get(m.organization)) name = o->name;
            feed.meetings.emplace_back(m, name);
        };
        if (user->member)
            if (auto member = repos.members().Get(*user->member); member && OnRoll(member->status))
                if (auto cell = repos.organizations().Get(member->organization))
                    for (const Meeting& m : repos.meetings().InSubtreeBetween(cell->path, from, to, 100))
                        if (m.organization == cell->id) add(m, true);
        for (const RoleGrant& g : user->roles)
            if (g.role != Role::kMember)
                for (const Meeting& m : repos.meetings().InSubtreeBetween(g.organization_path, from, to, 1000))
                    add(m, false);
        if (user->member)
            for (int year : {today.year(), today.year() + 1})
                for (const PlannedVisitView& v : VisitsOfMember(repos, *user->member, year, today)) {
                    if (v.visit.kind != VisitKind::kMeeting || !v.visit.date) continue;
                    Meeting m;
                    if (v.meeting)
                        if (auto found = repos.meetings().Get(*v.meeting)) m = *found;
                    if (!m.id.valid()) {
                        m.organization = v.visit.cell;
                        m.year = v.visit.year;
                        m.month = v.visit.month;
                        m.date = *v.visit.date;
                        m.start_minutes = v.visit.start_minutes;
                        m.min_minutes = 90;
                    }
                    if (m.date < from || m.date > to || m.state == MeetingState::kCancelled) continue;
                    // The visit replaces the meeting the committee's role would list.
                    std::erase_if(feed.meetings, [&](const auto& e) { return m.id.valid() && e.first.id == m.id; });
                    feed.visits.emplace_back(m, v);
                }
        std::stable_sort(feed.meetings.begin(), feed.meetings.end(),
                         [](const auto& a, const auto& b) { return a.first.StartsAt() < b.first.StartsAt(); });
        return feed;
    });
}

}  // namespace chibo::app
