#include "PostgresStore.h"

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

namespace {

// "practica" in ASCII: the advisory lock under which any server process migrates.
constexpr std::int64_t kMigrationLock = 0x7072616374696361;
// "wsno": with a hash of the clinic id, the advisory lock under which a clinic's device numbers are given out.
constexpr int kDeviceNumberLock = 0x77736e6f;
// How long a call waits for a free connection before it reports Busy.
constexpr std::chrono::seconds kPoolWait{30};

struct ResultDeleter
{
    void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

// A bound parameter in PostgreSQL's text form; nullopt is NULL.
struct Param
{
    Param(const std::string& v) : text(v) {}
    Param(const char* v) : text(std::string(v)) {}
    Param(std::string_view v) : text(std::string(v)) {}
    Param(const std::optional<std::string>& v) : text(v) {}
    Param(std::int64_t v) : text(std::to_string(v)) {}
    Param(int v) : text(std::to_string(v)) {}
    Param(bool v) : text(v ? "true" : "false") {}
    std::optional<std::string> text;
};

// A text[] literal for a bound parameter: every element quoted, NULL for nullopt.
std::string pgArray(const std::vector<std::optional<std::string>>& values)
{
    std::string out = "{";
    for (const auto& v : values) {
        if (out.size() > 1)
            out += ',';
        if (!v) {
            out += "NULL";
            continue;
        }
        out += '"';
        for (char ch : *v) {
            if (ch == '"' || ch == '\\')
                out += '\\';
            out += ch;
        }
        out += '"';
    }
    return out + "}";
}

std::string trimmed(const char* message)
{
    std::string s = message ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

Error connectionLost(PGconn* conn)
{
    return Error::make(ErrorCode::Offline, "postgresql", trimmed(PQerrorMessage(conn)));
}

// Data and integrity errors quote the offending values (which may be patient data), so for those
// the error keeps only the SQLSTATE and the constraint's name.
Error statementError(PGconn* conn, const PGresult* res)
{
    if (!res || PQstatus(conn) != CONNECTION_OK)
        return connectionLost(conn);
    const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    const char* constraint = PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME);
    const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    const std::string sqlstate = state ? state : "";
    std::string detail = "SQLSTATE " + sqlstate;
    if (primary && !sqlstate.starts_with("22") && !sqlstate.starts_with("23"))
        detail += ": " + std::string(primary);
    std::string field = constraint ? constraint : "";
    auto code = ErrorCode::Internal;
    if (sqlstate == "23505")
        code = ErrorCode::AlreadyExists;
    else if (sqlstate == "23503")
        code = ErrorCode::NotFound; // a reference to a clinic that does not exist
    else if (sqlstate.starts_with("08") || sqlstate.starts_with("57P"))
        code = ErrorCode::Offline;
    else if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03")
        code = ErrorCode::Busy;
    else if (sqlstate == "53100")
        code = ErrorCode::DiskFull;
    return Error::make(code, std::move(field), std::move(detail));
}

Result<PgResult> checked(PGconn* conn, PgResult res)
{
    const ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return std::unexpected(statementError(conn, res.get()));
    return res;
}

Result<PgResult> exec(PGconn* conn, const char* sql, std::initializer_list<Param> params = {})
{
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const Param& p : params)
        values.push_back(p.text ? p.text->c_str() : nullptr);
    return checked(conn, PgResult(PQexecParams(conn, sql, static_cast<int>(values.size()), nullptr, values.data(),
                                               nullptr, nullptr, 0)));
}

// Several statements without parameters (a migration), through the simple query protocol.
Result<PgResult> script(PGconn* conn, const std::string& sql)
{
    return checked(conn, PgResult(PQexec(conn, sql.c_str())));
}

Status done(const Result<PgResult>& res)
{
    if (!res)
        return std::unexpected(res.error());
    return {};
}

Status committed(PGconn* conn)
{
    auto res = exec(conn, "COMMIT");
    if (!res)
        return std::unexpected(res.error());
    // COMMIT of a transaction that failed earlier rolls it back and still succeeds: tell them apart.
    if (std::string_view(PQcmdStatus(res->get())) != "COMMIT")
        return fail(ErrorCode::Internal, "transaction", "rolled back after an earlier error");
    return {};
}

std::string text(const PGresult* r, int row, int col)
{
    return std::string(PQgetvalue(r, row, col), static_cast<std::size_t>(PQgetlength(r, row, col)));
}

std::optional<std::string> optionalText(const PGresult* r, int row, int col)
{
    if (PQgetisnull(r, row, col))
        return std::nullopt;
    return text(r, row, col);
}

std::int64_t integer(const char* s)
{
    std::int64_t v = 0;
    std::from_chars(s, s + std::char_traits<char>::length(s), v);
    return v;
}

std::int64_t integer(const PGresult* r, int row, int col)
{
    return integer(PQgetvalue(r, row, col));
}

bool flag(const PGresult* r, int row, int col)
{
    return PQgetvalue(r, row, col)[0] == 't';
}

std::int64_t affectedRows(const PGresult* r)
{
    return integer(PQcmdTuples(const_cast<PGresult*>(r)));
}

template <class T, class Fn> std::vector<T> all(const PGresult* r, Fn&& fromRow)
{
    std::vector<T> out;
    out.reserve(static_cast<std::size_t>(PQntuples(r)));
    for (int i = 0; i < PQntuples(r); ++i)
        out.push_back(fromRow(r, i));
    return out;
}

template <class T, class Fn> Result<std::optional<T>> first(const Result<PgResult>& res, Fn&& fromRow)
{
    if (!res)
        return std::unexpected(res.error());
    if (PQntuples(res->get()) == 0)
        return std::optional<T>{};
    return std::optional<T>(fromRow(res->get(), 0));
}

Result<std::vector<SyncRow>> decodeRows(const PGresult* r)
{
    std::vector<SyncRow> out;
    out.reserve(static_cast<std::size_t>(PQntuples(r)));
    for (int i = 0; i < PQntuples(r); ++i) {
        auto row = decodeRow(text(r, i, 0));
        if (!row)
            return std::unexpected(row.error());
        out.push_back(std::move(*row));
    }
    return out;
}

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
    return d;
}

