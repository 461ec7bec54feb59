#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "domain/ids.hpp"
#include "domain/meeting.hpp"
#include "domain/organization.hpp"
#include "domain/position.hpp"
#include "domain/task.hpp"

// Thematic meetings (sinh hoạt chuyên đề, domain.md §4; HD 42): a committee orients topics for its
// cells; each cell plans its topics for the year, at least one for every quarter its meeting rule makes
// thematic; a preparer drafts the topic in writing, the chi ủy comments and approves the draft, it is
// sent to the members before the meeting, and the members comment on it.
namespace chibo::domain {

using TopicOrientationId = base::Id<struct TopicOrientationTag>;
using TopicId = base::Id<struct TopicTag>;
using TopicCommentId = base::Id<struct TopicCommentTag>;
using TopicFileId = base::Id<struct TopicFileTag>;

// The quarter (1–4) a month (1–12) falls in.
constexpr int QuarterOfMonth(int month) {
    return (month - 1) / 3 + 1;
}

// A topic a committee orients its cells towards (định hướng chuyên đề) for a year, or one quarter of it:
// what to study and which directive or conclusion it carries out ("Chỉ thị 02-CT/HU").
struct TopicOrientation {
    TopicOrientationId id;
    OrganizationId organization;  // The committee that publishes it.
    int year = 0;
    std::optional<int> quarter;  // 1–4; unset: any quarter of the year.
    std::string title;
    std::string purpose;
    std::string directive;
    std::vector<OrganizationId> cells;  // The cells it is addressed to; empty: every cell of the subtree.
    std::string created_by;
    std::int64_t created_at = 0;
};

// Checks what a committee enters: a year 2000–2100, a quarter 1–4 if any, a title (≤ 300 characters), a
// purpose (≤ 4000) and a directive (≤ 300). Errors name the field, in Vietnamese.
base::Result<void> ValidateOrientation(const TopicOrientation& orientation);

// Whether `orientation`, published by the organisation at `publisher_path`, is addressed to `cell`: a
// cell strictly inside the publisher's subtree, and one of its chosen cells when it chose some.
bool AddressedTo(const TopicOrientation& orientation, std::string_view publisher_path, const Organization& cell);

// A topic's life. A cell's own proposal waits for the superior's decision (accepted: planned; or
// declined); a topic picked from an orientation is planned at once. The preparer's first draft starts
// the drafting, the draft is submitted to the chi ủy, approved, and sent to the members. A new draft
// version takes a submitted or approved topic back to drafting. The states are in workflow order, and
// later ones (discussed at the meeting, resolved, reported) go after kSent.
enum class TopicState { kProposed, kDeclined, kPlanned, kDrafting, kSubmitted, kApproved, kSent };

// Whether a topic may go from `from` to `to`, and the same as an error: a conflict naming the state.
bool CanTopicTransition(TopicState from, TopicState to);
base::Result<void> CheckTopicTransition(TopicState from, TopicState to);
// The state a new draft version leaves the topic in: drafting, from planned, drafting, submitted or
// approved (an approved draft changed needs approving again). A conflict before the topic is accepted
// and once the draft was sent.
base::Result<TopicState> StateAfterNewDraft(TopicState state);
// Accepted by the superior (planned or later, not declined): what the plan counts.
bool Accepted(TopicState state);
// The draft has reached the members: they may read it and comment.
bool SentToMembers(TopicState state);

// Who prepares a topic (HD 42): a chi ủy member working with the secretary, a party group of the cell,
// or the superior committee member in charge of the cell.
enum class PreparerKind { kCommitteeMember, kPartyGroup, kSuperiorOfficial };

struct TopicPreparer {
    PreparerKind kind = PreparerKind::kCommitteeMember;
    std::optional<MemberId> member;             // kCommitteeMember.
    std::optional<OrganizationId> party_group;  // kPartyGroup.
    std::string name;  // The official's name (kSuperiorOfficial); the member's or group's, for display.
};

// A thematic topic in a cell's plan, with where its draft stands.
// What a cell records of a topic at year end (issue 16: the group that prepared a topic well is praised,
// or a lesson is drawn).
enum class TopicAssessment { kCommendation, kLesson };  // Biểu dương, Rút kinh nghiệm.

struct Topic {
    TopicId id;
    OrganizationId organization;  // The cell.
    std::optional<TopicOrientationId> orientation;
    int year = 0;
    int quarter = 1;
    std::string title;
    std::string purpose;
    std::string directive;
    std::optional<TopicPreparer> preparer;
    std::optional<MeetingId> meeting;  // The cell's thematic meeting of the quarter that discusses it.
    TopicState state = TopicState::kPlanned;
    std::string decline_reason;
    std::string created_by;
    std::int64_t created_at = 0;
    std::string decided_by;  // The superior who accepted or declined a proposal.
    std::optional<std::int64_t> decided_at;
    int draft_count = 0;  // Versions are numbered 1, 2, 3…; the latest is this one.
    std::optional<std::int64_t> submitted_at;
    std::optional<int> approved_version;
    std::string approved_by;
    std::optional<std::int64_t> approved_at;
    std::optional<int> sent_version;
    std::string sent_by;
    std::optional<std::int64_t> sent_at;
    std::optional<TopicAssessment> assessment;
    std::string assessment_note;  // What was praised, or the lesson.
    std::string assessed_by;
    std::optional<std::int64_t> assessed_at;
};

// Checks a topic's fields: a year 2000–2100, a quarter 1–4, a title (≤ 300 characters), a purpose
// (≤ 4000), a directive (≤ 300), a superior official's name (1–200) when that is the preparer.
base::Result<void> ValidateTopic(const Topic& topic);

// Checks the link to a meeting: the cell's own thematic meeting, of the topic's year and quarter (the
// month it counts for).
base::Result<void> CheckMeetingLink(const Topic& topic, const Meeting& meeting);

// Whether the draft reached the members less than `lead_seconds` before the linked meeting's start (the
// rule for the documents of a regular meeting, DocumentsLate). False until it is sent and linked.
bool DraftLate(const Topic& topic, const std::optional<Meeting>& meeting,
               std::int64_t lead_seconds = kDocumentsLeadSeconds);

// The quarters of `year` that need a topic and have none accepted: those with a month the rule makes
// thematic that the cell owes (DueMonths). Topics of other years and cells' proposals still waiting or
// declined do not count. Sorted.
std::vector<int> QuartersWithoutTopic(const std::set<int>& thematic_months, const DueMonths& due, int year,
                                      std::span<const Topic> topics);

// One saved version of a draft (never rewritten).
struct TopicDraft {
    TopicId topic;
    int number = 0;
    std::string text;  // Empty in lists of versions.
    std::string created_by;
    std::string author_name;
    std::int64_t created_at = 0;
};

// Longest draft accepted, in characters.
inline constexpr std::size_t kMaxDraftChars = 100'000;
// Checks a draft's text: not blank, at most kMaxDraftChars characters.
base::Result<void> ValidateDraftText(std::string_view text);

// A file attached to an orientation (the directive, guidance) or uploaded as a version of a topic's draft
// (a DOCX or PDF written outside chibo); stored by its hash like a meeting's documents.
struct TopicFile {
    TopicFileId id;
    std::optional<TopicOrientationId> orientation;
    std::optional<TopicId> topic;
    int version = 0;  // The draft version it is (a topic's file); 0 for an orientation's.
    std::string file_name;
    std::string content_type;
    std::int64_t size = 0;
    std::string sha256;
    std::string uploaded_by;
    std::int64_t uploaded_at = 0;
};

// Files an orientation may carry.
inline constexpr std::size_t kMaxOrientationFiles = 10;

// A review comment of the chi ủy on a draft, or a member's contribution to the sent draft.
enum class CommentKind { kReview, kMember };

struct TopicComment {
    TopicCommentId id;
    TopicId topic;
    CommentKind kind = CommentKind::kReview;
    int version = 0;  // The draft version commented on.
    std::optional<MemberId> member;
    std::string author;  // Username.
    std::string author_name;
    std::string text;
    std::int64_t created_at = 0;
};

// What the actor is to a topic's cell, as the topic rules read it.
struct TopicStanding {
    bool writes_cell = false;      // Plans and drafts the cell's topics (its secretary, the committees above).
    bool writes_superior = false;  // Writes the cell's parent: decides the cell's proposals.
    // The chi ủy position the actor's member holds in the cell today (secretary, deputy or committee
    // member; the strongest when several).
    std::optional<PositionKind> position;
    bool on_roll = false;  // The actor's member is on the cell's roll.
};

// The chi ủy approves a draft (and reviews it): in a cell that has one, its secretary, deputy and
// committee members; in a cell without a chi ủy (no committee member in office), its secretary.
bool MayApprove(const TopicStanding& standing, bool cell_has_committee);
// Who reads the drafts before they are sent: the cell's writers and the holders of its chi ủy positions.
bool MaySeeDrafts(const TopicStanding& standing);
// The kind of comment the actor leaves on a topic in `state`: a review by the chi ủy once there is a
// draft; a member's comment by a member on the cell's roll, only on the sent draft. Errors: permission
// denied for anyone else, a conflict when the state does not allow it.
base::Result<CommentKind> CheckComment(const TopicStanding& standing, bool cell_has_committee, TopicState state);

// Longest comment accepted, in characters.
inline constexpr std::size_t kMaxCommentChars = 4000;

// How a cell covered a quarter's thematic meeting (issue 16, "the superior sees per quarter which cells
// held a thematic meeting, which produced a resolution, which reported late, and the topics chosen most").
struct CellCoverage {
    OrganizationId cell;
    std::string cell_name;
    std::optional<TopicId> topic;  // The cell's accepted topic of the quarter (linked to a meeting, else the first).
    std::string topic_title;
    std::optional<TopicState> topic_state;
    std::optional<MeetingId> meeting;  // Its thematic meeting counting for the quarter (the topic's, or the first).
    std::optional<base::Date> meeting_date;
    bool held = false;              // The meeting took place.
    std::string resolution_number;  // Its minutes and resolution finalised: the resolution's number.
    bool reported = false;
    bool report_late = false;  // ReportLate.
};

struct QuarterCoverage {
    int year = 0;
    int quarter = 1;
    std::vector<CellCoverage> cells;  // The cells owing a month of the quarter, in the order given.
    int with_topic = 0;
    int held = 0;
    int resolved = 0;
    int reported = 0;
    int reported_late = 0;
    // The orientations the cells' topics of the quarter picked, most chosen first (then by id).
    std::vector<std::pair<TopicOrientationId, int>> orientations_chosen;
};

// The quarter's coverage from the subtree's cells (organisations of other kinds, and cells not owing a
// month of the quarter by DueMonthsOf, are left out), their meetings (a thematic meeting counts for the
// quarter of the month it belongs to, also when moved) and their topics (accepted ones of that year and
// quarter; the orientations counted over them).
QuarterCoverage CoverageOf(int year, int quarter, std::span<const Organization> cells,
                           std::span<const Meeting> meetings, std::span<const Topic> topics);

// Longest assessment note accepted, in characters.
inline constexpr std::size_t kMaxAssessmentChars = 2000;

// Whether a topic may be assessed on `today`: an accepted topic (not a proposal waiting or declined) whose
// thematic meeting was held, or whose year is over (a topic never discussed draws a lesson). Errors: a
// conflict saying which.
base::Result<void> MayAssess(const Topic& topic, const std::optional<Meeting>& meeting, base::Date today);

// Checks a year-end assessment: MayAssess, and a note of 1–kMaxAssessmentChars characters (invalid).
base::Result<void> CheckAssessment(const Topic& topic, const std::optional<Meeting>& meeting, std::string_view note,
                                   base::Date today);

// What came of one topic, as the year-end review reads it.
struct TopicOutcome {
    Topic topic;
    std::optional<base::Date> meeting_date;
    bool held = false;        // Its meeting took place.
    bool held_late = false;   // …after the month it belongs to (HeldLate).
    bool draft_late = false;  // DraftLate.
    int present = 0;          // Present or late at the meeting.
    int speakers = 0;         // Members who spoke (each once).
    int measures = 0;         // Tasks the meeting's resolution set.
    int measures_done = 0;    // …done by now.
};

TopicOutcome OutcomeOf(const Topic& topic, const std::optional<Meeting>& meeting,
                       std::span<const AttendanceRecord> attendance, std::span<const Opinion> opinions,
                       std::span<const ResolutionTask> tasks, std::int64_t lead_seconds = kDocumentsLeadSeconds);

// A preparer's year (a party group, a chi ủy member or the superior official) in one cell: how the topics
// it prepared went.
struct PreparerYear {
    OrganizationId cell;
    TopicPreparer preparer;
    int topics = 0;
    int held = 0;
    int on_time = 0;  // Held in their month with the draft sent in time.
    int speakers = 0;
    int measures = 0;
    int measures_done = 0;
    int commendations = 0;
    int lessons = 0;
};

// The outcomes grouped by cell and preparer (a party group or member by id, a superior official by name),
// in the order first met; topics without a preparer are left out.
std::vector<PreparerYear> ByPreparer(std::span<const TopicOutcome> outcomes);

std::string_view ToCode(TopicAssessment assessment);
std::optional<TopicAssessment> TopicAssessmentFromCode(std::string_view code);
std::string_view Label(TopicAssessment assessment);
std::string_view ToCode(TopicState state);
std::optional<TopicState> TopicStateFromCode(std::string_view code);
std::string_view Label(TopicState state);
std::string_view ToCode(PreparerKind kind);
std::optional<PreparerKind> PreparerKindFromCode(std::string_view code);
std::string_view ToCode(CommentKind kind);
std::optional<CommentKind> CommentKindFromCode(std::string_view code);

}  // namespace chibo::domain
