#include "domain/grading.hpp"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

base::Date D(int y, int m, int d) {
    return *base::Date::FromYmd(y, m, d);
}

TEST(GradingPeriod, ParsesYearsQuartersAndTerms) {
    struct Case {
        const char* code;
        GradingPeriodKind kind;
        base::Date from;
        base::Date to;
        const char* label;
    };
    const Case cases[] = {
        {"2026", GradingPeriodKind::kYear, D(2026, 1, 1), D(2026, 12, 31), "Năm 2026"},
        {"2026-Q1", GradingPeriodKind::kQuarter, D(2026, 1, 1), D(2026, 3, 31), "Quý I/2026"},
        {"2024-Q1", GradingPeriodKind::kQuarter, D(2024, 1, 1), D(2024, 3, 31), "Quý I/2024"},
        {"2026-Q3", GradingPeriodKind::kQuarter, D(2026, 7, 1), D(2026, 9, 30), "Quý III/2026"},
        {"2026-Q4", GradingPeriodKind::kQuarter, D(2026, 10, 1), D(2026, 12, 31), "Quý IV/2026"},
        {"2025-2030", GradingPeriodKind::kTerm, D(2025, 1, 1), D(2030, 12, 31), "Nhiệm kỳ 2025–2030"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.code);
        auto p = ParseGradingPeriod(c.code);
        ASSERT_TRUE(p);
        EXPECT_EQ(p->kind, c.kind);
        EXPECT_EQ(p->from, c.from);
        EXPECT_EQ(p->to, c.to);
        EXPECT_EQ(p->Label(), c.label);
        EXPECT_EQ(p->code, c.code);
    }
    for (const char* bad : {"", "26", "2026-Q5", "2026-Q0", "2026-q3", "2030-2025", "2025-2040", "1999", "2026-13",
                            "abcd", "2026 ", "2026-Q3x"}) {
        SCOPED_TRACE(bad);
        auto p = ParseGradingPeriod(bad);
        ASSERT_FALSE(p);
        EXPECT_EQ(p.error().field, "period");
    }
}

TEST(GradeLevel, FollowsTheHundredPointFrameAndItsConditions) {
    struct Case {
        int total;
        bool exceeded;
        bool disciplined;
        GradeLevel level;
    };
    const Case cases[] = {
        {100, true, false, GradeLevel::kExcellent},    {90, true, false, GradeLevel::kExcellent},
        {90, false, false, GradeLevel::kGood},         {95, true, true, GradeLevel::kGood},
        {89, true, false, GradeLevel::kGood},          {70, false, false, GradeLevel::kGood},
        {69, false, false, GradeLevel::kCompleted},    {50, false, false, GradeLevel::kCompleted},
        {49, false, false, GradeLevel::kNotCompleted}, {0, false, false, GradeLevel::kNotCompleted},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.total);
        EXPECT_EQ(LevelFor(c.total, c.exceeded, c.disciplined), c.level);
    }
    EXPECT_TRUE(GoodOrBetter(GradeLevel::kExcellent));
    EXPECT_TRUE(GoodOrBetter(GradeLevel::kGood));
    EXPECT_FALSE(GoodOrBetter(GradeLevel::kCompleted));
    for (GradeLevel l : {GradeLevel::kExcellent, GradeLevel::kGood, GradeLevel::kCompleted, GradeLevel::kNotCompleted})
        EXPECT_EQ(GradeLevelFromCode(ToCode(l)), l);
}

TEST(Grade, ChecksPointsAndFillsTotalAndLevel) {
    Grade g;
    g.general_points = 28;
    g.task_points = 65;
    g.exceeded_targets = true;
    ASSERT_TRUE(CompleteGrade(g));
    EXPECT_EQ(g.total, 93);
    EXPECT_EQ(g.level, GradeLevel::kExcellent);
    g.disciplined = true;
    ASSERT_TRUE(CompleteGrade(g));
    EXPECT_EQ(g.level, GradeLevel::kGood);

    g.general_points = 31;
    EXPECT_EQ(CompleteGrade(g).error().field, "general_points");
    g.general_points = -1;
    EXPECT_EQ(CompleteGrade(g).error().field, "general_points");
    g.general_points = 30;
    g.task_points = 71;
    EXPECT_EQ(CompleteGrade(g).error().field, "task_points");
}

