#include "storage/sql/migrations.hpp"

#include <soci/soci.h>

#include <set>
#include <stdexcept>

#include "base/date.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {

int RunMigrations(soci::session& session, const std::vector<Migration>& migrations) {
    Exec(session,
         "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
         "applied_at TEXT NOT NULL)");
    std::set<std::int64_t> done;
    for (const Row& r : Query(session, "SELECT version FROM schema_migrations")) done.insert(r.Int(0));
    const std::int64_t current = done.empty() ? 0 : *done.rbegin();
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    if (current > newest) {
        throw std::runtime_error("database schema version " + std::to_string(current) +
                                 " is newer than this program (" + std::to_string(newest) + ")");
    }
    int applied = 0;
    // Every migration not recorded, not only those above the newest recorded: branches developed side by
    // side each add a version, and a database that took a later one first still gets the earlier one.
    for (const Migration& m : migrations) {
        if (done.contains(m.version)) continue;
        soci::transaction tx(session);
        for (const std::string& statement : m.statements) Exec(session, statement);
        Exec(session, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
             Params().Int(m.version).Text(m.name).Text(base::NowIsoTimestamp()));
        tx.commit();
        ++applied;
    }
    return applied;
}

}  // namespace chibo::storage::sql
