#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/store.hpp"

// The benchmark datasets of performance.md, generated deterministically from a seed and written through
// the store's bulk path: a tree of organisations, members in every status, a year of meetings with roll
// calls, scores and superior visits that behave like the source articles' figures. Names are generated,
// never real people.
namespace chibo::bench {

struct Scale {
    std::string name;
    int provinces = 0;   // 0: a single commune under one province.
    int grassroots = 0;  // Grassroots organisations in all.
    int cells = 0;
    int members = 0;
};

// "commune", "province" or "national"; nullopt for anything else.
std::optional<Scale> ScaleNamed(const std::string& name);

struct GenerateSummary {
    int organizations = 0;
    int cells = 0;
    std::int64_t members = 0;
    std::int64_t meetings = 0;
    std::int64_t attendance = 0;
    std::int64_t scores = 0;
    int moves = 0;  // Cells moved to another commune during the year.
};

// Writes the dataset into an empty store: the twelve months before `today`'s month.
base::Result<GenerateSummary> Generate(domain::Store& store, const Scale& scale, std::uint64_t seed, base::Date today,
                                       const std::function<void(const std::string&)>& progress);

}  // namespace chibo::bench
