#include "cli/cli.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <thread>

#include "app/auth_service.hpp"
#include "app/demo.hpp"
#include "app/document_service.hpp"
#include "app/meeting_service.hpp"
#include "app/member_service.hpp"
#include "app/organization_service.hpp"
#include "app/score_service.hpp"
#include "app/topic_service.hpp"
#include "app/user_service.hpp"
#include "app/visit_service.hpp"
#include "bench/dashboard_bench.hpp"
#include "bench/generator.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "http/static_assets.hpp"
#include "storage/files/directory_file_store.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/tools/transfer.hpp"

#ifndef CHIBO_DEFAULT_WEB_ROOT
#define CHIBO_DEFAULT_WEB_ROOT "web/dist"
#endif

namespace chibo::cli {
namespace {

// The one clock of the process: every layer below is handed it, so no layer reads the time itself.
const base::SystemClock clock;

// A store opened from a --db value: "postgresql://…" (or "postgres://…") for PostgreSQL, otherwise a
// SQLite file path, optionally written "sqlite:PATH".
struct OpenedStore {
    std::unique_ptr<domain::Store> store;
    int schema_version = 0;
    std::string engine;
};

template <typename S>
std::optional<OpenedStore> Opened(base::Result<std::unique_ptr<S>> store, const char* engine) {
    if (!store) {
        std::cerr << "chibo: " << store.error().message << "\n";
        return std::nullopt;
    }
    OpenedStore opened;
    opened.schema_version = (*store)->schema_version();
    opened.store = std::move(*store);
    opened.engine = engine;
    return opened;
}

// `connections`: one per request thread, so that no request waits for another's connection.
std::optional<OpenedStore> OpenStore(const std::string& db, int connections = 4) {
    if (storage::postgres::IsPostgresUrl(db))
        return Opened(storage::postgres::PostgresStore::Open(db, connections), "PostgreSQL");
    const std::string path = db.rfind("sqlite:", 0) == 0 ? db.substr(7) : db;
    return Opened(storage::sqlite::SqliteStore::Open(path, connections), "SQLite");
}

// Where uploaded files go unless --files says: beside a SQLite file, or ./chibo-files.
std::string DefaultFilesDir(const std::string& db) {
    if (storage::postgres::IsPostgresUrl(db)) return "chibo-files";
    return (db.rfind("sqlite:", 0) == 0 ? db.substr(7) : db) + ".files";
}

int Serve(const std::string& db, const std::string& host, int port, int threads, const std::string& web_root,
          const std::string& trusted_proxy, const std::string& files_dir, int draft_lead_hours) {
    auto opened = OpenStore(db, std::max(4, threads));
    if (!opened) return 1;
    domain::Store& store = *opened->store;
    std::unique_ptr<storage::files::DirectoryFileStore> files;
    try {
        files =
            std::make_unique<storage::files::DirectoryFileStore>(files_dir.empty() ? DefaultFilesDir(db) : files_dir);
    } catch (const std::exception& e) {
        std::cerr << "chibo: cannot use the files folder: " << e.what() << "\n";
        return 1;
    }
    app::AuthService auth(store, clock);
    app::OrganizationService organizations(store, clock);
    app::MemberService members(store, clock);
    app::UserService users(store, clock);
    app::DocumentService documents(store, clock);
    app::MeetingService meetings(store, *files, clock);
    app::ScoreService scores(store, clock);
    app::GradingService grading(store, clock);
    app::StatisticsService statistics(store, clock);
    app::TopicService topics(store, *files, clock, std::int64_t{draft_lead_hours} * 3600);
    app::VisitService visits(store, clock);
    if (auto built = statistics.Rebuild(); !built) {
        std::cerr << "chibo: cannot load the statistics: " << built.error().message << "\n";
        return 1;
    }
    std::cout << "chibo: statistics loaded (" << statistics.meeting_count() << " held meetings)" << std::endl;
    const http::StaticAssets assets = http::StaticAssets::Load(web_root);
    if (assets.size() == 0)
        std::cerr << "chibo: no web UI at " << web_root << " (build it with `make web`); serving the API only\n";
    const http::Api api(
        {auth, organizations, members, users, documents, meetings, scores, grading, statistics, topics, visits}, clock,
        &assets);
    http::Server server([&api](http::Request& r) { return api.Handle(r); },
                        {host, static_cast<std::uint16_t>(port), threads, trusted_proxy,
                         [&api](http::Method method, std::string_view path) { return api.BodyLimit(method, path); }});
    if (auto listening = server.Listen(); !listening) {
        std::cerr << "chibo: " << listening.error().message << "\n";
        return 1;
    }
    std::cout << "chibo: serving http://" << host << ":" << server.port() << " (" << opened->engine << ", schema v"
              << opened->schema_version << ")" << std::endl;
    server.Run();
    std::cout << "chibo: stopped" << std::endl;
    return 0;
}

int Demo(const std::string& db, unsigned seed) {
    auto opened = OpenStore(db);
    if (!opened) return 1;
    const auto started = std::chrono::steady_clock::now();
    auto summary = app::LoadDemo(*opened->store, clock, seed);
    if (!summary) {
        std::cerr << "chibo: " << summary.error().message << "\n";
        return 1;
    }
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    std::cout << "chibo: demo loaded: " << summary->organizations << " organisations, " << summary->members
              << " members on the roll, " << summary->users << " accounts (password " << app::kDemoPassword << ") in "
              << ms << " ms" << std::endl;
    return 0;
}

int AddUser(const std::string& db, const app::NewUser& user, const std::string& role_code, std::int64_t org) {
    const auto role = domain::RoleFromCode(role_code);
    if (!role) {
        std::cerr << "chibo: unknown role '" << role_code << "' (administrator, committee, secretary, member)\n";
        return 2;
    }
    auto opened = OpenStore(db);
    if (!opened) return 1;
    app::UserService users(*opened->store, clock);
    auto created = users.CreateAsSystem(user, *role, domain::OrganizationId(org));
    if (!created) {
        std::cerr << "chibo: " << created.error().message
                  << (created.error().field.empty() ? "" : " (" + created.error().field + ")") << "\n";
        return 1;
    }
    std::cout << "chibo: user " << created->username << " (id " << created->id.value << ") created as " << role_code
              << " of organisation " << org << std::endl;
    return 0;
}

void PrintSummaries(const std::vector<storage::tools::TableSummary>& tables) {
    for (const auto& t : tables)
        std::cout << "  " << std::left << std::setw(20) << t.table << std::right << std::setw(10) << t.rows << "  "
                  << t.checksum << "\n";
}

int CopyDatabase(const std::string& from, const std::string& to, int batch_rows, int max_batches) {
    const bool tty = ::isatty(2) != 0;
    std::string last_table;
    auto progress = [&](const std::string& table, std::int64_t done, std::int64_t total) {
        const int width = 30;
        const int filled = total > 0 ? static_cast<int>(width * done / total) : width;
        if (tty) {
            std::cerr << "\r  " << std::left << std::setw(18) << table << " [" << std::string(filled, '#')
                      << std::string(width - filled, '-') << "] " << std::right << std::setw(3)
                      << (total > 0 ? 100 * done / total : 100) << "%  " << done << "/" << total << std::flush;
            if (done == total) std::cerr << "\n";
        } else if (done == total && table != last_table) {
            std::cerr << "  " << table << ": " << done << "/" << total << "\n";
            last_table = table;
        }
    };
    auto result = storage::tools::Copy(from, to, {batch_rows, max_batches}, progress);
    if (tty) std::cerr << "\n";
    if (!result) {
        std::cerr << "chibo: " << result.error().message << "\n";
        return 1;
    }
    std::int64_t copied = 0;
    for (const auto& t : result->tables) copied += t.copied;
    if (!result->complete) {
        std::cout << "chibo: stopped after " << max_batches << " batches (" << copied
                  << " rows copied); run the same command again to continue" << std::endl;
        return 3;
    }
    std::cout << "chibo: copied " << copied << " rows; verification (rows and checksums of every table):\n";
    for (const auto& t : result->tables) {
        std::cout << "  " << std::left << std::setw(20) << t.table << std::right << std::setw(10) << t.target.rows
                  << "  "
                  << (t.matches() ? "ok"
                                  : "MISMATCH: source " + std::to_string(t.source.rows) + " rows " + t.source.checksum +
                                        ", target " + t.target.checksum)
                  << "\n";
    }
    std::cout << (result->verified() ? "chibo: copy verified" : "chibo: copy NOT verified") << std::endl;
    return result->verified() ? 0 : 1;
}

// Lists the API's routes, one "METHOD /path" per line; the OpenAPI test compares them with the document.
int BenchGenerate(const std::string& db, const std::string& scale_name, std::uint64_t seed) {
    const auto scale = bench::ScaleNamed(scale_name);
    if (!scale) {
        std::cerr << "chibo: unknown scale '" << scale_name << "' (commune, province, national)\n";
        return 2;
    }
    auto opened = OpenStore(db);
    if (!opened) return 1;
    const auto started = std::chrono::steady_clock::now();
    auto summary = bench::Generate(*opened->store, *scale, seed, clock.Today(),
                                   [](const std::string& line) { std::cerr << "chibo: " << line << std::endl; });
    if (!summary) {
        std::cerr << "chibo: " << summary.error().message << "\n";
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "chibo: generated the " << scale->name << " dataset (seed " << seed << ") in " << seconds
              << " s: " << summary->organizations << " organisations, " << summary->cells << " cells, "
              << summary->members << " members, " << summary->meetings << " meetings, " << summary->attendance
              << " attendance rows, " << summary->scores << " scores, " << summary->moves << " cells moved"
              << std::endl;
    return 0;
}

int BenchDashboard(const std::string& db, const std::string& pg, bool check, bool engine_only, int engine_runs,
                   int sql_runs, int periods) {
    auto sqlite = OpenStore(db);
    if (!sqlite) return 1;
    std::optional<OpenedStore> postgres;
    if (!pg.empty()) {
        postgres = OpenStore(pg);
        if (!postgres) return 1;
    }
    bench::DashboardBenchOptions options;
    options.check_only = check;
    options.engine_only = engine_only;
    options.engine_runs = engine_runs;
    options.sql_runs = sql_runs;
    options.periods = periods;
    options.progress = [](const std::string& line) { std::cerr << "chibo: " << line << std::endl; };
    auto report = bench::RunDashboardBench(*sqlite->store, postgres ? postgres->store.get() : nullptr, clock, options);
    if (!report) {
        std::cerr << "chibo: " << report.error().message << "\n";
        return 1;
    }
    std::cout << *report;
    return 0;
}

int Routes() {
    struct NoStore final : domain::Store {
        base::Result<void> Read(const std::function<base::Result<void>(domain::Repositories&)>&) override {
            return base::MakeError(base::ErrorCode::kUnavailable, "no store");
        }
        base::Result<void> Write(const std::function<base::Result<void>(domain::Repositories&)>&) override {
            return base::MakeError(base::ErrorCode::kUnavailable, "no store");
        }
        base::Result<std::int64_t> AuthVersion() override {
            return base::MakeError(base::ErrorCode::kUnavailable, "no store");
        }
    } store;
    app::AuthService auth(store, clock);
    app::OrganizationService organizations(store, clock);
    app::MemberService members(store, clock);
    app::UserService users(store, clock);
    app::DocumentService documents(store, clock);
    struct NoFiles final : domain::FileStore {
        void Put(const std::string&, std::string_view) override {}
        std::optional<std::string> Get(const std::string&) override { return std::nullopt; }
        void Remove(const std::string&) override {}
    } files;
    app::MeetingService meetings(store, files, clock);
    app::ScoreService scores(store, clock);
    app::GradingService grading(store, clock);
    app::StatisticsService statistics(store, clock);
    app::TopicService topics(store, files, clock);
    app::VisitService visits(store, clock);
    const http::Api api(
        {auth, organizations, members, users, documents, meetings, scores, grading, statistics, topics, visits}, clock,
        nullptr);
    for (const auto& route : api.router().routes())
        std::cout << http::ToString(route.method) << " " << route.pattern << "\n";
    return 0;
}

}  // namespace

int Run(int argc, char** argv) {
    CLI::App app{"chibo — quản lý sinh hoạt chi bộ (party cell meetings)", "chibo"};
    app.set_version_flag("--version", "chibo 0.1.0");
    app.require_subcommand(1);

    std::string db = "chibo.db";
    std::string host = "127.0.0.1";
    int port = 8080;
    // Requests wait on the database synchronously: two threads per core keep the cores busy meanwhile.
    int threads = std::clamp(2 * static_cast<int>(std::thread::hardware_concurrency()), 2, 64);
    std::string web_root = CHIBO_DEFAULT_WEB_ROOT;
    std::string trusted_proxy;
    std::string files_dir;
    int draft_lead_hours = 24;
    auto* serve = app.add_subcommand("serve", "Serve the web UI and the API");
    serve
        ->add_option("--db", db, "Database: a SQLite file (created when missing) or postgresql://user@host:port/dbname")
        ->capture_default_str();
    serve->add_option("--host", host, "Address to listen on")->capture_default_str();
    serve->add_option("--port", port, "TCP port (0 picks a free one)")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    serve->add_option("--threads", threads, "Worker threads")->capture_default_str()->check(CLI::Range(1, 64));
    serve->add_option("--web-root", web_root, "Folder of the built web UI")->capture_default_str();
    serve->add_option("--trusted-proxy", trusted_proxy, "Address of a reverse proxy whose X-Real-IP header is trusted");
    serve->add_option("--files", files_dir,
                      "Folder for uploaded files, shared by every node (default: <db>.files beside a SQLite file, "
                      "./chibo-files with PostgreSQL)");
    serve
        ->add_option("--draft-lead-hours", draft_lead_hours,
                     "How many hours before a thematic meeting its draft must reach the members, else it is "
                     "flagged late")
        ->capture_default_str()
        ->check(CLI::Range(0, 24 * 30));
    app.set_config("--config", "",
                   "Read options from a TOML file: a [serve] section with db = \"postgresql://…\", port = 8081…");

    auto* migrate = app.add_subcommand("migrate", "Create or upgrade the database schema, then exit");
    migrate->add_option("--db", db, "SQLite file or postgresql:// URL")->capture_default_str();

    unsigned seed = 2026;
    auto* demo = app.add_subcommand("demo", "Load the fictional demo province into an empty database");
    demo->add_option("--db", db, "SQLite file or postgresql:// URL")->capture_default_str();
    demo->add_option("--seed", seed, "Random seed for the generated names")->capture_default_str();

    auto* user = app.add_subcommand("user", "Manage user accounts");
    user->require_subcommand(1);
    app::NewUser new_user;
    std::string role = "committee";
    std::int64_t org = 0;
    std::int64_t member = 0;
    auto* user_add = user->add_subcommand("add", "Create a user with one role on an organisation");
    user_add->add_option("--db", db, "SQLite file or postgresql:// URL")->capture_default_str();
    user_add->add_option("--username", new_user.username, "Sign-in name: a-z, 0-9, . _ -")->required();
    user_add->add_option("--password", new_user.password, "At least 8 characters")->required();
    user_add->add_option("--display-name", new_user.display_name, "Name shown in the UI")->required();
    user_add->add_option("--role", role, "administrator, committee, secretary or member")->capture_default_str();
    user_add->add_option("--organization-id", org, "Organisation the role applies to (its subtree)")->required();
    user_add->add_option("--member-id", member, "Member record of this user, if any");

    std::string from, to, file;
    int batch_rows = 500, max_batches = 0;
    auto* copy =
        app.add_subcommand("copy", "Copy a whole database between SQLite and PostgreSQL, resumable and verified");
    copy->add_option("--from", from, "Source: SQLite file (sqlite:PATH) or postgresql:// URL")->required();
    copy->add_option("--to", to, "Target, empty or a copy stopped part way: SQLite file or postgresql:// URL")
        ->required();
    copy->add_option("--batch-rows", batch_rows, "Rows per transaction")
        ->capture_default_str()
        ->check(CLI::Range(1, 100000));
    copy->add_option("--max-batches", max_batches,
                     "Stop after this many batches (0: copy everything); run again to continue")
        ->capture_default_str()
        ->check(CLI::Range(0, 100000000));

    auto* backup = app.add_subcommand("backup", "Write a consistent backup and its manifest (FILE.manifest)");
    backup->add_option("--db", db, "SQLite file or postgresql:// URL")->capture_default_str();
    backup->add_option("--to", file, "Backup file to write")->required();

    auto* restore =
        app.add_subcommand("restore", "Restore a backup into a database and verify it against its manifest");
    restore->add_option("--from", file, "Backup file written by chibo backup")->required();
    restore->add_option("--db", db, "SQLite file or postgresql:// URL to restore into")->capture_default_str();

    auto* routes = app.add_subcommand("routes", "Print the HTTP API routes");

    auto* bench_cmd = app.add_subcommand("bench", "Benchmark datasets and the dashboard benchmark");
    bench_cmd->require_subcommand(1);
    std::string scale = "commune";
    std::uint64_t bench_seed = 1;
    auto* bench_generate = bench_cmd->add_subcommand("generate", "Write a benchmark dataset into an empty database");
    bench_generate->add_option("--db", db, "SQLite file or postgresql:// URL")->capture_default_str();
    bench_generate->add_option("--scale", scale, "commune, province or national")->capture_default_str();
    bench_generate->add_option("--seed", bench_seed, "Random seed")->capture_default_str();
    std::string pg;
    bool check = false;
    bool engine_only = false;
    int engine_runs = 200;
    int sql_runs = 5;
    int bench_periods = 3;
    auto* bench_dashboard =
        bench_cmd->add_subcommand("dashboard", "D1–D3 three ways (engine, SQL on SQLite, SQL on PostgreSQL)");
    bench_dashboard->add_option("--db", db, "SQLite file holding the dataset")->capture_default_str();
    bench_dashboard->add_option("--pg", pg, "postgresql:// URL holding the same dataset (optional)");
    bench_dashboard->add_flag("--check", check, "Only check that every figure is identical");
    bench_dashboard->add_flag("--engine-only", engine_only, "Time the engine alone: no SQL, nothing compared");
    bench_dashboard->add_option("--engine-runs", engine_runs, "Timed runs per engine query")
        ->capture_default_str()
        ->check(CLI::Range(1, 100000));
    bench_dashboard->add_option("--sql-runs", sql_runs, "Timed runs per SQL query")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    bench_dashboard->add_option("--periods", bench_periods, "Periods: 1 = last month, 2 = and quarter, 3 = and year")
        ->capture_default_str()
        ->check(CLI::Range(1, 3));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    if (*serve) return Serve(db, host, port, threads, web_root, trusted_proxy, files_dir, draft_lead_hours);
    if (*migrate) {
        auto opened = OpenStore(db);
        if (!opened) return 1;
        std::cout << "chibo: " << opened->engine << " database is at schema version " << opened->schema_version
                  << std::endl;
        return 0;
    }
    if (*demo) return Demo(db, seed);
    if (*user_add) {
        if (member > 0) new_user.member = domain::MemberId(member);
        return AddUser(db, new_user, role, org);
    }
    if (*routes) return Routes();
    if (*bench_generate) return BenchGenerate(db, scale, bench_seed);
    if (*bench_dashboard) return BenchDashboard(db, pg, check, engine_only, engine_runs, sql_runs, bench_periods);
    if (*copy) return CopyDatabase(from, to, batch_rows, max_batches);
    if (*backup || *restore) {
        auto result = *backup ? storage::tools::Backup(db, file) : storage::tools::Restore(file, db);
        if (!result) {
            std::cerr << "chibo: " << result.error().message << "\n";
            return 1;
        }
        std::cout << (*backup ? "chibo: backup written to " + file + " (manifest " + file + ".manifest):\n"
                              : "chibo: restored " + file + " into " + db + " and verified against its manifest:\n");
        PrintSummaries(*result);
        return 0;
    }
    return 2;
}

}  // namespace chibo::cli
