#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "domain/ids.hpp"

namespace chibo::domain {

using TaskId = base::Id<struct TaskTag>;

// How a resolution's task stands when the next meeting reviews it.
enum class TaskOutcome { kOpen, kDone, kPartlyDone, kNotDone };

// One task of a monthly resolution: who, what, by when; reviewed at the next meeting ("I. last month's
// results" of the resolution document).
struct ResolutionTask {
    TaskId id;
    std::optional<MemberId> assignee;  // Unset: the whole cell.
    std::string description;
    base::Date deadline;
    TaskOutcome outcome = TaskOutcome::kOpen;
    std::string result;  // What was achieved, as the secretary reports it.
};

// Share of last month's targets met, as the scorecard reads it (HD 42: 90–100 % → 30 points …): done
// tasks count 1, partly done ½, not done 0; open tasks are not yet assessed and do not count.
// nullopt when nothing was assessed.
std::optional<double> TargetsMetShare(std::span<const ResolutionTask> tasks);

// The tasks the next agenda opens with: every task not yet done whose deadline is on or before the next
// meeting's day, in deadline order.
std::vector<ResolutionTask> CarriedForward(std::span<const ResolutionTask> tasks, base::Date next_meeting);

}  // namespace chibo::domain
