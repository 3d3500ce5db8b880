#include "PostgresStore.h"

#include "PostgresPool.h"
#include "PostgresPush.h"
#include "sync/protocol/Protocol.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <libpq-fe.h>
#include <map>
#include <mutex>
#include <string_view>
#include <utility>

namespace practica::sync {

using core::Error;
using core::ErrorCode;
using core::fail;
using namespace pg;

namespace {

// "practica" in ASCII: the advisory lock under which any server process migrates.
constexpr std::int64_t kMigrationLock = 0x7072616374696361;
// "wsno": with a hash of the clinic id, the advisory lock under which a clinic's device numbers are given out.
constexpr int kDeviceNumberLock = 0x77736e6f;
// How long a call waits for a free connection before it reports Busy.
constexpr std::chrono::seconds kPoolWait{30};

ServerUser userFromRow(const PGresult* r, int i)
{
    ServerUser u;
    u.id = text(r, i, 0);
    u.clinicId = text(r, i, 1);
    u.username = text(r, i, 2);
    u.displayName = text(r, i, 3);
    u.role = text(r, i, 4);
    u.passwordHash = text(r, i, 5);
    u.failedLogins = static_cast<int>(integer(r, i, 6));
    u.lockedUntilMs = integer(r, i, 7);
    u.active = flag(r, i, 8);
    return u;
}

ServerDevice deviceFromRow(const PGresult* r, int i)
{
    ServerDevice d;
    d.clinicId = text(r, i, 0);
    d.deviceId = text(r, i, 1);
    d.name = text(r, i, 2);
    d.status = deviceStatusFromName(text(r, i, 3)).value_or(DeviceStatus::Pending);
    d.requestedBy = text(r, i, 4);
    d.requestedMs = integer(r, i, 5);
    d.approvedBy = text(r, i, 6);
    d.approvedMs = integer(r, i, 7);
    d.number = static_cast<int>(integer(r, i, 8));
    d.scope = text(r, i, 9);
    d.scopeSetBy = text(r, i, 10);
    d.scopeSetMs = integer(r, i, 11);
    return d;
}

RefreshToken tokenFromRow(const PGresult* r, int i)
{
    return RefreshToken{text(r, i, 0), text(r, i, 1), text(r, i, 2), text(r, i, 3), integer(r, i, 4)};
}

Result<SyncChange> changeFromRow(const PGresult* r, int i)
{
    SyncChange c;
    c.seq = integer(r, i, 0);
    c.id = text(r, i, 1);
    c.entity = text(r, i, 2);
    c.rowId = text(r, i, 3);
    c.deleted = text(r, i, 4) == "delete";
    c.hlc = text(r, i, 5);
    c.baseHlc = optionalText(r, i, 6);
    c.fieldsJson = text(r, i, 7);
    c.deviceId = text(r, i, 8);
    c.authorId = text(r, i, 9);
    c.author = text(r, i, 10);
    return c;
}

constexpr const char* kUserColumns = "SELECT id, clinic_id, username, display_name, role, password_hash, "
                                     "failed_logins, locked_until_ms, active FROM srv_user ";
constexpr const char* kDeviceColumns = "SELECT clinic_id, device_id, name, status, requested_by, requested_ms, "
                                       "approved_by, approved_ms, number, scope, scope_set_by, scope_set_ms "
                                       "FROM srv_device ";

} // namespace

namespace {

} // namespace

PostgresStore::PostgresStore(std::shared_ptr<PostgresPool> pool) : m_pool(std::move(pool)), m_audit(m_pool) {}
PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const std::string& conninfo, int maxConnections)
{
    // libpq's parse error quotes the text, which may hold a password: say only that it is wrong.
    char* parseError = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &parseError);
    PQfreemem(parseError);
    if (!options)
        return fail(ErrorCode::Validation, "conninfo", core::Rule::Format, {{"format", "postgres_conninfo"}});
    PQconninfoFree(options);
    auto pool = std::make_shared<PostgresPool>(conninfo, maxConnections);
    if (auto probe = pool->lease(); !probe)
        return std::unexpected(probe.error());
    return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(pool)));
}