RefreshToken tokenFromRow(const PGresult* r, int i)
{
    return RefreshToken{text(r, i, 0), text(r, i, 1), text(r, i, 2), text(r, i, 3), integer(r, i, 4)};
}

Booking bookingFromRow(const PGresult* r, int i)
{
    return Booking{text(r, i, 0),    text(r, i, 1),    text(r, i, 2), text(r, i, 3),
                   integer(r, i, 4), integer(r, i, 5), flag(r, i, 6)};
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
    return c;
}

constexpr const char* kUserColumns = "SELECT id, clinic_id, username, display_name, role, password_hash, "
                                     "failed_logins, locked_until_ms, active FROM srv_user ";
constexpr const char* kDeviceColumns = "SELECT clinic_id, device_id, name, status, requested_by, requested_ms, "
                                       "approved_by, approved_ms, number FROM srv_device ";

} // namespace

// Connections made on demand up to a limit, each used by one thread at a time.
class PostgresPool : public std::enable_shared_from_this<PostgresPool>
{
public:
    // A connection checked out for one call or one push, handed back when it goes out of scope.
    class Lease
    {
    public:
        Lease(std::shared_ptr<PostgresPool> pool, PGconn* conn) : m_pool(std::move(pool)), m_conn(conn) {}
        Lease(Lease&& other) noexcept : m_pool(std::move(other.m_pool)), m_conn(std::exchange(other.m_conn, nullptr)) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease()
        {
            if (m_conn)
                m_pool->giveBack(m_conn);
        }
        PGconn* get() const { return m_conn; }

    private:
        std::shared_ptr<PostgresPool> m_pool;
        PGconn* m_conn;
    };

