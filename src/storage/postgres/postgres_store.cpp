#include "storage/postgres/postgres_store.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdio>
#include <functional>
#include <optional>
#include <stdexcept>
#include <thread>

#include "domain/store.hpp"
#include "storage/postgres/schema.hpp"
#include "storage/sql/migrations.hpp"
#include "storage/sql/repositories.hpp"
#include "storage/sql/session_pool.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::postgres {
namespace {

constexpr int kAttempts = 4;

base::Error Unavailable() {
    return base::MakeError(base::ErrorCode::kUnavailable,
                           "Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.");
}

bool Retryable(const std::string& sqlstate) {
    return sqlstate == "40001" || sqlstate == "40P01";
}

bool ConnectionLost(const soci::soci_error& e, soci::session& s) {
    return e.get_error_category() == soci::soci_error::connection_error || !s.is_connected();
}

}  // namespace

bool IsPostgresUrl(const std::string& db) {
    return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::optional<std::string> ToKeywordConnectionString(const std::string& url) {
    std::string rest;
    for (const char* scheme : {"postgresql://", "postgres://"}) {
        if (url.rfind(scheme, 0) == 0) rest = url.substr(std::string(scheme).size());
    }
    if (rest.empty()) return std::nullopt;
    std::string query;
    if (auto q = rest.find('?'); q != std::string::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    std::string dbname;
    if (auto slash = rest.find('/'); slash != std::string::npos) {
        dbname = rest.substr(slash + 1);
        rest = rest.substr(0, slash);
    }
    std::string user, password;
    if (auto at = rest.rfind('@'); at != std::string::npos) {
        user = rest.substr(0, at);
        rest = rest.substr(at + 1);
        if (auto colon = user.find(':'); colon != std::string::npos) {
            password = user.substr(colon + 1);
            user = user.substr(0, colon);
        }
    }
    std::string host = rest, port;
    if (auto colon = rest.rfind(':'); colon != std::string::npos && rest.find(']') == std::string::npos) {
        host = rest.substr(0, colon);
        port = rest.substr(colon + 1);
    }
    auto quote = [](const std::string& v) {
        std::string out = "'";
        for (char c : v) {
            if (c == '\\' || c == '\'') out.push_back('\\');
            out.push_back(c);
        }
        return out + "'";
    };
    std::string out;
    auto add = [&](const char* key, const std::string& value) {
        if (value.empty()) return;
        if (!out.empty()) out += ' ';
        out += std::string(key) + "=" + quote(value);
    };
    add("host", host);
    add("port", port);
    add("user", user);
    add("password", password);
    add("dbname", dbname);
    std::size_t i = 0;
    while (i < query.size()) {
        const std::size_t amp = std::min(query.find('&', i), query.size());
        const std::string pair = query.substr(i, amp - i);
        if (auto eq = pair.find('='); eq != std::string::npos) add(pair.substr(0, eq).c_str(), pair.substr(eq + 1));
        i = amp + 1;
    }
    return out;
}

struct PostgresStore::Impl {
    std::string url;
    sql::SessionPool pool;
    int schema_version = 0;

    base::Result<void> Run(bool write, const std::function<base::Result<void>(domain::Repositories&)>& work) {
        const sql::SessionPool::Lease s(pool);
        for (int attempt = 1;; ++attempt) {
            if (!Begin(*s, write ? "BEGIN" : "BEGIN READ ONLY")) return Unavailable();
            try {
                auto repos = sql::MakeRepositories(*s);
                base::Result<void> result = work(*repos);
                sql::Exec(*s, result ? "COMMIT" : "ROLLBACK");
                return result;
            } catch (const soci::postgresql_soci_error& e) {
                const std::string state = e.sqlstate();
                RollBack(*s);
                if (Retryable(state) && attempt < kAttempts) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
                    continue;
                }
                if (state == "23505")
                    return base::MakeError(base::ErrorCode::kConflict,
                                           "Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại và thử lại.");
                if (ConnectionLost(e, *s)) return Unavailable();
                throw;
            } catch (const soci::soci_error& e) {
                RollBack(*s);
                if (ConnectionLost(e, *s)) return Unavailable();
                throw;
            } catch (...) {
                RollBack(*s);
                throw;
            }
        }
    }

    // Runs `work` on `s`, on a new connection once if the old one is gone (a server restart leaves pooled
    // connections that look healthy until used); false when both fail.
    static bool OnLiveConnection(soci::session& s, const std::function<void()>& work) {
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                if (attempt > 0 || !s.is_connected()) s.reconnect();
                work();
                return true;
            } catch (const soci::soci_error&) {
                // Try once more on a new connection.
            }
        }
        return false;
    }

    // Starts a transaction, reconnecting once when the connection was lost.
    static bool Begin(soci::session& s, const char* statement) {
        return OnLiveConnection(s, [&] { sql::Exec(s, statement); });
    }

    static void RollBack(soci::session& s) {
        try {
            if (s.is_connected()) sql::Exec(s, "ROLLBACK");
        } catch (...) {
            // The transaction is already gone with the connection; the caller reports the cause.
        }
    }
};

