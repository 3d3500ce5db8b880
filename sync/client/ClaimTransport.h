// How claims reach the clearinghouse and its answers come back, whichever way the clearinghouse takes them:
// CAQH CORE Connectivity over HTTPS (CoreTransport) or files on its SFTP server (SftpTransport). The
// transmitter (ClaimTransmitter.h) sends each batch's 837 through one, then reads the answers waiting and
// tells the transport once each is applied, so that an answer is dropped at the clearinghouse only after
// this workstation has it.
//
// Errors: Offline when the clearinghouse cannot be reached (try again later); NotAuthorized with field
// "clearinghouse" when it refused the sign-in, or field "host_key" when its SFTP server showed another host
// key than the settings name (nothing is sent to it); NotFound with field upload_dir or download_dir when
// a folder is not there; ProtocolError when its answer cannot be read.
#pragma once

#include "core/Error.h"
#include "core/model/Billing.h"

#include <memory>
#include <optional>
#include <string>

namespace practica::sync {

class ClearinghouseClient;

struct AnswerFile
{
    std::string name; // its name at the clearinghouse (a file name, or the PayloadID it came with)
    std::string content;
};

class ClaimTransport
{
public:
    virtual ~ClaimTransport() = default;

    // Sends one batch's 837. Empty when the clearinghouse took it (or had it already: a batch resent after
    // a lost answer is the same message), else the code it refused the batch with.
    virtual core::Result<std::string> submit(const core::ClaimBatch& batch, const std::string& x12) = 0;
    // The next answer waiting, 999s before 277CAs; nullopt when there is none left this run.
    virtual core::Result<std::optional<AnswerFile>> nextAnswer() = 0;
    // The answer is applied (or was before): the clearinghouse may drop it.
    virtual core::Status answered(const AnswerFile& file) = 0;
    // Stops what is under way (from another thread); it ends Offline.
    virtual void cancel() = 0;
};

// CAQH CORE: each batch a batch submission whose PayloadID is the batch's id; the answers are retrieved
// with the 999 and then the 277CA retrieval requests until the clearinghouse has none left.
class CoreTransport : public ClaimTransport
{
public:
    CoreTransport(ClearinghouseClient& client, core::Clearinghouse settings);
    core::Result<std::string> submit(const core::ClaimBatch& batch, const std::string& x12) override;
    core::Result<std::optional<AnswerFile>> nextAnswer() override;
    core::Status answered(const AnswerFile&) override { return {}; } // retrieved is dropped there
    void cancel() override;

private:
    ClearinghouseClient& m_client;
    core::Clearinghouse m_settings;
    int m_kind = 0; // 0: 999s, 1: 277CAs, 2: done
};

// What this workstation signs in with; never synced (ClaimBatchStore keeps them in its encrypted database).
struct TransportSecrets
{
    std::string password;               // CAQH CORE Password; SFTP password, or the key's passphrase
    std::optional<std::string> keyFile; // SFTP: the private key (OpenSSH format)
    std::string caFile;                 // HTTPS: certificates to trust besides the system's
};

// The transport the clinic's clearinghouse settings name, owning its client; a Validation error naming the
// field when the settings are incomplete (core::checkClearinghouseTransport), or when the transport is
// "file" (export only: nothing is sent).
core::Result<std::unique_ptr<ClaimTransport>> openClaimTransport(const core::Clearinghouse& settings,
                                                                 const TransportSecrets& secrets);

} // namespace practica::sync
