#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "domain/statistics_queries.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

// The dashboard figures in SQL (one statement for the sums, one for the per-cell rules, two counts),
// written the way a competent developer would: the subtree by materialised-path range, meetings by
// date range on their index.
class SqlStatistics final : public StatisticsQueries {
public:
    explicit SqlStatistics(soci::session& s) : s_(s), postgres_(s.get_backend_name() == "postgresql") {}

    // An organisation's subtree is the subtrees of each path it has had: every placement under it then.
    DashboardFigures Figures(OrganizationId node, MonthRange months, base::Date today) override {
        DashboardFigures total;
        for (const std::string& path : PathsOf(node)) total += FiguresAt(path, months, today);
        return total;
    }

    std::pair<int, std::vector<OrganizationId>> MissedCells(OrganizationId node, MonthRange months, base::Date today,
                                                            int limit) override {
        std::pair<int, std::vector<OrganizationId>> out{0, {}};
        for (const std::string& path : PathsOf(node)) {
            auto [total, first] = MissedCellsAt(path, months, today, limit);
            out.first += total;
            for (OrganizationId id : first)
                if (static_cast<int>(out.second.size()) < limit) out.second.push_back(id);
        }
        return out;
    }

private:
    std::vector<std::string> PathsOf(OrganizationId node) {
        std::vector<std::string> out;
        for (const Row& r :
             Query(s_,
                   "SELECT path FROM organizations WHERE id = :a UNION SELECT path FROM organization_placements WHERE "
                   "organization_id = :b ORDER BY 1",
                   Params().Int(node.value).Int(node.value)))
            out.push_back(r.Text(0));
        return out;
    }

    // Every placement at or under `path` (two parameters: the range), now or in the past, with its dates:
    // since NULL from the start, until NULL still there.
    std::string Slots() const {
        return "slots AS (SELECT o.id, o.path, o.kind, o.valid_from, o.valid_to, (SELECT MAX(h.until) FROM "
               "organization_placements h WHERE h.organization_id = o.id) AS since, " +
               std::string(postgres_ ? "CAST(NULL AS DATE)" : "NULL") +
               " AS until FROM organizations o WHERE o.path >= :lo AND o.path < :hi UNION ALL SELECT "
               "h.organization_id, h.path, o.kind, o.valid_from, o.valid_to, h.since, h.until FROM "
               "organization_placements h JOIN organizations o ON o.id = h.organization_id WHERE h.path >= :plo AND "
               "h.path < :phi)";
    }
    Params& SlotParams(Params& p, const std::string& path) const {
        return p.Text(path).Text(SubtreeEnd(path)).Text(path).Text(SubtreeEnd(path));
    }
    // Whether slot `s` holds month `month` (an SQL expression): the month of a move counts under the new parent.
    std::string PlacedIn(const std::string& month) const {
        return "(s.since IS NULL OR " + month + " >= " + MonthOf("s.since") + ") AND (s.until IS NULL OR " + month +
               " < " + MonthOf("s.until") + ")";
    }
    // The last month a slot's organisation is active, at most `month`.
    std::string LastActive(const std::string& month) const {
        return Least(month, "COALESCE(" + MonthOf(DayBefore("s.valid_to")) + ", 99999)");
    }

