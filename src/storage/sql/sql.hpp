#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/date.hpp"

namespace soci {
class session;
}

// Thin helpers over SOCI shared by every engine: positional parameters that may be NULL, and rows
// copied out as plain values whatever column types the backend reports.
namespace chibo::storage::sql {

using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

class Params {
public:
    Params& Int(std::int64_t v);
    Params& Text(std::string v);
    // NULL when empty: optional identifiers and dates.
    Params& TextOrNull(const std::string& v);
    Params& Date(base::Date d) { return Text(d.ToIso()); }
    Params& Date(const std::optional<base::Date>& d);
    template <typename IdT>
    Params& Id(const std::optional<IdT>& id) {
        return id ? Int(id->value) : Null();
    }
    Params& Int(const std::optional<int>& v) { return v ? Int(std::int64_t{*v}) : Null(); }
    Params& Null();

    const std::deque<SqlValue>& values() const { return values_; }

private:
    std::deque<SqlValue> values_;
};

class Row {
public:
    explicit Row(std::vector<SqlValue> values) : values_(std::move(values)) {}

    bool IsNull(std::size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
    std::int64_t Int(std::size_t i) const;
    std::string Text(std::size_t i) const;  // "" for NULL.
    std::optional<std::int64_t> OptInt(std::size_t i) const;
    // nullopt for NULL; throws std::runtime_error when the value is not an ISO date (a corrupt row).
    std::optional<base::Date> OptDate(std::size_t i) const;
    // Throws std::runtime_error for NULL or a value that is not an ISO date.
    base::Date Date(std::size_t i) const;

private:
    std::vector<SqlValue> values_;
};

// Runs a statement and returns every row. Placeholders are ":name", bound in order of `params`;
// every placeholder name in one statement must be distinct.
std::vector<Row> Query(soci::session& session, const std::string& text, const Params& params = {});
// The first row, if any.
std::optional<Row> QueryOne(soci::session& session, const std::string& text, const Params& params = {});
// Runs a statement that returns no rows.
void Exec(soci::session& session, const std::string& text, const Params& params = {});

}  // namespace chibo::storage::sql
