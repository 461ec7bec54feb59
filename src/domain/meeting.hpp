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

using MeetingId = base::Id<struct MeetingTag>;

// A meeting's life (HD 42): planned by the rule, prepared by the chi ủy, notified to members, held,
// its minutes finalised (then locked), reported to the superior. It may be moved (with a reason) while
// not yet held, or cancelled.
enum class MeetingState { kPlanned, kPrepared, kNotified, kHeld, kMinutesFinalised, kReported, kCancelled };

// One occurrence of a cell's meeting, created when it is needed (not years ahead).
struct Meeting {
    MeetingId id;
    OrganizationId organization;  // The cell.
    MeetingKind kind = MeetingKind::kRegular;
    int year = 0;
    int month = 0;
    base::Date date;
    int start_minutes = 0;
    int min_minutes = 0;
    MeetingState state = MeetingState::kPlanned;
    bool shifted = false;  // The rule moved it off a weekend or holiday.
    std::string moved_reason;
    std::string cancelled_reason;
};

// True before the meeting is held: it may still be moved or cancelled.
bool BeforeHeld(MeetingState state);

// Checks a move of `meeting` to `date`: before it is held, with a reason, within its month or the next.
base::Result<void> ValidateMove(const Meeting& meeting, base::Date date, int start_minutes, const std::string& reason);

// "14:00" <-> minutes after midnight.
std::optional<int> ParseClock(std::string_view text);
std::string FormatClock(int minutes);

// Whether a meeting may go from `from` to `to`. Moving a meeting keeps its state (it is not a
// transition); finalised minutes are only ever amended, never reopened.
bool CanTransition(MeetingState from, MeetingState to);
base::Result<void> CheckTransition(MeetingState from, MeetingState to);

// A member's presence at one meeting. Exempt members are not expected.
enum class Presence { kPresent, kLate, kExcused, kUnexcused, kExempt };

// One member's attendance at one meeting, frozen at the meeting: the status and name are copied so
// that later changes to the member do not rewrite history.
struct AttendanceRecord {
    MemberId member;
    std::string member_name;
    MemberStatus status_at_meeting = MemberStatus::kOfficial;
    Presence presence = Presence::kUnexcused;
    std::string reason;  // Required when presence is kExcused.
};

// The membership report the minutes open with (HD 42): totals by status, exempt, present, absent
// with and without reason.
struct AttendanceCounts {
    int official = 0;
    int probationary = 0;
    int temporary = 0;
    int exempt = 0;
    int expected = 0;  // Everyone but the exempt.
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

// A show-of-hands vote on the conclusion or resolution.
struct Vote {
    int in_favour = 0;
    int against = 0;
    int abstaining = 0;
};

// Who may vote: official and probationary members present, except that a probationary member's
// confirmation (and admissions) are voted by official members only.
enum class VoteScope { kAllPresent, kOfficialOnly };

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
};
inline constexpr int kRemovalAbsences = 3;
std::vector<AbsenceFlag> FlagRepeatedAbsences(
    std::span<const std::pair<base::Date, std::vector<AttendanceRecord>>> meetings, int year,
    int threshold = kRemovalAbsences);

// Documents must reach members at least one day before the meeting (HD 42).
bool DocumentsLate(std::int64_t sent_at_unix, std::int64_t meeting_start_unix);
// Finalised documents go to the superior within two days of the meeting.
bool ReportLate(base::Date meeting_day, base::Date reported_on);

std::string_view ToCode(MeetingState state);
std::optional<MeetingState> MeetingStateFromCode(std::string_view code);
std::string_view Label(MeetingState state);
std::string_view ToCode(Presence presence);
std::optional<Presence> PresenceFromCode(std::string_view code);

}  // namespace chibo::domain
