#include "EmbeddedAuditStore.h"

#include "core/db/Database.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "sync/protocol/AuditProtocol.h"

namespace practica::sync {

using core::ErrorCode;
using core::Statement;

namespace {

constexpr const char* kEventColumns =
    "SELECT clinic_id, device_id, seq, event_id, at_ms, user_id, username, role, event_device, action, entity, "
    "record_id, detail, prev_hash, hash, pushed_by_id, pushed_by, received_ms, problem FROM srv_audit_event ";

StoredAuditEvent storedFromRow(const Statement& r)
{
    StoredAuditEvent s;
    s.clinicId = r.text(0);
    s.chainDevice = r.text(1);
    core::AuditEvent& e = s.event;
    e.seq = r.int64(2);
    e.id = r.text(3);
    e.atMs = r.int64(4);
    e.userId = r.text(5);
    e.username = r.text(6);
    e.role = r.text(7);
    e.deviceId = r.text(8);
    e.action = r.text(9);
    e.entity = r.text(10);
    e.recordId = r.text(11);
    e.detail = r.text(12);
    e.prevHash = r.text(13);
    e.hash = r.text(14);
    s.pushedById = r.text(15);
    s.pushedBy = r.text(16);
    s.receivedMs = r.int64(17);
    s.problem = r.text(18);
    return s;
}

class EmbeddedAuditTransaction final : public AuditTransaction
{
public:
    EmbeddedAuditTransaction(core::Database& db, std::recursive_mutex& mutex, std::string clinicId, std::string device)
        : m_lock(mutex), m_db(db), m_tx(db), m_clinic(std::move(clinicId)), m_device(std::move(device))
    {
    }

    const Status& begun() const { return m_tx.begun(); }

    Result<std::optional<std::pair<std::int64_t, std::string>>> head() override
    {
        auto stmt = m_db.prepare("SELECT seq, hash FROM srv_audit_event WHERE clinic_id = ? AND device_id = ? "
                                 "ORDER BY seq DESC LIMIT 1;");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, m_clinic).bind(2, m_device);
        auto rows = stmt->template all<std::pair<std::int64_t, std::string>>([](const Statement& r) {
            return std::pair{r.int64(0), r.text(1)};
        });
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->empty())
            return std::optional<std::pair<std::int64_t, std::string>>{};
        return std::optional(rows->front());
    }

    Result<std::optional<StoredAuditEvent>> event(std::int64_t seq) override
    {
        auto stmt = m_db.prepare(std::string(kEventColumns) + "WHERE clinic_id = ? AND device_id = ? AND seq = ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, m_clinic).bind(2, m_device).bind(3, seq);
        auto rows = stmt->template all<StoredAuditEvent>(storedFromRow);
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->empty())
            return std::optional<StoredAuditEvent>{};
        return std::optional(std::move(rows->front()));
    }

    Status append(const StoredAuditEvent& s) override
    {
        if (auto taken = event(s.event.seq); !taken || *taken)
            return taken ? core::fail(ErrorCode::AlreadyExists, "seq", std::to_string(s.event.seq))
                         : Status(std::unexpected(taken.error()));
        auto stmt = m_db.prepare(
            "INSERT INTO srv_audit_event (clinic_id, device_id, seq, event_id, at_ms, user_id, username, role, "
            "event_device, action, entity, record_id, detail, prev_hash, hash, pushed_by_id, pushed_by, received_ms, "
            "problem) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);");
        if (!stmt)
            return std::unexpected(stmt.error());
        const core::AuditEvent& e = s.event;
        stmt->bind(1, m_clinic).bind(2, m_device).bind(3, e.seq).bind(4, e.id).bind(5, e.atMs).bind(6, e.userId);
        stmt->bind(7, e.username).bind(8, e.role).bind(9, e.deviceId).bind(10, e.action).bind(11, e.entity);
        stmt->bind(12, e.recordId).bind(13, e.detail).bind(14, e.prevHash).bind(15, e.hash);
        stmt->bind(16, s.pushedById).bind(17, s.pushedBy).bind(18, s.receivedMs).bind(19, s.problem);
        return stmt->run();
    }

