#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/common.hpp"
#include "app/visit_service.hpp"
#include "base/clock.hpp"
#include "domain/file_store.hpp"
#include "domain/meeting.hpp"
#include "domain/meeting_rule.hpp"
#include "domain/scorecard.hpp"
#include "domain/store.hpp"
#include "domain/task.hpp"
#include "domain/topic.hpp"

namespace chibo::app {

struct RuleSource {
    domain::Organization organization;
    domain::MeetingRuleOverride own;
};

struct RuleView {
    domain::MeetingRuleOverride own;  // This organisation's settings.
    domain::MeetingRule effective;    // In force after inheritance.
    std::vector<RuleSource> sources;  // Ancestors that set something, root first.
};

// One line of a cell's calendar: what the rule expects, or the occurrence when it exists.
struct CalendarEntry {
    std::optional<domain::MeetingId> id;
    domain::Meeting meeting;  // id unset while only expected.
};

struct Warning {
    std::string code;
    std::string message;
};

// A meeting with everything the record screens and documents need. Members who do not write see
// only their own leave request.
struct MeetingView {
    domain::Meeting meeting;
    std::string organization_name;
    std::string superior_name;   // The cell's parent organisation ("Đảng bộ xã Hòa An").
    std::string secretary_name;  // The cell's secretary in office.
    bool can_write = false;
    std::vector<domain::AttendanceRecord> attendance;
    std::vector<domain::Opinion> opinions;
    std::vector<domain::ResolutionTask> tasks;                       // Set by this meeting's resolution.
    std::vector<domain::ResolutionTask> review;                      // Earlier tasks the meeting reviews.
    std::map<domain::MeetingId, domain::TaskOrigin> review_origins;  // The meetings that set them.
    std::vector<domain::Attachment> attachments;
    std::vector<domain::LeaveRequest> leave_requests;
    std::optional<domain::LeaveRequest> my_leave_request;
    std::vector<domain::Amendment> amendments;
    std::vector<domain::MeetingScore> scores;  // The latest score of each column (cell, then superior).
    std::vector<Warning> warnings;
    bool documents_late = false;
    bool report_late = false;
    int eligible = 0;                    // Voters present for the record's vote scope.
    std::optional<domain::Topic> topic;  // A thematic meeting's topic, when one is linked to it.
    domain::SessionLength session;       // How long it lasted against its minimum, alone or combined.
    // The people the superior committees assigned who may be recorded as the official attending (writers
    // only), and the one recorded.
    std::vector<SuperiorCandidate> superior_candidates;
    std::optional<SuperiorCandidate> superior_attendant;
};

struct PreparationInput {
    std::optional<domain::MemberId> preparer;
    std::string place;
    std::optional<base::Date> committee_meeting_on;
    std::string committee_meeting_notes;
    std::vector<std::string> agenda;
    std::string superior_official;
};

struct AttendanceInput {
    domain::MemberId member;
    domain::Presence presence = domain::Presence::kPresent;
    std::string reason;
};

struct TaskInput {
    std::optional<domain::MemberId> assignee;
    std::string description;
    base::Date deadline;
};

struct TaskReviewInput {
    domain::TaskId task;
    domain::TaskOutcome outcome = domain::TaskOutcome::kOpen;
    std::string result;
};

// The sections of a record to replace; absent sections keep what is saved.
struct RecordPatch {
    std::optional<std::optional<int>> started_minutes;
    std::optional<std::optional<int>> ended_minutes;
    std::optional<std::optional<domain::MemberId>> chair;
    std::optional<std::optional<domain::MemberId>> minute_taker;
    std::optional<std::vector<std::string>> guests;
    std::optional<bool> superior_attended;
    // The superior official attending, linked to the person (one of MeetingView::superior_candidates).
    std::optional<std::optional<domain::AttendantId>> superior_attendant;
    std::optional<std::vector<AttendanceInput>> attendance;
    std::optional<std::vector<domain::Opinion>> opinions;
    std::optional<std::string> conclusion;
    std::optional<std::string> resolution;
    std::optional<std::optional<domain::Vote>> vote;
    std::optional<domain::VoteScope> vote_scope;
    std::optional<std::vector<TaskInput>> tasks;
    std::optional<std::vector<TaskReviewInput>> review;
};

struct AttachmentContent {
    domain::Attachment attachment;
    std::string content;
};

struct AttendanceHistory {
    std::vector<std::pair<domain::Meeting, domain::AttendanceRecord>> items;
};

struct AbsenceFlagView {
    domain::AbsenceFlag flag;
    domain::OrganizationId organization;
    std::string organization_name;
};

// The meetings of a private calendar feed, with the name of each meeting's cell.
struct CalendarFeed {
    std::string owner;
    std::vector<std::pair<domain::Meeting, std::string>> meetings;
    // The meetings the owner attends for a committee by a published plan (the meeting when it exists, else
    // the day the rule expects), with the visit.
    std::vector<std::pair<domain::Meeting, PlannedVisitView>> visits;
};

// Meeting rules (inherited down the tree, overridable by a cell) and each cell's meetings, laid out by
// the rule and created when needed.
class MeetingService {
public:
    // Occurrences may be created up to this many months after the current one.
    static constexpr int kMonthsAhead = 12;

