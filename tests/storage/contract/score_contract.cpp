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
    });
}

}  // namespace
}  // namespace chibo::tests
