#include "ClaimTransport.h"

#include "core/billing/ClaimBatchStore.h"
#include "core/util/Uuid.h"
#include "core/util/Validators.h"
#include "sync/client/ClearinghouseClient.h"
#include "sync/client/SftpTransport.h"

#include <chrono>

namespace practica::sync {

using core::ErrorCode;

namespace {

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// CoreTransport with the client it speaks through.
class OwnedCoreTransport : public ClaimTransport
{
public:
    OwnedCoreTransport(ClearinghouseOptions options, core::Clearinghouse settings)
        : m_client(std::move(options)), m_transport(m_client, std::move(settings))
    {
    }
    core::Result<std::string> submit(const core::ClaimBatch& batch, const std::string& x12) override
    {
        return m_transport.submit(batch, x12);
    }
    core::Result<std::optional<AnswerFile>> nextAnswer() override { return m_transport.nextAnswer(); }
    core::Status answered(const AnswerFile& file) override { return m_transport.answered(file); }
    void cancel() override { m_transport.cancel(); }

private:
    ClearinghouseClient m_client;
    CoreTransport m_transport;
};

} // namespace

CoreTransport::CoreTransport(ClearinghouseClient& client, core::Clearinghouse settings)
    : m_client(client), m_settings(std::move(settings))
{
}

void CoreTransport::cancel()
{
    m_client.cancel();
}

core::Result<std::string> CoreTransport::submit(const core::ClaimBatch& batch, const std::string& x12)
{
    CoreMessage message;
    message.payloadType = kPayload837;
    message.payloadId = batch.id; // the same batch is the same message, however often it is sent
    message.timeStamp = core::utcTimestamp(nowMs());
    message.senderId = m_settings.submitterId;
    message.receiverId = m_settings.receiverId;
    message.payload = x12;
    auto answer = m_client.send(message);
    if (!answer)
        return std::unexpected(answer.error());
    return answer->errorCode == "Success" ? std::string() : answer->errorCode;
}

core::Result<std::optional<AnswerFile>> CoreTransport::nextAnswer()
{
    static const char* const kinds[] = {kRetrieve999, kRetrieve277};
    while (m_kind < 2) {
        CoreMessage ask;
        ask.payloadType = kinds[m_kind];
        ask.payloadId = core::uuidV7(nowMs());
        ask.timeStamp = core::utcTimestamp(nowMs());
        ask.senderId = m_settings.submitterId;
        ask.receiverId = m_settings.receiverId;
        auto answer = m_client.send(ask);
        if (!answer)
            return std::unexpected(answer.error());
        if (answer->errorCode == "Success" && !answer->payload.empty())
            return std::optional<AnswerFile>(AnswerFile{answer->payloadId, std::move(answer->payload)});
        ++m_kind; // NoBatchResultsFile: nothing more of this kind waiting
    }
    m_kind = 0; // the next run asks again
    return std::optional<AnswerFile>();
}

core::Result<std::unique_ptr<ClaimTransport>> openClaimTransport(const core::Clearinghouse& settings,
                                                                 const TransportSecrets& secrets)
{
    if (settings.transport == "file")
        return core::fail(ErrorCode::Validation, "transport", "file");
    if (core::Status s = core::checkClearinghouseTransport(settings, true); !s)
        return std::unexpected(s.error());
    if (settings.transport == "sftp") {
        auto options = SftpTransport::optionsFor(settings, secrets);
        if (!options)
            return std::unexpected(options.error());
        return std::unique_ptr<ClaimTransport>(std::make_unique<SftpTransport>(std::move(*options)));
    }
    ClearinghouseOptions options;
    options.endpoint = *settings.endpoint;
    options.userName = settings.username.value_or("");
    options.password = secrets.password;
    options.caFile = secrets.caFile;
    return std::unique_ptr<ClaimTransport>(std::make_unique<OwnedCoreTransport>(std::move(options), settings));
}

} // namespace practica::sync