    DashboardFigures FiguresAt(const std::string& path, MonthRange months, base::Date today) {
        DashboardFigures f;
        const std::string held = Held();
        const std::string cells = "s.kind IN ('grassroots_cell', 'subordinate_cell')";
        Params sums_params;
        SlotParams(sums_params, path).Text(MonthStart(months.first).ToIso()).Text(MonthEnd(months.last + 1).ToIso());
        // A meeting counts for its month (even when moved into the next one), under the placement of its cell
        // in that month. The day range (a month wider: the move rule allows the next month) uses the index.
        const auto sums = QueryOne(
            s_,
            "WITH " + Slots() +
                ", mm AS (SELECT m.id, m.kind, m.superior_attended, "
                "SUM(CASE WHEN a.presence IS NOT NULL AND a.presence NOT IN ('" +
                std::string(ToCode(Presence::kExempt)) + "', '" + std::string(ToCode(Presence::kAway)) +
                "') THEN 1 ELSE 0 END) AS expected, " + "SUM(CASE WHEN a.presence IN ('" +
                std::string(ToCode(Presence::kPresent)) + "', '" + std::string(ToCode(Presence::kLate)) +
                "') THEN 1 ELSE 0 END) AS present FROM meetings m JOIN slots s ON s.id = m.organization_id AND " +
                PlacedIn(kMeetingMonth) + " LEFT JOIN meeting_attendance a ON a.meeting_id = m.id WHERE " + cells +
                " AND m.state IN (" + held + ") AND m.scheduled_on >= :f AND m.scheduled_on <= :t AND " +
                kMeetingMonth + " BETWEEN " + std::to_string(months.first) + " AND " + std::to_string(months.last) +
                " GROUP BY m.id, m.kind, m.superior_attended), "
                "lv AS (SELECT s.meeting_id, s.level FROM meeting_scores s JOIN mm ON mm.id = s.meeting_id WHERE "
                "s.id = (SELECT MAX(s2.id) FROM meeting_scores s2 WHERE s2.meeting_id = s.meeting_id AND s2.role = "
                "CASE WHEN EXISTS (SELECT 1 FROM meeting_scores s3 WHERE s3.meeting_id = s.meeting_id AND s3.role = "
                "'superior') THEN 'superior' ELSE 'cell' END)) "
                "SELECT COUNT(*), COALESCE(SUM(mm.expected), 0), COALESCE(SUM(mm.present), 0), "
                "COALESCE(SUM(CASE WHEN mm.expected > 0 AND mm.present * 10 >= mm.expected * 9 THEN 1 ELSE 0 END), "
                "0), COALESCE(SUM(CASE WHEN lv.level = 'good' THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN lv.level = 'fair' THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN lv.level = 'average' THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN lv.level = 'poor' THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN mm.superior_attended <> 0 THEN 1 ELSE 0 END), 0) "
                "FROM mm LEFT JOIN lv ON lv.meeting_id = mm.id",
            sums_params);
        f.meetings_held = static_cast<int>(sums->Int(0));
        f.attendance_expected = static_cast<int>(sums->Int(1));
        f.attendance_present = static_cast<int>(sums->Int(2));
        f.meetings_attendance_90 = static_cast<int>(sums->Int(3));
        for (int l = 0; l < 4; ++l) f.levels[l] = static_cast<int>(sums->Int(4 + l));
        f.meetings_superior = static_cast<int>(sums->Int(8));

        const auto per_cell =
            QueryOne(s_,
                     PerCell(months, today) + " SELECT COUNT(*), " + Sum("regular_due") + ", " + Sum("regular_all") +
                         ", " + Sum("thematic_due") + ", " + Sum("thematic_all") + ", " + Sum("visited") + " FROM t",
                     CellParams(path, months));
        f.cells = static_cast<int>(per_cell->Int(0));
        f.cells_regular_due = static_cast<int>(per_cell->Int(1));
        f.cells_regular_all = static_cast<int>(per_cell->Int(2));
        f.cells_thematic_due = static_cast<int>(per_cell->Int(3));
        f.cells_thematic_all = static_cast<int>(per_cell->Int(4));
        f.cells_visited = static_cast<int>(per_cell->Int(5));

        // Members on the roll at the end of the period's last month (or today), in the cells placed in the subtree
        // now, by their standing then (StandingOf): expected when official, probationary or working away and no
        // letter runs; away when a letter runs or working away.
        const base::Date roll_day = MonthEnd(std::min(months.last, domain::MonthOf(today)));
        const std::string official(ToCode(MemberStatus::kOfficial));
        const std::string probationary(ToCode(MemberStatus::kProbationary));
        const std::string working_away(ToCode(MemberStatus::kWorkingAway));
        const auto roll = QueryOne(
            s_,
            "SELECT COALESCE(SUM(CASE WHEN x.letter = 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN x.letter "
            "= 1 OR x.status = :w1 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN x.letter = 0 AND x.status = "
            ":w2 THEN 1 ELSE 0 END), 0) FROM (SELECT (SELECT h.status FROM member_status_history h WHERE "
            "h.member_id = ms.member_id AND h.since <= :d1 ORDER BY h.since DESC LIMIT 1) AS status, CASE WHEN "
            "EXISTS (SELECT 1 FROM transfer_letters l WHERE l.member_id = ms.member_id AND l.from_date <= :d2 "
            "AND l.to_date >= :d3) THEN 1 ELSE 0 END AS letter FROM memberships ms JOIN organizations o ON "
            "o.id = ms.organization_id WHERE o.path >= :lo AND o.path < :hi AND ms.start_date <= :d4 AND "
            "(ms.end_date IS NULL OR ms.end_date > :d5)) x WHERE x.status IN (:a, :b, :c)",
            Params()
                .Text(working_away)
                .Text(working_away)
                .Date(roll_day)
                .Date(roll_day)
                .Date(roll_day)
                .Text(path)
                .Text(SubtreeEnd(path))
                .Date(roll_day)
                .Date(roll_day)
                .Text(official)
                .Text(probationary)
                .Text(working_away));
        f.members_expected = static_cast<int>(roll->Int(0));
        f.members_away = static_cast<int>(roll->Int(1));
        f.members_away_without_letter = static_cast<int>(roll->Int(2));
        // Members flagged in a year: 3 unexcused absences in it wherever they were, counted at the cell of their
        // latest membership begun by 31/12, under its placement in the last month of the year it was active.
        const int year = FlaggedYearOf(months, today);
        Params flagged_params;
        SlotParams(flagged_params, path)
            .Text(std::string(ToCode(Presence::kUnexcused)))
            .Text(base::Date::FromYmd(year, 1, 1)->ToIso())
            .Text(base::Date::FromYmd(year + 1, 1, 31)->ToIso())
            .Text(base::Date::FromYmd(year, 12, 31)->ToIso());
        f.members_flagged = static_cast<int>(
            QueryOne(s_,
                     "WITH " + Slots() +
                         ", x AS (SELECT a.member_id FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id "
                         "WHERE m.state IN (" +
                         held +
                         ") AND a.presence = :u AND m.scheduled_on >= :f AND m.scheduled_on <= :t AND m.year = " +
                         std::to_string(year) +
                         " GROUP BY a.member_id HAVING COUNT(*) >= 3), loc AS (SELECT x.member_id, (SELECT "
                         "ms.organization_id FROM memberships ms WHERE ms.member_id = x.member_id AND ms.start_date <= "
                         ":e ORDER BY ms.start_date DESC, ms.id DESC LIMIT 1) AS at FROM x) SELECT COUNT(*) FROM loc "
                         "JOIN slots s ON s.id = loc.at AND " +
                         PlacedIn(LastActive(std::to_string(MonthNumber(year, 12)))) + " WHERE " + cells,
                     flagged_params)
                ->Int(0));
        return f;
    }

