#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/meeting.hpp"
#include "domain/organization.hpp"
#include "domain/scorecard.hpp"

// The statistics engine behind the dashboards (performance.md D1–D3): per cell and month counters
// held in Fenwick trees over the cells in depth-first order, so that a subtree (a contiguous run of
// that order) and a period answer in O(months × log cells), plus bitmaps over the same order, one per
// month, for the figures that are not sums ("held every required meeting"): AND and OR over the period's
// months, 64 cells to a word, then a popcount (decision 0007).
// Maintained meeting by meeting; rebuilt from the store at start. Pure: no I/O, not thread-safe (the
// app layer guards it).
namespace chibo::domain {

// A month as one number: year × 12 + month − 1.
int MonthNumber(int year, int month);
int MonthOf(base::Date day);
int YearOfMonth(int month);
int MonthOfYear(int month);  // 1–12.
// "2026-Q2" of the quarter a month number falls in, as grading periods and the API name quarters.
inline std::string QuarterCode(int month) {
    return std::to_string(YearOfMonth(month)) + "-Q" + std::to_string((MonthOfYear(month) - 1) / 3 + 1);
}

// An inclusive range of months.
struct MonthRange {
    int first = 0;
    int last = 0;
};

// The calendar year whose unexcused absences a period's figures count: the year of its last month, or
// of this month when the period runs into the future.
int FlaggedYearOf(MonthRange months, base::Date today);

// Months the engine keeps: January 2000 to December 2041.
constexpr int kFirstStatMonth = 2000 * 12;
constexpr int kStatMonths = 42 * 12;

// One meeting's contribution.
struct MeetingFigures {
    OrganizationId cell;
    MeetingKind kind = MeetingKind::kRegular;
    int month = 0;
    bool held = false;
    int expected = 0;                   // On the roll call, not exempt.
    int present = 0;                    // Present or late.
    std::optional<QualityLevel> level;  // The superior's latest score if any, else the cell's.
    bool superior_attended = false;
    std::vector<MemberId> unexcused;
};

// What a meeting counts for, from its record; nullopt for a meeting that counts for nothing (planned,
// cancelled, or outside the months the engine keeps).
std::optional<MeetingFigures> FiguresOf(const Meeting& meeting, std::span<const AttendanceRecord> attendance,
                                        std::span<const MeetingScore> scores);

// Every month, for a placement that has always been and still is.
constexpr MonthRange kAllMonths{std::numeric_limits<int>::min(), std::numeric_limits<int>::max()};

// An organisation as the engine places it: one entry per placement under a parent (decision 0007). A
// move ends the old placement with the month before the move (the month of a move counts under the
// new parent); the current placement runs on. The same organisation back at the same path later is one
// placement with several ranges of months.
struct StatOrganization {
    OrganizationId id;
    std::optional<OrganizationId> parent;
    std::string path;
    std::string name;
    OrganizationKind kind = OrganizationKind::kSubordinateCell;
    base::Date valid_from;
    std::optional<base::Date> valid_to;
    MonthRange placed = kAllMonths;
};

// The engine's entries for the tree: each organisation's current placement and its past ones (the month of
// a move counts under the new parent).
std::vector<StatOrganization> StatTreeOf(const std::vector<Organization>& organizations,
                                         const std::vector<OrganizationPlacement>& past);

// D1: the figures of a subtree over a period, on a day (months not yet over are due only once held).
// Over reorganisations, a meeting counts where its cell was placed in the meeting's month; a cell (in
// `cells` and the per-cell figures, over all its months in the period) counts where it was placed in the
// period's last month it was active; its members flagged in a year, where it was placed in that year's
// last month it was active; members expected, where it is now.
struct DashboardFigures {
    int cells = 0;  // Cells active at some time in the period.
    int members_expected =
        0;                 // Expected at meetings (Expected(Standing)) on the rolls at the end of the period (or now).
    int members_away = 0;  // On the rolls then, away (Away(Standing)): with a running letter, or working away…
    int members_away_without_letter = 0;  // …without one.
    int cells_regular_due = 0;            // Cells with at least one month due in the period…
    int cells_regular_all = 0;            // …and of them, those that held a regular meeting in every month due.
    int cells_thematic_due = 0;           // The same by quarter (the quarters the period touches).
    int cells_thematic_all = 0;
    int meetings_held = 0;  // Regular and thematic.
    int attendance_expected = 0;
    int attendance_present = 0;
    int meetings_attendance_90 = 0;  // Meetings with ≥ 90 % of the expected present.
    std::array<int, 4> levels{};     // Tốt, Khá, Trung bình, Kém (the meeting's latest level).
    int meetings_superior = 0;       // Meetings a superior official attended…
    int cells_visited = 0;           // …and the cells they were in.
    int members_flagged = 0;         // ≥ 3 unexcused absences across cells in the year FlaggedYearOf.

