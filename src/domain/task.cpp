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

base::Result<void> ValidateTask(const ResolutionTask& task, base::Date meeting_day) {
    if (task.description.empty())
        return base::MakeError(base::ErrorCode::kInvalidArgument, "Cần ghi nội dung nhiệm vụ.", "tasks");
    if (task.description.size() > 2000)
        return base::MakeError(base::ErrorCode::kInvalidArgument, "Nội dung nhiệm vụ quá dài.", "tasks");
    if (task.deadline <= meeting_day)
        return base::MakeError(base::ErrorCode::kInvalidArgument,
                               "Thời hạn của nhiệm vụ phải sau ngày sinh hoạt (" + meeting_day.ToVietnamese() + ").",
                               "tasks");
    return {};
}

std::string_view ToCode(TaskOutcome outcome) {
    switch (outcome) {
        case TaskOutcome::kOpen:
            return "open";
        case TaskOutcome::kDone:
            return "done";
        case TaskOutcome::kPartlyDone:
            return "partly_done";
        case TaskOutcome::kNotDone:
            return "not_done";
    }
    return "";
}

std::optional<TaskOutcome> TaskOutcomeFromCode(std::string_view code) {
    for (TaskOutcome o : {TaskOutcome::kOpen, TaskOutcome::kDone, TaskOutcome::kPartlyDone, TaskOutcome::kNotDone})
        if (ToCode(o) == code) return o;
    return std::nullopt;
}

std::string_view Label(TaskOutcome outcome) {
    switch (outcome) {
        case TaskOutcome::kOpen:
            return "Đang thực hiện";
        case TaskOutcome::kDone:
            return "Hoàn thành";
        case TaskOutcome::kPartlyDone:
            return "Hoàn thành một phần";
        case TaskOutcome::kNotDone:
            return "Chưa hoàn thành";
    }
    return "";
}

std::vector<ResolutionTask> TasksToReview(std::span<const ResolutionTask> earlier,
                                          const std::map<MeetingId, TaskOrigin>& origins,
                                          std::optional<MeetingId> meeting, base::Date day, MeetingKind kind) {
    std::optional<base::Date> latest;
    for (const auto& [id, origin] : origins)
        if (origin.date < day && (!latest || origin.date > *latest)) latest = origin.date;
    std::vector<ResolutionTask> out;
    for (const ResolutionTask& t : earlier) {
        const bool reviewed_here = t.reviewed_in && meeting && *t.reviewed_in == *meeting;
        const auto origin = origins.find(t.meeting);
        const bool from_latest = origin != origins.end() && latest && origin->second.date == *latest;
        const bool thematic =
            origin != origins.end() && origin->second.kind == MeetingKind::kThematic && kind == MeetingKind::kRegular;
        const bool pending = t.outcome != TaskOutcome::kDone && (t.deadline <= day || from_latest || thematic);
        if (reviewed_here || pending) out.push_back(t);
    }
    return out;
}

}  // namespace chibo::domain
