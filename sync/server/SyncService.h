// The server's sync logic over any ServerStore: accepts pushed changes (idempotent by change id) from
// users whose role allows them, with sane stamps, merges them field by field into the clinic's rows,
// enforces the domain rules that two offline workstations cannot check alone, numbers accepted
// changes, and serves pulls and digests. It trusts no client: a workstation's own checks only guard
// the person at its keyboard, and anyone with an account can speak the protocol by hand.
#pragma once

#include "ServerStore.h"
#include "core/auth/Permissions.h"
#include "core/changes/HybridClock.h"
#include "core/crypto/UserKey.h"
#include "core/records/RecordType.h"
#include "core/sync/SyncScope.h"
#include "core/util/Clock.h"
#include "sync/protocol/Protocol.h"

namespace practica::sync {

// Who is pushing, as the store says now (read again for every push, so a changed role or a
// deactivation takes effect at once, not when the access token expires).
struct Pusher
{
    std::string clinicId;
    std::string userId;
    std::string username;
    core::Role role = core::Role::FrontDesk;
};

class SyncService
{
public:
    // Stamps further ahead of the server's clock than this are refused: a change stamped a year ahead
    // would win every last-writer-wins merge of its fields for a year.
    static constexpr std::int64_t kMaxClockAheadMs = 5 * 60 * 1000;
    // No Practica clinic existed before this instant (2024-01-01 UTC): an older stamp is forged.
    static constexpr std::int64_t kEarliestStampMs = 1'704'067'200'000;

    SyncService(ServerStore& store, const core::RecordTypes& types, const core::Clock& clock)
        : m_store(store), m_types(types), m_clock(clock)
    {
    }

    // All of one push in one store transaction: either every result is durable or none is.
    Result<PushResponse> push(const Pusher& pusher, const PushRequest& request);
    // The changes after a cursor as the scope sees them (core::SyncScope::filter): a change it sees
    // none of is left out, but the cursor moves past it, so no puller is stuck or skips one. The page
    // names the scope.
    Result<PullResponse> pull(const std::string& clinicId, std::int64_t after, int limit, const core::SyncScope& scope);
    // A row snapshot's start: the highest accepted sequence number, read before any row, and the row
    // counts of the record types the scope reads (types this server does not declare pass).
    Result<SnapshotStart> snapshotStart(const std::string& clinicId, const core::SyncScope& scope);
    // One record type's rows after a row id in id order, as the scope sees them (row() filters the
    // same way), tombstones included; a page's cursor passes rows the scope leaves out.
    Result<SnapshotPage> snapshotPage(const std::string& clinicId, const std::string& entity,
                                      const std::string& afterRowId, int limit, const core::SyncScope& scope);
    // The canonical digest of the clinic's records as the scope sees them (see core/sync/Digest.h), equal
    // to a workstation's digest through the same scope exactly when both hold the same records.
    Result<std::string> digest(const std::string& clinicId, const core::SyncScope& scope);
    // nullopt for a row the scope does not read, as for one the server does not hold.
    Result<std::optional<SyncRow>> row(const std::string& clinicId, const std::string& entity, const std::string& rowId,
                                       const core::SyncScope& scope);

    // The least Argon2id work a user's synced key may ask of a password guess: a weak key would weaken
    // every workstation that seals its data key to it. Tests lower it.
    void setMinimumKeyCost(core::KdfCost cost) { m_minimumKeyCost = cost; }
    static core::KdfCost defaultMinimumKeyCost();

private:
    // After a record was merged into its survivor: every live record that still refers to it is moved to
    // the survivor by a change of the server's own, numbered after the merge. Returns how many.
    Result<int> moveToSurvivor(PushTransaction& tx, const core::RecordType& mergedType, const std::string& mergedId,
                               const std::string& survivorId, const Pusher& pusher, core::HybridClock& serverClock,
                               std::int64_t& seq);

    ServerStore& m_store;
    const core::RecordTypes& m_types;
    const core::Clock& m_clock;
    core::KdfCost m_minimumKeyCost = defaultMinimumKeyCost();
};

} // namespace practica::sync
