#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/document_repository.hpp"
#include "domain/grading_repository.hpp"
#include "domain/meeting_record_repository.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/position_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/store.hpp"
#include "domain/topic_repository.hpp"
#include "domain/user_repository.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Result;

// One of each kind of row a repository decodes, to corrupt one column at a time.
struct Rows {
    Tree tree;
    MemberId member;
    PositionId position;
    UserId user;
    MeetingId meeting;
    GradingRoundId round;
    TopicId topic;
};

Rows MakeRows(Store& store) {
    Rows rows;
    rows.tree = MakeTree(store);
    const OrganizationId cell = rows.tree.cell_a.id;
    Write(store, [&](Repositories& r) {
        rows.member = r.members().Insert(Mem(cell, "Nguyễn Văn An")).id;
        rows.position =
            r.positions()
                .Insert({PositionId(), cell, rows.member, "", PositionKind::kSecretary, D(2025, 7, 1), std::nullopt})
                .id;
        rows.user = r.users().Insert(Account("bithu", "Bí thư")).id;
        r.users().AddRole(rows.user, Role::kSecretary, cell);
        RegisteredDocument d;
        d.organization = cell;
        d.type = DocumentType::kResolution;
        d.term = "2025-2030";
        d.issued_on = D(2026, 1, 5);
        d.title = "Văn bản";
        r.documents().Register(d, [](int n) { return std::to_string(n) + "-NQ/CB"; });
        MeetingRuleOverride rule;
        rule.shift = DayShift::kNextWorkingDay;
        rule.holidays = {D(2026, 9, 2)};
        r.meetings().SaveRule(cell, rule);
        Meeting m;
        m.organization = cell;
        m.year = 2026;
        m.month = 3;
        m.date = D(2026, 3, 3);
        m.state = MeetingState::kHeld;
        m = r.meetings().Insert(m);
        rows.meeting = m.id;
        r.records().SaveAttendance(m.id,
                                   {{rows.member, "Nguyễn Văn An", MemberStatus::kOfficial, Presence::kPresent, ""}});
        ResolutionTask task;
        task.description = "Làm đường";
        task.deadline = D(2026, 3, 31);
        r.records().ReplaceTasksSetBy(m.id, cell, {task});
        MeetingScore score;
        score.meeting = m.id;
        score.role = ScorerRole::kCell;
        score.level = QualityLevel::kGood;
        r.scores().InsertScore(score);
        GradingRound round;
        round.organization = cell;
        round.period = *ParseGradingPeriod("2026");
        rows.round = r.grading().InsertRound(round).id;
        Grade g;
        g.round = rows.round;
        r.grading().InsertGrade(g);
        Topic topic;
        topic.organization = cell;
        topic.year = 2026;
        topic.title = "Quản lý đất đai";
        topic.preparer = TopicPreparer{PreparerKind::kSuperiorOfficial, std::nullopt, std::nullopt, "Lê Văn Bình"};
        rows.topic = r.topics().InsertTopic(topic).id;
        r.topics().InsertComment(
            {TopicCommentId(), rows.topic, CommentKind::kReview, 1, std::nullopt, "bithu", "", "Được"});
    });
    return rows;
}

// A column set to a value no writer produces, and a read of its row.
struct Corruption {
    std::string table;
    std::string column;
    std::function<void(Repositories&, const Rows&)> read;
    std::string row = "1 = 1";  // Which row, when the table has several.
};

// A code or value the domain does not know fails the read loudly, naming where it is, instead of
// being read as some default ("male", "official"...): a corrupt row is an infrastructure failure.
TEST_P(StoreContract, AnUnknownCodeInARowFailsTheReadNamingTheColumn) {
    const Rows rows = MakeRows(store());
    const std::string cell_a = "id = " + std::to_string(rows.tree.cell_a.id.value);
    const std::vector<Corruption> corruptions = {
        {"organizations", "kind", [](Repositories& r, const Rows& x) { r.organizations().Get(x.tree.cell_a.id); },
         cell_a},
        {"organizations", "category", [](Repositories& r, const Rows& x) { r.organizations().Get(x.tree.cell_a.id); },
         cell_a},
        {"members", "sex", [](Repositories& r, const Rows& x) { r.members().Get(x.member); }},
        {"members", "status", [](Repositories& r, const Rows& x) { r.members().Get(x.member); }},
        {"positions", "kind", [](Repositories& r, const Rows& x) { r.positions().Get(x.position); }},
        {"role_grants", "role", [](Repositories& r, const Rows& x) { r.users().Get(x.user); }},
        {"documents", "doc_type",
         [](Repositories& r, const Rows& x) { r.documents().List(x.tree.cell_a.id, std::nullopt, "", 0, 10); }},
        {"meeting_rules", "shift", [](Repositories& r, const Rows& x) { r.meetings().RuleOf(x.tree.cell_a.id); }},
        {"meeting_rules", "holidays", [](Repositories& r, const Rows& x) { r.meetings().RuleOf(x.tree.cell_a.id); }},
        {"meetings", "kind", [](Repositories& r, const Rows& x) { r.meetings().Get(x.meeting); }},
        {"meetings", "state", [](Repositories& r, const Rows& x) { r.meetings().Get(x.meeting); }},
        {"meetings", "vote_scope", [](Repositories& r, const Rows& x) { r.meetings().Get(x.meeting); }},
        {"meeting_attendance", "status_at_meeting",
         [](Repositories& r, const Rows& x) { r.records().Attendance(x.meeting); }},
        {"meeting_attendance", "presence", [](Repositories& r, const Rows& x) { r.records().Attendance(x.meeting); }},
        {"resolution_tasks", "outcome", [](Repositories& r, const Rows& x) { r.records().TasksSetBy(x.meeting); }},
        {"meeting_scores", "role", [](Repositories& r, const Rows& x) { r.scores().Scores(x.meeting); }},
        {"meeting_scores", "level",
         [](Repositories& r, const Rows& x) { r.meetings().HeldFigures(x.meeting.value, x.meeting.value); }},
        {"grading_rounds", "period", [](Repositories& r, const Rows& x) { r.grading().GetRound(x.round); }},
        {"grades", "subject", [](Repositories& r, const Rows& x) { r.grading().Grades(x.round); }},
        {"grades", "step", [](Repositories& r, const Rows& x) { r.grading().Grades(x.round); }},
        {"grades", "level", [](Repositories& r, const Rows& x) { r.grading().Grades(x.round); }},
        {"topics", "state", [](Repositories& r, const Rows& x) { r.topics().GetTopic(x.topic); }},
        {"topics", "preparer_kind", [](Repositories& r, const Rows& x) { r.topics().GetTopic(x.topic); }},
        {"topic_comments", "kind", [](Repositories& r, const Rows& x) { r.topics().Comments(x.topic); }},
    };
    for (const Corruption& c : corruptions) {
        const std::string where = c.table + "." + c.column;
        SCOPED_TRACE(where);
        const std::string saved = QueryText("SELECT " + c.column + " FROM " + c.table + " WHERE " + c.row);
        ExecuteSql("UPDATE " + c.table + " SET " + c.column + " = 'corrupt' WHERE " + c.row);

        try {
            (void)store().Read([&](Repositories& r) -> Result<void> {
                c.read(r, rows);
                return {};
            });
            ADD_FAILURE() << "the read of a corrupt " << where << " succeeded";
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << e.what();
        }

        ExecuteSql("UPDATE " + c.table + " SET " + c.column + " = '" + saved + "' WHERE " + c.row);
        Read(store(), [&](Repositories& r) { c.read(r, rows); });
    }
}

}  // namespace
}  // namespace chibo::tests