TEST(GradingStep, FollowsSelfThenCollectiveThenDecision) {
    EXPECT_TRUE(CheckStepOrder(GradingStep::kSelf, false, false));
    EXPECT_EQ(CheckStepOrder(GradingStep::kCollective, false, false).error().code, base::ErrorCode::kConflict);
    EXPECT_TRUE(CheckStepOrder(GradingStep::kCollective, true, false));
    EXPECT_FALSE(CheckStepOrder(GradingStep::kDecision, true, false));
    EXPECT_TRUE(CheckStepOrder(GradingStep::kDecision, true, true));
}

GradedMeeting Held(int id, MeetingKind kind, base::Date day, int present, int excused, int unexcused,
                   std::optional<QualityLevel> level) {
    GradedMeeting g;
    g.meeting.id = MeetingId(id);
    g.meeting.kind = kind;
    g.meeting.date = day;
    g.meeting.year = day.year();
    g.meeting.month = day.month();
    g.meeting.state = MeetingState::kReported;
    int member = 1;
    for (int i = 0; i < present; ++i)
        g.attendance.push_back({MemberId(member++), "", MemberStatus::kOfficial, Presence::kPresent, ""});
    for (int i = 0; i < excused; ++i)
        g.attendance.push_back({MemberId(member++), "", MemberStatus::kOfficial, Presence::kExcused, "ốm"});
    for (int i = 0; i < unexcused; ++i)
        g.attendance.push_back({MemberId(member++), "", MemberStatus::kOfficial, Presence::kUnexcused, ""});
    g.attendance.push_back({MemberId(99), "", MemberStatus::kExempt, Presence::kExempt, ""});
    g.level = level;
    return g;
}

ResolutionTask Task(base::Date deadline, TaskOutcome outcome, std::optional<MemberId> assignee = std::nullopt) {
    ResolutionTask t;
    t.deadline = deadline;
    t.outcome = outcome;
    t.assignee = assignee;
    return t;
}

// A year of a cell up to 22/11/2026: regular meetings in every month but March (November's already
// held), a thematic meeting in quarters I and III, ten members on the roll plus one exempt.
GradingInput HandWorkedYear() {
    GradingInput in;
    in.period = *ParseGradingPeriod("2026");
    in.until = D(2026, 11, 22);
    in.today = D(2026, 11, 22);
    in.active_from = D(2010, 1, 1);
    int id = 1;
    for (int month = 1; month <= 11; ++month) {
        if (month == 3) continue;
        std::optional<QualityLevel> level;
        if (month <= 4) level = QualityLevel::kGood;
        if (month >= 5 && month <= 8) level = QualityLevel::kFair;
        if (month == 9) level = QualityLevel::kAverage;
        in.meetings.push_back(Held(id++, MeetingKind::kRegular, D(2026, month, 3), month == 6 ? 8 : 10,
                                   month == 6 ? 1 : 0, month == 6 ? 1 : 0, level));
    }
    in.meetings.push_back(Held(id++, MeetingKind::kThematic, D(2026, 2, 20), 10, 0, 0, std::nullopt));
    in.meetings.push_back(Held(id++, MeetingKind::kThematic, D(2026, 8, 20), 10, 0, 0, std::nullopt));
    GradedMeeting cancelled = Held(id++, MeetingKind::kRegular, D(2026, 3, 3), 0, 0, 0, QualityLevel::kPoor);
    cancelled.meeting.state = MeetingState::kCancelled;
    in.meetings.push_back(cancelled);
    GradedMeeting last_year = Held(id++, MeetingKind::kRegular, D(2025, 12, 3), 10, 0, 0, QualityLevel::kPoor);
    in.meetings.push_back(last_year);

    in.tasks = {Task(D(2026, 2, 28), TaskOutcome::kDone, MemberId(1)),
                Task(D(2026, 4, 30), TaskOutcome::kDone, MemberId(1)),
                Task(D(2026, 6, 30), TaskOutcome::kDone),
                Task(D(2026, 7, 31), TaskOutcome::kDone),
                Task(D(2026, 8, 31), TaskOutcome::kPartlyDone, MemberId(2)),
                Task(D(2026, 9, 30), TaskOutcome::kNotDone, MemberId(2)),
                Task(D(2026, 10, 31), TaskOutcome::kOpen),
                Task(D(2025, 12, 31), TaskOutcome::kNotDone),
                Task(D(2026, 12, 31), TaskOutcome::kDone)};
    return in;
}

