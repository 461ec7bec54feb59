#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "domain/ids.hpp"
#include "domain/scorecard.hpp"

// Committee members and staff attending cells (issue 17; domain.md §6): the duty, a fair plan of visits, the
// five-day report and the petitions raised at the cells. Pure rules; the app layer reads the record.
namespace chibo::domain {

using AttendantId = base::Id<struct AttendantTag>;

// What a committee asks of one person who attends cells for it: a grassroots visit (đi cơ sở) every month,
// a cell meeting (dự sinh hoạt chi bộ) every quarter, the report within 5 days of attending.
struct VisitDuty {
    int visits_per_month = 1;
    int meetings_per_quarter = 1;
    int report_days = 5;
};

// A committee member, or a member of staff the committee assigns.
struct Attendant {
    AttendantId id;
    std::string name;
    VisitDuty duty;
};

// How a cell has been doing, as the planner weighs it.
struct CellStanding {
    OrganizationId cell;
    std::string name;
    std::optional<QualityLevel> last_level;  // The latest meeting's quality; unset when never scored.
    std::optional<double> attendance_rate;   // Members present over expected, recent months.
    int missed_meetings = 0;                 // Months of the last year without a regular meeting.
    std::optional<int> months_since_visit;   // Unset: never attended by the committee.
    bool difficult = false;                  // The committee marks it difficult (remote, few members…).
};

// A cell's meeting in one month, when someone attending it is busy.
struct MeetingSlot {
    OrganizationId cell;
    int year = 0;
    int month = 0;
    base::Date date;
    int start_minutes = 0;
    int minutes = 90;
};

// Two meetings one person cannot both attend: the same day, overlapping times.
bool Overlaps(const MeetingSlot& a, const MeetingSlot& b);

// Why a cell comes first: points of weakness and the words that say why (Vietnamese, for the plan).
struct Priority {
    int points = 0;
    std::vector<std::string> reasons;
};

// Weak or difficult cells come first (the articles' complaint: committees visit their model cells): a poor
// last meeting, low attendance, months without a meeting, long unvisited, marked difficult.
Priority PriorityOf(const CellStanding& cell);

enum class VisitKind { kMeeting, kGrassroots };

struct PlannedVisit {
    AttendantId attendant;
    OrganizationId cell;
    VisitKind kind = VisitKind::kMeeting;
    int year = 0;
    int month = 0;
    std::optional<base::Date> date;  // A meeting's day; a grassroots visit is any day of the month.
    int start_minutes = 0;
    std::string reason;  // Why this cell.
};

// A duty the plan could not meet, and why.
struct Shortfall {
    AttendantId attendant;
    VisitKind kind = VisitKind::kMeeting;
    int missing = 0;
    std::string message;
};

struct VisitPlan {
    std::vector<PlannedVisit> visits;
    std::vector<Shortfall> shortfalls;
    std::vector<OrganizationId> uncovered;  // Cells no visit of either kind reaches in the period.
};

// Plans the months [from, to] (a quarter, a year, a term) for `attendants` over `cells`, whose meetings are
// `slots`. Every cell is reached first — a meeting attended where the meetings allow, else a grassroots
// visit — weakest first; the visits left go to the weak cells before the others, at most one attended
// meeting per cell and month. A person never attends two overlapping meetings; each meets their duty per
// quarter and month where that is possible, and a Shortfall says why not. Deterministic.
VisitPlan PlanVisits(std::span<const Attendant> attendants, std::span<const CellStanding> cells,
                     std::span<const MeetingSlot> slots, int from_year, int from_month, int to_year, int to_month);

// The report on an attended meeting is due `report_days` days after it (5: a meeting on the 3rd, the 8th);
// filed later, it is late — from day 6.
base::Date VisitReportDue(base::Date attended_on, int report_days);
bool VisitReportLate(base::Date attended_on, base::Date filed_on, int report_days);

// A petition (kiến nghị) raised at a cell is overdue while unanswered past its deadline (the deadline day
// itself is still in time).
bool PetitionOverdue(base::Date deadline, const std::optional<base::Date>& answered_on, base::Date today);

}  // namespace chibo::domain
