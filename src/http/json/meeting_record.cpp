#include "http/json/meeting_record.hpp"

#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/visit.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

json::object ToJson(const AttendanceRecord& record) {
    return {{"member_id", record.member.value},
            {"member_name", record.member_name},
            {"status_at_meeting", ToCode(record.status_at_meeting)},
            {"presence", ToCode(record.presence)},
            {"reason", record.reason}};
}

json::object ToJson(const AttendanceCounts& c) {
    return {{"total", c.total},
            {"official", c.official},
            {"probationary", c.probationary},
            {"temporary", c.temporary},
            {"working_away", c.working_away},
            {"exempt", c.exempt},
            {"away", c.away},
            {"expected", c.expected},
            {"present", c.present},
            {"excused", c.excused},
            {"unexcused", c.unexcused},
            {"attendance_rate", NumberOrNull(c.AttendanceRate())}};
}

json::object ToJson(const ResolutionTask& t) {
    return {{"id", t.id.value},
            {"meeting_id", t.meeting.value},
            {"assignee_id", IdOrNull(t.assignee)},
            {"assignee_name", t.assignee_name},
            {"description", t.description},
            {"deadline", t.deadline.ToIso()},
            {"outcome", ToCode(t.outcome)},
            {"result", t.result}};
}

json::object ToJson(const Attachment& a) {
    return {{"id", a.id.value}, {"file_name", a.file_name}, {"content_type", a.content_type},
            {"size", a.size},   {"sha256", a.sha256},       {"uploaded_at", base::IsoTimestamp(a.uploaded_at)}};
}

json::object ToJson(const LeaveRequest& r) {
    return {{"member_id", r.member.value},
            {"member_name", r.member_name},
            {"reason", r.reason},
            {"requested_at", base::IsoTimestamp(r.requested_at)}};
}

json::object ToJson(const Amendment& a) {
    return {{"id", a.id.value},
            {"text", a.text},
            {"reason", a.reason},
            {"created_by", a.created_by},
            {"created_at", base::IsoTimestamp(a.created_at)}};
}

json::object RecordToJson(const app::MeetingView& v) {
    const MeetingRecord& r = v.meeting.record;
    json::object record{
        {"started_at", ClockOrNull(r.started_minutes)},
        {"ended_at", ClockOrNull(r.ended_minutes)},
        {"duration_minutes", IntOrNull(v.meeting.Duration())},
        {"session", json::object{{"minutes", IntOrNull(v.session.minutes)},
                                 {"min_minutes", v.session.min_minutes},
                                 {"combined", v.session.combined},
                                 {"partner_id", IdOrNull(v.session.partner)}}},
        {"chair_id", IdOrNull(r.chair)},
        {"chair_name", r.chair_name},
        {"minute_taker_id", IdOrNull(r.minute_taker)},
        {"minute_taker_name", r.minute_taker_name},
        {"guests", Strings(r.guests)},
        {"superior_attended", r.superior_attended},
        {"superior_attendant", v.superior_attendant ? json::value(json::object{{"id", v.superior_attendant->id.value},
                                                                               {"name", v.superior_attendant->name},
                                                                               {"role", v.superior_attendant->role}})
                                                    : json::value(nullptr)},
        {"superior_candidates",
         Array(v.superior_candidates, [](const app::SuperiorCandidate& c) { return ToJson(c); })},
        {"attendance", Array(v.attendance, [](const AttendanceRecord& a) { return ToJson(a); })},
        {"counts", ToJson(CountAttendance(v.attendance))},
        {"opinions", Array(v.opinions,
                           [](const Opinion& op) {
                               return json::object{{"speaker_id", IdOrNull(op.speaker)},
                                                   {"speaker_name", op.speaker_name},
                                                   {"summary", op.summary},
                                                   {"accepted", op.accepted}};
                           })},
        {"conclusion", r.conclusion},
        {"resolution", r.resolution},
        {"vote_scope", ToCode(r.vote_scope)},
        {"eligible", v.eligible}};
    if (r.vote) {
        record["vote"] = json::object{
            {"in_favour", r.vote->in_favour}, {"against", r.vote->against}, {"abstaining", r.vote->abstaining}};
        record["vote_sentence"] = VoteSentence(*r.vote, v.eligible);
        record["adopted"] = Adopted(*r.vote, v.eligible);
    } else {
        record["vote"] = nullptr;
        record["vote_sentence"] = "";
        record["adopted"] = nullptr;
    }
    return record;
}

json::object RollToJson(const std::vector<AttendanceRecord>& roll) {
    return {{"items", Array(roll, [](const AttendanceRecord& a) { return ToJson(a); })},
            {"counts", ToJson(CountAttendance(roll))}};
}

