#pragma once

#include <memory>

#include "domain/repository.hpp"

namespace soci {
class session;
}

namespace chibo::storage::sql {

// The domain repositories over one SOCI session, in SQL that SQLite and PostgreSQL both accept (SOCI
// rewrites ":name" placeholders per engine). Engines own their schema (migrations) and connections;
// this class only runs queries inside the transaction its engine opened.
std::unique_ptr<domain::Repositories> MakeRepositories(soci::session& session);

}  // namespace chibo::storage::sql
