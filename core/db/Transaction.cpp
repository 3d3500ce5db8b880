#include "Transaction.h"

#include "Database.h"

#include <sqlite3.h>

namespace practica::core {

Transaction::Transaction(Database& db) : m_db(db)
{
    m_nested = sqlite3_get_autocommit(m_db.handle()) == 0;
    m_begun = m_db.execute(m_nested ? "SAVEPOINT practica_nested;" : "BEGIN IMMEDIATE;");
    m_open = m_begun.has_value();
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    if (m_nested)
        (void)m_db.execute("ROLLBACK TO practica_nested; RELEASE practica_nested;");
    else
        (void)m_db.execute("ROLLBACK;");
}

Status Transaction::commit()
{
    if (!m_begun)
        return m_begun;
    if (!m_open)
        return fail(ErrorCode::Internal, {}, "commit twice");
    Status s = m_db.execute(m_nested ? "RELEASE practica_nested;" : "COMMIT;");
    if (s)
        m_open = false;
    return s;
}

} // namespace practica::core
