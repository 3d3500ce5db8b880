#include "ClaimTransmitter.h"

#include "core/auth/Session.h"
#include "core/billing/ClaimAnswerStore.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/util/Uuid.h"
#include "core/util/Validators.h"

#include <algorithm>

namespace practica::sync {

using core::ErrorCode;

int ClaimTransmitter::retryDelaySeconds(int attempt)
{
    return std::min(30 << std::clamp(attempt, 0, 5), 15 * 60);
}

core::Result<TransmitReport> ClaimTransmitter::run(const std::function<void(int, int)>& progress, int attempt)
{
    TransmitReport report;
    core::ClaimBatchStore batches(m_session);
    auto settings = batches.clearinghouse();
    if (!settings)
        return std::unexpected(settings.error());
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
    auto unsent = batches.unsent();
    if (!unsent)
        return std::unexpected(unsent.error());
    const std::string now = core::utcTimestamp(m_session.clock().nowMs());
    int done = 0;
    for (const core::ClaimBatch& batch : *unsent) {
        auto file = batches.fileOf(batch.id);
        if (!file)
            return std::unexpected(file.error());
        CoreMessage message;
        message.payloadType = kPayload837;
        message.payloadId = batch.id; // the same batch is the same message, however often it is sent
        message.timeStamp = now;
        message.senderId = settings->submitterId;
        message.receiverId = settings->receiverId;
        message.payload = *file;
        auto answer = m_client.send(message);
        if (!answer) {
            if (answer.error().code == ErrorCode::Offline) {
                report.offline = true;
                report.retryDelaySeconds = retryDelaySeconds(attempt);
                return report;
            }
            return std::unexpected(answer.error());
        }
        if (answer->errorCode == "Success") {
            if (core::Status s = batches.markSent(batch.id); !s)
                return std::unexpected(s.error());
            ++report.batchesSent;
            report.claimsSent += batch.claimCount;
        } else {
            if (core::Status s = batches.markRefused(batch.id, answer->errorCode); !s)
                return std::unexpected(s.error());
            report.refusedBatches.push_back(answer->errorCode);
        }
        if (progress)
            progress(++done, static_cast<int>(unsent->size()));
    }
    // The answers waiting at the clearinghouse, 999s first: a 277CA may follow its 999 in the same run.
    core::ClaimAnswerStore answers(m_session);
    for (const char* kind : {kRetrieve999, kRetrieve277}) {
        for (int i = 0; i < 1000; ++i) {
            CoreMessage ask;
            ask.payloadType = kind;
            ask.payloadId = core::uuidV7(m_session.clock().nowMs());
            ask.timeStamp = now;
            ask.senderId = settings->submitterId;
            ask.receiverId = settings->receiverId;
            auto answer = m_client.send(ask);
            if (!answer) {
                if (answer.error().code == ErrorCode::Offline) {
                    report.offline = true;
                    report.retryDelaySeconds = retryDelaySeconds(attempt);
                    return report;
                }
                return std::unexpected(answer.error());
            }
            if (answer->errorCode != "Success" || answer->payload.empty())
                break; // NoBatchResultsFile: nothing more waiting
            auto applied = answers.importFile(answer->payload);
            if (!applied) {
                if (applied.error().error)
                    return std::unexpected(*applied.error().error);
                return core::fail(ErrorCode::ProtocolError, "payload",
                                  std::string(core::x12ProblemName(applied.error().issue->problem)));
            }
            ++report.answersApplied;
        }
    }
    return report;
}

} // namespace practica::sync
