#include "EmbeddedStore.h"

#include "core/db/Database.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "sync/protocol/Protocol.h"

#include <map>

namespace practica::sync {

using core::Database;
using core::ErrorCode;
using core::fail;
using core::Statement;

namespace {

template <class T> Result<std::optional<T>> firstOrNone(Result<std::vector<T>> rows)
{
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->empty())
        return std::optional<T>{};
    return std::optional<T>(std::move(rows->front()));
}

const char* resourceColumn(BookingResource r)
{
    switch (r) {
    case BookingResource::Provider:
        return "provider_id";
    case BookingResource::Room:
        return "room_id";
    case BookingResource::Patient:
        return "patient_id";
    }
    return "provider_id";
}

Result<std::optional<SyncRow>> rowByKey(Database& db, const std::string& clinicId, const std::string& entity,
                                        const std::string& rowId)
{
    auto stmt = db.prepare("SELECT doc FROM srv_row WHERE clinic_id = ? AND entity = ? AND row_id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId).bind(2, entity).bind(3, rowId);
    auto docs = stmt->all<std::string>([](const Statement& r) { return r.text(0); });
    if (!docs)
        return std::unexpected(docs.error());
    if (docs->empty())
        return std::optional<SyncRow>{};
    auto decoded = decodeRow(docs->front());
    if (!decoded)
        return std::unexpected(decoded.error());
    return std::optional<SyncRow>(std::move(*decoded));
}

Result<SyncChange> changeFromRow(const Statement& r)
{
    SyncChange c;
    c.seq = r.int64(0);
    c.id = r.text(1);
    c.entity = r.text(2);
    c.rowId = r.text(3);
    c.deleted = r.text(4) == "delete";
    c.hlc = r.text(5);
    c.baseHlc = r.optionalText(6);
    c.fieldsJson = r.text(7);
    c.deviceId = r.text(8);
    c.authorId = r.text(9);
    c.author = r.text(10);
    return c;
}

} // namespace

// Holds the store's lock and an open write transaction from begin to commit.
class EmbeddedPush final : public PushTransaction
{
public:
    EmbeddedPush(EmbeddedStore& store, std::string clinicId)
        : m_lock(store.m_mutex), m_db(*store.m_db), m_tx(*store.m_db), m_clinic(std::move(clinicId))
    {
    }

