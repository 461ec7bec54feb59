#include "bench/dashboard_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "app/statistics_service.hpp"
#include "domain/statistics_queries.hpp"
#include "domain/store.hpp"

namespace chibo::bench {

using base::Date;
using base::Result;
using namespace chibo::domain;

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
    double p50 = 0;  // Milliseconds.
    double p95 = 0;
};

template <typename F>
Timing Time(int runs, F&& work) {
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
    };
    return {at(0.5), at(0.95)};
}

std::string Describe(const DashboardFigures& f) {
    std::ostringstream o;
    o << "cells=" << f.cells << " members=" << f.members_expected << " regular=" << f.cells_regular_all << "/"
      << f.cells_regular_due << " thematic=" << f.cells_thematic_all << "/" << f.cells_thematic_due
      << " meetings=" << f.meetings_held << " attendance=" << f.attendance_present << "/" << f.attendance_expected
      << " att90=" << f.meetings_attendance_90 << " levels=" << f.levels[0] << "," << f.levels[1] << "," << f.levels[2]
      << "," << f.levels[3] << " superior=" << f.meetings_superior << " visited=" << f.cells_visited
      << " flagged=" << f.members_flagged;
    return o.str();
}

struct Node {
    std::string level;
    StatOrganization org;
};

struct Period {
    std::string name;
    MonthRange months;
};

std::string Ms(double v) {
    char text[32];
    std::snprintf(text, sizeof text, v < 0.01 ? "%.4f" : v < 1 ? "%.3f" : v < 100 ? "%.2f" : "%.0f", v);
    return text;
}

std::string Ratio(double sql, double engine) {
    if (engine <= 0 || sql <= 0) return "–";
    char text[32];
    std::snprintf(text, sizeof text, "%.0f×", sql / engine);
    return text;
}

}  // namespace

