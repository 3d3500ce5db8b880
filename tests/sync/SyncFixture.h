// A sync server in the test process (embedded store in a temporary folder, HTTP on 127.0.0.1 and a
// free port) and workstations that talk to it over real HTTP.
#pragma once

#include "TestSupport.h"
#include "sync/client/SyncEngine.h"
#include "sync/server/AccountService.h"
#include "sync/server/EmbeddedStore.h"
#include "sync/server/SyncServer.h"

#include <Poco/JSON/Object.h>
#include <QTemporaryDir>
#include <memory>

namespace practica::test {

class ServerFixture
{
public:
    // With store == nullptr an embedded store in a temporary folder; types are the record types the
    // server accepts (tests add test-only ones).
    explicit ServerFixture(std::unique_ptr<sync::ServerStore> store = nullptr, sync::ServerOptions options = {},
                           core::RecordTypes types = core::RecordTypes::builtIn());
    ~ServerFixture();
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_server->port()); }
    int port() const { return m_server->port(); }
    sync::ServerStore& store() { return *m_store; }
    sync::AccountService& accounts() { return *m_accounts; }
    sync::SyncServer& server() { return *m_server; }
    core::ManualClock& clock() { return m_clock; }
    // Stops the server and starts a new one on the same store and port (a server restart).
    void restart();
    // A clinic with the given id and an admin "admin" with kAdminPassword.
    void createClinic(const std::string& clinicId, const std::string& name = "Test clinic");

private:
    QTemporaryDir m_dir;
    core::ManualClock m_clock{1'763'700'000'000};
    std::unique_ptr<sync::ServerStore> m_store;
    std::unique_ptr<sync::AccountService> m_accounts;
    sync::ServerOptions m_options;
    core::RecordTypes m_types;
    std::unique_ptr<sync::SyncServer> m_server;
};

// A request to a server on 127.0.0.1 spoken by hand, as anyone with an account could: its status
// (-1 when the connection failed) and its body when that is a JSON object.
struct Answer
{
    int status = 0;
    Poco::JSON::Object::Ptr json;
};
Answer request(int port, const std::string& method, const std::string& path, const std::string& body = {},
               const std::string& token = {});

// One workstation's database, session, HTTP client and sync engine.
struct Workstation
{
    std::unique_ptr<core::Session> ownSession; // when the workstation was joined (not a TempClinic's admin)
    core::Session* session = nullptr;
    std::unique_ptr<sync::SyncClient> client;
    std::unique_ptr<sync::SyncEngine> engine;

    // Enrols an existing clinic database (its admin session) with the server.
    static std::unique_ptr<Workstation> enroll(core::Session& admin, const std::string& url);
    // A new workstation joining the clinic: a database at path, filled by its first sync.
    static std::unique_ptr<Workstation> join(const std::string& url, const std::string& path,
                                             const std::string& clinicId, core::Clock& clock,
                                             const std::string& username = "admin",
                                             const std::string& password = kAdminPassword);
    core::Result<sync::SyncReport> sync() { return engine->syncNow(); }
    // From now on the workstation knows these record types (a test's own among them).
    void knowRecordTypes(const core::RecordTypes& types)
    {
        engine = std::make_unique<sync::SyncEngine>(*session, *client, types);
    }
    std::string digest();
};

} // namespace practica::test