Status PostgresStore::migrate()
{
    auto conn = m_pool->lease();
    if (!conn)
        return std::unexpected(conn.error());
    PGconn* c = conn->get();
    if (Status s = done(exec(c, "BEGIN")); !s)
        return s;
    // Held to the end of the transaction: a second process waits, then finds the work done.
    if (Status s = done(exec(c, "SELECT pg_advisory_xact_lock($1::bigint)", {kMigrationLock})); !s)
        return s;
    if (Status s = done(exec(c, "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, "
                                "name TEXT NOT NULL, applied_ms BIGINT NOT NULL)"));
        !s)
        return s;
    auto current = exec(c, "SELECT coalesce(max(version), 0) FROM schema_migration");
    if (!current)
        return std::unexpected(current.error());
    const std::int64_t version = integer(current->get(), 0, 0);
    const auto& migrations = postgresStoreMigrations();
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    if (version > newest)
        return fail(ErrorCode::SchemaTooNew, {}, std::to_string(version));
    for (const core::Migration& m : migrations) {
        if (m.version <= version)
            continue;
        if (Status s = done(script(c, m.sql)); !s)
            return s;
        const std::int64_t now =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        if (Status s = done(exec(c, "INSERT INTO schema_migration (version, name, applied_ms) VALUES ($1, $2, $3)",
                                 {m.version, m.name, now}));
            !s)
            return s;
    }
    return committed(c);
}

Status PostgresStore::createClinic(const ServerClinic& c)
{
    auto res = m_pool->run("INSERT INTO srv_clinic (id, name, next_seq, created_ms) VALUES ($1, $2, 0, $3)",
                           {c.id, c.name, c.createdMs});
    if (!res && res.error().code == ErrorCode::AlreadyExists)
        return fail(ErrorCode::AlreadyExists, "clinic", c.id);
    return done(res);
}

Result<std::optional<ServerClinic>> PostgresStore::clinic(const std::string& clinicId)
{
    return first<ServerClinic>(m_pool->run("SELECT id, name, created_ms FROM srv_clinic WHERE id = $1", {clinicId}),
                               [](const PGresult* r, int i) {
                                   return ServerClinic{text(r, i, 0), text(r, i, 1), integer(r, i, 2)};
                               });
}

Status PostgresStore::createUser(const ServerUser& u)
{
    auto res = m_pool->run("INSERT INTO srv_user (id, clinic_id, username, display_name, role, password_hash, "
                           "failed_logins, locked_until_ms, active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                           {u.id, u.clinicId, u.username, u.displayName, u.role, u.passwordHash, u.failedLogins,
                            u.lockedUntilMs, u.active});
    if (!res && res.error().code == ErrorCode::AlreadyExists)
        return fail(ErrorCode::AlreadyExists, "username", u.username);
    return done(res);
}

Result<std::optional<ServerUser>> PostgresStore::user(const std::string& clinicId, const std::string& username)
{
    return first<ServerUser>(m_pool->run((std::string(kUserColumns) + "WHERE clinic_id = $1 AND username = $2").c_str(),
                                         {clinicId, username}),
                             userFromRow);
}

Result<std::optional<ServerUser>> PostgresStore::userById(const std::string& userId)
{
    return first<ServerUser>(m_pool->run((std::string(kUserColumns) + "WHERE id = $1").c_str(), {userId}), userFromRow);
}

Status PostgresStore::recordLogin(const std::string& userId, int failedLogins, std::int64_t lockedUntilMs)
{
    return done(m_pool->run("UPDATE srv_user SET failed_logins = $1, locked_until_ms = $2 WHERE id = $3",
                            {failedLogins, lockedUntilMs, userId}));
}

Status PostgresStore::setPassword(const std::string& userId, const std::string& passwordHash)
{
    auto res = m_pool->run("UPDATE srv_user SET password_hash = $1, failed_logins = 0, locked_until_ms = 0 "
                           "WHERE id = $2",
                           {passwordHash, userId});
    if (!res)
        return std::unexpected(res.error());
    if (affectedRows(res->get()) != 1)
        return fail(ErrorCode::NotFound, "user", userId);
    return {};
}

