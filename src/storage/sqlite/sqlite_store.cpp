#include "storage/sqlite/sqlite_store.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <mutex>

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

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

base::Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, int connections) {
    auto impl = std::make_unique<Impl>();
    try {
        for (int i = 0; i < connections; ++i) {
            auto s = std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=\"" + path + "\" timeout=10");
            sql::Exec(*s, "PRAGMA foreign_keys = ON");
            sql::Exec(*s, "PRAGMA busy_timeout = 10000");
            if (i == 0) {
                sql::Query(*s, "PRAGMA journal_mode = WAL");
                sql::Exec(*s, "PRAGMA synchronous = NORMAL");
                sql::RunMigrations(*s, Migrations());
                impl->schema_version =
                    static_cast<int>(sql::QueryOne(*s, "SELECT MAX(version) FROM schema_migrations")->Int(0));
            }
            impl->pool.Add(std::move(s));
        }
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

int SqliteStore::schema_version() const {
    return impl_->schema_version;
}

}  // namespace chibo::storage::sqlite
