#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/date.hpp"
#include "domain/meeting.hpp"
#include "domain/meeting_rule.hpp"
#include "domain/statistics.hpp"

namespace chibo::domain {

// A cell's meeting rules and its meeting occurrences (their preparation and record fields included);
// what happens at a meeting is in MeetingRecordRepository, its scoring in ScoreRepository.
class MeetingRepository {
public:
    virtual ~MeetingRepository() = default;

    // The organisation's own rule settings; nullopt when it has none.
    virtual std::optional<MeetingRuleOverride> RuleOf(OrganizationId organization) = 0;
    virtual void SaveRule(OrganizationId organization, const MeetingRuleOverride& rule) = 0;

    virtual std::optional<Meeting> Get(MeetingId id) = 0;
    virtual std::optional<Meeting> Find(OrganizationId cell, MeetingKind kind, int year, int month) = 0;
    // The cell's occurrences in `year`, by date.
    virtual std::vector<Meeting> ForYear(OrganizationId cell, int year) = 0;
    virtual Meeting Insert(const Meeting& meeting) = 0;
    // Saves every field of the occurrence, its preparation and record included.
    virtual void Update(const Meeting& meeting) = 0;
    // Meetings of the cells in the subtree at `path` dated within [from, to], by date; at most `limit`.
    virtual std::vector<Meeting> InSubtreeBetween(const std::string& path, base::Date from, base::Date to,
                                                  int limit) = 0;

    // What every held meeting with an id in [first, last] counts for in the statistics, read in a few
    // passes; ranges let a load read on several connections at once.
    virtual std::vector<std::pair<MeetingId, MeetingFigures>> HeldFigures(std::int64_t first, std::int64_t last) = 0;
    // The largest meeting id (0 when there is none).
    virtual std::int64_t LastMeetingId() = 0;
};

}  // namespace chibo::domain
