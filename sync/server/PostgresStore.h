// practica-server's PostgreSQL store, for several server processes sharing one database. Calls come
// from many threads at once, each on a connection of its own from a small pool; a push holds its
// connection, and the clinic's counter row lock, from begin to commit.
#pragma once

#include "PostgresAuditStore.h"
#include "ServerStore.h"
#include "core/db/Migrations.h"

#include <memory>

namespace practica::sync {

const std::vector<core::Migration>& postgresStoreMigrations();

namespace pg {
class PostgresPool;
}

class PostgresStore final : public ServerStore
{
public:
    static constexpr int kMaxConnections = 16;

    // Connects to conninfo (a postgresql:// URI or key=value pairs) to check that the server is there;
    // Offline when it cannot be reached. Does not migrate.
    static Result<std::unique_ptr<PostgresStore>> open(const std::string& conninfo,
                                                       int maxConnections = kMaxConnections);
    ~PostgresStore() override;
    PostgresStore(const PostgresStore&) = delete;
    PostgresStore& operator=(const PostgresStore&) = delete;

    // Safe to run from several processes at once: they take turns on an advisory lock.
    Status migrate() override;
    Status createClinic(const ServerClinic& clinic) override;
    Result<std::optional<ServerClinic>> clinic(const std::string& clinicId) override;
    Status createUser(const ServerUser& user) override;
    Result<std::optional<ServerUser>> user(const std::string& clinicId, const std::string& username) override;
    Result<std::optional<ServerUser>> userById(const std::string& userId) override;
    Status recordLogin(const std::string& userId, int failedLogins, std::int64_t lockedUntilMs) override;
    Status setPassword(const std::string& userId, const std::string& passwordHash) override;
    Status requestDevice(const ServerDevice& device) override;
    Result<std::optional<ServerDevice>> device(const std::string& clinicId, const std::string& deviceId) override;
    Result<std::vector<ServerDevice>> devices(const std::string& clinicId) override;
    Status setDeviceStatus(const std::string& clinicId, const std::string& deviceId, DeviceStatus status,
                           const std::string& byUserId, std::int64_t atMs) override;
    Status setDeviceScope(const std::string& clinicId, const std::string& deviceId, const std::string& scope,
                          const std::string& byUserId, std::int64_t atMs) override;
    Status saveRefreshToken(const RefreshToken& token) override;
    Result<std::optional<RefreshToken>> takeRefreshToken(const std::string& tokenHash) override;
    // Waits while another push for the same clinic is open (its row lock orders sequence numbers).
    Result<std::unique_ptr<PushTransaction>> beginPush(const std::string& clinicId) override;
    Result<std::int64_t> highestSeq(const std::string& clinicId) override;
    Result<std::vector<SyncChange>> changesAfter(const std::string& clinicId, std::int64_t after, int limit) override;
    Result<std::optional<SyncRow>> row(const std::string& clinicId, const std::string& entity,
                                       const std::string& rowId) override;
    Result<std::vector<SyncRow>> rowsAfter(const std::string& clinicId, const std::string& entity,
                                           const std::string& rowId, int limit) override;
    Result<std::vector<StoredRow>> rowsOf(const std::string& clinicId, const std::string& entity,
                                          const std::string& rowId, int limit) override;
    Result<std::map<std::string, std::int64_t>> rowCounts(const std::string& clinicId) override;
    AuditStore& audit() override { return m_audit; }

private:
    explicit PostgresStore(std::shared_ptr<pg::PostgresPool> pool);

    // Shared with open push transactions, so a push may outlive the store object.
    std::shared_ptr<pg::PostgresPool> m_pool;
    PostgresAuditStore m_audit;
};

} // namespace practica::sync
