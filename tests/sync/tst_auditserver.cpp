// The audit trail reaches the server: a workstation's hash-chained audit log arrives at each sync and
// verifies; spoken to over raw HTTP, a real practica-server process notices an altered event, a gap, a
// reordered pair and a rewritten tail (in the log, in /metrics and in `audit verify`), keeps every
// device's chain to that device's token, and exports events for a compliance review. With
// PRACTICA_SERVER_STORE=postgresql the server keeps its records in a private PostgreSQL cluster.
#include "PostgresFixture.h"
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "core/audit/AuditLog.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/SecretKey.h"
#include "core/db/Database.h"
#include "core/patients/PatientStore.h"
#include "core/util/Uuid.h"
#include "sync/server/AuditService.h"
#include "sync/server/PostgresStore.h"
#include "words/ErrorWords.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <libpq-fe.h>
#include <thread>

using namespace practica;
using namespace practica::test;
using Poco::JSON::Object;

namespace {

long long counterIn(int port, const std::string& series)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest req("GET", "/metrics");
    session.sendRequest(req);
    Poco::Net::HTTPResponse response;
    const std::string metrics(std::istreambuf_iterator<char>(session.receiveResponse(response)), {});
    const auto at = metrics.find(series + " ");
    return at == std::string::npos ? 0LL : std::stoll(metrics.substr(at + series.size() + 1));
}

std::string text(const Object& o)
{
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

// A chain of count valid events of a device, after the given event (or from seq 1).
std::vector<core::AuditEvent> chain(const std::string& device, int count, std::int64_t atMs,
                                    const core::AuditEvent* after = nullptr, const std::string& detail = "opened")
{
    std::vector<core::AuditEvent> events;
    std::int64_t seq = after ? after->seq : 0;
    std::string prev = after ? after->hash : core::AuditLog::kGenesisHash;
    for (int i = 0; i < count; ++i) {
        core::AuditEvent e;
        e.seq = ++seq;
        e.id = core::uuidV7(atMs + i);
        e.atMs = atMs + i * 1000;
        e.userId = "user-1";
        e.username = "admin";
        e.role = "admin";
        e.deviceId = device;
        e.action = "read";
        e.entity = "patient";
        e.recordId = "p-" + std::to_string(seq);
        e.detail = detail;
        e.prevHash = prev;
        e.hash = core::AuditLog::computeHash(e);
        prev = e.hash;
        events.push_back(e);
    }
    return events;
}

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

} // namespace

