// One open SQLCipher database: keyed with the raw data key, WAL, foreign keys, busy timeout.
#pragma once

#include "core/Error.h"
#include "core/crypto/SecretKey.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace practica::core {

class Statement;

class Database
{
public:
    enum class Mode
    {
        OpenExisting,
        CreateNew
    };

    // Opens (or creates) the file and proves the key by reading the schema.
    static Result<std::unique_ptr<Database>> open(const std::string& path, const SecretKey& key, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Result<Statement> prepare(std::string_view sql);
    // Runs fixed SQL text (schema, pragmas). Values always go through prepare() and bind.
    Status execute(std::string_view sql);
    Status rekey(const SecretKey& newKey);
    // PRAGMA integrity_check and cipher_integrity_check (where the library has it); empty when healthy.
    Result<std::vector<std::string>> integrityCheck();
    std::string cipherVersion();
    void setCacheSizeMb(int mb);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    // Maps the connection's last error to a typed Error.
    Error lastError(int rc, std::string_view context) const;

    // Set when a nested Transaction ended without commit: the outer one must roll back.
    void markRollbackOnly() { m_rollbackOnly = true; }
    bool takeRollbackOnly() { return std::exchange(m_rollbackOnly, false); }

    // Takes back a finished statement for reuse by the next prepare() of the same SQL.
    void recycle(sqlite3_stmt* stmt);

private:
    Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
    sqlite3* m_db;
    std::string m_path;
    // Prepared statements by SQL text: stores run the same few statements thousands of times.
    std::unordered_map<std::string, std::vector<sqlite3_stmt*>> m_statementCache;
    bool m_rollbackOnly = false;
};

} // namespace practica::core
