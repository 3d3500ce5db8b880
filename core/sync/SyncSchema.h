// Which tables of the workstation's database sync and which of their columns are record content:
// every table with per-field versions (field_hlc) syncs, so a new record type needs no sync code.
// Read once from the schema and kept; names from here are safe to put into SQL text.
#pragma once

#include "core/Error.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace practica::core {

class Database;

class SyncSchema
{
public:
    explicit SyncSchema(Database& db) : m_db(db) {}

    // The synced tables, by name.
    Result<const std::set<std::string>*> tables();
    Result<bool> isSynced(const std::string& table);
    // The table's content columns in name order (no id, no version bookkeeping, no derived columns);
    // NotFound when the table does not sync.
    Result<const std::vector<std::string>*> columns(const std::string& table);
    // Columns computed on each workstation from other fields: never sent, rebuilt after a merge.
    static bool isDerived(const std::string& table, const std::string& column);

private:
    Database& m_db;
    std::optional<std::set<std::string>> m_tables;
    std::map<std::string, std::vector<std::string>> m_columns;
};

} // namespace practica::core
