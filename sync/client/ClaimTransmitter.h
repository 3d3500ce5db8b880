// Claims out to the clearinghouse and its answers in, when the office is online: queued claims become a
// batch (ClaimBatchStore), every batch this workstation made and has not sent goes out through the
// clearinghouse's transport (ClaimTransport.h: CAQH CORE or SFTP; a batch resent after a lost answer is the
// same message there), and the 999s and 277CAs waiting there are retrieved and applied (ClaimAnswerStore),
// each dropped at the clearinghouse only once applied. Nothing is lost offline: a batch not sent stays "created" with
// its file and goes at the next run; the caller runs it again after retryDelaySeconds.
#pragma once

#include "core/Error.h"
#include "core/model/Billing.h"
#include "core/x12/X12Reader.h"
#include "sync/client/ClaimTransport.h"
#include "sync/client/ClearinghouseClient.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace practica::core {
class Session;
}

namespace practica::sync {

// An answer file that is not a 999 or 277CA Practica reads: kept on the workstation (core's
// UnreadAnswerStore) and, over SFTP, left at the clearinghouse too.
struct UnreadFile
{
    std::string name;
    core::X12Issue issue;
};

struct TransmitReport
{
    int batchesMade = 0;
    int claimsSent = 0;
    int batchesSent = 0;
    int answersApplied = 0;                    // 999s and 277CAs
    std::vector<std::string> refusedBatches;   // sent, refused by the clearinghouse (its ErrorCode)
    std::vector<std::string> supersededClaims; // submitted first from another workstation: not sent from here
    std::vector<UnreadFile> unreadAnswers;
    bool offline = false;      // the clearinghouse could not be reached: try again later
    int retryDelaySeconds = 0; // when to try again (0: nothing left to do)
};

// Asked before a batch goes: the claims of it the clinic's server refused because another workstation
// submitted them first (its change to a submitted claim refused as locked), after pushing this
// workstation's submission. A workstation that syncs passes one (SyncGate); a batch with any such claim is
// not sent, and is marked refused ("superseded"): the claim goes once, from the workstation that reached the
// server first.
using SubmissionGate = std::function<core::Result<std::vector<std::string>>(const core::ClaimBatch& batch)>;

class ClaimTransmitter
{
public:
    ClaimTransmitter(core::Session& session, ClaimTransport& transport, SubmissionGate gate = {})
        : m_session(session), m_transport(transport), m_gate(std::move(gate))
    {
    }

    // progress(done, total) after each batch sent; attempt counts the runs since the last one that
    // reached the clearinghouse (for the retry delay: 30 s doubling to 15 min).
    core::Result<TransmitReport> run(const std::function<void(int, int)>& progress = {}, int attempt = 0);

    static int retryDelaySeconds(int attempt);

private:
    core::Session& m_session;
    ClaimTransport& m_transport;
    SubmissionGate m_gate;
};

class SyncEngine;
class SyncClient;

// The gate of a workstation that syncs: pushes (and pulls) through the engine, then names the batch's
// claims whose submission the server refused.
SubmissionGate syncGate(SyncEngine& engine, core::Session& session);

// This workstation's gate when it is enrolled with a sync server (the connection it stored), owning the
// client and engine the gate uses; no gate (empty) when it does not sync.
class WorkstationGate
{
public:
    static core::Result<WorkstationGate> open(core::Session& session);
    WorkstationGate(WorkstationGate&&) noexcept;
    WorkstationGate& operator=(WorkstationGate&&) noexcept;
    ~WorkstationGate();
    const SubmissionGate& gate() const { return m_gate; }

private:
    WorkstationGate();
    std::unique_ptr<SyncClient> m_client;
    std::unique_ptr<SyncEngine> m_engine;
    SubmissionGate m_gate;
};

} // namespace practica::sync
