#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/date.hpp"
#include "domain/meeting.hpp"
#include "domain/task.hpp"

namespace chibo::domain {

// What happens at a meeting, kept beside the occurrence: the roll call, opinions, the tasks its
// resolution sets, attachments, leave requests and amendments to finalised minutes.
class MeetingRecordRepository {
public:
    virtual ~MeetingRecordRepository() = default;

    // The roll call, in the order saved; replaced as a whole.
    virtual std::vector<AttendanceRecord> Attendance(MeetingId meeting) = 0;
    virtual void SaveAttendance(MeetingId meeting, const std::vector<AttendanceRecord>& records) = 0;
    virtual std::vector<Opinion> Opinions(MeetingId meeting) = 0;
    virtual void SaveOpinions(MeetingId meeting, const std::vector<Opinion>& opinions) = 0;

    // The tasks a meeting's resolution sets, in order; replaced as a whole (ids change).
    virtual std::vector<ResolutionTask> TasksSetBy(MeetingId meeting) = 0;
    virtual void ReplaceTasksSetBy(MeetingId meeting, OrganizationId cell,
                                   const std::vector<ResolutionTask>& tasks) = 0;
    // Tasks set by the cell's meetings dated before `before` (not cancelled), by deadline.
    virtual std::vector<ResolutionTask> TasksOfCellBefore(OrganizationId cell, base::Date before) = 0;
    virtual std::vector<ResolutionTask> TasksReviewedIn(MeetingId meeting) = 0;
    // Saves the outcome, result and reviewing meeting of a task.
    virtual void SaveTaskReview(const ResolutionTask& task) = 0;

    virtual std::vector<Attachment> Attachments(MeetingId meeting) = 0;
    virtual Attachment InsertAttachment(const Attachment& attachment) = 0;
    virtual void DeleteAttachment(AttachmentId id) = 0;
    // Whether any attachment (of any meeting) still refers to the content.
    virtual bool ContentInUse(const std::string& sha256) = 0;

    virtual std::vector<LeaveRequest> LeaveRequests(MeetingId meeting) = 0;
    // Inserts or replaces the member's request.
    virtual void SaveLeaveRequest(MeetingId meeting, const LeaveRequest& request) = 0;

    virtual std::vector<Amendment> Amendments(MeetingId meeting) = 0;
    virtual Amendment InsertAmendment(const Amendment& amendment) = 0;

    // The unexcused absences in `year`, by member and cell where they happened, of the members whose flag
    // is shown in the subtree at `path` (FlagAcrossCells), by member.
    virtual std::vector<UnexcusedCount> UnexcusedOfRolls(const std::string& path, int year) = 0;
    // One member's attendance records in `year`, with each meeting, by date.
    virtual std::vector<std::pair<Meeting, AttendanceRecord>> AttendanceOf(MemberId member, int year) = 0;
};

}  // namespace chibo::domain
