// Numbered schema migrations (core/db/migrations/NNNN_name.sql), applied in order and recorded in the database.
#pragma once

#include "core/Error.h"

#include <string>
#include <vector>

namespace practica::core {

class Database;

struct Migration
{
    int version;
    std::string name;
    std::string sql;
};

// The migrations compiled into this build, in version order.
const std::vector<Migration>& builtinMigrations();

// Applies every migration newer than the database's version, each in its own transaction.
// Refuses a database whose version is newer than this build knows.
Status migrate(Database& db, const std::vector<Migration>& migrations = builtinMigrations());
Result<int> schemaVersion(Database& db);

} // namespace practica::core
