#include "Statement.h"

#include "Database.h"

#include <sqlite3.h>
#include <utility>

namespace practica::core {

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)), m_bindStatus(std::move(other.m_bindStatus))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            m_db->recycle(m_stmt);
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_bindStatus = std::move(other.m_bindStatus);
    }
    return *this;
}

Statement::~Statement()
{
    if (m_stmt)
        m_db->recycle(m_stmt);
}

namespace {
Status bindResult(Database& db, int rc)
{
    if (rc == SQLITE_OK)
        return {};
    return std::unexpected(db.lastError(rc, "bind"));
}
} // namespace

Statement& Statement::bind(int index, std::int64_t value)
{
    if (m_bindStatus)
        m_bindStatus = bindResult(*m_db, sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
    if (m_bindStatus)
        m_bindStatus = bindResult(
            *m_db, sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value)
{
    return value ? bind(index, std::string_view(*value)) : bindNull(index);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bindBlob(int index, const void* data, std::size_t size)
{
    if (m_bindStatus)
        m_bindStatus = bindResult(*m_db, sqlite3_bind_blob64(m_stmt, index, data, size, SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bindNull(int index)
{
    if (m_bindStatus)
        m_bindStatus = bindResult(*m_db, sqlite3_bind_null(m_stmt, index));
    return *this;
}

Result<bool> Statement::step()
{
    if (!m_bindStatus)
        return std::unexpected(m_bindStatus.error());
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error e = m_db->lastError(rc, "step");
    sqlite3_reset(m_stmt);
    return std::unexpected(e);
}

Status Statement::run()
{
    auto r = step();
    if (!r)
        return std::unexpected(r.error());
    sqlite3_reset(m_stmt);
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindStatus = {};
}

Result<std::int64_t> Statement::scalar()
{
    auto row = step();
    if (!row)
        return std::unexpected(row.error());
    const std::int64_t value = *row ? int64(0) : 0;
    reset();
    return value;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto* p = sqlite3_column_text(m_stmt, column);
    if (!p)
        return {};
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::optional<std::string> Statement::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace practica::core
