#include "ScopePurge.h"

#include "core/auth/Session.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/sync/ChangeMerger.h"

#include <algorithm>

namespace practica::core {

namespace {

// Rows of the table that no outgoing change and no open conflict holds: the server has all of them.
// The statement binds the table's name as ?1.
constexpr const char* kSettled = " id NOT IN (SELECT row_id FROM change_outbox WHERE entity = ?1) AND id NOT IN "
                                 "(SELECT row_id FROM sync_conflict WHERE entity = ?1 AND resolved_ms IS NULL)";

} // namespace

Result<std::int64_t> ScopePurge::run(const SyncScope& scope)
{
    if (scope.isAll())
        return 0;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    std::int64_t purged = 0;
    for (const RecordType& type : m_types.all()) {
        auto synced = m_schema.isSynced(type.name);
        if (!synced)
            return std::unexpected(synced.error());
        if (!*synced)
            continue;
        Result<std::int64_t> n = 0;
        if (!scope.reads(type)) {
            n = removeRows(type);
        } else {
            std::vector<std::string> withheld;
            for (const RecordType::ReadGuard& g : type.readGuarded)
                if (!scope.readsField(type, g.field))
                    withheld.push_back(g.field);
            if (!withheld.empty())
                n = emptyFields(type, withheld);
        }
        if (!n)
            return std::unexpected(n.error());
        purged += *n;
    }
    if (purged > 0)
        if (Status s = m_session.journal().audit(AuditAction::SyncPurge, "sync", scope.name(),
                                                 std::to_string(purged) + " rows outside the scope " + scope.name());
            !s)
            return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return purged;
}

Result<std::int64_t> ScopePurge::removeRows(const RecordType& type)
{
    // Table names come from the declarations, checked against the schema: safe in SQL text.
    Database& db = m_session.db();
    auto ids = db.prepare("SELECT id FROM " + type.name + " WHERE" + kSettled + ";");
    if (!ids)
        return std::unexpected(ids.error());
    ids->bind(1, type.name);
    auto rows = ids->all<std::string>([](const Statement& r) { return r.text(0); });
    if (!rows)
        return std::unexpected(rows.error());
    auto remove = db.prepare("DELETE FROM " + type.name + " WHERE id = ?;");
    auto history = db.prepare("DELETE FROM field_history WHERE entity = ? AND row_id = ?;");
    auto parked = db.prepare("DELETE FROM sync_parked WHERE entity = ? AND row_id = ?;");
    if (!remove || !history || !parked)
        return std::unexpected(!remove ? remove.error() : !history ? history.error() : parked.error());
    std::int64_t removed = 0;
    for (const std::string& id : *rows) {
        remove->reset();
        if (Status s = remove->bind(1, id).run(); !s) {
            if (isParkable(s.error()))
                continue; // a record the scope reads refers to it
            return std::unexpected(s.error());
        }
        history->reset();
        parked->reset();
        if (Status s = history->bind(1, type.name).bind(2, id).run(); !s)
            return std::unexpected(s.error());
        if (Status s = parked->bind(1, type.name).bind(2, id).run(); !s)
            return std::unexpected(s.error());
        ++removed;
    }
    return removed;
}

Result<std::int64_t> ScopePurge::emptyFields(const RecordType& type, const std::vector<std::string>& fields)
{
    Database& db = m_session.db();
    auto columns = m_schema.columns(type.name);
    if (!columns)
        return std::unexpected(columns.error());
    std::string anyHeld, cleared;
    for (const std::string& f : fields) {
        if (!std::binary_search((*columns)->begin(), (*columns)->end(), f))
            continue; // a field this database does not have yet
        anyHeld.append(anyHeld.empty() ? "(" : " OR ").append(f + " IS NOT NULL");
        cleared.append(", ").append(f + " = NULL");
    }
    if (anyHeld.empty())
        return 0;
    auto read = db.prepare("SELECT id, field_hlc FROM " + type.name + " WHERE " + anyHeld + ") AND" + kSettled + ";");
    if (!read)
        return std::unexpected(read.error());
    read->bind(1, type.name);
    auto rows = read->all<std::pair<std::string, std::string>>(
        [](const Statement& r) { return std::pair(r.text(0), r.text(1)); });
    if (!rows)
        return std::unexpected(rows.error());
    auto update = db.prepare("UPDATE " + type.name + " SET field_hlc = ?" + cleared + " WHERE id = ?;");
    auto history = db.prepare("DELETE FROM field_history WHERE entity = ? AND row_id = ? AND field = ?;");
    if (!update || !history)
        return std::unexpected(!update ? update.error() : history.error());
    std::int64_t emptied = 0;
    for (const auto& [id, stampsText] : *rows) {
        // Without its stamp the field is as if never received: a wider scope's pull brings it back.
        auto stamps = parseFieldStamps(stampsText);
        for (const std::string& f : fields)
            stamps.erase(f);
        update->reset();
        if (Status s = update->bind(1, fieldStampsToJson(stamps)).bind(2, id).run(); !s) {
            if (isParkable(s.error()))
                continue; // the table requires the field: it stays until the declaration and table agree
            return std::unexpected(s.error());
        }
        for (const std::string& f : fields) {
            history->reset();
            if (Status s = history->bind(1, type.name).bind(2, id).bind(3, f).run(); !s)
                return std::unexpected(s.error());
        }
        if (Status s = m_merger.afterWrite(type.name, id); !s)
            return std::unexpected(s.error());
        ++emptied;
    }
    return emptied;
}

} // namespace practica::core
