#include "SyncFixture.h"

#include "core/clinic/ClinicStore.h"
#include "words/ErrorWords.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <QtTest>

namespace practica::test {

ServerFixture::ServerFixture(std::unique_ptr<sync::ServerStore> store, sync::ServerOptions options,
                             core::RecordTypes types)
    : m_store(std::move(store)), m_options(std::move(options)), m_types(std::move(types))
{
    if (!m_store) {
        core::initCrypto();
        auto embedded = sync::EmbeddedStore::open(m_dir.filePath("server.db").toStdString(), core::SecretKey::random());
        if (!embedded)
            qFatal("server store: %s", words::errorSentence(embedded.error()).c_str());
        m_store = std::move(*embedded);
    }
    m_accounts = std::make_unique<sync::AccountService>(*m_store, m_clock, "test-token-secret-0123456789abcdef");
    m_accounts->setKdfCost(core::KdfCost::minimal());
    m_options.host = "127.0.0.1";
    m_options.minimumKeyCost = core::KdfCost::minimal(); // test desks make keys at the least cost
    m_options.port = 0;
    m_options.insecureHttp = true;
    m_server = std::make_unique<sync::SyncServer>(*m_store, *m_accounts, m_options, m_types);
    if (auto s = m_server->start(); !s)
        qFatal("server start: %s", words::errorSentence(s.error()).c_str());
}

ServerFixture::~ServerFixture()
{
    m_server.reset();
}

void ServerFixture::restart()
{
    const int port = m_server->port();
    m_server.reset();
    m_options.port = port;
    m_server = std::make_unique<sync::SyncServer>(*m_store, *m_accounts, m_options, m_types);
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (m_server->start())
            return;
        QTest::qWait(100);
        m_server = std::make_unique<sync::SyncServer>(*m_store, *m_accounts, m_options, m_types);
    }
    qFatal("server did not restart on port %d", port);
}

void ServerFixture::createClinic(const std::string& clinicId, const std::string& name)
{
    auto id = m_accounts->createClinic(clinicId, name);
    if (!id)
        qFatal("clinic: %s", words::errorSentence(id.error()).c_str());
    auto admin = m_accounts->addUser(*id, "admin", "Clinic Admin", "admin", kAdminPassword);
    if (!admin)
        qFatal("admin: %s", words::errorSentence(admin.error()).c_str());
}

std::unique_ptr<Workstation> Workstation::enroll(core::Session& admin, const std::string& url)
{
    auto ws = std::make_unique<Workstation>();
    ws->session = &admin;
    ws->client = std::make_unique<sync::SyncClient>(sync::ClientOptions{url, {}, 2000, 20000});
    ws->engine = std::make_unique<sync::SyncEngine>(admin, *ws->client);
    auto tokens = ws->engine->enroll(kAdminPassword, "Front desk 1");
    if (!tokens)
        qFatal("enroll: %s", words::errorSentence(tokens.error()).c_str());
    return ws;
}

std::unique_ptr<Workstation> Workstation::join(const std::string& url, const std::string& path,
                                               const std::string& clinicId, core::Clock& clock,
                                               const std::string& username, const std::string& password)
{
    auto ws = std::make_unique<Workstation>();
    ws->client = std::make_unique<sync::SyncClient>(sync::ClientOptions{url, {}, 2000, 20000});
    auto session = sync::SyncEngine::join(*ws->client, path, clinicId, username, password, "Exam room", clock,
                                          core::KdfCost::minimal());
    if (!session)
        qFatal("join: %s", words::errorSentence(session.error()).c_str());
    ws->ownSession = std::move(*session);
    ws->session = ws->ownSession.get();
    ws->engine = std::make_unique<sync::SyncEngine>(*ws->session, *ws->client);
    return ws;
}

Answer request(int port, const std::string& method, const std::string& path, const std::string& body,
               const std::string& token)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    req.set("Practica-Protocol", std::to_string(sync::kProtocolVersion));
    if (!token.empty())
        req.set("Authorization", "Bearer " + token);
    if (method == "POST") {
        req.setContentType("application/json");
        req.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    Answer a;
    try {
        session.sendRequest(req) << body;
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        a.status = response.getStatus();
        std::string text(std::istreambuf_iterator<char>(in), {});
        try {
            Poco::JSON::Parser parser;
            a.json = parser.parse(text).extract<Poco::JSON::Object::Ptr>();
        } catch (const Poco::Exception&) {
        }
    } catch (const Poco::Exception& e) {
        qWarning("%s %s: %s", method.c_str(), path.c_str(), e.displayText().c_str());
        a.status = -1;
    }
    return a;
}

std::string Workstation::digest()
{
    auto d = engine->replica().digest();
    if (!d)
        qFatal("digest: %s", words::errorSentence(d.error()).c_str());
    return *d;
}

} // namespace practica::test
