#include "domain/meeting.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace chibo::domain {
namespace {

using S = MeetingState;

AttendanceRecord R(std::int64_t id, MemberStatus status, Presence presence, std::string reason = "") {
    return AttendanceRecord{MemberId(id), "Đồng chí " + std::to_string(id), status, presence, std::move(reason)};
}

// A cell of 12: 9 official (one exempt by status), 2 probationary, 1 temporary.
std::vector<AttendanceRecord> Roll() {
    return {
        R(1, MemberStatus::kOfficial, Presence::kPresent),       R(2, MemberStatus::kOfficial, Presence::kPresent),
        R(3, MemberStatus::kOfficial, Presence::kLate),          R(4, MemberStatus::kOfficial, Presence::kPresent),
        R(5, MemberStatus::kOfficial, Presence::kPresent),       R(6, MemberStatus::kOfficial, Presence::kPresent),
        R(7, MemberStatus::kOfficial, Presence::kExcused, "Ốm"), R(8, MemberStatus::kOfficial, Presence::kUnexcused),
        R(9, MemberStatus::kExempt, Presence::kExempt),          R(10, MemberStatus::kProbationary, Presence::kPresent),
        R(11, MemberStatus::kProbationary, Presence::kPresent),  R(12, MemberStatus::kTemporary, Presence::kPresent),
    };
}

TEST(MeetingStateTest, FollowsTheLifecycle) {
    struct Case {
        S from, to;
        bool allowed;
    };
    const Case cases[] = {
        {S::kPlanned, S::kPrepared, true},
        {S::kPrepared, S::kNotified, true},
        {S::kNotified, S::kHeld, true},
        {S::kHeld, S::kMinutesFinalised, true},
        {S::kMinutesFinalised, S::kReported, true},
        {S::kPlanned, S::kCancelled, true},
        {S::kNotified, S::kCancelled, true},
        {S::kHeld, S::kCancelled, false},
        {S::kHeld, S::kNotified, false},
        {S::kMinutesFinalised, S::kHeld, false},
        {S::kReported, S::kMinutesFinalised, false},
        {S::kCancelled, S::kPlanned, false},
        {S::kPlanned, S::kReported, false},
        {S::kPrepared, S::kMinutesFinalised, false},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(CanTransition(c.from, c.to), c.allowed) << ToCode(c.from) << " -> " << ToCode(c.to);
    }
    EXPECT_EQ(CheckTransition(S::kHeld, S::kNotified).error().code, base::ErrorCode::kConflict);
    EXPECT_EQ(MeetingStateFromCode("minutes_finalised"), S::kMinutesFinalised);
}

TEST(CountAttendanceTest, GivesTheMinutesMembershipReport) {
    const auto roll = Roll();

    const AttendanceCounts c = CountAttendance(roll);

    EXPECT_EQ(c.total, 12);
    EXPECT_EQ(c.official, 8);
    EXPECT_EQ(c.probationary, 2);
    EXPECT_EQ(c.temporary, 1);
    EXPECT_EQ(c.exempt, 1);
    EXPECT_EQ(c.expected, 11);
    EXPECT_EQ(c.present, 9);  // Late counts as present.
    EXPECT_EQ(c.excused, 1);
    EXPECT_EQ(c.unexcused, 1);
    EXPECT_NEAR(*c.AttendanceRate(), 9.0 / 11, 1e-9);
    EXPECT_FALSE(CountAttendance({}).AttendanceRate().has_value());
}

TEST(ValidateRollCallTest, ExcusedNeedsAReasonAndExemptNeedsTheStatus) {
    auto roll = Roll();
    EXPECT_TRUE(ValidateRollCall(roll).has_value());

    roll[6].reason.clear();
    EXPECT_EQ(ValidateRollCall(roll).error().field, "reason");
    roll[6].reason = "Đi công tác";
    roll[0].presence = Presence::kExempt;
    EXPECT_EQ(ValidateRollCall(roll).error().field, "presence");
}

TEST(VoteTest, ChecksAgainstThoseEligibleAndPresent) {
    const auto roll = Roll();
    const int all = EligibleVoters(roll, VoteScope::kAllPresent);
    const int official = EligibleVoters(roll, VoteScope::kOfficialOnly);

    EXPECT_EQ(all, 9);
    EXPECT_EQ(official, 6);
    EXPECT_TRUE(ValidateVote({8, 1, 0}, all).has_value());
    EXPECT_EQ(ValidateVote({8, 1, 1}, all).error().field, "in_favour");
    EXPECT_EQ(ValidateVote({-1, 0, 0}, all).error().field, "in_favour");
    EXPECT_EQ(ValidateVote({5, -2, 0}, all).error().field, "against");
    EXPECT_FALSE(ValidateVote({7, 0, 0}, official).has_value());
}

TEST(VoteTest, SentenceAndAdoption) {
    EXPECT_EQ(VoteSentence({8, 1, 0}, 9), "8/9 đồng chí tán thành, đạt 89 %");
    EXPECT_EQ(VoteSentence({9, 0, 0}, 9), "9/9 đồng chí tán thành, đạt 100 %");
    EXPECT_EQ(VoteSentence({2, 1, 0}, 3), "2/3 đồng chí tán thành, đạt 67 %");
    EXPECT_TRUE(Adopted({5, 4, 0}, 9));
    EXPECT_FALSE(Adopted({4, 4, 1}, 9));
    EXPECT_FALSE(Adopted({0, 0, 0}, 0));
}

TEST(FlagRepeatedAbsencesTest, ThreeUnexcusedInTheCalendarYear) {
    auto absent = [](std::int64_t id) { return R(id, MemberStatus::kOfficial, Presence::kUnexcused); };
    auto excused = [](std::int64_t id) { return R(id, MemberStatus::kOfficial, Presence::kExcused, "Ốm"); };
    auto present = [](std::int64_t id) { return R(id, MemberStatus::kOfficial, Presence::kPresent); };
    const std::vector<std::pair<base::Date, std::vector<AttendanceRecord>>> meetings = {
        {*base::Date::FromYmd(2025, 12, 3), {absent(1), absent(2)}},  // Last year: does not count.
        {*base::Date::FromYmd(2026, 1, 3), {absent(1), absent(2), excused(3)}},
        {*base::Date::FromYmd(2026, 4, 3), {absent(1), excused(2), excused(3)}},
        {*base::Date::FromYmd(2026, 8, 3), {absent(1), absent(2), excused(3)}},
        {*base::Date::FromYmd(2026, 12, 31), {present(1), present(2), excused(3)}},
    };

    const auto flags = FlagRepeatedAbsences(meetings, 2026);

    ASSERT_EQ(flags.size(), 1u);
    EXPECT_EQ(flags[0].member, MemberId(1));
    EXPECT_EQ(flags[0].unexcused, 3);
    EXPECT_EQ(FlagRepeatedAbsences(meetings, 2026, 2).size(), 2u);
}

TEST(DeadlinesTest, DocumentsADayAheadAndReportsWithinTwoDays) {
    const std::int64_t meeting = 1'790'000'000;

    EXPECT_FALSE(DocumentsLate(meeting - 24 * 3600, meeting));
    EXPECT_TRUE(DocumentsLate(meeting - 24 * 3600 + 1, meeting));
    EXPECT_FALSE(ReportLate(*base::Date::FromYmd(2026, 11, 3), *base::Date::FromYmd(2026, 11, 5)));
    EXPECT_TRUE(ReportLate(*base::Date::FromYmd(2026, 11, 3), *base::Date::FromYmd(2026, 11, 6)));
}

TEST(ValidateMoveTest, BeforeHeldWithAReasonWithinTheMonthOrTheNext) {
    Meeting m;
    m.year = 2026;
    m.month = 12;
    m.date = *base::Date::FromYmd(2026, 12, 3);

    EXPECT_TRUE(ValidateMove(m, *base::Date::FromYmd(2027, 1, 5), 14 * 60, "Trùng lịch tiếp xúc cử tri").has_value());
    EXPECT_EQ(ValidateMove(m, *base::Date::FromYmd(2027, 2, 1), 14 * 60, "x").error().field, "date");
    EXPECT_EQ(ValidateMove(m, *base::Date::FromYmd(2026, 12, 10), 14 * 60, "").error().field, "reason");
    EXPECT_EQ(ValidateMove(m, *base::Date::FromYmd(2026, 12, 10), 23 * 60, "x").error().field, "start_time");
    m.state = MeetingState::kHeld;
    EXPECT_EQ(ValidateMove(m, *base::Date::FromYmd(2026, 12, 10), 14 * 60, "x").error().code,
              base::ErrorCode::kConflict);
}

TEST(ClockTest, ParsesAndFormats) {
    EXPECT_EQ(ParseClock("14:00"), 14 * 60);
    EXPECT_EQ(ParseClock("07:30"), 7 * 60 + 30);
    EXPECT_FALSE(ParseClock("24:00").has_value());
    EXPECT_FALSE(ParseClock("7:30").has_value());
    EXPECT_FALSE(ParseClock("14h00").has_value());
    EXPECT_EQ(FormatClock(19 * 60 + 5), "19:05");
}

Meeting HeldMeeting() {
    Meeting m;
    m.id = MeetingId(1);
    m.date = *base::Date::FromYmd(2026, 12, 3);
    m.start_minutes = 14 * 60;
    m.min_minutes = 90;
    m.state = S::kHeld;
    m.record.started_minutes = 14 * 60;
    m.record.ended_minutes = 15 * 60 + 30;
    m.record.conclusion = "Thống nhất.";
    m.record.vote = Vote{9, 0, 0};
    return m;
}

// A cell's regular and thematic meetings of one month, as the rule creates them: 90 minutes alone, 120 together.
std::pair<Meeting, Meeting> MonthPair() {
    Meeting regular = HeldMeeting();
    regular.organization = OrganizationId(7);
    regular.year = 2026;
    regular.month = 12;
    regular.combined_min_minutes = 120;
    Meeting thematic = regular;
    thematic.id = MeetingId(2);
    thematic.kind = MeetingKind::kThematic;
    return {regular, thematic};
}

TEST(SessionOfTest, AMeetingAloneNeedsItsOwnMinimum) {
    auto [regular, thematic] = MonthPair();
    thematic.date = regular.date.AddDays(7);  // The thematic meeting on its own day.
    thematic.record.started_minutes = 19 * 60;
    thematic.record.ended_minutes = 20 * 60 + 30;
    for (const Meeting& m : {regular, thematic}) {
        const SessionLength alone = SessionOf(m, m.kind == MeetingKind::kRegular ? &thematic : &regular);
        EXPECT_FALSE(alone.combined);
        EXPECT_EQ(alone.minutes, 90);
        EXPECT_EQ(alone.min_minutes, 90);
        EXPECT_EQ(alone.TooShort(), false);
    }
}

TEST(SessionOfTest, ACombinedSessionRunsFromTheFirstStartToTheLastEndAndNeedsTheLongerMinimum) {
    auto [regular, thematic] = MonthPair();
    // 14:00–15:30 regular, then 15:40–16:10 thematic: one session of 130 minutes, at least 120.
    thematic.record.started_minutes = 15 * 60 + 40;
    thematic.record.ended_minutes = 16 * 60 + 10;
    const SessionLength from_regular = SessionOf(regular, &thematic);
    const SessionLength from_thematic = SessionOf(thematic, &regular);
    for (const SessionLength& s : {from_regular, from_thematic}) {
        EXPECT_TRUE(s.combined);
        EXPECT_EQ(s.minutes, 130);
        EXPECT_EQ(s.min_minutes, 120);
        EXPECT_EQ(s.TooShort(), false);
    }
    EXPECT_EQ(from_regular.partner, thematic.id);
    EXPECT_EQ(from_thematic.partner, regular.id);

    // Two 90-minute meetings that each reach the regular minimum are too short together when they overlap
    // to 100 minutes: the session must reach 120.
    thematic.record.started_minutes = 14 * 60 + 10;
    thematic.record.ended_minutes = 15 * 60 + 40;
    EXPECT_EQ(SessionOf(thematic, &regular).minutes, 100);
    EXPECT_EQ(SessionOf(thematic, &regular).TooShort(), true);
    EXPECT_EQ(SessionOf(regular, &thematic).TooShort(), true);

    // The longer of the two minimums wins: a cell whose rule asks 150 for a combined session.
    regular.combined_min_minutes = 150;
    thematic.record.ended_minutes = 16 * 60 + 20;  // 140 minutes.
    EXPECT_EQ(SessionOf(thematic, &regular).min_minutes, 150);
    EXPECT_EQ(SessionOf(thematic, &regular).TooShort(), true);
}

TEST(SessionOfTest, ACancelledMeetingOrAnotherMonthNeverCombines) {
    auto [regular, thematic] = MonthPair();
    thematic.record.started_minutes = 15 * 60 + 40;
    thematic.record.ended_minutes = 16 * 60 + 10;  // 30 minutes alone.
    Meeting cancelled = regular;
    cancelled.state = S::kCancelled;
    EXPECT_FALSE(SessionOf(thematic, &cancelled).combined);
    EXPECT_EQ(SessionOf(thematic, &cancelled).TooShort(), true);
    Meeting other_month = regular;
    other_month.month = 11;
    EXPECT_FALSE(SessionOf(thematic, &other_month).combined);
    Meeting other_cell = regular;
    other_cell.organization = OrganizationId(8);
    EXPECT_FALSE(SessionOf(thematic, &other_cell).combined);
    // Not yet recorded: the session's length is unknown until the meeting's own times are.
    thematic.record.ended_minutes.reset();
    EXPECT_FALSE(SessionOf(thematic, &regular).TooShort().has_value());
}

TEST(MeetingTest, StartsAtVietnamTimeAndKnowsItsDuration) {
    Meeting m = HeldMeeting();
    EXPECT_EQ(m.StartsAt(), base::VietnamInstant(m.date, 14 * 60));
    EXPECT_EQ(base::IsoTimestamp(m.StartsAt()), "2026-12-03T07:00:00Z");
    EXPECT_EQ(m.Duration(), 90);
    EXPECT_EQ(SessionOf(m, nullptr).TooShort(), false);
    m.record.ended_minutes = 15 * 60 + 29;
    EXPECT_EQ(SessionOf(m, nullptr).TooShort(), true);
    m.record.ended_minutes.reset();
    EXPECT_FALSE(SessionOf(m, nullptr).TooShort().has_value());
    EXPECT_FALSE(m.Locked());
    m.state = S::kMinutesFinalised;
    EXPECT_TRUE(m.Locked());
    m.state = S::kReported;
    EXPECT_TRUE(m.Locked());
}

TEST(ValidatePreparationTest, ChiUyMeetsBeforeAndTheAgendaIsShort) {
    const Meeting m = HeldMeeting();
    MeetingPreparation p;
    p.committee_meeting_on = m.date;
    EXPECT_TRUE(ValidatePreparation(m, p).has_value()) << "the same day is allowed";
    p.committee_meeting_on = m.date.AddDays(1);
    EXPECT_EQ(ValidatePreparation(m, p).error().field, "committee_meeting_on");
    p.committee_meeting_on.reset();
    p.agenda = std::vector<std::string>(21, "Nội dung");
    EXPECT_EQ(ValidatePreparation(m, p).error().field, "agenda");
    p.agenda = {"Nội dung", ""};
    EXPECT_EQ(ValidatePreparation(m, p).error().field, "agenda");
}

TEST(ValidateRecordTest, TimesPeopleSpeakersAndVoteAgainstTheRoll) {
    const auto roll = Roll();  // Present: 1-6, 10-12; excused 7, unexcused 8, exempt 9.
    MeetingRecord r;
    r.started_minutes = 14 * 60;
    r.ended_minutes = 14 * 60;
    EXPECT_EQ(ValidateRecord(r, roll, {}).error().field, "ended_at");
    r.ended_minutes = 15 * 60 + 30;
    r.chair = MemberId(8);
    EXPECT_EQ(ValidateRecord(r, roll, {}).error().field, "chair_id") << "the chair was absent";
    r.chair = MemberId(1);
    r.minute_taker = MemberId(3);  // Late counts as present.
    EXPECT_TRUE(ValidateRecord(r, roll, {}).has_value());
    const std::vector<Opinion> absent_speaker{{MemberId(7), "Đồng chí 7", "Ý kiến"}};
    EXPECT_EQ(ValidateRecord(r, roll, absent_speaker).error().field, "opinions");
    const std::vector<Opinion> guest{{std::nullopt, "Đồng chí Phó Bí thư", "Ý kiến"}};
    EXPECT_TRUE(ValidateRecord(r, roll, guest).has_value());
    const std::vector<Opinion> nameless{{std::nullopt, "", "Ý kiến"}};
    EXPECT_EQ(ValidateRecord(r, roll, nameless).error().field, "opinions");
    const std::vector<Opinion> empty{{MemberId(1), "Đồng chí 1", ""}};
    EXPECT_EQ(ValidateRecord(r, roll, empty).error().field, "opinions");
    // 9 eligible when all present vote (6 official incl. the late one, 2 probationary, 1 temporary)…
    r.vote = Vote{9, 0, 0};
    EXPECT_TRUE(ValidateRecord(r, roll, {}).has_value());
    r.vote = Vote{9, 1, 0};
    EXPECT_EQ(ValidateRecord(r, roll, {}).error().field, "in_favour");
    // …and 6 when only official members vote.
    r.vote_scope = VoteScope::kOfficialOnly;
    r.vote = Vote{7, 0, 0};
    EXPECT_FALSE(ValidateRecord(r, roll, {}).has_value());
    r.vote = Vote{6, 0, 0};
    EXPECT_TRUE(ValidateRecord(r, roll, {}).has_value());
}

TEST(CheckFinalisableTest, NeedsTheHeldMeetingRollTimesConclusionAndVote) {
    const auto roll = Roll();
    Meeting m = HeldMeeting();
    EXPECT_TRUE(CheckFinalisable(m, roll).has_value());
    EXPECT_EQ(CheckFinalisable(m, {}).error().field, "attendance");
    m.record.ended_minutes.reset();
    EXPECT_EQ(CheckFinalisable(m, roll).error().field, "started_at");
    m = HeldMeeting();
    m.record.conclusion.clear();
    EXPECT_EQ(CheckFinalisable(m, roll).error().field, "conclusion");
    m = HeldMeeting();
    m.record.vote.reset();
    EXPECT_EQ(CheckFinalisable(m, roll).error().field, "vote");
    m = HeldMeeting();
    m.state = S::kNotified;
    EXPECT_EQ(CheckFinalisable(m, roll).error().code, base::ErrorCode::kConflict);
    m.state = S::kMinutesFinalised;
    EXPECT_EQ(CheckFinalisable(m, roll).error().code, base::ErrorCode::kConflict) << "finalised only once";
}

TEST(CodesTest, PresenceAndVoteScopeRoundTrip) {
    for (Presence p :
         {Presence::kPresent, Presence::kLate, Presence::kExcused, Presence::kUnexcused, Presence::kExempt}) {
        EXPECT_EQ(PresenceFromCode(ToCode(p)), p);
        EXPECT_FALSE(Label(p).empty());
    }
    EXPECT_EQ(VoteScopeFromCode("official_only"), VoteScope::kOfficialOnly);
    EXPECT_EQ(VoteScopeFromCode(ToCode(VoteScope::kAllPresent)), VoteScope::kAllPresent);
    EXPECT_FALSE(VoteScopeFromCode("hands").has_value());
}

TEST(MeetingMonth, AMeetingMovedIntoTheNextMonthCountsForItsOwnAndIsHeldLate) {
    Meeting m;
    m.year = 2026;
    m.month = 11;
    m.date = *base::Date::FromYmd(2026, 11, 3);
    EXPECT_FALSE(HeldLate(m));
    m.date = *base::Date::FromYmd(2026, 12, 2);
    EXPECT_TRUE(HeldLate(m));
    EXPECT_EQ(MonthStartOf(m), *base::Date::FromYmd(2026, 11, 1));
    m.year = 2026;
    m.month = 12;
    m.date = *base::Date::FromYmd(2027, 1, 4);
    EXPECT_TRUE(HeldLate(m));
    m.date = *base::Date::FromYmd(2026, 12, 28);
    EXPECT_FALSE(HeldLate(m));
}

}  // namespace
}  // namespace chibo::domain
