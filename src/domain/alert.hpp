#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "domain/meeting.hpp"
#include "domain/member.hpp"

// Compliance alerts for one cell (domain.md §4, §5): what a committee must look at now. Pure: the
// caller gathers the cell's meetings, roll calls and members; each alert names its evidence (a
// meeting, a member, or the month).
namespace chibo::domain {

enum class AlertKind {
    kMissedRegular,      // A month ended without a regular meeting held.
    kMissedThematic,     // A quarter ended without a thematic meeting held.
    kTooShort,           // Shorter than the minimum duration.
    kLowAttendance,      // Under 90 % of those expected.
    kDocumentsLate,      // Documents reached members less than a day before (or never).
    kMinutesLate,        // Minutes not finalised within 2 days of the meeting.
    kReportLate,         // Not reported within 2 days, or reported late.
    kRepeatedAbsences,   // A member with 3 unexcused absences in the year.
    kConfirmationDue,    // A probationary member's 12 months are up.
    kCommitteeRequired,  // 9 or more official members but no chi ủy.
    kTooFewOfficial,     // Fewer than 3 official members.
    kPetitionOverdue,    // A petition raised at the cell is unanswered past its deadline (visit.hpp).
};

std::string_view ToCode(AlertKind kind);

struct Alert {
    AlertKind kind = AlertKind::kMissedRegular;
    std::optional<MeetingId> meeting;
    std::optional<MemberId> member;
    int year = 0;
    int month = 0;  // The month concerned (0 for none).
    std::string message;
};

// One held (or scheduled) meeting of the cell with its roll call.
struct MeetingEvidence {
    Meeting meeting;
    std::vector<AttendanceRecord> attendance;
};

struct CellAlertInput {
    base::Date active_from;  // The first month the cell owes meetings for (DueMonthsOf): earlier ones are not checked.
    std::vector<MeetingEvidence> meetings;
    std::vector<Member> roll;  // Members on the roll now.
    // The members shown here with 3 unexcused absences this year across cells (FlagAcrossCells); unset:
    // counted from `meetings` alone.
    std::optional<std::vector<AbsenceFlag>> absence_flags;
    bool has_committee = false;
    std::set<int> thematic_months = {3, 6, 9, 12};
};

inline constexpr double kMinAttendance = 0.9;

// "2 lần ở Chi bộ A, 1 lần ở Chi bộ B" when a member was absent in several cells; empty for one.
std::string AbsentInText(const std::vector<AbsenceFlag::Where>& where);

// Every alert of the cell on `today` for the calendar year of `today`, months in order, then members.
std::vector<Alert> CellAlerts(const CellAlertInput& input, base::Date today);

}  // namespace chibo::domain
