// Merges one pulled change into the workstation's rows: a field takes the change's value when the
// change's stamp is newer (the value it replaces, or the change's losing value, goes to history),
// deletes leave tombstones, and a change that does not fit this database (an unknown record type or
// field, a value its record type's rules refuse, a missing reference) is parked with its reason, to be
// tried again rather than lost. It names no table: what it knows of a type comes from its declaration.
#pragma once

#include "core/Error.h"
#include "core/records/FieldRules.h"
#include "core/sync/SyncChange.h"
#include "core/sync/SyncSchema.h"

#include <map>
#include <string>
#include <vector>

namespace practica::core {

class Session;

class ChangeMerger
{
public:
    ChangeMerger(Session& session, SyncSchema& schema, const RecordTypes& types)
        : m_session(session), m_schema(schema), m_types(types)
    {
    }

    // Part of the caller's transaction. anyTombstone false lets inserts skip the tombstone lookup.
    Status apply(const SyncChange& change, bool anyTombstone);
    // Merges one row of the server's snapshot (its merged values, per-field stamps, tombstone; part of
    // the caller's transaction). A row this desk does not hold is inserted as it is, stamps and tombstone
    // included, with nothing for history (no value was replaced): a joined desk's first sync. A row it
    // holds (the desk that made the clinic, a pull again after a wider scope), or one behind a tombstone
    // here, merges field by field by stamp, as the changes that made it would, one per stamp. A row that
    // does not fit (an unknown type or field, a rule this build's types break, a reference not there yet)
    // is parked as one change under seq, to be tried again. anyTombstone as for apply().
    Status applyRow(SyncRow row, std::int64_t seq, bool anyTombstone);
    // Parked changes that met a constraint (a reference not there yet) get another try.
    Status retryParked();
    // Writes fields of a synced row with the given per-field stamps (table and fields checked by the caller).
    Status writeRow(const std::string& table, const std::string& rowId, const std::vector<SyncField>& fields,
                    const std::string& hlc, bool creating, const std::string& fieldHlc);
    // Rebuilds what the workstation derives from a changed row, through its type's hook.
    Status afterWrite(const std::string& table, const std::string& rowId, bool inserted = false);

private:
    // The row as changes of one stamp each (oldest first), its delete last; or as one change at its
    // newest stamp carrying every value (whole).
    static std::vector<SyncChange> rowChanges(const SyncRow& row, std::int64_t seq, bool whole);
    Result<bool> holds(const std::string& table, const std::string& rowId, bool anyTombstone);
    Status park(const SyncChange& change, const std::string& code, const std::map<std::string, std::string>& params);
    Status parkRefused(const SyncChange& change, const char* operation, const Error& error);
    // The first rule of its type the change breaks, as a parking reason.
    std::optional<RuleViolation> brokenRule(const SyncChange& change) const;

    Session& m_session;
    SyncSchema& m_schema;
    const RecordTypes& m_types;
    // The latest date anywhere (UTC+14) by this workstation's clock, worked out once an hour.
    // A snapshot row merging as changes: an empty field it replaces is no value lost (a field the desk's
    // scope withheld, or one cleared, whose history the server's change log keeps).
    bool m_mergingRow = false;
    mutable std::int64_t m_todayHour = -1;
    mutable std::string m_todayIso;
};

// Every reason a change is parked for (ParkedChange::code), for front ends' tests.
const std::vector<std::string>& parkReasonCodes();

// Errors a change can meet that mean "not yet" or "not here", rather than a broken database.
bool isParkable(const Error& e);

} // namespace practica::core
