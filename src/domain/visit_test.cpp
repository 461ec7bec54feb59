#include "domain/visit.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace chibo::domain {
namespace {

base::Date D(int y, int m, int d) {
    return *base::Date::FromYmd(y, m, d);
}

// A committee's world: `cells` cells whose meetings fall on the 3rd at 14:00 (most) or on other days and
// hours, over the months [from, to]; `weak_share` of them weak (Kém or Trung bình, low attendance, long
// unvisited), the rest exemplary (Tốt, full attendance, visited last month).
struct World {
    std::vector<CellStanding> cells;
    std::vector<MeetingSlot> slots;
    std::set<std::int64_t> weak;
};

World Generate(int cells, double weak_share, int from_year, int from_month, int to_year, int to_month,
               std::uint32_t seed) {
    std::mt19937 rng(seed);
    World w;
    for (int i = 1; i <= cells; ++i) {
        CellStanding c;
        c.cell = OrganizationId(i);
        c.name = "Chi bộ " + std::to_string(i);
        const bool weak = std::uniform_real_distribution<>(0, 1)(rng) < weak_share;
        if (weak) {
            w.weak.insert(i);
            c.last_level = i % 2 ? QualityLevel::kPoor : QualityLevel::kAverage;
            c.attendance_rate = 0.7;
            c.months_since_visit = 9;
        } else {
            c.last_level = QualityLevel::kGood;
            c.attendance_rate = 1.0;
            c.months_since_visit = 1;
        }
        w.cells.push_back(c);
        // Two cells in three meet on the 3rd at 14:00; the others on the 5th at 8:00 or the 10th at 19:30.
        const int kind = static_cast<int>(rng() % 3);
        for (int key = from_year * 12 + from_month - 1; key <= to_year * 12 + to_month - 1; ++key) {
            const int y = key / 12;
            const int m = key % 12 + 1;
            const int day = kind == 2 ? (i % 2 ? 5 : 10) : 3;
            const int start = kind == 2 ? (i % 2 ? 8 * 60 : 19 * 60 + 30) : 14 * 60;
            w.slots.push_back({OrganizationId(i), y, m, D(y, m, day), start, 90});
        }
    }
    return w;
}

std::vector<Attendant> Committee(int people, VisitDuty duty = {}) {
    std::vector<Attendant> out;
    for (int i = 1; i <= people; ++i) out.push_back({AttendantId(i), "Ủy viên " + std::to_string(i), duty});
    return out;
}

// The properties every plan keeps: nobody in two overlapping meetings, at most one attended meeting per
// cell and month, visits inside the period, a reason for each.
void ExpectSound(const VisitPlan& plan, const World& w, int first_key, int last_key) {
    std::map<std::int64_t, std::vector<MeetingSlot>> booked;
    std::set<std::pair<std::int64_t, int>> attended;
    for (const PlannedVisit& v : plan.visits) {
        const int key = v.year * 12 + v.month - 1;
        EXPECT_GE(key, first_key);
        EXPECT_LE(key, last_key);
        EXPECT_FALSE(v.reason.empty());
        if (v.kind != VisitKind::kMeeting) continue;
        ASSERT_TRUE(v.date.has_value());
        const MeetingSlot slot{v.cell, v.year, v.month, *v.date, v.start_minutes, 90};
        for (const MeetingSlot& other : booked[v.attendant.value])
            EXPECT_FALSE(Overlaps(slot, other))
                << "attendant " << v.attendant.value << " double-booked on " << v.date->ToIso();
        booked[v.attendant.value].push_back(slot);
        EXPECT_TRUE(attended.insert({v.cell.value, key}).second) << "two people at one meeting";
        const bool real = std::any_of(w.slots.begin(), w.slots.end(), [&](const MeetingSlot& s) {
            return s.cell == v.cell && s.date == *v.date && s.start_minutes == v.start_minutes;
        });
        EXPECT_TRUE(real) << "a meeting the cell holds";
    }
}

TEST(PlanVisitsTest, ACityOverATermReachesEveryCellMeetsEveryDutyAndNeverDoubleBooks) {
    // A city: 39 grassroots and 202 subordinate cells, 12 committee members, a five-year term.
    const World w = Generate(39 + 202, 0.3, 2025, 10, 2030, 9, 7);
    const std::vector<Attendant> committee = Committee(12);
    const VisitPlan plan = PlanVisits(committee, w.cells, w.slots, 2025, 10, 2030, 9);

    ExpectSound(plan, w, 2025 * 12 + 9, 2030 * 12 + 8);
    EXPECT_TRUE(plan.uncovered.empty()) << plan.uncovered.size() << " cells never reached";
    EXPECT_TRUE(plan.shortfalls.empty()) << plan.shortfalls.front().message;
    // Each person: one attended meeting every quarter, one grassroots visit every month.
    std::map<std::tuple<std::int64_t, int>, int> meetings;  // (attendant, quarter)
    std::map<std::tuple<std::int64_t, int>, int> visits;    // (attendant, month)
    for (const PlannedVisit& v : plan.visits)
        (v.kind == VisitKind::kMeeting ? meetings[{v.attendant.value, v.year * 4 + (v.month - 1) / 3}]
                                       : visits[{v.attendant.value, v.year * 12 + v.month - 1}])++;
    EXPECT_EQ(meetings.size(), 12u * 20);
    for (const auto& [key, n] : meetings) EXPECT_EQ(n, 1);
    EXPECT_EQ(visits.size(), 12u * 60);
    for (const auto& [key, n] : visits) EXPECT_EQ(n, 1);
}

TEST(PlanVisitsTest, SmallerTreesAndOneQuarterAreSoundToo) {
    for (const auto& [cells, people] : std::vector<std::pair<int, int>>{{3, 1}, {12, 3}, {40, 5}, {120, 9}}) {
        const World w = Generate(cells, 0.4, 2026, 10, 2026, 12, static_cast<std::uint32_t>(cells));
        const VisitPlan plan = PlanVisits(Committee(people), w.cells, w.slots, 2026, 10, 2026, 12);
        ExpectSound(plan, w, 2026 * 12 + 9, 2026 * 12 + 11);
        // Reached: every cell when the people's visits in the quarter are enough for them.
        if (people * 4 >= cells) {
            EXPECT_TRUE(plan.uncovered.empty()) << cells << " cells, " << people << " people";
        }
        EXPECT_EQ(plan.uncovered.size(), static_cast<std::size_t>(std::max(0, cells - people * 4)))
            << "the cells left are as many as the visits lacking";
    }
}

TEST(PlanVisitsTest, FavoursWeakCellsOverExemplaryOnes) {
    // Many people for few cells: the visits beyond the first go to the weak cells first.
    const World w = Generate(30, 0.5, 2026, 1, 2026, 12, 11);
    const VisitPlan plan = PlanVisits(Committee(6, {2, 2, 5}), w.cells, w.slots, 2026, 1, 2026, 12);
    ExpectSound(plan, w, 2026 * 12, 2026 * 12 + 11);
    std::map<std::int64_t, int> visits;
    for (const PlannedVisit& v : plan.visits) ++visits[v.cell.value];
    double weak = 0;
    double exemplary = 0;
    for (const CellStanding& c : w.cells) {
        EXPECT_GE(visits[c.cell.value], 1) << c.name << " is reached";
        (w.weak.contains(c.cell.value) ? weak : exemplary) += visits[c.cell.value];
    }
    const auto weak_cells = static_cast<double>(w.weak.size());
    const double exemplary_cells = static_cast<double>(w.cells.size()) - weak_cells;
    ASSERT_GT(weak_cells, 0);
    ASSERT_GT(exemplary_cells, 0);
    const double per_weak = weak / weak_cells;
    const double per_exemplary = exemplary / exemplary_cells;
    EXPECT_GT(per_weak, 1.5 * per_exemplary) << "weak " << per_weak << " vs exemplary " << per_exemplary;
    // And the weak cells' meetings are attended more: the committee hears them, not only their reports.
    std::map<bool, int> attended;
    for (const PlannedVisit& v : plan.visits)
        if (v.kind == VisitKind::kMeeting) ++attended[w.weak.contains(v.cell.value)];
    EXPECT_GT(attended[true] / weak_cells, 1.5 * attended[false] / exemplary_cells);
}

TEST(PlanVisitsTest, SaysWhyADutyCannotBeMet) {
    // One cell, three people who each owe two meetings a quarter: the cell meets once a month.
    const World w = Generate(1, 0, 2026, 10, 2026, 12, 3);
    const VisitPlan plan = PlanVisits(Committee(3, {1, 2, 5}), w.cells, w.slots, 2026, 10, 2026, 12);
    ExpectSound(plan, w, 2026 * 12 + 9, 2026 * 12 + 11);
    int missing = 0;
    for (const Shortfall& s : plan.shortfalls) {
        if (s.kind == VisitKind::kMeeting) {
            missing += s.missing;
            EXPECT_NE(s.message.find("quý 4/2026"), std::string::npos) << s.message;
            EXPECT_NE(s.message.find("đều đã có người dự"), std::string::npos) << s.message;
        }
    }
    EXPECT_EQ(missing, 6 - 3) << "three meetings for six owed";
    // Two people, every cell meeting at the same hour: each person attends one meeting a month at most.
    World same;
    for (int i = 1; i <= 4; ++i) {
        same.cells.push_back({OrganizationId(i), "Chi bộ " + std::to_string(i), QualityLevel::kGood, 1.0, 0, 1, false});
        same.slots.push_back({OrganizationId(i), 2026, 12, D(2026, 12, 3), 14 * 60, 90});
    }
    const VisitPlan clash = PlanVisits(Committee(1, {1, 2, 5}), same.cells, same.slots, 2026, 12, 2026, 12);
    ExpectSound(clash, same, 2026 * 12 + 11, 2026 * 12 + 11);
    ASSERT_EQ(clash.shortfalls.size(), 1u);
    EXPECT_NE(clash.shortfalls[0].message.find("trùng giờ"), std::string::npos) << clash.shortfalls[0].message;
}

TEST(PriorityOfTest, WeakAndDifficultCellsComeFirstAndSayWhy) {
    CellStanding model{OrganizationId(1), "Mẫu", QualityLevel::kGood, 0.98, 0, 1, false};
    CellStanding weak{OrganizationId(2), "Yếu", QualityLevel::kPoor, 0.7, 2, std::nullopt, true};
    EXPECT_EQ(PriorityOf(model).points, 0);
    EXPECT_TRUE(PriorityOf(model).reasons.empty());
    const Priority p = PriorityOf(weak);
    EXPECT_EQ(p.points, 4 + 3 + 4 + 3 + 2);
    ASSERT_EQ(p.reasons.size(), 5u);
    EXPECT_EQ(p.reasons[0], "chất lượng sinh hoạt gần nhất: Kém");
    EXPECT_EQ(p.reasons[1], "tỷ lệ đảng viên dự sinh hoạt 70 %");
    EXPECT_EQ(p.reasons[2], "2 tháng không sinh hoạt trong năm qua");
    EXPECT_EQ(p.reasons[3], "chưa được cấp ủy dự sinh hoạt");
    EXPECT_EQ(p.reasons[4], "chi bộ có nhiều khó khăn");
}

TEST(VisitReportTest, DueFiveDaysAfterLateFromTheSixth) {
    const base::Date attended = D(2026, 12, 3);
    EXPECT_EQ(VisitReportDue(attended, 5), D(2026, 12, 8));
    EXPECT_FALSE(VisitReportLate(attended, D(2026, 12, 3), 5));
    EXPECT_FALSE(VisitReportLate(attended, D(2026, 12, 8), 5));
    EXPECT_TRUE(VisitReportLate(attended, D(2026, 12, 9), 5));
    EXPECT_FALSE(VisitReportLate(D(2026, 12, 28), D(2027, 1, 2), 5)) << "across the year";
    EXPECT_TRUE(VisitReportLate(attended, D(2026, 12, 6), 2)) << "a committee's own deadline";
}

TEST(PetitionOverdueTest, UnansweredPastItsDeadline) {
    const base::Date deadline = D(2026, 12, 31);
    EXPECT_FALSE(PetitionOverdue(deadline, std::nullopt, D(2026, 12, 31)));
    EXPECT_TRUE(PetitionOverdue(deadline, std::nullopt, D(2027, 1, 1)));
    EXPECT_FALSE(PetitionOverdue(deadline, D(2027, 1, 5), D(2027, 2, 1))) << "answered, even late";
}

TEST(VisitReportTest, StateOnTimeLateMissingOrPending) {
    const base::Date attended = D(2026, 12, 3);
    EXPECT_EQ(ReportStateOf(attended, D(2026, 12, 8), 5, D(2027, 1, 1)), ReportState::kOnTime);
    EXPECT_EQ(ReportStateOf(attended, D(2026, 12, 9), 5, D(2027, 1, 1)), ReportState::kLate);
    EXPECT_EQ(ReportStateOf(attended, std::nullopt, 5, D(2026, 12, 8)), ReportState::kPending) << "still day 5";
    EXPECT_EQ(ReportStateOf(attended, std::nullopt, 5, D(2026, 12, 9)), ReportState::kMissing) << "day 6";
}

TEST(PetitionDeadlineTest, FromTheDayRaisedWithinAYear) {
    EXPECT_TRUE(CheckPetitionDeadline(D(2026, 12, 3), D(2026, 12, 3)));
    EXPECT_EQ(CheckPetitionDeadline(D(2026, 12, 3), D(2026, 12, 2)).error().field, "deadline");
    EXPECT_TRUE(CheckPetitionDeadline(D(2026, 12, 3), D(2027, 12, 3)));
    EXPECT_FALSE(CheckPetitionDeadline(D(2026, 12, 3), D(2027, 12, 4)));
}

TEST(AttendantTest, TermsAndDuty) {
    Attendant a;
    a.term_start = D(2025, 7, 15);
    a.term_end = D(2030, 7, 14);
    EXPECT_FALSE(a.ActiveIn(2025, 6));
    EXPECT_TRUE(a.ActiveIn(2025, 7)) << "from the middle of the month";
    EXPECT_TRUE(a.ActiveIn(2030, 7));
    EXPECT_FALSE(a.ActiveIn(2030, 8));
    Attendant b = a;
    b.term_start = D(2030, 7, 15);
    b.term_end.reset();
    EXPECT_FALSE(TermsOverlap(a, b));
    b.term_start = D(2030, 7, 14);
    EXPECT_TRUE(TermsOverlap(a, b));
    EXPECT_TRUE(CheckDuty({}));
    EXPECT_EQ(CheckDuty({.visits_per_month = 11}).error().field, "visits_per_month");
    EXPECT_EQ(CheckDuty({.meetings_per_quarter = -1}).error().field, "meetings_per_quarter");
    EXPECT_EQ(CheckDuty({.report_days = 0}).error().field, "report_days");
}

TEST(PlanPeriodTest, OrderedAndAtMostATerm) {
    EXPECT_TRUE(CheckPlanPeriod(2027, 1, 2027, 12));
    EXPECT_TRUE(CheckPlanPeriod(2025, 8, 2030, 7)) << "60 months";
    EXPECT_EQ(CheckPlanPeriod(2025, 8, 2030, 8).error().field, "to");
    EXPECT_EQ(CheckPlanPeriod(2027, 3, 2027, 2).error().field, "to");
    EXPECT_EQ(CheckPlanPeriod(2027, 13, 2027, 12).error().field, "from");
}

TEST(PracticeTest, CountsAgainstTheDutyAndShowsWhoPicksModelCells) {
    Attendant a;
    a.id = AttendantId(1);
    a.term_start = D(2025, 7, 15);
    Attendant late_joiner = a;
    late_joiner.id = AttendantId(2);
    late_joiner.term_start = D(2026, 11, 20);
    late_joiner.duty.visits_per_month = 2;
    const std::vector<Attendant> people = {a, late_joiner};
    const std::vector<OrganizationId> cells = {OrganizationId(10), OrganizationId(11), OrganizationId(12)};
    auto meeting = [](int who, int cell, base::Date on, std::optional<QualityLevel> level,
                      std::optional<base::Date> reported) {
        VisitDone d;
        d.attendant = AttendantId(who);
        d.cell = OrganizationId(cell);
        d.kind = VisitKind::kMeeting;
        d.on = on;
        d.level = level;
        d.reported_on = reported;
        return d;
    };
    std::vector<VisitDone> done = {
        meeting(1, 10, D(2026, 3, 3), QualityLevel::kGood, D(2026, 3, 5)),
        meeting(1, 10, D(2026, 6, 3), QualityLevel::kGood, D(2026, 6, 10)),  // late
        meeting(1, 11, D(2026, 9, 3), QualityLevel::kPoor, std::nullopt),    // missing
        meeting(2, 11, D(2026, 12, 3), std::nullopt, std::nullopt),          // pending on the 6th
        meeting(1, 12, D(2025, 12, 3), std::nullopt, D(2025, 12, 4)),        // before the period
    };
    VisitDone grassroots = meeting(2, 11, D(2026, 11, 25), std::nullopt, D(2026, 11, 25));
    grassroots.kind = VisitKind::kGrassroots;
    done.push_back(grassroots);
    PlannedVisit planned;
    planned.attendant = AttendantId(1);
    planned.year = 2026;
    planned.month = 12;
    const std::vector<PlannedVisit> plan = {planned};
    const Practice p = PracticeOf(people, cells, done, plan, 2026, 1, 2026, 12, D(2026, 12, 6));
    ASSERT_EQ(p.people.size(), 2U);
    EXPECT_EQ(p.people[0].meetings, 3);
    EXPECT_EQ(p.people[0].meetings_expected, 4) << "four quarters begun";
    EXPECT_EQ(p.people[0].grassroots_expected, 12);
    EXPECT_EQ(p.people[0].on_time, 1);
    EXPECT_EQ(p.people[0].late, 1);
    EXPECT_EQ(p.people[0].missing, 1);
    EXPECT_EQ(p.people[0].planned, 1);
    EXPECT_EQ(p.people[1].meetings_expected, 1) << "in the term from November: one quarter";
    EXPECT_EQ(p.people[1].grassroots_expected, 4) << "two months, twice a month";
    EXPECT_EQ(p.people[1].grassroots, 1);
    EXPECT_EQ(p.people[1].pending, 1);
    EXPECT_EQ(p.coverage.cells, 3);
    EXPECT_EQ(p.coverage.visited, 2);
    EXPECT_EQ(p.coverage.never_visited, std::vector<OrganizationId>{OrganizationId(12)}) << "visited only before";
    EXPECT_EQ(p.coverage.only_good, std::vector<OrganizationId>{OrganizationId(10)});
}

}  // namespace
}  // namespace chibo::domain
