#pragma once

#include <functional>
#include <string>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/store.hpp"

// D1–D3 on a grid of nodes (the root, a province, a grassroots committee, a cell) and periods (a month, a
// quarter, a year) computed three ways — the statistics engine, SQL on SQLite, SQL on PostgreSQL — with a
// check that every figure is identical, and the timings as a Markdown table for BENCHMARKS.md.
namespace chibo::bench {

struct DashboardBenchOptions {
    int engine_runs = 200;     // Timed repetitions per query (engine).
    int periods = 3;           // The first 1–3 of: the last month, quarter, twelve months.
    int sql_runs = 5;          // Timed repetitions per query (each SQL baseline).
    bool check_only = false;   // Compare the figures, time nothing.
    bool engine_only = false;  // Time the engine alone: no SQL, nothing compared.
    std::function<void(const std::string&)> progress;
};

// `sqlite` holds the dataset; `postgres` (may be null) holds the same one. Returns the report, or an
// error naming the first figure that differs.
// Periods end with the month before `clock`'s today.
base::Result<std::string> RunDashboardBench(domain::Store& sqlite, domain::Store* postgres, const base::Clock& clock,
                                            const DashboardBenchOptions& options);

}  // namespace chibo::bench