Status PostgresStore::requestDevice(const ServerDevice& d)
{
    auto conn = m_pool->lease();
    if (!conn)
        return std::unexpected(conn.error());
    PGconn* c = conn->get();
    if (Status s = done(exec(c, "BEGIN")); !s)
        return s;
    // One request per clinic at a time, so max + 1 cannot be handed out twice; the lock is not the
    // clinic row's, so enrolment does not wait for pushes.
    if (Status s =
            done(exec(c, "SELECT pg_advisory_xact_lock($1::integer, hashtext($2))", {kDeviceNumberLock, d.clinicId}));
        !s)
        return s;
    if (Status s = done(exec(c,
                             "INSERT INTO srv_device (clinic_id, device_id, name, status, requested_by, "
                             "requested_ms, approved_by, approved_ms, scope, number) VALUES ($1, $2, $3, $4, $5, $6, "
                             "$7, $8, $9, (SELECT coalesce(max(number), 0) + 1 FROM srv_device WHERE clinic_id = $1)) "
                             "ON CONFLICT (clinic_id, device_id) DO NOTHING",
                             {d.clinicId, d.deviceId, d.name, deviceStatusName(d.status), d.requestedBy, d.requestedMs,
                              d.approvedBy, d.approvedMs, d.scope}));
        !s)
        return s;
    return committed(c);
}

Result<std::optional<ServerDevice>> PostgresStore::device(const std::string& clinicId, const std::string& deviceId)
{
    return first<ServerDevice>(
        m_pool->run((std::string(kDeviceColumns) + "WHERE clinic_id = $1 AND device_id = $2").c_str(),
                    {clinicId, deviceId}),
        deviceFromRow);
}

Result<std::vector<ServerDevice>> PostgresStore::devices(const std::string& clinicId)
{
    auto res = m_pool->run(
        (std::string(kDeviceColumns) + "WHERE clinic_id = $1 ORDER BY requested_ms, device_id").c_str(), {clinicId});
    if (!res)
        return std::unexpected(res.error());
    return all<ServerDevice>(res->get(), deviceFromRow);
}

Status PostgresStore::setDeviceStatus(const std::string& clinicId, const std::string& deviceId, DeviceStatus status,
                                      const std::string& byUserId, std::int64_t atMs)
{
    auto res = m_pool->run("UPDATE srv_device SET status = $1, approved_by = $2, approved_ms = $3 "
                           "WHERE clinic_id = $4 AND device_id = $5",
                           {deviceStatusName(status), byUserId, atMs, clinicId, deviceId});
    if (!res)
        return std::unexpected(res.error());
    if (affectedRows(res->get()) != 1)
        return fail(ErrorCode::NotFound, "device", deviceId);
    return {};
}

Status PostgresStore::setDeviceScope(const std::string& clinicId, const std::string& deviceId, const std::string& scope,
                                     const std::string& byUserId, std::int64_t atMs)
{
    auto res = m_pool->run("UPDATE srv_device SET scope = $1, scope_set_by = $2, scope_set_ms = $3 "
                           "WHERE clinic_id = $4 AND device_id = $5",
                           {scope, byUserId, atMs, clinicId, deviceId});
    if (!res)
        return std::unexpected(res.error());
    if (affectedRows(res->get()) != 1)
        return fail(ErrorCode::NotFound, "device", deviceId);
    return {};
}

Status PostgresStore::saveRefreshToken(const RefreshToken& t)
{
    return done(m_pool->run("INSERT INTO srv_refresh_token (token_hash, clinic_id, user_id, device_id, expires_ms) "
                            "VALUES ($1, $2, $3, $4, $5)",
                            {t.tokenHash, t.clinicId, t.userId, t.deviceId, t.expiresMs}));
}

