#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/meeting.hpp"

// The meeting scorecard (HD 42; domain.md §5) as data: blocks of criteria with maximum points, tiers
// that turn a fact of the meeting record into points, caps, and the rules of the levels. A committee
// may define its own for its subtree, in versions that take effect from a date; chibo ships the HD 42
// default.
namespace chibo::domain {

// A stored scorecard version. The invalid (zero) id stands for the built-in HD 42 scorecard, which is
// never stored: a scoring made with it records ScorecardId{} as its scorecard.
using ScorecardId = base::Id<struct ScorecardTag>;

// Facts of one meeting that criteria can score without a person's judgement.
enum class Metric {
    kShortfallMinutes,      // Minimum duration minus the actual one (0 when long enough).
    kAttendanceShare,       // Present / expected, 0–1.
    kUnexcusedAbsences,     // Count.
    kDocumentsAhead,        // 1 when documents reached members at least a day before, else 0.
    kCommitteeMeetingHeld,  // 1 when the chi ủy preparation meeting is recorded.
    kDraftResolution,       // 1 when a document was attached before the meeting.
    kNoticeSent,            // 1 when members were notified before the meeting.
    kSpeakerShare,          // Distinct member speakers / present members, 0–1.
    kTargetsMet,            // Share of last month's targets met, 0–1.
    kResolutionAdopted,     // 1 when the vote adopted the resolution.
    kMinutesFinalised,      // 1 when the minutes are finalised.
    kReportOnTime,          // 1 when reported within 2 days.
};

std::string_view ToCode(Metric metric);
std::optional<Metric> MetricFromCode(std::string_view code);

// Points for a metric value within [min, max) (max unset: no upper bound).
struct Tier {
    double min = 0;
    std::optional<double> max;
    int points = 0;
};

// At most `points` when the metric reaches `at_least` (e.g. any unexcused absence caps attendance at 1).
struct Cap {
    Metric metric = Metric::kUnexcusedAbsences;
    double at_least = 1;
    int points = 0;
};

struct Criterion {
    std::string code;  // Unique in the scorecard, ASCII: "attendance".
    std::string label;
    int max_points = 0;
    std::optional<Metric> metric;  // Unset: scored by judgement.
    std::vector<Tier> tiers;
    std::vector<Cap> caps;
};

struct ScoreBlock {
    std::string code;
    std::string label;
    int max_points = 0;
    std::vector<Criterion> criteria;
};

enum class QualityLevel { kGood, kFair, kAverage, kPoor };  // Tốt, Khá, Trung bình, Kém.

std::string_view ToCode(QualityLevel level);
std::string_view Label(QualityLevel level);
std::optional<QualityLevel> QualityLevelFromCode(std::string_view code);

struct Scorecard {
    std::string name;
    base::Date effective_from;
    // The meetings it scores: unset, every meeting; set, only that kind — a committee may keep a separate
    // scorecard for thematic meetings (issue 16), which then follow their own versions.
    std::optional<MeetingKind> meeting_kind;
    std::vector<ScoreBlock> blocks;
    int good_min = 90;
    int fair_min = 70;
    int average_min = 50;
    // Criteria that must have full marks for "Tốt"; otherwise a score ≥ good_min is "Khá".
    std::vector<std::string> full_marks_for_good;

