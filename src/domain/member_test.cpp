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

}  // namespace
}  // namespace chibo::domain
