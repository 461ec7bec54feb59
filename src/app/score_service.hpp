#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/common.hpp"
#include "base/clock.hpp"
#include "domain/alert.hpp"
#include "domain/scorecard.hpp"
#include "domain/statistics.hpp"
#include "domain/store.hpp"

namespace chibo::app {

// The scorecard an organisation works with: the version in force on a day (its own, else the nearest
// ancestor's, else the HD 42 default) and the versions it set itself.
struct ScorecardView {
    domain::StoredScorecard in_force;  // id 0: the built-in HD 42 scorecard.
    std::string source_name;           // The organisation that set it ("" for the built-in one).
    std::vector<domain::StoredScorecard> own_versions;
    bool can_write = false;
};

// Everything the scoring screen of one meeting needs.
struct MeetingScoring {
    domain::StoredScorecard scorecard;  // In force on the meeting's day.
    domain::MeetingFacts facts;
    std::map<std::string, int> prefill;        // What chibo computed from the record.
    std::vector<domain::MeetingScore> scores;  // Every scoring, oldest first.
    bool can_score_cell = false;
    bool can_score_superior = false;
};

// One computed criterion scored other than the record gives it, with the scorer's reason.
struct CriterionOverride {
    domain::ScorerRole role = domain::ScorerRole::kCell;
    std::string code;
    std::string label;  // From the scorecard the scoring used.
    int computed = 0;
    int points = 0;
    std::string reason;
};

// A meeting whose latest scoring in a column stands above or below its record.
struct DeviatingMeeting {
    domain::Meeting meeting;
    std::string cell_name;
    std::optional<domain::MeetingScore> cell;  // The latest of each column, deviating or not.
    std::optional<domain::MeetingScore> superior;
    std::vector<CriterionOverride> overrides;  // Of those two scorings, in the scorecard's order.
};

// How the meetings of a subtree in a period were scored against their record: a meeting counts as
// above (below) its record when the latest scoring of either column is (domain::MeetingScore::Deviation).
struct SubtreeScores {
    domain::MonthRange months;
    int scored = 0;  // Meetings with at least one scoring.
    int above = 0;
    int below = 0;
    std::vector<DeviatingMeeting> items;  // Newest meeting first.
};

// One alert with the cell it concerns.
struct CellAlert {
    domain::Alert alert;
    domain::OrganizationId cell;
    std::string cell_name;
};

// Meeting quality (HD 42): scorecards as data, versioned and inherited down the tree; each meeting
// scored by the cell and by the superior's member, pre-filled from the record.
class ScoreService {
public:
    ScoreService(domain::Store& store, const base::Clock& clock) : store_(store), clock_(clock) {}

    // The version in force on `on` (default today) for meetings of `kind`, and the organisation's own versions.
    base::Result<ScorecardView> Scorecard(const domain::Actor& actor, domain::OrganizationId organization,
                                          std::optional<base::Date> on, domain::MeetingKind kind);
    // A new version for the organisation's subtree, effective from its date (today or later).
    base::Result<domain::StoredScorecard> SaveScorecard(const domain::Actor& actor, domain::OrganizationId organization,
                                                        const domain::Scorecard& card);
    base::Result<MeetingScoring> ForMeeting(const domain::Actor& actor, domain::MeetingId id);
    // Scores a held meeting in one column; scoring a column again is a correction and needs a reason.
    // Computed criteria keep the points the record gives them unless the sheet says why not
    // (domain::ScoreAgainstRecord).
    base::Result<domain::MeetingScore> SaveScore(const domain::Actor& actor, domain::MeetingId id,
                                                 domain::ScorerRole role, const domain::ScoreSheet& sheet,
                                                 const std::string& reason_in);
    // The meetings of the organisation's subtree in the months scored above or below their record.
    // Readers of the subtree only.
    base::Result<SubtreeScores> SubtreeScoring(const domain::Actor& actor, domain::OrganizationId organization,
                                               domain::MonthRange months);

    // What needs attention now in every cell of the organisation's subtree (this calendar year), cells in
    // tree order. Readers of the subtree only.
    base::Result<std::vector<CellAlert>> Alerts(const domain::Actor& actor, domain::OrganizationId organization);

private:
    domain::Store& store_;
    const base::Clock& clock_;
};

}  // namespace chibo::app
