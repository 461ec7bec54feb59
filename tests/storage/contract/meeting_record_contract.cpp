#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/meeting_record_repository.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/store.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

TEST_P(StoreContract, TheMeetingRecordRoundTripsEveryField) {
    const Tree t = MakeTree(store());
    Member a;
    Member b;
    Meeting m;
    m.organization = t.cell_a.id;
    m.year = 2026;
    m.month = 3;
    m.date = D(2026, 3, 3);
    m.start_minutes = 14 * 60;
    m.min_minutes = 90;
    Write(store(), [&](Repositories& r) {
        a = r.members().Insert(Mem(t.cell_a.id, "Nguyễn Văn An"));
        b = r.members().Insert(Mem(t.cell_a.id, "Trần Thị Bình", MemberStatus::kProbationary));
        m = r.meetings().Insert(m);
    });
    m.state = MeetingState::kHeld;
    m.preparation = {a.id,         "Nguyễn Văn An", "Nhà văn hóa",   D(2026, 2, 27),
                     "Chi ủy họp", {"Một", "Hai"},  "Đ/c Phó Bí thư"};
    m.notified_at = 1772000000;
    m.documents_sent_at = 1772000001;
    m.record.started_minutes = 14 * 60 + 5;
    m.record.ended_minutes = 15 * 60 + 50;
    m.record.chair = a.id;
    m.record.chair_name = "Nguyễn Văn An";
    m.record.minute_taker = b.id;
    m.record.minute_taker_name = "Trần Thị Bình";
    m.record.guests = {"Khách 1", "Khách 2"};
    m.record.superior_attended = true;
    m.record.conclusion = "Kết luận\nhai dòng";
    m.record.resolution = "Nghị quyết";
    m.record.vote = Vote{1, 0, 1};
    m.record.vote_scope = VoteScope::kOfficialOnly;
    m.finalised_at = 1772100000;
    m.minutes_number = "01-BB/CB";
    m.resolution_number = "01-NQ/CB";
    m.reported_at = 1772200000;
    Write(store(), [&](Repositories& r) {
        r.meetings().Update(m);
        r.records().SaveAttendance(m.id,
                                   {{a.id, "Nguyễn Văn An", MemberStatus::kOfficial, Presence::kPresent, ""},
                                    {b.id, "Trần Thị Bình", MemberStatus::kProbationary, Presence::kUnexcused, ""}});
        r.records().SaveOpinions(m.id, {{a.id, "Nguyễn Văn An", "Ý kiến 1"}, {std::nullopt, "Khách", "Ý kiến 2"}});
        ResolutionTask task;
        task.assignee = b.id;
        task.assignee_name = "Trần Thị Bình";
        task.description = "Làm đường";
        task.deadline = D(2026, 3, 31);
        r.records().ReplaceTasksSetBy(m.id, t.cell_a.id, {task, task});
        r.records().SaveLeaveRequest(m.id, {b.id, "Trần Thị Bình", "Ốm", 5});
        r.records().SaveLeaveRequest(m.id, {b.id, "Trần Thị Bình", "Đi công tác", 6});
        r.records().InsertAmendment({AmendmentId{}, m.id, "Bổ sung", "Ghi sót", "bithu", 7});
        Attachment file;
        file.meeting = m.id;
        file.file_name = "Dự thảo.docx";
        file.content_type = "application/octet-stream";
        file.size = 10;
        file.sha256 = std::string(64, 'a');
        file.uploaded_at = 8;
        file.uploaded_by = "bithu";
        r.records().InsertAttachment(file);
    });
    Read(store(), [&](Repositories& r) {
        const Meeting got = *r.meetings().Get(m.id);
        EXPECT_EQ(got.preparation.preparer, a.id);
        EXPECT_EQ(got.preparation.committee_meeting_on, D(2026, 2, 27));
        EXPECT_EQ(got.preparation.agenda, (std::vector<std::string>{"Một", "Hai"}));
        EXPECT_EQ(got.preparation.superior_official, "Đ/c Phó Bí thư");
        EXPECT_EQ(got.notified_at, 1772000000);
        EXPECT_EQ(got.documents_sent_at, 1772000001);
        EXPECT_EQ(got.record.started_minutes, 14 * 60 + 5);
        EXPECT_EQ(got.Duration(), 105);
        EXPECT_EQ(got.record.minute_taker, b.id);
        EXPECT_EQ(got.record.guests.size(), 2u);
        EXPECT_TRUE(got.record.superior_attended);
        EXPECT_EQ(got.record.conclusion, "Kết luận\nhai dòng");
        ASSERT_TRUE(got.record.vote.has_value());
        EXPECT_EQ(got.record.vote->abstaining, 1);
        EXPECT_EQ(got.record.vote_scope, VoteScope::kOfficialOnly);
        EXPECT_EQ(got.minutes_number, "01-BB/CB");
        EXPECT_EQ(got.reported_at, 1772200000);
        const auto attendance = r.records().Attendance(m.id);
        ASSERT_EQ(attendance.size(), 2u);
        EXPECT_EQ(attendance[1].status_at_meeting, MemberStatus::kProbationary);
        EXPECT_EQ(attendance[1].presence, Presence::kUnexcused);
        const auto opinions = r.records().Opinions(m.id);
        ASSERT_EQ(opinions.size(), 2u);
        EXPECT_FALSE(opinions[1].speaker.has_value());
        EXPECT_EQ(r.records().TasksSetBy(m.id).size(), 2u);
        const auto leave = r.records().LeaveRequests(m.id);
        ASSERT_EQ(leave.size(), 1u);
        EXPECT_EQ(leave[0].reason, "Đi công tác");
        EXPECT_EQ(r.records().Amendments(m.id).at(0).reason, "Ghi sót");
        EXPECT_EQ(r.records().Attachments(m.id).at(0).file_name, "Dự thảo.docx");
        EXPECT_TRUE(r.records().ContentInUse(std::string(64, 'a')));
        EXPECT_FALSE(r.records().ContentInUse(std::string(64, 'b')));
        const auto history = r.records().AttendanceOf(a.id, 2026);
        ASSERT_EQ(history.size(), 1u);
        EXPECT_EQ(history[0].first.id, m.id);
        EXPECT_EQ(r.meetings().InSubtreeBetween(t.commune.path, D(2026, 3, 1), D(2026, 3, 31), 10).size(), 1u);
        EXPECT_TRUE(r.meetings().InSubtreeBetween(t.commune.path, D(2026, 4, 1), D(2026, 4, 30), 10).empty());
    });
}