    PostgresPool(std::string conninfo, int maxConnections)
        : m_conninfo(std::move(conninfo)), m_max(std::max(1, maxConnections))
    {
    }
    ~PostgresPool()
    {
        for (PGconn* conn : m_idle)
            PQfinish(conn);
    }
    PostgresPool(const PostgresPool&) = delete;
    PostgresPool& operator=(const PostgresPool&) = delete;

    Result<Lease> lease()
    {
        std::unique_lock lock(m_mutex);
        if (!m_freed.wait_for(lock, kPoolWait, [this] { return !m_idle.empty() || m_open < m_max; }))
            return fail(ErrorCode::Busy, "postgresql", "no free connection");
        if (!m_idle.empty()) {
            PGconn* conn = m_idle.back();
            m_idle.pop_back();
            return Lease(shared_from_this(), conn);
        }
        ++m_open;
        lock.unlock();
        auto conn = connect();
        if (!conn) {
            lock.lock();
            --m_open;
            lock.unlock();
            m_freed.notify_one();
            return std::unexpected(conn.error());
        }
        return Lease(shared_from_this(), *conn);
    }

    // One statement on a connection of its own.
    Result<PgResult> run(const char* sql, std::initializer_list<Param> params = {})
    {
        auto conn = lease();
        if (!conn)
            return std::unexpected(conn.error());
        return exec(conn->get(), sql, params);
    }

private:
    Result<PGconn*> connect() const
    {
        // Keywords after the expanded conninfo override it: the store's text is always UTF-8.
        const char* keywords[] = {"fallback_application_name", "dbname", "client_encoding", nullptr};
        const char* values[] = {"practica-server", m_conninfo.c_str(), "UTF8", nullptr};
        PGconn* conn = PQconnectdbParams(keywords, values, 1);
        if (!conn)
            return fail(ErrorCode::Internal, "postgresql", "out of memory");
        if (PQstatus(conn) != CONNECTION_OK) {
            Error e = connectionLost(conn);
            PQfinish(conn);
            return std::unexpected(std::move(e));
        }
        // NOTICEs (such as "already exists, skipping") are not errors and go nowhere.
        PQsetNoticeProcessor(
            conn, [](void*, const char*) {}, nullptr);
        return conn;
    }

    void giveBack(PGconn* conn)
    {
        // A call that failed inside a transaction leaves it open: end it before anyone else uses the connection.
        if (PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) != PQTRANS_IDLE)
            PQclear(PQexec(conn, "ROLLBACK"));
        const bool reusable = PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) == PQTRANS_IDLE;
        if (!reusable)
            PQfinish(conn);
        {
            std::lock_guard lock(m_mutex);
            if (reusable)
                m_idle.push_back(conn);
            else
                --m_open;
        }
        m_freed.notify_one();
    }

    const std::string m_conninfo;
    const int m_max;
    std::mutex m_mutex;
    std::condition_variable m_freed;
    std::vector<PGconn*> m_idle;
    int m_open = 0; // idle and checked out
};

namespace {

// An open transaction holding the clinic's counter row (SELECT ... FOR UPDATE) until commit or
// rollback. Pushes to one clinic therefore take turns, and a puller can never see seq N+1 committed
// while N is still in flight, as it could with a sequence column and commits out of order.
class PostgresPush final : public PushTransaction
{
public:
    PostgresPush(PostgresPool::Lease conn, std::string clinicId)
        : m_conn(std::move(conn)), m_clinic(std::move(clinicId))
    {
    }
    ~PostgresPush() override
    {
        if (!m_ended)
            PQclear(PQexec(m_conn.get(), "ROLLBACK"));
    }

