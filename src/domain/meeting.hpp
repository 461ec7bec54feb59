#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/ids.hpp"
#include "domain/meeting_rule.hpp"
#include "domain/member.hpp"

namespace chibo::domain {

using AttachmentId = base::Id<struct AttachmentTag>;
using AmendmentId = base::Id<struct AmendmentTag>;

// A meeting's life (HD 42): planned by the rule, prepared by the chi ủy, notified to members, held,
// its minutes finalised (then locked), reported to the superior. It may be moved (with a reason) while
// not yet held, or cancelled.
enum class MeetingState { kPlanned, kPrepared, kNotified, kHeld, kMinutesFinalised, kReported, kCancelled };

// A show-of-hands vote on the conclusion or resolution.
struct Vote {
    int in_favour = 0;
    int against = 0;
    int abstaining = 0;
};

// Who may vote: official and probationary members present, except that a probationary member's
// confirmation (and admissions) are voted by official members only.
enum class VoteScope { kAllPresent, kOfficialOnly };

// What the chi ủy prepares before a meeting (HD 42): who prepares, its own preparation meeting, the
// agenda, the place, and the superior committee member who follows the cell.
struct MeetingPreparation {
    std::optional<MemberId> preparer;
    std::string preparer_name;
    std::string place;
    std::optional<base::Date> committee_meeting_on;
    std::string committee_meeting_notes;
    std::vector<std::string> agenda;
    std::string superior_official;
};

// What happened at the meeting, as the minutes record it (besides the roll call and the opinions,
// which are stored apart).
struct MeetingRecord {
    std::optional<int> started_minutes;
    std::optional<int> ended_minutes;
    std::optional<MemberId> chair;
    std::string chair_name;
    std::optional<MemberId> minute_taker;
    std::string minute_taker_name;
    std::vector<std::string> guests;
    bool superior_attended = false;
    // The person the superior committee assigned who attended (visit.hpp), when recorded.
    std::optional<AttendantId> superior_attendant;
    std::string conclusion;
    std::string resolution;
    std::optional<Vote> vote;
    VoteScope vote_scope = VoteScope::kAllPresent;
    // Share of the earlier tasks reviewed at this meeting that were met (see TargetsMetShare).
    std::optional<double> targets_met_share;
};

// One speaker's opinion, in the order spoken. A guest speaks without a member id.
struct Opinion {
    std::optional<MemberId> speaker;
    std::string speaker_name;
    std::string summary;
    bool accepted = false;  // What it proposed is taken into the final text (tiếp thu), as a thematic meeting marks.
};

// One occurrence of a cell's meeting, created when it is needed (not years ahead).
struct Meeting {
    MeetingId id;
    OrganizationId organization;  // The cell.
    MeetingKind kind = MeetingKind::kRegular;
    int year = 0;
    int month = 0;
    base::Date date;
    int start_minutes = 0;
    int min_minutes = 0;           // The meeting alone lasts at least this long (HD 42: 90 minutes)…
    int combined_min_minutes = 0;  // …and a combined session with it at least this long (120).
    MeetingState state = MeetingState::kPlanned;
    bool shifted = false;  // The rule moved it off a weekend or holiday.
    std::string moved_reason;
    std::string cancelled_reason;

    MeetingPreparation preparation;
    std::optional<std::int64_t> notified_at;        // Unix seconds.
    std::optional<std::int64_t> documents_sent_at;  // When the documents reached members.
    MeetingRecord record;
    std::optional<std::int64_t> finalised_at;
    std::string minutes_number;     // "03-BB/CB", set when the minutes are finalised.
    std::string resolution_number;  // "03-NQ/CB".
    std::optional<std::int64_t> reported_at;

