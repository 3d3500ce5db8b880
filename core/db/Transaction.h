// Scope guard: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() succeeded.
// Inside another Transaction it joins the outer one, so a store call can be part of a caller's batch
// (imports, demo generation): if the inner part fails, the whole outer transaction rolls back and its
// commit() reports the failure. (SAVEPOINTs would allow partial undo, but cost a sub-journal copy of
// every page each store call touches.)
#pragma once

#include "core/Error.h"

namespace practica::core {

class Database;

class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Whether BEGIN succeeded; a failed begin leaves nothing to roll back.
    const Status& begun() const { return m_begun; }
    Status commit();

private:
    Database& m_db;
    Status m_begun;
    bool m_open = false;
    bool m_nested = false;
};

} // namespace practica::core
