#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/meeting_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/statistics.hpp"
#include "domain/store.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

TEST_P(StoreContract, ScorecardVersionsAndScoresRoundTrip) {
    const Tree t = MakeTree(store());
    StoredScorecard v;
    v.organization = t.commune.id;
    v.card = Hd42Scorecard();
    v.card.name = "Phiếu của xã";
    v.card.effective_from = D(2026, 7, 1);
    v.card.blocks[0].criteria[0].tiers[1].max = 20.5;
    v.created_by = "xa";
    v.created_at = 10;
    Meeting m;
    m.organization = t.cell_a.id;
    m.year = 2026;
    m.month = 7;
    m.date = D(2026, 7, 3);
    Write(store(), [&](Repositories& r) {
        v = r.scores().InsertScorecard(v);
        StoredScorecard older = v;
        older.card.effective_from = D(2026, 1, 1);
        r.scores().InsertScorecard(older);
        m = r.meetings().Insert(m);
        MeetingScore score;
        score.meeting = m.id;
        score.role = ScorerRole::kSuperior;
        score.scorecard_id = v.id;
        score.points = {{"duration", 5}, {"attendance", 1}};
        score.total = 6;
        score.level = QualityLevel::kPoor;
        score.scored_by = "xa";
        score.scored_at = 20;
        r.scores().InsertScore(score);
        score.reason = "Chấm lại";
        score.total = 7;
        r.scores().InsertScore(score);
    });
    Read(store(), [&](Repositories& r) {
        const auto versions = r.scores().Scorecards(t.commune.id);
        ASSERT_EQ(versions.size(), 2u);
        EXPECT_EQ(versions[0].card.effective_from, D(2026, 1, 1));
        const auto got = r.scores().GetScorecard(v.id);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->card.name, "Phiếu của xã");
        EXPECT_EQ(got->card.Total(), 100);
        EXPECT_EQ(got->card.blocks[0].criteria[0].tiers[1].max, 20.5);
        EXPECT_FALSE(got->card.blocks[0].criteria[0].tiers.back().max.has_value());
        EXPECT_EQ(got->card.blocks[1].criteria[0].caps.at(0).metric, Metric::kUnexcusedAbsences);
        EXPECT_FALSE(got->card.Find("procedure")->metric.has_value());
        EXPECT_EQ(got->card.full_marks_for_good, Hd42Scorecard().full_marks_for_good);
        EXPECT_TRUE(r.scores().Scorecards(t.cell_a.id).empty());
        const auto scores = r.scores().Scores(m.id);
        ASSERT_EQ(scores.size(), 2u);
        EXPECT_EQ(scores[0].role, ScorerRole::kSuperior);
        EXPECT_EQ(scores[0].points.at("attendance"), 1);
        EXPECT_EQ(scores[1].reason, "Chấm lại");
        EXPECT_EQ(scores[1].total, 7);
        EXPECT_TRUE(scores[0].computed.empty());
        EXPECT_TRUE(scores[0].override_reasons.empty());
    });
}

MeetingScore ScoreOf(MeetingId meeting, ScorerRole role, int attendance, int computed_attendance,
                     std::string reason = "") {
    MeetingScore score;
    score.meeting = meeting;
    score.role = role;
    score.points = {{"attendance", attendance}, {"procedure", 9}};
    score.computed = {{"attendance", computed_attendance}};
    if (!reason.empty()) score.override_reasons = {{"attendance", std::move(reason)}};
    score.total = attendance + 9;
    score.scored_by = "chibo";
    score.scored_at = 30;
    return score;
}

