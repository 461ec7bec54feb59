#pragma once

#include <memory>

#include "domain/store.hpp"

namespace soci {
class session;
}

namespace chibo::storage::sql {

// The domain repositories over one SOCI session, in SQL that SQLite and PostgreSQL both accept (SOCI
// rewrites ":name" placeholders per engine). Engines own their schema (migrations) and connections;
// the repositories only run queries inside the transaction their engine opened.
std::unique_ptr<domain::Repositories> MakeRepositories(soci::session& session);

}  // namespace chibo::storage::sql