    Status begin()
    {
        if (!m_tx.begun())
            return m_tx.begun();
        auto stmt = m_db.prepare("SELECT next_seq FROM srv_clinic WHERE id = ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        auto seq = stmt->bind(1, m_clinic)
                       .one<std::int64_t>([](const Statement& r) { return r.int64(0); }, "clinic", m_clinic);
        if (!seq)
            return std::unexpected(seq.error());
        m_highest = *seq;
        return {};
    }

    std::int64_t highestSeq() const override { return m_highest; }

    Result<std::optional<std::int64_t>> acceptedSeq(const std::string& changeId) override
    {
        auto stmt = m_db.prepare("SELECT seq FROM srv_change WHERE clinic_id = ? AND change_id = ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, m_clinic).bind(2, changeId);
        return firstOrNone(stmt->all<std::int64_t>([](const Statement& r) { return r.int64(0); }));
    }

    Result<std::optional<Refusal>> refusal(const std::string& changeId) override
    {
        auto stmt = m_db.prepare("SELECT code, reason, params FROM srv_refused WHERE clinic_id = ? AND change_id = ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, m_clinic).bind(2, changeId);
        return firstOrNone(stmt->all<Refusal>([](const Statement& r) {
            return Refusal{r.text(0), r.text(1), decodeParams(r.text(2))};
        }));
    }

    Status recordRefusal(const std::string& changeId, const Refusal& refusal) override
    {
        auto stmt = m_db.prepare(
            "INSERT OR IGNORE INTO srv_refused (clinic_id, change_id, code, reason, params) VALUES (?,?,?,?,?);");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, m_clinic).bind(2, changeId).bind(3, refusal.code).bind(4, refusal.reason);
        return stmt->bind(5, encodeParams(refusal.params)).run();
    }

    Result<std::optional<SyncRow>> row(const std::string& entity, const std::string& rowId) override
    {
        // The clinic's push lock is held: the rows a push reads stay as read until it saves them (a batch
        // of appointments checks the same providers and visit types hundreds of times).
        auto key = std::pair{entity, rowId};
        if (auto it = m_rowCache.find(key); it != m_rowCache.end())
            return it->second;
        auto found = rowByKey(m_db, m_clinic, entity, rowId);
        if (found && m_rowCache.size() < kMaxCachedRows)
            m_rowCache.emplace(std::move(key), *found);
        return found;
    }

    Result<std::vector<SyncRow>> rowsMentioning(const std::vector<std::string>& entities,
                                                const std::string& value) override
    {
        auto stmt = m_db.prepare("SELECT doc FROM srv_row WHERE clinic_id = ? AND entity = ? AND instr(doc, ?) > 0;");
        if (!stmt)
            return std::unexpected(stmt.error());
        std::vector<SyncRow> rows;
        for (const std::string& entity : entities) {
            stmt->reset();
            stmt->bind(1, m_clinic).bind(2, entity).bind(3, value);
            auto docs = stmt->all<std::string>([](const Statement& r) { return r.text(0); });
            if (!docs)
                return std::unexpected(docs.error());
            for (const auto& doc : *docs) {
                auto row = decodeRow(doc);
                if (!row)
                    return std::unexpected(row.error());
                rows.push_back(std::move(*row));
            }
        }
        return rows;
    }

    Status saveRow(const SyncRow& row) override
    {
        auto stmt = m_db.prepare("INSERT OR REPLACE INTO srv_row (clinic_id, entity, row_id, doc) VALUES (?,?,?,?);");
        if (!stmt)
            return std::unexpected(stmt.error());
        m_rowCache.insert_or_assign(std::pair{row.entity, row.rowId}, std::optional<SyncRow>(row));
        return stmt->bind(1, m_clinic).bind(2, row.entity).bind(3, row.rowId).bind(4, encodeRow(row)).run();
    }

    Status appendChange(const SyncChange& c) override
    {
        auto stmt = m_db.prepare("INSERT INTO srv_change (clinic_id, seq, change_id, entity, row_id, op, hlc, "
                                 "base_hlc, fields, device_id, author_id, author) VALUES (?,?,?,?,?,?,?,?,?,?,?,?);");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, m_clinic).bind(2, c.seq).bind(3, c.id).bind(4, c.entity).bind(5, c.rowId);
        stmt->bind(6, c.deleted ? "delete" : "upsert").bind(7, c.hlc).bind(8, c.baseHlc);
        stmt->bind(9, encodeFields(c.fields)).bind(10, c.deviceId).bind(11, c.authorId).bind(12, c.author);
        return stmt->run();
    }

    Result<std::vector<Booking>> overlapping(BookingResource resource, const std::string& resourceId,
                                             std::int64_t startMs, std::int64_t endMs,
                                             const std::string& exceptAppointmentId) override
    {
        if (resourceId.empty())
            return std::vector<Booking>{};
        // The column name comes from the enum above, never from input.
        auto stmt = m_db.prepare(
            std::string("SELECT appointment_id, provider_id, room_id, patient_id, start_ms, "
                        "end_ms, overbooked FROM srv_booking WHERE clinic_id = ? AND ") +
            resourceColumn(resource) +
            " = ? AND start_ms < ? AND end_ms > ? AND start_ms > ? AND appointment_id <> ? ORDER BY start_ms;");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, m_clinic).bind(2, resourceId).bind(3, endMs).bind(4, startMs);
        stmt->bind(5, startMs - kLongestBookingMs).bind(6, exceptAppointmentId);
        return stmt->all<Booking>([](const Statement& r) {
            return Booking{r.text(0), r.text(1), r.text(2), r.text(3), r.int64(4), r.int64(5), r.int64(6) != 0};
        });
    }

    Status saveBooking(const Booking& b) override
    {
        auto stmt = m_db.prepare("INSERT OR REPLACE INTO srv_booking (clinic_id, appointment_id, provider_id, "
                                 "room_id, patient_id, start_ms, end_ms, overbooked) VALUES (?,?,?,?,?,?,?,?);");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, m_clinic).bind(2, b.appointmentId).bind(3, b.providerId).bind(4, b.roomId);
        stmt->bind(5, b.patientId).bind(6, b.startMs).bind(7, b.endMs).bind(8, b.overbooked ? 1 : 0);
        return stmt->run();
    }