TEST_P(StoreContract, TasksAreReviewedByALaterMeeting) {
    const Tree t = MakeTree(store());
    Meeting march;
    march.organization = t.cell_a.id;
    march.year = 2026;
    march.month = 3;
    march.date = D(2026, 3, 3);
    Meeting april = march;
    april.month = 4;
    april.date = D(2026, 4, 3);
    Write(store(), [&](Repositories& r) {
        march = r.meetings().Insert(march);
        april = r.meetings().Insert(april);
        ResolutionTask task;
        task.description = "Làm đường";
        task.deadline = D(2026, 3, 31);
        r.records().ReplaceTasksSetBy(march.id, t.cell_a.id, {task});
    });
    Write(store(), [&](Repositories& r) {
        auto before = r.records().TasksOfCellBefore(t.cell_a.id, april.date);
        ASSERT_EQ(before.size(), 1u);
        EXPECT_TRUE(r.records().TasksOfCellBefore(t.cell_a.id, march.date).empty());
        before[0].outcome = TaskOutcome::kPartlyDone;
        before[0].result = "Xong 1 km";
        before[0].reviewed_in = april.id;
        r.records().SaveTaskReview(before[0]);
    });
    Read(store(), [&](Repositories& r) {
        const auto reviewed = r.records().TasksReviewedIn(april.id);
        ASSERT_EQ(reviewed.size(), 1u);
        EXPECT_EQ(reviewed[0].outcome, TaskOutcome::kPartlyDone);
        EXPECT_EQ(reviewed[0].result, "Xong 1 km");
        EXPECT_EQ(reviewed[0].meeting, march.id);
    });
}