TEST(GradingEvidence, CountsTheCellsYearUpToToday) {
    const CellEvidence e = CellEvidenceOf(HandWorkedYear());
    // January–October are over (10), November is counted because it was held; March was missed.
    EXPECT_EQ(e.regular_expected, 11);
    EXPECT_EQ(e.regular_held, 10);
    // Quarters I–III are over; IV is not and has no thematic meeting yet.
    EXPECT_EQ(e.thematic_expected, 3);
    EXPECT_EQ(e.thematic_held, 2);
    EXPECT_EQ(e.meetings_scored, 8);
    EXPECT_EQ(e.levels.at(QualityLevel::kGood), 3);
    EXPECT_EQ(e.levels.at(QualityLevel::kFair), 4);
    EXPECT_EQ(e.levels.at(QualityLevel::kAverage), 1);
    EXPECT_EQ(e.levels.count(QualityLevel::kPoor), 0U);
    // 12 held meetings × 10 expected (exempt not counted); June had one excused and one unexcused.
    EXPECT_EQ(e.attendance_expected, 120);
    EXPECT_EQ(e.attendance_present, 118);
    // Due in 2026 up to today and reviewed: 4 done, 1 partly, 1 not (open and next month's do not count).
    EXPECT_EQ(e.tasks_assessed, 6);
    EXPECT_DOUBLE_EQ(e.tasks_met, 4.5);
}

TEST(GradingEvidence, AMonthIsOverOnlyTheDayAfterItsLast) {
    GradingInput in;
    in.period = *ParseGradingPeriod("2026");
    in.active_from = D(2010, 1, 1);
    in.until = D(2026, 3, 31);
    in.today = D(2026, 3, 31);  // The last day of March: March and quarter I are not over yet.
    EXPECT_EQ(CellEvidenceOf(in).regular_expected, 2);
    EXPECT_EQ(CellEvidenceOf(in).thematic_expected, 0);
    in.today = D(2026, 4, 1);
    in.until = D(2026, 4, 1);
    EXPECT_EQ(CellEvidenceOf(in).regular_expected, 3);
    EXPECT_EQ(CellEvidenceOf(in).thematic_expected, 1);
}

TEST(GradingEvidence, AMeetingMovedIntoTheNextMonthCountsForItsOwn) {
    GradingInput in;
    in.period = *ParseGradingPeriod("2026-Q4");
    in.active_from = D(2010, 1, 1);
    in.until = D(2026, 12, 31);
    GradedMeeting november = Held(1, MeetingKind::kRegular, D(2026, 12, 2), 5, 0, 0, std::nullopt);
    november.meeting.month = 11;  // November's meeting, moved to 02/12.
    in.meetings = {Held(2, MeetingKind::kRegular, D(2026, 10, 3), 5, 0, 0, std::nullopt), november};
    const CellEvidence e = CellEvidenceOf(in);
    EXPECT_EQ(e.regular_expected, 3);
    EXPECT_EQ(e.regular_held, 2);  // October and November; December is missed, not filled by November's.
}

TEST(GradingEvidence, StartsAtTheCellsFoundingAndCountsQuartersOnlyWhenOver) {
    GradingInput in;
    in.period = *ParseGradingPeriod("2026");
    in.until = D(2026, 11, 22);
    in.today = D(2026, 11, 22);
    in.active_from = D(2026, 8, 15);  // Founded mid-August: August to October are expected.
    in.meetings.push_back(Held(1, MeetingKind::kRegular, D(2026, 9, 3), 5, 0, 0, std::nullopt));
    const CellEvidence e = CellEvidenceOf(in);
    EXPECT_EQ(e.regular_expected, 3);
    EXPECT_EQ(e.regular_held, 1);
    EXPECT_EQ(e.thematic_expected, 1);  // Quarter III is over; IV is not.
    EXPECT_EQ(e.thematic_held, 0);

    in.until = D(2026, 12, 31);  // The period is over: every month and quarter counts.
    in.today = std::nullopt;
    const CellEvidence whole = CellEvidenceOf(in);
    EXPECT_EQ(whole.regular_expected, 5);
    EXPECT_EQ(whole.thematic_expected, 2);

    in.active_from = D(2027, 1, 1);  // Founded after the period: nothing expected.
    const CellEvidence none = CellEvidenceOf(in);
    EXPECT_EQ(none.regular_expected, 0);
    EXPECT_EQ(none.thematic_expected, 0);
}

