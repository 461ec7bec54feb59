#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "domain/meeting_record_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

constexpr const char* kTaskColumns =
    "id, meeting_id, assignee_id, assignee_name, description, deadline, outcome, result, reviewed_in";

ResolutionTask ReadTask(const Row& r) {
    ResolutionTask t;
    t.id = TaskId(r.Int(0));
    t.meeting = MeetingId(r.Int(1));
    t.assignee = OptId<MemberId>(r, 2);
    t.assignee_name = r.Text(3);
    t.description = r.Text(4);
    t.deadline = r.Date(5);
    t.outcome = Decode(r.Text(6), TaskOutcomeFromCode, "resolution_tasks.outcome");
    t.result = r.Text(7);
    t.reviewed_in = OptId<MeetingId>(r, 8);
    return t;
}

class SqlRecords final : public MeetingRecordRepository {
public:
    explicit SqlRecords(soci::session& s) : s_(s) {}

    std::vector<AttendanceRecord> Attendance(MeetingId meeting) override {
        std::vector<AttendanceRecord> out;
        for (const Row& r : Query(s_,
                                  "SELECT member_id, member_name, status_at_meeting, presence, reason FROM "
                                  "meeting_attendance WHERE meeting_id = :m ORDER BY seq",
                                  Params().Int(meeting.value)))
            out.push_back(ReadAttendance(r, 0));
        return out;
    }

    void SaveAttendance(MeetingId meeting, const std::vector<AttendanceRecord>& records) override {
        Exec(s_, "DELETE FROM meeting_attendance WHERE meeting_id = :m", Params().Int(meeting.value));
        int seq = 0;
        for (const AttendanceRecord& a : records)
            Exec(s_,
                 "INSERT INTO meeting_attendance (meeting_id, seq, member_id, member_name, status_at_meeting, "
                 "presence, reason) VALUES (:m, :s, :mi, :mn, :st, :p, :r)",
                 Params()
                     .Int(meeting.value)
                     .Int(seq++)
                     .Int(a.member.value)
                     .Text(a.member_name)
                     .Text(std::string(ToCode(a.status_at_meeting)))
                     .Text(std::string(ToCode(a.presence)))
                     .Text(a.reason));
    }

    std::vector<Opinion> Opinions(MeetingId meeting) override {
        std::vector<Opinion> out;
        for (const Row& r :
             Query(s_,
                   "SELECT speaker_id, speaker_name, summary, accepted FROM meeting_opinions WHERE meeting_id = :m "
                   "ORDER BY seq",
                   Params().Int(meeting.value)))
            out.push_back({OptId<MemberId>(r, 0), r.Text(1), r.Text(2), r.Int(3) != 0});
        return out;
    }

    void SaveOpinions(MeetingId meeting, const std::vector<Opinion>& opinions) override {
        Exec(s_, "DELETE FROM meeting_opinions WHERE meeting_id = :m", Params().Int(meeting.value));
        int seq = 0;
        for (const Opinion& o : opinions)
            Exec(s_,
                 "INSERT INTO meeting_opinions (meeting_id, seq, speaker_id, speaker_name, summary, accepted) VALUES "
                 "(:m, :s, :sp, :sn, :su, :ac)",
                 Params()
                     .Int(meeting.value)
                     .Int(seq++)
                     .Id(o.speaker)
                     .Text(o.speaker_name)
                     .Text(o.summary)
                     .Int(o.accepted ? 1 : 0));
    }

    std::vector<ResolutionTask> TasksSetBy(MeetingId meeting) override {
        return Tasks(
            std::string("SELECT ") + kTaskColumns + " FROM resolution_tasks WHERE meeting_id = :m ORDER BY seq",
            Params().Int(meeting.value));
    }

    void ReplaceTasksSetBy(MeetingId meeting, OrganizationId cell, const std::vector<ResolutionTask>& tasks) override {
        Exec(s_, "DELETE FROM resolution_tasks WHERE meeting_id = :m", Params().Int(meeting.value));
        int seq = 0;
        for (const ResolutionTask& t : tasks)
            Exec(s_,
                 "INSERT INTO resolution_tasks (meeting_id, organization_id, seq, assignee_id, assignee_name, "
                 "description, deadline, outcome, result, reviewed_in) VALUES (:m, :o, :s, :a, :an, :d, :dl, :oc, "
                 ":r, :rv)",
                 Params()
                     .Int(meeting.value)
                     .Int(cell.value)
                     .Int(seq++)
                     .Id(t.assignee)
                     .Text(t.assignee_name)
                     .Text(t.description)
                     .Date(t.deadline)
                     .Text(std::string(ToCode(t.outcome)))
                     .Text(t.result)
                     .Id(t.reviewed_in));
    }

