// Writes the two records that accompany every store write, inside the store's transaction:
// the outbox change for sync (fields with their HLC) and the audit event.
#pragma once

#include "core/Error.h"
#include "core/audit/AuditLog.h"
#include "core/changes/HybridClock.h"
#include "core/crypto/SecretKey.h"
#include "core/sync/SyncChange.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

class Database;
struct Actor;

enum class ChangeOp
{
    Upsert,
    Delete
};

struct OutboxChange
{
    std::int64_t seq = 0;
    std::string changeId;
    std::string entity;
    std::string rowId;
    std::string op;
    std::string fieldsJson;
    std::string hlc;
    std::optional<std::string> baseHlc;
};

class ChangeJournal
{
public:
    ChangeJournal(Database& db, HybridClock& hlc, const Clock& clock, const Actor& actor)
        : m_db(db), m_hlc(hlc), m_clock(clock), m_actor(actor), m_audit(db)
    {
    }

    // A fresh HLC stamp for this write; persisted so stamps stay monotonic across restarts.
    Result<std::string> stamp();
    // Appends the outbox row: the changed fields as JSON, all stamped with the write's hlc.
    Status recordChange(std::string_view entity, const std::string& rowId, ChangeOp op,
                        const std::vector<FieldValue>& fields, const std::string& hlc,
                        const std::optional<std::string>& baseHlc = std::nullopt);
    // Writes a row of a synced table from its field list (INSERT of every field, or UPDATE of the changed
    // ones), with its field versions, outbox change and audit event. Table and field names come from the
    // calling store, never from input.
    Status writeRow(std::string_view table, const std::string& id, const std::vector<FieldValue>& fields, bool creating,
                    const std::string& hlc, const std::optional<std::string>& baseHlc = std::nullopt);
    struct RowWrite
    {
        std::optional<std::string> baseHlc{};
        // Columns this workstation computes from the fields (a search name): written with the row in the
        // same statement, never synced and never stamped.
        std::vector<FieldValue> derived{};
        // What the audit event says, instead of the changed fields' names; no event when audited is false
        // (a store that audits the whole operation itself, as a merge does).
        std::string auditDetail{};
        bool audited = true;
    };
    Status writeRow(std::string_view table, const std::string& id, const std::vector<FieldValue>& fields, bool creating,
                    const std::string& hlc, const RowWrite& write);
    // Records that the changed fields of an existing row now carry hlc (the row's field_hlc map),
    // so a later merge can compare versions field by field.
    Status stampFields(std::string_view table, const std::string& rowId, const std::vector<FieldValue>& changed,
                       const std::string& hlc);
    Status audit(AuditAction action, std::string_view entity, const std::string& recordId,
                 std::string_view detail = {});

    Result<std::vector<OutboxChange>> pending(int limit);
    Result<std::int64_t> pendingCount();

    // The acting user's key for signing their changes (core/sync/ChangeSignature.h); without one, the
    // changes go out unsigned and the server authorizes them as the account that pushes them.
    void setSigningKey(SecretKey key) { m_signingKey = std::move(key); }
    const SecretKey* signingKey() const { return m_signingKey ? &*m_signingKey : nullptr; }

    const Clock& clock() const { return m_clock; }
    AuditLog& auditLog() { return m_audit; }

private:
    Database& m_db;
    HybridClock& m_hlc;
    const Clock& m_clock;
    const Actor& m_actor;
    AuditLog m_audit;
    std::optional<SecretKey> m_signingKey;
};

} // namespace practica::core

namespace practica::core {
// The row's field_hlc map with the changed fields stamped by hlc.
std::string stampFieldVersions(const std::string& fieldHlcJson, const std::vector<FieldValue>& changed,
                               const std::string& hlc);
// Fields whose values differ between two snapshots of a row.
std::vector<FieldValue> changedFields(const std::vector<FieldValue>& before, const std::vector<FieldValue>& after);
} // namespace practica::core
