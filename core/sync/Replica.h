// The workstation's side of sync, without the network: which local changes go out next, what the
// server's answers mean for the outbox, how pulled changes merge into local rows (field by field,
// last writer wins by HLC, losers kept in history), the pull cursor, conflicts and the digest.
#pragma once

#include "core/Error.h"
#include "core/records/RecordType.h"
#include "core/sync/ChangeMerger.h"
#include "core/sync/SyncChange.h"
#include "core/sync/SyncSchema.h"
#include "core/sync/SyncScope.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace practica::core {

class Session;

struct SyncConflict
{
    std::string id;
    std::string changeId;
    std::string entity;
    std::string rowId;
    std::string code; // double_booking, unique, unknown_row, invalid_change, permission_denied, clock_skew, ...
    std::map<std::string, std::string> params; // the rule's particulars, for the front ends' sentences
    std::string reason; // the server's English words, shown only when an older server sent no params
    std::vector<SyncField> fields;
    std::optional<SyncRow> current;
    std::int64_t detectedMs = 0;
};

// A pulled change this workstation could not merge, kept to be tried again: an unknown record type or
// field (from a newer Practica), a value its record type's rules refuse (from an older server), or a
// record it refers to that had not arrived yet.
struct ParkedChange
{
    std::string changeId;
    std::int64_t seq = 0; // the server's sequence number
    std::string entity;
    std::string rowId;
    // unknown_record_type, unknown_field, invalid_field (with the rule), refused_by_database
    std::string code;
    std::map<std::string, std::string> params;
    std::int64_t parkedMs = 0;
    std::string author;   // who made the change, as the server recorded it
    std::string deviceId; // and on which workstation
};

// How far a row snapshot (sync/protocol/Protocol.h) has come: the sequence number the pull goes on from
// once it is in, and the last row taken (the record type, then the row id within it).
struct SnapshotMark
{
    std::int64_t seq = 0;
    std::string entity;
    std::string after;
};

struct SyncStatus
{
    std::int64_t pending = 0; // local changes not yet accepted by the server
    std::int64_t cursor = 0;
    std::int64_t lastSuccessMs = 0;
    std::optional<Error> lastError; // why the last sync failed, if it did
    std::int64_t openConflicts = 0;
    std::int64_t parked = 0;
    std::string server;
    std::string clinicId;
};

class Replica
{
public:
    // types: the record types this workstation knows (a test adds test-only ones).
    explicit Replica(Session& session, RecordTypes types = RecordTypes::builtIn());
    Replica(const Replica&) = delete; // the schema and merger refer to m_types
    Replica& operator=(const Replica&) = delete;

    // The oldest local changes not yet pushed, leaving out rows with an unresolved conflict.
    Result<std::vector<SyncChange>> outgoing(int limit);
    // Applies the server's answers in one transaction: accepted and duplicate changes leave the
    // outbox, refused ones become conflicts (and hold back later changes of the same row).
    Status acknowledge(const std::vector<PushResult>& results);
    // Merges a pulled page and stores the new cursor, all in one transaction.
    Status applyPulled(const std::vector<SyncChange>& page, std::int64_t next);

    // The snapshot under way, if one is: a sync cut off in the middle of one resumes from its mark.
    Result<std::optional<SnapshotMark>> snapshotMark();
    // Starts a snapshot at the server's sequence number (forgetting any unfinished one).
    Status beginSnapshot(std::int64_t seq);
    // Merges snapshot rows (ChangeMerger::applyRow; a page, or the small record types' pages together)
    // and keeps the new mark, in one transaction.
    // The rows' values move into the database; what is left of them is the caller's to free.
    Status applySnapshotRows(std::vector<SyncRow>& rows, const SnapshotMark& mark);
    // Every row is in: the pull cursor moves to the snapshot's sequence number and the mark goes.
    Status finishSnapshot();
    // The order a snapshot takes record types in: a type after the types its references name (so rows
    // insert with their references in place), the server's types this build does not know last.
    std::vector<std::string> snapshotOrder(const std::vector<std::string>& served) const;

    Result<SyncStatus> status();
    Status recordSuccess();
    // Keeps why a sync failed (its code, field and detail), for the front ends to word.
    Status recordError(const Error& error);
    Result<std::optional<std::string>> setting(const std::string& key);
    Status setSetting(const std::string& key, const std::string& value);

    Result<std::vector<SyncConflict>> openConflicts();
    // Pulled changes that did not fit, oldest first.
    Result<std::vector<ParkedChange>> parkedChanges(int limit = 1000);
    // Sends the row as it is now on this workstation (after the user fixed it, e.g. picked another
    // slot) as one new change carrying every field; the held changes of the row are folded into it.
    Status resolveByRetry(const std::string& conflictId);
    // Takes the server's version of the row (serverRow, fetched just now; nullopt when the server never
    // accepted the row, which is then removed here) and drops the row's held changes. Anyone may: it
    // writes only what the server already holds (a change refused for want of permission included).
    Status resolveByDiscard(const std::string& conflictId, const std::optional<SyncRow>& serverRow);

    // The scope this workstation was last served (core/sync/SyncScope.h): what it holds of the clinic.
    // Everything until a server names one.
    Result<SyncScope> scope();
    // Takes the scope a pulled page names. When it reads more than the one held, the pull cursor goes
    // back to the start in the same transaction, so the workstation pulls again what it was not given
    // (the merge is idempotent); returns whether it did. ProtocolError for a scope this build does not know.
    Result<bool> takeScope(const std::string& name);
    // Removes what the scope held does not read, once the server has it (ScopePurge); how many rows.
    Result<std::int64_t> purgeOutsideScope();

    // The canonical digest of the synced records the scope held reads (see core/sync/Digest.h), equal
    // to the server's digest for this workstation's scope exactly when both hold the same records.
    Result<std::string> digest();
    // The same through another scope: what a workstation of that scope holding these records would hold.
    Result<std::string> digest(const SyncScope& scope);
    // Tables that sync: every table with per-field versions. A new record type syncs by having them.
    Result<std::vector<std::string>> syncedTables();

private:
    Result<SyncConflict> conflict(const std::string& conflictId, bool sendingAgain);
    Status closeConflict(const SyncConflict& c, const char* resolution);

    Session& m_session;
    RecordTypes m_types;
    SyncSchema m_schema;
    ChangeMerger m_merger;
};

} // namespace practica::core
