#include "cli/cli.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/auth_service.hpp"
#include "app/demo.hpp"
#include "app/member_service.hpp"
#include "app/organization_service.hpp"
#include "app/user_service.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "http/static_assets.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

#ifndef CHIBO_DEFAULT_WEB_ROOT
#define CHIBO_DEFAULT_WEB_ROOT "web/dist"
#endif

namespace chibo::cli {
namespace {

// A store opened from a --db value: "postgresql://…" (or "postgres://…") for PostgreSQL, otherwise a
// SQLite file path, optionally written "sqlite:PATH".
struct OpenedStore {
    std::unique_ptr<domain::Store> store;
    int schema_version = 0;
    std::string engine;
};

bool IsPostgresUrl(const std::string& db) {
    return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::optional<OpenedStore> OpenStore(const std::string& db) {
    OpenedStore opened;
    if (IsPostgresUrl(db)) {
        auto store = storage::postgres::PostgresStore::Open(db);
        if (!store) {
            std::cerr << "chibo: " << store.error().message << "\n";
            return std::nullopt;
        }
        opened.schema_version = (*store)->schema_version();
        opened.store = std::move(*store);
        opened.engine = "PostgreSQL";
        return opened;
    }
    const std::string path = db.rfind("sqlite:", 0) == 0 ? db.substr(7) : db;
    auto store = storage::sqlite::SqliteStore::Open(path);
    if (!store) {
        std::cerr << "chibo: " << store.error().message << "\n";
        return std::nullopt;
    }
    opened.schema_version = (*store)->schema_version();
    opened.store = std::move(*store);
    opened.engine = "SQLite";
    return opened;
}

int Serve(const std::string& db, const std::string& host, int port, int threads, const std::string& web_root) {
    auto opened = OpenStore(db);
    if (!opened) return 1;
    domain::Store& store = *opened->store;
    app::AuthService auth(store);
    app::OrganizationService organizations(store);
    app::MemberService members(store);
    app::UserService users(store);
    const http::StaticAssets assets = http::StaticAssets::Load(web_root);
    if (assets.size() == 0)
        std::cerr << "chibo: no web UI at " << web_root << " (build it with `make web`); serving the API only\n";
    const http::Api api({auth, organizations, members, users}, &assets);
    http::Server server([&api](http::Request& r) { return api.Handle(r); },
                        {host, static_cast<std::uint16_t>(port), threads});
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
    auto summary = app::LoadDemo(*opened->store, seed);
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
    app::UserService users(*opened->store);
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

// Lists the API's routes, one "METHOD /path" per line; the OpenAPI test compares them with the document.
int Routes() {
    struct NoStore final : domain::Store {
        base::Result<void> Read(const std::function<base::Result<void>(domain::Repositories&)>&) override {
            return base::MakeError(base::ErrorCode::kUnavailable, "no store");
        }
        base::Result<void> Write(const std::function<base::Result<void>(domain::Repositories&)>&) override {
            return base::MakeError(base::ErrorCode::kUnavailable, "no store");
        }
    } store;
    app::AuthService auth(store);
    app::OrganizationService organizations(store);
    app::MemberService members(store);
    app::UserService users(store);
    const http::Api api({auth, organizations, members, users}, nullptr);
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
    int threads = 2;
    std::string web_root = CHIBO_DEFAULT_WEB_ROOT;
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

    auto* routes = app.add_subcommand("routes", "Print the HTTP API routes");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    if (*serve) return Serve(db, host, port, threads, web_root);
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
    return 2;
}

}  // namespace chibo::cli
