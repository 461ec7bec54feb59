#include "domain/statistics.hpp"

#include <gtest/gtest.h>

#include <random>
#include <tuple>

namespace chibo::domain {
namespace {

base::Date D(int y, int m, int d) {
    return *base::Date::FromYmd(y, m, d);
}

const base::Date kToday = D(2026, 11, 22);
const MonthRange kYear{MonthNumber(2026, 1), MonthNumber(2026, 12)};

StatOrganization Org(int id, std::optional<int> parent, std::string path, OrganizationKind kind,
                     base::Date from = D(2010, 1, 1), std::optional<base::Date> to = std::nullopt) {
    StatOrganization o;
    o.id = OrganizationId(id);
    if (parent) o.parent = OrganizationId(*parent);
    o.path = std::move(path);
    o.name = "Tổ chức " + std::to_string(id);
    o.kind = kind;
    o.valid_from = from;
    o.valid_to = to;
    return o;
}

// A province (1) with communes 2 and 5; cells 3 and 4 under 2 (cell 3 has party group 7), cell 6
// under 5; cell 10 under 2 founded on 1 September 2026.
std::vector<StatOrganization> Tree() {
    return {Org(1, std::nullopt, "/1/", OrganizationKind::kProvince),
            Org(2, 1, "/1/2/", OrganizationKind::kCommuneCommittee),
            Org(3, 2, "/1/2/3/", OrganizationKind::kSubordinateCell),
            Org(7, 3, "/1/2/3/7/", OrganizationKind::kPartyGroup),
            Org(4, 2, "/1/2/4/", OrganizationKind::kSubordinateCell),
            Org(10, 2, "/1/2/10/", OrganizationKind::kSubordinateCell, D(2026, 9, 1)),
            Org(5, 1, "/1/5/", OrganizationKind::kCommuneCommittee),
            Org(6, 5, "/1/5/6/", OrganizationKind::kSubordinateCell)};
}

// Tree() after two moves recorded with their months: cell 3 (with party group 7) moved from commune 2
// to commune 5 on 1 July 2026; cell 4 to commune 5 on 1 March and back to 2 on 10 September.
std::vector<StatOrganization> MovedTree() {
    std::vector<StatOrganization> tree = Tree();
    std::vector<StatOrganization> past;
    for (StatOrganization& o : tree) {
        if (o.id == OrganizationId(3) || o.id == OrganizationId(7)) {
            StatOrganization before = o;
            before.placed = {kAllMonths.first, MonthNumber(2026, 6)};
            past.push_back(before);
            o.path = o.id == OrganizationId(3) ? "/1/5/3/" : "/1/5/3/7/";
            if (o.id == OrganizationId(3)) o.parent = OrganizationId(5);
            o.placed = {MonthNumber(2026, 7), kAllMonths.last};
        }
        if (o.id == OrganizationId(4)) {
            StatOrganization first = o;
            first.placed = {kAllMonths.first, MonthNumber(2026, 2)};
            past.push_back(first);
            StatOrganization away = o;
            away.parent = OrganizationId(5);
            away.path = "/1/5/4/";
            away.placed = {MonthNumber(2026, 3), MonthNumber(2026, 8)};
            past.push_back(away);
            o.placed = {MonthNumber(2026, 9), kAllMonths.last};
        }
    }
    tree.insert(tree.end(), past.begin(), past.end());
    return tree;
}

MeetingFigures Held(int cell, int month, MeetingKind kind = MeetingKind::kRegular, int expected = 10,
                    int present = 10) {
    MeetingFigures f;
    f.cell = OrganizationId(cell);
    f.kind = kind;
    f.month = MonthNumber(2026, month);
    f.held = true;
    f.expected = expected;
    f.present = present;
    return f;
}

// A member expected in a cell from `from` (until `to`), as the roll and the status history make it.
void Expect(StatisticsEngine& e, int member,
            std::vector<std::tuple<int, base::Date, std::optional<base::Date>>> stays) {
    std::vector<RollStay> out;
    for (const auto& [cell, from, to] : stays) out.push_back({MemberId(member), OrganizationId(cell), from, to});
    e.PutMember(MemberId(member), out);
}

int Id(int cell, int month, MeetingKind kind = MeetingKind::kRegular) {
    return cell * 1000 + month * 10 + (kind == MeetingKind::kThematic ? 1 : 0);
}

// Cell 3: regular meetings every month to November but March, thematic in quarters I and III, June
// at 8/10 with two unexcused; levels and a superior visit in some months. Cell 6: every month to
// October, thematic each quarter to III. Cell 4: nothing. Cell 10: October only.
StatisticsEngine Loaded() {
    StatisticsEngine e;
    e.SetTree(Tree());
    for (int month = 1; month <= 11; ++month) {
        if (month == 3) continue;
        MeetingFigures f = Held(3, month, MeetingKind::kRegular, 10, month == 6 ? 8 : 10);
        if (month == 6) f.unexcused = {MemberId(31), MemberId(32)};
        if (month <= 4) f.level = QualityLevel::kGood;
        if (month == 5) f.level = QualityLevel::kFair;
        if (month == 6) f.level = QualityLevel::kPoor;
        f.superior_attended = month == 5;
        e.PutMeeting(MeetingId(Id(3, month)), f);
    }
    e.PutMeeting(MeetingId(Id(3, 2, MeetingKind::kThematic)), Held(3, 2, MeetingKind::kThematic, 10, 9));
    e.PutMeeting(MeetingId(Id(3, 8, MeetingKind::kThematic)), Held(3, 8, MeetingKind::kThematic, 10, 10));
    for (int month = 1; month <= 10; ++month) e.PutMeeting(MeetingId(Id(6, month)), Held(6, month, {}, 20, 17));
    for (int month : {3, 6, 9})
        e.PutMeeting(MeetingId(Id(6, month, MeetingKind::kThematic)), Held(6, month, MeetingKind::kThematic, 20, 20));
    e.PutMeeting(MeetingId(Id(10, 10)), Held(10, 10, {}, 5, 5));
    for (int m = 1; m <= 10; ++m) Expect(e, 30 + m, {{3, D(2010, 1, 1), std::nullopt}});
    for (int m = 1; m <= 20; ++m) Expect(e, 60 + m, {{6, D(2010, 1, 1), std::nullopt}});
    return e;
}

TEST(Statistics, SumsASubtreeOverAYear) {
    const StatisticsEngine e = Loaded();
    const DashboardFigures commune = e.Figures(OrganizationId(2), kYear, kToday);
    EXPECT_EQ(commune.cells, 3);
    EXPECT_EQ(commune.members_expected, 10);
    // Cell 3 missed March; cell 4 held nothing; cell 10 (from September) held October but not
    // September: all three are due, none held every month.
    EXPECT_EQ(commune.cells_regular_due, 3);
    EXPECT_EQ(commune.cells_regular_all, 0);
    // Quarters I–III are over: cell 3 missed II, cell 4 all, cell 10 (active in III) missed III.
    EXPECT_EQ(commune.cells_thematic_due, 3);
    EXPECT_EQ(commune.cells_thematic_all, 0);
    EXPECT_EQ(commune.meetings_held, 10 + 2 + 1);
    EXPECT_EQ(commune.attendance_expected, 125);
    EXPECT_EQ(commune.attendance_present, 10 * 9 + 8 + 9 + 10 + 5);
    // Every meeting but June's (80 %) reached 90 %.
    EXPECT_EQ(commune.meetings_attendance_90, 12);
    EXPECT_EQ(commune.levels, (std::array<int, 4>{3, 1, 0, 1}));
    EXPECT_EQ(commune.meetings_superior, 1);
    EXPECT_EQ(commune.cells_visited, 1);
    EXPECT_EQ(commune.members_flagged, 0);

    const DashboardFigures other = e.Figures(OrganizationId(5), kYear, kToday);
    EXPECT_EQ(other.cells, 1);
    EXPECT_EQ(other.cells_regular_all, 1);
    EXPECT_EQ(other.cells_thematic_all, 1);
    EXPECT_EQ(other.meetings_attendance_90, 3);  // 17/20 = 85 % in the regular ones.
    const DashboardFigures province = e.Figures(OrganizationId(1), kYear, kToday);
    EXPECT_EQ(province.cells, 4);
    EXPECT_EQ(province.meetings_held, commune.meetings_held + other.meetings_held);
    EXPECT_EQ(province.members_expected, 30);
    EXPECT_EQ(province.cells_regular_all, 1);
    // A party group is inside cell 3's span but is not a cell.
    EXPECT_EQ(e.Figures(OrganizationId(7), kYear, kToday).cells, 0);
    EXPECT_EQ(e.Figures(OrganizationId(99), kYear, kToday), DashboardFigures{});
}

TEST(Statistics, PeriodsCountOnlyTheirMonthsAndMonthsNotOverAreDueOnlyOnceHeld) {
    const StatisticsEngine e = Loaded();
    // April to June: cell 3 held all three months; quarter II is over without a thematic meeting.
    const DashboardFigures q2 = e.Figures(OrganizationId(3), {MonthNumber(2026, 4), MonthNumber(2026, 6)}, kToday);
    EXPECT_EQ(q2.meetings_held, 3);
    EXPECT_EQ(q2.cells_regular_all, 1);
    EXPECT_EQ(q2.cells_thematic_due, 1);
    EXPECT_EQ(q2.cells_thematic_all, 0);
    // November is not over: cell 3 held it (due and met); cell 4 did not (not due yet).
    const MonthRange november{MonthNumber(2026, 11), MonthNumber(2026, 11)};
    const DashboardFigures now3 = e.Figures(OrganizationId(3), november, kToday);
    EXPECT_EQ(now3.cells_regular_due, 1);
    EXPECT_EQ(now3.cells_regular_all, 1);
    EXPECT_EQ(now3.cells_thematic_due, 0);  // Quarter IV is not over and nothing was held.
    EXPECT_EQ(e.Figures(OrganizationId(4), november, kToday).cells_regular_due, 0);
    // On 1 December November is over: cell 4 is then due and missing.
    const DashboardFigures later = e.Figures(OrganizationId(4), november, D(2026, 12, 1));
    EXPECT_EQ(later.cells_regular_due, 1);
    EXPECT_EQ(later.cells_regular_all, 0);
    // Before cell 10 was founded it is not counted at all.
    EXPECT_EQ(e.Figures(OrganizationId(10), {MonthNumber(2026, 1), MonthNumber(2026, 8)}, kToday).cells, 0);
    // Founded on the 1st, the month of its founding counts: September was due and missed.
    const auto alerts = e.Alerts(OrganizationId(10), kYear, kToday, 0, 10);
    ASSERT_EQ(alerts.missed.size(), 1U);
    EXPECT_EQ(alerts.missed[0].regular_months, (std::vector<int>{MonthNumber(2026, 9)}));
    EXPECT_EQ(alerts.missed[0].thematic_quarters, (std::vector<int>{MonthNumber(2026, 7)}));
}

TEST(Statistics, ACellOwesOnlyTheMonthsOfItsLifeAndAMergeHandsOverAtTheMonth) {
    // Cell 11 merged into cell 12 on 15/07/2026; cell 12 was founded for it that day. Cell 11 owes
    // January to July, cell 12 from August: July is neither's twice, nor no one's.
    StatisticsEngine e;
    e.SetTree({Org(1, std::nullopt, "/1/", OrganizationKind::kProvince),
               Org(2, 1, "/1/2/", OrganizationKind::kCommuneCommittee),
               Org(11, 2, "/1/2/11/", OrganizationKind::kSubordinateCell, D(2010, 1, 1), D(2026, 7, 15)),
               Org(12, 2, "/1/2/12/", OrganizationKind::kSubordinateCell, D(2026, 7, 15))});
    for (int month = 1; month <= 7; ++month) e.PutMeeting(MeetingId(Id(11, month)), Held(11, month));
    for (int month = 8; month <= 10; ++month) e.PutMeeting(MeetingId(Id(12, month)), Held(12, month));
    // Thematic meetings: a quarter is owed by each cell alive in it, so both owe quarter III.
    for (int month : {3, 6, 7})
        e.PutMeeting(MeetingId(Id(11, month, MeetingKind::kThematic)), Held(11, month, MeetingKind::kThematic));
    e.PutMeeting(MeetingId(Id(12, 9, MeetingKind::kThematic)), Held(12, 9, MeetingKind::kThematic));
    const DashboardFigures year = e.Figures(OrganizationId(2), kYear, kToday);
    EXPECT_EQ(year.cells, 2);
    EXPECT_EQ(year.cells_regular_due, 2);
    EXPECT_EQ(year.cells_regular_all, 2);  // Neither is asked for the other's months.
    const MonthRange july{MonthNumber(2026, 7), MonthNumber(2026, 7)};
    EXPECT_EQ(e.Figures(OrganizationId(12), july, kToday).cells, 0);
    EXPECT_EQ(e.Figures(OrganizationId(11), july, kToday).cells_regular_all, 1);
    const MonthRange august{MonthNumber(2026, 8), MonthNumber(2026, 8)};
    EXPECT_EQ(e.Figures(OrganizationId(11), august, kToday).cells, 0);
    EXPECT_EQ(e.Alerts(OrganizationId(2), kYear, kToday, 0, 10).missed_total, 0);
    // Without its November meeting, cell 12 misses November — and only that.
    const auto alerts =
        e.Alerts(OrganizationId(2), {MonthNumber(2026, 1), MonthNumber(2026, 11)}, D(2026, 12, 5), 0, 10);
    ASSERT_EQ(alerts.missed.size(), 1U);
    EXPECT_EQ(alerts.missed[0].cell, OrganizationId(12));
    EXPECT_EQ(alerts.missed[0].regular_months, (std::vector<int>{MonthNumber(2026, 11)}));
}

TEST(Statistics, FollowsEveryChangeOfAMeeting) {
    StatisticsEngine e = Loaded();
    // March is recorded late: cell 3 now held every month.
    e.PutMeeting(MeetingId(Id(3, 3)), Held(3, 3));
    EXPECT_EQ(e.Figures(OrganizationId(3), kYear, kToday).meetings_held, 13);
    const MonthRange to_march{MonthNumber(2026, 1), MonthNumber(2026, 3)};
    EXPECT_EQ(e.Figures(OrganizationId(3), to_march, kToday).cells_regular_all, 1);
    // The roll call is corrected: 6 of 10.
    e.PutMeeting(MeetingId(Id(3, 3)), Held(3, 3, MeetingKind::kRegular, 10, 6));
    const DashboardFigures q1 = e.Figures(OrganizationId(3), to_march, kToday);
    EXPECT_EQ(q1.attendance_present, 10 + 10 + 9 + 6);
    EXPECT_EQ(q1.meetings_attendance_90, 3);
    // Then it turns out not to have been held (the record is withdrawn): March is missing again.
    e.PutMeeting(MeetingId(Id(3, 3)), std::nullopt);
    EXPECT_EQ(e.Figures(OrganizationId(3), to_march, kToday).cells_regular_all, 0);
    // Removing the February thematic meeting leaves quarter I without one.
    e.PutMeeting(MeetingId(Id(3, 2, MeetingKind::kThematic)), std::nullopt);
    const auto alerts = e.Alerts(OrganizationId(3), kYear, kToday, 0, 10);
    ASSERT_EQ(alerts.missed.size(), 1U);
    EXPECT_EQ(alerts.missed[0].thematic_quarters, (std::vector<int>{MonthNumber(2026, 1), MonthNumber(2026, 4)}));
    EXPECT_EQ(alerts.missed[0].regular_months, (std::vector<int>{MonthNumber(2026, 3)}));
    // On 10/11 a member moves from cell 3 to cell 6; another leaves the roll (or goes working away).
    Expect(e, 31, {{3, D(2010, 1, 1), D(2026, 11, 10)}, {6, D(2026, 11, 10), std::nullopt}});
    Expect(e, 32, {{3, D(2010, 1, 1), D(2026, 11, 10)}});
    EXPECT_EQ(e.Figures(OrganizationId(3), kYear, kToday).members_expected, 8);
    EXPECT_EQ(e.Figures(OrganizationId(6), kYear, kToday).members_expected, 21);
    // A past period counts the roll of its end: October's is the roll before the move.
    const MonthRange october{MonthNumber(2026, 10), MonthNumber(2026, 10)};
    EXPECT_EQ(e.Figures(OrganizationId(3), october, kToday).members_expected, 10);
    EXPECT_EQ(e.Figures(OrganizationId(6), october, kToday).members_expected, 20);
    EXPECT_EQ(e.Figures(OrganizationId(1), october, kToday).members_expected, 30);
    // A member who joined on 15/06 counts from June, not in the first quarter; one who joined and left
    // within a month is in no month's end.
    Expect(e, 99, {{3, D(2026, 6, 15), std::nullopt}});
    Expect(e, 98, {{3, D(2026, 6, 2), D(2026, 6, 20)}});
    EXPECT_EQ(e.Figures(OrganizationId(3), {MonthNumber(2026, 1), MonthNumber(2026, 3)}, kToday).members_expected, 10);
    EXPECT_EQ(e.Figures(OrganizationId(3), {MonthNumber(2026, 6), MonthNumber(2026, 6)}, kToday).members_expected, 11);
    // A year that runs into the future counts the roll of now.
    EXPECT_EQ(e.Figures(OrganizationId(3), kYear, kToday).members_expected, 9);
    Expect(e, 99, {});
    EXPECT_EQ(e.Figures(OrganizationId(3), kYear, kToday).members_expected, 8);
}

TEST(Statistics, CountsMembersAwayAndWhetherTheyHaveALetter) {
    StatisticsEngine e = Loaded();
    // Member 31 of cell 3 works away from 01/03/2026, with a letter from 10/03 to 15/07/2026: March to June end
    // with the letter running, July ends without one (expected again, away without a letter).
    const std::vector<Membership> memberships{
        {MembershipId(1), MemberId(31), OrganizationId(3), D(2010, 1, 1), std::nullopt, "Kết nạp"}};
    const std::vector<StatusChange> history{{MemberId(31), D(2010, 1, 1), MemberStatus::kOfficial},
                                            {MemberId(31), D(2026, 3, 1), MemberStatus::kWorkingAway}};
    TransferLetter letter;
    letter.member = MemberId(31);
    letter.from = D(2026, 3, 10);
    letter.to = D(2026, 7, 15);
    e.PutMember(MemberId(31), RollStaysOf(memberships, history, {letter}));
    auto at = [&](int month, int organization = 3) {
        return e.Figures(OrganizationId(organization), {MonthNumber(2026, month), MonthNumber(2026, month)}, kToday);
    };
    EXPECT_EQ(at(2).members_expected, 10);
    EXPECT_EQ(at(2).members_away, 0);
    for (int month : {3, 6}) {
        EXPECT_EQ(at(month).members_expected, 9) << month;
        EXPECT_EQ(at(month).members_away, 1) << month;
        EXPECT_EQ(at(month).members_away_without_letter, 0) << month;
    }
    // The letter ended on 15/07: at the end of July the member is expected, away without a letter.
    EXPECT_EQ(at(7).members_expected, 10);
    EXPECT_EQ(at(7).members_away, 1);
    EXPECT_EQ(at(7).members_away_without_letter, 1);
    // The province sums its subtree; a cell elsewhere has nobody away.
    EXPECT_EQ(at(6, 1).members_away, 1);
    EXPECT_EQ(at(6, 6).members_away, 0);
    // Back from working away on 01/08: nobody away from August on.
    std::vector<StatusChange> back = history;
    back.push_back({MemberId(31), D(2026, 8, 1), MemberStatus::kOfficial});
    e.PutMember(MemberId(31), RollStaysOf(memberships, back, {letter}));
    EXPECT_EQ(at(8).members_away, 0);
    EXPECT_EQ(at(6).members_away, 1);
    // A new tree (a reorganisation) keeps them.
    e.SetTree(Tree());
    EXPECT_EQ(at(6).members_away, 1);
    EXPECT_EQ(at(6).members_expected, 9);
}

TEST(Statistics, FlagsThreeUnexcusedAbsencesInTheCalendarYear) {
    StatisticsEngine e = Loaded();
    MeetingFigures july = Held(3, 7);
    july.unexcused = {MemberId(31)};
    e.PutMeeting(MeetingId(Id(3, 7)), july);
    EXPECT_EQ(e.Figures(OrganizationId(3), kYear, kToday).members_flagged, 0);
    MeetingFigures august = Held(3, 8);
    august.unexcused = {MemberId(31), MemberId(32)};
    e.PutMeeting(MeetingId(Id(3, 8)), august);
    EXPECT_EQ(e.Figures(OrganizationId(2), kYear, kToday).members_flagged, 1);
    // The year is the period's end's: a period ending in August counts the absences of 2026.
    EXPECT_EQ(e.Figures(OrganizationId(2), {MonthNumber(2026, 8), MonthNumber(2026, 8)}, kToday).members_flagged, 1);
    EXPECT_EQ(e.Figures(OrganizationId(2), {MonthNumber(2025, 1), MonthNumber(2025, 12)}, kToday).members_flagged, 0);
    // A period running into next year counts this year's (next year has not started).
    EXPECT_EQ(e.Figures(OrganizationId(2), {MonthNumber(2026, 1), MonthNumber(2030, 12)}, kToday).members_flagged, 1);
    const auto alerts = e.Alerts(OrganizationId(1), kYear, kToday, 0, 10);
    ASSERT_EQ(alerts.flagged.size(), 1U);
    EXPECT_EQ(alerts.flagged[0].member, MemberId(31));
    EXPECT_EQ(alerts.flagged[0].unexcused, 3);
    // Paged in tree order, cell by cell and by member: 31 and 32 of cell 3 (commune 2), then 61 of cell 6.
    MeetingFigures september = Held(3, 9);
    september.unexcused = {MemberId(32)};
    e.PutMeeting(MeetingId(Id(3, 9)), september);
    for (int month : {1, 2, 4}) {
        MeetingFigures f = Held(6, month, {}, 20, 17);
        f.unexcused = {MemberId(61)};
        e.PutMeeting(MeetingId(Id(6, month)), f);
    }
    std::vector<std::int64_t> members;
    for (int offset = 0; offset < 4; ++offset) {
        const auto page = e.Alerts(OrganizationId(1), kYear, kToday, offset, 1);
        EXPECT_EQ(page.flagged_total, 3);
        for (const FlaggedMember& f : page.flagged) members.push_back(f.member.value);
    }
    EXPECT_EQ(members, (std::vector<std::int64_t>{31, 32, 61}));
    EXPECT_EQ(e.Alerts(OrganizationId(5), kYear, kToday, 0, 10).flagged_total, 1);
    e.PutMeeting(MeetingId(Id(3, 8)), Held(3, 8));  // Corrected: present after all.
    EXPECT_EQ(e.Figures(OrganizationId(2), kYear, kToday).members_flagged, 0);
}

TEST(Statistics, AbsencesAddUpAcrossCellsAndTheFlagFollowsTheMember) {
    // Member 31: unexcused in cell 3 in June (Loaded) and July, transferred to cell 6 on 01/08, unexcused
    // there in September. The flag is shown at cell 6, with both cells.
    StatisticsEngine e = Loaded();
    MeetingFigures july = Held(3, 7);
    july.unexcused = {MemberId(31)};
    e.PutMeeting(MeetingId(Id(3, 7)), july);
    Expect(e, 31, {{3, D(2010, 1, 1), D(2026, 8, 1)}, {6, D(2026, 8, 1), std::nullopt}});
    MeetingFigures september = Held(6, 9, {}, 21, 20);
    september.unexcused = {MemberId(31)};
    e.PutMeeting(MeetingId(Id(6, 9)), september);
    EXPECT_EQ(e.Figures(OrganizationId(3), kYear, kToday).members_flagged, 0);
    EXPECT_EQ(e.Figures(OrganizationId(6), kYear, kToday).members_flagged, 1);
    EXPECT_EQ(e.Figures(OrganizationId(1), kYear, kToday).members_flagged, 1);
    const auto alerts = e.Alerts(OrganizationId(5), kYear, kToday, 0, 10);
    ASSERT_EQ(alerts.flagged.size(), 1U);
    EXPECT_EQ(alerts.flagged[0].cell, OrganizationId(6));
    EXPECT_EQ(alerts.flagged[0].unexcused, 3);
    EXPECT_EQ(alerts.flagged[0].absent_in,
              (std::vector<std::pair<OrganizationId, int>>{{OrganizationId(3), 2}, {OrganizationId(6), 1}}));
    EXPECT_EQ(e.Alerts(OrganizationId(2), kYear, kToday, 0, 10).flagged_total, 0);
    // Had the transfer been dated next January, the flag of 2026 would stay with cell 3.
    Expect(e, 31, {{3, D(2010, 1, 1), D(2027, 1, 4)}, {6, D(2027, 1, 4), std::nullopt}});
    EXPECT_EQ(e.Figures(OrganizationId(3), kYear, kToday).members_flagged, 1);
    EXPECT_EQ(e.Figures(OrganizationId(6), kYear, kToday).members_flagged, 0);
    // A rebuild of the tree gives the same.
    e.SetTree(Tree());
    EXPECT_EQ(e.Figures(OrganizationId(3), kYear, kToday).members_flagged, 1);
    EXPECT_EQ(e.Figures(OrganizationId(1), kYear, kToday).members_flagged, 1);
}

TEST(Statistics, AReindexKeepsTheMeetingsAndChildrenFollowThePeriod) {
    StatisticsEngine e = Loaded();
    std::vector<StatOrganization> tree = Tree();
    for (StatOrganization& o : tree) {
        if (o.id == OrganizationId(4)) {
            o.parent = OrganizationId(5);
            o.path = "/1/5/4/";
        }
        if (o.id == OrganizationId(6)) o.valid_to = D(2026, 7, 1);  // Dissolved on 1 July.
    }
    e.SetTree(tree);
    EXPECT_EQ(e.Figures(OrganizationId(5), kYear, kToday).cells, 2);
    EXPECT_EQ(e.Figures(OrganizationId(2), kYear, kToday).cells, 2);
    // After July cell 6 no longer counts; its meetings of the first half stay.
    const MonthRange h2{MonthNumber(2026, 7), MonthNumber(2026, 12)};
    EXPECT_EQ(e.Figures(OrganizationId(6), h2, kToday).cells, 0);
    EXPECT_EQ(e.Figures(OrganizationId(6), kYear, kToday).meetings_held, 13);
    std::vector<int> children;
    for (const StatOrganization* o : e.Children(OrganizationId(5), h2))
        children.push_back(static_cast<int>(o->id.value));
    EXPECT_EQ(children, (std::vector<int>{4}));
    children.clear();
    for (const StatOrganization* o : e.Children(OrganizationId(2), {MonthNumber(2026, 1), MonthNumber(2026, 6)}))
        children.push_back(static_cast<int>(o->id.value));
    EXPECT_EQ(children, (std::vector<int>{3})) << "cell 10 was founded in September";
}

// Reorganisations keep past periods: a period before a move is what it was, a period after it is the
// cell's figures moved from one commune to the other, and the province never changes.
TEST(Statistics, AMovedCellKeepsItsPastUnderItsOldParent) {
    StatisticsEngine before = Loaded();
    StatisticsEngine after = Loaded();
    after.SetTree(MovedTree());
    before.PutMeeting(MeetingId(4005), Held(4, 5));
    after.PutMeeting(MeetingId(4005), Held(4, 5));
    before.PutMeeting(MeetingId(4010), Held(4, 10));
    after.PutMeeting(MeetingId(4010), Held(4, 10));
    auto fig = [](const StatisticsEngine& e, int node, MonthRange r) {
        return e.Figures(OrganizationId(node), r, kToday);
    };
    const MonthRange jan_feb{MonthNumber(2026, 1), MonthNumber(2026, 2)};
    const MonthRange h2{MonthNumber(2026, 9), MonthNumber(2026, 12)};

    // Before any move: nothing changes for either commune.
    EXPECT_EQ(fig(after, 2, jan_feb).cells, 2);  // Cells 3 and 4 (10 is founded in September).
    auto without_members = [](DashboardFigures f) {
        f.members_expected = 0;  // Members count where they are now.
        return f;
    };
    EXPECT_EQ(without_members(fig(after, 2, jan_feb)), without_members(fig(before, 2, jan_feb)));
    EXPECT_EQ(fig(after, 5, jan_feb).meetings_held, fig(before, 5, jan_feb).meetings_held);

    // From September to December: cell 3 is commune 5's with everything it held, cell 4 is back in 2.
    DashboardFigures five = fig(before, 5, h2);
    five += fig(before, 3, h2);
    EXPECT_EQ(fig(after, 5, h2), five);
    DashboardFigures two = fig(before, 4, h2);
    two += fig(before, 10, h2);
    EXPECT_EQ(fig(after, 2, h2), two);

    // May: cell 4 held its meeting under commune 5 and counts there; cell 3 is still in commune 2.
    const MonthRange may{MonthNumber(2026, 5), MonthNumber(2026, 5)};
    EXPECT_EQ(fig(after, 5, may).meetings_held, fig(before, 5, may).meetings_held + 1);
    EXPECT_EQ(fig(after, 5, may).cells, 2);
    EXPECT_EQ(fig(after, 2, may).cells, 1);

    // The year: a meeting counts where its cell was that month, a cell where it was in December.
    EXPECT_EQ(fig(after, 2, kYear).cells, 2);  // 4 and 10.
    EXPECT_EQ(fig(after, 5, kYear).cells, 2);  // 3 and 6.
    EXPECT_EQ(fig(after, 2, kYear).meetings_held + fig(after, 5, kYear).meetings_held,
              fig(before, 1, kYear).meetings_held);
    EXPECT_EQ(fig(after, 5, kYear).meetings_held, fig(before, 5, kYear).meetings_held + 6 + 1);  // 3: Jul–Nov.

    // An organisation's own figures and the province's never change, for any period.
    for (int first = 1; first <= 12; ++first)
        for (int last = first; last <= 12; ++last) {
            const MonthRange r{MonthNumber(2026, first), MonthNumber(2026, last)};
            for (int node : {1, 3, 4, 7}) EXPECT_EQ(fig(after, node, r), fig(before, node, r)) << node;
            EXPECT_EQ(after.Alerts(OrganizationId(1), r, kToday, 0, 100).missed_total,
                      before.Alerts(OrganizationId(1), r, kToday, 0, 100).missed_total);
        }

    auto children = [&](int node, MonthRange r) {
        std::vector<std::string> out;
        for (const StatOrganization* o : after.Children(OrganizationId(node), r)) out.push_back(o->path);
        return out;
    };
    EXPECT_EQ(children(2, jan_feb), (std::vector<std::string>{"/1/2/3/", "/1/2/4/"}));
    EXPECT_EQ(children(5, may), (std::vector<std::string>{"/1/5/4/", "/1/5/6/"}));
    EXPECT_EQ(children(2, kYear), (std::vector<std::string>{"/1/2/10/", "/1/2/4/"}));
    EXPECT_EQ(children(5, kYear), (std::vector<std::string>{"/1/5/3/", "/1/5/6/"}));
    EXPECT_EQ(after.Find(OrganizationId(3))->path, "/1/5/3/");
    EXPECT_EQ(after.Find(OrganizationId(4))->path, "/1/2/4/");
    const auto missed = after.Alerts(OrganizationId(2), jan_feb, kToday, 0, 10);
    ASSERT_EQ(missed.missed_total, 1);  // Cell 4 held nothing in January and February.
    EXPECT_EQ(missed.missed[0].cell, OrganizationId(4));
}

TEST(Statistics, AlertsArePagedInTreeOrder) {
    const StatisticsEngine e = Loaded();
    const auto all = e.Alerts(OrganizationId(1), kYear, kToday, 0, 10);
    EXPECT_EQ(all.missed_total, 3);
    std::vector<int> cells;
    for (const MissedCell& m : all.missed) cells.push_back(static_cast<int>(m.cell.value));
    EXPECT_EQ(cells, (std::vector<int>{10, 3, 4}));  // Paths "/1/2/10/" < "/1/2/3/" < "/1/2/4/".
    const auto second = e.Alerts(OrganizationId(1), kYear, kToday, 1, 1);
    EXPECT_EQ(second.missed_total, 3);
    ASSERT_EQ(second.missed.size(), 1U);
    EXPECT_EQ(second.missed[0].cell, OrganizationId(3));
    EXPECT_EQ(all.missed[2].regular_months.size(), 10U);  // Cell 4: January to October.
}

// The consistency check: a long random series of puts, replacements and removals gives the figures
// of an engine loaded once with the final state, for every organisation and many periods.
class StatisticsConsistency : public testing::TestWithParam<bool> {
protected:
    static std::vector<StatOrganization> TreeOf(bool moved) { return moved ? MovedTree() : Tree(); }
};

TEST_P(StatisticsConsistency, IncrementalMaintenanceEqualsARebuild) {
    std::mt19937 rng(42);
    const bool moved = GetParam();
    StatisticsEngine incremental;
    incremental.SetTree(TreeOf(moved));
    std::map<int, std::optional<MeetingFigures>> final_state;
    const int cells[] = {3, 4, 6, 10};
    for (int step = 0; step < 3000; ++step) {
        const int cell = cells[rng() % 4];
        const int month = 1 + static_cast<int>(rng() % 12);
        const auto kind = rng() % 4 == 0 ? MeetingKind::kThematic : MeetingKind::kRegular;
        const int id = Id(cell, month, kind);
        std::optional<MeetingFigures> f;
        if (rng() % 5 != 0) {
            const int expected = 5 + static_cast<int>(rng() % 20);
            f = Held(cell, month, kind, expected, expected - static_cast<int>(rng() % 4));
            if (rng() % 3 == 0) f->level = static_cast<QualityLevel>(rng() % 4);
            f->superior_attended = rng() % 4 == 0;
            for (int m = 0; m < 3; ++m)
                if (rng() % 3 == 0) f->unexcused.push_back(MemberId(cell * 100 + m));
        }
        incremental.PutMeeting(MeetingId(id), f);
        final_state[id] = f;
        if (step == 1500) incremental.SetTree(TreeOf(moved));  // A reindex half-way.
    }
    StatisticsEngine rebuilt;
    for (const auto& [id, f] : final_state)
        if (f) rebuilt.PutMeeting(MeetingId(id), f);
    rebuilt.SetTree(TreeOf(moved));
    // The same meetings on the tree before the moves: the province and each cell see no difference.
    StatisticsEngine unmoved;
    for (const auto& [id, f] : final_state)
        if (f) unmoved.PutMeeting(MeetingId(id), f);
    unmoved.SetTree(Tree());
    for (int node : {1, 2, 3, 4, 5, 6, 7, 10})
        for (int first = 1; first <= 12; ++first)
            for (int last = first; last <= 12; last += 2) {
                const MonthRange r{MonthNumber(2026, first), MonthNumber(2026, last)};
                SCOPED_TRACE(testing::Message() << node << " " << first << "–" << last);
                EXPECT_EQ(incremental.Figures(OrganizationId(node), r, kToday),
                          rebuilt.Figures(OrganizationId(node), r, kToday));
                EXPECT_EQ(incremental.Alerts(OrganizationId(node), r, kToday, 0, 100).flagged_total,
                          rebuilt.Alerts(OrganizationId(node), r, kToday, 0, 100).flagged_total);
                if (node == 1 || node == 3 || node == 4 || node == 6 || node == 10) {
                    EXPECT_EQ(rebuilt.Figures(OrganizationId(node), r, kToday),
                              unmoved.Figures(OrganizationId(node), r, kToday));
                }
            }
}

INSTANTIATE_TEST_SUITE_P(Trees, StatisticsConsistency, testing::Bool());

// The figures by their definition, cell by cell and month by month, against the engine's word masks and
// Fenwick sums: cells founded and dissolved at various times, meetings over ten years (several 64-month
// words), periods from a month to eight years, on several days.
TEST(Statistics, FiguresEqualTheirDefinitionOverManyYears) {
    std::mt19937 rng(7);
    std::vector<StatOrganization> tree = {Org(1, std::nullopt, "/1/", OrganizationKind::kProvince),
                                          Org(2, 1, "/1/2/", OrganizationKind::kCommuneCommittee),
                                          Org(5, 1, "/1/5/", OrganizationKind::kCommuneCommittee)};
    std::vector<int> cells;
    for (int c = 10; c < 40; ++c) {
        const int parent = c % 3 == 0 ? 5 : 2;
        base::Date from = D(2010, 1, 1);
        std::optional<base::Date> to;
        if (c % 4 == 1)
            from = D(2018 + static_cast<int>(rng() % 8), 1 + static_cast<int>(rng() % 12),
                     1 + static_cast<int>(rng() % 28));
        if (c % 5 == 2)
            to = D(2020 + static_cast<int>(rng() % 8), 1 + static_cast<int>(rng() % 12),
                   1 + static_cast<int>(rng() % 28));
        if (to && *to <= from) to = from.AddDays(40);
        tree.push_back(Org(c, parent, "/1/" + std::to_string(parent) + "/" + std::to_string(c) + "/",
                           OrganizationKind::kSubordinateCell, from, to));
        cells.push_back(c);
    }
    StatisticsEngine e;
    e.SetTree(tree);
    std::vector<MeetingFigures> held;
    const int first_month = MonthNumber(2018, 1);
    const int months = 10 * 12;
    for (int c : cells)
        for (int m = first_month; m < first_month + months; ++m)
            for (MeetingKind kind : {MeetingKind::kRegular, MeetingKind::kThematic}) {
                if (rng() % 100 >= (kind == MeetingKind::kRegular ? 93U : 30U)) continue;
                MeetingFigures f;
                f.cell = OrganizationId(c);
                f.kind = kind;
                f.month = m;
                f.held = true;
                f.expected = 10;
                f.present = 7 + static_cast<int>(rng() % 4);
                f.superior_attended = rng() % 10 == 0;
                e.PutMeeting(MeetingId(static_cast<std::int64_t>(held.size()) + 1), f);
                held.push_back(f);
            }

    struct Month {
        bool regular = false;
        bool thematic = false;
        bool superior = false;
    };
    std::map<std::pair<std::int64_t, int>, Month> by_month;  // (cell, month) → what was held.
    std::map<std::int64_t, std::vector<MeetingFigures>> held_by_cell;
    for (const MeetingFigures& f : held) {
        held_by_cell[f.cell.value].push_back(f);
        Month& m = by_month[{f.cell.value, f.month}];
        (f.kind == MeetingKind::kRegular ? m.regular : m.thematic) = true;
        m.superior = m.superior || f.superior_attended;
    }
    auto definition = [&](int node, MonthRange r, base::Date today) {
        DashboardFigures d;
        const int last_over = MonthOf(today) - 1;
        const std::string prefix = "/1/" + (node == 1 ? std::string() : std::to_string(node) + "/");
        for (const StatOrganization& o : tree) {
            if (!IsCell(o.kind) || o.path.rfind(prefix, 0) != 0) continue;
            for (const MeetingFigures& f : held_by_cell[o.id.value])
                if (r.first <= f.month && f.month <= r.last) {
                    ++d.meetings_held;
                    d.attendance_expected += f.expected;
                    d.attendance_present += f.present;
                    d.meetings_attendance_90 += f.present * 10 >= f.expected * 9 ? 1 : 0;
                    d.meetings_superior += f.superior_attended ? 1 : 0;
                }
            // A cell owes the months it exists on the first day of.
            const int first = std::max(r.first, MonthOf(o.valid_from) + (o.valid_from.day() == 1 ? 0 : 1));
            const int last = std::min(r.last, o.valid_to ? MonthOf(o.valid_to->AddDays(-1)) : r.last);
            if (first > last) continue;
            ++d.cells;
            auto any = [&](MeetingKind kind, int from, int to, bool superior) {
                for (int m = from; m <= to; ++m) {
                    auto it = by_month.find({o.id.value, m});
                    if (it == by_month.end()) continue;
                    if (superior ? it->second.superior
                                 : (kind == MeetingKind::kRegular ? it->second.regular : it->second.thematic))
                        return true;
                }
                return false;
            };
            bool regular_due = false, regular_all = true, thematic_due = false, thematic_all = true;
            for (int m = first; m <= last; ++m) {
                const bool h = any(MeetingKind::kRegular, m, m, false);
                if (m <= last_over) {
                    regular_due = true;
                    regular_all = regular_all && h;
                } else if (h) {
                    regular_due = true;
                }
            }
            for (int q = first / 3; q <= last / 3; ++q) {
                const bool h = any(MeetingKind::kThematic, q * 3, q * 3 + 2, false);
                if (q * 3 + 2 <= last_over) {
                    thematic_due = true;
                    thematic_all = thematic_all && h;
                } else if (h) {
                    thematic_due = true;
                }
            }
            d.cells_regular_due += regular_due ? 1 : 0;
            d.cells_regular_all += regular_due && regular_all ? 1 : 0;
            d.cells_thematic_due += thematic_due ? 1 : 0;
            d.cells_thematic_all += thematic_due && thematic_all ? 1 : 0;
            d.cells_visited += any(MeetingKind::kRegular, first, last, true) ? 1 : 0;
        }
        return d;
    };

    int compared = 0;
    for (base::Date today : {D(2019, 2, 10), D(2023, 7, 1), D(2026, 11, 22), D(2029, 1, 5)})
        for (int trial = 0; trial < 60; ++trial) {
            const int length = std::array{1, 3, 12, 60, 96}[rng() % 5];
            const int first = first_month - 6 + static_cast<int>(rng() % (months + 6));
            const MonthRange r{first, first + length - 1};
            for (int node : {1, 2, 5}) {
                SCOPED_TRACE(testing::Message() << node << " " << r.first << "–" << r.last << " " << today.ToIso());
                EXPECT_EQ(e.Figures(OrganizationId(node), r, today), definition(node, r, today));
                ++compared;
            }
            // The trend: every month of the period (and the period itself) in one pass.
            std::vector<MonthRange> trend{r};
            for (int m = r.first; m <= std::min(r.last, r.first + 13); ++m) trend.push_back({m, m});
            const std::vector<DashboardFigures> got = e.Figures(OrganizationId(2), trend, today);
            ASSERT_EQ(got.size(), trend.size());
            for (std::size_t i = 0; i < trend.size(); ++i) EXPECT_EQ(got[i], definition(2, trend[i], today));
        }
    EXPECT_EQ(compared, 720);
}

}  // namespace
}  // namespace chibo::domain
