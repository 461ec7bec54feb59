#pragma once

#include <optional>
#include <vector>

#include "base/date.hpp"
#include "domain/position.hpp"

namespace chibo::domain {

// Positions held in an organisation (secretary, deputy, ...), each with its term.
class PositionRepository {
public:
    virtual ~PositionRepository() = default;

    virtual std::optional<Position> Get(PositionId id) = 0;
    // The positions in office on `in_office_on` (a term that has not ended before it), or every position
    // ever held when it is nullopt. Ordered: secretary, deputy, committee members, group leaders, then by
    // term start.
    virtual std::vector<Position> ForOrganization(OrganizationId organization,
                                                  std::optional<base::Date> in_office_on) = 0;
    virtual std::vector<Position> ForMember(MemberId member) = 0;
    virtual Position Insert(const Position& position) = 0;
    virtual void SetTermEnd(PositionId id, base::Date term_end) = 0;
};

}  // namespace chibo::domain