namespace {

constexpr const char* kMigrationLock = "7262026";

// Applies pending migrations under an advisory lock: several nodes may start at once; one migrates,
// the others wait for it and then find nothing to do.
void MigrateLocked(soci::session& s) {
    sql::Exec(s, std::string("SELECT pg_advisory_lock(") + kMigrationLock + ")");
    try {
        sql::RunMigrations(s, Migrations());
    } catch (...) {
        sql::Exec(s, std::string("SELECT pg_advisory_unlock(") + kMigrationLock + ")");
        throw;
    }
    sql::Exec(s, std::string("SELECT pg_advisory_unlock(") + kMigrationLock + ")");
}

}  // namespace

std::unique_ptr<soci::session> OpenSession(const std::string& url) {
    const auto keywords = ToKeywordConnectionString(url);
    if (!keywords) throw std::runtime_error("not a postgresql:// URL: " + url);
    auto s = std::make_unique<soci::session>(*soci::factory_postgresql(), *keywords);
    sql::Exec(*s, "SET client_min_messages = WARNING");
    MigrateLocked(*s);
    return s;
}

PostgresStore::PostgresStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PostgresStore::~PostgresStore() = default;

base::Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url, int connections,
                                                                 bool migrate) {
    const auto keywords = ToKeywordConnectionString(url);
    if (!keywords)
        return base::MakeError(base::ErrorCode::kInvalidArgument,
                               "Địa chỉ PostgreSQL phải có dạng postgresql://user@host:port/dbname.", "db");
    auto impl = std::make_unique<Impl>();
    impl->url = url;
    try {
        for (int i = 0; i < connections; ++i) {
            auto s = std::make_unique<soci::session>(*soci::factory_postgresql(), *keywords);
            if (i == 0) {
                sql::Exec(*s, "SET client_min_messages = WARNING");
                if (migrate) MigrateLocked(*s);
                auto v = sql::QueryOne(*s, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
                impl->schema_version = static_cast<int>(v ? v->Int(0) : 0);
            }
            impl->pool.Add(std::move(s));
        }
    } catch (const std::exception& e) {
        return base::MakeError(base::ErrorCode::kUnavailable,
                               std::string("Không kết nối được PostgreSQL: ") + e.what());
    }
    return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(impl)));
}

base::Result<void> PostgresStore::Read(const std::function<base::Result<void>(domain::Repositories&)>& work) {
    return impl_->Run(false, work);
}

base::Result<void> PostgresStore::Write(const std::function<base::Result<void>(domain::Repositories&)>& work) {
    return impl_->Run(true, work);
}

base::Result<std::int64_t> PostgresStore::AuthVersion() {
    const sql::SessionPool::Lease s(impl_->pool);
    // One statement in autocommit.
    std::optional<std::int64_t> version;
    const bool ran = Impl::OnLiveConnection(*s, [&] {
        if (auto row = sql::QueryOne(*s, "SELECT version FROM auth_changes WHERE id = 1")) version = row->Int(0);
    });
    if (!ran || !version) return Unavailable();
    return *version;
}

int PostgresStore::schema_version() const {
    return impl_->schema_version;
}

}  // namespace chibo::storage::postgres
