// Which tables of the workstation's database sync and which of their columns are record content:
// every table with per-field versions (field_hlc) syncs, so a new record type needs no sync code; the
// columns a record type declares derived are not content. Read once from the schema and kept; names
// from here are safe to put into SQL text.
#pragma once

#include "core/Error.h"
#include "core/records/RecordType.h"

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
    SyncSchema(Database& db, const RecordTypes& types) : m_db(db), m_types(types) {}

    // The synced tables, by name.
    Result<const std::set<std::string>*> tables();
    Result<bool> isSynced(const std::string& table);
    // The table's content columns in name order (no id, no version bookkeeping, no derived columns);
    // NotFound when the table does not sync.
    Result<const std::vector<std::string>*> columns(const std::string& table);
    // Columns computed on each workstation from other fields: never sent, rebuilt after a merge.
    bool isDerived(const std::string& table, const std::string& column) const;

private:
    Database& m_db;
    const RecordTypes& m_types;
    std::optional<std::set<std::string>> m_tables;
    std::map<std::string, std::vector<std::string>> m_columns;
};

} // namespace practica::core