json::object ToJson(const app::AttendanceHistory& h) {
    json::array items;
    json::object counts{{"present", 0}, {"late", 0}, {"excused", 0}, {"unexcused", 0}, {"exempt", 0}, {"away", 0}};
    for (const auto& [m, a] : h.items) {
        items.push_back(json::object{{"meeting_id", m.id.value},
                                     {"date", m.date.ToIso()},
                                     {"kind", ToCode(m.kind)},
                                     {"presence", ToCode(a.presence)},
                                     {"reason", a.reason},
                                     {"status_at_meeting", ToCode(a.status_at_meeting)}});
        auto& c = counts[ToCode(a.presence)];
        c = c.as_int64() + 1;
    }
    return {{"items", std::move(items)}, {"counts", std::move(counts)}};
}

json::object ToJson(const app::AbsenceFlagView& f) {
    return {{"member_id", f.flag.member.value},
            {"member_name", f.flag.member_name},
            {"organization_id", f.organization.value},
            {"organization_name", f.organization_name},
            {"unexcused", f.flag.unexcused},
            {"absent_in", Array(f.flag.absent_in, [](const AbsenceFlag::Where& w) {
                 return json::object{
                     {"organization_id", w.cell.value}, {"organization_name", w.cell_name}, {"unexcused", w.unexcused}};
             })}};
}

Result<app::PreparationInput> ParsePreparation(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::PreparationInput in;
    CHIBO_TRY_ASSIGN(in.preparer, body.OptionalTypedId<MemberId>("preparer_id"));
    CHIBO_TRY_ASSIGN(in.place, body.String("place", Need::kOptional, 300));
    CHIBO_TRY_ASSIGN(in.committee_meeting_on, body.OptionalDate("committee_meeting_on"));
    CHIBO_TRY_ASSIGN(in.committee_meeting_notes, body.String("committee_meeting_notes", Need::kOptional, 5000));
    CHIBO_TRY_ASSIGN(in.agenda, body.StringArray("agenda", 20, 500));
    CHIBO_TRY_ASSIGN(in.superior_official, body.String("superior_official", Need::kOptional, 200));
    return in;
}

namespace {

Result<std::optional<Vote>> ParseVote(const JsonBody& body) {
    CHIBO_TRY_ASSIGN(const auto vote, body.Object("vote"));
    if (!vote) return std::optional<Vote>();
    CHIBO_TRY_ASSIGN(const auto in_favour, vote->OptionalInt("in_favour", 0, 100000));
    CHIBO_TRY_ASSIGN(const auto against, vote->OptionalInt("against", 0, 100000));
    CHIBO_TRY_ASSIGN(const auto abstaining, vote->OptionalInt("abstaining", 0, 100000));
    Vote v;
    v.in_favour = in_favour.value_or(0);
    v.against = against.value_or(0);
    v.abstaining = abstaining.value_or(0);
    return std::optional<Vote>(v);
}

Result<std::vector<app::AttendanceInput>> ParseAttendance(const JsonBody& body) {
    CHIBO_TRY_ASSIGN(const auto items, body.Objects("attendance", 2000));
    std::vector<app::AttendanceInput> attendance;
    for (const JsonBody& item : items) {
        app::AttendanceInput a;
        CHIBO_TRY_ASSIGN(a.member, item.TypedId<MemberId>("member_id"));
        CHIBO_TRY_ASSIGN(const std::string presence, item.String("presence", Need::kRequired, 20));
        const auto code = PresenceFromCode(presence);
        if (!code) return FieldError("attendance", "Trạng thái điểm danh không hợp lệ.");
        a.presence = *code;
        CHIBO_TRY_ASSIGN(a.reason, item.String("reason", Need::kOptional, 300));
        attendance.push_back(std::move(a));
    }
    return attendance;
}

Result<std::vector<Opinion>> ParseOpinions(const JsonBody& body) {
    CHIBO_TRY_ASSIGN(const auto items, body.Objects("opinions", 200));
    std::vector<Opinion> opinions;
    for (const JsonBody& item : items) {
        Opinion o;
        CHIBO_TRY_ASSIGN(o.speaker, item.OptionalTypedId<MemberId>("speaker_id"));
        CHIBO_TRY_ASSIGN(o.speaker_name, item.String("speaker_name", Need::kOptional, 200));
        CHIBO_TRY_ASSIGN(o.summary, item.String("summary", Need::kOptional, 20000));
        CHIBO_TRY_ASSIGN(o.accepted, item.Bool("accepted", false));
        opinions.push_back(std::move(o));
    }
    return opinions;
}

Result<std::vector<app::TaskInput>> ParseTasks(const JsonBody& body) {
    CHIBO_TRY_ASSIGN(const auto items, body.Objects("tasks", 100));
    std::vector<app::TaskInput> tasks;
    for (const JsonBody& item : items) {
        app::TaskInput t;
        CHIBO_TRY_ASSIGN(t.assignee, item.OptionalTypedId<MemberId>("assignee_id"));
        CHIBO_TRY_ASSIGN(t.description, item.String("description", Need::kRequired, 2000));
        CHIBO_TRY_ASSIGN(t.deadline, item.Date("deadline"));
        tasks.push_back(std::move(t));
    }
    return tasks;
}

Result<std::vector<app::TaskReviewInput>> ParseReview(const JsonBody& body) {
    CHIBO_TRY_ASSIGN(const auto items, body.Objects("review", 200));
    std::vector<app::TaskReviewInput> review;
    for (const JsonBody& item : items) {
        app::TaskReviewInput r;
        CHIBO_TRY_ASSIGN(r.task, item.TypedId<TaskId>("task_id"));
        CHIBO_TRY_ASSIGN(const std::string outcome, item.String("outcome", Need::kRequired, 20));
        const auto code = TaskOutcomeFromCode(outcome);
        if (!code) return FieldError("review", "Kết quả thực hiện nhiệm vụ không hợp lệ.");
        r.outcome = *code;
        CHIBO_TRY_ASSIGN(r.result, item.String("result", Need::kOptional, 5000));
        review.push_back(std::move(r));
    }
    return review;
}

}  // namespace

