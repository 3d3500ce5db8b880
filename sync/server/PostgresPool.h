// practica-server's PostgreSQL plumbing: the connection pool and the small libpq helpers the
// store and its push transaction share (bound text parameters only, typed errors that never quote
// values, result readers).
#pragma once

#include "ServerStore.h"
#include "sync/protocol/Protocol.h"

#include <charconv>
#include <chrono>
#include <condition_variable>
#include <libpq-fe.h>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace practica::sync {

namespace pg {

using core::Error;
using core::ErrorCode;
using core::fail;

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
inline std::string pgArray(const std::vector<std::optional<std::string>>& values)
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

inline std::string trimmed(const char* message)
{
    std::string s = message ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

inline Error connectionLost(PGconn* conn)
{
    return Error::make(ErrorCode::Offline, "postgresql", trimmed(PQerrorMessage(conn)));
}

// Data and integrity errors quote the offending values (which may be patient data), so for those
// the error keeps only the SQLSTATE and the constraint's name.
inline Error statementError(PGconn* conn, const PGresult* res)
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

inline Result<PgResult> checked(PGconn* conn, PgResult res)
{
    const ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return std::unexpected(statementError(conn, res.get()));
    return res;
}

inline Result<PgResult> exec(PGconn* conn, const char* sql, std::initializer_list<Param> params = {})
{
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const Param& p : params)
        values.push_back(p.text ? p.text->c_str() : nullptr);
    return checked(conn, PgResult(PQexecParams(conn, sql, static_cast<int>(values.size()), nullptr, values.data(),
                                               nullptr, nullptr, 0)));
}

// Several statements without parameters (a migration), through the simple query protocol.
inline Result<PgResult> script(PGconn* conn, const std::string& sql)
{
    return checked(conn, PgResult(PQexec(conn, sql.c_str())));
}

inline Status done(const Result<PgResult>& res)
{
    if (!res)
        return std::unexpected(res.error());
    return {};
}

inline Status committed(PGconn* conn)
{
    auto res = exec(conn, "COMMIT");
    if (!res)
        return std::unexpected(res.error());
    // COMMIT of a transaction that failed earlier rolls it back and still succeeds: tell them apart.
    if (std::string_view(PQcmdStatus(res->get())) != "COMMIT")
        return fail(ErrorCode::Internal, "transaction", "rolled back after an earlier error");
    return {};
}

inline std::string text(const PGresult* r, int row, int col)
{
    return std::string(PQgetvalue(r, row, col), static_cast<std::size_t>(PQgetlength(r, row, col)));
}

inline std::optional<std::string> optionalText(const PGresult* r, int row, int col)
{
    if (PQgetisnull(r, row, col))
        return std::nullopt;
    return text(r, row, col);
}

inline std::int64_t integer(const char* s)
{
    std::int64_t v = 0;
    std::from_chars(s, s + std::char_traits<char>::length(s), v);
    return v;
}

inline std::int64_t integer(const PGresult* r, int row, int col)
{
    return integer(PQgetvalue(r, row, col));
}

inline bool flag(const PGresult* r, int row, int col)
{
    return PQgetvalue(r, row, col)[0] == 't';
}

inline std::int64_t affectedRows(const PGresult* r)
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

inline Result<std::vector<SyncRow>> decodeRows(const PGresult* r)
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

// The one row a query for a (clinic, entity, row id) key returned, if any.
inline Result<std::optional<SyncRow>> firstRow(const Result<PgResult>& res)
{
    if (!res)
        return std::unexpected(res.error());
    auto rows = decodeRows(res->get());
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->empty())
        return std::optional<SyncRow>{};
    return std::optional<SyncRow>(std::move(rows->front()));
}

inline constexpr const char* kRowByKey = "SELECT doc FROM srv_row WHERE clinic_id = $1 AND entity = $2 AND row_id = $3";

inline Booking bookingFromRow(const PGresult* r, int i)
{
    return Booking{text(r, i, 0),    text(r, i, 1),    text(r, i, 2), text(r, i, 3),
                   integer(r, i, 4), integer(r, i, 5), flag(r, i, 6)};
}

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

} // namespace pg

} // namespace practica::sync
