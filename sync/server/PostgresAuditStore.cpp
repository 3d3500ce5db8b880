#include "PostgresAuditStore.h"

#include "PostgresPool.h"
#include "sync/protocol/AuditProtocol.h"

namespace practica::sync {

using namespace pg;

namespace {

constexpr const char* kEventColumns =
    "SELECT clinic_id, device_id, seq, event_id, at_ms, user_id, username, role, event_device, action, entity, "
    "record_id, detail, prev_hash, hash, pushed_by_id, pushed_by, received_ms, problem FROM srv_audit_event ";

StoredAuditEvent storedFromRow(const PGresult* r, int i)
{
    StoredAuditEvent s;
    s.clinicId = text(r, i, 0);
    s.chainDevice = text(r, i, 1);
    core::AuditEvent& e = s.event;
    e.seq = integer(r, i, 2);
    e.id = text(r, i, 3);
    e.atMs = integer(r, i, 4);
    e.userId = text(r, i, 5);
    e.username = text(r, i, 6);
    e.role = text(r, i, 7);
    e.deviceId = text(r, i, 8);
    e.action = text(r, i, 9);
    e.entity = text(r, i, 10);
    e.recordId = text(r, i, 11);
    e.detail = text(r, i, 12);
    e.prevHash = text(r, i, 13);
    e.hash = text(r, i, 14);
    s.pushedById = text(r, i, 15);
    s.pushedBy = text(r, i, 16);
    s.receivedMs = integer(r, i, 17);
    s.problem = text(r, i, 18);
    return s;
}

Result<std::vector<StoredAuditEvent>> storedRows(const Result<PgResult>& res)
{
    if (!res)
        return std::unexpected(res.error());
    return all<StoredAuditEvent>(res->get(), storedFromRow);
}

class PostgresAuditTransaction final : public AuditTransaction
{
public:
    PostgresAuditTransaction(PostgresPool::Lease conn, std::string clinicId, std::string device)
        : m_conn(std::move(conn)), m_clinic(std::move(clinicId)), m_device(std::move(device))
    {
    }

    Status begin()
    {
        PGconn* c = m_conn.get();
        if (Status s = done(exec(c, "BEGIN")); !s)
            return s;
        if (Status s = done(exec(c,
                                 "INSERT INTO srv_audit_chain (clinic_id, device_id) VALUES ($1, $2) "
                                 "ON CONFLICT DO NOTHING",
                                 {m_clinic, m_device}));
            !s)
            return s;
        return done(exec(c, "SELECT 1 FROM srv_audit_chain WHERE clinic_id = $1 AND device_id = $2 FOR UPDATE",
                         {m_clinic, m_device}));
    }

    Result<std::optional<std::pair<std::int64_t, std::string>>> head() override
    {
        return first<std::pair<std::int64_t, std::string>>(
            exec(m_conn.get(),
                 "SELECT seq, hash FROM srv_audit_event WHERE clinic_id = $1 AND device_id = $2 ORDER BY seq DESC "
                 "LIMIT 1",
                 {m_clinic, m_device}),
            [](const PGresult* r, int i) {
                return std::pair{integer(r, i, 0), text(r, i, 1)};
            });
    }

    Result<std::optional<StoredAuditEvent>> event(std::int64_t seq) override
    {
        return first<StoredAuditEvent>(
            exec(m_conn.get(),
                 (std::string(kEventColumns) + "WHERE clinic_id = $1 AND device_id = $2 AND seq = $3").c_str(),
                 {m_clinic, m_device, seq}),
            storedFromRow);
    }

    Status append(const StoredAuditEvent& s) override
    {
        const core::AuditEvent& e = s.event;
        auto res =
            exec(m_conn.get(),
                 "INSERT INTO srv_audit_event (clinic_id, device_id, seq, event_id, at_ms, user_id, username, "
                 "role, event_device, action, entity, record_id, detail, prev_hash, hash, pushed_by_id, "
                 "pushed_by, received_ms, problem) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                 "$13, $14, $15, $16, $17, $18, $19)",
                 {m_clinic, m_device, e.seq, e.id, e.atMs, e.userId, e.username, e.role, e.deviceId, e.action, e.entity,
                  e.recordId, e.detail, e.prevHash, e.hash, s.pushedById, s.pushedBy, s.receivedMs, s.problem});
        if (!res && res.error().code == ErrorCode::AlreadyExists)
            return fail(ErrorCode::AlreadyExists, "seq", std::to_string(e.seq));
        return done(res);
    }