    std::vector<ResolutionTask> TasksOfCellBefore(OrganizationId cell, base::Date before) override {
        std::string cols;
        for (const char* c : {"t.id", "t.meeting_id", "t.assignee_id", "t.assignee_name", "t.description", "t.deadline",
                              "t.outcome", "t.result", "t.reviewed_in"})
            cols += (cols.empty() ? "" : ", ") + std::string(c);
        return Tasks("SELECT " + cols +
                         " FROM resolution_tasks t JOIN meetings m ON m.id = t.meeting_id WHERE t.organization_id = :o "
                         "AND m.scheduled_on < :b AND m.state <> 'cancelled' ORDER BY t.deadline, t.id",
                     Params().Int(cell.value).Date(before));
    }

    std::vector<ResolutionTask> TasksReviewedIn(MeetingId meeting) override {
        return Tasks(std::string("SELECT ") + kTaskColumns +
                         " FROM resolution_tasks WHERE reviewed_in = :m ORDER BY deadline, id",
                     Params().Int(meeting.value));
    }

    void SaveTaskReview(const ResolutionTask& t) override {
        Exec(s_, "UPDATE resolution_tasks SET outcome = :o, result = :r, reviewed_in = :rv WHERE id = :id",
             Params().Text(std::string(ToCode(t.outcome))).Text(t.result).Id(t.reviewed_in).Int(t.id.value));
    }

    std::vector<Attachment> Attachments(MeetingId meeting) override {
        std::vector<Attachment> out;
        for (const Row& r : Query(s_,
                                  "SELECT id, meeting_id, file_name, content_type, size, sha256, uploaded_at, "
                                  "uploaded_by FROM meeting_attachments WHERE meeting_id = :m ORDER BY id",
                                  Params().Int(meeting.value))) {
            Attachment a;
            a.id = AttachmentId(r.Int(0));
            a.meeting = MeetingId(r.Int(1));
            a.file_name = r.Text(2);
            a.content_type = r.Text(3);
            a.size = r.Int(4);
            a.sha256 = r.Text(5);
            a.uploaded_at = r.Int(6);
            a.uploaded_by = r.Text(7);
            out.push_back(std::move(a));
        }
        return out;
    }

    Attachment InsertAttachment(const Attachment& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO meeting_attachments (meeting_id, file_name, content_type, size, sha256, "
                          "uploaded_at, uploaded_by) VALUES (:m, :f, :c, :s, :h, :u, :b) RETURNING id",
                          Params()
                              .Int(in.meeting.value)
                              .Text(in.file_name)
                              .Text(in.content_type)
                              .Int(in.size)
                              .Text(in.sha256)
                              .Int(in.uploaded_at)
                              .Text(in.uploaded_by));
        Attachment out = in;
        out.id = AttachmentId(r->Int(0));
        return out;
    }

    void DeleteAttachment(AttachmentId id) override {
        Exec(s_, "DELETE FROM meeting_attachments WHERE id = :id", Params().Int(id.value));
    }

    bool ContentInUse(const std::string& sha256) override {
        // Meetings' documents and topics' files share the file store.
        return QueryOne(s_, "SELECT 1 FROM meeting_attachments WHERE sha256 = :h LIMIT 1", Params().Text(sha256))
                   .has_value() ||
               QueryOne(s_, "SELECT 1 FROM topic_files WHERE sha256 = :h LIMIT 1", Params().Text(sha256)).has_value();
    }

    std::vector<LeaveRequest> LeaveRequests(MeetingId meeting) override {
        std::vector<LeaveRequest> out;
        for (const Row& r : Query(s_,
                                  "SELECT member_id, member_name, reason, requested_at FROM meeting_leave_requests "
                                  "WHERE meeting_id = :m ORDER BY requested_at, member_id",
                                  Params().Int(meeting.value)))
            out.push_back({MemberId(r.Int(0)), r.Text(1), r.Text(2), r.Int(3)});
        return out;
    }

    void SaveLeaveRequest(MeetingId meeting, const LeaveRequest& request) override {
        Exec(s_, "DELETE FROM meeting_leave_requests WHERE meeting_id = :m AND member_id = :mi",
             Params().Int(meeting.value).Int(request.member.value));
        Exec(s_,
             "INSERT INTO meeting_leave_requests (meeting_id, member_id, member_name, reason, requested_at) VALUES "
             "(:m, :mi, :mn, :r, :at)",
             Params()
                 .Int(meeting.value)
                 .Int(request.member.value)
                 .Text(request.member_name)
                 .Text(request.reason)
                 .Int(request.requested_at));
    }

