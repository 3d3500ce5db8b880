// The workstation's HTTP client for practica-server (libcurl): login, token refresh, push, pull,
// digest and row fetch, with TLS certificate verification, timeouts, gzip and cancellation.
// Every failure comes back as a typed error; a server that cannot be reached is Offline.
#pragma once

#include "sync/protocol/AuditProtocol.h"
#include "sync/protocol/Protocol.h"

#include <atomic>
#include <string>

namespace practica::sync {

struct ClientOptions
{
    std::string serverUrl; // https://host:port (http:// only against a server run with --insecure-http)
    std::string caFile;    // a PEM bundle to trust instead of the system's (a clinic's self-signed server)
    long connectTimeoutMs = 5000;
    long timeoutMs = 60000;
};

struct ClientTokens
{
    std::string accessToken;
    std::string refreshToken;
    std::int64_t expiresInSeconds = 0;
    std::string userId;
    std::string clinicId;
    std::string role;
    std::string displayName;
    std::string keyMaterial;  // the user's synced key (a sign-in only): a joining workstation seals to it
    std::string deviceStatus; // pending, approved, revoked
    int workstationNumber = 0;
};

class SyncClient
{
public:
    explicit SyncClient(ClientOptions options);
    ~SyncClient();
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    // secondFactor: the current code of the user's authenticator app, when they set up two-step sign-in.
    Result<ClientTokens> login(const std::string& clinicId, const std::string& username, const std::string& password,
                               const std::string& deviceId, const std::string& deviceName,
                               const std::string& secondFactor = {});
    Result<ClientTokens> refresh(const std::string& refreshToken);
    void setAccessToken(std::string token) { m_accessToken = std::move(token); }

    Result<PushResponse> push(const PushRequest& request);
    Result<PullResponse> pull(std::int64_t after, int limit);
    // A row snapshot's start, and a page of one record type's rows after a row id (Protocol.h).
    // NotFound from a server that serves none.
    Result<SnapshotStart> snapshotStart();
    Result<SnapshotPage> snapshotPage(const std::string& entity, const std::string& after, int limit);
    // This workstation's audit events, in seq order; the server answers how far it holds the chain.
    Result<AuditPushResponse> pushAudit(const AuditPushRequest& request);
    Result<std::string> digest();
    Result<std::optional<SyncRow>> row(const std::string& entity, const std::string& rowId);
    Status health();

    // Makes the request in flight (and later ones) fail quickly with Offline "cancelled".
    void cancel() { m_cancelled = true; }
    void resetCancel() { m_cancelled = false; }
    bool cancelled() const { return m_cancelled; }

    const ClientOptions& options() const { return m_options; }

private:
    struct Response
    {
        long status = 0;
        std::string body;
    };
    Result<Response> request(const std::string& method, const std::string& path, const std::string& body,
                             bool authenticated);
    static core::Error errorFor(const Response& response);

    ClientOptions m_options;
    std::string m_accessToken;
    std::atomic<bool> m_cancelled{false};
    void* m_curl = nullptr;
};

} // namespace practica::sync