    Status removeBooking(const std::string& appointmentId) override
    {
        auto stmt = m_db.prepare("DELETE FROM srv_booking WHERE clinic_id = ? AND appointment_id = ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        return stmt->bind(1, m_clinic).bind(2, appointmentId).run();
    }

    Result<std::optional<std::string>> uniqueOwner(const std::string& entity, const std::string& field,
                                                   const std::string& value) override
    {
        auto stmt = m_db.prepare(
            "SELECT row_id FROM srv_unique WHERE clinic_id = ? AND entity = ? AND field = ? AND value = ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, m_clinic).bind(2, entity).bind(3, field).bind(4, value);
        return firstOrNone(stmt->all<std::string>([](const Statement& r) { return r.text(0); }));
    }

    Status claimUnique(const std::string& entity, const std::string& field, const std::string& value,
                       const std::string& rowId) override
    {
        auto stmt = m_db.prepare(
            "INSERT OR REPLACE INTO srv_unique (clinic_id, entity, field, value, row_id) VALUES (?,?,?,?,?);");
        if (!stmt)
            return std::unexpected(stmt.error());
        return stmt->bind(1, m_clinic).bind(2, entity).bind(3, field).bind(4, value).bind(5, rowId).run();
    }

    Status releaseUnique(const std::string& entity, const std::string& field, const std::string& value,
                         const std::string& rowId) override
    {
        auto stmt = m_db.prepare("DELETE FROM srv_unique WHERE clinic_id = ? AND entity = ? AND field = ? AND "
                                 "value = ? AND row_id = ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        return stmt->bind(1, m_clinic).bind(2, entity).bind(3, field).bind(4, value).bind(5, rowId).run();
    }

    Status updateAccount(const AccountUpdate& a) override
    {
        // The account made for this record keeps its id through a change of user name.
        static constexpr const char* kFollow =
            "display_name = ?3, role = ?4, active = ?5, "
            "failed_logins = CASE WHEN ?6 <> '' AND ?6 <> password_hash THEN 0 ELSE failed_logins END, "
            "locked_until_ms = CASE WHEN ?6 <> '' AND ?6 <> password_hash THEN 0 ELSE locked_until_ms END, "
            "password_hash = CASE WHEN ?6 <> '' THEN ?6 ELSE password_hash END";
        // (SQLCipher's SQLite predates upserts: an update by id, one by name, then an insert of what is new.)
        for (std::string sql :
             {std::string("UPDATE srv_user SET username = ?2, ") + kFollow + " WHERE clinic_id = ?7 AND id = ?1;",
              std::string("UPDATE srv_user SET ") + kFollow +
                  " WHERE clinic_id = ?7 AND username = ?2 AND NOT EXISTS (SELECT 1 FROM srv_user WHERE clinic_id = "
                  "?7 AND id = ?1);",
              std::string("INSERT OR IGNORE INTO srv_user (id, clinic_id, username, display_name, role, password_hash, "
                          "active) VALUES (?1, ?7, ?2, ?3, ?4, ?6, ?5);"),
              std::string("DELETE FROM srv_refresh_token WHERE clinic_id = ?7 AND user_id IN (SELECT id FROM srv_user "
                          "WHERE clinic_id = ?7 AND username = ?2 AND active = 0) AND ?5 = 0;")}) {
            auto stmt = m_db.prepare(sql);
            if (!stmt)
                return std::unexpected(stmt.error());
            stmt->bind(1, a.rowId).bind(2, a.username).bind(3, a.displayName).bind(4, a.role);
            stmt->bind(5, a.active ? 1 : 0).bind(6, a.key).bind(7, m_clinic);
            if (Status s = stmt->run(); !s)
                return s;
        }
        return {};
    }

    Status commit(std::int64_t newHighestSeq) override
    {
        auto stmt = m_db.prepare("UPDATE srv_clinic SET next_seq = ? WHERE id = ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        if (Status s = stmt->bind(1, newHighestSeq).bind(2, m_clinic).run(); !s)
            return s;
        return m_tx.commit();
    }

private:
    std::unique_lock<std::recursive_mutex> m_lock;
    Database& m_db;
    core::Transaction m_tx;
    std::string m_clinic;
    std::int64_t m_highest = 0;
    static constexpr std::size_t kMaxCachedRows = 20'000;
    std::map<std::pair<std::string, std::string>, std::optional<SyncRow>> m_rowCache;
};

EmbeddedStore::EmbeddedStore(std::unique_ptr<Database> db)
    : m_db(std::move(db)), m_audit(std::make_unique<EmbeddedAuditStore>(*m_db, m_mutex))
{
}
EmbeddedStore::~EmbeddedStore() = default;

Result<std::unique_ptr<EmbeddedStore>> EmbeddedStore::open(const std::string& path, const core::SecretKey& key)
{
    auto db = Database::open(path, key, Database::Mode::CreateNew);
    if (!db && db.error().code == ErrorCode::AlreadyExists)
        db = Database::open(path, key, Database::Mode::OpenExisting);
    if (!db)
        return std::unexpected(db.error());
    std::unique_ptr<EmbeddedStore> store(new EmbeddedStore(std::move(*db)));
    if (Status s = store->migrate(); !s)
        return std::unexpected(s.error());
    return store;
}

Status EmbeddedStore::migrate()
{
    std::lock_guard lock(m_mutex);
    return core::migrate(*m_db, embeddedStoreMigrations());
}

Status EmbeddedStore::createClinic(const ServerClinic& c)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare("INSERT INTO srv_clinic (id, name, next_seq, created_ms) VALUES (?,?,0,?);");
    if (!stmt)
        return std::unexpected(stmt.error());
    if (Status s = stmt->bind(1, c.id).bind(2, c.name).bind(3, c.createdMs).run(); !s) {
        if (s.error().code == ErrorCode::Conflict || s.error().code == ErrorCode::Internal)
            return fail(ErrorCode::AlreadyExists, "clinic", c.id);
        return s;
    }
    return {};
}

Result<std::optional<ServerClinic>> EmbeddedStore::clinic(const std::string& clinicId)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare("SELECT id, name, created_ms FROM srv_clinic WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId);
    return firstOrNone(stmt->all<ServerClinic>([](const Statement& r) {
        return ServerClinic{r.text(0), r.text(1), r.int64(2)};
    }));
}

Status EmbeddedStore::createUser(const ServerUser& u)
{
    std::lock_guard lock(m_mutex);
    auto existing = user(u.clinicId, u.username);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return fail(ErrorCode::AlreadyExists, "username", u.username);
    auto stmt = m_db->prepare("INSERT INTO srv_user (id, clinic_id, username, display_name, role, password_hash, "
                              "failed_logins, locked_until_ms, active) VALUES (?,?,?,?,?,?,?,?,?);");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, u.id).bind(2, u.clinicId).bind(3, u.username).bind(4, u.displayName).bind(5, u.role);
    stmt->bind(6, u.passwordHash).bind(7, u.failedLogins).bind(8, u.lockedUntilMs).bind(9, u.active ? 1 : 0);
    return stmt->run();
}

Result<std::vector<ServerUser>> EmbeddedStore::users(std::string_view where, const std::vector<std::string>& args)
{
    auto stmt = m_db->prepare("SELECT id, clinic_id, username, display_name, role, password_hash, failed_logins, "
                              "locked_until_ms, active FROM srv_user WHERE " +
                              std::string(where) + ";");
    if (!stmt)
        return std::unexpected(stmt.error());
    for (std::size_t i = 0; i < args.size(); ++i)
        stmt->bind(static_cast<int>(i + 1), args[i]);
    return stmt->all<ServerUser>([](const Statement& r) {
        ServerUser u;
        u.id = r.text(0);
        u.clinicId = r.text(1);
        u.username = r.text(2);
        u.displayName = r.text(3);
        u.role = r.text(4);
        u.passwordHash = r.text(5);
        u.failedLogins = static_cast<int>(r.int64(6));
        u.lockedUntilMs = r.int64(7);
        u.active = r.int64(8) != 0;
        return u;
    });
}

Result<std::optional<ServerUser>> EmbeddedStore::user(const std::string& clinicId, const std::string& username)
{
    std::lock_guard lock(m_mutex);
    return firstOrNone(users("clinic_id = ? AND username = ?", {clinicId, username}));
}

Result<std::optional<ServerUser>> EmbeddedStore::userById(const std::string& userId)
{
    std::lock_guard lock(m_mutex);
    return firstOrNone(users("id = ?", {userId}));
}

Status EmbeddedStore::recordLogin(const std::string& userId, int failedLogins, std::int64_t lockedUntilMs)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare("UPDATE srv_user SET failed_logins = ?, locked_until_ms = ? WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, failedLogins).bind(2, lockedUntilMs).bind(3, userId).run();
}

Status EmbeddedStore::setPassword(const std::string& userId, const std::string& passwordHash)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare("UPDATE srv_user SET password_hash = ?, failed_logins = 0, locked_until_ms = 0 "
                              "WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    if (Status s = stmt->bind(1, passwordHash).bind(2, userId).run(); !s)
        return s;
    if (m_db->changes() != 1)
        return fail(ErrorCode::NotFound, "user", userId);
    return {};
}

Status EmbeddedStore::requestDevice(const ServerDevice& d)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare(
        "INSERT OR IGNORE INTO srv_device (clinic_id, device_id, name, status, requested_by, requested_ms, "
        "approved_by, approved_ms, scope, number) VALUES (?,?,?,?,?,?,?,?,?, (SELECT coalesce(max(number), 0) + 1 "
        "FROM srv_device WHERE clinic_id = ?));");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, d.clinicId).bind(2, d.deviceId).bind(3, d.name).bind(4, deviceStatusName(d.status));
    stmt->bind(5, d.requestedBy).bind(6, d.requestedMs).bind(7, d.approvedBy).bind(8, d.approvedMs);
    stmt->bind(9, d.scope).bind(10, d.clinicId);
    return stmt->run();
}