Result<std::string> RunDashboardBench(Store& sqlite, Store* postgres, const base::Clock& clock,
                                      const DashboardBenchOptions& options) {
    auto say = [&](const std::string& line) {
        if (options.progress) options.progress(line);
    };
    const Date today = clock.Today();
    app::StatisticsService engine(sqlite, clock);
    const auto load_start = Clock::now();
    CHIBO_TRY(engine.Rebuild());
    const double load_s = std::chrono::duration<double>(Clock::now() - load_start).count();
    say("engine loaded: " + std::to_string(engine.meeting_count()) + " held meetings in " + Ms(load_s * 1000) + " ms");

    CHIBO_TRY_ASSIGN(const auto tree, ReadValue<std::vector<StatOrganization>>(
                                          sqlite, [](Repositories& r) -> Result<std::vector<StatOrganization>> {
                                              return app::StatTree(r);
                                          }));
    std::vector<Node> nodes;
    auto first = [&](auto&& pred) -> std::optional<StatOrganization> {
        for (const StatOrganization& o : tree)
            if (pred(o)) return o;
        return std::nullopt;
    };
    if (auto root = first([](const StatOrganization& o) { return !o.parent; }))
        nodes.push_back({root->kind == OrganizationKind::kCentral ? "Trung ương" : "tỉnh", *root});
    if (nodes.empty()) return base::MakeError(base::ErrorCode::kNotFound, "the database holds no organisation");
    if (nodes.front().org.kind == OrganizationKind::kCentral)
        if (auto p = first([](const StatOrganization& o) { return o.kind == OrganizationKind::kProvince; }))
            nodes.push_back({"tỉnh", *p});
    if (auto g = first([](const StatOrganization& o) { return o.kind == OrganizationKind::kCommuneCommittee; }))
        nodes.push_back({"xã", *g});
    if (auto c = first([](const StatOrganization& o) { return IsCell(o.kind); })) nodes.push_back({"chi bộ", *c});

    const int last = MonthOf(today) - 1;
    std::vector<Period> periods{{"tháng", {last, last}}, {"quý", {last - 2, last}}, {"năm", {last - 11, last}}};
    periods.resize(static_cast<std::size_t>(std::clamp(options.periods, 1, 3)));

    struct Engine {
        std::string name;
        Store* store;
    };
    std::vector<Engine> sql;
    if (!options.engine_only) sql.push_back({"SQLite", &sqlite});
    if (postgres && !options.engine_only) sql.push_back({"PostgreSQL", postgres});

    auto sql_figures = [&](Store& store, OrganizationId node, MonthRange months) -> Result<DashboardFigures> {
        return ReadValue<DashboardFigures>(store, [&](Repositories& r) -> Result<DashboardFigures> {
            return r.statistics().Figures(node, months, today);
        });
    };
    auto mismatch = [&](const std::string& what, const std::string& engine_side, const std::string& other) {
        return base::MakeError(base::ErrorCode::kInternal,
                               "figures differ for " + what + "\n  engine: " + engine_side + "\n  other:  " + other);
    };

    std::ostringstream table;
    table << "| query | node | period | engine p50 / p95 (ms) |";
    for (const Engine& e : sql) table << " " << e.name << " p50 / p95 (ms) |";
    table << " faster SQL ÷ engine (p50) |\n|---|---|---|---|";
    for (std::size_t i = 0; i < sql.size(); ++i) table << "---|";
    table << "---|\n";
    int compared = 0;
    std::ostringstream dashboard;
    dashboard << "| node | period | children | engine p50 / p95 (ms) |\n|---|---|---|---|\n";

    for (const Node& node : nodes) {
        for (const Period& period : periods) {
            const std::string what = node.level + " " + node.org.name + ", " + period.name;
            // How long each SQL query took here: with --sql-runs 1 the timing below reuses it rather than
            // run the same minutes-long query again.
            std::map<std::string, double> checked_ms;
            auto timed = [&](const std::string& key, auto&& work) {
                const auto start = Clock::now();
                auto result = work();
                checked_ms[key] += std::chrono::duration<double, std::milli>(Clock::now() - start).count();
                return result;
            };
            // D1.
            const DashboardFigures mine = engine.FiguresOf(node.org.id, period.months, today);
            for (const Engine& e : sql) {
                CHIBO_TRY_ASSIGN(const DashboardFigures theirs, timed("D1 " + e.name, [&] {
                                     return sql_figures(*e.store, node.org.id, period.months);
                                 }));
                if (!(theirs == mine))
                    return mismatch("D1 " + what + " (" + e.name + ")", Describe(mine), Describe(theirs));
                ++compared;
            }
            // D2: the children, at most 200 (the first by name), as the targets of performance.md count them.
            auto view = engine.ViewOf(node.org.id, period.months, today);
            const std::size_t all_children = view->children.size();
            if (view->children.size() > 200) view->children.resize(200);
            for (const app::ChildFigures& child : view->children)
                for (const Engine& e : sql) {
                    CHIBO_TRY_ASSIGN(const DashboardFigures theirs, timed("D2 " + e.name, [&] {
                                         return sql_figures(*e.store, child.organization.id, period.months);
                                     }));
                    if (!(theirs == child.figures))
                        return mismatch("D2 " + what + " → " + child.organization.name + " (" + e.name + ")",
                                        Describe(child.figures), Describe(theirs));
                    ++compared;
                }
            // D3: the missed cells, their number and the first page.
            const DashboardAlerts alerts = engine.AlertsOf(node.org.id, period.months, today, 0, 50);
            for (const Engine& e : sql) {
                int their_total = 0;
                std::vector<OrganizationId> their_ids;
                CHIBO_TRY(timed("D3 " + e.name, [&] {
                    return e.store->Read([&](Repositories& r) -> Result<void> {
                        auto got = r.statistics().MissedCells(node.org.id, period.months, today, 50);
                        their_total = got.first;
                        their_ids = std::move(got.second);
                        return {};
                    });
                }));
                std::vector<OrganizationId> ids;
                for (const MissedCell& m : alerts.missed) ids.push_back(m.cell);
                if (their_total != alerts.missed_total || their_ids != ids)
                    return mismatch("D3 " + what + " (" + e.name + ")", std::to_string(alerts.missed_total),
                                    std::to_string(their_total));
                ++compared;
            }
            if (options.check_only) continue;

            say("timing " + what);
            auto row = [&](const std::string& query, const std::string& key, const std::function<void()>& mine_work,
                           const std::function<void(Store&)>& sql_work) {
                const Timing t = Time(options.engine_runs, mine_work);
                table << "| " << query << " | " << node.level << " | " << period.name << " | " << Ms(t.p50) << " / "
                      << Ms(t.p95) << " |";
                double best = 0;
                for (const Engine& e : sql) {
                    auto checked = checked_ms.find(key + " " + e.name);
                    const Timing s = options.sql_runs <= 1 && checked != checked_ms.end()
                                         ? Timing{checked->second, checked->second}
                                         : Time(options.sql_runs, [&] { sql_work(*e.store); });
                    table << " " << Ms(s.p50) << " / " << Ms(s.p95) << " |";
                    best = best == 0 ? s.p50 : std::min(best, s.p50);
                }
                table << " " << Ratio(best, t.p50) << " |\n";
            };
            row(
                "D1", "D1", [&] { (void)engine.FiguresOf(node.org.id, period.months, today); },
                [&](Store& s) { (void)sql_figures(s, node.org.id, period.months); });
            if (!view->children.empty())
                row(
                    "D2 (" + std::to_string(view->children.size()) +
                        (all_children > view->children.size() ? " of " + std::to_string(all_children) : "") + ")",
                    "D2",
                    [&] {
                        for (const app::ChildFigures& child : view->children)
                            (void)engine.FiguresOf(child.organization.id, period.months, today);
                    },
                    [&](Store& s) {
                        for (const app::ChildFigures& child : view->children)
                            (void)sql_figures(s, child.organization.id, period.months);
                    });
            // What the dashboard's GET computes: D1, every child's D1 and the month-by-month trend.
            const Timing page = Time(std::max(1, options.engine_runs / 10),
                                     [&] { (void)engine.ViewOf(node.org.id, period.months, today); });
            dashboard << "| " << node.level << " | " << period.name << " | " << all_children << " | " << Ms(page.p50)
                      << " / " << Ms(page.p95) << " |\n";
            row(
                "D3", "D3", [&] { (void)engine.AlertsOf(node.org.id, period.months, today, 0, 50); },
                [&](Store& s) {
                    (void)s.Read([&](Repositories& r) -> Result<void> {
                        (void)r.statistics().MissedCells(node.org.id, period.months, today, 50);
                        return {};
                    });
                });
        }
    }
    std::ostringstream out;
    if (options.engine_only)
        out << "The engine alone: nothing compared.\n";
    else
        out << "Figures identical across the engine and "
            << (postgres ? "SQL on SQLite and PostgreSQL" : "SQL on SQLite") << ": " << compared
            << " comparisons (D1, D2 for up to 200 children, D3).\n";
    out << "Engine load from the store: " << Ms(load_s) << " s, " << engine.meeting_count() << " held meetings.\n";
    if (!options.check_only)
        out << "\n"
            << table.str() << "\nThe dashboard's whole answer (D1, every child, the trend by month):\n\n"
            << dashboard.str();
    return out.str();
}

}  // namespace chibo::bench
