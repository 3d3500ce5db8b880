// The PostgreSQL store's audit chains: a chain's push holds its srv_audit_chain row lock from begin
// to commit, so pushes of one device take turns whichever server process serves them.
#pragma once

#include "AuditStore.h"

#include <memory>

namespace practica::sync {

namespace pg {
class PostgresPool;
}

class PostgresAuditStore final : public AuditStore
{
public:
    explicit PostgresAuditStore(std::shared_ptr<pg::PostgresPool> pool) : m_pool(std::move(pool)) {}

    Result<std::unique_ptr<AuditTransaction>> beginAudit(const std::string& clinicId,
                                                         const std::string& chainDevice) override;
    Result<std::vector<std::string>> auditDevices(const std::string& clinicId) override;
    Result<std::vector<StoredAuditEvent>> auditChain(const std::string& clinicId, const std::string& chainDevice,
                                                     std::int64_t afterSeq, int limit) override;
    Result<std::vector<AuditFinding>> auditFindings(const std::string& clinicId,
                                                    const std::string& chainDevice) override;
    Result<std::vector<StoredAuditEvent>> auditEventsBetween(const std::string& clinicId, std::int64_t fromMs,
                                                             std::int64_t toMs, std::int64_t afterAt,
                                                             const std::string& afterDevice, std::int64_t afterSeq,
                                                             int limit) override;

private:
    std::shared_ptr<pg::PostgresPool> m_pool;
};

} // namespace practica::sync
