#include "AuditLog.h"

#include "core/db/Database.h"
#include "core/db/Statement.h"

#include <sodium.h>

namespace practica::core {

std::string_view auditActionName(AuditAction a)
{
    switch (a) {
    case AuditAction::Create:
        return "create";
    case AuditAction::Update:
        return "update";
    case AuditAction::Read:
        return "read";
    case AuditAction::Search:
        return "search";
    case AuditAction::Merge:
        return "merge";
    case AuditAction::Login:
        return "login";
    case AuditAction::LoginFailed:
        return "login_failed";
    case AuditAction::Lock:
        return "lock";
    case AuditAction::Unlock:
        return "unlock";
    case AuditAction::Export:
        return "export";
    case AuditAction::Rekey:
        return "rekey";
    case AuditAction::Verify:
        return "verify";
    case AuditAction::SyncApply:
        return "sync_apply";
    case AuditAction::SyncResolve:
        return "sync_resolve";
    case AuditAction::SyncPurge:
        return "sync_purge";
    }
    return "unknown";
}

std::string AuditLog::computeHash(const AuditEvent& e)
{
    // Unit separators between fields make the encoding unambiguous.
    const std::string canonical = e.prevHash + '\x1f' + std::to_string(e.seq) + '\x1f' + e.id + '\x1f' +
                                  std::to_string(e.atMs) + '\x1f' + e.userId + '\x1f' + e.username + '\x1f' + e.role +
                                  '\x1f' + e.deviceId + '\x1f' + e.action + '\x1f' + e.entity + '\x1f' + e.recordId +
                                  '\x1f' + e.detail;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

Status AuditLog::append(AuditEvent e)
{
    auto head = m_db.prepare("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1;");
    if (!head)
        return std::unexpected(head.error());
    auto row = head->step();
    if (!row)
        return std::unexpected(row.error());
    e.seq = *row ? head->int64(0) + 1 : 1;
    e.prevHash = *row ? head->text(1) : kGenesisHash;
    e.hash = computeHash(e);

    auto insert = m_db.prepare("INSERT INTO audit_event (seq, id, at_ms, user_id, username, role, device_id, action, "
                               "entity, record_id, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?);");
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, e.seq).bind(2, e.id).bind(3, e.atMs).bind(4, e.userId).bind(5, e.username).bind(6, e.role);
    insert->bind(7, e.deviceId).bind(8, e.action).bind(9, e.entity).bind(10, e.recordId).bind(11, e.detail);
    insert->bind(12, e.prevHash).bind(13, e.hash);
    if (Status s = insert->run(); !s)
        return s;
    // The head is kept apart from the chain so that removing events from the end is noticed too.
    auto setHead = m_db.prepare("INSERT OR REPLACE INTO workstation_setting (key, value) VALUES ('audit_head', ?);");
    if (!setHead)
        return std::unexpected(setHead.error());
    return setHead->bind(1, std::to_string(e.seq) + ":" + e.hash).run();
}

namespace {
AuditEvent readEvent(const Statement& s)
{
    AuditEvent e;
    e.seq = s.int64(0);
    e.id = s.text(1);
    e.atMs = s.int64(2);
    e.userId = s.text(3);
    e.username = s.text(4);
    e.role = s.text(5);
    e.deviceId = s.text(6);
    e.action = s.text(7);
    e.entity = s.text(8);
    e.recordId = s.text(9);
    e.detail = s.text(10);
    e.prevHash = s.text(11);
    e.hash = s.text(12);
    return e;
}
constexpr const char* kColumns =
    "seq, id, at_ms, user_id, username, role, device_id, action, entity, record_id, detail, prev_hash, hash";
} // namespace

Result<AuditVerification> AuditLog::verify()
{
    AuditVerification result;
    auto stmt = m_db.prepare(std::string("SELECT ") + kColumns + " FROM audit_event ORDER BY seq;");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::string previous = kGenesisHash;
    std::int64_t expectedSeq = 1;
    auto mark = [&](std::int64_t seq, std::string problem) {
        result.intact = false;
        result.firstBadSeq = seq;
        result.problem = std::move(problem);
    };
    while (true) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        const AuditEvent e = readEvent(*stmt);
        result.eventsChecked += 1;
        if (e.seq != expectedSeq) {
            mark(e.seq, "gap before");
            return result;
        }
        if (e.prevHash != previous) {
            mark(e.seq, "broken link");
            return result;
        }
        if (computeHash(e) != e.hash) {
            mark(e.seq, "hash mismatch");
            return result;
        }
        previous = e.hash;
        expectedSeq += 1;
    }
    auto head = m_db.prepare("SELECT value FROM workstation_setting WHERE key = 'audit_head';");
    if (!head)
        return std::unexpected(head.error());
    auto row = head->step();
    if (!row)
        return std::unexpected(row.error());
    const std::string expectedHead = *row ? head->text(0) : std::string();
    const std::string actualHead =
        result.eventsChecked == 0 ? std::string() : std::to_string(expectedSeq - 1) + ":" + previous;
    if (expectedHead != actualHead)
        mark(expectedSeq, "head mismatch: events missing at the end");
    return result;
}

Result<std::vector<AuditEvent>> AuditLog::recent(int limit, std::int64_t beforeSeq)
{
    auto stmt = m_db.prepare(std::string("SELECT ") + kColumns +
                             " FROM audit_event WHERE (? = 0 OR seq < ?) ORDER BY seq DESC LIMIT ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, beforeSeq).bind(2, beforeSeq).bind(3, limit);
    return stmt->all<AuditEvent>(readEvent);
}

Result<std::vector<AuditEvent>> AuditLog::forRecord(std::string_view entity, const std::string& recordId)
{
    auto stmt = m_db.prepare(std::string("SELECT ") + kColumns +
                             " FROM audit_event WHERE entity = ? AND record_id = ? ORDER BY seq;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, entity).bind(2, recordId);
    return stmt->all<AuditEvent>(readEvent);
}

Result<std::vector<AuditEvent>> AuditLog::after(std::int64_t afterSeq, int limit)
{
    auto stmt =
        m_db.prepare(std::string("SELECT ") + kColumns + " FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, afterSeq).bind(2, limit);
    return stmt->all<AuditEvent>(readEvent);
}

Result<std::int64_t> AuditLog::acknowledgedSeq()
{
    auto stmt = m_db.prepare("SELECT coalesce(max(acknowledged_seq), 0) FROM audit_upload;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->scalar();
}

Status AuditLog::setAcknowledgedSeq(std::int64_t seq)
{
    auto stmt = m_db.prepare("UPDATE audit_upload SET acknowledged_seq = ? WHERE id = 1;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, seq).run();
}

} // namespace practica::core