namespace {
ServerDevice deviceFromRow(const Statement& r)
{
    ServerDevice d;
    d.clinicId = r.text(0);
    d.deviceId = r.text(1);
    d.name = r.text(2);
    d.status = deviceStatusFromName(r.text(3)).value_or(DeviceStatus::Pending);
    d.requestedBy = r.text(4);
    d.requestedMs = r.int64(5);
    d.approvedBy = r.text(6);
    d.approvedMs = r.int64(7);
    d.number = static_cast<int>(r.int64(8));
    d.scope = r.text(9);
    d.scopeSetBy = r.text(10);
    d.scopeSetMs = r.int64(11);
    return d;
}
constexpr const char* kDeviceColumns = "SELECT clinic_id, device_id, name, status, requested_by, requested_ms, "
                                       "approved_by, approved_ms, number, scope, scope_set_by, scope_set_ms "
                                       "FROM srv_device ";
} // namespace

Result<std::optional<ServerDevice>> EmbeddedStore::device(const std::string& clinicId, const std::string& deviceId)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare(std::string(kDeviceColumns) + "WHERE clinic_id = ? AND device_id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId).bind(2, deviceId);
    return firstOrNone(stmt->all<ServerDevice>(deviceFromRow));
}

Result<std::vector<ServerDevice>> EmbeddedStore::devices(const std::string& clinicId)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare(std::string(kDeviceColumns) + "WHERE clinic_id = ? ORDER BY requested_ms;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId);
    return stmt->all<ServerDevice>(deviceFromRow);
}

