#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/result.hpp"
#include "domain/store.hpp"

namespace soci {
class session;
}

namespace chibo::storage::postgres {

// The server store: PostgreSQL 15 through a pool of SOCI sessions. Each unit of work is one
// transaction; deadlocks and serialization failures are retried, unique-key races become Conflict,
// and a lost connection becomes Unavailable (503) while the pool reconnects on the next use.
// "postgresql://user:pass@host:port/db?sslmode=require" to libpq's "host='host' port='port' …" form
// (SOCI would read a URI as a backend name). nullopt when `url` is not a postgresql:// URI.
std::optional<std::string> ToKeywordConnectionString(const std::string& url);

// True for "postgresql://…" and "postgres://…": how a --db value names a PostgreSQL database.
bool IsPostgresUrl(const std::string& db);

// A single migrated session on the database at `url`, for tools that move whole tables (copy).
std::unique_ptr<soci::session> OpenSession(const std::string& url);

class PostgresStore final : public domain::Store {
public:
    // `url` is a libpq connection URI, "postgresql://user@host:port/dbname". Applies pending migrations
    // unless `migrate` is false (then the schema must be current).
    static base::Result<std::unique_ptr<PostgresStore>> Open(const std::string& url, int connections = 4,
                                                             bool migrate = true);
    ~PostgresStore() override;

    base::Result<void> Read(const std::function<base::Result<void>(domain::Repositories&)>& work) override;
    base::Result<void> Write(const std::function<base::Result<void>(domain::Repositories&)>& work) override;
    base::Result<std::int64_t> AuthVersion() override;

    int schema_version() const;

    struct Impl;

private:
    explicit PostgresStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace chibo::storage::postgres
