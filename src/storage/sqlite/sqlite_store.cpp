#include "storage/sqlite/sqlite_store.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <vector>

#include "storage/sql/migrations.hpp"
#include "storage/sql/repositories.hpp"
#include "storage/sql/sql.hpp"
#include "storage/sqlite/schema.hpp"

namespace chibo::storage::sqlite {

struct SqliteStore::Impl {
    std::vector<std::unique_ptr<soci::session>> sessions;
    std::vector<soci::session*> idle;  // Guarded by pool_mutex.
    std::mutex pool_mutex;
    std::condition_variable pool_cv;
    std::mutex write_mutex;  // One writer at a time, as SQLite allows.
    int schema_version = 0;

    soci::session& Acquire() {
        std::unique_lock lock(pool_mutex);
        pool_cv.wait(lock, [&] { return !idle.empty(); });
        soci::session* s = idle.back();
        idle.pop_back();
        return *s;
    }

    void Release(soci::session& s) {
        {
            std::lock_guard lock(pool_mutex);
            idle.push_back(&s);
        }
        pool_cv.notify_one();
    }

    base::Result<void> Run(const char* begin, const std::function<base::Result<void>(domain::Repositories&)>& work) {
        soci::session& s = Acquire();
        struct Returner {
            Impl& impl;
            soci::session& s;
            ~Returner() { impl.Release(s); }
        } returner{*this, s};
        sql::Exec(s, begin);
        bool finished = false;
        try {
            auto repos = sql::MakeRepositories(s);
            base::Result<void> result = work(*repos);
            sql::Exec(s, result ? "COMMIT" : "ROLLBACK");
            finished = true;
            return result;
        } catch (...) {
            if (!finished) {
                try {
                    sql::Exec(s, "ROLLBACK");
                } catch (...) {
                    // The connection is unusable; the original error is the one to report.
                }
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
            impl->idle.push_back(s.get());
            impl->sessions.push_back(std::move(s));
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
