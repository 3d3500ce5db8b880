// practica-server's default store: one SQLCipher file through core/db, for one clinic on one box.
// SQLite has one writer at a time, so the store serializes calls on one connection; a push holds
// the connection from begin to commit, which also orders sequence numbers.
#pragma once

#include "EmbeddedAuditStore.h"
#include "ServerStore.h"
#include "core/crypto/SecretKey.h"
#include "core/db/Migrations.h"

#include <memory>
#include <mutex>

namespace practica::core {
class Database;
}

namespace practica::sync {

const std::vector<core::Migration>& embeddedStoreMigrations();

class EmbeddedStore final : public ServerStore
{
public:
    // Opens the store at path, creating it when absent; key is the store's data key.
    static Result<std::unique_ptr<EmbeddedStore>> open(const std::string& path, const core::SecretKey& key);
    ~EmbeddedStore() override;

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
    AuditStore& audit() override { return *m_audit; }

private:
    explicit EmbeddedStore(std::unique_ptr<core::Database> db);
    Result<std::vector<ServerUser>> users(std::string_view where, const std::vector<std::string>& args);

    std::unique_ptr<core::Database> m_db;
    std::recursive_mutex m_mutex;
    std::unique_ptr<EmbeddedAuditStore> m_audit;
    friend class EmbeddedPush;
};

} // namespace practica::sync