TEST_P(StoreContract, UnexcusedAbsencesAddUpAcrossCellsAndShowWhereTheMemberIsOnTheRoll) {
    // Two absences in cell A in February and March, a transfer to cell B on 01/04, one absence in B in
    // May: one flag, shown at B, with both cells. A member of A with two absences is not flagged.
    const Tree t = MakeTree(store());
    Member moved;
    Member stayed;
    Write(store(), [&](Repositories& r) {
        moved = r.members().Insert(Mem(t.cell_b.id, "Lê Văn Chuyển"));
        r.members().OpenMembership({MembershipId(), moved.id, t.cell_a.id, D(2020, 1, 1), D(2026, 4, 1), "Kết nạp"});
        r.members().OpenMembership({MembershipId(), moved.id, t.cell_b.id, D(2026, 4, 1), std::nullopt, "Chuyển đến"});
        stayed = r.members().Insert(Mem(t.cell_a.id, "Phạm Văn Ở"));
        r.members().OpenMembership({MembershipId(), stayed.id, t.cell_a.id, D(2020, 1, 1), std::nullopt, "Kết nạp"});
        auto held = [&](OrganizationId cell, int month, std::vector<MemberId> absent) {
            Meeting m;
            m.organization = cell;
            m.year = 2026;
            m.month = month;
            m.date = D(2026, month, 3);
            m.start_minutes = 14 * 60;
            m.min_minutes = 90;
            m = r.meetings().Insert(m);
            m.state = MeetingState::kHeld;
            r.meetings().Update(m);
            std::vector<AttendanceRecord> roll;
            for (MemberId id : absent) roll.push_back({id, "", MemberStatus::kOfficial, Presence::kUnexcused, ""});
            r.records().SaveAttendance(m.id, roll);
        };
        held(t.cell_a.id, 2, {moved.id, stayed.id});
        held(t.cell_a.id, 3, {moved.id, stayed.id});
        held(t.cell_b.id, 5, {moved.id});
    });
    Read(store(), [&](Repositories& r) {
        const auto counts = r.records().UnexcusedOfRolls(t.commune.path, 2026);
        const auto flags = FlagAcrossCells(counts);
        ASSERT_EQ(flags.size(), 1u);
        EXPECT_EQ(flags[0].member, moved.id);
        EXPECT_EQ(flags[0].unexcused, 3);
        EXPECT_EQ(flags[0].shown_at, t.cell_b.id);
        ASSERT_EQ(flags[0].absent_in.size(), 2u);
        EXPECT_EQ(flags[0].absent_in[0].unexcused + flags[0].absent_in[1].unexcused, 3);
        // Shown at B: B's subtree has it, A's has only the member with two.
        EXPECT_EQ(FlagAcrossCells(r.records().UnexcusedOfRolls(t.cell_b.path, 2026)).size(), 1u);
        const auto in_a = r.records().UnexcusedOfRolls(t.cell_a.path, 2026);
        ASSERT_EQ(in_a.size(), 1u);
        EXPECT_EQ(in_a[0].member, stayed.id);
        EXPECT_TRUE(FlagAcrossCells(in_a).empty());
        EXPECT_TRUE(r.records().UnexcusedOfRolls(t.other_commune.path, 2026).empty());
        EXPECT_TRUE(r.records().UnexcusedOfRolls(t.commune.path, 2025).empty());
    });
}

}  // namespace
}  // namespace chibo::tests
