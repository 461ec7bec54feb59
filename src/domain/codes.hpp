#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

// Enumerations and their wire codes as one table per enumeration, read both ways.
namespace chibo::domain {

template <typename E, std::size_t N>
std::string_view CodeOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [v, code] : table)
        if (v == value) return code;
    return "";
}

template <typename E, std::size_t N>
std::optional<E> FromCode(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view code) {
    for (const auto& [v, c] : table)
        if (c == code) return v;
    return std::nullopt;
}

}  // namespace chibo::domain