    Status begin()
    {
        // READ COMMITTED: once the lock is granted, every later statement sees the previous push's
        // commit (REPEATABLE READ would fail with a serialization error instead).
        if (Status s = done(exec(m_conn.get(), "BEGIN ISOLATION LEVEL READ COMMITTED")); !s)
            return s;
        auto res = exec(m_conn.get(), "SELECT next_seq FROM srv_clinic WHERE id = $1 FOR UPDATE", {m_clinic});
        if (!res)
            return std::unexpected(res.error());
        if (PQntuples(res->get()) == 0)
            return fail(ErrorCode::NotFound, "clinic", m_clinic);
        m_highest = m_lastSeq = integer(res->get(), 0, 0);
        return {};
    }

    std::int64_t highestSeq() const override { return m_highest; }

    Status prefetch(const std::vector<SyncChange>& changes) override
    {
        if (Status s = open(); !s)
            return s;
        std::vector<std::optional<std::string>> ids, entities, rows;
        for (const auto& c : changes) {
            ids.push_back(c.id);
            entities.push_back(c.entity);
            rows.push_back(c.rowId);
            m_seqCache.emplace(c.id, std::nullopt);
            m_refusalCache.emplace(c.id, std::nullopt);
            m_rowCache.emplace(std::pair{c.entity, c.rowId}, std::nullopt);
        }
        const std::string idArray = pgArray(ids);
        auto seqs = exec(m_conn.get(),
                         "SELECT change_id, seq FROM srv_change WHERE clinic_id = $1 AND change_id = ANY($2::text[])",
                         {m_clinic, idArray});
        if (!seqs)
            return std::unexpected(seqs.error());
        for (int i = 0; i < PQntuples(seqs->get()); ++i)
            m_seqCache[text(seqs->get(), i, 0)] = integer(seqs->get(), i, 1);
        auto refused = exec(m_conn.get(),
                            "SELECT change_id, code, reason FROM srv_refused WHERE clinic_id = $1 AND "
                            "change_id = ANY($2::text[])",
                            {m_clinic, idArray});
        if (!refused)
            return std::unexpected(refused.error());
        for (int i = 0; i < PQntuples(refused->get()); ++i)
            m_refusalCache[text(refused->get(), i, 0)] =
                Refusal{text(refused->get(), i, 1), text(refused->get(), i, 2)};
        auto found = exec(m_conn.get(),
                          "SELECT r.doc FROM srv_row r JOIN unnest($2::text[], $3::text[]) AS k (entity, row_id) "
                          "ON r.entity = k.entity AND r.row_id = k.row_id WHERE r.clinic_id = $1",
                          {m_clinic, pgArray(entities), pgArray(rows)});
        if (!found)
            return std::unexpected(found.error());
        auto decoded = decodeRows(found->get());
        if (!decoded)
            return std::unexpected(decoded.error());
        for (auto& row : *decoded)
            m_rowCache[std::pair{row.entity, row.rowId}] = std::move(row);
        return {};
    }

    Result<std::optional<std::int64_t>> acceptedSeq(const std::string& changeId) override
    {
        if (Status s = open(); !s)
            return std::unexpected(s.error());
        if (auto it = m_seqCache.find(changeId); it != m_seqCache.end())
            return it->second;
        return first<std::int64_t>(exec(m_conn.get(),
                                        "SELECT seq FROM srv_change WHERE clinic_id = $1 AND change_id = $2",
                                        {m_clinic, changeId}),
                                   [](const PGresult* r, int i) { return integer(r, i, 0); });
    }

    Result<std::optional<Refusal>> refusal(const std::string& changeId) override
    {
        if (Status s = open(); !s)
            return std::unexpected(s.error());
        if (auto it = m_refusalCache.find(changeId); it != m_refusalCache.end())
            return it->second;
        return first<Refusal>(exec(m_conn.get(),
                                   "SELECT code, reason FROM srv_refused WHERE clinic_id = $1 AND change_id = $2",
                                   {m_clinic, changeId}),
                              [](const PGresult* r, int i) {
                                  return Refusal{PQgetvalue(r, i, 0), PQgetvalue(r, i, 1)};
                              });
    }

