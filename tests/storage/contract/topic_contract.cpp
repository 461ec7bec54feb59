#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/store.hpp"
#include "domain/topic_repository.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Result;

TEST_P(StoreContract, TopicOrientationsRoundTripWithTheirCells) {
    const Tree t = MakeTree(store());
    TopicOrientation all;
    all.organization = t.commune.id;
    all.year = 2026;
    all.title = "Phân loại rác thải sinh hoạt tại nguồn";
    all.purpose = "Nâng cao ý thức\ncủa đảng viên và nhân dân.";
    all.directive = "Chỉ thị 02-CT/HU";
    all.created_by = "xa.hoaan";
    all.created_at = 100;
    TopicOrientation chosen = all;
    chosen.quarter = 3;
    chosen.title = "Hành lang an toàn giao thông";
    chosen.cells = {t.cell_b.id, t.cell_a.id};
    TopicOrientation next_year = all;
    next_year.year = 2027;
    Write(store(), [&](Repositories& r) {
        all = r.topics().InsertOrientation(all);
        chosen = r.topics().InsertOrientation(chosen);
        next_year = r.topics().InsertOrientation(next_year);
    });

    Read(store(), [&](Repositories& r) {
        const auto got = r.topics().OrientationsOf({t.province.id, t.commune.id}, 2026);
        ASSERT_EQ(got.size(), 2U);
        EXPECT_EQ(got[0].id, chosen.id);  // Newest first.
        EXPECT_EQ(got[0].quarter, 3);
        std::vector<OrganizationId> cells = got[0].cells;
        std::sort(cells.begin(), cells.end());
        std::vector<OrganizationId> expected = {t.cell_a.id, t.cell_b.id};
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(cells, expected);
        EXPECT_EQ(got[1].id, all.id);
        EXPECT_FALSE(got[1].quarter.has_value());
        EXPECT_TRUE(got[1].cells.empty());
        EXPECT_EQ(got[1].purpose, "Nâng cao ý thức\ncủa đảng viên và nhân dân.");
        EXPECT_EQ(got[1].directive, "Chỉ thị 02-CT/HU");
        EXPECT_EQ(got[1].created_by, "xa.hoaan");
        EXPECT_EQ(got[1].created_at, 100);
        EXPECT_TRUE(r.topics().OrientationsOf({t.other_commune.id}, 2026).empty());
        EXPECT_TRUE(r.topics().OrientationsOf({}, 2026).empty());
        EXPECT_EQ(r.topics().GetOrientation(chosen.id)->cells.size(), 2U);
        EXPECT_EQ(r.topics().GetOrientation(next_year.id)->year, 2027);
        EXPECT_FALSE(r.topics().GetOrientation(TopicOrientationId(999)).has_value());
    });
}

