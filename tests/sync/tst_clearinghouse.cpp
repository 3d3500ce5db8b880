// Claims out and answers in over CAQH CORE against practica-sandbox on 127.0.0.1: the whole loop (queued
// claims batched, the 837 submitted, the 999 and 277CA retrieved and applied, a claim the payer rejected
// fixed and resent as a replacement that is accepted), a resent batch being the same message (same
// PayloadID, nothing received twice), the clearinghouse down (an HTTP error, a timeout) keeping the batch
// to send at the next run, a rejecting 999, wrong credentials, and the envelope on the wire checked field by
// field over raw HTTP.
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/patients/CoverageStore.h"
#include "sync/client/ClaimTransmitter.h"
#include "sync/client/ClearinghouseClient.h"
#include "sync/sandbox/Sandbox.h"
#include "tests/support/BillingFixture.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using practica::test::must;

using namespace practica;

class tst_Clearinghouse : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void claimsGoOutAndAnswersComeIn();
    void resentBatchIsTheSameMessage();
    void clearinghouseDownKeepsTheBatch();
    void rejectingNineNineNine();
    void wrongPasswordIsNotAuthorized();
    void envelopeFieldsOnTheWire();

private:
    sync::ClearinghouseOptions options(const std::string& password = "sandbox-pass") const;

    std::unique_ptr<test::BillingFixture> m_f;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_spoolDir;
    QString spool() const { return m_spoolDir->path(); }
};

void tst_Clearinghouse::init()
{
    m_f = std::make_unique<test::BillingFixture>();
    m_spoolDir = std::make_unique<QTemporaryDir>();
    sandbox::SandboxOptions o;
    o.userName = "riverside";
    o.password = "sandbox-pass";
    o.spoolDir = spool().toStdString();
    o.timeoutDelayMs = 3000;
    m_sandbox = std::make_unique<sandbox::Sandbox>(o);
    QVERIFY(m_sandbox->start());
}

void tst_Clearinghouse::cleanup()
{
    m_sandbox.reset();
    m_f.reset();
}

sync::ClearinghouseOptions tst_Clearinghouse::options(const std::string& password) const
{
    sync::ClearinghouseOptions o;
    o.endpoint = "http://127.0.0.1:" + std::to_string(m_sandbox->port()) + "/core";
    o.userName = "riverside";
    o.password = password;
    o.timeoutMs = 1500;
    return o;
}

void tst_Clearinghouse::claimsGoOutAndAnswersComeIn()
{
    const core::Claim good = m_f->queuedClaim(0);
    const core::Claim rejected = m_f->queuedClaim(1, "REJ");
    core::ClaimStore claims(*m_f->biller);
    QCOMPARE(must(claims.state(good.id), "state"), std::string("queued"));

    sync::ClearinghouseClient client(options());
    sync::CoreTransport caqh(client, must(core::ClaimBatchStore(*m_f->biller).clearinghouse(), "settings"));
    sync::ClaimTransmitter transmitter(*m_f->biller, caqh);
    std::vector<std::pair<int, int>> progress;
    auto report = must(transmitter.run([&](int done, int total) { progress.emplace_back(done, total); }), "run");
    QCOMPARE(report.batchesMade, 1);
    QCOMPARE(report.batchesSent, 1);
    QCOMPARE(report.claimsSent, 2);
    QCOMPARE(report.answersApplied, 2); // the 999 and the 277CA
    QVERIFY(!report.offline);
    QCOMPARE(progress, (std::vector<std::pair<int, int>>{{1, 1}}));
    QCOMPARE(must(claims.state(good.id), "state"), std::string("payer_accepted"));
    QCOMPARE(must(claims.state(rejected.id), "state"), std::string("payer_rejected"));
    auto history = must(claims.history(good.id), "history");
    QCOMPARE(history.back().payerClaimNumber.value_or("").rfind("SBX", 0), std::size_t(0));
    // The sandbox kept what it received and sent.
    QCOMPARE(QDir(spool()).entryList({"received-*.837"}).size(), 1);
    QCOMPARE(QDir(spool()).entryList({"sent-*.999"}).size(), 1);
    QCOMPARE(QDir(spool()).entryList({"sent-*.277"}).size(), 1);

    // The rejected claim fixed (its member id) and resent as a replacement, which the payer accepts.
    auto policies = must(core::CoverageStore(*m_f->biller).forPatient(m_f->patients[1]), "policies");
    core::Coverage fixedPolicy = policies.front();
    fixedPolicy.memberId = fixedPolicy.memberId.substr(3);
    must(core::CoverageStore(*m_f->biller).update(fixedPolicy), "fix member id");
    auto replacement = must(claims.correct(rejected.id, "7", "SBX-REJECTED"), "replacement");
    QVERIFY(must(claims.markReady(replacement.id), "ready").empty());
    must(claims.queue(replacement.id), "queue");
    auto second = must(transmitter.run(), "second run");
    QCOMPARE(second.batchesSent, 1);
    QCOMPARE(must(claims.state(replacement.id), "state"), std::string("payer_accepted"));
    QCOMPARE(must(claims.state(rejected.id), "state"), std::string("payer_rejected"));
    // Nothing left: a run sends nothing and finds no answers.
    auto idle = must(transmitter.run(), "idle run");
    QCOMPARE(idle.batchesSent + idle.answersApplied + idle.batchesMade, 0);
}

