#include "Database.h"

#include "Statement.h"

#include <cerrno>
#include <filesystem>
#include <sqlite3.h>

namespace practica::core {

namespace {

// Which kind of constraint a write broke, as the field of its Conflict error.
std::string constraintKind(int extended)
{
    switch (extended) {
    case SQLITE_CONSTRAINT_FOREIGNKEY:
        return "foreign_key";
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
        return "unique";
    case SQLITE_CONSTRAINT_CHECK:
        return "check";
    case SQLITE_CONSTRAINT_NOTNULL:
        return "not_null";
    default:
        return "constraint";
    }
}

} // namespace

namespace {

std::string hexKeyPragma(const SecretKey& key)
{
    static const char* digits = "0123456789abcdef";
    std::string s = "x'";
    for (unsigned char b : key.bytes()) {
        s += digits[b >> 4];
        s += digits[b & 0x0f];
    }
    s += "'";
    return s;
}

} // namespace

Error Database::lastError(int rc, std::string_view context) const
{
    // Read errno first: SQLite 3.15 has no sqlite3_system_errno(), and the failed write's errno is
    // still in place when a call has just returned.
    const int systemErrno = errno;
    const int primary = rc & 0xff;
    std::string message = m_db ? sqlite3_errmsg(m_db) : "";
    std::string detail = std::string(context) + ": " + message;
    switch (primary) {
    case SQLITE_FULL:
        return Error::make(ErrorCode::DiskFull, {}, detail);
    case SQLITE_NOTADB:
        return Error::make(ErrorCode::NotADatabase, m_path, detail);
    case SQLITE_CORRUPT:
        return Error::make(ErrorCode::DatabaseCorrupt, m_path, detail);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        return Error::make(ErrorCode::ReadOnly, m_path, detail);
    case SQLITE_IOERR:
        if (systemErrno == ENOSPC || systemErrno == EFBIG || systemErrno == EDQUOT)
            return Error::make(ErrorCode::DiskFull, {}, detail);
        return Error::make(ErrorCode::Io, m_path, detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::make(ErrorCode::Busy, {}, detail);
    case SQLITE_CONSTRAINT: {
        std::string kind = constraintKind(m_db ? sqlite3_extended_errcode(m_db) : rc);
        return Error::make(ErrorCode::Conflict, kind, Rule::Constraint, {{"constraint", kind}, {"message", detail}});
    }
    default:
        return Error::make(ErrorCode::Internal, {}, detail);
    }
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path, const SecretKey& key, Mode mode)
{
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (mode == Mode::OpenExisting && !exists)
        return fail(ErrorCode::DatabaseMissing, path);
    if (mode == Mode::CreateNew && exists)
        return fail(ErrorCode::AlreadyExists, path);

    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (mode == Mode::CreateNew ? SQLITE_OPEN_CREATE : 0);
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK)
        return std::unexpected(db->lastError(rc, "open"));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);

    // The key pragma must come first; it never fails by itself, the first read proves it.
    std::string keyPragma = "PRAGMA key = \"" + hexKeyPragma(key) + "\";";
    rc = sqlite3_exec(raw, keyPragma.c_str(), nullptr, nullptr, nullptr);
    sodium_memzero(keyPragma.data(), keyPragma.size());
    if (rc != SQLITE_OK)
        return std::unexpected(db->lastError(rc, "key"));

    // 4 KiB pages (SQLCipher 3 defaults to 1 KiB) quarter the per-page cipher and HMAC work; it must be
    // set before the first read, and every Practica database is created with it.
    rc = sqlite3_exec(raw, "PRAGMA cipher_page_size = 4096;", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(db->lastError(rc, "cipher_page_size"));

    rc = sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master;", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        Error e = db->lastError(rc, "read schema");
        if (e.code == ErrorCode::DatabaseCorrupt || e.code == ErrorCode::Internal)
            e.code = ErrorCode::NotADatabase;
        return std::unexpected(e);
    }
    for (const char* pragma :
         {"PRAGMA journal_mode = WAL;", "PRAGMA foreign_keys = ON;", "PRAGMA synchronous = NORMAL;",
          "PRAGMA secure_delete = ON;", "PRAGMA temp_store = MEMORY;", "PRAGMA cache_size = -32768;"}) {
        if (Status s = db->execute(pragma); !s)
            return std::unexpected(s.error());
    }
    return db;
}

Database::~Database()
{
    for (auto& [sql, list] : m_statementCache)
        for (sqlite3_stmt* stmt : list)
            sqlite3_finalize(stmt);
    if (m_db)
        sqlite3_close_v2(m_db);
}

void Database::recycle(sqlite3_stmt* stmt)
{
    constexpr std::size_t kMaxCachedSql = 256;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    const char* text = sqlite3_sql(stmt);
    if (!text || (m_statementCache.size() >= kMaxCachedSql && !m_statementCache.contains(text))) {
        sqlite3_finalize(stmt);
        return;
    }
    auto& list = m_statementCache[text];
    if (list.size() >= 4)
        sqlite3_finalize(stmt);
    else
        list.push_back(stmt);
}

Result<Statement> Database::prepare(std::string_view sql)
{
    if (auto it = m_statementCache.find(std::string(sql)); it != m_statementCache.end() && !it->second.empty()) {
        sqlite3_stmt* cached = it->second.back();
        it->second.pop_back();
        return Statement(*this, cached);
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(lastError(rc, std::string("prepare ") + std::string(sql.substr(0, 60))));
    return Statement(*this, stmt);
}

Status Database::execute(std::string_view sql)
{
    std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return std::unexpected(lastError(rc, std::string(sql.substr(0, 60))));
    return {};
}

Status Database::rekey(const SecretKey& newKey)
{
    std::string pragma = "PRAGMA rekey = \"" + hexKeyPragma(newKey) + "\";";
    Status s = execute(pragma);
    sodium_memzero(pragma.data(), pragma.size());
    return s;
}

Result<std::vector<std::string>> Database::integrityCheck()
{
    std::vector<std::string> problems;
    auto collect = [&](std::string_view sql, bool optional) -> Status {
        auto stmt = prepare(sql);
        if (!stmt) {
            if (optional)
                return {};
            return std::unexpected(stmt.error());
        }
        while (true) {
            auto row = stmt->step();
            if (!row) {
                if (optional)
                    return {};
                return std::unexpected(row.error());
            }
            if (!*row)
                break;
            std::string line = stmt->text(0);
            if (line != "ok")
                problems.push_back(line);
        }
        return {};
    };
    if (Status s = collect("PRAGMA integrity_check;", false); !s)
        return std::unexpected(s.error());
    // cipher_integrity_check exists from SQLCipher 4 on; older versions simply return nothing.
    if (Status s = collect("PRAGMA cipher_integrity_check;", true); !s)
        return std::unexpected(s.error());
    if (Status s = collect("PRAGMA foreign_key_check;", false); !s)
        return std::unexpected(s.error());
    return problems;
}

std::string Database::cipherVersion()
{
    auto stmt = prepare("PRAGMA cipher_version;");
    if (!stmt)
        return {};
    auto row = stmt->step();
    return (row && *row) ? stmt->text(0) : std::string();
}

void Database::setCacheSizeMb(int mb)
{
    auto stmt = prepare("PRAGMA cache_size = " + std::to_string(-1024 * mb) + ";");
    if (stmt)
        (void)stmt->step();
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

} // namespace practica::core