    std::pair<int, std::vector<OrganizationId>> MissedCellsAt(const std::string& path, MonthRange months,
                                                              base::Date today, int limit) {
        const std::string missed = "(regular_due = 1 AND regular_all = 0) OR (thematic_due = 1 AND thematic_all = 0)";
        const int total = static_cast<int>(
            QueryOne(s_, PerCell(months, today) + " SELECT COUNT(*) FROM t WHERE " + missed, CellParams(path, months))
                ->Int(0));
        std::vector<OrganizationId> first;
        Params p = CellParams(path, months);
        p.Int(std::int64_t{limit});
        for (const Row& r :
             Query(s_, PerCell(months, today) + " SELECT id FROM t WHERE " + missed + " ORDER BY path LIMIT :lim", p))
            first.emplace_back(r.Int(0));
        return {total, first};
    }

    // The month a meeting counts for (year × 12 + month − 1), whatever day it was held.
    static constexpr const char* kMeetingMonth = "(m.year * 12 + m.month - 1)";

    std::string Held() const {
        std::string out;
        for (MeetingState st : {MeetingState::kHeld, MeetingState::kMinutesFinalised, MeetingState::kReported})
            out += (out.empty() ? "'" : ", '") + std::string(ToCode(st)) + "'";
        return out;
    }
    std::string Least(const std::string& a, const std::string& b) const {
        return (postgres_ ? "LEAST(" : "min(") + a + ", " + b + ")";
    }
    std::string Greatest(const std::string& a, const std::string& b) const {
        return (postgres_ ? "GREATEST(" : "max(") + a + ", " + b + ")";
    }
    // The month number (year × 12 + month − 1) of a date column or expression.
    std::string MonthOf(const std::string& day) const {
        if (postgres_)
            return "(CAST(EXTRACT(YEAR FROM " + day + ") AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM " + day +
                   ") AS INTEGER) - 1)";
        return "(CAST(substr(" + day + ", 1, 4) AS INTEGER) * 12 + CAST(substr(" + day + ", 6, 2) AS INTEGER) - 1)";
    }
    // The first month a cell founded on `day` owes meetings for: that month when founded on the 1st, else the next.
    std::string FirstDueMonth(const std::string& day) const {
        const std::string day_of_month =
            postgres_ ? "CAST(EXTRACT(DAY FROM " + day + ") AS INTEGER)" : "CAST(substr(" + day + ", 9, 2) AS INTEGER)";
        return "(" + MonthOf(day) + " + CASE WHEN " + day_of_month + " = 1 THEN 0 ELSE 1 END)";
    }
    std::string DayBefore(const std::string& day) const {
        return postgres_ ? "(" + day + " - 1)" : "date(" + day + ", '-1 day')";
    }
    static std::string Sum(const char* column) { return std::string("COALESCE(SUM(") + column + "), 0)"; }
    static base::Date MonthStart(int month) { return *base::Date::FromYmd(YearOfMonth(month), MonthOfYear(month), 1); }
    static base::Date MonthEnd(int month) { return MonthStart(month + 1).AddDays(-1); }

