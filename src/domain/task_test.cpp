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

ResolutionTask From(std::int64_t id, std::int64_t meeting, TaskOutcome outcome, base::Date deadline) {
    ResolutionTask t = T(id, outcome, deadline);
    t.meeting = MeetingId(meeting);
    return t;
}

std::vector<std::int64_t> Ids(const std::vector<ResolutionTask>& tasks) {
    std::vector<std::int64_t> out;
    for (const ResolutionTask& t : tasks) out.push_back(t.id.value);
    return out;
}

TEST(TasksToReviewTest, ThematicMeasuresComeBackToEveryRegularMeetingUntilDone) {
    const base::Date sep3 = *base::Date::FromYmd(2026, 9, 3);
    const base::Date oct3 = *base::Date::FromYmd(2026, 10, 3);
    const base::Date nov3 = *base::Date::FromYmd(2026, 11, 3);
    const base::Date jun30 = *base::Date::FromYmd(2027, 6, 30);
    // September: the regular meeting (1) and the thematic meeting (2) on one day; October's regular (3).
    const std::map<MeetingId, TaskOrigin> origins = {{MeetingId(1), {sep3, MeetingKind::kRegular}},
                                                     {MeetingId(2), {sep3, MeetingKind::kThematic}},
                                                     {MeetingId(3), {oct3, MeetingKind::kRegular}}};
    const std::vector<ResolutionTask> earlier = {
        From(10, 1, TaskOutcome::kOpen, jun30),        // September's regular task, due next year.
        From(20, 2, TaskOutcome::kPartlyDone, jun30),  // A thematic measure under way.
        From(21, 2, TaskOutcome::kDone, jun30),        // A thematic measure done.
        From(30, 3, TaskOutcome::kOpen, jun30),        // October's task.
    };
    // November's regular meeting: October's task (the latest meeting) and the thematic measure not done.
    EXPECT_EQ(Ids(TasksToReview(earlier, origins, MeetingId(4), nov3, MeetingKind::kRegular)),
              (std::vector<std::int64_t>{20, 30}));
    // A thematic meeting does not take over the follow-up of another thematic resolution.
    EXPECT_EQ(Ids(TasksToReview(earlier, origins, MeetingId(5), nov3, MeetingKind::kThematic)),
              (std::vector<std::int64_t>{30}));
}

TEST(TasksToReviewTest, BothMeetingsOfACombinedDayAreTheLatest) {
    const base::Date sep3 = *base::Date::FromYmd(2026, 9, 3);
    const base::Date oct3 = *base::Date::FromYmd(2026, 10, 3);
    const base::Date later = *base::Date::FromYmd(2027, 3, 1);
    const std::map<MeetingId, TaskOrigin> origins = {{MeetingId(1), {sep3, MeetingKind::kRegular}},
                                                     {MeetingId(2), {sep3, MeetingKind::kThematic}}};
    const std::vector<ResolutionTask> earlier = {From(10, 1, TaskOutcome::kOpen, later),
                                                 From(20, 2, TaskOutcome::kOpen, later)};
    EXPECT_EQ(Ids(TasksToReview(earlier, origins, MeetingId(3), oct3, MeetingKind::kRegular)),
              (std::vector<std::int64_t>{10, 20}));
}

TEST(TasksToReviewTest, KeepsWhatThisMeetingReviewedAndDropsDoneTasksSetLongAgo) {
    const base::Date aug3 = *base::Date::FromYmd(2026, 8, 3);
    const base::Date sep3 = *base::Date::FromYmd(2026, 9, 3);
    const base::Date oct3 = *base::Date::FromYmd(2026, 10, 3);
    const std::map<MeetingId, TaskOrigin> origins = {{MeetingId(1), {aug3, MeetingKind::kRegular}},
                                                     {MeetingId(2), {sep3, MeetingKind::kRegular}}};
    ResolutionTask reviewed = From(10, 1, TaskOutcome::kDone, *base::Date::FromYmd(2026, 12, 31));
    reviewed.reviewed_in = MeetingId(3);
    const std::vector<ResolutionTask> earlier = {
        reviewed, From(11, 1, TaskOutcome::kOpen, *base::Date::FromYmd(2026, 12, 31)),  // Not due, not the latest.
        From(12, 1, TaskOutcome::kNotDone, sep3),                                       // Due: back again.
        From(20, 2, TaskOutcome::kDone, oct3),                                          // Done.
    };
    EXPECT_EQ(Ids(TasksToReview(earlier, origins, MeetingId(3), oct3, MeetingKind::kRegular)),
              (std::vector<std::int64_t>{10, 12}));
}

}  // namespace
}  // namespace chibo::domain
