#include "ClaimTransmitter.h"

#include "core/auth/Session.h"
#include "core/billing/ClaimAnswerStore.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/billing/UnreadAnswerStore.h"
#include "core/db/Statement.h"
#include "core/sync/Replica.h"
#include "core/util/Uuid.h"
#include "core/util/Validators.h"
#include "sync/client/Connection.h"
#include "sync/client/SyncEngine.h"

#include <algorithm>

namespace practica::sync {

using core::ErrorCode;

SubmissionGate syncGate(SyncEngine& engine, core::Session& session)
{
    return [&engine, &session](const core::ClaimBatch& batch) -> core::Result<std::vector<std::string>> {
        auto synced = engine.syncNow();
        if (!synced)
            return std::unexpected(synced.error());
        auto conflicts = engine.replica().openConflicts();
        if (!conflicts)
            return std::unexpected(conflicts.error());
        std::vector<std::string> refused;
        for (const core::SyncConflict& c : *conflicts) {
            if (c.entity != "claim" && c.entity != "claim_line")
                continue;
            // A line's refusal is its claim's: the claim's id is the line's claim_id.
            std::string claimId = c.rowId;
            if (c.entity == "claim_line") {
                auto stmt = session.db().prepare("SELECT claim_id FROM claim_line WHERE id = ?;");
                if (!stmt)
                    return std::unexpected(stmt.error());
                stmt->bind(1, c.rowId);
                auto ids = stmt->all<std::string>([](const core::Statement& s) { return s.text(0); });
                if (!ids)
                    return std::unexpected(ids.error());
                if (ids->empty())
                    continue;
                claimId = ids->front();
            }
            // The batch's claims are those it submitted (the claim's own batch_id may already be the other
            // workstation's, pulled from the server).
            auto stmt = session.db().prepare(
                "SELECT c.patient_control_number FROM claim c WHERE c.id = ? AND EXISTS (SELECT 1 FROM claim_event e "
                "WHERE e.claim_id = c.id AND e.batch_id = ? AND e.state = 'submitted');");
            if (!stmt)
                return std::unexpected(stmt.error());
            stmt->bind(1, claimId).bind(2, batch.id);
            auto numbers = stmt->all<std::string>([](const core::Statement& s) { return s.text(0); });
            if (!numbers)
                return std::unexpected(numbers.error());
            for (const std::string& n : *numbers)
                if (std::find(refused.begin(), refused.end(), n) == refused.end())
                    refused.push_back(n);
        }
        return refused;
    };
}

WorkstationGate::WorkstationGate() = default;
WorkstationGate::WorkstationGate(WorkstationGate&&) noexcept = default;
WorkstationGate& WorkstationGate::operator=(WorkstationGate&&) noexcept = default;
WorkstationGate::~WorkstationGate() = default;

core::Result<WorkstationGate> WorkstationGate::open(core::Session& session)
{
    core::Replica replica(session);
    auto stored = storedConnection(replica);
    if (!stored)
        return std::unexpected(stored.error());
    WorkstationGate out;
    if (*stored) {
        out.m_client = std::make_unique<SyncClient>(**stored);
        out.m_engine = std::make_unique<SyncEngine>(session, *out.m_client);
        out.m_gate = syncGate(*out.m_engine, session);
    }
    return out;
}

int ClaimTransmitter::retryDelaySeconds(int attempt)
{
    return std::min(30 << std::clamp(attempt, 0, 5), 15 * 60);
}

core::Result<TransmitReport> ClaimTransmitter::run(const std::function<void(int, int)>& progress, int attempt)
{
    TransmitReport report;
    core::ClaimBatchStore batches(m_session);
    // Queued claims leave in a batch of their own; ready ones wait for the biller to queue them.
    core::ClaimFilter queued;
    queued.state = "queued";
    queued.limit = 5000;
    auto waiting = core::ClaimStore(m_session).list(queued);
    if (!waiting)
        return std::unexpected(waiting.error());
    if (!waiting->empty()) {
        std::vector<std::string> ids;
        for (const auto& c : *waiting)
            ids.push_back(c.claim.id);
        auto made = batches.createBatch(ids);
        if (made) {
            ++report.batchesMade;
        } else if (!(made.error().code == ErrorCode::Validation && made.error().field == "claims")) {
            return std::unexpected(made.error());
        }
    }
    auto offline = [&] {
        report.offline = true;
        report.retryDelaySeconds = retryDelaySeconds(attempt);
        return report;
    };
    auto unsent = batches.unsent();
    if (!unsent)
        return std::unexpected(unsent.error());
    int done = 0;
    for (const core::ClaimBatch& batch : *unsent) {
        if (m_gate) {
            auto refused = m_gate(batch);
            if (!refused) {
                // The server is not reached: nothing proves the claims are ours to send yet.
                if (refused.error().code == ErrorCode::Offline)
                    return offline();
                return std::unexpected(refused.error());
            }
            if (!refused->empty()) {
                if (core::Status s = batches.markRefused(batch.id, "superseded"); !s)
                    return std::unexpected(s.error());
                report.supersededClaims.insert(report.supersededClaims.end(), refused->begin(), refused->end());
                continue;
            }
        }
        auto file = batches.fileOf(batch.id);
        if (!file)
            return std::unexpected(file.error());
        auto refusal = m_transport.submit(batch, *file);
        if (!refusal) {
            if (refusal.error().code == ErrorCode::Offline)
                return offline();
            return std::unexpected(refusal.error());
        }
        if (refusal->empty()) {
            if (core::Status s = batches.markSent(batch.id); !s)
                return std::unexpected(s.error());
            ++report.batchesSent;
            report.claimsSent += batch.claimCount;
        } else {
            if (core::Status s = batches.markRefused(batch.id, *refusal); !s)
                return std::unexpected(s.error());
            report.refusedBatches.push_back(*refusal);
        }
        if (progress)
            progress(++done, static_cast<int>(unsent->size()));
    }
    // The answers waiting at the clearinghouse, 999s first: a 277CA may follow its 999 in the same run. Each
    // is dropped there only once it is applied here (or was before), so a run cut short loses none.
    core::ClaimAnswerStore answers(m_session);
    for (int i = 0; i < 2000; ++i) {
        auto next = m_transport.nextAnswer();
        if (!next) {
            if (next.error().code == ErrorCode::Offline)
                return offline();
            return std::unexpected(next.error());
        }
        if (!*next)
            break;
        auto applied = answers.importFile((*next)->content);
        if (!applied) {
            if (applied.error().error)
                return std::unexpected(*applied.error().error);
            // Kept here, for someone to look at: over CAQH CORE the clearinghouse has let it go already.
            if (core::Status kept =
                    core::UnreadAnswerStore(m_session).keep((*next)->name, (*next)->content, *applied.error().issue);
                !kept)
                return std::unexpected(kept.error());
            report.unreadAnswers.push_back({(*next)->name, *applied.error().issue});
            continue;
        }
        ++report.answersApplied;
        if (core::Status s = m_transport.answered(**next); !s) {
            if (s.error().code == ErrorCode::Offline)
                return offline();
            // A clearinghouse that does not let its files be removed keeps them; read again, an answer
            // applied before changes nothing.
            if (s.error().code != ErrorCode::ProtocolError)
                return std::unexpected(s.error());
        }
    }
    return report;
}

} // namespace practica::sync
