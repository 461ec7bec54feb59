// A meeting's record over the demo province.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/auth_service.hpp"
#include "app/demo_fixture_test.hpp"
#include "app/meeting_service.hpp"
#include "app/member_service.hpp"
#include "app/organization_service.hpp"
#include "app/score_service.hpp"
#include "app/statistics_service.hpp"
#include "app/user_service.hpp"
#include "domain/audit_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/statistics_queries.hpp"
#include "domain/store.hpp"
#include "domain/user_repository.hpp"

namespace chibo::app {
namespace {

using namespace chibo::domain;
using base::ErrorCode;

// Files in memory, for use cases that never touch them here.
TEST_F(DemoFixture, AttendanceIsFrozenAtTheMeetingAndFinalisedMinutesAreLocked) {
    MemoryFiles files;
    MeetingService meetings(*store_, files, clock_);
    MemberService members(*store_, clock_);
    const Actor secretary = Login("bithu.thondong");
    const OrganizationId cell = FindOrg("Chi bộ Thôn Đông");
    const int year = clock_.Today().year();
    auto calendar = meetings.Calendar(secretary, cell, year);
    ASSERT_TRUE(calendar.has_value());
    std::optional<MeetingId> held;
    for (const CalendarEntry& e : *calendar)
        if (e.id && e.meeting.Locked()) held = e.id;
    if (!held) {  // Early January: last year's December holds the history.
        calendar = meetings.Calendar(secretary, cell, year - 1);
        for (const CalendarEntry& e : *calendar)
            if (e.id && e.meeting.Locked()) held = e.id;
    }
    ASSERT_TRUE(held.has_value()) << "the demo holds a year of meetings";
    const auto before = meetings.Get(secretary, *held);
    ASSERT_TRUE(before.has_value());
    const auto present = std::find_if(before->attendance.begin(), before->attendance.end(), [](const auto& a) {
        return a.presence == Presence::kPresent && a.status_at_meeting == MemberStatus::kOfficial;
    });
    ASSERT_NE(present, before->attendance.end());

    auto member = members.Get(secretary, present->member);
    ASSERT_TRUE(member.has_value());
    Member changed = member->member;
    changed.full_name = "Tên Mới Đã Đổi";
    changed.status = MemberStatus::kWorkingAway;
    ASSERT_TRUE(members.Update(secretary, changed.id, changed).has_value());

    const auto after = meetings.Get(secretary, *held);
    const auto same = std::find_if(after->attendance.begin(), after->attendance.end(),
                                   [&](const auto& a) { return a.member == present->member; });
    ASSERT_NE(same, after->attendance.end());
    EXPECT_EQ(same->status_at_meeting, MemberStatus::kOfficial);
    EXPECT_EQ(same->member_name, present->member_name);

    const std::int64_t audit = AuditCount();
    RecordPatch patch;
    patch.conclusion = "Sửa sau khi chốt";
    const auto refused = meetings.SaveRecord(secretary, *held, patch);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    EXPECT_EQ(AuditCount(), audit) << "a refused write leaves no trace";
    EXPECT_FALSE(meetings.Finalise(secretary, *held).has_value());
    const auto amended = meetings.Amend(secretary, *held, "Bổ sung ý kiến", "Ghi sót");
    ASSERT_TRUE(amended.has_value());
    EXPECT_EQ(AuditCount(), audit + 1);

    const Actor outsider = Login("xa.tanlap");
    EXPECT_EQ(meetings.Get(outsider, *held).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(meetings.Amend(outsider, *held, "x", "y").error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace chibo::app
