// Merges one pulled change into the workstation's rows: a field takes the change's value when the
// change's stamp is newer (the value it replaces, or the change's losing value, goes to history),
// deletes leave tombstones, and a change that does not fit this database (an unknown record type or
// field, a missing reference) is parked to be tried again rather than lost.
#pragma once

#include "core/Error.h"
#include "core/sync/SyncChange.h"
#include "core/sync/SyncSchema.h"

#include <string>
#include <vector>

namespace practica::core {

class Session;

class ChangeMerger
{
public:
    ChangeMerger(Session& session, SyncSchema& schema) : m_session(session), m_schema(schema) {}

    // Part of the caller's transaction. anyTombstone false lets inserts skip the tombstone lookup.
    Status apply(const SyncChange& change, bool anyTombstone);
    // Parked changes that met a constraint (a reference not there yet) get another try.
    Status retryParked();
    // Writes fields of a synced row with the given per-field stamps (table and fields checked by the caller).
    Status writeRow(const std::string& table, const std::string& rowId, const std::vector<SyncField>& fields,
                    const std::string& hlc, bool creating, const std::string& fieldHlc);
    // Rebuilds what the workstation derives from a changed row (the patient search index).
    Status afterWrite(const std::string& table, const std::string& rowId, bool inserted = false);

private:
    Status park(const SyncChange& change, const std::string& why);

    Session& m_session;
    SyncSchema& m_schema;
};

// Errors a change can meet that mean "not yet" or "not here", rather than a broken database.
bool isParkable(const Error& e);

} // namespace practica::core
