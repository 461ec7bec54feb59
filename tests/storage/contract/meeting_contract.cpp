#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/meeting_repository.hpp"
#include "domain/store.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

TEST_P(StoreContract, MeetingRulesKeepUnsetFieldsUnset) {
    const Tree t = MakeTree(store());
    MeetingRuleOverride commune;
    commune.regular_day = 5;
    commune.thematic_months = std::set<int>{2, 5, 8, 11};
    commune.shift = DayShift::kNextWorkingDay;
    commune.holidays = {D(2026, 2, 17), D(2026, 2, 18)};
    Write(store(), [&](Repositories& r) {
        r.meetings().SaveRule(t.commune.id, commune);
        r.meetings().SaveRule(t.cell_a.id, MeetingRuleOverride{});
    });

    Read(store(), [&](Repositories& r) {
        const auto got = r.meetings().RuleOf(t.commune.id);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->regular_day, 5);
        EXPECT_FALSE(got->start_minutes.has_value());
        EXPECT_EQ(got->thematic_months, (std::set<int>{2, 5, 8, 11}));
        EXPECT_EQ(got->shift, DayShift::kNextWorkingDay);
        EXPECT_EQ(got->holidays.size(), 2u);
        const auto empty = r.meetings().RuleOf(t.cell_a.id);
        ASSERT_TRUE(empty.has_value());
        EXPECT_FALSE(empty->regular_day.has_value());
        EXPECT_FALSE(empty->thematic_months.has_value());
        EXPECT_FALSE(r.meetings().RuleOf(t.cell_b.id).has_value());
    });
}

TEST_P(StoreContract, MeetingsAreFoundByMonthAndUpdated) {
    const Tree t = MakeTree(store());
    Meeting m;
    m.organization = t.cell_a.id;
    m.kind = MeetingKind::kThematic;
    m.year = 2026;
    m.month = 3;
    m.date = D(2026, 3, 3);
    m.start_minutes = 14 * 60;
    m.min_minutes = 120;
    Write(store(), [&](Repositories& r) {
        m = r.meetings().Insert(m);
        Meeting regular = m;
        regular.kind = MeetingKind::kRegular;
        regular.month = 1;
        regular.date = D(2026, 1, 5);
        regular.shifted = true;
        r.meetings().Insert(regular);
    });
    m.date = D(2026, 3, 10);
    m.moved_reason = "Trùng lịch họp Đảng ủy";
    m.state = MeetingState::kNotified;
    Write(store(), [&](Repositories& r) { r.meetings().Update(m); });

    Read(store(), [&](Repositories& r) {
        const auto found = r.meetings().Find(t.cell_a.id, MeetingKind::kThematic, 2026, 3);
        ASSERT_TRUE(found.has_value());
        EXPECT_EQ(found->date, D(2026, 3, 10));
        EXPECT_EQ(found->state, MeetingState::kNotified);
        EXPECT_EQ(found->moved_reason, "Trùng lịch họp Đảng ủy");
        EXPECT_EQ(found->min_minutes, 120);
        EXPECT_FALSE(r.meetings().Find(t.cell_a.id, MeetingKind::kRegular, 2026, 3).has_value());
        const auto year = r.meetings().ForYear(t.cell_a.id, 2026);
        ASSERT_EQ(year.size(), 2u);
        EXPECT_EQ(year[0].month, 1);
        EXPECT_TRUE(year[0].shifted);
        EXPECT_TRUE(r.meetings().ForYear(t.cell_b.id, 2026).empty());
        EXPECT_EQ(r.meetings().Get(m.id)->kind, MeetingKind::kThematic);
    });
}

}  // namespace
}  // namespace chibo::tests
