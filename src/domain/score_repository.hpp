#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/scorecard.hpp"

namespace chibo::domain {

// Scorecard versions (never rewritten) and the scorings of meetings (a correction is a new row).
class ScoreRepository {
public:
    virtual ~ScoreRepository() = default;

    // Scorecard versions an organisation set for its subtree, oldest first.
    virtual std::vector<StoredScorecard> Scorecards(OrganizationId organization) = 0;
    virtual std::optional<StoredScorecard> GetScorecard(ScorecardId id) = 0;
    virtual StoredScorecard InsertScorecard(const StoredScorecard& scorecard) = 0;
    // Every scoring of a meeting, oldest first (corrections after what they correct).
    virtual std::vector<MeetingScore> Scores(MeetingId meeting) = 0;
    virtual MeetingScore InsertScore(const MeetingScore& score) = 0;
    // The latest scoring of each column (cell, superior) of every meeting of the subtree at `path` whose
    // month is within [first_month, last_month] (months numbered as domain::MonthNumber: year × 12 +
    // month − 1), by meeting id, then column.
    virtual std::vector<MeetingScore> LatestInSubtree(const std::string& path, int first_month, int last_month) = 0;
};

}  // namespace chibo::domain
