#include "SyncSchema.h"

#include "core/db/Database.h"
#include "core/db/Statement.h"

#include <algorithm>

namespace practica::core {

namespace {

// Columns every synced table has that are versions, not record content.
bool isBookkeeping(const std::string& column)
{
    return column == "id" || column == "created_hlc" || column == "updated_hlc" || column == "field_hlc";
}

// Column names of a table from the schema (SQLCipher 3.4 has no pragma_table_info function).
Result<std::vector<std::string>> tableColumns(Database& db, const std::string& table)
{
    // The name comes from sqlite_master or from a synced-table check, never straight from input.
    auto stmt = db.prepare("PRAGMA table_info(\"" + table + "\");");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto names = stmt->all<std::string>([](const Statement& r) { return r.text(1); });
    if (names)
        std::sort(names->begin(), names->end());
    return names;
}
} // namespace

bool SyncSchema::isDerived(const std::string& table, const std::string& column) const
{
    const RecordType* type = m_types.find(table);
    return type &&
           std::find(type->derivedColumns.begin(), type->derivedColumns.end(), column) != type->derivedColumns.end();
}

Result<const std::set<std::string>*> SyncSchema::tables()
{
    if (!m_tables) {
        auto stmt = m_db.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;");
        if (!stmt)
            return std::unexpected(stmt.error());
        auto names = stmt->all<std::string>([](const Statement& r) { return r.text(0); });
        if (!names)
            return std::unexpected(names.error());
        std::set<std::string> synced;
        for (const auto& name : *names) {
            auto cols = tableColumns(m_db, name);
            if (!cols)
                return std::unexpected(cols.error());
            if (std::binary_search(cols->begin(), cols->end(), std::string("field_hlc")))
                synced.insert(name);
        }
        m_tables = std::move(synced);
    }
    return &*m_tables;
}

Result<bool> SyncSchema::isSynced(const std::string& table)
{
    auto all = tables();
    if (!all)
        return std::unexpected(all.error());
    return (*all)->contains(table);
}

Result<const std::vector<std::string>*> SyncSchema::columns(const std::string& table)
{
    if (auto it = m_columns.find(table); it != m_columns.end())
        return &it->second;
    auto synced = isSynced(table);
    if (!synced)
        return std::unexpected(synced.error());
    if (!*synced)
        return fail(ErrorCode::NotFound, "table", table);
    auto names = tableColumns(m_db, table);
    if (!names)
        return std::unexpected(names.error());
    std::vector<std::string> out;
    for (auto& n : *names)
        if (!isBookkeeping(n) && !isDerived(table, n))
            out.push_back(std::move(n));
    return &(m_columns[table] = std::move(out));
}

} // namespace practica::core
