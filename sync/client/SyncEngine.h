// Runs sync for one workstation: enrolment with the server, then push until the outbox is empty and
// pull until caught up, applying each page and its cursor in one transaction so that a cut-off or
// cancelled sync resumes where it stopped. A pull from the start (a first sync, a wider scope) takes the
// clinic's rows from the server's snapshot, then the changes after it. Keeps the refresh token in the
// encrypted database.
#pragma once

#include "SyncClient.h"
#include "core/auth/Session.h"
#include "core/auth/UserStore.h"
#include "core/crypto/KeyFile.h"
#include "core/sync/Replica.h"

#include <functional>
#include <memory>

namespace practica::sync {

struct SyncProgress
{
    std::int64_t pushed = 0;
    std::int64_t pulled = 0; // changes pulled, and rows of a snapshot: what arrived from the server
    // While a snapshot comes in, cursor runs from 0 to highestSeq (the snapshot's number) in step with
    // the rows received, so a bar over the two stays meaningful.
    std::int64_t cursor = 0;
    std::int64_t highestSeq = 0;
    // Rows of a snapshot received so far and its rows in all (0 when no snapshot is under way).
    std::int64_t snapshotRows = 0;
    std::int64_t snapshotTotal = 0;
};

struct SyncReport
{
    std::int64_t pushed = 0;     // accepted now
    std::int64_t duplicates = 0; // accepted before (a retry after a lost answer)
    std::int64_t conflicts = 0;  // refused, now in the conflicts list
    std::int64_t redirected = 0; // accepted, but moved by the server to a merged record's survivor
    std::int64_t pulled = 0;
    std::int64_t cursor = 0;
    // Rows removed from this workstation because its sync scope does not read them (or fields of them).
    std::int64_t purged = 0;
    // The server widened this workstation's scope: it pulled again from the start.
    bool pulledAgain = false;
    // Rows taken from the server's snapshot, on a pull from the start (a first sync, a wider scope).
    std::int64_t snapshotRows = 0;
    core::KeySlotChanges keySlots;  // what the clinic's user list changed in this workstation's key file
    std::int64_t auditSent = 0;     // audit events the server acknowledged in this sync
    std::int64_t auditFindings = 0; // problems the server reported in this workstation's audit chain
};

class SyncEngine
{
public:
    static constexpr int kPushBatch = 500;
    static constexpr int kPullPage = 5000;
    static constexpr int kAuditPage = 500;

    // types: the record types this workstation knows (a test adds test-only ones).
    SyncEngine(core::Session& session, SyncClient& client, core::RecordTypes types = core::RecordTypes::builtIn())
        : m_session(session), m_client(client), m_replica(session, std::move(types))
    {
    }

    // Connects this workstation (with its clinic already in its database) to the server: the user's
    // password is checked online, the device is registered, and the server address is remembered.
    // secondFactor: the current code of the user's authenticator app, when they set up two-step sign-in.
    Result<ClientTokens> enroll(const std::string& password, const std::string& deviceName,
                                const std::string& secondFactor = {});
    // A new workstation for a clinic on the server: verifies the user online, creates the local
    // database with the user's key slot. The caller then runs syncNow() to pull the clinic.
    static Result<std::unique_ptr<core::Session>>
    join(SyncClient& client, const std::string& databasePath, const std::string& clinicId, const std::string& username,
         const std::string& password, const std::string& deviceName, const core::Clock& clock,
         core::KdfCost cost = core::KdfCost::standard(), const std::string& secondFactor = {});

    // Push everything, then pull until caught up, then remove what the served scope does not read.
    // progress is called after every batch and page.
    Result<SyncReport> syncNow(const std::function<void(const SyncProgress&)>& progress = {});
    Status resolveConflict(const std::string& conflictId, bool retry);
    // The fix for an edit of a note signed elsewhere meanwhile: the signed note as the server holds it now
    // stays, and the edit's text becomes a draft addendum of the signed-in clinician (its id is returned).
    Result<std::string> resolveAsAddendum(const std::string& conflictId);
    // The server's digest of the clinic's records, to compare with the replica's.
    Result<std::string> serverDigest();

    core::Replica& replica() { return m_replica; }

private:
    Status authenticate();
    template <class Call> auto withToken(Call&& call) -> decltype(call());
    Status rememberTokens(const ClientTokens& tokens);
    // Pushes the audit events the server has not acknowledged, in seq order and in pages.
    Status pushAudit(SyncReport& report);
    // Takes the clinic's rows from the server's snapshot, resuming one a cut-off left unfinished; the
    // cursor to pull changes from afterwards, or nullopt from a server older than snapshots.
    Result<std::optional<std::int64_t>> pullSnapshot(SyncReport& report, SyncProgress& shown,
                                                     const std::function<void(const SyncProgress&)>& progress);

    core::Session& m_session;
    SyncClient& m_client;
    core::Replica m_replica;
    bool m_haveToken = false;
};

} // namespace practica::sync