TEST_P(StoreContract, TopicsRoundTripAndFollowTheirState) {
    const Tree t = MakeTree(store());
    TopicOrientation orientation;
    orientation.organization = t.commune.id;
    orientation.year = 2026;
    orientation.title = "Quản lý đất đai";
    Organization group;
    Member member;
    Meeting meeting;
    Topic picked;
    Topic proposed;
    Write(store(), [&](Repositories& r) {
        orientation = r.topics().InsertOrientation(orientation);
        group = r.organizations().Insert(Org(t.cell_a.id, "Tổ đảng số 1", OrganizationKind::kPartyGroup));
        member = r.members().Insert(Mem(t.cell_a.id, "Nguyễn Văn An"));
        meeting.organization = t.cell_a.id;
        meeting.kind = MeetingKind::kThematic;
        meeting.year = 2026;
        meeting.month = 3;
        meeting.date = D(2026, 3, 3);
        meeting = r.meetings().Insert(meeting);
        picked.organization = t.cell_a.id;
        picked.orientation = orientation.id;
        picked.year = 2026;
        picked.quarter = 1;
        picked.title = "Quản lý đất đai ở Thôn Bắc";
        picked.purpose = "Mục đích";
        picked.directive = "Kết luận 15-KL/ĐU";
        picked.preparer = TopicPreparer{PreparerKind::kPartyGroup, std::nullopt, group.id, "Tổ đảng số 1"};
        picked.meeting = meeting.id;
        picked.created_by = "bithu";
        picked.created_at = 10;
        picked = r.topics().InsertTopic(picked);
        proposed.organization = t.cell_a.id;
        proposed.year = 2026;
        proposed.quarter = 2;
        proposed.title = "Học tập và làm theo gương Bác";
        proposed.state = TopicState::kProposed;
        proposed.preparer = TopicPreparer{PreparerKind::kCommitteeMember, member.id, std::nullopt, ""};
        proposed = r.topics().InsertTopic(proposed);
        Topic elsewhere = proposed;
        elsewhere.organization = t.cell_b.id;
        elsewhere.preparer.reset();
        r.topics().InsertTopic(elsewhere);
        Topic other_year = proposed;
        other_year.year = 2027;
        r.topics().InsertTopic(other_year);
    });

    Read(store(), [&](Repositories& r) {
        const auto got = r.topics().GetTopic(picked.id);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->organization, t.cell_a.id);
        EXPECT_EQ(got->orientation, orientation.id);
        EXPECT_EQ(got->quarter, 1);
        EXPECT_EQ(got->title, "Quản lý đất đai ở Thôn Bắc");
        EXPECT_EQ(got->directive, "Kết luận 15-KL/ĐU");
        ASSERT_TRUE(got->preparer.has_value());
        EXPECT_EQ(got->preparer->kind, PreparerKind::kPartyGroup);
        EXPECT_EQ(got->preparer->party_group, group.id);
        EXPECT_FALSE(got->preparer->member.has_value());
        EXPECT_EQ(got->meeting, meeting.id);
        EXPECT_EQ(got->state, TopicState::kPlanned);
        EXPECT_EQ(got->draft_count, 0);
        EXPECT_FALSE(got->sent_at.has_value());
        EXPECT_EQ(r.topics().GetTopic(proposed.id)->preparer->member, member.id);
        const auto plan = r.topics().TopicsOf(t.cell_a.id, 2026);
        ASSERT_EQ(plan.size(), 2U);
        EXPECT_EQ(plan[0].id, picked.id);  // By quarter.
        EXPECT_EQ(plan[1].id, proposed.id);
        EXPECT_EQ(r.topics().TopicsOfOrientation(orientation.id).size(), 1U);
        const auto waiting = r.topics().InSubtree(t.commune.path, TopicState::kProposed);
        ASSERT_EQ(waiting.size(), 3U);
        EXPECT_FALSE(waiting[1].preparer.has_value());
        EXPECT_TRUE(r.topics().InSubtree(t.other_commune.path, TopicState::kProposed).empty());
        EXPECT_EQ(r.topics().InSubtree(t.cell_a.path, TopicState::kPlanned).size(), 1U);
        // A quarter's topics of a subtree, in every state.
        const auto first_quarter = r.topics().InSubtreeOfQuarter(t.commune.path, 2026, 1);
        ASSERT_FALSE(first_quarter.empty());
        EXPECT_TRUE(std::all_of(first_quarter.begin(), first_quarter.end(),
                                [](const Topic& x) { return x.year == 2026 && x.quarter == 1; }));
        EXPECT_TRUE(
            std::any_of(first_quarter.begin(), first_quarter.end(), [&](const Topic& x) { return x.id == picked.id; }));
        EXPECT_TRUE(r.topics().InSubtreeOfQuarter(t.other_commune.path, 2026, 1).empty());
        EXPECT_TRUE(r.topics().InSubtreeOfQuarter(t.commune.path, 2025, 1).empty());
        // The topic a meeting discusses.
        ASSERT_TRUE(r.topics().TopicOfMeeting(meeting.id).has_value());
        EXPECT_EQ(r.topics().TopicOfMeeting(meeting.id)->id, picked.id);
        EXPECT_FALSE(r.topics().TopicOfMeeting(MeetingId(987654)).has_value());
    });

    Write(store(), [&](Repositories& r) {
        Topic accepted = *r.topics().GetTopic(proposed.id);
        accepted.state = TopicState::kApproved;
        accepted.decided_by = "xa";
        accepted.decided_at = 20;
        accepted.preparer = TopicPreparer{PreparerKind::kSuperiorOfficial, std::nullopt, std::nullopt, "Lê Văn Bình"};
        accepted.meeting.reset();
        accepted.submitted_at = 25;
        accepted.approved_version = 2;
        accepted.approved_by = "bithu";
        accepted.approved_at = 30;
        accepted.sent_version = 2;
        accepted.sent_by = "bithu";
        accepted.sent_at = 40;
        accepted.draft_count = 99;  // Not saved: only AddDraft counts drafts.
        r.topics().UpdateTopic(accepted);
    });
    Read(store(), [&](Repositories& r) {
        const Topic got = *r.topics().GetTopic(proposed.id);
        EXPECT_EQ(got.state, TopicState::kApproved);
        EXPECT_EQ(got.decided_by, "xa");
        EXPECT_EQ(got.decided_at, 20);
        EXPECT_EQ(got.preparer->kind, PreparerKind::kSuperiorOfficial);
        EXPECT_EQ(got.preparer->name, "Lê Văn Bình");
        EXPECT_FALSE(got.meeting.has_value());
        EXPECT_EQ(got.submitted_at, 25);
        EXPECT_EQ(got.approved_version, 2);
        EXPECT_EQ(got.approved_at, 30);
        EXPECT_EQ(got.sent_version, 2);
        EXPECT_EQ(got.sent_by, "bithu");
        EXPECT_EQ(got.sent_at, 40);
        EXPECT_EQ(got.draft_count, 0);
    });
}

