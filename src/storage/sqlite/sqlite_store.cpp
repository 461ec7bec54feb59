#include "storage/sqlite/sqlite_store.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <mutex>
#include <stdexcept>

#include "domain/store.hpp"
#include "storage/sql/migrations.hpp"
#include "storage/sql/repositories.hpp"
#include "storage/sql/session_pool.hpp"
#include "storage/sql/sql.hpp"
#include "storage/sqlite/schema.hpp"

namespace chibo::storage::sqlite {

struct SqliteStore::Impl {
    sql::SessionPool pool;
    std::mutex write_mutex;  // One writer at a time, as SQLite allows.
    int schema_version = 0;
    // AuthVersion's own read-only connection and prepared statement, so that the check costs one step.
    std::mutex version_mutex;
    sqlite_api::sqlite3* version_db = nullptr;              // Guarded by version_mutex.
    sqlite_api::sqlite3_stmt* version_statement = nullptr;  // Guarded by version_mutex.

    ~Impl() {
        sqlite_api::sqlite3_finalize(version_statement);
        sqlite_api::sqlite3_close(version_db);
    }

    base::Result<void> Run(const char* begin, const std::function<base::Result<void>(domain::Repositories&)>& work) {
        const sql::SessionPool::Lease s(pool);
        sql::Exec(*s, begin);
        try {
            auto repos = sql::MakeRepositories(*s);
            base::Result<void> result = work(*repos);
            sql::Exec(*s, result ? "COMMIT" : "ROLLBACK");
            return result;
        } catch (...) {
            try {
                sql::Exec(*s, "ROLLBACK");
            } catch (...) {
                // Already rolled back by SQLite, or the connection is gone; report the original error.
            }
            throw;
        }
    }
};

namespace {

std::unique_ptr<soci::session> Connect(const std::string& path) {
    auto s = std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=\"" + path + "\" timeout=10");
    sql::Exec(*s, "PRAGMA foreign_keys = ON");
    sql::Exec(*s, "PRAGMA busy_timeout = 10000");
    return s;
}

}  // namespace

std::unique_ptr<soci::session> OpenSession(const std::string& path) {
    auto s = Connect(path);
    sql::Query(*s, "PRAGMA journal_mode = WAL");
    sql::RunMigrations(*s, Migrations());
    return s;
}

void OnlineBackup(const std::string& from, const std::string& to) {
    using namespace sqlite_api;  // SOCI's header wraps sqlite3.h in this namespace.
    sqlite3* source = nullptr;
    sqlite3* target = nullptr;
    auto close = [&] {
        sqlite3_close(source);
        sqlite3_close(target);
    };
    std::string message;
    if (sqlite3_open_v2(from.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        message = "cannot open " + from + ": " + (source ? sqlite3_errmsg(source) : "out of memory");
    } else if (sqlite3_open_v2(to.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        message = "cannot open " + to + ": " + (target ? sqlite3_errmsg(target) : "out of memory");
    }
    if (!message.empty()) {
        close();
        throw std::runtime_error(message);
    }
    sqlite3_busy_timeout(source, 10000);
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
    if (!backup) {
        message = sqlite3_errmsg(target);
        close();
        throw std::runtime_error("backup failed: " + message);
    }
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    const int final_rc = sqlite3_errcode(target);
    close();
    if (rc != SQLITE_DONE || (final_rc != SQLITE_OK && final_rc != SQLITE_DONE))
        throw std::runtime_error("backup of " + from + " failed (" + std::to_string(rc) + ")");
}

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

base::Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, int connections) {
    auto impl = std::make_unique<Impl>();
    try {
        for (int i = 0; i < connections; ++i) {
            auto s = Connect(path);
            if (i == 0) {
                sql::Query(*s, "PRAGMA journal_mode = WAL");
                sql::Exec(*s, "PRAGMA synchronous = NORMAL");
                sql::RunMigrations(*s, Migrations());
                impl->schema_version =
                    static_cast<int>(sql::QueryOne(*s, "SELECT MAX(version) FROM schema_migrations")->Int(0));
            }
            impl->pool.Add(std::move(s));
        }
        using namespace sqlite_api;
        if (sqlite3_open_v2(path.c_str(), &impl->version_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
            sqlite3_prepare_v2(impl->version_db, "SELECT version FROM auth_changes WHERE id = 1", -1,
                               &impl->version_statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(impl->version_db ? sqlite3_errmsg(impl->version_db) : "out of memory");
        sqlite3_busy_timeout(impl->version_db, 10000);
    } catch (const std::exception& e) {
        return base::MakeError(base::ErrorCode::kUnavailable, "Không mở được cơ sở dữ liệu " + path + ": " + e.what());
    }
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

base::Result<void> SqliteStore::Read(const std::function<base::Result<void>(domain::Repositories&)>& work) {
    return impl_->Run("BEGIN", work);
}

base::Result<void> SqliteStore::Write(const std::function<base::Result<void>(domain::Repositories&)>& work) {
    std::lock_guard lock(impl_->write_mutex);
    return impl_->Run("BEGIN IMMEDIATE", work);
}

base::Result<std::int64_t> SqliteStore::AuthVersion() {
    using namespace sqlite_api;
    std::lock_guard lock(impl_->version_mutex);
    sqlite3_stmt* st = impl_->version_statement;
    const int rc = sqlite3_step(st);
    const std::int64_t version = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return base::MakeError(base::ErrorCode::kUnavailable, "Cơ sở dữ liệu đang bận. Vui lòng thử lại.");
    return version;
}

int SqliteStore::schema_version() const {
    return impl_->schema_version;
}

}  // namespace chibo::storage::sqlite