Status EmbeddedStore::setDeviceStatus(const std::string& clinicId, const std::string& deviceId, DeviceStatus status,
                                      const std::string& byUserId, std::int64_t atMs)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare("UPDATE srv_device SET status = ?, approved_by = ?, approved_ms = ? "
                              "WHERE clinic_id = ? AND device_id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, deviceStatusName(status)).bind(2, byUserId).bind(3, atMs).bind(4, clinicId).bind(5, deviceId);
    if (Status s = stmt->run(); !s)
        return s;
    if (m_db->changes() != 1)
        return fail(ErrorCode::NotFound, "device", deviceId);
    return {};
}

Status EmbeddedStore::setDeviceScope(const std::string& clinicId, const std::string& deviceId, const std::string& scope,
                                     const std::string& byUserId, std::int64_t atMs)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare("UPDATE srv_device SET scope = ?, scope_set_by = ?, scope_set_ms = ? "
                              "WHERE clinic_id = ? AND device_id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, scope).bind(2, byUserId).bind(3, atMs).bind(4, clinicId).bind(5, deviceId);
    if (Status s = stmt->run(); !s)
        return s;
    if (m_db->changes() != 1)
        return fail(ErrorCode::NotFound, "device", deviceId);
    return {};
}

Status EmbeddedStore::saveRefreshToken(const RefreshToken& t)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare("INSERT INTO srv_refresh_token (token_hash, clinic_id, user_id, device_id, expires_ms) "
                              "VALUES (?,?,?,?,?);");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, t.tokenHash)
        .bind(2, t.clinicId)
        .bind(3, t.userId)
        .bind(4, t.deviceId)
        .bind(5, t.expiresMs)
        .run();
}