    // The instant the meeting is due to start (Vietnam time).
    std::int64_t StartsAt() const;
    // True once the minutes are finalised: the record may then only be amended.
    bool Locked() const;
    // Minutes between the recorded start and end; nullopt until both are recorded.
    std::optional<int> Duration() const;
};

// A member's request to be excused from a meeting, with the reason the roll call proposes.
struct LeaveRequest {
    MemberId member;
    std::string member_name;
    std::string reason;
    std::int64_t requested_at = 0;
};

// A file attached to a meeting (draft resolution, documents from above), stored by content hash.
struct Attachment {
    AttachmentId id;
    MeetingId meeting;
    std::string file_name;
    std::string content_type;
    std::int64_t size = 0;
    std::string sha256;  // Lower-case hex; the file's name in the file store.
    std::int64_t uploaded_at = 0;
    std::string uploaded_by;
};

// A correction to finalised minutes: the minutes stay as they were, the amendment is its own record.
struct Amendment {
    AmendmentId id;
    MeetingId meeting;
    std::string text;
    std::string reason;
    std::string created_by;
    std::int64_t created_at = 0;
};

// Checks the preparation before it is saved: the chi ủy meeting not after the meeting itself, at
// most 20 agenda items, none empty.
base::Result<void> ValidatePreparation(const Meeting& meeting, const MeetingPreparation& preparation);

// How long a meeting lasted against the minimum it must reach (HD 42). Alone, its own record against its own
// minimum. A regular and a thematic meeting of one cell's month held on the same day form one combined
// session: the session runs from the earlier recorded start to the later recorded end and must reach the
// longer combined minimum of the two (120 minutes by default), whichever record is read.
struct SessionLength {
    std::optional<int> minutes;  // Unset until the times are recorded.
    int min_minutes = 0;
    bool combined = false;
    std::optional<MeetingId> partner;  // The other meeting of a combined session.

    // Whether the session is shorter than its minimum; nullopt until the times are recorded.
    std::optional<bool> TooShort() const;
};

// The session `meeting` was held in; `other` is the cell's meeting of the other kind for the same month,
// if any (a cancelled one never combines).
SessionLength SessionOf(const Meeting& meeting, const Meeting* other);

// True before the meeting is held: it may still be moved or cancelled.
bool BeforeHeld(MeetingState state);
// True once it took place: held, its minutes finalised, or reported.
bool Held(MeetingState state);

// "thường kỳ" / "chuyên đề", as sentences write the kind.
std::string_view KindWords(MeetingKind kind);
// "Sinh hoạt thường kỳ tháng 10/2026".
std::string MeetingTitle(const Meeting& meeting);
// The first day of the month a meeting counts for: its own month, even when moved into the next one.
base::Date MonthStartOf(const Meeting& meeting);
// Held after its month: moved into the next one (it still counts for its own, held late).
bool HeldLate(const Meeting& meeting);

// Checks a move of `meeting` to `date`: before it is held, with a reason, within its month or the next.
base::Result<void> ValidateMove(const Meeting& meeting, base::Date date, int start_minutes, const std::string& reason);

// "14:00" <-> minutes after midnight.
std::optional<int> ParseClock(std::string_view text);
std::string FormatClock(int minutes);

// Whether a meeting may go from `from` to `to`. Moving a meeting keeps its state (it is not a
// transition); finalised minutes are only ever amended, never reopened.
bool CanTransition(MeetingState from, MeetingState to);
base::Result<void> CheckTransition(MeetingState from, MeetingState to);

// A member's presence at one meeting. Exempt members, and members away with a temporary transfer letter
// running on the meeting's day (they attend the host), are not expected.
enum class Presence { kPresent, kLate, kExcused, kUnexcused, kExempt, kAway };

// Whether the member was expected at the meeting: every presence but exempt and away.
bool ExpectedAt(Presence presence);

// One member's attendance at one meeting, frozen at the meeting: the status and name are copied so
// that later changes to the member do not rewrite history.
struct AttendanceRecord {
    MemberId member;
    std::string member_name;
    MemberStatus status_at_meeting = MemberStatus::kOfficial;
    Presence presence = Presence::kUnexcused;
    std::string reason;  // Required when presence is kExcused; the letter when kAway.
};

// The membership report the minutes open with (HD 42): totals by status, exempt, present, absent
// with and without reason.
struct AttendanceCounts {
    int total = 0;  // Everyone on the roll call.
    int official = 0;
    int probationary = 0;
    int temporary = 0;
    int working_away = 0;  // On the roll, working away (status).
    int exempt = 0;
    int away = 0;      // Giới thiệu sinh hoạt tạm thời đi nơi khác: a letter ran on the meeting day.
    int expected = 0;  // Everyone but the exempt and the away.
    int present = 0;   // Present or late.
    int excused = 0;
    int unexcused = 0;

