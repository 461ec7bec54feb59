#include "domain/alert.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace chibo::domain {
namespace {

base::Date D(int y, int m, int d) {
    return *base::Date::FromYmd(y, m, d);
}

// A regular meeting of `month` 2026 held well: on the 3rd, 100 minutes, documents 3 days ahead,
// minutes the same day, reported the next day, everyone present.
MeetingEvidence Good(int month, MeetingKind kind = MeetingKind::kRegular) {
    MeetingEvidence e;
    Meeting& m = e.meeting;
    m.id = MeetingId(month * 10 + (kind == MeetingKind::kThematic ? 1 : 0));
    m.kind = kind;
    m.year = 2026;
    m.month = month;
    m.date = D(2026, month, 3);
    m.start_minutes = 14 * 60;
    m.min_minutes = 90;
    m.state = MeetingState::kReported;
    m.documents_sent_at = m.StartsAt() - 3 * 86400;
    m.record.started_minutes = 14 * 60;
    m.record.ended_minutes = 15 * 60 + 40;
    m.finalised_at = m.StartsAt() + 2 * 3600;
    m.reported_at = m.StartsAt() + 86400;
    for (int i = 1; i <= 10; ++i)
        e.attendance.push_back(
            {MemberId(i), "Đồng chí " + std::to_string(i), MemberStatus::kOfficial, Presence::kPresent, ""});
    return e;
}

Member Official(int id) {
    Member m;
    m.id = MemberId(id);
    m.full_name = "Đồng chí " + std::to_string(id);
    m.status = MemberStatus::kOfficial;
    return m;
}

CellAlertInput Cell() {
    CellAlertInput in;
    in.active_from = D(2020, 1, 1);
    in.has_committee = true;
    for (int i = 1; i <= 10; ++i) in.roll.push_back(Official(i));
    return in;
}

std::vector<AlertKind> Kinds(const std::vector<Alert>& alerts) {
    std::vector<AlertKind> out;
    for (const Alert& a : alerts) out.push_back(a.kind);
    return out;
}

TEST(CellAlertsTest, AWellRunCellHasNone) {
    CellAlertInput in = Cell();
    in.meetings = {Good(1), Good(2), Good(3), Good(3, MeetingKind::kThematic)};
    EXPECT_TRUE(CellAlerts(in, D(2026, 4, 1)).empty());
}

TEST(CellAlertsTest, AMissedMonthCountsOnceTheMonthIsOver) {
    CellAlertInput in = Cell();
    in.meetings = {Good(1)};
    // 28 February: February is not over yet.
    EXPECT_TRUE(CellAlerts(in, D(2026, 2, 28)).empty());
    // 1 March: February was missed.
    const auto alerts = CellAlerts(in, D(2026, 3, 1));
    ASSERT_EQ(alerts.size(), 1U);
    EXPECT_EQ(alerts[0].kind, AlertKind::kMissedRegular);
    EXPECT_EQ(alerts[0].month, 2);
    EXPECT_EQ(alerts[0].message, "Tháng 2/2026 chưa sinh hoạt thường kỳ.");
    // A cell founded in March is not asked for January and February.
    in.active_from = D(2026, 3, 1);
    EXPECT_TRUE(CellAlerts(in, D(2026, 3, 1)).empty());
}

TEST(CellAlertsTest, AQuarterWithoutAThematicMeeting) {
    CellAlertInput in = Cell();
    in.meetings = {Good(1), Good(2), Good(3)};
    EXPECT_EQ(Kinds(CellAlerts(in, D(2026, 3, 31))), std::vector<AlertKind>{});
    EXPECT_EQ(Kinds(CellAlerts(in, D(2026, 4, 1))), std::vector<AlertKind>{AlertKind::kMissedThematic});
    // Held in February, another month of the quarter, it counts.
    in.meetings.push_back(Good(2, MeetingKind::kThematic));
    EXPECT_TRUE(CellAlerts(in, D(2026, 4, 1)).empty());
    // A cancelled or planned one does not.
    in.meetings.back().meeting.state = MeetingState::kCancelled;
    EXPECT_EQ(CellAlerts(in, D(2026, 4, 1)).size(), 1U);
}

TEST(CellAlertsTest, EachHeldMeetingIsCheckedAgainstTheRules) {
    CellAlertInput in = Cell();
    MeetingEvidence e = Good(1);
    e.meeting.record.ended_minutes = 15 * 60 + 29;                          // 89 minutes.
    e.attendance[0].presence = Presence::kUnexcused;                        // 9/10 = 90 %: not low.
    e.meeting.documents_sent_at = e.meeting.StartsAt() - 23 * 3600;         // 23 hours ahead.
    e.meeting.finalised_at = base::VietnamInstant(D(2026, 1, 5), 23 * 60);  // Day 2: on time.
    e.meeting.reported_at = base::VietnamInstant(D(2026, 1, 6), 8 * 60);    // Day 3: late.
    in.meetings = {e};
    const auto kinds = Kinds(CellAlerts(in, D(2026, 1, 20)));
    EXPECT_EQ(kinds, (std::vector<AlertKind>{AlertKind::kTooShort, AlertKind::kDocumentsLate, AlertKind::kReportLate}));

    e.attendance[1].presence = Presence::kUnexcused;  // 8/10.
    e.meeting.documents_sent_at.reset();              // Never sent.
    e.meeting.finalised_at.reset();
    e.meeting.reported_at.reset();
    e.meeting.state = MeetingState::kHeld;
    in.meetings = {e};
    // On the 5th the minutes and report are still within their 2 days.
    EXPECT_EQ(Kinds(CellAlerts(in, D(2026, 1, 5))),
              (std::vector<AlertKind>{AlertKind::kTooShort, AlertKind::kLowAttendance, AlertKind::kDocumentsLate}));
    const auto late = CellAlerts(in, D(2026, 1, 6));
    EXPECT_EQ(Kinds(late),
              (std::vector<AlertKind>{AlertKind::kTooShort, AlertKind::kLowAttendance, AlertKind::kDocumentsLate,
                                      AlertKind::kMinutesLate, AlertKind::kReportLate}));
    EXPECT_EQ(late[1].meeting, e.meeting.id);
    EXPECT_EQ(late[1].message, "Sinh hoạt thường kỳ tháng 1/2026: tỷ lệ dự 80 %, dưới 90 %.");
}

TEST(CellAlertsTest, MembersAndComposition) {
    CellAlertInput in = Cell();
    in.meetings = {Good(1), Good(2), Good(3), Good(3, MeetingKind::kThematic)};
    for (int month : {0, 1, 2})
        in.meetings[static_cast<std::size_t>(month)].attendance[4].presence = Presence::kUnexcused;
    Member probationary = Official(11);
    probationary.status = MemberStatus::kProbationary;
    probationary.admission_date = D(2025, 3, 20);
    in.roll.push_back(probationary);
    // 19 March: the year is not up; 20 March: confirmation due.
    auto kinds = Kinds(CellAlerts(in, D(2026, 3, 19)));
    EXPECT_EQ(kinds, std::vector<AlertKind>{AlertKind::kRepeatedAbsences});
    const auto alerts = CellAlerts(in, D(2026, 3, 20));
    ASSERT_EQ(Kinds(alerts), (std::vector<AlertKind>{AlertKind::kRepeatedAbsences, AlertKind::kConfirmationDue}));
    EXPECT_EQ(alerts[0].member, MemberId(5));
    EXPECT_EQ(alerts[1].member, MemberId(11));

    CellAlertInput small = Cell();
    small.meetings = in.meetings;
    for (auto& e : small.meetings) e.attendance[4].presence = Presence::kPresent;
    small.has_committee = false;
    EXPECT_EQ(Kinds(CellAlerts(small, D(2026, 3, 20))), std::vector<AlertKind>{AlertKind::kCommitteeRequired});
    small.roll.resize(2);
    EXPECT_EQ(Kinds(CellAlerts(small, D(2026, 3, 20))), std::vector<AlertKind>{AlertKind::kTooFewOfficial});
}

}  // namespace
}  // namespace chibo::domain
