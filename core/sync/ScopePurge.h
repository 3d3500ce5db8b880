// Keeps the workstation's database within its sync scope (minimum necessary on every disk): removes the
// rows of record types the scope does not read and empties the fields it does not read, with their
// stamps and their field history, as a local purge that is no sync change. A row with a change still in
// the outbox, or with an open conflict, stays until the server has it (a doctor's note written at a front
// desk still goes out); so does a row the database will not let go (a readable record refers to it).
#pragma once

#include "core/Error.h"
#include "core/records/RecordType.h"
#include "core/sync/SyncSchema.h"
#include "core/sync/SyncScope.h"

#include <cstdint>

namespace practica::core {

class ChangeMerger;
class Session;

class ScopePurge
{
public:
    ScopePurge(Session& session, SyncSchema& schema, ChangeMerger& merger, const RecordTypes& types)
        : m_session(session), m_schema(schema), m_merger(merger), m_types(types)
    {
    }

    // In one transaction, with one audit event naming the scope and how many rows were purged (none when
    // nothing was). Returns that number.
    Result<std::int64_t> run(const SyncScope& scope);

private:
    Result<std::int64_t> removeRows(const RecordType& type);
    Result<std::int64_t> emptyFields(const RecordType& type, const std::vector<std::string>& fields);

    Session& m_session;
    SyncSchema& m_schema;
    ChangeMerger& m_merger;
    const RecordTypes& m_types;
};

} // namespace practica::core