    // present / expected; nullopt when nobody was expected.
    std::optional<double> AttendanceRate() const;
};

AttendanceCounts CountAttendance(std::span<const AttendanceRecord> records);

// Checks a roll call before it is saved: an excused absence needs its reason; an exempt member must be
// marked exempt only when exempt on the roll.
base::Result<void> ValidateRollCall(std::span<const AttendanceRecord> records);

int EligibleVoters(std::span<const AttendanceRecord> records, VoteScope scope);

// Every count non-negative and the total at most the eligible voters present. Errors name the field.
base::Result<void> ValidateVote(const Vote& vote, int eligible);

// "x/y đồng chí tán thành, đạt z %" with z rounded to a whole percent (the documents' wording), where y
// is the number eligible and present.
std::string VoteSentence(const Vote& vote, int eligible);

// A resolution passes with more than half of the eligible voters present in favour.
bool Adopted(const Vote& vote, int eligible);

// Members with at least `threshold` unexcused absences from the meetings of one calendar year: the
// trigger for considering removal (Party Charter). `meetings` pairs each meeting's date with its
// records. Returns member ids with their count, most absences first.
struct AbsenceFlag {
    MemberId member;
    std::string member_name;
    int unexcused = 0;
    // Across cells (FlagAcrossCells): where the flag is shown and where the absences happened.
    struct Where {
        OrganizationId cell;
        std::string cell_name;
        int unexcused = 0;
    };
    OrganizationId shown_at;
    std::vector<Where> absent_in;
};
inline constexpr int kRemovalAbsences = 3;
std::vector<AbsenceFlag> FlagRepeatedAbsences(
    std::span<const std::pair<base::Date, std::vector<AttendanceRecord>>> meetings, int year,
    int threshold = kRemovalAbsences);

// The Charter's rule is about the member, not the cell: a member's unexcused absences of a year add up
// over every cell they were in, and the flag is shown at the cell whose roll they were last on that year
// (the latest membership begun by 31/12), so that its secretary sees it.
struct UnexcusedCount {
    MemberId member;
    std::string member_name;
    OrganizationId cell;  // Where the absences happened.
    std::string cell_name;
    int count = 0;
    OrganizationId shown_at;
};
// Rows by member; returns the members at or over `threshold`, most absences first, then by member id.
std::vector<AbsenceFlag> FlagAcrossCells(std::span<const UnexcusedCount> counts, int threshold = kRemovalAbsences);

// Documents must reach members at least one day before the meeting (HD 42): late when sent less than
// `lead_seconds` before its start. The same rule flags a thematic draft sent late (domain/topic.hpp),
// where a locality may configure another lead time.
inline constexpr std::int64_t kDocumentsLeadSeconds = std::int64_t{24} * 3600;
bool DocumentsLate(std::int64_t sent_at_unix, std::int64_t meeting_start_unix,
                   std::int64_t lead_seconds = kDocumentsLeadSeconds);
// Finalised documents go to the superior within two days of the meeting.
bool ReportLate(base::Date meeting_day, base::Date reported_on);

// Checks a record against its roll call: times in order, the vote within those eligible and present,
// the chair, minute taker and member speakers present. Errors name the field.
base::Result<void> ValidateRecord(const MeetingRecord& record, std::span<const AttendanceRecord> attendance,
                                  std::span<const Opinion> opinions);

// What the minutes need before they are finalised (roll call, times, conclusion, vote); the first
// missing item as an error.
base::Result<void> CheckFinalisable(const Meeting& meeting, std::span<const AttendanceRecord> attendance);

std::string_view ToCode(MeetingState state);
std::optional<MeetingState> MeetingStateFromCode(std::string_view code);
std::string_view Label(MeetingState state);
std::string_view ToCode(Presence presence);
std::optional<Presence> PresenceFromCode(std::string_view code);
std::string_view Label(Presence presence);
std::string_view ToCode(VoteScope scope);
std::optional<VoteScope> VoteScopeFromCode(std::string_view code);

}  // namespace chibo::domain
