// Billing across workstations and a real practica-server process: a clinician's signed visit reaches the
// billers' desks (the visit says it is signed; no note does), and when two billers submit the same claim
// from two workstations at once, the server takes the first submission and refuses the second as a change
// to a locked claim, and the second workstation does not send it: the clearinghouse (the sandbox) receives
// the claim once.
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "core/auth/UserStore.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/clinic/ClinicStore.h"
#include "sync/client/ClaimTransmitter.h"
#include "sync/sandbox/Sandbox.h"
#include "tests/support/BillingFixture.h"
#include "words/ErrorWords.h"

#include <Poco/JSON/Object.h>
#include <QDir>
#include <QtTest>
#include <sstream>

using practica::test::must;

using namespace practica;
using namespace practica::test;

namespace {

constexpr const char* kBillerPassword = "biller-password-1";

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PRACTICA_PASSWORD", kAdminPassword);
    return env;
}

bool serverCommand(const QStringList& args)
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(binaryPath("practica-server"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning("practica-server %s: %s", qPrintable(args.join(' ')), p.readAllStandardError().constData());
        return false;
    }
    return true;
}

} // namespace

class tst_BillingSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { core::initCrypto(); }

    void aClaimIsSentOnceFromTwoDesks()
    {
        BillingFixture fx;
        QTemporaryDir dir;
        // The server checks each change's stamp against its own clock: from here on, real time.
        fx.clinic().clock().set(QDateTime::currentMSecsSinceEpoch());
        const std::string clinic = must(core::ClinicStore(fx.admin()).get(), "clinic").id;
        const QString store = dir.filePath("server.db");
        QVERIFY(serverCommand({"clinic", "create", "--store", store, "--id", QString::fromStdString(clinic), "--name",
                               "Riverside", "--admin", "admin"}));
        ServerProcess server;
        QVERIFY2(server.start(store, {"--insecure-http"}, environment()), server.log().constData());
        const std::string url = server.url().toStdString();
        for (const char* name : {"biller.a", "biller.b"})
            must(core::UserStore(fx.admin())
                     .add(name, name, core::Role::Biller, kBillerPassword, core::KdfCost::minimal()),
                 "biller");
        const core::Encounter visit = fx.signedVisit(0);
        auto adminDesk = Workstation::enroll(fx.admin(), url);
        must(adminDesk->sync(), "admin desk");
        sync::SyncClient admin({url, {}, 2000, 20000});
        const std::string token =
            must(admin.login(clinic, "admin", kAdminPassword, "approver", "Approver"), "admin").accessToken;
        auto desk = [&](const std::string& name, const std::string& user) {
            auto ws = Workstation::join(url, dir.filePath(QString::fromStdString(name + ".db")).toStdString(), clinic,
                                        fx.clinic().clock(), user, kBillerPassword);
            (void)ws->sync();
            Poco::JSON::Object body;
            body.set("device", ws->session->deviceId());
            std::ostringstream text;
            body.stringify(text);
            if (request(server.port(), "POST", "/v1/devices/approve", text.str(), token).status != 200)
                qFatal("approve failed");
            must(ws->sync(), "first sync");
            return ws;
        };
        auto a = desk("billing-a", "biller.a");
        auto b = desk("billing-b", "biller.b");

        // The visit reached the billers signed, without its note.
        core::ClaimStore claimsA(*a->session);
        QCOMPARE(must(claimsA.unbilledEncounters(), "unbilled"), std::vector<std::string>{visit.id});
        auto claim = must(claimsA.captureFromEncounter(visit.id, {"J06.9"}, {{"99213", {}, "1", {}, {1}}}), "capture");
        QVERIFY(must(claimsA.markReady(claim.id), "ready").empty());
        must(claimsA.queue(claim.id), "queue");
        must(a->sync(), "a");
        must(b->sync(), "b");
        QCOMPARE(must(core::ClaimStore(*b->session).state(claim.id), "state on b"), std::string("queued"));

        // Both billers send at once; the sandbox is the clearinghouse.
        sandbox::SandboxOptions options;
        QTemporaryDir spool;
        options.spoolDir = spool.path().toStdString();
        sandbox::Sandbox clearinghouse(options);
        QVERIFY(clearinghouse.start());
        sync::ClearinghouseOptions co;
        co.endpoint = "http://127.0.0.1:" + std::to_string(clearinghouse.port()) + "/core";
        co.userName = "sandbox";
        co.password = "sandbox";
        sync::ClearinghouseClient clientA(co), clientB(co);
        // Each makes its batch before either reaches the server (both offline a moment ago).
        must(core::ClaimBatchStore(*a->session).createBatch(), "batch a");
        must(core::ClaimBatchStore(*b->session).createBatch(), "batch b");
        sync::CoreTransport coreA(clientA, *core::ClaimBatchStore(*a->session).clearinghouse());
        sync::CoreTransport coreB(clientB, *core::ClaimBatchStore(*b->session).clearinghouse());
        sync::ClaimTransmitter sendA(*a->session, coreA, sync::syncGate(*a->engine, *a->session));
        sync::ClaimTransmitter sendB(*b->session, coreB, sync::syncGate(*b->engine, *b->session));
        auto sentA = must(sendA.run(), "a sends");
        auto sentB = must(sendB.run(), "b sends");
        QCOMPARE(sentA.batchesSent, 1);
        QCOMPARE(sentB.batchesSent, 0);
        QCOMPARE(sentB.supersededClaims, std::vector<std::string>{claim.patientControlNumber});
        QCOMPARE(QDir(spool.path()).entryList({"received-*.837"}).size(), 1);
        // The server holds desk A's submission.
        auto conflicts = must(b->engine->replica().openConflicts(), "conflicts");
        QVERIFY(!conflicts.empty());
        QCOMPARE(conflicts.front().code, std::string("locked_record"));
        QCOMPARE(must(core::ClaimStore(*a->session).state(claim.id), "state on a"), std::string("payer_accepted"));
    }
};

QTEST_GUILESS_MAIN(tst_BillingSync)
#include "tst_billingsync.moc"