void tst_Clearinghouse::resentBatchIsTheSameMessage()
{
    const core::Claim claim = m_f->queuedClaim(0);
    auto batch = must(core::ClaimBatchStore(*m_f->biller).createBatch(), "batch");
    sync::ClearinghouseClient client(options());
    sync::CoreMessage message;
    message.payloadType = sync::kPayload837;
    message.payloadId = batch.batch.id;
    message.timeStamp = "2026-12-01T10:00:00Z";
    message.senderId = "PRACTICA01";
    message.receiverId = "CLEARHOUSE";
    message.payload = batch.text;
    auto first = must(client.send(message), "send");
    auto again = must(client.send(message), "send again");
    QCOMPARE(first.errorCode, std::string("Success"));
    QCOMPARE(again.errorCode, std::string("Success"));
    QCOMPARE(again.payloadId, first.payloadId);
    // Received once: one 999 and one 277CA wait, not two of each.
    sync::CoreTransport caqh(client, must(core::ClaimBatchStore(*m_f->biller).clearinghouse(), "settings"));
    sync::ClaimTransmitter transmitter(*m_f->biller, caqh);
    auto report = must(transmitter.run(), "run");
    QCOMPARE(report.answersApplied, 2);
    QCOMPARE(QDir(spool()).entryList({"received-*.837"}).size(), 1);
    QCOMPARE(must(core::ClaimStore(*m_f->biller).state(claim.id), "state"), std::string("payer_accepted"));
}

void tst_Clearinghouse::clearinghouseDownKeepsTheBatch()
{
    const core::Claim claim = m_f->queuedClaim(0);
    sync::ClearinghouseClient client(options());
    sync::CoreTransport caqh(client, must(core::ClaimBatchStore(*m_f->biller).clearinghouse(), "settings"));
    sync::ClaimTransmitter transmitter(*m_f->biller, caqh);
    core::ClaimStore claims(*m_f->biller);

    m_sandbox->inject("http500", 1);
    auto down = must(transmitter.run({}, 0), "run");
    QVERIFY(down.offline);
    QCOMPARE(down.batchesMade, 1);
    QCOMPARE(down.batchesSent, 0);
    QCOMPARE(down.retryDelaySeconds, 30);
    QCOMPARE(must(claims.state(claim.id), "state"), std::string("submitted"));
    QCOMPARE(must(core::ClaimBatchStore(*m_f->biller).unsent(), "unsent").size(), std::size_t(1));

    m_sandbox->inject("timeout", 1);
    auto slow = must(transmitter.run({}, 3), "run");
    QVERIFY(slow.offline);
    QCOMPARE(slow.retryDelaySeconds, 240);
    QCOMPARE(sync::ClaimTransmitter::retryDelaySeconds(12), 900);

    // Back up: the same batch goes, once (the timed-out attempt reached it: the same PayloadID again).
    auto back = must(transmitter.run(), "run");
    QCOMPARE(back.batchesMade, 0);
    QCOMPARE(back.batchesSent, 1);
    QCOMPARE(must(claims.state(claim.id), "state"), std::string("payer_accepted"));
    QCOMPARE(QDir(spool()).entryList({"received-*.837"}).size(), 1);
}