    std::vector<Amendment> Amendments(MeetingId meeting) override {
        std::vector<Amendment> out;
        for (const Row& r : Query(s_,
                                  "SELECT id, meeting_id, text, reason, created_by, created_at FROM meeting_amendments "
                                  "WHERE meeting_id = :m ORDER BY id",
                                  Params().Int(meeting.value)))
            out.push_back({AmendmentId(r.Int(0)), MeetingId(r.Int(1)), r.Text(2), r.Text(3), r.Text(4), r.Int(5)});
        return out;
    }

    Amendment InsertAmendment(const Amendment& in) override {
        auto r = QueryOne(
            s_,
            "INSERT INTO meeting_amendments (meeting_id, text, reason, created_by, created_at) VALUES "
            "(:m, :t, :r, :b, :at) RETURNING id",
            Params().Int(in.meeting.value).Text(in.text).Text(in.reason).Text(in.created_by).Int(in.created_at));
        Amendment out = in;
        out.id = AmendmentId(r->Int(0));
        return out;
    }

    std::vector<UnexcusedCount> UnexcusedOfRolls(const std::string& path, int year) override {
        // The members whose latest membership begun by the end of the year is in the subtree, then their
        // unexcused absences of the year's held meetings anywhere (by the roll calls' index on members).
        const std::string end = base::Date::FromYmd(year, 12, 31)->ToIso();
        std::vector<UnexcusedCount> out;
        for (const Row& r : Query(
                 s_,
                 "WITH loc AS (SELECT ms.member_id, ms.organization_id AS at FROM memberships ms JOIN organizations o "
                 "ON "
                 "o.id = ms.organization_id WHERE o.path >= :lo AND o.path < :hi AND ms.start_date <= :e1 AND NOT "
                 "EXISTS (SELECT 1 FROM memberships later WHERE later.member_id = ms.member_id AND later.start_date <= "
                 ":e2 AND (later.start_date > ms.start_date OR (later.start_date = ms.start_date AND later.id > "
                 "ms.id)))) SELECT a.member_id, MAX(a.member_name), m.organization_id, MAX(c.name), COUNT(*), "
                 "MAX(loc.at) FROM loc JOIN meeting_attendance a ON a.member_id = loc.member_id JOIN meetings m ON "
                 "m.id "
                 "= a.meeting_id JOIN organizations c ON c.id = m.organization_id WHERE m.year = :y AND m.state IN "
                 "('held', 'minutes_finalised', 'reported') AND a.presence = "
                 "'unexcused' GROUP BY a.member_id, m.organization_id ORDER BY a.member_id, m.organization_id",
                 Params().Text(path).Text(SubtreeEnd(path)).Text(end).Text(end).Int(year)))
            out.push_back({MemberId(r.Int(0)), r.Text(1), OrganizationId(r.Int(2)), r.Text(3),
                           static_cast<int>(r.Int(4)), OrganizationId(r.Int(5))});
        return out;
    }

    std::vector<std::pair<Meeting, AttendanceRecord>> AttendanceOf(MemberId member, int year) override {
        std::map<std::int64_t, AttendanceRecord> records;
        for (const Row& r : Query(s_,
                                  "SELECT meeting_id, member_id, member_name, status_at_meeting, presence, reason FROM "
                                  "meeting_attendance WHERE member_id = :mi",
                                  Params().Int(member.value)))
            records.emplace(r.Int(0), ReadAttendance(r, 1));
        std::vector<std::pair<Meeting, AttendanceRecord>> out;
        for (const Row& r : Query(s_,
                                  std::string("SELECT ") + kMeetingColumns +
                                      " FROM meetings WHERE year = :y AND id IN (SELECT meeting_id FROM "
                                      "meeting_attendance WHERE member_id = :mi) ORDER BY scheduled_on, id",
                                  Params().Int(year).Int(member.value))) {
            Meeting m = ReadMeeting(r);
            out.emplace_back(m, records.at(m.id.value));
        }
        return out;
    }

private:
    std::vector<ResolutionTask> Tasks(const std::string& q, const Params& p) {
        std::vector<ResolutionTask> out;
        for (const Row& r : Query(s_, q, p)) out.push_back(ReadTask(r));
        return out;
    }

    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::MeetingRecordRepository> MakeMeetingRecordRepository(soci::session& session) {
    return std::make_unique<SqlRecords>(session);
}

}  // namespace chibo::storage::sql
