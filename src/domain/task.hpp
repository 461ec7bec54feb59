#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/ids.hpp"
#include "domain/meeting_rule.hpp"

namespace chibo::domain {

using TaskId = base::Id<struct TaskTag>;

// How a resolution's task stands when the next meeting reviews it.
enum class TaskOutcome { kOpen, kDone, kPartlyDone, kNotDone };

// One task of a monthly resolution: who, what, by when; reviewed at the next meeting ("I. last month's
// results" of the resolution document).
struct ResolutionTask {
    TaskId id;
    MeetingId meeting;                 // The meeting whose resolution set it.
    std::optional<MemberId> assignee;  // Unset: the whole cell.
    std::string assignee_name;
    std::string description;
    base::Date deadline;
    TaskOutcome outcome = TaskOutcome::kOpen;
    std::string result;                    // What was achieved, as the secretary reports it.
    std::optional<MeetingId> reviewed_in;  // The meeting that last reviewed it.
};

// Checks a new task: a description, a deadline after the meeting that sets it.
base::Result<void> ValidateTask(const ResolutionTask& task, base::Date meeting_day);

std::string_view ToCode(TaskOutcome outcome);
std::optional<TaskOutcome> TaskOutcomeFromCode(std::string_view code);
std::string_view Label(TaskOutcome outcome);

// Share of last month's targets met, as the scorecard reads it (HD 42: 90–100 % → 30 points …): done
// tasks count 1, partly done ½, not done 0; open tasks are not yet assessed and do not count.
// nullopt when nothing was assessed.
std::optional<double> TargetsMetShare(std::span<const ResolutionTask> tasks);

// The tasks the next agenda opens with: every task not yet done whose deadline is on or before the next
// meeting's day, in deadline order.
std::vector<ResolutionTask> CarriedForward(std::span<const ResolutionTask> tasks, base::Date next_meeting);

// The meeting a task came from, as a review reads it.
struct TaskOrigin {
    base::Date date;
    MeetingKind kind = MeetingKind::kRegular;
};

// The earlier tasks of a cell that a meeting on `day` reviews: those already reviewed at it (`meeting`),
// and those not yet done that fell due by its day, or were set by the cell's latest earlier meetings (a
// regular and a thematic meeting held on one day are both the latest), or carry out a thematic
// resolution — those a regular meeting reviews every month until done (HD 42: the thematic resolution
// is followed at the following regular meetings). `earlier` is in the repository's order and keeps it.
std::vector<ResolutionTask> TasksToReview(std::span<const ResolutionTask> earlier,
                                          const std::map<MeetingId, TaskOrigin>& origins,
                                          std::optional<MeetingId> meeting, base::Date day, MeetingKind kind);

}  // namespace chibo::domain
