// Claims out to the clearinghouse and its answers in, when the office is online: queued claims become a
// batch (ClaimBatchStore), every batch this workstation made and has not sent goes out as a CAQH CORE
// batch submission (its PayloadID the batch's id, so a batch resent after a lost answer is the same
// message to the clearinghouse), and the 999s and 277CAs waiting there are retrieved and applied
// (ClaimAnswerStore). Nothing is lost offline: a batch not sent stays "created" with its file and goes at
// the next run; the caller runs it again after retryDelaySeconds.
#pragma once

#include "core/Error.h"
#include "sync/client/ClearinghouseClient.h"

#include <functional>
#include <string>
#include <vector>

namespace practica::core {
class Session;
}

namespace practica::sync {

struct TransmitReport
{
    int batchesMade = 0;
    int claimsSent = 0;
    int batchesSent = 0;
    int answersApplied = 0;                  // 999s and 277CAs
    std::vector<std::string> refusedBatches; // sent, refused by the clearinghouse (its ErrorCode)
    bool offline = false;                    // the clearinghouse could not be reached: try again later
    int retryDelaySeconds = 0;               // when to try again (0: nothing left to do)
};

class ClaimTransmitter
{
public:
    ClaimTransmitter(core::Session& session, ClearinghouseClient& client) : m_session(session), m_client(client) {}

    // progress(done, total) after each batch sent; attempt counts the runs since the last one that
    // reached the clearinghouse (for the retry delay: 30 s doubling to 15 min).
    core::Result<TransmitReport> run(const std::function<void(int, int)>& progress = {}, int attempt = 0);

    static int retryDelaySeconds(int attempt);

private:
    core::Session& m_session;
    ClearinghouseClient& m_client;
};

} // namespace practica::sync