    Result<bool> recordFinding(const AuditFinding& f) override
    {
        auto known = m_db.prepare("SELECT count(*) FROM srv_audit_finding WHERE clinic_id = ? AND device_id = ? "
                                  "AND seq = ? AND problem = ? AND hash = ?;");
        if (!known)
            return std::unexpected(known.error());
        known->bind(1, m_clinic).bind(2, m_device).bind(3, f.seq).bind(4, f.problem).bind(5, f.event.hash);
        auto count = known->scalar();
        if (!count)
            return std::unexpected(count.error());
        if (*count > 0)
            return false;
        auto stmt = m_db.prepare("INSERT INTO srv_audit_finding (clinic_id, device_id, seq, problem, event, hash, "
                                 "stored_hash, pushed_by_id, pushed_by, found_ms) VALUES (?,?,?,?,?,?,?,?,?,?);");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, m_clinic).bind(2, m_device).bind(3, f.seq).bind(4, f.problem).bind(5, encodeAuditEvent(f.event));
        stmt->bind(6, f.event.hash).bind(7, f.storedHash).bind(8, f.pushedById).bind(9, f.pushedBy).bind(10, f.foundMs);
        if (Status s = stmt->run(); !s)
            return std::unexpected(s.error());
        return true;
    }

    Status commit() override { return m_tx.commit(); }

private:
    std::unique_lock<std::recursive_mutex> m_lock;
    core::Database& m_db;
    core::Transaction m_tx;
    std::string m_clinic;
    std::string m_device;
};

} // namespace

Result<std::unique_ptr<AuditTransaction>> EmbeddedAuditStore::beginAudit(const std::string& clinicId,
                                                                         const std::string& chainDevice)
{
    auto tx = std::make_unique<EmbeddedAuditTransaction>(m_db, m_mutex, clinicId, chainDevice);
    if (!tx->begun())
        return std::unexpected(tx->begun().error());
    return std::unique_ptr<AuditTransaction>(std::move(tx));
}

Result<std::vector<std::string>> EmbeddedAuditStore::auditDevices(const std::string& clinicId)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("SELECT device_id FROM srv_audit_event WHERE clinic_id = ? UNION "
                             "SELECT device_id FROM srv_audit_finding WHERE clinic_id = ? ORDER BY 1;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId).bind(2, clinicId);
    return stmt->all<std::string>([](const Statement& r) { return r.text(0); });
}

Result<std::vector<StoredAuditEvent>> EmbeddedAuditStore::auditChain(const std::string& clinicId,
                                                                     const std::string& chainDevice,
                                                                     std::int64_t afterSeq, int limit)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare(std::string(kEventColumns) +
                             "WHERE clinic_id = ? AND device_id = ? AND seq > ? ORDER BY seq LIMIT ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId).bind(2, chainDevice).bind(3, afterSeq).bind(4, limit);
    return stmt->all<StoredAuditEvent>(storedFromRow);
}

Result<std::vector<AuditFinding>> EmbeddedAuditStore::auditFindings(const std::string& clinicId,
                                                                    const std::string& chainDevice)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db.prepare("SELECT seq, problem, event, stored_hash, pushed_by_id, pushed_by, found_ms FROM "
                             "srv_audit_finding WHERE clinic_id = ? AND device_id = ? ORDER BY seq, found_ms;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId).bind(2, chainDevice);
    return stmt->all<AuditFinding>([&](const Statement& r) {
        AuditFinding f;
        f.clinicId = clinicId;
        f.chainDevice = chainDevice;
        f.seq = r.int64(0);
        f.problem = r.text(1);
        f.event = decodeAuditEvent(r.text(2)).value_or(core::AuditEvent{});
        f.storedHash = r.text(3);
        f.pushedById = r.text(4);
        f.pushedBy = r.text(5);
        f.foundMs = r.int64(6);
        return f;
    });
}

Result<std::vector<StoredAuditEvent>> EmbeddedAuditStore::auditEventsBetween(const std::string& clinicId,
                                                                             std::int64_t fromMs, std::int64_t toMs,
                                                                             std::int64_t afterAt,
                                                                             const std::string& afterDevice,
                                                                             std::int64_t afterSeq, int limit)
{
    std::lock_guard lock(m_mutex);
    // (at, device, seq) > (afterAt, afterDevice, afterSeq), spelled out for SQLite without row values.
    auto stmt =
        m_db.prepare(std::string(kEventColumns) +
                     "WHERE clinic_id = ? AND at_ms >= ? AND at_ms < ? AND (at_ms > ? OR (at_ms = ? AND "
                     "(device_id > ? OR (device_id = ? AND seq > ?)))) ORDER BY at_ms, device_id, seq LIMIT ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId).bind(2, fromMs).bind(3, toMs).bind(4, afterAt).bind(5, afterAt).bind(6, afterDevice);
    stmt->bind(7, afterDevice).bind(8, afterSeq).bind(9, limit);
    return stmt->all<StoredAuditEvent>(storedFromRow);
}

} // namespace practica::sync
