// The embedded store's audit chains: tables in the store's SQLCipher file, on its one connection and
// under its lock (a chain's push holds both from begin to commit).
#pragma once

#include "AuditStore.h"

#include <mutex>

namespace practica::core {
class Database;
}

namespace practica::sync {

class EmbeddedAuditStore final : public AuditStore
{
public:
    EmbeddedAuditStore(core::Database& db, std::recursive_mutex& mutex) : m_db(db), m_mutex(mutex) {}

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
    core::Database& m_db;
    std::recursive_mutex& m_mutex;
};

} // namespace practica::sync