TEST_P(StoreContract, DraftVersionsAreNumberedAndCommentsKept) {
    const Tree t = MakeTree(store());
    Topic topic;
    topic.organization = t.cell_a.id;
    topic.year = 2026;
    topic.quarter = 1;
    topic.title = "Quản lý đất đai";
    Member member;
    Write(store(), [&](Repositories& r) {
        topic = r.topics().InsertTopic(topic);
        member = r.members().Insert(Mem(t.cell_a.id, "Trần Thị Bích"));
        EXPECT_EQ(r.topics().AddDraft(topic.id, "I. Mục đích\nII. Nội dung", "bithu", "Nguyễn Văn An", 50).number, 1);
        EXPECT_EQ(
            r.topics().AddDraft(topic.id, "I. Mục đích, yêu cầu\nII. Nội dung", "bithu", "Nguyễn Văn An", 60).number,
            2);
        r.topics().InsertComment({TopicCommentId(), topic.id, CommentKind::kReview, 1, std::nullopt, "bithu",
                                  "Nguyễn Văn An", "Thêm số liệu", 55});
        r.topics().InsertComment({TopicCommentId(), topic.id, CommentKind::kMember, 2, member.id, "dangvien",
                                  "Trần Thị Bích", "Đồng ý", 70});
    });

    Read(store(), [&](Repositories& r) {
        EXPECT_EQ(r.topics().GetTopic(topic.id)->draft_count, 2);
        const auto versions = r.topics().Drafts(topic.id);
        ASSERT_EQ(versions.size(), 2U);
        EXPECT_EQ(versions[0].number, 1);
        EXPECT_TRUE(versions[0].text.empty());  // Lists carry no text.
        EXPECT_EQ(versions[1].created_at, 60);
        EXPECT_EQ(versions[1].author_name, "Nguyễn Văn An");
        const auto second = r.topics().GetDraft(topic.id, 2);
        ASSERT_TRUE(second.has_value());
        EXPECT_EQ(second->text, "I. Mục đích, yêu cầu\nII. Nội dung");
        EXPECT_EQ(second->created_by, "bithu");
        EXPECT_FALSE(r.topics().GetDraft(topic.id, 3).has_value());
        const auto comments = r.topics().Comments(topic.id);
        ASSERT_EQ(comments.size(), 2U);
        EXPECT_EQ(comments[0].kind, CommentKind::kReview);
        EXPECT_EQ(comments[0].version, 1);
        EXPECT_FALSE(comments[0].member.has_value());
        EXPECT_EQ(comments[0].text, "Thêm số liệu");
        EXPECT_EQ(comments[1].kind, CommentKind::kMember);
        EXPECT_EQ(comments[1].member, member.id);
        EXPECT_EQ(comments[1].author_name, "Trần Thị Bích");
        EXPECT_EQ(comments[1].created_at, 70);
    });
    // A failed transaction returns its number: the next version is still 3.
    const auto failed = store().Write([&](Repositories& r) -> Result<void> {
        r.topics().AddDraft(topic.id, "bỏ", "bithu", "", 80);
        return base::MakeError(base::ErrorCode::kConflict, "rollback");
    });
    EXPECT_FALSE(failed.has_value());
    Write(store(),
          [&](Repositories& r) { EXPECT_EQ(r.topics().AddDraft(topic.id, "III", "bithu", "", 90).number, 3); });
}

}  // namespace
}  // namespace chibo::tests