    Result<bool> recordFinding(const AuditFinding& f) override
    {
        auto res = exec(m_conn.get(),
                        "INSERT INTO srv_audit_finding (clinic_id, device_id, seq, problem, event, hash, stored_hash, "
                        "pushed_by_id, pushed_by, found_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                        "ON CONFLICT DO NOTHING",
                        {m_clinic, m_device, f.seq, f.problem, encodeAuditEvent(f.event), f.event.hash, f.storedHash,
                         f.pushedById, f.pushedBy, f.foundMs});
        if (!res)
            return std::unexpected(res.error());
        return affectedRows(res->get()) > 0;
    }

    Status commit() override { return committed(m_conn.get()); }

private:
    PostgresPool::Lease m_conn;
    std::string m_clinic;
    std::string m_device;
};

} // namespace

Result<std::unique_ptr<AuditTransaction>> PostgresAuditStore::beginAudit(const std::string& clinicId,
                                                                         const std::string& chainDevice)
{
    auto conn = m_pool->lease();
    if (!conn)
        return std::unexpected(conn.error());
    auto tx = std::make_unique<PostgresAuditTransaction>(std::move(*conn), clinicId, chainDevice);
    if (Status s = tx->begin(); !s)
        return std::unexpected(s.error());
    return std::unique_ptr<AuditTransaction>(std::move(tx));
}

Result<std::vector<std::string>> PostgresAuditStore::auditDevices(const std::string& clinicId)
{
    auto res = m_pool->run("SELECT device_id FROM srv_audit_event WHERE clinic_id = $1 UNION "
                           "SELECT device_id FROM srv_audit_finding WHERE clinic_id = $1 ORDER BY 1",
                           {clinicId});
    if (!res)
        return std::unexpected(res.error());
    return all<std::string>(res->get(), [](const PGresult* r, int i) { return text(r, i, 0); });
}

Result<std::vector<StoredAuditEvent>> PostgresAuditStore::auditChain(const std::string& clinicId,
                                                                     const std::string& chainDevice,
                                                                     std::int64_t afterSeq, int limit)
{
    return storedRows(m_pool->run(
        (std::string(kEventColumns) + "WHERE clinic_id = $1 AND device_id = $2 AND seq > $3 ORDER BY seq LIMIT $4")
            .c_str(),
        {clinicId, chainDevice, afterSeq, std::max(limit, 0)}));
}

Result<std::vector<AuditFinding>> PostgresAuditStore::auditFindings(const std::string& clinicId,
                                                                    const std::string& chainDevice)
{
    auto res = m_pool->run("SELECT seq, problem, event, stored_hash, pushed_by_id, pushed_by, found_ms FROM "
                           "srv_audit_finding WHERE clinic_id = $1 AND device_id = $2 ORDER BY seq, found_ms",
                           {clinicId, chainDevice});
    if (!res)
        return std::unexpected(res.error());
    return all<AuditFinding>(res->get(), [&](const PGresult* r, int i) {
        AuditFinding f;
        f.clinicId = clinicId;
        f.chainDevice = chainDevice;
        f.seq = integer(r, i, 0);
        f.problem = text(r, i, 1);
        f.event = decodeAuditEvent(text(r, i, 2)).value_or(core::AuditEvent{});
        f.storedHash = text(r, i, 3);
        f.pushedById = text(r, i, 4);
        f.pushedBy = text(r, i, 5);
        f.foundMs = integer(r, i, 6);
        return f;
    });
}

Result<std::vector<StoredAuditEvent>> PostgresAuditStore::auditEventsBetween(const std::string& clinicId,
                                                                             std::int64_t fromMs, std::int64_t toMs,
                                                                             std::int64_t afterAt,
                                                                             const std::string& afterDevice,
                                                                             std::int64_t afterSeq, int limit)
{
    return storedRows(m_pool->run((std::string(kEventColumns) +
                                   "WHERE clinic_id = $1 AND at_ms >= $2 AND at_ms < $3 AND (at_ms, device_id, seq) > "
                                   "($4, $5, $6) ORDER BY at_ms, device_id, seq LIMIT $7")
                                      .c_str(),
                                  {clinicId, fromMs, toMs, afterAt, afterDevice, afterSeq, std::max(limit, 0)}));
}

} // namespace practica::sync
