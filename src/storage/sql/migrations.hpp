#pragma once

#include <string>
#include <vector>

namespace soci {
class session;
}

namespace chibo::storage::sql {

// One schema change: statements run in order, in one transaction, recorded in schema_migrations.
struct Migration {
    int version;
    std::string name;
    std::vector<std::string> statements;
};

// Applies the migrations the database has not recorded, in the order given (by version). Returns the number
// applied.
// Throws when a migration fails (its transaction is rolled back) or when the database is newer than
// this program.
int RunMigrations(soci::session& session, const std::vector<Migration>& migrations);

}  // namespace chibo::storage::sql
