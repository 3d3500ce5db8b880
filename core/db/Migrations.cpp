#include "Migrations.h"

#include "Database.h"
#include "Statement.h"
#include "Transaction.h"

#include <chrono>

namespace practica::core {

Result<int> schemaVersion(Database& db)
{
    if (Status s = db.execute("CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, "
                              "name TEXT NOT NULL, applied_ms INTEGER NOT NULL);");
        !s)
        return std::unexpected(s.error());
    auto stmt = db.prepare("SELECT coalesce(max(version), 0) FROM schema_migration;");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto version = stmt->scalar();
    if (!version)
        return std::unexpected(version.error());
    return static_cast<int>(*version);
}

Status migrate(Database& db, const std::vector<Migration>& migrations)
{
    auto current = schemaVersion(db);
    if (!current)
        return std::unexpected(current.error());
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    if (*current > newest)
        return fail(ErrorCode::SchemaTooNew, {}, std::to_string(*current));
    for (const Migration& m : migrations) {
        if (m.version <= *current)
            continue;
        Transaction tx(db);
        if (!tx.begun())
            return tx.begun();
        if (Status s = db.execute(m.sql); !s)
            return s;
        const auto now =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        auto insert = db.prepare("INSERT INTO schema_migration (version, name, applied_ms) VALUES (?, ?, ?);");
        if (!insert)
            return std::unexpected(insert.error());
        if (Status s = insert->bind(1, m.version).bind(2, m.name).bind(3, static_cast<std::int64_t>(now)).run(); !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    return {};
}

} // namespace practica::core