Result<std::optional<RefreshToken>> EmbeddedStore::takeRefreshToken(const std::string& tokenHash)
{
    std::lock_guard lock(m_mutex);
    core::Transaction tx(*m_db);
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto stmt = m_db->prepare(
        "SELECT token_hash, clinic_id, user_id, device_id, expires_ms FROM srv_refresh_token WHERE token_hash = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, tokenHash);
    auto found = firstOrNone(stmt->all<RefreshToken>([](const Statement& r) {
        return RefreshToken{r.text(0), r.text(1), r.text(2), r.text(3), r.int64(4)};
    }));
    if (!found || !*found)
        return found;
    auto del = m_db->prepare("DELETE FROM srv_refresh_token WHERE token_hash = ?;");
    if (!del)
        return std::unexpected(del.error());
    if (Status s = del->bind(1, tokenHash).run(); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return found;
}

Result<std::unique_ptr<PushTransaction>> EmbeddedStore::beginPush(const std::string& clinicId)
{
    auto push = std::make_unique<EmbeddedPush>(*this, clinicId);
    if (Status s = push->begin(); !s)
        return std::unexpected(s.error());
    return std::unique_ptr<PushTransaction>(std::move(push));
}

Result<std::int64_t> EmbeddedStore::highestSeq(const std::string& clinicId)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare("SELECT next_seq FROM srv_clinic WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, clinicId).one<std::int64_t>([](const Statement& r) { return r.int64(0); }, "clinic", clinicId);
}

Result<std::vector<SyncChange>> EmbeddedStore::changesAfter(const std::string& clinicId, std::int64_t after, int limit)
{
    std::lock_guard lock(m_mutex);
    auto stmt =
        m_db->prepare("SELECT seq, change_id, entity, row_id, op, hlc, base_hlc, fields, device_id, "
                      "author_id, author FROM srv_change WHERE clinic_id = ? AND seq > ? ORDER BY seq LIMIT ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId).bind(2, after).bind(3, limit);
    std::vector<SyncChange> out;
    while (true) {
        auto more = stmt->step();
        if (!more)
            return std::unexpected(more.error());
        if (!*more)
            break;
        auto c = changeFromRow(*stmt);
        if (!c) {
            stmt->reset();
            return std::unexpected(c.error());
        }
        out.push_back(std::move(*c));
    }
    return out;
}

Result<std::optional<SyncRow>> EmbeddedStore::row(const std::string& clinicId, const std::string& entity,
                                                  const std::string& rowId)
{
    std::lock_guard lock(m_mutex);
    return rowByKey(*m_db, clinicId, entity, rowId);
}

Result<std::vector<SyncRow>> EmbeddedStore::rowsAfter(const std::string& clinicId, const std::string& entity,
                                                      const std::string& rowId, int limit)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare("SELECT doc FROM srv_row WHERE clinic_id = ? AND (entity > ? OR (entity = ? AND "
                              "row_id > ?)) ORDER BY entity, row_id LIMIT ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId).bind(2, entity).bind(3, entity).bind(4, rowId).bind(5, limit);
    auto docs = stmt->all<std::string>([](const Statement& r) { return r.text(0); });
    if (!docs)
        return std::unexpected(docs.error());
    std::vector<SyncRow> out;
    out.reserve(docs->size());
    for (const auto& d : *docs) {
        auto row = decodeRow(d);
        if (!row)
            return std::unexpected(row.error());
        out.push_back(std::move(*row));
    }
    return out;
}

Result<std::vector<StoredRow>> EmbeddedStore::rowsOf(const std::string& clinicId, const std::string& entity,
                                                     const std::string& rowId, int limit)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare("SELECT row_id, doc FROM srv_row WHERE clinic_id = ? AND entity = ? AND row_id > ? "
                              "ORDER BY row_id LIMIT ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId).bind(2, entity).bind(3, rowId).bind(4, limit);
    return stmt->all<StoredRow>([](const Statement& r) { return StoredRow{r.text(0), r.text(1)}; });
}

Result<std::map<std::string, std::int64_t>> EmbeddedStore::rowCounts(const std::string& clinicId)
{
    std::lock_guard lock(m_mutex);
    auto stmt = m_db->prepare("SELECT entity, count(*) FROM srv_row WHERE clinic_id = ? GROUP BY entity;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, clinicId);
    auto counts = stmt->all<std::pair<std::string, std::int64_t>>([](const Statement& r) {
        return std::pair{r.text(0), r.int64(1)};
    });
    if (!counts)
        return std::unexpected(counts.error());
    return std::map<std::string, std::int64_t>(counts->begin(), counts->end());
}

} // namespace practica::sync