    bool operator==(const DashboardFigures&) const = default;
    DashboardFigures& operator+=(const DashboardFigures& other);
};

struct MissedCell {
    OrganizationId cell;
    std::string name;
    std::vector<int> regular_months;     // Months due without a regular meeting.
    std::vector<int> thematic_quarters;  // Quarters due without a thematic one (month number of its first month).
};

// A member with 3 unexcused absences in a calendar year, wherever they were (the Charter's rule is about
// the member): shown at the cell whose roll they were last on in that year, with where they were absent.
struct FlaggedMember {
    OrganizationId cell;
    MemberId member;
    int unexcused = 0;
    std::vector<std::pair<OrganizationId, int>> absent_in;  // Cell → unexcused absences there, by cell id.
};

// D3: what needs attention in the subtree and period, in tree order, paged.
struct DashboardAlerts {
    int missed_total = 0;
    std::vector<MissedCell> missed;
    int flagged_total = 0;
    std::vector<FlaggedMember> flagged;
};

class StatisticsEngine {
public:
    StatisticsEngine();

    // Places the organisations, one entry per placement (dissolved ones included: their past stays
    // theirs). Keeps every meeting and member already put.
    void SetTree(std::vector<StatOrganization> organizations);
    // Replaces what the meeting counts for (nullopt: nothing).
    void PutMeeting(MeetingId id, const std::optional<MeetingFigures>& figures);
    // Replaces where and when a member was on a cell's roll and how they stood (expected, away): a period's
    // members expected and away are those in a stay at the end of its last month, or now when it runs on.
    void PutMember(MemberId id, std::span<const RollStay> stays);

    bool Knows(OrganizationId id) const;
    // The organisation's current placement.
    const StatOrganization* Find(OrganizationId id) const;
    // The organisation's children active at some time in the months and placed under it in the last of
    // those months they were active (so a cell moved away later is still its child for a past period), in
    // tree order.
    std::vector<const StatOrganization*> Children(OrganizationId id, MonthRange months) const;

    DashboardFigures Figures(OrganizationId node, MonthRange months, base::Date today) const;
    // The figures of several periods (a trend month by month).
    std::vector<DashboardFigures> Figures(OrganizationId node, std::span<const MonthRange> periods,
                                          base::Date today) const;
    DashboardAlerts Alerts(OrganizationId node, MonthRange months, base::Date today, int offset, int limit) const;

    std::size_t meeting_count() const { return meetings_.size(); }

private:
    static constexpr int kCounters = 11;
    static constexpr int kWords = (kStatMonths + 63) / 64;

    class Fenwick {
    public:
        void Resize(std::size_t n) { tree_.assign(n + 1, 0); }
        void Add(std::size_t i, int delta);
        std::int64_t Prefix(std::size_t end) const;  // Sum of [0, end).
        std::int64_t Range(std::size_t lo, std::size_t hi) const { return Prefix(hi) - Prefix(lo); }
        int At(std::size_t i) const { return static_cast<int>(Range(i, i + 1)); }
        bool empty() const { return tree_.empty(); }

    private:
        std::vector<std::int32_t> tree_;
    };

    // A cell's active months, from its current record.
    struct Active {
        int from_month = 0;
        int to_month = 0;  // Last active month, inclusive.
    };

    // Bits by slot, one bitmap per month (or quarter), each empty until one of its bits is set.
    using Bitmaps = std::vector<std::vector<std::uint64_t>>;

    // Members flagged in a year, per slot: summed by subtree and read one by one by the alerts.
    struct FlaggedCounts {
        Fenwick tree;
        std::vector<std::int32_t> at;
    };

    struct Span {
        std::size_t lo = 0;
        std::size_t hi = 0;  // Cell indices [lo, hi).
    };

    void Apply(const MeetingFigures& f, int sign);
    // A member's stays in months from kFirstStatMonth: expected at the end of months [from, to).
    struct StayMonths {
        std::int32_t cell = 0;
        std::int16_t from = 0;
        std::int16_t to = 0;
        Standing standing = Standing::kExpected;
    };
    // A stay away from the cell, in months as above.
    struct AwayMonths {
        std::int64_t member = 0;
        std::int16_t from = 0;
        std::int16_t to = 0;
        bool letter = false;

