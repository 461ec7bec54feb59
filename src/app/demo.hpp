#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/clock.hpp"
#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/ids.hpp"
#include "domain/store.hpp"

namespace chibo::app {

struct DemoSummary {
    int organizations = 0;
    int members = 0;
    int users = 0;
};

inline constexpr const char* kDemoPassword = "chibo@2026";

// Fills an empty database with a fictional province: names are generated, never real people. One
// commune committee (Đảng bộ xã Hòa An) has 12 cells of different kinds and 398 members on the roll;
// members in every status; a cell with party groups; a cell with fewer than 9 official members; and
// one demo account per role (README). Fails with kConflict when the database already has data.
// The demo's history runs up to the clock's today.
// Hòa An's attendants, their published plan of this year, reports and petitions (demo_visits.cpp); returns
// the member who signs in as uyvien.hoaan.
std::optional<domain::MemberId> AddDemoVisits(domain::Repositories& repos, domain::OrganizationId hoa_an,
                                              domain::OrganizationId thon_dong, base::Date today);

base::Result<DemoSummary> LoadDemo(domain::Store& store, const base::Clock& clock, std::uint32_t seed = 2026);

}  // namespace chibo::app
