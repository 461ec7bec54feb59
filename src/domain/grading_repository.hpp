#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/grading.hpp"

namespace chibo::domain {

// Grading rounds and their records (append-only).
class GradingRepository {
public:
    virtual ~GradingRepository() = default;

    // The rounds the organisations ran, newest period first.
    virtual std::vector<GradingRound> RoundsOf(const std::vector<OrganizationId>& organizations) = 0;
    virtual std::optional<GradingRound> GetRound(GradingRoundId id) = 0;
    virtual std::optional<GradingRound> FindRound(OrganizationId organization, const std::string& period) = 0;
    virtual GradingRound InsertRound(const GradingRound& round) = 0;
    // Every record of the round, oldest first.
    virtual std::vector<Grade> Grades(GradingRoundId round) = 0;
    virtual Grade InsertGrade(const Grade& grade) = 0;
};

}  // namespace chibo::domain
