#include "domain/grading.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "base/text.hpp"

namespace chibo::domain {

using base::Date;
using base::ErrorCode;
using base::MakeError;
using base::Result;

namespace {

std::optional<int> ParseYear(std::string_view text) {
    if (text.size() != 4) return std::nullopt;
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    if (value < 2000 || value > 2100) return std::nullopt;
    return value;
}

Date Ymd(int year, int month, int day) {
    return *Date::FromYmd(year, month, day);
}

Date MonthEnd(int year, int month) {
    return month == 12 ? Ymd(year, 12, 31) : Ymd(year, month + 1, 1).AddDays(-1);
}

int MonthIndex(Date day) {
    return day.year() * 12 + day.month() - 1;
}

// Whether a meeting counts in [from, until]: by the month it belongs to, not the day it was held.
bool Counts(const Meeting& m, Date from, Date until) {
    return MonthIndex(MonthStartOf(m)) >= MonthIndex(from) && MonthStartOf(m) <= until;
}

bool Attended(Presence presence) {
    return presence == Presence::kPresent || presence == Presence::kLate;
}

double LevelWeight(QualityLevel level) {
    switch (level) {
        case QualityLevel::kGood:
            return 1.0;
        case QualityLevel::kFair:
            return 0.8;
        case QualityLevel::kAverage:
            return 0.6;
        case QualityLevel::kPoor:
            return 0.3;
    }
    return 0;
}

std::optional<double> Share(double part, int whole) {
    if (whole <= 0) return std::nullopt;
    return std::clamp(part / whole, 0.0, 1.0);
}

// Tasks due within the period, up to `until`, whose outcome is known.
bool Counts(const ResolutionTask& task, const GradingInput& input) {
    return task.outcome != TaskOutcome::kOpen && task.deadline >= input.period.from && task.deadline <= input.until;
}

double Met(TaskOutcome outcome) {
    if (outcome == TaskOutcome::kDone) return 1;
    if (outcome == TaskOutcome::kPartlyDone) return 0.5;
    return 0;
}

}  // namespace

std::string GradingPeriod::Label() const {
    switch (kind) {
        case GradingPeriodKind::kYear:
            return "Năm " + std::to_string(from.year());
        case GradingPeriodKind::kQuarter: {
            static constexpr const char* kRoman[] = {"I", "II", "III", "IV"};
            return std::string("Quý ") + kRoman[(from.month() - 1) / 3] + "/" + std::to_string(from.year());
        }
        case GradingPeriodKind::kTerm:
            return "Nhiệm kỳ " + std::to_string(from.year()) + "–" + std::to_string(to.year());
    }
    return code;
}

Result<GradingPeriod> ParseGradingPeriod(std::string_view code) {
    auto invalid = [] {
        return MakeError(ErrorCode::kInvalidArgument,
                         "Kỳ đánh giá phải là một năm (2026), một quý (2026-Q3) hoặc một nhiệm kỳ (2025-2030).",
                         "period");
    };
    GradingPeriod p;
    p.code = std::string(code);
    if (auto year = ParseYear(code)) {
        p.kind = GradingPeriodKind::kYear;
        p.from = Ymd(*year, 1, 1);
        p.to = Ymd(*year, 12, 31);
        return p;
    }
    if (code.size() == 7 && code.substr(4, 2) == "-Q") {
        auto year = ParseYear(code.substr(0, 4));
        const char q = code[6];
        if (!year || q < '1' || q > '4') return invalid();
        const int first = (q - '1') * 3 + 1;
        p.kind = GradingPeriodKind::kQuarter;
        p.from = Ymd(*year, first, 1);
        p.to = MonthEnd(*year, first + 2);
        return p;
    }
    if (code.size() == 9 && code[4] == '-') {
        auto start = ParseYear(code.substr(0, 4));
        auto end = ParseYear(code.substr(5, 4));
        if (!start || !end) return invalid();
        if (*end <= *start || *end - *start > 10)
            return MakeError(ErrorCode::kInvalidArgument,
                             "Nhiệm kỳ phải kết thúc sau năm bắt đầu và dài không quá 10 năm.", "period");
        p.kind = GradingPeriodKind::kTerm;
        p.from = Ymd(*start, 1, 1);
        p.to = Ymd(*end, 12, 31);
        return p;
    }
    return invalid();
}

std::string_view ToCode(GradeLevel level) {
    switch (level) {
        case GradeLevel::kExcellent:
            return "excellent";
        case GradeLevel::kGood:
            return "good";
        case GradeLevel::kCompleted:
            return "completed";
        case GradeLevel::kNotCompleted:
            return "not_completed";
    }
    return "";
}

std::string_view Label(GradeLevel level) {
    switch (level) {
        case GradeLevel::kExcellent:
            return "Hoàn thành xuất sắc nhiệm vụ";
        case GradeLevel::kGood:
            return "Hoàn thành tốt nhiệm vụ";
        case GradeLevel::kCompleted:
            return "Hoàn thành nhiệm vụ";
        case GradeLevel::kNotCompleted:
            return "Không hoàn thành nhiệm vụ";
    }
    return "";
}

std::optional<GradeLevel> GradeLevelFromCode(std::string_view code) {
    for (GradeLevel l : {GradeLevel::kExcellent, GradeLevel::kGood, GradeLevel::kCompleted, GradeLevel::kNotCompleted})
        if (ToCode(l) == code) return l;
    return std::nullopt;
}

bool GoodOrBetter(GradeLevel level) {
    return level == GradeLevel::kExcellent || level == GradeLevel::kGood;
}

GradeLevel LevelFor(int total, bool exceeded_targets, bool disciplined) {
    if (total >= 90) return exceeded_targets && !disciplined ? GradeLevel::kExcellent : GradeLevel::kGood;
    if (total >= 70) return GradeLevel::kGood;
    if (total >= 50) return GradeLevel::kCompleted;
    return GradeLevel::kNotCompleted;
}

std::string_view ToCode(GradingSubject subject) {
    return subject == GradingSubject::kCell ? "cell" : "member";
}

std::optional<GradingSubject> GradingSubjectFromCode(std::string_view code) {
    if (code == "cell") return GradingSubject::kCell;
    if (code == "member") return GradingSubject::kMember;
    return std::nullopt;
}

std::string_view ToCode(GradingStep step) {
    switch (step) {
        case GradingStep::kSelf:
            return "self";
        case GradingStep::kCollective:
            return "collective";
        case GradingStep::kDecision:
            return "decision";
    }
    return "";
}

std::string_view Label(GradingStep step) {
    switch (step) {
        case GradingStep::kSelf:
            return "Tự đánh giá";
        case GradingStep::kCollective:
            return "Tập thể đánh giá";
        case GradingStep::kDecision:
            return "Cấp có thẩm quyền quyết định";
    }
    return "";
}

std::optional<GradingStep> GradingStepFromCode(std::string_view code) {
    for (GradingStep s : {GradingStep::kSelf, GradingStep::kCollective, GradingStep::kDecision})
        if (ToCode(s) == code) return s;
    return std::nullopt;
}

Result<void> CheckStepOrder(GradingStep step, bool has_self, bool has_collective) {
    if (step == GradingStep::kCollective && !has_self)
        return MakeError(ErrorCode::kConflict, "Cần có bản tự đánh giá trước khi tập thể đánh giá.", "step");
    if (step == GradingStep::kDecision && !has_collective)
        return MakeError(ErrorCode::kConflict, "Cần có ý kiến đánh giá của tập thể trước khi quyết định xếp loại.",
                         "step");
    return {};
}

CellEvidence CellEvidenceOf(const GradingInput& input) {
    CellEvidence e;
    const Date start = std::max(input.period.from, input.active_from);
    std::set<int> regular_months;
    std::set<int> thematic_quarters;
    for (const GradedMeeting& g : input.meetings) {
        const Meeting& m = g.meeting;
        if (!Held(m.state) || !Counts(m, start, input.until)) continue;
        if (m.kind == MeetingKind::kRegular) regular_months.insert(MonthIndex(MonthStartOf(m)));
        if (m.kind == MeetingKind::kThematic) thematic_quarters.insert(MonthIndex(MonthStartOf(m)) / 3);
        if (g.level) {
            ++e.meetings_scored;
            ++e.levels[*g.level];
        }
        for (const AttendanceRecord& a : g.attendance) {
            if (!ExpectedAt(a.presence)) continue;
            ++e.attendance_expected;
            if (Attended(a.presence)) ++e.attendance_present;
        }
    }
    // A month (quarter) is expected once it is over — the day after its last — or earlier when its
    // meeting was already held.
    const Date today = input.today.value_or(input.until.AddDays(1));
    if (start <= input.until) {
        for (int month = MonthIndex(start); month <= MonthIndex(input.until); ++month) {
            const bool over = MonthEnd(month / 12, month % 12 + 1) < today;
            if (over || regular_months.contains(month)) ++e.regular_expected;
        }
        for (int quarter = MonthIndex(start) / 3; quarter <= MonthIndex(input.until) / 3; ++quarter) {
            const int last = quarter * 3 + 2;
            const bool over = MonthEnd(last / 12, last % 12 + 1) < today;
            if (over || thematic_quarters.contains(quarter)) ++e.thematic_expected;
        }
    }
    e.regular_held = static_cast<int>(regular_months.size());
    e.thematic_held = static_cast<int>(thematic_quarters.size());
    for (const ResolutionTask& t : input.tasks) {
        if (!Counts(t, input)) continue;
        ++e.tasks_assessed;
        e.tasks_met += Met(t.outcome);
    }
    return e;
}

std::map<MemberId, MemberEvidence> MemberEvidenceOf(const GradingInput& input) {
    std::map<MemberId, MemberEvidence> out;
    const Date start = std::max(input.period.from, input.active_from);
    for (const GradedMeeting& g : input.meetings) {
        const Meeting& m = g.meeting;
        if (!Held(m.state) || !Counts(m, start, input.until)) continue;
        std::set<MemberId> speakers;
        for (const Opinion& o : g.opinions)
            if (o.speaker) speakers.insert(*o.speaker);
        for (const AttendanceRecord& a : g.attendance) {
            MemberEvidence& e = out[a.member];
            if (!ExpectedAt(a.presence)) continue;
            ++e.meetings_expected;
            if (Attended(a.presence)) {
                ++e.present;
                if (speakers.contains(a.member)) ++e.spoke;
            } else if (a.presence == Presence::kExcused) {
                ++e.excused;
            } else {
                ++e.unexcused;
            }
        }
    }
    for (const ResolutionTask& t : input.tasks) {
        if (!t.assignee || !Counts(t, input)) continue;
        MemberEvidence& e = out[*t.assignee];
        ++e.tasks_assessed;
        e.tasks_met += Met(t.outcome);
    }
    return out;
}

GradeProposal ProposalFrom(std::vector<ProposalPart> parts) {
    GradeProposal p;
    auto block = [&](bool general, int max) {
        double weight = 0;
        double reached = 0;
        for (const ProposalPart& part : parts) {
            if (part.general != general || !part.value) continue;
            weight += part.weight;
            reached += part.weight * *part.value;
        }
        if (weight <= 0) return 0;
        // Half up, steady against the floating error of the weights (56.5 is 57, never 56).
        return static_cast<int>(std::floor(max * reached / weight + 0.5 + 1e-9));
    };
    p.general_points = block(true, kGeneralMax);
    p.task_points = block(false, kTaskMax);
    p.total = p.general_points + p.task_points;
    p.level = LevelFor(p.total, false, false);
    p.excellent_eligible = p.total >= 90;
    p.parts = std::move(parts);
    return p;
}

GradeProposal ProposeForCell(const CellEvidence& e) {
    std::optional<double> attendance;
    if (auto share = Share(e.attendance_present, e.attendance_expected))
        attendance = *share >= 0.9 ? 1.0 : *share >= 0.8 ? 0.5 : 0.0;
    std::optional<double> quality;
    if (e.meetings_scored > 0) {
        double sum = 0;
        for (const auto& [level, count] : e.levels) sum += LevelWeight(level) * count;
        quality = sum / e.meetings_scored;
    }
    return ProposalFrom({
        {"regular", "Sinh hoạt thường kỳ hằng tháng", true, 15, Share(e.regular_held, e.regular_expected)},
        {"thematic", "Sinh hoạt chuyên đề hằng quý", true, 10, Share(e.thematic_held, e.thematic_expected)},
        {"attendance", "Tỷ lệ đảng viên dự sinh hoạt (≥ 90 %)", true, 5, attendance},
        {"quality", "Chất lượng các buổi sinh hoạt", false, 40, quality},
        {"tasks", "Nhiệm vụ theo nghị quyết đã hoàn thành", false, 30, Share(e.tasks_met, e.tasks_assessed)},
    });
}

GradeProposal ProposeForMember(const MemberEvidence& e, const CellEvidence& cell) {
    std::optional<double> absences;
    if (e.meetings_expected > 0) absences = e.unexcused == 0 ? 1.0 : e.unexcused == 1 ? 0.5 : 0.0;
    std::optional<double> tasks = Share(e.tasks_met, e.tasks_assessed);
    std::string tasks_label = "Nhiệm vụ được giao đã hoàn thành";
    if (!tasks) {
        tasks = Share(cell.tasks_met, cell.tasks_assessed);
        tasks_label = "Nhiệm vụ chung của chi bộ đã hoàn thành";
    }
    return ProposalFrom({
        {"attendance", "Dự sinh hoạt chi bộ", true, 20, Share(e.present, e.meetings_expected)},
        {"absences", "Không vắng không lý do", true, 10, absences},
        {"tasks", tasks_label, false, 50, tasks},
        {"participation", "Phát biểu ý kiến tại các buổi dự họp", false, 20, Share(3.0 * e.spoke, e.present)},
    });
}

Result<void> CompleteGrade(Grade& grade) {
    if (grade.general_points < 0 || grade.general_points > kGeneralMax)
        return MakeError(ErrorCode::kInvalidArgument, "Điểm tiêu chí chung phải từ 0 đến 30.", "general_points");
    if (grade.task_points < 0 || grade.task_points > kTaskMax)
        return MakeError(ErrorCode::kInvalidArgument, "Điểm kết quả thực hiện nhiệm vụ phải từ 0 đến 70.",
                         "task_points");
    if (base::Utf8Length(grade.comment) > 4000)
        return MakeError(ErrorCode::kInvalidArgument, "Nhận xét dài quá 4000 ký tự.", "comment");
    grade.total = grade.general_points + grade.task_points;
    grade.level = LevelFor(grade.total, grade.exceeded_targets, grade.disciplined);
    return {};
}

Result<void> ValidateQuota(double excellent_quota) {
    if (!(excellent_quota >= 0 && excellent_quota <= 1))
        return MakeError(ErrorCode::kInvalidArgument, "Tỷ lệ xuất sắc tối đa phải từ 0 đến 100 %.", "excellent_quota");
    return {};
}

int ExcellentAllowed(const QuotaCount& count, double quota) {
    return static_cast<int>(std::floor(quota * count.good + 1e-9));
}

bool OverQuota(const QuotaCount& count, double quota) {
    return count.excellent > ExcellentAllowed(count, quota);
}

std::optional<std::string> QuotaWarning(const QuotaCount& before, const QuotaCount& after, double quota,
                                        std::string_view organization_name) {
    if (!OverQuota(after, quota)) return std::nullopt;
    const bool worse = after.excellent > before.excellent || after.good < before.good;
    if (!worse) return std::nullopt;
    const int percent = static_cast<int>(std::lround(quota * 100));
    return "Vượt tỷ lệ: " + std::string(organization_name) + " sẽ có " + std::to_string(after.excellent) +
           " Hoàn thành xuất sắc nhiệm vụ, trong khi tối đa " + std::to_string(ExcellentAllowed(after, quota)) + " (" +
           std::to_string(percent) + " % của " + std::to_string(after.good) + " Hoàn thành tốt nhiệm vụ).";
}

QuotaCount AfterDecision(QuotaCount count, std::optional<GradeLevel> was, GradeLevel now) {
    auto add = [&](GradeLevel level, int delta) {
        if (level == GradeLevel::kExcellent) count.excellent += delta;
        if (level == GradeLevel::kGood) count.good += delta;
    };
    if (was) add(*was, -1);
    add(now, +1);
    return count;
}

}  // namespace chibo::domain
