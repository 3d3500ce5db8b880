// practica-server's HTTP(S) front: the versioned JSON API (/v1/...), health and metrics, over
// Poco's multi-threaded HTTPServer. Handlers are stateless over the store and the account service.
#pragma once

#include "AccountService.h"
#include "AuditService.h"
#include "ServerMetrics.h"
#include "SyncService.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <memory>
#include <string>

namespace Poco {
class ThreadPool;
namespace Net {
class TCPServer;
}
} // namespace Poco

namespace practica::sync {

class ConnectionGuard;

struct ServerOptions
{
    std::string host = "127.0.0.1";
    int port = 8443; // 0 picks a free port (tests)
    bool insecureHttp = false;
    std::string certificateFile; // PEM
    std::string privateKeyFile;  // PEM
    int maxThreads = 32;
    int maxQueued = 256;
    // Slow clients: a request's headers, and its body's base allowance, must arrive within this; a
    // kept-alive connection may idle this long between requests; one address holds at most this many
    // connections (a clinic behind one NAT address shares it: keep it above the number of desks).
    int requestDeadlineSeconds = 5;
    int idleTimeoutSeconds = 10;
    int maxConnectionsPerAddress = 16;
    int minProtocol = kMinProtocolVersion; // clients older than this are told to update
    // The least Argon2id work a pushed user key may ask per password guess (tests lower it).
    core::KdfCost minimumKeyCost = SyncService::defaultMinimumKeyCost();
};

class SyncServer
{
public:
    // types: the record types whose changes the server accepts (tests add test-only ones).
    SyncServer(ServerStore& store, AccountService& accounts, ServerOptions options,
               core::RecordTypes types = core::RecordTypes::builtIn());
    ~SyncServer();

    // Binds and starts serving; fails with Io when the address is taken or the certificate is unusable.
    Status start();
    // Stops accepting, lets requests in flight finish (up to a few seconds), and returns.
    void stop();
    int port() const { return m_port; }
    ServerMetrics& metrics() { return m_metrics; }

private:
    ServerStore& m_store;
    AccountService& m_accounts;
    core::RecordTypes m_types;
    SyncService m_sync;
    AuditService m_audit;
    ServerOptions m_options;
    ServerMetrics m_metrics;
    std::unique_ptr<ConnectionGuard> m_guard;
    Poco::Net::HTTPRequestHandlerFactory::Ptr m_handlers;
    std::unique_ptr<Poco::ThreadPool> m_pool;
    std::unique_ptr<Poco::Net::TCPServer> m_server;
    int m_port = 0;
};

} // namespace practica::sync
