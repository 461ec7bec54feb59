#include "storage/sql/sql.hpp"

#include <soci/soci.h>

#include <cstdlib>
#include <ctime>
#include <stdexcept>

namespace chibo::storage::sql {

Params& Params::Int(std::int64_t v) {
    values_.emplace_back(v);
    return *this;
}

Params& Params::Text(std::string v) {
    values_.emplace_back(std::move(v));
    return *this;
}

Params& Params::TextOrNull(const std::string& v) {
    return v.empty() ? Null() : Text(v);
}

Params& Params::Date(const std::optional<base::Date>& d) {
    return d ? Date(*d) : Null();
}

Params& Params::Null() {
    values_.emplace_back(std::monostate{});
    return *this;
}

std::int64_t Row::Int(std::size_t i) const {
    const SqlValue& v = values_.at(i);
    if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
    if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
    if (const auto* s = std::get_if<std::string>(&v)) return std::strtoll(s->c_str(), nullptr, 10);
    return 0;
}

std::string Row::Text(std::size_t i) const {
    const SqlValue& v = values_.at(i);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
    return "";
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Int(i);
}

std::optional<base::Date> Row::OptDate(std::size_t i) const {
    if (IsNull(i)) return std::nullopt;
    const auto d = base::Date::ParseIso(Text(i));
    // A value that is not a date is a corrupt row, not a missing date.
    if (!d) throw std::runtime_error("malformed date in column " + std::to_string(i) + ": " + Text(i));
    return d;
}

base::Date Row::Date(std::size_t i) const {
    const auto d = OptDate(i);
    if (!d) throw std::runtime_error("missing date in column " + std::to_string(i));
    return *d;
}

namespace {

// Keeps bound values alive and addressable while the statement runs.
struct Binding {
    std::deque<std::string> texts;
    std::deque<long long> ints;
    std::deque<double> doubles;
    std::deque<soci::indicator> indicators;

    void Bind(soci::statement& st, const Params& params) {
        for (const SqlValue& v : params.values()) {
            if (const auto* n = std::get_if<std::int64_t>(&v)) {
                ints.push_back(*n);
                indicators.push_back(soci::i_ok);
                st.exchange(soci::use(ints.back(), indicators.back()));
            } else if (const auto* s = std::get_if<std::string>(&v)) {
                texts.push_back(*s);
                indicators.push_back(soci::i_ok);
                st.exchange(soci::use(texts.back(), indicators.back()));
            } else if (const auto* d = std::get_if<double>(&v)) {
                doubles.push_back(*d);
                indicators.push_back(soci::i_ok);
                st.exchange(soci::use(doubles.back(), indicators.back()));
            } else {
                texts.emplace_back();
                indicators.push_back(soci::i_null);
                st.exchange(soci::use(texts.back(), indicators.back()));
            }
        }
    }
};

SqlValue ColumnValue(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return std::monostate{};
    switch (r.get_properties(i).get_data_type()) {
        case soci::dt_string:
        case soci::dt_xml:
        case soci::dt_blob:
            return r.get<std::string>(i);
        case soci::dt_integer:
            return static_cast<std::int64_t>(r.get<int>(i));
        case soci::dt_long_long:
            return static_cast<std::int64_t>(r.get<long long>(i));
        case soci::dt_unsigned_long_long:
            return static_cast<std::int64_t>(r.get<unsigned long long>(i));
        case soci::dt_double:
            return r.get<double>(i);
        case soci::dt_date: {
            auto tm = r.get<std::tm>(i);
            char buf[16];
            std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
            return std::string(buf);
        }
    }
    return std::monostate{};
}

}  // namespace

std::vector<Row> Query(soci::session& session, const std::string& text, const Params& params) {
    soci::row r;
    Binding binding;
    soci::statement st(session);
    st.exchange(soci::into(r));
    binding.Bind(st, params);
    st.alloc();
    st.prepare(text);
    st.define_and_bind();
    std::vector<Row> rows;
    st.execute(false);
    while (st.fetch()) {
        std::vector<SqlValue> values;
        values.reserve(r.size());
        for (std::size_t i = 0; i < r.size(); ++i) values.push_back(ColumnValue(r, i));
        rows.emplace_back(std::move(values));
    }
    return rows;
}

std::optional<Row> QueryOne(soci::session& session, const std::string& text, const Params& params) {
    auto rows = Query(session, text, params);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

void Exec(soci::session& session, const std::string& text, const Params& params) {
    Binding binding;
    soci::statement st(session);
    binding.Bind(st, params);
    st.alloc();
    st.prepare(text);
    st.define_and_bind();
    st.execute(true);
}

}  // namespace chibo::storage::sql