    Status recordRefusal(const std::string& changeId, const Refusal& refusal) override
    {
        if (Status s = open(); !s)
            return s;
        auto res = exec(m_conn.get(),
                        "INSERT INTO srv_refused (clinic_id, change_id, code, reason) VALUES ($1, $2, $3, $4) "
                        "ON CONFLICT DO NOTHING",
                        {m_clinic, changeId, refusal.code, refusal.reason});
        if (!res)
            return std::unexpected(res.error());
        return {};
    }

    Result<std::optional<SyncRow>> row(const std::string& entity, const std::string& rowId) override
    {
        if (Status s = open(); !s)
            return std::unexpected(s.error());
        if (auto it = m_rowCache.find(std::pair{entity, rowId}); it != m_rowCache.end())
            return it->second;
        auto res = exec(m_conn.get(), "SELECT doc FROM srv_row WHERE clinic_id = $1 AND entity = $2 AND row_id = $3",
                        {m_clinic, entity, rowId});
        if (!res)
            return std::unexpected(res.error());
        auto rows = decodeRows(res->get());
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->empty())
            return std::optional<SyncRow>{};
        return std::optional<SyncRow>(std::move(rows->front()));
    }

    Status saveRow(const SyncRow& row) override
    {
        if (Status s = open(); !s)
            return s;
        // Written at commit, all rows of the push in one statement.
        m_rowCache[std::pair{row.entity, row.rowId}] = row;
        m_dirtyRows[std::pair{row.entity, row.rowId}] = encodeRow(row);
        return {};
    }

    Status appendChange(const SyncChange& c) override
    {
        if (Status s = open(); !s)
            return s;
        if (c.seq <= m_lastSeq)
            return fail(ErrorCode::Validation, "seq", "not above the clinic's highest sequence number");
        // A clash is reported without aborting the transaction, so the caller can go on as on SQLite.
        auto seen = acceptedSeq(c.id);
        if (!seen)
            return std::unexpected(seen.error());
        if (*seen)
            return fail(ErrorCode::AlreadyExists, "change", c.id);
        // Written at commit, all changes of the push in one statement.
        m_newChanges.push_back(c);
        m_seqCache[c.id] = c.seq;
        m_lastSeq = c.seq;
        return {};
    }

    Result<std::vector<Booking>> overlapping(BookingResource resource, const std::string& resourceId,
                                             std::int64_t startMs, std::int64_t endMs,
                                             const std::string& exceptAppointmentId) override
    {
        if (Status s = open(); !s)
            return std::unexpected(s.error());
        if (resourceId.empty())
            return std::vector<Booking>{}; // no room is not a room everyone shares
        auto res = exec(m_conn.get(), overlapQuery(resource),
                        {m_clinic, resourceId, startMs, endMs, exceptAppointmentId, startMs - kLongestBookingMs});
        if (!res)
            return std::unexpected(res.error());
        return all<Booking>(res->get(), bookingFromRow);
    }

    Status saveBooking(const Booking& b) override
    {
        if (Status s = open(); !s)
            return s;
        return done(
            exec(m_conn.get(),
                 "INSERT INTO srv_booking (clinic_id, appointment_id, provider_id, room_id, patient_id, "
                 "start_ms, end_ms, overbooked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                 "ON CONFLICT (clinic_id, appointment_id) DO UPDATE SET provider_id = excluded.provider_id, "
                 "room_id = excluded.room_id, patient_id = excluded.patient_id, start_ms = excluded.start_ms, "
                 "end_ms = excluded.end_ms, overbooked = excluded.overbooked",
                 {m_clinic, b.appointmentId, b.providerId, b.roomId, b.patientId, b.startMs, b.endMs, b.overbooked}));
    }

    Status removeBooking(const std::string& appointmentId) override
    {
        if (Status s = open(); !s)
            return s;
        return done(exec(m_conn.get(), "DELETE FROM srv_booking WHERE clinic_id = $1 AND appointment_id = $2",
                         {m_clinic, appointmentId}));
    }

