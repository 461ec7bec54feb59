#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/meeting.hpp"
#include "domain/scorecard.hpp"
#include "domain/task.hpp"

// Annual grading of cells and members (Quy định 366-QĐ/TW, HD 43; domain.md §7): 100 points, 30 for
// the general criteria and 70 for task results, four levels; self-assessment, the collective's review
// and the superior's decision are separate records; a quota check on "excellent". chibo proposes the
// points from the period's evidence; people decide.
namespace chibo::domain {

using GradingRoundId = base::Id<struct GradingRoundTag>;
using GradeId = base::Id<struct GradeTag>;

enum class GradingPeriodKind { kYear, kQuarter, kTerm };

// The period a grading covers, written "2026", "2026-Q3" or "2025-2030" (a term, whole years).
struct GradingPeriod {
    GradingPeriodKind kind = GradingPeriodKind::kYear;
    base::Date from;
    base::Date to;  // Inclusive.
    std::string code;

    std::string Label() const;  // "Năm 2026", "Quý III/2026", "Nhiệm kỳ 2025–2030".
};

base::Result<GradingPeriod> ParseGradingPeriod(std::string_view code);

enum class GradeLevel { kExcellent, kGood, kCompleted, kNotCompleted };

std::string_view ToCode(GradeLevel level);
std::string_view Label(GradeLevel level);
std::optional<GradeLevel> GradeLevelFromCode(std::string_view code);
// Good or better, what the statistics count ("≥ 90 % of cells graded good or better").
bool GoodOrBetter(GradeLevel level);

constexpr int kGeneralMax = 30;
constexpr int kTaskMax = 70;

// The level of a total: excellent needs ≥ 90 with the tasks ≥ 30 % over target and no discipline in the
// period (else good), good 70–< 90, completed 50–< 70, not completed below.
GradeLevel LevelFor(int total, bool exceeded_targets, bool disciplined);

enum class GradingSubject { kCell, kMember };
std::string_view ToCode(GradingSubject subject);
std::optional<GradingSubject> GradingSubjectFromCode(std::string_view code);

enum class GradingStep { kSelf, kCollective, kDecision };
std::string_view ToCode(GradingStep step);
std::string_view Label(GradingStep step);
std::optional<GradingStep> GradingStepFromCode(std::string_view code);

// The steps follow each other: the collective reviews a self-assessment, the superior decides on a
// reviewed grading. Returns a conflict naming the missing step.
base::Result<void> CheckStepOrder(GradingStep step, bool has_self, bool has_collective);

// One meeting as the grading reads it.
struct GradedMeeting {
    Meeting meeting;
    std::vector<AttendanceRecord> attendance;
    std::vector<Opinion> opinions;
    std::optional<QualityLevel> level;  // The superior's latest score if any, else the cell's.
};

// A cell's record over a period, up to `until` (the period's end or today, whichever is first).
struct GradingInput {
    GradingPeriod period;
    base::Date until;
    base::Date
        active_from;  // The first month the cell owes meetings for (DueMonthsOf): months before are not expected.
    // The day the evidence is read on; unset: the day after `until` (the period is over).
    std::optional<base::Date> today;
    std::vector<GradedMeeting> meetings;
    std::vector<ResolutionTask> tasks;  // Set by the cell's meetings; those due in the period count.
};

struct CellEvidence {
    int regular_expected = 0;  // Months of the period that are over, plus later ones already held.
    int regular_held = 0;
    int thematic_expected = 0;  // Quarters, counted the same way.
    int thematic_held = 0;
    int meetings_scored = 0;
    std::map<QualityLevel, int> levels;
    int attendance_expected = 0;  // Summed over held meetings (exempt members not expected).
    int attendance_present = 0;
    int tasks_assessed = 0;  // Tasks due in the period whose outcome was reviewed.
    double tasks_met = 0;    // Done 1, partly done ½.
};

struct MemberEvidence {
    int meetings_expected = 0;  // Held meetings with the member on the roll call, not exempt.
    int present = 0;
    int excused = 0;
    int unexcused = 0;
    int spoke = 0;  // Meetings attended where the member spoke.
    int tasks_assessed = 0;
    double tasks_met = 0;
};

CellEvidence CellEvidenceOf(const GradingInput& input);
// Every member on the roll call of a held meeting of the period.
std::map<MemberId, MemberEvidence> MemberEvidenceOf(const GradingInput& input);

// One strand of evidence in a proposal: its weight within its block and the value 0–1 it reached
// (unset: no evidence, its weight goes to the other strands of the block).
struct ProposalPart {
    std::string code;
    std::string label;
    bool general = true;  // In the 30-point block, else the 70-point one.
    double weight = 0;
    std::optional<double> value;
};

struct GradeProposal {
    int general_points = 0;
    int task_points = 0;
    int total = 0;
    GradeLevel level = GradeLevel::kNotCompleted;  // Without the conditions of excellence.
    bool excellent_eligible = false;               // ≥ 90: excellent if tasks 30 % over and no discipline.
    std::vector<ProposalPart> parts;
};

// Points from parts: each block scores its maximum times the weighted mean of the parts with evidence.
GradeProposal ProposalFrom(std::vector<ProposalPart> parts);

// A cell: regular months held (15) and thematic quarters (10), attendance ≥ 90 % (5, half at ≥ 80 %);
// the meeting levels (40: Tốt 1, Khá 0.8, Trung bình 0.6, Kém 0.3) and the tasks met (30).
GradeProposal ProposeForCell(const CellEvidence& evidence);
// A member: attendance (20) and unexcused absences (10: none full, one half); own tasks met, else the
// cell's (50), and speaking (20; at one in three of the meetings attended earns it in full).
GradeProposal ProposeForMember(const MemberEvidence& evidence, const CellEvidence& cell);

// One grading record. Never rewritten: a second record of the same step for the same subject is a
// correction and carries a reason.
struct Grade {
    GradeId id;
    GradingRoundId round;
    GradingSubject subject = GradingSubject::kCell;
    std::int64_t subject_id = 0;
    GradingStep step = GradingStep::kSelf;
    int general_points = 0;
    int task_points = 0;
    int total = 0;
    GradeLevel level = GradeLevel::kNotCompleted;
    bool exceeded_targets = false;
    bool disciplined = false;
    std::string comment;
    std::string reason;
    std::string recorded_by;
    std::int64_t recorded_at = 0;
};

// Checks the points a person gives and fills total and level.
base::Result<void> CompleteGrade(Grade& grade);

// A committee's grading of its subtree for one period.
struct GradingRound {
    GradingRoundId id;
    OrganizationId organization;
    GradingPeriod period;
    double excellent_quota = 0.2;  // Excellent at most this share of those rated good (HD 21).
    std::string created_by;
    std::int64_t created_at = 0;
};

base::Result<void> ValidateQuota(double excellent_quota);

// Decided levels in one grassroots organisation.
struct QuotaCount {
    int excellent = 0;
    int good = 0;  // Rated "Hoàn thành tốt nhiệm vụ" (not counting excellent).
};

// How many may be excellent: the quota's share of those rated good, rounded down.
int ExcellentAllowed(const QuotaCount& count, double quota);
bool OverQuota(const QuotaCount& count, double quota);
// The warning to show before a decision that leaves the organisation over its quota, or makes it
// further over; nullopt when the decision keeps within it or does not worsen it.
std::optional<std::string> QuotaWarning(const QuotaCount& before, const QuotaCount& after, double quota,
                                        std::string_view organization_name);

// The counts after replacing a subject's decided level `was` (unset: none yet) with `now`.
QuotaCount AfterDecision(QuotaCount count, std::optional<GradeLevel> was, GradeLevel now);

}  // namespace chibo::domain