TEST(GradingEvidence, CountsEachMembersAttendanceSpeechesAndTasks) {
    GradingInput in = HandWorkedYear();
    in.meetings[0].opinions = {{MemberId(1), "", "Ý kiến"}, {MemberId(1), "", "Lần hai"}, {std::nullopt, "Khách", ""}};
    in.meetings[1].opinions = {{MemberId(1), "", "Ý kiến"}, {MemberId(10), "", "Ý kiến"}};
    const auto members = MemberEvidenceOf(in);
    const MemberEvidence& first = members.at(MemberId(1));
    EXPECT_EQ(first.meetings_expected, 12);
    EXPECT_EQ(first.present, 12);
    EXPECT_EQ(first.spoke, 2);  // Twice at one meeting counts once.
    EXPECT_EQ(first.tasks_assessed, 2);
    EXPECT_DOUBLE_EQ(first.tasks_met, 2);
    // In June members 9 and 10 were the excused and unexcused ones.
    const MemberEvidence& ninth = members.at(MemberId(9));
    EXPECT_EQ(ninth.present, 11);
    EXPECT_EQ(ninth.excused, 1);
    const MemberEvidence& tenth = members.at(MemberId(10));
    EXPECT_EQ(tenth.unexcused, 1);
    EXPECT_EQ(tenth.spoke, 1);
    const MemberEvidence& second = members.at(MemberId(2));
    EXPECT_EQ(second.tasks_assessed, 2);
    EXPECT_DOUBLE_EQ(second.tasks_met, 0.5);
    // The exempt member is listed but expected at nothing.
    EXPECT_EQ(members.at(MemberId(99)).meetings_expected, 0);
}

TEST(GradeProposal, HandWorkedCell) {
    const GradeProposal p = ProposeForCell(CellEvidenceOf(HandWorkedYear()));
    // General: 15 × 10/11 + 10 × 2/3 + 5 × 1 (98 % attendance) = 13.64 + 6.67 + 5 = 25.3 → 25.
    EXPECT_EQ(p.general_points, 25);
    // Tasks: 40 × (3 + 4 × 0.8 + 0.6) / 8 + 30 × 4.5/6 = 34 + 22.5 = 56.5 → 57.
    EXPECT_EQ(p.task_points, 57);
    EXPECT_EQ(p.total, 82);
    EXPECT_EQ(p.level, GradeLevel::kGood);
    EXPECT_FALSE(p.excellent_eligible);
    ASSERT_EQ(p.parts.size(), 5U);
}

TEST(GradeProposal, CellsAttendanceTiersAndMissingEvidence) {
    struct Case {
        int expected;
        int present;
        int general;  // With every regular month and thematic quarter held.
    };
    const Case cases[] = {{100, 90, 30}, {100, 89, 28}, {100, 80, 28}, {100, 79, 25}};
    for (const Case& c : cases) {
        SCOPED_TRACE(c.present);
        CellEvidence e;
        e.regular_expected = e.regular_held = 12;
        e.thematic_expected = e.thematic_held = 4;
        e.attendance_expected = c.expected;
        e.attendance_present = c.present;
        EXPECT_EQ(ProposeForCell(e).general_points, c.general);
    }
    // No scored meeting: the task block rests on the tasks alone.
    CellEvidence only_tasks;
    only_tasks.tasks_assessed = 4;
    only_tasks.tasks_met = 3;
    EXPECT_EQ(ProposeForCell(only_tasks).task_points, 53);  // 70 × 0.75 = 52.5 → 53.
    // Nothing recorded at all: nothing proposed.
    const GradeProposal empty = ProposeForCell(CellEvidence{});
    EXPECT_EQ(empty.total, 0);
    EXPECT_EQ(empty.level, GradeLevel::kNotCompleted);
}