    Result<std::optional<std::string>> uniqueOwner(const std::string& entity, const std::string& field,
                                                   const std::string& value) override
    {
        if (Status s = open(); !s)
            return std::unexpected(s.error());
        return first<std::string>(exec(m_conn.get(),
                                       "SELECT row_id FROM srv_unique WHERE clinic_id = $1 AND entity = $2 AND "
                                       "field = $3 AND value = $4",
                                       {m_clinic, entity, field, value}),
                                  [](const PGresult* r, int i) { return text(r, i, 0); });
    }

    Status claimUnique(const std::string& entity, const std::string& field, const std::string& value,
                       const std::string& rowId) override
    {
        if (Status s = open(); !s)
            return s;
        return done(exec(m_conn.get(),
                         "INSERT INTO srv_unique (clinic_id, entity, field, value, row_id) VALUES ($1, $2, $3, $4, $5) "
                         "ON CONFLICT (clinic_id, entity, field, value) DO UPDATE SET row_id = excluded.row_id",
                         {m_clinic, entity, field, value, rowId}));
    }

    Status releaseUnique(const std::string& entity, const std::string& field, const std::string& value,
                         const std::string& rowId) override
    {
        if (Status s = open(); !s)
            return s;
        return done(exec(m_conn.get(),
                         "DELETE FROM srv_unique WHERE clinic_id = $1 AND entity = $2 AND field = $3 AND value = $4 "
                         "AND row_id = $5",
                         {m_clinic, entity, field, value, rowId}));
    }

    Status commit(std::int64_t newHighestSeq) override
    {
        if (Status s = open(); !s)
            return s;
        if (newHighestSeq < m_lastSeq)
            return fail(ErrorCode::Validation, "seq", "below a change appended in this push");
        if (Status s = flush(); !s)
            return s;
        if (Status s = done(
                exec(m_conn.get(), "UPDATE srv_clinic SET next_seq = $2 WHERE id = $1", {m_clinic, newHighestSeq}));
            !s)
            return s;
        m_ended = true;
        return committed(m_conn.get());
    }

private:
    Status flush()
    {
        if (!m_newChanges.empty()) {
            std::vector<std::optional<std::string>> seq, id, entity, row, op, hlc, base, fields, device;
            for (const auto& c : m_newChanges) {
                seq.push_back(std::to_string(c.seq));
                id.push_back(c.id);
                entity.push_back(c.entity);
                row.push_back(c.rowId);
                op.push_back(c.deleted ? "delete" : "upsert");
                hlc.push_back(c.hlc);
                base.push_back(c.baseHlc);
                fields.push_back(c.fieldsJson.empty() ? encodeFields(c.fields) : c.fieldsJson);
                device.push_back(c.deviceId);
            }
            auto res = exec(m_conn.get(),
                            "INSERT INTO srv_change (clinic_id, seq, change_id, entity, row_id, op, hlc, base_hlc, "
                            "fields, device_id) SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], "
                            "$5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) "
                            "ON CONFLICT DO NOTHING",
                            {m_clinic, pgArray(seq), pgArray(id), pgArray(entity), pgArray(row), pgArray(op),
                             pgArray(hlc), pgArray(base), pgArray(fields), pgArray(device)});
            if (!res)
                return std::unexpected(res.error());
            if (affectedRows(res->get()) != static_cast<std::int64_t>(m_newChanges.size()))
                return fail(ErrorCode::AlreadyExists, "change", "accepted by another push meanwhile");
            m_newChanges.clear();
        }
        if (!m_dirtyRows.empty()) {
            std::vector<std::optional<std::string>> entity, row, doc;
            for (const auto& [key, text] : m_dirtyRows) {
                entity.push_back(key.first);
                row.push_back(key.second);
                doc.push_back(text);
            }
            auto res = exec(m_conn.get(),
                            "INSERT INTO srv_row (clinic_id, entity, row_id, doc) SELECT $1, * FROM "
                            "unnest($2::text[], $3::text[], $4::text[]) ON CONFLICT (clinic_id, entity, row_id) "
                            "DO UPDATE SET doc = excluded.doc",
                            {m_clinic, pgArray(entity), pgArray(row), pgArray(doc)});
            if (!res)
                return std::unexpected(res.error());
            m_dirtyRows.clear();
        }
        return {};
    }

