#include "domain/member.hpp"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

const base::Date kToday = *base::Date::FromYmd(2026, 11, 22);

Member Valid() {
    Member m;
    m.full_name = "Đặng Văn Hùng";
    m.date_of_birth = *base::Date::FromYmd(1980, 5, 17);
    m.status = MemberStatus::kOfficial;
    m.admission_date = *base::Date::FromYmd(2005, 3, 3);
    m.official_date = *base::Date::FromYmd(2006, 3, 3);
    m.party_card_number = "012345678901";
    m.citizen_id = "001080012345";
    m.phone = "0912345678";
    return m;
}

TEST(ValidateMemberTest, AcceptsACompleteRecord) {
    EXPECT_TRUE(ValidateMember(Valid(), kToday).has_value());
}

TEST(ValidateMemberTest, RejectsEachBadFieldByName) {
    struct Case {
        const char* what;
        void (*mutate)(Member&);
        const char* field;
    };
    const Case cases[] = {
        {"empty name", [](Member& m) { m.full_name = ""; }, "full_name"},
        {"one word", [](Member& m) { m.full_name = "Hùng"; }, "full_name"},
        {"digits in name", [](Member& m) { m.full_name = "Đặng Văn 2"; }, "full_name"},
        {"born tomorrow", [](Member& m) { m.date_of_birth = kToday.AddDays(1); }, "date_of_birth"},
        {"under 18", [](Member& m) { m.date_of_birth = *base::Date::FromYmd(2010, 1, 1); }, "date_of_birth"},
        {"card of 3 digits", [](Member& m) { m.party_card_number = "123"; }, "party_card_number"},
        {"card with letters", [](Member& m) { m.party_card_number = "01234567890A"; }, "party_card_number"},
        {"citizen id of 13", [](Member& m) { m.citizen_id = "0010800123456"; }, "citizen_id"},
        {"phone too short", [](Member& m) { m.phone = "091234"; }, "phone"},
        {"phone letters", [](Member& m) { m.phone = "09123abc78"; }, "phone"},
        {"admitted at 15",
         [](Member& m) {
             m.admission_date = *base::Date::FromYmd(1995, 1, 1);
             m.official_date = *base::Date::FromYmd(1996, 1, 1);
         },
         "admission_date"},
        {"official before admission", [](Member& m) { m.official_date = *base::Date::FromYmd(2004, 1, 1); },
         "official_date"},
        {"probationary without admission",
         [](Member& m) {
             m.status = MemberStatus::kProbationary;
             m.admission_date.reset();
             m.official_date.reset();
         },
         "admission_date"},
        {"probationary with official date", [](Member& m) { m.status = MemberStatus::kProbationary; }, "official_date"},
        {"admitted in future",
         [](Member& m) {
             m.admission_date = kToday.AddDays(3);
             m.official_date.reset();
         },
         "admission_date"},
    };
    for (const Case& c : cases) {
        Member m = Valid();
        c.mutate(m);

        const auto result = ValidateMember(m, kToday);

        ASSERT_FALSE(result.has_value()) << c.what;
        EXPECT_EQ(result.error().field, c.field) << c.what;
        EXPECT_EQ(result.error().code, base::ErrorCode::kInvalidArgument);
        EXPECT_FALSE(result.error().message.empty());
    }
}

TEST(NormalizePhoneTest, AcceptsVietnameseFormats) {
    EXPECT_EQ(NormalizePhone("0912 345 678"), "0912345678");
    EXPECT_EQ(NormalizePhone("+84 912.345.678"), "0912345678");
    EXPECT_EQ(NormalizePhone("84912345678"), "0912345678");
    EXPECT_FALSE(NormalizePhone("+1 912 345 678").has_value());
    EXPECT_FALSE(NormalizePhone("0012345678").has_value());
    EXPECT_FALSE(NormalizePhone("(091)2345678").has_value());
}

TEST(MemberStatusTest, OnlyActiveStatusesAreOnTheRoll) {
    EXPECT_TRUE(OnRoll(MemberStatus::kExempt));
    EXPECT_TRUE(OnRoll(MemberStatus::kWorkingAway));
    EXPECT_FALSE(OnRoll(MemberStatus::kTransferredOut));
    EXPECT_FALSE(OnRoll(MemberStatus::kDeceased));
    for (const char* code : {"official", "probationary", "exempt", "temporary", "working_away", "transferred_out",
                             "removed", "deceased"}) {
        ASSERT_TRUE(MemberStatusFromCode(code).has_value()) << code;
        EXPECT_EQ(ToCode(*MemberStatusFromCode(code)), code);
    }
    EXPECT_FALSE(MemberStatusFromCode("expelled").has_value());
}

base::Date D(int y, int m, int d) {
    return *base::Date::FromYmd(y, m, d);
}

TransferLetter Letter(base::Date from, base::Date to, std::int64_t id = 1) {
    TransferLetter l;
    l.id = TransferLetterId(id);
    l.member = MemberId(7);
    l.organization = OrganizationId(3);
    l.number = "15-GGT/ĐU";
    l.host = "Chi bộ Khu phố 3, phường Tân Định";
    l.from = from;
    l.to = to;
    return l;
}