class tst_AuditServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresFixture> m_pg;
    QString m_store;
    std::string m_clinic = "0190f0e2-0000-7000-8000-0000000a0d17";
    ServerProcess m_server;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PRACTICA_PASSWORD", kAdminPassword);
        return env;
    }

    Run server(QStringList args)
    {
        args << "--store" << m_store;
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(binaryPath("practica-server"), args);
        Run r;
        if (!p.waitForFinished(30000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    // A token for the user on the device (a new device of the admin is approved at once).
    std::string signIn(const std::string& username, const std::string& device)
    {
        Object body;
        body.set("clinic", m_clinic);
        body.set("username", username);
        body.set("password", std::string(kAdminPassword));
        body.set("device", device);
        body.set("device_name", "Desk " + device);
        auto answer = request(m_server.port(), "POST", "/v1/login", text(body));
        if (answer.status != 200 || !answer.json)
            return {};
        return answer.json->getValue<std::string>("access_token");
    }

    Answer pushAudit(const std::string& token, const std::vector<core::AuditEvent>& events,
                     const std::string& deviceInBody = {})
    {
        Poco::JSON::Parser parser;
        auto body = parser.parse(sync::encodeAuditPush(sync::AuditPushRequest{events})).extract<Object::Ptr>();
        if (!deviceInBody.empty())
            body->set("device", deviceInBody);
        return request(m_server.port(), "POST", "/v1/audit", text(*body), token);
    }

    static std::vector<std::pair<std::int64_t, std::string>> findings(const Answer& a)
    {
        std::vector<std::pair<std::int64_t, std::string>> out;
        if (!a.json || !a.json->getArray("findings"))
            return out;
        for (const auto& v : *a.json->getArray("findings")) {
            auto o = v.extract<Object::Ptr>();
            out.emplace_back(o->getValue<std::int64_t>("seq"), o->getValue<std::string>("problem"));
        }
        return out;
    }

    // The line `audit verify` prints for the device, and its exit code.
    std::pair<int, QString> verifyLine(const std::string& device)
    {
        Run r = server({"audit", "verify", "--clinic", QString::fromStdString(m_clinic)});
        for (const QByteArray& line : r.out.split('\n'))
            if (line.startsWith(QByteArray::fromStdString(device + "\t")))
                return {r.exitCode, QString::fromUtf8(line)};
        return {r.exitCode, QString()};
    }

    // One broken chain case: a clean start, then the bad push; the problem must be answered, logged,
    // counted and named by verify.
    void expectBroken(const std::string& device, const std::vector<core::AuditEvent>& clean,
                      const std::vector<core::AuditEvent>& bad, std::int64_t firstBad, const std::string& problem)
    {
        const std::string token = signIn("admin", device);
        QVERIFY(!token.empty());
        if (!clean.empty()) {
            Answer first = pushAudit(token, clean);
            QCOMPARE(first.status, 200);
            QVERIFY(findings(first).empty());
            QCOMPARE(first.json->getValue<std::int64_t>("acknowledged"), clean.back().seq);
        }
        const std::string series = "practica_audit_findings_total{problem=\"" + problem + "\"}";
        const long long before = counterIn(m_server.port(), series);
        Answer second = pushAudit(token, bad);
        QCOMPARE(second.status, 200);
        const auto found = findings(second);
        QVERIFY2(std::find(found.begin(), found.end(), std::pair{firstBad, problem}) != found.end(), problem.c_str());
        const auto count =
            std::count_if(found.begin(), found.end(), [&](const auto& f) { return f.second == problem; });
        QCOMPARE(counterIn(m_server.port(), series), before + count);
        // Sent again (a lost answer): reported already, not counted twice.
        QCOMPARE(pushAudit(token, bad).status, 200);
        QCOMPARE(counterIn(m_server.port(), series), before + count);
        QTRY_VERIFY(m_server.log().contains(
            QByteArray::fromStdString("device " + device + " seq " + std::to_string(firstBad) + ": " + problem)));
        const auto [exitCode, line] = verifyLine(device);
        QCOMPARE(exitCode, 1);
        QVERIFY2(line.contains("\tbroken\tseq " + QString::number(firstBad) + "\t" + QString::fromStdString(problem)),
                 qPrintable(line));
    }

private slots:
    void initTestCase();
    void aWorkstationsEventsArriveAndVerify();
    void anIntactChainVerifies();
    void anAlteredEventIsReported();
    void aGapIsReported();
    void aReorderedPairIsReported();
    void aRewrittenTailAndHeadIsReported();
    void anotherDevicesIdInTheBodyWritesNothingOfItsChain();
    void exportWritesCsvAndJsonLines();
    void concurrentResendsOfOneChainFindNothing();
    void theStoreRefusesToChangeOrRemoveEvents();
    void cleanupTestCase();
};

void tst_AuditServer::initTestCase()
{
    core::initCrypto();
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(binaryPath("practica-server")));
    m_store = m_dir.filePath("server.db");
    if (qEnvironmentVariable("PRACTICA_SERVER_STORE") == QLatin1String("postgresql")) {
        m_pg = std::make_unique<PostgresFixture>("practica_auditserver");
        if (!m_pg->available() || !m_pg->running())
            PRACTICA_NEEDS_POSTGRES(m_pg->error());
        m_store = QString::fromStdString(m_pg->conninfo());
    }
    Run created = server(
        {"clinic", "create", "--id", QString::fromStdString(m_clinic), "--name", "Lakeside", "--admin", "admin"});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    Run desk = server(
        {"user", "add", "--clinic", QString::fromStdString(m_clinic), "--username", "desk", "--role", "front_desk"});
    QVERIFY2(desk.exitCode == 0, desk.err.constData());
    QVERIFY(m_server.start(m_store, {"--insecure-http", "--threads", "4"}, environment()));
}

void tst_AuditServer::cleanupTestCase()
{
    m_server.stop();
}

// A real workstation: its log goes up at sync (in pages), the server's copy verifies, and the next
// sync sends only what is new.
void tst_AuditServer::aWorkstationsEventsArriveAndVerify()
{
    std::unique_ptr<sync::ServerStore> store;
    if (m_pg) {
        const std::string uri = m_pg->createDatabase("practica_audit_ws");
        QVERIFY2(!uri.empty(), qPrintable(m_pg->error()));
        auto pg = sync::PostgresStore::open(uri);
        QVERIFY(pg);
        QVERIFY((*pg)->migrate());
        store = std::move(*pg);
    }
    ServerFixture fixture(std::move(store));
    TempClinic clinic;
    const auto clinicRecord = core::ClinicStore(clinic.admin()).get();
    QVERIFY(clinicRecord);
    fixture.createClinic(clinicRecord->id);
    core::PatientStore patients(clinic.admin());
    std::string patientId;
    for (int i = 0; i < 3; ++i) {
        core::Patient p;
        p.familyName = "Okafor";
        p.givenName = "Ada" + std::to_string(i);
        p.dateOfBirth = "1980-02-03";
        p.sex = "female";
        auto created = patients.create(p);
        QVERIFY(created);
        patientId = created->id;
    }
    auto ws = Workstation::enroll(clinic.admin(), fixture.url());
    core::AuditLog log(clinic.admin().db());
    // More events than one page, so the pages follow each other.
    for (int i = 0; i < sync::SyncEngine::kAuditPage + 20; ++i)
        QVERIFY(patients.get(patientId)); // each read is an audit event
    auto first = ws->sync();
    QVERIFY2(first, first ? "" : words::errorSentence(first.error()).c_str());
    QCOMPARE(first->auditFindings, std::int64_t(0));
    auto local = log.after(0, 100000);
    QVERIFY(local);
    // The last sync's own events may come after its audit push: the server holds at least what was acknowledged.
    auto acknowledged = log.acknowledgedSeq();
    QVERIFY(acknowledged);
    QVERIFY(*acknowledged > sync::SyncEngine::kAuditPage);
    QCOMPARE(first->auditSent, *acknowledged);

    const std::string device = clinic.admin().deviceId();
    auto held = fixture.store().audit().auditChain(clinicRecord->id, device, 0, 100000);
    QVERIFY(held);
    QCOMPARE(static_cast<std::int64_t>(held->size()), *acknowledged);
    for (const auto& s : *held) {
        const core::AuditEvent& mine = (*local)[static_cast<std::size_t>(s.event.seq - 1)];
        QCOMPARE(s.event.hash, mine.hash);
        QCOMPARE(s.event.username, mine.username);
        QCOMPARE(s.pushedBy, std::string("admin"));
        QVERIFY(s.problem.empty());
    }
    core::SystemClock clock;
    auto reports = sync::AuditService(fixture.store().audit(), clock).verify(clinicRecord->id);
    QVERIFY(reports);
    QCOMPARE(reports->size(), std::size_t(1));
    QCOMPARE(reports->front().deviceId, device);
    QVERIFY(reports->front().intact);

    // The next sync sends what came after the acknowledgement, and nothing twice.
    QVERIFY(patients.get(patientId));
    auto second = ws->sync();
    QVERIFY(second);
    QVERIFY(second->auditSent >= 1);
    QCOMPARE(second->auditFindings, std::int64_t(0));
    auto again = log.acknowledgedSeq();
    QVERIFY(again);
    QCOMPARE(*again, *acknowledged + second->auditSent);
    auto nowHeld = fixture.store().audit().auditChain(clinicRecord->id, device, 0, 100000);
    QVERIFY(nowHeld);
    QCOMPARE(static_cast<std::int64_t>(nowHeld->size()), *again);
}

void tst_AuditServer::anIntactChainVerifies()
{
    const std::string device = "device-intact";
    const std::string token = signIn("admin", device);
    QVERIFY(!token.empty());
    const auto events = chain(device, 5, 1'763'700'000'000);
    Answer a = pushAudit(token, events);
    QCOMPARE(a.status, 200);
    QVERIFY(findings(a).empty());
    QCOMPARE(a.json->getValue<std::int64_t>("acknowledged"), std::int64_t(5));
    // A resend (the answer was lost) is no problem and adds nothing.
    Answer again = pushAudit(token, events);
    QCOMPARE(again.status, 200);
    QVERIFY(findings(again).empty());
    const auto [exitCode, line] = verifyLine(device);
    QCOMPARE(exitCode, 0);
    QCOMPARE(line, QString::fromStdString(device + "\tintact\t5 events"));
    // A body that is no audit push is refused as such.
    QCOMPARE(request(m_server.port(), "POST", "/v1/audit", "{\"events\": [{\"seq\": 1}]}", token).status, 400);
    QCOMPARE(request(m_server.port(), "POST", "/v1/audit", text(Object()), "not-a-token").status, 401);
}

void tst_AuditServer::anAlteredEventIsReported()
{
    const std::string device = "device-altered";
    auto events = chain(device, 6, 1'763'700'100'000);
    events[3].detail = "nothing to see"; // its hash no longer fits; the next still links to it
    expectBroken(device, {events.begin(), events.begin() + 3}, {events.begin() + 3, events.end()}, 4, "hash_mismatch");
}

void tst_AuditServer::aGapIsReported()
{
    const std::string device = "device-gap";
    auto events = chain(device, 6, 1'763'700'200'000);
    expectBroken(device, {events.begin(), events.begin() + 3}, {events[4], events[5]}, 5, "gap");
}

void tst_AuditServer::aReorderedPairIsReported()
{
    const std::string device = "device-reordered";
    auto events = chain(device, 6, 1'763'700'300'000);
    expectBroken(device, {events.begin(), events.begin() + 3}, {events[4], events[3], events[5]}, 4, "out_of_order");
}

void tst_AuditServer::aRewrittenTailAndHeadIsReported()
{
    const std::string device = "device-rewritten";
    auto events = chain(device, 5, 1'763'700'400'000);
    // The workstation's events 4 and 5 deleted, the head moved back, and new ones written in their place.
    auto rewritten = chain(device, 3, 1'763'700'500'000, &events[2], "rewritten");
    expectBroken(device, events, rewritten, 4, "rewritten");
    // What the server held at 4 and 5 stays as it was.
    QTemporaryDir dir;
    const QString out = dir.filePath("held.jsonl");
    Run r = server({"audit", "export", "--clinic", QString::fromStdString(m_clinic), "--from", "2025-11-21", "--to",
                    "2025-11-21", "--format", "jsonl", "--out", out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    std::map<std::int64_t, std::string> held;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        Poco::JSON::Parser parser;
        auto o = parser.parse(line.toStdString()).extract<Object::Ptr>();
        if (o->getValue<std::string>("workstation") == device)
            held[o->getValue<std::int64_t>("seq")] = o->getValue<std::string>("hash");
    }
    QCOMPARE(held.size(), std::size_t(6)); // 1-5 as first sent, and 6 (flagged) from the rewritten log
    QCOMPARE(held[4], events[3].hash);
    QCOMPARE(held[5], events[4].hash);
}

void tst_AuditServer::anotherDevicesIdInTheBodyWritesNothingOfItsChain()
{
    const std::string victim = "device-victim";
    const std::string victimToken = signIn("admin", victim);
    QVERIFY(!victimToken.empty());
    const auto events = chain(victim, 3, 1'763'700'600'000);
    QCOMPARE(pushAudit(victimToken, events).status, 200);

    // The front desk's own (approved) device pushes the victim's next events, naming the victim in the body.
    const std::string deskDevice = "device-desk-audit";
    QVERIFY(!signIn("desk", deskDevice).empty());
    Object approve;
    approve.set("device", deskDevice);
    QCOMPARE(request(m_server.port(), "POST", "/v1/devices/approve", text(approve), victimToken).status, 200);
    const std::string deskToken = signIn("desk", deskDevice);
    QVERIFY(!deskToken.empty());
    const auto forged = chain(victim, 2, 1'763'700'700'000, &events[2], "forged");
    Answer a = pushAudit(deskToken, forged, victim);
    QCOMPARE(a.status, 200);
    QVERIFY(!findings(a).empty()); // in the desk's own chain, where they fit nothing
    const auto [victimExit, victimLine] = verifyLine(victim);
    QCOMPARE(victimLine, QString::fromStdString(victim + "\tintact\t3 events"));
    const auto [deskExit, deskLine] = verifyLine(deskDevice);
    QCOMPARE(deskExit, 1);
    QVERIFY2(deskLine.contains("\tbroken\tseq 4\tgap"), qPrintable(deskLine));
}

void tst_AuditServer::exportWritesCsvAndJsonLines()
{
    const std::string device = "device-export";
    const std::string token = signIn("admin", device);
    QVERIFY(!token.empty());
    // 2025-03-01 10:00, 2025-03-02 23:59:59.999 and 2025-03-03 00:00 UTC.
    auto events = chain(device, 1, 1'740'823'200'000, nullptr, "said \"hi\", then left");
    auto more = chain(device, 1, 1'740'959'999'999, &events[0], "line one\nline two");
    events.push_back(more[0]);
    more = chain(device, 1, 1'740'960'000'000, &events[1], "the next day");
    events.push_back(more[0]);
    QCOMPARE(pushAudit(token, events).status, 200);

    QTemporaryDir dir;
    const QString csv = dir.filePath("review.csv");
    Run r = server({"audit", "export", "--clinic", QString::fromStdString(m_clinic), "--from", "2025-03-01", "--to",
                    "2025-03-02", "--out", csv});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    const QByteArray expected =
        "time,workstation,user,role,action,entity,record_id,detail,seq,hash,pushed_by,problem\r\n"
        "2025-03-01T10:00:00.000Z,device-export,admin,admin,read,patient,p-1,\"said \"\"hi\"\", then left\",1," +
        QByteArray::fromStdString(events[0].hash) +
        ",admin,\r\n"
        "2025-03-02T23:59:59.999Z,device-export,admin,admin,read,patient,p-2,\"line one\nline two\",2," +
        QByteArray::fromStdString(events[1].hash) + ",admin,\r\n";
    QCOMPARE(content, expected);

    Run jsonl = server({"audit", "export", "--clinic", QString::fromStdString(m_clinic), "--from", "2025-03-02", "--to",
                        "2025-03-03", "--format", "jsonl"});
    QVERIFY2(jsonl.exitCode == 0, jsonl.err.constData());
    const QList<QByteArray> lines = jsonl.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    Poco::JSON::Parser parser;
    auto first = parser.parse(lines[0].toStdString()).extract<Object::Ptr>();
    QCOMPARE(first->getValue<std::string>("detail"), std::string("line one\nline two"));
    QCOMPARE(first->getValue<std::string>("time"), std::string("2025-03-02T23:59:59.999Z"));
    QCOMPARE(first->getValue<std::string>("user"), std::string("admin"));
    QCOMPARE(first->getValue<std::int64_t>("seq"), std::int64_t(2));
    Poco::JSON::Parser secondParser;
    auto second = secondParser.parse(lines[1].toStdString()).extract<Object::Ptr>();
    QCOMPARE(second->getValue<std::string>("detail"), std::string("the next day"));

    QCOMPARE(server({"audit", "export", "--clinic", QString::fromStdString(m_clinic), "--from", "2025-02-30", "--to",
                     "2025-03-02"})
                 .exitCode,
             2);
}

// A workstation whose answer was lost retries while the first push is still being processed: both see the
// same chain head in turn (the chain is locked per device), so neither finds a problem.
void tst_AuditServer::concurrentResendsOfOneChainFindNothing()
{
    const std::string device = "device-concurrent";
    const std::string token = signIn("admin", device);
    QVERIFY(!token.empty());
    const auto events = chain(device, 200, 1'763'700'800'000);
    for (int round = 0; round < 5; ++round) {
        const auto slice = std::vector<core::AuditEvent>(events.begin() + round * 40, events.begin() + round * 40 + 40);
        Answer a, b;
        std::thread other([&] { b = pushAudit(token, slice); });
        a = pushAudit(token, slice);
        other.join();
        QCOMPARE(a.status, 200);
        QCOMPARE(b.status, 200);
        QVERIFY(findings(a).empty());
        QVERIFY(findings(b).empty());
        QCOMPARE(a.json->getValue<std::int64_t>("acknowledged"), slice.back().seq);
        QCOMPARE(b.json->getValue<std::int64_t>("acknowledged"), slice.back().seq);
    }
    const auto [exitCode, line] = verifyLine(device);
    QCOMPARE(line, QString::fromStdString(device + "\tintact\t200 events"));
}

// Beyond the server having no call for it: someone at the store's own console cannot change or remove a
// held event or finding either.
void tst_AuditServer::theStoreRefusesToChangeOrRemoveEvents()
{
    std::vector<std::string> attempts = {
        "UPDATE srv_audit_event SET detail = 'nothing to see'",
        "DELETE FROM srv_audit_event",
        "UPDATE srv_audit_finding SET problem = ''",
        "DELETE FROM srv_audit_finding",
    };
    if (m_pg) {
        attempts.push_back("TRUNCATE srv_audit_event");
        attempts.push_back("TRUNCATE srv_audit_finding");
        PGconn* conn = PQconnectdb(m_pg->conninfo().c_str());
        QVERIFY(conn && PQstatus(conn) == CONNECTION_OK);
        for (const std::string& sql : attempts) {
            PGresult* res = PQexec(conn, sql.c_str());
            const ExecStatusType status = PQresultStatus(res);
            PQclear(res);
            QVERIFY2(status == PGRES_FATAL_ERROR, sql.c_str());
        }
        PQfinish(conn);
    } else {
        attempts.push_back("INSERT OR REPLACE INTO srv_audit_event SELECT * FROM srv_audit_event LIMIT 1");
        QFile keyFile(m_store + ".key");
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QByteArray raw = keyFile.readAll();
        QCOMPARE(raw.size(), static_cast<qsizetype>(core::SecretKey::kSize));
        std::array<std::uint8_t, core::SecretKey::kSize> bytes{};
        std::copy(raw.begin(), raw.end(), bytes.begin());
        auto db = core::Database::open(m_store.toStdString(), core::SecretKey::fromBytes(bytes),
                                       core::Database::Mode::OpenExisting);
        QVERIFY(db);
        for (const std::string& sql : attempts) {
            const core::Status changed = (*db)->execute(sql + ";");
            QVERIFY2(!changed, sql.c_str());
            QCOMPARE(changed.error().code, core::ErrorCode::Conflict);
        }
    }
    const auto [exitCode, line] = verifyLine("device-intact");
    QCOMPARE(line, QString("device-intact\tintact\t5 events"));
}

QTEST_GUILESS_MAIN(tst_AuditServer)
#include "tst_auditserver.moc"
