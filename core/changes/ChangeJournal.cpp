#include "ChangeJournal.h"

#include "core/auth/Session.h"
#include "core/db/Database.h"
#include "core/db/Statement.h"
#include "core/sync/ChangeSignature.h"
#include "core/util/Uuid.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <sstream>

namespace practica::core {

Result<std::string> ChangeJournal::stamp()
{
    // Another connection of this workstation (the sync worker beside the GUI) may have stamped since:
    // its last stamp is in the database, read here inside the caller's write transaction, so stamps
    // stay unique and increasing across connections.
    auto last = m_db.prepare("SELECT value FROM workstation_setting WHERE key = 'hlc_last';");
    if (!last)
        return std::unexpected(last.error());
    auto values = last->all<std::string>([](const Statement& r) { return r.text(0); });
    if (!values)
        return std::unexpected(values.error());
    HlcStamp stored;
    if (!values->empty() && HlcStamp::parse(values->front(), stored) && m_hlc.last() < stored)
        m_hlc.observe(stored);
    const HlcStamp s = m_hlc.now();
    const std::string text = s.toString();
    auto save = m_db.prepare("INSERT OR REPLACE INTO workstation_setting (key, value) VALUES ('hlc_last', ?);");
    if (!save)
        return std::unexpected(save.error());
    if (Status st = save->bind(1, text).run(); !st)
        return std::unexpected(st.error());
    return text;
}

Status ChangeJournal::recordChange(std::string_view entity, const std::string& rowId, ChangeOp op,
                                   const std::vector<FieldValue>& fields, const std::string& hlc,
                                   const std::optional<std::string>& baseHlc)
{
    auto insert = m_db.prepare("INSERT INTO change_outbox (change_id, entity, row_id, op, fields, hlc, base_hlc, "
                               "created_ms, signed_by, signature) VALUES (?,?,?,?,?,?,?,?,?,?);");
    if (!insert)
        return std::unexpected(insert.error());
    SyncChange change;
    change.id = uuidV7(m_clock.nowMs());
    change.entity = std::string(entity);
    change.rowId = rowId;
    change.deleted = op == ChangeOp::Delete;
    change.hlc = hlc;
    change.baseHlc = baseHlc;
    change.fields = fields;
    std::optional<std::string> signedBy, signature;
    if (m_signingKey) {
        signedBy = m_actor.username;
        signature = signChange(*m_signingKey, change);
    }
    insert->bind(1, change.id).bind(2, entity).bind(3, rowId);
    insert->bind(4, op == ChangeOp::Upsert ? "upsert" : "delete").bind(5, fieldsToJson(fields)).bind(6, hlc);
    insert->bind(7, baseHlc).bind(8, m_clock.nowMs()).bind(9, signedBy).bind(10, signature);
    return insert->run();
}

Status ChangeJournal::writeRow(std::string_view table, const std::string& id, const std::vector<FieldValue>& fields,
                               bool creating, const std::string& hlc, const std::optional<std::string>& baseHlc)
{
    return writeRow(table, id, fields, creating, hlc, RowWrite{.baseHlc = baseHlc});
}

Status ChangeJournal::writeRow(std::string_view table, const std::string& id, const std::vector<FieldValue>& fields,
                               bool creating, const std::string& hlc, const RowWrite& write)
{
    std::string sql;
    if (creating) {
        sql = "INSERT INTO " + std::string(table) + " (id, created_hlc, updated_hlc";
        for (const auto* list : {&write.derived, &fields})
            for (const auto& f : *list)
                sql.append(", ").append(f.name);
        sql.append(") VALUES (?, ?, ?");
        for (std::size_t i = 0; i < write.derived.size() + fields.size(); ++i)
            sql.append(", ?");
        sql.append(");");
    } else {
        sql = "UPDATE " + std::string(table) + " SET updated_hlc = ?";
        for (const auto* list : {&write.derived, &fields})
            for (const auto& f : *list)
                sql.append(", ").append(f.name).append(" = ?");
        sql.append(" WHERE id = ?;");
    }
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    int i = 1;
    if (creating) {
        stmt->bind(1, id).bind(2, hlc).bind(3, hlc);
        i = 4;
    } else {
        stmt->bind(1, hlc);
        i = 2;
    }
    for (const auto* list : {&write.derived, &fields})
        for (const auto& f : *list)
            stmt->bind(i++, f.value);
    if (!creating)
        stmt->bind(i, id);
    if (Status st = stmt->run(); !st)
        return st;
    if (!creating && m_db.changes() != 1)
        return fail(ErrorCode::NotFound, std::string(table), id);
    if (!creating) {
        if (Status st = stampFields(table, id, fields, hlc); !st)
            return st;
    }
    // An edit always names a base, so the server can tell it from the row's creation.
    const std::optional<std::string> base =
        creating ? write.baseHlc : std::optional<std::string>(write.baseHlc.value_or(hlc));
    if (Status st = recordChange(table, id, ChangeOp::Upsert, fields, hlc, base); !st)
        return st;
    if (!write.audited)
        return {};
    std::string names = write.auditDetail;
    if (names.empty() && !creating)
        for (const auto& f : fields)
            names.append(names.empty() ? "" : ",").append(f.name);
    return audit(creating ? AuditAction::Create : AuditAction::Update, table, id, names);
}

Status ChangeJournal::stampFields(std::string_view table, const std::string& rowId,
                                  const std::vector<FieldValue>& changed, const std::string& hlc)
{
    // The table name comes from the calling store, never from input.
    auto read = m_db.prepare("SELECT field_hlc FROM " + std::string(table) + " WHERE id = ?;");
    if (!read)
        return std::unexpected(read.error());
    auto current = read->bind(1, rowId).one<std::string>([](const Statement& r) { return r.text(0); }, table, rowId);
    if (!current)
        return std::unexpected(current.error());
    auto write = m_db.prepare("UPDATE " + std::string(table) + " SET field_hlc = ? WHERE id = ?;");
    if (!write)
        return std::unexpected(write.error());
    return write->bind(1, stampFieldVersions(*current, changed, hlc)).bind(2, rowId).run();
}

Status ChangeJournal::audit(AuditAction action, std::string_view entity, const std::string& recordId,
                            std::string_view detail)
{
    AuditEvent e;
    e.id = uuidV7(m_clock.nowMs());
    e.atMs = m_clock.nowMs();
    e.userId = m_actor.userId;
    e.username = m_actor.username;
    e.role = std::string(roleName(m_actor.role));
    e.deviceId = m_hlc.deviceId();
    e.action = std::string(auditActionName(action));
    e.entity = std::string(entity);
    e.recordId = recordId;
    e.detail = std::string(detail);
    return m_audit.append(std::move(e));
}

Result<std::vector<OutboxChange>> ChangeJournal::pending(int limit)
{
    auto stmt = m_db.prepare("SELECT seq, change_id, entity, row_id, op, fields, hlc, base_hlc FROM change_outbox "
                             "ORDER BY seq LIMIT ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, limit);
    return stmt->all<OutboxChange>([](const Statement& r) {
        return OutboxChange{r.int64(0), r.text(1), r.text(2), r.text(3),
                            r.text(4),  r.text(5), r.text(6), r.optionalText(7)};
    });
}

Result<std::int64_t> ChangeJournal::pendingCount()
{
    auto stmt = m_db.prepare("SELECT count(*) FROM change_outbox;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->scalar();
}

} // namespace practica::core

namespace practica::core {

std::string stampFieldVersions(const std::string& fieldHlcJson, const std::vector<FieldValue>& changed,
                               const std::string& hlc)
{
    auto stamps = parseFieldStamps(fieldHlcJson);
    for (const FieldValue& f : changed)
        stamps[f.name] = hlc;
    return fieldStampsToJson(stamps);
}

std::vector<FieldValue> changedFields(const std::vector<FieldValue>& before, const std::vector<FieldValue>& after)
{
    std::vector<FieldValue> out;
    for (const FieldValue& a : after) {
        bool same = false;
        for (const FieldValue& b : before)
            if (b.name == a.name) {
                same = b.value == a.value;
                break;
            }
        if (!same)
            out.push_back(a);
    }
    return out;
}

} // namespace practica::core
