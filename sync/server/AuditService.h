// The server's side of the audit trail: takes a workstation's audit events into that workstation's
// chain (the device from the access token, never from the body), checks each on arrival (hash, link
// to the previous event, seq order, a seq already held by a different event) and records what does
// not fit as a finding; verifies stored chains again on demand.
//
// Nothing is ever replaced or removed. An event that does not fit is still stored, flagged with its
// problem, when its seq is free (the rest of the chain then links to it, so one tampered event does
// not bury everything after it); an event whose seq is already held by a different event (a
// workstation's log rewritten) is kept in the finding only.
#pragma once

#include "AuditStore.h"
#include "core/util/Clock.h"
#include "sync/protocol/AuditProtocol.h"

namespace practica::sync {

// Who pushes: the token's clinic and device, and the account as the store holds it now.
struct AuditPusher
{
    std::string clinicId;
    std::string deviceId;
    std::string userId;
    std::string username;
};

struct AuditReceipt
{
    AuditPushResponse response;
    std::vector<AuditFinding> newFindings; // found by this push, not reported before
};

// One device's chain as verify sees it.
struct AuditChainReport
{
    std::string deviceId;
    std::int64_t events = 0;
    std::int64_t headSeq = 0;
    bool intact = true;
    std::int64_t firstBadSeq = 0;
    std::string problem; // an audit_problem code
    std::int64_t findings = 0;
};

class AuditService
{
public:
    AuditService(AuditStore& store, const core::Clock& clock) : m_store(store), m_clock(clock) {}

    Result<AuditReceipt> receive(const AuditPusher& pusher, const AuditPushRequest& request);
    // Every chain of the clinic: its findings on arrival, and the stored events walked again from seq 1.
    Result<std::vector<AuditChainReport>> verify(const std::string& clinicId);

private:
    AuditStore& m_store;
    const core::Clock& m_clock;
};

} // namespace practica::sync