TEST_P(StoreContract, ComputedPointsAndOverrideReasonsOfAScoreRoundTrip) {
    const Tree t = MakeTree(store());
    Meeting m;
    m.organization = t.cell_a.id;
    m.year = 2026;
    m.month = 7;
    m.date = D(2026, 7, 3);
    Write(store(), [&](Repositories& r) {
        m = r.meetings().Insert(m);
        r.scores().InsertScore(
            ScoreOf(m.id, ScorerRole::kCell, 5, 1, "Đồng chí vắng đã báo qua điện thoại — \"biên bản\" ghi nhầm"));
    });

    // A row as the scorings saved before chibo kept computed points (schema version 9) left it.
    ExecuteSql(
        "INSERT INTO meeting_scores (meeting_id, role, scorecard_id, points, total, level, scored_by, "
        "scored_at) VALUES (" +
        std::to_string(m.id.value) + ", 'superior', 0, '{\"attendance\": 5}', 5, 'poor', 'xa', 40)");

    std::vector<MeetingScore> scores;
    Read(store(), [&](Repositories& r) { scores = r.scores().Scores(m.id); });

    ASSERT_EQ(scores.size(), 2U);
    const MeetingScore& s = scores.front();
    EXPECT_EQ(s.computed, (std::map<std::string, int>{{"attendance", 1}}));
    EXPECT_EQ(s.override_reasons.at("attendance"), "Đồng chí vắng đã báo qua điện thoại — \"biên bản\" ghi nhầm");
    EXPECT_EQ(s.points.at("attendance"), 5);
    EXPECT_EQ(s.Deviation(), 4);
    EXPECT_TRUE(scores[1].computed.empty());
    EXPECT_TRUE(scores[1].override_reasons.empty());
    EXPECT_EQ(scores[1].Deviation(), 0);
}

TEST_P(StoreContract, TheLatestScoresOfASubtreeInAPeriod) {
    const Tree t = MakeTree(store());
    auto meeting = [](OrganizationId cell, int month) {
        Meeting m;
        m.organization = cell;
        m.year = 2026;
        m.month = month;
        m.date = D(2026, month, 3);
        return m;
    };
    Meeting a_march = meeting(t.cell_a.id, 3);
    Meeting b_april = meeting(t.cell_b.id, 4);
    Meeting a_july = meeting(t.cell_a.id, 7);
    Meeting other = meeting(t.other_commune.id, 4);
    Meeting unscored = meeting(t.cell_b.id, 5);
    Write(store(), [&](Repositories& r) {
        for (Meeting* m : {&a_march, &b_april, &a_july, &other, &unscored}) *m = r.meetings().Insert(*m);
        r.scores().InsertScore(ScoreOf(a_march.id, ScorerRole::kCell, 5, 1, "Lý do"));
        r.scores().InsertScore(ScoreOf(a_march.id, ScorerRole::kSuperior, 1, 1));
        r.scores().InsertScore(ScoreOf(a_march.id, ScorerRole::kCell, 1, 1));  // The correction is the latest.
        r.scores().InsertScore(ScoreOf(b_april.id, ScorerRole::kCell, 5, 2, "Lý do khác"));
        r.scores().InsertScore(ScoreOf(a_july.id, ScorerRole::kCell, 5, 5));
        r.scores().InsertScore(ScoreOf(other.id, ScorerRole::kCell, 5, 1, "Ngoài xã"));
    });

    std::vector<MeetingScore> latest;
    Read(store(), [&](Repositories& r) {
        latest = r.scores().LatestInSubtree(t.commune.path, MonthNumber(2026, 1), MonthNumber(2026, 6));
    });

    ASSERT_EQ(latest.size(), 3U);
    EXPECT_EQ(latest[0].meeting, a_march.id);
    EXPECT_EQ(latest[0].role, ScorerRole::kCell);
    EXPECT_EQ(latest[0].points.at("attendance"), 1);
    EXPECT_EQ(latest[1].meeting, a_march.id);
    EXPECT_EQ(latest[1].role, ScorerRole::kSuperior);
    EXPECT_EQ(latest[2].meeting, b_april.id);
    EXPECT_EQ(latest[2].override_reasons.at("attendance"), "Lý do khác");
}

}  // namespace
}  // namespace chibo::tests
