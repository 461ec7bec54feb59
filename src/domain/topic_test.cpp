#include "domain/topic.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace chibo::domain {
namespace {

using S = TopicState;

base::Date D(int y, int m, int d) {
    return *base::Date::FromYmd(y, m, d);
}

TEST(TopicTransitionTest, FollowsTheWorkflowAndNothingElse) {
    const std::vector<std::pair<S, S>> allowed = {
        {S::kProposed, S::kPlanned},   {S::kProposed, S::kDeclined},  {S::kPlanned, S::kDrafting},
        {S::kDrafting, S::kSubmitted}, {S::kSubmitted, S::kApproved}, {S::kSubmitted, S::kDrafting},
        {S::kApproved, S::kDrafting},  {S::kApproved, S::kSent},
    };
    const std::vector<S> all = {S::kProposed,  S::kDeclined, S::kPlanned, S::kDrafting,
                                S::kSubmitted, S::kApproved, S::kSent};

    for (S from : all)
        for (S to : all) {
            const bool expected = std::find(allowed.begin(), allowed.end(), std::pair{from, to}) != allowed.end();
            EXPECT_EQ(CanTopicTransition(from, to), expected) << ToCode(from) << " → " << ToCode(to);
            EXPECT_EQ(CheckTopicTransition(from, to).has_value(), expected);
        }
}

TEST(TopicTransitionTest, OnlyAnApprovedDraftIsSent) {
    for (S from : {S::kPlanned, S::kDrafting, S::kSubmitted}) {
        const auto checked = CheckTopicTransition(from, S::kSent);

        ASSERT_FALSE(checked.has_value());
        EXPECT_EQ(checked.error().code, base::ErrorCode::kConflict);
        EXPECT_EQ(checked.error().field, "state");
        EXPECT_NE(checked.error().message.find("đã được chi ủy duyệt"), std::string::npos);
    }
    EXPECT_TRUE(CheckTopicTransition(S::kApproved, S::kSent).has_value());
}

TEST(TopicTransitionTest, ANewDraftReturnsToDraftingUntilItIsSent) {
    for (S s : {S::kPlanned, S::kDrafting, S::kSubmitted, S::kApproved})
        EXPECT_EQ(*StateAfterNewDraft(s), S::kDrafting);
    for (S s : {S::kProposed, S::kDeclined, S::kSent}) {
        const auto after = StateAfterNewDraft(s);

        ASSERT_FALSE(after.has_value()) << ToCode(s);
        EXPECT_EQ(after.error().code, base::ErrorCode::kConflict);
    }
}

TEST(TopicStateTest, CodesRoundTrip) {
    for (S s : {S::kProposed, S::kDeclined, S::kPlanned, S::kDrafting, S::kSubmitted, S::kApproved, S::kSent}) {
        EXPECT_EQ(TopicStateFromCode(ToCode(s)), s);
        EXPECT_FALSE(Label(s).empty());
    }
    EXPECT_FALSE(TopicStateFromCode("discussed").has_value());
    EXPECT_EQ(PreparerKindFromCode("party_group"), PreparerKind::kPartyGroup);
    EXPECT_EQ(CommentKindFromCode(ToCode(CommentKind::kMember)), CommentKind::kMember);
}

TopicStanding Holding(std::optional<PositionKind> position, bool writes_cell = false, bool on_roll = true) {
    TopicStanding s;
    s.position = position;
    s.writes_cell = writes_cell;
    s.on_roll = on_roll;
    return s;
}

TEST(TopicApprovalTest, InACellWithAChiUyEveryChiUyMemberApproves) {
    EXPECT_TRUE(MayApprove(Holding(PositionKind::kSecretary), true));
    EXPECT_TRUE(MayApprove(Holding(PositionKind::kDeputySecretary), true));
    EXPECT_TRUE(MayApprove(Holding(PositionKind::kCommitteeMember), true));
    EXPECT_FALSE(MayApprove(Holding(std::nullopt), true));
    // Writing the cell is not holding a seat on its chi ủy: the commune committee's account does not approve.
    EXPECT_FALSE(MayApprove(Holding(std::nullopt, /*writes_cell=*/true, /*on_roll=*/false), true));
}

TEST(TopicApprovalTest, InACellWithoutAChiUyOnlyTheSecretaryApproves) {
    EXPECT_TRUE(MayApprove(Holding(PositionKind::kSecretary), false));
    EXPECT_FALSE(MayApprove(Holding(PositionKind::kDeputySecretary), false));
    EXPECT_FALSE(MayApprove(Holding(std::nullopt), false));
}

TEST(TopicApprovalTest, DraftsAreReadByWritersAndPositionHolders) {
    EXPECT_TRUE(MaySeeDrafts(Holding(std::nullopt, true, false)));
    EXPECT_TRUE(MaySeeDrafts(Holding(PositionKind::kDeputySecretary)));
    EXPECT_FALSE(MaySeeDrafts(Holding(std::nullopt)));
}

TEST(TopicCommentTest, MembersCommentOnlyOnTheSentDraftOfTheirOwnCell) {
    const TopicStanding member = Holding(std::nullopt);

    for (S s : {S::kPlanned, S::kDrafting, S::kSubmitted, S::kApproved}) {
        const auto early = CheckComment(member, true, s);
        ASSERT_FALSE(early.has_value());
        EXPECT_EQ(early.error().code, base::ErrorCode::kConflict) << ToCode(s);
    }
    EXPECT_EQ(*CheckComment(member, true, S::kSent), CommentKind::kMember);

    // A member of another cell is not on this cell's roll; an account that only writes the cell is no member.
    const auto stranger = CheckComment(Holding(std::nullopt, false, false), true, S::kSent);
    ASSERT_FALSE(stranger.has_value());
    EXPECT_EQ(stranger.error().code, base::ErrorCode::kPermissionDenied);
    EXPECT_FALSE(CheckComment(Holding(std::nullopt, true, false), true, S::kSent).has_value());
}

TEST(TopicCommentTest, TheChiUyReviewsOnceThereIsADraft) {
    const TopicStanding committee = Holding(PositionKind::kCommitteeMember);

    EXPECT_FALSE(CheckComment(committee, true, S::kPlanned).has_value());
    for (S s : {S::kDrafting, S::kSubmitted, S::kApproved, S::kSent})
        EXPECT_EQ(*CheckComment(committee, true, s), CommentKind::kReview) << ToCode(s);
    // Without a chi ủy the deputy comments as a member, on the sent draft only.
    EXPECT_FALSE(CheckComment(Holding(PositionKind::kDeputySecretary), false, S::kSubmitted).has_value());
    EXPECT_EQ(*CheckComment(Holding(PositionKind::kDeputySecretary), false, S::kSent), CommentKind::kMember);
    EXPECT_EQ(*CheckComment(Holding(PositionKind::kSecretary), false, S::kSubmitted), CommentKind::kReview);
}

Meeting ThematicMeeting() {
    Meeting m;
    m.id = MeetingId(9);
    m.organization = OrganizationId(5);
    m.kind = MeetingKind::kThematic;
    m.year = 2026;
    m.month = 3;
    m.date = D(2026, 3, 3);
    m.start_minutes = 14 * 60;
    return m;
}

Topic SentTopic(std::int64_t sent_at) {
    Topic t;
    t.organization = OrganizationId(5);
    t.year = 2026;
    t.quarter = 1;
    t.title = "Phân loại rác thải sinh hoạt tại nguồn";
    t.state = S::kSent;
    t.sent_at = sent_at;
    return t;
}

// The meeting starts at 14:00 on 3/3/2026 in Vietnam, 07:00 UTC: 1772521200. A day before is 1772434800.
TEST(DraftLateTest, ADraftSentLessThanADayBeforeTheMeetingIsLate) {
    const std::optional<Meeting> meeting = ThematicMeeting();
    ASSERT_EQ(meeting->StartsAt(), 1772521200);

    EXPECT_FALSE(DraftLate(SentTopic(1772434800), meeting));        // 14:00 on 2/3: exactly a day ahead.
    EXPECT_TRUE(DraftLate(SentTopic(1772434800 + 1), meeting));     // A second later.
    EXPECT_TRUE(DraftLate(SentTopic(1772521200 - 3600), meeting));  // 13:00 on the day.
    EXPECT_FALSE(DraftLate(SentTopic(1772434800 - 5 * 86400), meeting));
}

TEST(DraftLateTest, TheLeadTimeIsConfigurable) {
    const std::optional<Meeting> meeting = ThematicMeeting();
    const std::int64_t eight_in_the_morning = 1772521200 - 6 * 3600;  // 08:00 on 3/3, six hours ahead.

    EXPECT_TRUE(DraftLate(SentTopic(eight_in_the_morning), meeting));
    EXPECT_FALSE(DraftLate(SentTopic(eight_in_the_morning), meeting, 6 * 3600));
    EXPECT_TRUE(DraftLate(SentTopic(eight_in_the_morning), meeting, 48 * 3600));
}

TEST(DraftLateTest, NotLateUntilSentAndLinked) {
    Topic unsent = SentTopic(0);
    unsent.sent_at.reset();

    EXPECT_FALSE(DraftLate(unsent, ThematicMeeting()));
    EXPECT_FALSE(DraftLate(SentTopic(1772521200), std::nullopt));
}

TEST(MeetingLinkTest, TheCellsOwnThematicMeetingOfTheQuarter) {
    Topic t = SentTopic(0);
    Meeting m = ThematicMeeting();

    EXPECT_TRUE(CheckMeetingLink(t, m).has_value());
    m.kind = MeetingKind::kRegular;
    EXPECT_EQ(CheckMeetingLink(t, m).error().field, "meeting_id");
    m = ThematicMeeting();
    m.organization = OrganizationId(6);
    EXPECT_FALSE(CheckMeetingLink(t, m).has_value());
    m = ThematicMeeting();
    t.quarter = 2;
    EXPECT_FALSE(CheckMeetingLink(t, m).has_value());
    t.quarter = 1;
    t.year = 2027;
    EXPECT_FALSE(CheckMeetingLink(t, m).has_value());
}

Topic InQuarter(int quarter, S state, int year = 2026) {
    Topic t;
    t.year = year;
    t.quarter = quarter;
    t.state = state;
    return t;
}

TEST(QuartersWithoutTopicTest, EveryThematicQuarterNeedsAnAcceptedTopic) {
    const DueMonths always = DueMonthsOf(D(2000, 1, 1), std::nullopt);
    const std::set<int> hd42 = {3, 6, 9, 12};

    EXPECT_EQ(QuartersWithoutTopic(hd42, always, 2026, {}), (std::vector<int>{1, 2, 3, 4}));
    const std::vector<Topic> topics = {InQuarter(1, S::kPlanned), InQuarter(2, S::kProposed),
                                       InQuarter(3, S::kDeclined), InQuarter(4, S::kSent, 2025),
                                       InQuarter(4, S::kApproved)};
    EXPECT_EQ(QuartersWithoutTopic(hd42, always, 2026, topics), (std::vector<int>{2, 3}));
}

TEST(QuartersWithoutTopicTest, FollowsTheRulesMonthsAndTheCellsLife) {
    const DueMonths always = DueMonthsOf(D(2000, 1, 1), std::nullopt);

    // A rule with thematic meetings in months 2 and 5 only asks for quarters 1 and 2 (ValidateRuleOverride
    // asks for one a quarter, but inherited rules are what they are).
    EXPECT_EQ(QuartersWithoutTopic({2, 5}, always, 2026, {}), (std::vector<int>{1, 2}));
    // A cell founded on 15/7/2026 owes from August: its third quarter's September and the fourth.
    EXPECT_EQ(QuartersWithoutTopic({3, 6, 9, 12}, DueMonthsOf(D(2026, 7, 15), std::nullopt), 2026, {}),
              (std::vector<int>{3, 4}));
    // One merged on 10/5/2026 owes through May: the first quarter only.
    EXPECT_EQ(QuartersWithoutTopic({3, 6, 9, 12}, DueMonthsOf(D(2000, 1, 1), D(2026, 5, 10)), 2026, {}),
              (std::vector<int>{1}));
}

TEST(CoverageTest, ShowsPerCellWhetherTheQuartersThematicMeetingWasHeldResolvedAndReported) {
    auto cell = [](std::int64_t id, const char* name, base::Date from, std::optional<base::Date> to = std::nullopt) {
        Organization o;
        o.id = OrganizationId(id);
        o.name = name;
        o.kind = OrganizationKind::kSubordinateCell;
        o.valid_from = from;
        o.valid_to = to;
        return o;
    };
    Organization committee = cell(1, "Đảng bộ xã Hòa An", D(2000, 1, 1));
    committee.kind = OrganizationKind::kGrassrootsCommittee;
    const std::vector<Organization> orgs = {
        committee,
        cell(2, "Chi bộ Thôn Đông", D(2000, 1, 1)),
        cell(3, "Chi bộ Thôn Đoài", D(2000, 1, 1)),
        cell(4, "Chi bộ Thôn Nam", D(2000, 1, 1)),
        cell(5, "Chi bộ Mới Lập", D(2026, 10, 1)),                     // Founded after the quarter: not due.
        cell(6, "Chi bộ Đã Sáp Nhập", D(2000, 1, 1), D(2026, 8, 15)),  // Owes July and August.
    };
    auto meeting = [](std::int64_t id, std::int64_t cell, int month, base::Date day, MeetingState state) {
        Meeting m;
        m.id = MeetingId(id);
        m.organization = OrganizationId(cell);
        m.kind = MeetingKind::kThematic;
        m.year = 2026;
        m.month = month;
        m.date = day;
        m.state = state;
        return m;
    };
    // Đông: September's meeting held, resolved and reported on time (the 4th, within 2 days).
    Meeting dong = meeting(10, 2, 9, D(2026, 9, 3), MeetingState::kReported);
    dong.resolution_number = "07-NQ/CB";
    dong.reported_at = base::VietnamInstant(D(2026, 9, 4), 9 * 60);
    // Đoài: September's moved to 02/10 (still the third quarter's), resolved, reported a week later: late.
    Meeting doai = meeting(11, 3, 9, D(2026, 10, 2), MeetingState::kReported);
    doai.resolution_number = "05-NQ/CB";
    doai.reported_at = base::VietnamInstant(D(2026, 10, 9), 9 * 60);
    // Nam: held, minutes not finalised; a regular meeting and a cancelled thematic one do not count.
    Meeting nam = meeting(12, 4, 9, D(2026, 9, 3), MeetingState::kHeld);
    Meeting nam_regular = meeting(13, 4, 8, D(2026, 8, 3), MeetingState::kReported);
    nam_regular.kind = MeetingKind::kRegular;
    Meeting nam_cancelled = meeting(14, 4, 7, D(2026, 7, 20), MeetingState::kCancelled);
    // A fourth-quarter meeting of Đông is another quarter's.
    Meeting dong_q4 = meeting(15, 2, 12, D(2026, 12, 3), MeetingState::kHeld);
    const std::vector<Meeting> meetings = {dong, doai, nam, nam_regular, nam_cancelled, dong_q4};

    auto topic = [](std::int64_t id, std::int64_t cell, int quarter, S state, std::optional<std::int64_t> orientation) {
        Topic t;
        t.id = TopicId(id);
        t.organization = OrganizationId(cell);
        t.year = 2026;
        t.quarter = quarter;
        t.title = "Chuyên đề " + std::to_string(id);
        t.state = state;
        if (orientation) t.orientation = TopicOrientationId(*orientation);
        return t;
    };
    // Đoài has two topics; the one linked to its meeting is the one shown.
    Topic doai_linked = topic(25, 3, 3, S::kSent, std::nullopt);
    doai_linked.meeting = MeetingId(11);
    const std::vector<Topic> topics = {
        topic(20, 2, 3, S::kSent, 100),
        topic(21, 3, 3, S::kDrafting, 100),
        doai_linked,
        topic(22, 4, 3, S::kProposed, std::nullopt),  // Waiting: not the cell's topic yet.
        topic(23, 6, 3, S::kPlanned, 101),
        topic(24, 2, 4, S::kPlanned, 101),
    };

    const QuarterCoverage q = CoverageOf(2026, 3, orgs, meetings, topics);

    ASSERT_EQ(q.cells.size(), 4U);  // Đông, Đoài, Nam and the merged cell; not the new one nor the committee.
    EXPECT_EQ(q.cells[0].cell_name, "Chi bộ Thôn Đông");
    EXPECT_EQ(q.cells[0].topic, TopicId(20));
    EXPECT_EQ(q.cells[0].meeting, MeetingId(10));
    EXPECT_TRUE(q.cells[0].held);
    EXPECT_EQ(q.cells[0].resolution_number, "07-NQ/CB");
    EXPECT_TRUE(q.cells[0].reported);
    EXPECT_FALSE(q.cells[0].report_late);
    EXPECT_EQ(q.cells[1].topic, TopicId(25));
    EXPECT_EQ(q.cells[1].meeting_date, D(2026, 10, 2));
    EXPECT_TRUE(q.cells[1].report_late);
    EXPECT_FALSE(q.cells[2].topic.has_value());
    EXPECT_TRUE(q.cells[2].held);
    EXPECT_EQ(q.cells[2].resolution_number, "");
    EXPECT_EQ(q.cells[2].meeting, MeetingId(12));
    EXPECT_FALSE(q.cells[3].held);
    EXPECT_FALSE(q.cells[3].meeting.has_value());
    EXPECT_EQ(q.with_topic, 3);
    EXPECT_EQ(q.held, 3);
    EXPECT_EQ(q.resolved, 2);
    EXPECT_EQ(q.reported, 2);
    EXPECT_EQ(q.reported_late, 1);
    // Orientation 100 was picked by two cells this quarter, 101 by one (its fourth-quarter pick is another's).
    ASSERT_EQ(q.orientations_chosen.size(), 2U);
    EXPECT_EQ(q.orientations_chosen[0], std::pair(TopicOrientationId(100), 2));
    EXPECT_EQ(q.orientations_chosen[1], std::pair(TopicOrientationId(101), 1));
}

TEST(ValidateTopicTest, NamesTheFieldAtFault) {
    Topic t = InQuarter(2, S::kPlanned);
    t.title = "Quản lý đất đai";
    EXPECT_TRUE(ValidateTopic(t).has_value());

    Topic bad = t;
    bad.quarter = 5;
    EXPECT_EQ(ValidateTopic(bad).error().field, "quarter");
    bad = t;
    bad.title = "";
    EXPECT_EQ(ValidateTopic(bad).error().field, "title");
    bad = t;
    bad.year = 1999;
    EXPECT_EQ(ValidateTopic(bad).error().field, "year");
    bad = t;
    bad.directive = std::string(301, 'x');
    EXPECT_EQ(ValidateTopic(bad).error().field, "directive");
    bad = t;
    bad.preparer = TopicPreparer{PreparerKind::kSuperiorOfficial, std::nullopt, std::nullopt, ""};
    EXPECT_EQ(ValidateTopic(bad).error().field, "preparer.name");
}

TEST(ValidateOrientationTest, NamesTheFieldAtFault) {
    TopicOrientation o;
    o.year = 2026;
    o.title = "Bảo đảm trật tự hành lang an toàn giao thông";
    o.directive = "Chỉ thị 02-CT/HU";
    EXPECT_TRUE(ValidateOrientation(o).has_value());
    o.quarter = 0;
    EXPECT_EQ(ValidateOrientation(o).error().field, "quarter");
    o.quarter = 4;
    o.purpose = std::string(4001, 'a');
    EXPECT_EQ(ValidateOrientation(o).error().field, "purpose");
}

TEST(ValidateDraftTextTest, NotBlankNotTooLong) {
    EXPECT_TRUE(ValidateDraftText("I. Mục đích, yêu cầu").has_value());
    EXPECT_EQ(ValidateDraftText(" \n\t ").error().field, "text");
    EXPECT_FALSE(ValidateDraftText(std::string(kMaxDraftChars + 1, 'a')).has_value());
}

TEST(OrientationAddressTest, CellsOfTheSubtreeOrThoseChosen) {
    Organization cell;
    cell.id = OrganizationId(7);
    cell.kind = OrganizationKind::kSubordinateCell;
    cell.path = "/1/2/7/";
    Organization elsewhere = cell;
    elsewhere.id = OrganizationId(9);
    elsewhere.path = "/1/3/9/";
    Organization group = cell;
    group.kind = OrganizationKind::kPartyGroup;
    group.path = "/1/2/7/8/";
    TopicOrientation all;

    EXPECT_TRUE(AddressedTo(all, "/1/2/", cell));
    EXPECT_FALSE(AddressedTo(all, "/1/2/", elsewhere));
    EXPECT_FALSE(AddressedTo(all, "/1/2/", group));
    EXPECT_FALSE(AddressedTo(all, "/1/2/7/", cell));  // A cell does not orient itself.
    TopicOrientation chosen;
    chosen.cells = {OrganizationId(8)};
    EXPECT_FALSE(AddressedTo(chosen, "/1/2/", cell));
    chosen.cells.push_back(cell.id);
    EXPECT_TRUE(AddressedTo(chosen, "/1/2/", cell));
}

Meeting ThematicMeeting(MeetingState state, base::Date day) {
    Meeting m;
    m.id = MeetingId(5);
    m.organization = OrganizationId(3);
    m.kind = MeetingKind::kThematic;
    m.year = day.year();
    m.month = day.month();
    m.date = day;
    m.start_minutes = 14 * 60;
    m.state = state;
    return m;
}

TEST(CheckAssessmentTest, AfterTheMeetingOrOnceTheYearIsOver) {
    Topic t;
    t.organization = OrganizationId(3);
    t.year = 2026;
    t.quarter = 4;
    t.state = S::kSent;
    const base::Date dec = D(2026, 12, 20);
    const std::optional<Meeting> held = ThematicMeeting(MeetingState::kHeld, D(2026, 12, 3));
    const std::optional<Meeting> planned = ThematicMeeting(MeetingState::kNotified, D(2026, 12, 3));

    EXPECT_TRUE(CheckAssessment(t, held, "Tổ đảng số 2 chuẩn bị công phu.", dec).has_value());
    const auto early = CheckAssessment(t, planned, "Tốt.", dec);
    ASSERT_FALSE(early.has_value());
    EXPECT_EQ(early.error().code, base::ErrorCode::kConflict);
    EXPECT_NE(early.error().message.find("hết năm 2026"), std::string::npos);
    EXPECT_FALSE(CheckAssessment(t, std::nullopt, "Tốt.", dec).has_value());
    // The year over: a topic never discussed draws its lesson.
    EXPECT_TRUE(CheckAssessment(t, std::nullopt, "Không tổ chức được, rút kinh nghiệm.", D(2027, 1, 5)).has_value());
    // A proposal the superior has not accepted is not the cell's topic.
    for (S s : {S::kProposed, S::kDeclined}) {
        Topic p = t;
        p.state = s;
        EXPECT_EQ(CheckAssessment(p, held, "Tốt.", dec).error().code, base::ErrorCode::kConflict);
    }
    EXPECT_EQ(CheckAssessment(t, held, "   ", dec).error().field, "note");
    EXPECT_EQ(CheckAssessment(t, held, std::string(kMaxAssessmentChars + 1, 'a'), dec).error().field, "note");
    EXPECT_TRUE(CheckAssessment(t, held, std::string(kMaxAssessmentChars, 'a'), dec).has_value());
}

TEST(OutcomeOfTest, CountsWhoWasThereWhoSpokeAndTheMeasuresDone) {
    Topic t;
    t.organization = OrganizationId(3);
    t.year = 2026;
    t.quarter = 4;
    t.state = S::kSent;
    Meeting m = ThematicMeeting(MeetingState::kReported, D(2026, 12, 3));
    t.sent_at = m.StartsAt() - 3 * 86400;
    const std::vector<AttendanceRecord> roll = {
        {MemberId(1), "A", MemberStatus::kOfficial, Presence::kPresent, ""},
        {MemberId(2), "B", MemberStatus::kOfficial, Presence::kLate, ""},
        {MemberId(3), "C", MemberStatus::kOfficial, Presence::kExcused, "Ốm"},
    };
    // Member 1 spoke twice; a guest without a member id once.
    const std::vector<Opinion> opinions = {{MemberId(1), "A", "Ý kiến 1", false},
                                           {MemberId(1), "A", "Ý kiến 2", true},
                                           {std::nullopt, "Ông Trưởng thôn", "Ý kiến 3", false}};
    ResolutionTask done;
    done.outcome = TaskOutcome::kDone;
    ResolutionTask open;
    const std::vector<ResolutionTask> tasks = {done, open, open};

    const TopicOutcome o = OutcomeOf(t, m, roll, opinions, tasks);
    EXPECT_TRUE(o.held);
    EXPECT_FALSE(o.held_late);
    EXPECT_FALSE(o.draft_late);
    EXPECT_EQ(o.meeting_date, m.date);
    EXPECT_EQ(o.present, 2);
    EXPECT_EQ(o.speakers, 2);
    EXPECT_EQ(o.measures, 3);
    EXPECT_EQ(o.measures_done, 1);

    // Sent two hours before: late. Not held: nothing counted from a roll call that does not exist.
    t.sent_at = m.StartsAt() - 2 * 3600;
    EXPECT_TRUE(OutcomeOf(t, m, roll, opinions, tasks).draft_late);
    const TopicOutcome planned = OutcomeOf(t, ThematicMeeting(MeetingState::kNotified, m.date), roll, opinions, tasks);
    EXPECT_FALSE(planned.held);
    EXPECT_EQ(planned.speakers, 0);
    EXPECT_EQ(planned.measures, 0);
}

TEST(ByPreparerTest, GroupsEachCellsPreparersAndCountsPraiseAndLessons) {
    const auto outcome = [](std::int64_t cell, std::int64_t group, bool held, int speakers,
                            std::optional<TopicAssessment> assessment) {
        TopicOutcome o;
        o.topic.organization = OrganizationId(cell);
        o.topic.preparer = TopicPreparer{PreparerKind::kPartyGroup, std::nullopt, OrganizationId(group), "Tổ"};
        o.topic.assessment = assessment;
        o.held = held;
        o.speakers = speakers;
        o.measures = 2;
        o.measures_done = held ? 2 : 0;
        return o;
    };
    std::vector<TopicOutcome> outcomes = {
        outcome(3, 31, true, 5, TopicAssessment::kCommendation), outcome(3, 32, false, 0, TopicAssessment::kLesson),
        outcome(3, 31, true, 4, std::nullopt),
        outcome(4, 31, true, 1, std::nullopt),  // Another cell: its own line, even with the same id.
    };
    outcomes[2].held_late = true;
    TopicOutcome unassigned;
    unassigned.topic.organization = OrganizationId(3);
    outcomes.push_back(unassigned);

    const std::vector<PreparerYear> years = ByPreparer(outcomes);
    ASSERT_EQ(years.size(), 3u);
    EXPECT_EQ(years[0].preparer.party_group, OrganizationId(31));
    EXPECT_EQ(years[0].topics, 2);
    EXPECT_EQ(years[0].held, 2);
    EXPECT_EQ(years[0].on_time, 1);
    EXPECT_EQ(years[0].speakers, 9);
    EXPECT_EQ(years[0].measures_done, 4);
    EXPECT_EQ(years[0].commendations, 1);
    EXPECT_EQ(years[1].preparer.party_group, OrganizationId(32));
    EXPECT_EQ(years[1].lessons, 1);
    EXPECT_EQ(years[1].held, 0);
    EXPECT_EQ(years[2].cell, OrganizationId(4));
}

TEST(TopicAssessmentTest, CodesRoundTrip) {
    for (TopicAssessment a : {TopicAssessment::kCommendation, TopicAssessment::kLesson})
        EXPECT_EQ(TopicAssessmentFromCode(ToCode(a)), a);
    EXPECT_FALSE(TopicAssessmentFromCode("praise").has_value());
}

}  // namespace
}  // namespace chibo::domain