TEST(GradeProposal, HandWorkedMembers) {
    CellEvidence cell;
    cell.tasks_assessed = 4;
    cell.tasks_met = 3;
    struct Case {
        const char* who;
        MemberEvidence e;
        int general;
        int tasks;
        GradeLevel level;
        bool eligible;
    };
    const Case cases[] = {
        // 20 × 8/10 + 10 × ½ = 21; 50 × 0.75 (the cell's tasks) + 20 × min(1, 3 × 4/8) = 57.5 → 58.
        {"absent twice", {10, 8, 1, 1, 4, 0, 0}, 21, 58, GradeLevel::kGood, false},
        // Everything, own tasks all done: 30 + 70.
        {"exemplary", {12, 12, 0, 0, 12, 2, 2}, 30, 70, GradeLevel::kGood, true},
        // Spoke at 2 of 12: 50 × 0.75 + 20 × 6/12 = 47.5 → 48.
        {"quiet", {12, 12, 0, 0, 2, 0, 0}, 30, 48, GradeLevel::kGood, false},
        // Two unexcused absences lose the 10 (20 × 10/12 = 16.7 → 17); never spoke; own task done.
        {"silent", {12, 10, 0, 2, 0, 1, 1}, 17, 50, GradeLevel::kCompleted, false},
        // Expected at nothing (joined after the last meeting): only the cell's tasks, 70 × 0.75.
        {"new", {0, 0, 0, 0, 0, 0, 0}, 0, 53, GradeLevel::kCompleted, false},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.who);
        const GradeProposal p = ProposeForMember(c.e, cell);
        EXPECT_EQ(p.general_points, c.general);
        EXPECT_EQ(p.task_points, c.tasks);
        EXPECT_EQ(p.total, c.general + c.tasks);
        EXPECT_EQ(p.level, c.level);
        EXPECT_EQ(p.excellent_eligible, c.eligible);
    }
}

TEST(Quota, ExcellentAtMostTheShareOfGood) {
    struct Case {
        QuotaCount count;
        double quota;
        int allowed;
        bool over;
    };
    const Case cases[] = {
        {{2, 10}, 0.2, 2, false}, {{3, 10}, 0.2, 2, true},  {{0, 4}, 0.2, 0, false}, {{1, 4}, 0.2, 0, true},
        {{1, 5}, 0.2, 1, false},  {{3, 10}, 0.3, 3, false}, {{0, 0}, 0.2, 0, false}, {{5, 5}, 1.0, 5, false},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(testing::Message() << c.count.excellent << "/" << c.count.good << " @" << c.quota);
        EXPECT_EQ(ExcellentAllowed(c.count, c.quota), c.allowed);
        EXPECT_EQ(OverQuota(c.count, c.quota), c.over);
    }
    EXPECT_TRUE(ValidateQuota(0));
    EXPECT_TRUE(ValidateQuota(1));
    EXPECT_FALSE(ValidateQuota(1.5));
    EXPECT_FALSE(ValidateQuota(-0.1));
}

TEST(Quota, WarnsBeforeADecisionThatGoesOverOrFurtherOver) {
    const QuotaCount at_limit{2, 10};
    // A third excellent among ten good: over.
    auto warning =
        QuotaWarning(at_limit, AfterDecision(at_limit, std::nullopt, GradeLevel::kExcellent), 0.2, "Đảng bộ xã Hòa An");
    ASSERT_TRUE(warning);
    EXPECT_NE(warning->find("Đảng bộ xã Hòa An sẽ có 3 Hoàn thành xuất sắc nhiệm vụ"), std::string::npos);
    EXPECT_NE(warning->find("tối đa 2"), std::string::npos);
    // Another good one is fine; turning a good one excellent is not (the base shrinks, the top grows).
    EXPECT_FALSE(QuotaWarning(at_limit, AfterDecision(at_limit, std::nullopt, GradeLevel::kGood), 0.2, "x"));
    EXPECT_TRUE(QuotaWarning(at_limit, AfterDecision(at_limit, GradeLevel::kGood, GradeLevel::kExcellent), 0.2, "x"));
    // Lowering a good one to completed shrinks the base below what two excellent need.
    EXPECT_TRUE(QuotaWarning(at_limit, AfterDecision(at_limit, GradeLevel::kGood, GradeLevel::kCompleted), 0.2, "x"));
    // Already over: re-deciding one excellent as excellent does not make it worse; lowering one helps.
    const QuotaCount over{3, 10};
    EXPECT_FALSE(QuotaWarning(over, AfterDecision(over, GradeLevel::kExcellent, GradeLevel::kExcellent), 0.2, "x"));
    EXPECT_FALSE(QuotaWarning(over, AfterDecision(over, GradeLevel::kExcellent, GradeLevel::kGood), 0.2, "x"));
    EXPECT_EQ(AfterDecision(over, GradeLevel::kExcellent, GradeLevel::kGood).good, 11);
}

}  // namespace
}  // namespace chibo::domain
