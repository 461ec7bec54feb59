#include "domain/task.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace chibo::domain {
namespace {

ResolutionTask T(std::int64_t id, TaskOutcome outcome, base::Date deadline) {
    ResolutionTask t;
    t.id = TaskId(id);
    t.outcome = outcome;
    t.deadline = deadline;
    t.description = "Nhiệm vụ " + std::to_string(id);
    return t;
}

const base::Date kNov = *base::Date::FromYmd(2026, 11, 30);
const base::Date kDec3 = *base::Date::FromYmd(2026, 12, 3);
const base::Date kDec20 = *base::Date::FromYmd(2026, 12, 20);

TEST(TargetsMetShareTest, CountsDoneWholeAndPartlyHalfIgnoringOpen) {
    const std::vector<ResolutionTask> tasks = {T(1, TaskOutcome::kDone, kNov), T(2, TaskOutcome::kDone, kNov),
                                               T(3, TaskOutcome::kPartlyDone, kNov), T(4, TaskOutcome::kNotDone, kNov),
                                               T(5, TaskOutcome::kOpen, kDec20)};

    EXPECT_DOUBLE_EQ(*TargetsMetShare(tasks), 2.5 / 4);
    EXPECT_FALSE(TargetsMetShare(std::vector<ResolutionTask>{T(1, TaskOutcome::kOpen, kNov)}).has_value());
    EXPECT_DOUBLE_EQ(*TargetsMetShare(std::vector<ResolutionTask>{T(1, TaskOutcome::kDone, kNov)}), 1.0);
}

TEST(CarriedForwardTest, UnfinishedTasksDueByTheNextMeetingInDeadlineOrder) {
    const std::vector<ResolutionTask> tasks = {T(1, TaskOutcome::kDone, kNov), T(2, TaskOutcome::kOpen, kDec3),
                                               T(3, TaskOutcome::kNotDone, kNov), T(4, TaskOutcome::kOpen, kDec20),
                                               T(5, TaskOutcome::kPartlyDone, kNov)};

    const auto carried = CarriedForward(tasks, kDec3);

    ASSERT_EQ(carried.size(), 3u);
    EXPECT_EQ(carried[0].id, TaskId(3));
    EXPECT_EQ(carried[1].id, TaskId(5));
    EXPECT_EQ(carried[2].id, TaskId(2));
}

TEST(ValidateTaskTest, NeedsADescriptionAndADeadlineAfterTheMeeting) {
    const base::Date day = *base::Date::FromYmd(2026, 12, 3);
    ResolutionTask t;
    t.description = "Làm đường";
    t.deadline = day;
    EXPECT_EQ(ValidateTask(t, day).error().field, "tasks");
    t.deadline = day.AddDays(1);
    EXPECT_TRUE(ValidateTask(t, day).has_value());
    t.description.clear();
    EXPECT_FALSE(ValidateTask(t, day).has_value());
    for (TaskOutcome o : {TaskOutcome::kOpen, TaskOutcome::kDone, TaskOutcome::kPartlyDone, TaskOutcome::kNotDone})
        EXPECT_EQ(TaskOutcomeFromCode(ToCode(o)), o);
    EXPECT_FALSE(TaskOutcomeFromCode("maybe").has_value());
}

}  // namespace
}  // namespace chibo::domain