void tst_Clearinghouse::rejectingNineNineNine()
{
    const core::Claim claim = m_f->queuedClaim(0);
    // A billing provider NPI with a wrong check digit gets past nobody: the sandbox's 999 names it.
    m_sandbox->inject("reject_batch", 1);
    sync::ClearinghouseClient client(options());
    sync::CoreTransport caqh(client, must(core::ClaimBatchStore(*m_f->biller).clearinghouse(), "settings"));
    sync::ClaimTransmitter transmitter(*m_f->biller, caqh);
    auto report = must(transmitter.run(), "run");
    QCOMPARE(report.answersApplied, 1); // the 999 only: a rejected batch reaches no payer
    core::ClaimStore claims(*m_f->biller);
    QCOMPARE(must(claims.state(claim.id), "state"), std::string("clearinghouse_rejected"));
    auto history = must(claims.history(claim.id), "history");
    QVERIFY(history.back().detail->find("IK5:R") != std::string::npos);
}

void tst_Clearinghouse::wrongPasswordIsNotAuthorized()
{
    m_f->queuedClaim(0);
    sync::ClearinghouseClient client(options("wrong"));
    sync::CoreTransport caqh(client, must(core::ClaimBatchStore(*m_f->biller).clearinghouse(), "settings"));
    sync::ClaimTransmitter transmitter(*m_f->biller, caqh);
    auto report = transmitter.run();
    QVERIFY(!report);
    QCOMPARE(report.error().code, core::ErrorCode::NotAuthorized);
    // The batch waits for the right password.
    QCOMPARE(must(core::ClaimBatchStore(*m_f->biller).unsent(), "unsent").size(), std::size_t(1));
}

void tst_Clearinghouse::envelopeFieldsOnTheWire()
{
    // The sandbox checks each envelope: a payload whose CheckSum does not match is not taken.
    std::map<std::string, std::string> fields{{"PayloadType", sync::kPayload837},
                                              {"ProcessingMode", "Batch"},
                                              {"PayloadID", "6f1c2f0e-8d4b-4c59-9d7a-3f5b2a1c0e9d"},
                                              {"TimeStamp", "2026-12-01T10:00:00Z"},
                                              {"SenderID", "PRACTICA01"},
                                              {"ReceiverID", "CLEARHOUSE"},
                                              {"CORERuleVersion", "2.2.0"},
                                              {"UserName", "riverside"},
                                              {"Password", "sandbox-pass"},
                                              {"Payload", "ISA*not really"},
                                              {"PayloadLength", "14"},
                                              {"CheckSum", "0000"}};
    int status = 0;
    auto reply = m_sandbox->handle(fields, status);
    QCOMPARE(reply["ErrorCode"], std::string("ChecksumMismatch"));
    fields["CheckSum"] = sync::coreCheckSum(fields["Payload"]);
    reply = m_sandbox->handle(fields, status);
    QCOMPARE(reply["ErrorCode"], std::string("PayloadValidationFailed"));
    fields.erase("CORERuleVersion");
    fields["PayloadID"] = "another";
    reply = m_sandbox->handle(fields, status);
    QCOMPARE(reply["ErrorCode"], std::string("PayloadTypeRequired"));
    // SHA-1 of "abc", as CORE's CheckSum is computed.
    QCOMPARE(sync::coreCheckSum("abc"), std::string("a9993e364706816aba3e25717850c26c9cd0d89d"));
}

QTEST_GUILESS_MAIN(tst_Clearinghouse)
#include "tst_clearinghouse.moc"