TEST(StandingTest, ALetterTakesTheMemberOffTheHomeCellsMeetings) {
    // Working away without a letter: still expected, away all the same.
    EXPECT_EQ(StandingOf(MemberStatus::kWorkingAway, false), Standing::kAwayWithoutLetter);
    EXPECT_TRUE(Expected(Standing::kAwayWithoutLetter));
    EXPECT_TRUE(Away(Standing::kAwayWithoutLetter));
    // With a letter, whatever brought it: attends the host.
    EXPECT_EQ(StandingOf(MemberStatus::kWorkingAway, true), Standing::kAwayWithLetter);
    EXPECT_EQ(StandingOf(MemberStatus::kOfficial, true), Standing::kAwayWithLetter);
    EXPECT_FALSE(Expected(Standing::kAwayWithLetter));
    EXPECT_TRUE(Away(Standing::kAwayWithLetter));
    EXPECT_EQ(StandingOf(MemberStatus::kProbationary, false), Standing::kExpected);
    // Exempt members and those here temporarily are not expected, letter or not.
    EXPECT_EQ(StandingOf(MemberStatus::kExempt, true), Standing::kNotExpected);
    EXPECT_EQ(StandingOf(MemberStatus::kTemporary, false), Standing::kNotExpected);
    EXPECT_FALSE(Away(Standing::kNotExpected));
}

TEST(RollStaysTest, ALetterEndingMidMonthCutsTheStayOnTheDayAfter) {
    // Joined 01/02/2026, working away from 01/03/2026, a letter from 10/03 to 15/07/2026 (both days included).
    const std::vector<Membership> memberships{
        {MembershipId(1), MemberId(7), OrganizationId(3), D(2026, 2, 1), std::nullopt, "Kết nạp"}};
    const std::vector<StatusChange> history{{MemberId(7), D(2026, 2, 1), MemberStatus::kOfficial},
                                            {MemberId(7), D(2026, 3, 1), MemberStatus::kWorkingAway}};
    const auto stays = RollStaysOf(memberships, history, {Letter(D(2026, 3, 10), D(2026, 7, 15))});
    ASSERT_EQ(stays.size(), 4U);
    EXPECT_EQ(stays[0].standing, Standing::kExpected);
    EXPECT_EQ(stays[0].to, D(2026, 3, 1));
    EXPECT_EQ(stays[1].standing, Standing::kAwayWithoutLetter);
    EXPECT_EQ(stays[1].from, D(2026, 3, 1));
    EXPECT_EQ(stays[1].to, D(2026, 3, 10));
    EXPECT_EQ(stays[2].standing, Standing::kAwayWithLetter);
    EXPECT_EQ(stays[2].from, D(2026, 3, 10));
    EXPECT_EQ(stays[2].to, D(2026, 7, 16));  // The 15th is the letter's last day.
    EXPECT_EQ(stays[3].standing, Standing::kAwayWithoutLetter);
    EXPECT_EQ(stays[3].from, D(2026, 7, 16));
    EXPECT_FALSE(stays[3].to.has_value());
}

TEST(RollStaysTest, ALetterOnlyCountsWhileTheMemberIsOnARoll) {
    // Left the cell on 01/05/2026 with a letter still running to the end of the year.
    const std::vector<Membership> memberships{
        {MembershipId(1), MemberId(7), OrganizationId(3), D(2026, 1, 1), D(2026, 5, 1), "Kết nạp"}};
    const std::vector<StatusChange> history{{MemberId(7), D(2026, 1, 1), MemberStatus::kOfficial},
                                            {MemberId(7), D(2026, 5, 1), MemberStatus::kTransferredOut}};
    const auto stays = RollStaysOf(memberships, history, {Letter(D(2025, 12, 1), D(2026, 12, 31))});
    ASSERT_EQ(stays.size(), 1U);
    EXPECT_EQ(stays[0].standing, Standing::kAwayWithLetter);
    EXPECT_EQ(stays[0].from, D(2026, 1, 1));
    EXPECT_EQ(stays[0].to, D(2026, 5, 1));
}

TEST(TransferLetterTest, RunsFromItsFirstToItsLastDay) {
    const TransferLetter l = Letter(D(2026, 3, 10), D(2026, 7, 15));
    EXPECT_FALSE(l.Runs(D(2026, 3, 9)));
    EXPECT_TRUE(l.Runs(D(2026, 3, 10)));
    EXPECT_TRUE(l.Runs(D(2026, 7, 15)));
    EXPECT_FALSE(l.Runs(D(2026, 7, 16)));
    EXPECT_EQ(LetterReason(l),
              "Giấy giới thiệu số 15-GGT/ĐU, sinh hoạt tạm thời tại Chi bộ Khu phố 3, phường Tân Định, đến 15/07/2026");
}

TEST(TransferLetterTest, NamesTheFieldAtFault) {
    EXPECT_TRUE(ValidateLetter(Letter(D(2026, 3, 10), D(2026, 3, 10))).has_value());
    auto field = [](TransferLetter l) { return ValidateLetter(l).error().field; };
    TransferLetter l = Letter(D(2026, 3, 10), D(2026, 7, 15));
    l.number.clear();
    EXPECT_EQ(field(l), "number");
    l = Letter(D(2026, 3, 10), D(2026, 7, 15));
    l.host.clear();
    EXPECT_EQ(field(l), "host");
    EXPECT_EQ(field(Letter(D(2026, 3, 10), D(2026, 3, 9))), "to");
}

TEST(TransferLetterTest, LettersOfOneMemberNeverShareADay) {
    const std::vector<TransferLetter> letters{Letter(D(2026, 1, 1), D(2026, 3, 31), 1)};
    EXPECT_NE(OverlappingLetter(letters, Letter(D(2026, 3, 31), D(2026, 6, 30), 2)), nullptr);
    EXPECT_EQ(OverlappingLetter(letters, Letter(D(2026, 4, 1), D(2026, 6, 30), 2)), nullptr);
    // The letter itself, edited, does not overlap itself.
    EXPECT_EQ(OverlappingLetter(letters, Letter(D(2026, 1, 1), D(2026, 4, 30), 1)), nullptr);
}

}  // namespace
}  // namespace chibo::domain
