#pragma once

#include <utility>
#include <vector>

#include "base/date.hpp"
#include "domain/statistics.hpp"

namespace chibo::domain {

// The dashboard figures computed by SQL on the normalised schema: the baseline the statistics engine is
// measured and checked against.
class StatisticsQueries {
public:
    virtual ~StatisticsQueries() = default;

    // D1 of an organisation's subtree, with the engine's reading of reorganisations (DashboardFigures).
    virtual DashboardFigures Figures(OrganizationId node, MonthRange months, base::Date today) = 0;
    // D3 in SQL: how many cells missed something due, and the first `limit` of them in tree order.
    virtual std::pair<int, std::vector<OrganizationId>> MissedCells(OrganizationId node, MonthRange months,
                                                                    base::Date today, int limit) = 0;
};

}  // namespace chibo::domain
