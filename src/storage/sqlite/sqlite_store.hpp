#pragma once

#include <memory>
#include <string>

#include "base/result.hpp"
#include "domain/store.hpp"

namespace soci {
class session;
}

namespace chibo::storage::sqlite {

// A single migrated session on the file at `path`, for tools that move whole tables (copy, backup).
std::unique_ptr<soci::session> OpenSession(const std::string& path);

// Copies the live database at `from` into the file `to` with SQLite's online backup API: a consistent
// snapshot even while the server writes. Throws on failure.
void OnlineBackup(const std::string& from, const std::string& to);

// The embedded default store: one SQLite file in WAL mode with foreign keys on. Readers run in
// parallel on a small pool of connections; writers are serialized by a mutex and BEGIN IMMEDIATE.
class SqliteStore final : public domain::Store {
public:
    // Opens (creating when missing) the database at `path` and applies pending migrations.
    static base::Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, int connections = 4);
    ~SqliteStore() override;

    base::Result<void> Read(const std::function<base::Result<void>(domain::Repositories&)>& work) override;
    base::Result<void> Write(const std::function<base::Result<void>(domain::Repositories&)>& work) override;
    base::Result<std::int64_t> AuthVersion() override;

    // The schema version after opening.
    int schema_version() const;

    struct Impl;

private:
    explicit SqliteStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace chibo::storage::sqlite