    Status open() const
    {
        if (m_ended)
            return fail(ErrorCode::Internal, "push", "the transaction has ended");
        return {};
    }

    // The column names come from this switch, never from input.
    static const char* overlapQuery(BookingResource resource)
    {
        switch (resource) {
        case BookingResource::Provider:
            return "SELECT appointment_id, provider_id, room_id, patient_id, start_ms, end_ms, overbooked "
                   "FROM srv_booking WHERE clinic_id = $1 AND provider_id = $2 AND start_ms < $4 AND end_ms > $3 "
                   "AND start_ms > $6 AND appointment_id <> $5 ORDER BY start_ms, appointment_id";
        case BookingResource::Room:
            return "SELECT appointment_id, provider_id, room_id, patient_id, start_ms, end_ms, overbooked "
                   "FROM srv_booking WHERE clinic_id = $1 AND room_id = $2 AND room_id <> '' AND start_ms < $4 "
                   "AND end_ms > $3 AND start_ms > $6 AND appointment_id <> $5 ORDER BY start_ms, appointment_id";
        case BookingResource::Patient:
            break;
        }
        return "SELECT appointment_id, provider_id, room_id, patient_id, start_ms, end_ms, overbooked "
               "FROM srv_booking WHERE clinic_id = $1 AND patient_id = $2 AND start_ms < $4 AND end_ms > $3 "
               "AND start_ms > $6 AND appointment_id <> $5 ORDER BY start_ms, appointment_id";
    }

    PostgresPool::Lease m_conn;
    std::string m_clinic;
    // What this push has read or written, so each change costs no round trip for them.
    std::map<std::string, std::optional<std::int64_t>> m_seqCache;
    std::map<std::string, std::optional<Refusal>> m_refusalCache;
    std::map<std::pair<std::string, std::string>, std::optional<SyncRow>> m_rowCache;
    std::vector<SyncChange> m_newChanges;
    std::map<std::pair<std::string, std::string>, std::string> m_dirtyRows;
    std::int64_t m_highest = 0;
    std::int64_t m_lastSeq = 0; // the highest seq locked or appended so far
    bool m_ended = false;
};

} // namespace

PostgresStore::PostgresStore(std::shared_ptr<PostgresPool> pool) : m_pool(std::move(pool)) {}
PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const std::string& conninfo, int maxConnections)
{
    // libpq's parse error quotes the text, which may hold a password: say only that it is wrong.
    char* parseError = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &parseError);
    PQfreemem(parseError);
    if (!options)
        return fail(ErrorCode::Validation, "conninfo", "not a PostgreSQL URI or connection string");
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
                             "requested_ms, approved_by, approved_ms, number) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                             "(SELECT coalesce(max(number), 0) + 1 FROM srv_device WHERE clinic_id = $1)) "
                             "ON CONFLICT (clinic_id, device_id) DO NOTHING",
                             {d.clinicId, d.deviceId, d.name, deviceStatusName(d.status), d.requestedBy, d.requestedMs,
                              d.approvedBy, d.approvedMs}));
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
    auto push = std::make_unique<PostgresPush>(std::move(*conn), clinicId);
    if (Status s = push->begin(); !s)
        return std::unexpected(s.error());
    return std::unique_ptr<PushTransaction>(std::move(push));
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
    auto res = m_pool->run("SELECT seq, change_id, entity, row_id, op, hlc, base_hlc, fields, device_id "
                           "FROM srv_change WHERE clinic_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
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

} // namespace practica::sync
