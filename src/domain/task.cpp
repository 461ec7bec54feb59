#include "domain/task.hpp"

#include <algorithm>

namespace chibo::domain {

std::optional<double> TargetsMetShare(std::span<const ResolutionTask> tasks) {
    double met = 0;
    int assessed = 0;
    for (const ResolutionTask& t : tasks) {
        switch (t.outcome) {
            case TaskOutcome::kOpen:
                continue;
            case TaskOutcome::kDone:
                met += 1;
                break;
            case TaskOutcome::kPartlyDone:
                met += 0.5;
                break;
            case TaskOutcome::kNotDone:
                break;
        }
        ++assessed;
    }
    if (assessed == 0) return std::nullopt;
    return met / assessed;
}

std::vector<ResolutionTask> CarriedForward(std::span<const ResolutionTask> tasks, base::Date next_meeting) {
    std::vector<ResolutionTask> out;
    for (const ResolutionTask& t : tasks) {
        if (t.outcome != TaskOutcome::kDone && t.deadline <= next_meeting) out.push_back(t);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ResolutionTask& a, const ResolutionTask& b) { return a.deadline < b.deadline; });
    return out;
}

}  // namespace chibo::domain
