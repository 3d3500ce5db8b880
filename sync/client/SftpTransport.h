// A clearinghouse that takes claims as files on its SFTP server (libcurl over libssh2). A batch's 837 is
// written to the upload folder under a hidden name and renamed to <batch id>.837 once whole, so the
// clearinghouse never picks up half a file; a batch whose file is already there counts as sent (a resend
// after a lost answer is not a second file). The answers are the files in the download folder: every one
// is read, 999s before 277CAs, and removed only once the transmitter has applied it.
//
// The server must show the host key the settings name (SHA256 fingerprint, as ssh-keygen -l prints it);
// one that shows another is refused before anything is sent. Sign-in is by private key (its passphrase
// the password) or else by password.
#pragma once

#include "sync/client/ClaimTransport.h"

#include <atomic>
#include <deque>
#include <string>
#include <vector>

namespace practica::sync {

struct SftpOptions
{
    std::string host;
    int port = 22;
    std::string userName;
    std::string password;    // the password, or the private key's passphrase
    std::string keyFile;     // empty: password sign-in
    std::string hostKey;     // SHA256:<43 base64 characters>
    std::string uploadDir;   // absolute, e.g. /inbound
    std::string downloadDir; // absolute, e.g. /outbound
    long connectTimeoutMs = 5000;
    long timeoutMs = 120000;
    int maxAnswersPerRun = 500;
};

class SftpTransport : public ClaimTransport
{
public:
    explicit SftpTransport(SftpOptions options);
    ~SftpTransport() override;
    SftpTransport(const SftpTransport&) = delete;
    SftpTransport& operator=(const SftpTransport&) = delete;

    // The options of settings whose transport is sftp (endpoint sftp://HOST[:PORT]).
    static core::Result<SftpOptions> optionsFor(const core::Clearinghouse& settings, const TransportSecrets& secrets);

    core::Result<std::string> submit(const core::ClaimBatch& batch, const std::string& x12) override;
    core::Result<std::optional<AnswerFile>> nextAnswer() override;
    core::Status answered(const AnswerFile& file) override;
    void cancel() override { m_cancelled = true; }

    // The plain file names in a folder (not "." or "..", not hidden, not partial uploads), sorted.
    core::Result<std::vector<std::string>> list(const std::string& dir, const std::string& field);
    core::Result<std::string> download(const std::string& path, const std::string& field);
    core::Status upload(const std::string& dir, const std::string& name, const std::string& content);
    core::Status remove(const std::string& path, const std::string& field);

private:
    struct Request;
    core::Status perform(Request& request);
    std::string url(const std::string& path) const;

    SftpOptions m_options;
    void* m_curl = nullptr;
    std::atomic<bool> m_cancelled{false};
    bool m_listed = false;
    std::deque<AnswerFile> m_waiting;
};

} // namespace practica::sync
