#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/grading_repository.hpp"
#include "domain/store.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

TEST_P(StoreContract, GradingRoundsAndGradesRoundTrip) {
    const Tree t = MakeTree(store());
    GradingRound year;
    year.organization = t.commune.id;
    year.period = *ParseGradingPeriod("2026");
    year.excellent_quota = 0.15;
    year.created_by = "xa";
    year.created_at = 30;
    GradingRound quarter = year;
    quarter.period = *ParseGradingPeriod("2026-Q3");
    GradingRound term = year;
    term.organization = t.province.id;
    term.period = *ParseGradingPeriod("2025-2030");
    Write(store(), [&](Repositories& r) {
        quarter = r.grading().InsertRound(quarter);
        year = r.grading().InsertRound(year);
        term = r.grading().InsertRound(term);
        Grade g;
        g.round = year.id;
        g.subject = GradingSubject::kMember;
        g.subject_id = 77;
        g.step = GradingStep::kDecision;
        g.general_points = 28;
        g.task_points = 64;
        g.total = 92;
        g.level = GradeLevel::kExcellent;
        g.exceeded_targets = true;
        g.comment = "Gương mẫu, đi đầu";
        g.recorded_by = "xa";
        g.recorded_at = 40;
        r.grading().InsertGrade(g);
        g.disciplined = true;
        g.level = GradeLevel::kGood;
        g.reason = "Bị khiển trách trong năm";
        r.grading().InsertGrade(g);
        g.round = quarter.id;
        r.grading().InsertGrade(g);
    });
    Read(store(), [&](Repositories& r) {
        const auto rounds = r.grading().RoundsOf({t.commune.id, t.province.id});
        ASSERT_EQ(rounds.size(), 3U);
        // Newest period first: the term ends last, then the year, then its third quarter.
        EXPECT_EQ(rounds[0].period.code, "2025-2030");
        EXPECT_EQ(rounds[1].period.code, "2026");
        EXPECT_EQ(rounds[2].period.code, "2026-Q3");
        EXPECT_EQ(rounds[2].period.kind, GradingPeriodKind::kQuarter);
        EXPECT_DOUBLE_EQ(rounds[1].excellent_quota, 0.15);
        EXPECT_EQ(r.grading().RoundsOf({t.cell_a.id}).size(), 0U);
        EXPECT_EQ(r.grading().FindRound(t.commune.id, "2026")->id, year.id);
        EXPECT_FALSE(r.grading().FindRound(t.province.id, "2026").has_value());
        EXPECT_EQ(r.grading().GetRound(term.id)->organization, t.province.id);
        const auto grades = r.grading().Grades(year.id);
        ASSERT_EQ(grades.size(), 2U);
        EXPECT_EQ(grades[0].subject, GradingSubject::kMember);
        EXPECT_EQ(grades[0].subject_id, 77);
        EXPECT_EQ(grades[0].step, GradingStep::kDecision);
        EXPECT_EQ(grades[0].level, GradeLevel::kExcellent);
        EXPECT_TRUE(grades[0].exceeded_targets);
        EXPECT_FALSE(grades[0].disciplined);
        EXPECT_EQ(grades[0].comment, "Gương mẫu, đi đầu");
        EXPECT_EQ(grades[0].recorded_at, 40);
        EXPECT_TRUE(grades[1].disciplined);
        EXPECT_EQ(grades[1].reason, "Bị khiển trách trong năm");
        EXPECT_EQ(r.grading().Grades(quarter.id).size(), 1U);
    });
    // One round per organisation and period (an engine may throw or return the error).
    bool refused = false;
    try {
        refused = !store()
                       .Write([&](Repositories& r) -> Result<void> {
                           r.grading().InsertRound(year);
                           return {};
                       })
                       .has_value();
    } catch (const std::exception&) {
        refused = true;
    }
    EXPECT_TRUE(refused);
    Read(store(), [&](Repositories& r) { EXPECT_EQ(r.grading().RoundsOf({t.commune.id}).size(), 2U); });
}

}  // namespace
}  // namespace chibo::tests
