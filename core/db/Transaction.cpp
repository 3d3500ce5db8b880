#include "Transaction.h"

#include "Database.h"

#include <sqlite3.h>

namespace practica::core {

Transaction::Transaction(Database& db) : m_db(db)
{
    m_nested = sqlite3_get_autocommit(m_db.handle()) == 0;
    if (m_nested) {
        m_open = true;
        return;
    }
    (void)m_db.takeRollbackOnly();
    m_begun = m_db.execute("BEGIN IMMEDIATE;");
    m_open = m_begun.has_value();
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    if (m_nested)
        m_db.markRollbackOnly();
    else
        (void)m_db.execute("ROLLBACK;");
}

Status Transaction::commit()
{
    if (!m_begun)
        return m_begun;
    if (!m_open)
        return fail(ErrorCode::Internal, {}, "commit twice");
    if (m_nested) {
        m_open = false;
        return {};
    }
    if (m_db.takeRollbackOnly())
        return fail(ErrorCode::Conflict, {}, Rule::Aborted);
    Status s = m_db.execute("COMMIT;");
    if (s)
        m_open = false;
    return s;
}

} // namespace practica::core