Result<std::optional<RefreshToken>> PostgresStore::takeRefreshToken(const std::string& tokenHash)
{
    // One statement: of two requests racing with the same token, exactly one gets it.
    return first<RefreshToken>(m_pool->run("DELETE FROM srv_refresh_token WHERE token_hash = $1 "
                                           "RETURNING token_hash, clinic_id, user_id, device_id, expires_ms",
                                           {tokenHash}),
                               tokenFromRow);
}

Result<std::unique_ptr<PushTransaction>> PostgresStore::beginPush(const std::string& clinicId)
{
    auto conn = m_pool->lease();
    if (!conn)
        return std::unexpected(conn.error());
    return beginPostgresPush(std::move(*conn), clinicId);
}

Result<std::int64_t> PostgresStore::highestSeq(const std::string& clinicId)
{
    auto seq = first<std::int64_t>(m_pool->run("SELECT next_seq FROM srv_clinic WHERE id = $1", {clinicId}),
                                   [](const PGresult* r, int i) { return integer(r, i, 0); });
    if (!seq)
        return std::unexpected(seq.error());
    if (!*seq)
        return fail(ErrorCode::NotFound, "clinic", clinicId);
    return **seq;
}

Result<std::vector<SyncChange>> PostgresStore::changesAfter(const std::string& clinicId, std::int64_t after, int limit)
{
    auto res = m_pool->run("SELECT seq, change_id, entity, row_id, op, hlc, base_hlc, fields, device_id, "
                           "author_id, author FROM srv_change WHERE clinic_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                           {clinicId, after, std::max(limit, 0)});
    if (!res)
        return std::unexpected(res.error());
    std::vector<SyncChange> out;
    out.reserve(static_cast<std::size_t>(PQntuples(res->get())));
    for (int i = 0; i < PQntuples(res->get()); ++i) {
        auto c = changeFromRow(res->get(), i);
        if (!c)
            return std::unexpected(c.error());
        out.push_back(std::move(*c));
    }
    return out;
}

Result<std::optional<SyncRow>> PostgresStore::row(const std::string& clinicId, const std::string& entity,
                                                  const std::string& rowId)
{
    return firstRow(m_pool->run(kRowByKey, {clinicId, entity, rowId}));
}

Result<std::vector<SyncRow>> PostgresStore::rowsAfter(const std::string& clinicId, const std::string& entity,
                                                      const std::string& rowId, int limit)
{
    // entity and row_id are COLLATE "C": byte order, the order SQLite gives the same keys.
    auto res = m_pool->run("SELECT doc FROM srv_row WHERE clinic_id = $1 AND (entity, row_id) > ($2, $3) "
                           "ORDER BY entity, row_id LIMIT $4",
                           {clinicId, entity, rowId, std::max(limit, 0)});
    if (!res)
        return std::unexpected(res.error());
    return decodeRows(res->get());
}

Result<std::vector<StoredRow>> PostgresStore::rowsOf(const std::string& clinicId, const std::string& entity,
                                                     const std::string& rowId, int limit)
{
    auto res = m_pool->run("SELECT row_id, doc FROM srv_row WHERE clinic_id = $1 AND entity = $2 AND row_id > $3 "
                           "ORDER BY row_id LIMIT $4",
                           {clinicId, entity, rowId, std::max(limit, 0)});
    if (!res)
        return std::unexpected(res.error());
    return all<StoredRow>(res->get(), [](const PGresult* r, int i) { return StoredRow{text(r, i, 0), text(r, i, 1)}; });
}

Result<std::map<std::string, std::int64_t>> PostgresStore::rowCounts(const std::string& clinicId)
{
    auto res = m_pool->run("SELECT entity, count(*) FROM srv_row WHERE clinic_id = $1 GROUP BY entity", {clinicId});
    if (!res)
        return std::unexpected(res.error());
    std::map<std::string, std::int64_t> counts;
    for (int i = 0; i < PQntuples(res->get()); ++i)
        counts[text(res->get(), i, 0)] = integer(res->get(), i, 1);
    return counts;
}

} // namespace practica::sync
