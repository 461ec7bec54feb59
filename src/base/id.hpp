#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace chibo::base {

// A typed identifier: an OrganizationId cannot be passed where a MemberId is expected.
template <typename Tag>
struct Id {
    std::int64_t value = 0;

    constexpr Id() = default;
    constexpr explicit Id(std::int64_t v) : value(v) {}
    constexpr bool valid() const { return value > 0; }
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=> (llvm#46235).
    constexpr auto operator<=>(const Id&) const = default;
};

}  // namespace chibo::base

template <typename Tag>
struct std::hash<chibo::base::Id<Tag>> {
    std::size_t operator()(const chibo::base::Id<Tag>& id) const noexcept {
        return std::hash<std::int64_t>{}(id.value);
    }
};