    int Total() const;
    const Criterion* Find(std::string_view code) const;
};

// The HD 42 scorecard the ward-level encodings agree on (domain.md §5), 100 points.
Scorecard Hd42Scorecard();

// Checks a scorecard: blocks sum their criteria, the total is 100, tiers and caps give points within
// the criterion's maximum and do not overlap, the level thresholds descend, the full-mark criteria
// exist. Errors name the block or criterion ("blocks[2].criteria[1].tiers").
base::Result<void> ValidateScorecard(const Scorecard& card);

// The version in force on `day` for a meeting of `kind`: the latest version made for that kind effective
// on or before it, else the latest made for every meeting; nullptr when none.
const Scorecard* InForce(const std::vector<Scorecard>& versions, base::Date day,
                         MeetingKind kind = MeetingKind::kRegular);

// The facts of a meeting, as the metrics read them; unset when the record does not tell yet.
struct MeetingFacts {
    std::optional<int> duration_minutes;
    int min_minutes = 90;
    std::optional<double> attendance_share;
    int unexcused = 0;
    bool documents_ahead = false;
    bool committee_meeting_held = false;
    bool draft_resolution = false;
    bool notice_sent = false;
    std::optional<double> speaker_share;
    std::optional<double> targets_met;
    bool resolution_adopted = false;
    bool minutes_finalised = false;
    std::optional<bool> report_on_time;  // Unset until reported or late.
};

// The facts of a meeting's record on `today` (the report's deadline may have passed unreported).
// `has_attachment`: a document was posted for members; `targets_met`: share of the reviewed tasks met.
// `session`: how long the meeting (or the combined session it was part of) lasted against its minimum.
MeetingFacts FactsOf(const Meeting& meeting, const SessionLength& session, std::span<const AttendanceRecord> attendance,
                     std::span<const Opinion> opinions, bool has_attachment, std::optional<double> targets_met,
                     base::Date today);

std::optional<double> MetricValue(Metric metric, const MeetingFacts& facts);

// Points of one computed criterion for the facts: the tier the value falls in, lowered by any cap;
// nullopt for a judgement criterion or when the fact is not known yet.
std::optional<int> ComputedPoints(const Criterion& criterion, const MeetingFacts& facts);

// Every criterion chibo can compute, by code.
std::map<std::string, int> Prefill(const Scorecard& card, const MeetingFacts& facts);

struct ScoreResult {
    int total = 0;
    QualityLevel level = QualityLevel::kPoor;
    bool complete = false;  // Every criterion has points.
};

// Who scores a meeting: the cell itself, and the superior committee's member who attended. Both
// columns are kept (HD 42).
enum class ScorerRole { kCell, kSuperior };

std::string_view ToCode(ScorerRole role);
std::optional<ScorerRole> ScorerRoleFromCode(std::string_view code);

// A scorecard version as a committee saved it for its subtree; versions are never rewritten.
struct StoredScorecard {
    ScorecardId id;
    OrganizationId organization;
    Scorecard card;
    std::string created_by;
    std::int64_t created_at = 0;
};

// Points given minus points computed, summed over the criteria that have computed points: above zero a
// scoring stands above its record, below zero under it.
int Deviation(const std::map<std::string, int>& points, const std::map<std::string, int>& computed);

// One scoring of one meeting; a correction is a later row with a reason, the earlier one stays.
struct MeetingScore {
    std::int64_t id = 0;
    MeetingId meeting;
    ScorerRole role = ScorerRole::kCell;
    ScorecardId scorecard_id;  // Invalid (0): the built-in HD 42 scorecard.
    std::map<std::string, int> points;
    // The points the record gave each computed criterion when the meeting was scored, by criterion code;
    // judgement criteria, and computed ones whose fact was not known yet, are absent. Empty for scorings
    // saved before chibo kept them.
    std::map<std::string, int> computed;
    // Why a computed criterion's points differ from `computed`, by criterion code (only those that differ).
    std::map<std::string, std::string> override_reasons;
    int total = 0;
    QualityLevel level = QualityLevel::kPoor;
    std::string scored_by;
    std::int64_t scored_at = 0;
    std::string reason;  // Required for a correction.

    int Deviation() const { return domain::Deviation(points, computed); }
};

// The level a meeting stands at: the superior's latest scoring if any, else the cell's (scores oldest first).
std::optional<QualityLevel> LatestLevel(std::span<const MeetingScore> scores);

// Totals the points given per criterion code and finds the level. Points above a criterion's maximum
// or below zero, and unknown codes, are errors naming the criterion.
base::Result<ScoreResult> Score(const Scorecard& card, const std::map<std::string, int>& points);

// The longest reason for departing from a computed criterion's points, in characters.
inline constexpr std::size_t kMaxOverrideReasonChars = 500;

// What a scorer hands in: points by criterion code, and why a computed criterion's points differ from
// what the record gives it.
struct ScoreSheet {
    std::map<std::string, int> points;
    std::map<std::string, std::string> override_reasons;
};

// A scoring held to the record: the points to keep, the record's points for the computed criteria, the
// reasons for the differences, and the total and level.
struct CheckedScore {
    std::map<std::string, int> points;
    std::map<std::string, int> computed;
    std::map<std::string, std::string> override_reasons;
    ScoreResult result;

    int Deviation() const { return domain::Deviation(points, computed); }
};

// Scores a sheet against the meeting's facts. A computed criterion the record tells (ComputedPoints is
// set) keeps its computed points unless the sheet gives other points with a reason; omitted, it takes
// them. Reasons are space-normalised, at most kMaxOverrideReasonChars, and kept only where the points
// differ from the computed ones. Then as Score. Errors name the criterion code: points other than the
// computed ones without a reason, a reason too long, a code not in the scorecard.
base::Result<CheckedScore> ScoreAgainstRecord(const Scorecard& card, const MeetingFacts& facts,
                                              const ScoreSheet& sheet);

}  // namespace chibo::domain