    // A WITH clause ending in `t`: one row per cell counted in the subtree for the period (the cell placed
    // there in the last month of the period it was active), with its window of months, what it held in it
    // (wherever it was placed), and whether it held every month and quarter due.
    std::string PerCell(MonthRange months, base::Date today) const {
        const std::string a = std::to_string(months.first);
        const std::string b = std::to_string(months.last);
        const std::string over = std::to_string(domain::MonthOf(today) - 1);
        const std::string q_over_all = "(" + over + " - 2) / 3";
        const std::string c = "SELECT s.id, s.path, " + Greatest(a, FirstDueMonth("s.valid_from")) + " AS f, " +
                              LastActive(b) + " AS l FROM slots s WHERE s.kind IN (:k1, :k2) AND " +
                              PlacedIn(LastActive(b));
        const std::string cm = "SELECT m.organization_id AS cell, " + std::string(kMeetingMonth) +
                               " AS mo, m.kind, m.superior_attended FROM meetings m WHERE m.organization_id IN "
                               "(SELECT id FROM c) AND m.state IN (" +
                               Held() + ") AND m.scheduled_on >= :qf AND m.scheduled_on <= :qt";
        const std::string per =
            "SELECT c.id, c.path, c.f, c.l, " + Least("c.l", over) +
            " AS o_last, c.f / 3 AS q_first, c.l / 3 AS q_last, " + Least("c.l / 3", q_over_all) + " AS q_over, " +
            "COUNT(DISTINCT CASE WHEN cm.kind = 'regular' AND cm.mo >= c.f AND cm.mo <= " + Least("c.l", over) +
            " THEN cm.mo END) AS held_over, "
            "MAX(CASE WHEN cm.kind = 'regular' AND cm.mo >= c.f AND cm.mo <= c.l THEN 1 ELSE 0 END) AS any_held, "
            "COUNT(DISTINCT CASE WHEN cm.kind = 'thematic' AND cm.mo / 3 >= c.f / 3 AND cm.mo / 3 <= " +
            Least("c.l / 3", q_over_all) +
            " THEN cm.mo / 3 END) AS held_q, "
            "MAX(CASE WHEN cm.kind = 'thematic' AND cm.mo / 3 >= c.f / 3 AND cm.mo / 3 <= c.l / 3 THEN 1 ELSE 0 END) "
            "AS any_q, "
            "MAX(CASE WHEN cm.superior_attended <> 0 AND cm.mo >= c.f AND cm.mo <= c.l THEN 1 ELSE 0 END) AS visited "
            "FROM c LEFT JOIN cm ON cm.cell = c.id WHERE c.f <= c.l GROUP BY c.id, c.path, c.f, c.l";
        return "WITH " + Slots() + ", c AS (" + c + "), cm AS (" + cm +
               "), t AS (SELECT id, path, q_first, q_over, held_q, visited, "
               "CASE WHEN o_last >= f OR any_held = 1 THEN 1 ELSE 0 END AS regular_due, "
               "CASE WHEN (o_last >= f OR any_held = 1) AND held_over = " +
               Greatest("0", "o_last - f + 1") +
               " THEN 1 ELSE 0 END AS regular_all, "
               "CASE WHEN q_over >= q_first OR any_q = 1 THEN 1 ELSE 0 END AS thematic_due, "
               "CASE WHEN (q_over >= q_first OR any_q = 1) AND held_q = " +
               Greatest("0", "q_over - q_first + 1") + " THEN 1 ELSE 0 END AS thematic_all FROM (" + per + ") p)";
    }

    Params CellParams(const std::string& path, MonthRange months) const {
        const int q_first_month = months.first - months.first % 3;
        const int q_last_month = months.last - months.last % 3 + 2;
        Params p;
        SlotParams(p, path)
            .Text(std::string(ToCode(OrganizationKind::kGrassrootsCell)))
            .Text(std::string(ToCode(OrganizationKind::kSubordinateCell)))
            .Text(MonthStart(q_first_month).ToIso())
            .Text(MonthEnd(q_last_month + 1).ToIso());
        return p;
    }

    soci::session& s_;
    bool postgres_;
};

}  // namespace

std::unique_ptr<domain::StatisticsQueries> MakeStatisticsQueries(soci::session& session) {
    return std::make_unique<SqlStatistics>(session);
}

}  // namespace chibo::storage::sql