    // Uploaded files are at most this large.
    static constexpr std::size_t kMaxAttachmentBytes = std::size_t{20} * 1024 * 1024;

    MeetingService(domain::Store& store, domain::FileStore& files, const base::Clock& clock)
        : store_(store), files_(files), clock_(clock) {}

    base::Result<RuleView> GetRule(const domain::Actor& actor, domain::OrganizationId organization);
    base::Result<RuleView> SaveRule(const domain::Actor& actor, domain::OrganizationId organization,
                                    const domain::MeetingRuleOverride& rule);
    base::Result<std::vector<CalendarEntry>> Calendar(const domain::Actor& actor, domain::OrganizationId cell,
                                                      int year);
    base::Result<MeetingView> Open(const domain::Actor& actor, domain::OrganizationId cell, domain::MeetingKind kind,
                                   int year, int month);
    base::Result<MeetingView> Get(const domain::Actor& actor, domain::MeetingId id);
    // The meeting, for its minutes and resolution: NotFound for a member until they are issued.
    base::Result<MeetingView> ForDocuments(const domain::Actor& actor, domain::MeetingId id);
    base::Result<MeetingView> Move(const domain::Actor& actor, domain::MeetingId id, base::Date date,
                                   std::optional<int> start_minutes, const std::string& reason);
    base::Result<MeetingView> Cancel(const domain::Actor& actor, domain::MeetingId id, const std::string& reason);

    // Preparation and notice (HD 42): before the meeting is held.
    base::Result<MeetingView> SavePreparation(const domain::Actor& actor, domain::MeetingId id,
                                              const PreparationInput& input);
    base::Result<domain::Attachment> AddAttachment(const domain::Actor& actor, domain::MeetingId id,
                                                   const std::string& file_name, const std::string& content_type,
                                                   const std::string& content);
    base::Result<AttachmentContent> GetAttachment(const domain::Actor& actor, domain::MeetingId id,
                                                  domain::AttachmentId attachment);
    base::Result<void> DeleteAttachment(const domain::Actor& actor, domain::MeetingId id,
                                        domain::AttachmentId attachment);
    base::Result<MeetingView> Notify(const domain::Actor& actor, domain::MeetingId id);
    // The signed-in member asks leave from a notified meeting of their cell.
    base::Result<domain::LeaveRequest> AskLeave(const domain::Actor& actor, domain::MeetingId id,
                                                const std::string& reason);

    // The meeting itself.
    base::Result<std::vector<domain::AttendanceRecord>> Roll(const domain::Actor& actor, domain::MeetingId id);
    base::Result<MeetingView> SaveRecord(const domain::Actor& actor, domain::MeetingId id, const RecordPatch& patch);
    base::Result<MeetingView> Finalise(const domain::Actor& actor, domain::MeetingId id);
    base::Result<domain::Amendment> Amend(const domain::Actor& actor, domain::MeetingId id, const std::string& text,
                                          const std::string& reason);
    base::Result<MeetingView> Report(const domain::Actor& actor, domain::MeetingId id);

    // Members, absences and calendars.
    base::Result<std::vector<MeetingView>> MyMeetings(const domain::Actor& actor);
    base::Result<AttendanceHistory> Attendance(const domain::Actor& actor, domain::MemberId member, int year);
    base::Result<std::vector<AbsenceFlagView>> AbsenceFlags(const domain::Actor& actor,
                                                            domain::OrganizationId organization, int year);
    base::Result<std::optional<std::int64_t>> CalendarFeedCreatedAt(const domain::Actor& actor);
    // A new feed token for the actor (the old one stops working); the token is shown once.
    base::Result<std::string> NewCalendarFeed(const domain::Actor& actor);
    base::Result<CalendarFeed> FeedMeetings(const std::string& token);

private:
    domain::Store& store_;
    domain::FileStore& files_;
    const base::Clock& clock_;
};

}  // namespace chibo::app
