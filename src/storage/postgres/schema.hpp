#pragma once

#include <vector>

#include "storage/sql/migrations.hpp"

namespace chibo::storage::postgres {

// Every schema version of the PostgreSQL engine, oldest first. Never edit a released migration; add one.
const std::vector<sql::Migration>& Migrations();

}  // namespace chibo::storage::postgres