        bool operator==(const AwayMonths&) const = default;
    };
    // A member's unexcused absences in a year, by cell, and the slot whose flagged count holds them.
    struct MemberAbsences {
        int total = 0;
        std::vector<std::pair<std::int64_t, int>> by_cell;
        std::optional<std::size_t> counted_at;
    };
    // Where a member's flag for `year` is shown: the slot of the cell whose roll they were last on in it.
    std::optional<std::size_t> FlagSlot(std::int64_t member, int year) const;
    void Relocate(int year, std::int64_t member, MemberAbsences& absences);
    void ApplyStays(std::int64_t member, const std::vector<StayMonths>& stays, int sign);
    void MemberDelta(int r, std::size_t slot, int delta);
    // Members expected at the end of month kFirstStatMonth + r in slots [lo, hi).
    std::int64_t MembersAt(int r, std::size_t lo, std::size_t hi) const;
    void RefreshBits(std::size_t cell, int month);
    std::array<Fenwick, kCounters>& Month(int month);
    FlaggedCounts& FlaggedYear(int year);
    std::optional<std::size_t> CellNumber(OrganizationId cell) const;
    bool Placed(std::size_t entry, int month) const;
    // The organisation's placement in `month`: the one rule SlotAt and Representative share.
    std::size_t EntryAt(std::int64_t organization, int month) const;
    // The cell's slot (an index of the Fenwick trees) placed in `month`.
    std::size_t SlotAt(std::size_t cell, int month) const;
    // Whether the entry is where its organisation counts for a period ending (for it) in `month`.
    bool Representative(std::size_t entry, int month) const;
    // The same for a slot, from the bits below: no lookups in the pass over a subtree.
    bool Represents(std::size_t slot, int month) const {
        const std::uint32_t shared = shared_index_[slot];
        if (shared == kNotShared) return true;
        const int r = month - kFirstStatMonth;
        return (represents_[shared][static_cast<std::size_t>(r / 64)] >> (r % 64)) & 1U;
    }
    void Reindex();

    // Placements by path (depth-first order), each with its months.
    std::vector<StatOrganization> orgs_;
    std::vector<std::vector<MonthRange>> placed_;
    std::vector<std::vector<std::size_t>> children_;
    std::unordered_map<std::int64_t, std::vector<std::size_t>> entries_;  // Organisation id → its placements.
    std::unordered_map<std::int64_t, std::size_t> current_;               // Organisation id → placed now.
    std::vector<Span> spans_;                                             // Per placement, in slots.
    // Slots: the placements of cells, in path order; the Fenwick trees' index.
    std::vector<std::size_t> slot_entry_;  // Slot → placement.
    std::vector<std::size_t> slot_cell_;   // Slot → cell.
    std::vector<std::size_t> entry_slot_;  // Placement of a cell → its slot.
    // Cells (each once, however often moved): their slots by time and their active months.
    std::unordered_map<std::int64_t, std::size_t> cell_number_;
    std::vector<std::vector<std::size_t>> cell_slots_;
    std::vector<Active> active_;
    // By month from kFirstStatMonth: the slots whose cell held a regular meeting, was attended by a
    // superior; by quarter, held a thematic meeting (a moved cell's bits are in each of its slots).
    Bitmaps regular_;
    Bitmaps visited_;
    Bitmaps thematic_;
    // By month, the slots of cells active that month and with no other slot: a cell active in the first
    // and the last month of a period is active through it, and counts there without further question.
    Bitmaps single_active_;
    std::vector<std::uint64_t> zeros_;  // A bitmap with no bit, standing in for the empty ones.
    // The slots of cells with several slots: for each, the months it represents its cell in.
    static constexpr std::uint32_t kNotShared = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> shared_index_;  // Per slot: an index of represents_, or kNotShared.
    std::vector<std::array<std::uint64_t, kWords>> represents_;
    std::unordered_map<int, std::array<Fenwick, kCounters>> months_;
    // Members expected by the end of each month: +1 in the month a stay starts and −1 in the month it ends,
    // by slot (where the cell is now), in a Fenwick tree over months of Fenwick trees over slots (1-based,
    // each allocated when first touched): a subtree's count at the end of a month is a prefix over months.
    std::vector<Fenwick> member_months_;
    std::unordered_map<std::int64_t, std::vector<StayMonths>> member_stays_;
    // Members away, by slot (where the cell is now): few enough to read one by one.
    std::map<std::size_t, std::vector<AwayMonths>> away_;
    std::unordered_map<int, FlaggedCounts> flagged_;  // By year.

    std::unordered_map<std::int64_t, MeetingFigures> meetings_;
    // Unexcused absences by year and member, and the flagged members by year and slot.
    std::unordered_map<int, std::unordered_map<std::int64_t, MemberAbsences>> absences_;
    std::unordered_map<int, std::map<std::size_t, std::set<std::int64_t>>> located_;
};

}  // namespace chibo::domain