// Only the sections present in the body are replaced; a present null clears a field.
Result<app::RecordPatch> ParseRecord(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::RecordPatch p;
    if (body.Present("started_at")) {
        CHIBO_TRY_ASSIGN(p.started_minutes, body.Clock("started_at"));
    }
    if (body.Present("ended_at")) {
        CHIBO_TRY_ASSIGN(p.ended_minutes, body.Clock("ended_at"));
    }
    if (body.Present("chair_id")) {
        CHIBO_TRY_ASSIGN(p.chair, body.OptionalTypedId<MemberId>("chair_id"));
    }
    if (body.Present("minute_taker_id")) {
        CHIBO_TRY_ASSIGN(p.minute_taker, body.OptionalTypedId<MemberId>("minute_taker_id"));
    }
    if (body.Present("guests")) {
        CHIBO_TRY_ASSIGN(p.guests, body.StringArray("guests", 50, 200));
    }
    if (body.Present("superior_attended")) {
        CHIBO_TRY_ASSIGN(p.superior_attended, body.Bool("superior_attended", false));
    }
    if (body.Present("superior_attendant_id")) {
        CHIBO_TRY_ASSIGN(p.superior_attendant, body.OptionalTypedId<AttendantId>("superior_attendant_id"));
    }
    if (body.Present("conclusion")) {
        CHIBO_TRY_ASSIGN(p.conclusion, body.String("conclusion", Need::kOptional, 20000));
    }
    if (body.Present("resolution")) {
        CHIBO_TRY_ASSIGN(p.resolution, body.String("resolution", Need::kOptional, 20000));
    }
    if (body.Present("vote_scope")) {
        CHIBO_TRY_ASSIGN(p.vote_scope, body.Code("vote_scope", VoteScopeFromCode, "Phạm vi biểu quyết không hợp lệ."));
    }
    if (body.Present("vote")) {
        CHIBO_TRY_ASSIGN(p.vote, ParseVote(body));
    }
    if (body.Present("attendance")) {
        CHIBO_TRY_ASSIGN(p.attendance, ParseAttendance(body));
    }
    if (body.Present("opinions")) {
        CHIBO_TRY_ASSIGN(p.opinions, ParseOpinions(body));
    }
    if (body.Present("tasks")) {
        CHIBO_TRY_ASSIGN(p.tasks, ParseTasks(body));
    }
    if (body.Present("review")) {
        CHIBO_TRY_ASSIGN(p.review, ParseReview(body));
    }
    return p;
}

Result<AmendmentInput> ParseAmendment(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    AmendmentInput in;
    CHIBO_TRY_ASSIGN(in.text, body.String("text", Need::kRequired, 20000));
    CHIBO_TRY_ASSIGN(in.reason, body.String("reason", Need::kRequired, 300));
    return in;
}

Result<std::string> ParseLeave(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    return body.String("reason", Need::kRequired, 300);
}

}  // namespace chibo::http
