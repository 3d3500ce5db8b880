// Claims out and answers in over SFTP: a private OpenSSH server on 127.0.0.1 serves the drop folder of
// practica-sandbox, which takes each 837 put in inbound/ and leaves its 999 and 277CA in outbound/. The
// whole loop through the transmitter; a batch sent twice being one file; answers removed only once
// applied, a file that is not an answer left and named; the server's host key checked (another key:
// nothing sent); a wrong passphrase and an unknown key refused; the server gone keeping the batch for the
// next run; missing folders and incomplete settings named by field.
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/billing/UnreadAnswerStore.h"
#include "core/patients/CoverageStore.h"
#include "sync/client/ClaimTransmitter.h"
#include "sync/client/SftpTransport.h"
#include "sync/sandbox/Sandbox.h"
#include "tests/support/BillingFixture.h"
#include "tests/support/SshServer.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using practica::test::must;

using namespace practica;

namespace {

bool writeFile(const QString& path, const std::string& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.data(), qint64(text.size())) == qint64(text.size());
}

} // namespace

class tst_SftpClearinghouse : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void claimsGoOutAndAnswersComeIn();
    void batchSentTwiceIsOneFile();
    void answersStayUntilApplied();
    void answersTheClearinghouseKeeps();
    void anotherHostKeyIsRefused();
    void wrongKeyOrPassphraseIsRefused();
    void serverGoneKeepsTheBatch();
    void missingFolderIsNamed();
    void settingsAreChecked();

private:
    core::Clearinghouse settings() const;
    sync::TransportSecrets secrets() const;
    std::unique_ptr<sync::ClaimTransport> transport(const core::Clearinghouse& s, const sync::TransportSecrets& t);
    void startSandbox();
    // The clearinghouse takes what waits in inbound/ and leaves its answers; it is stopped again before
    // the next run, so that a run never races it.
    void clearinghouseAnswers(int files);
    QString inbound() const { return m_drop->filePath("inbound"); }
    QString outbound() const { return m_drop->filePath("outbound"); }
    int waitingIn(const QString& dir) const { return int(QDir(dir).entryList(QDir::Files).size()); }

    std::unique_ptr<test::BillingFixture> m_f;
    std::unique_ptr<test::SshServer> m_ssh;
    std::unique_ptr<QTemporaryDir> m_drop;
    std::unique_ptr<QTemporaryDir> m_spool;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
};

void tst_SftpClearinghouse::init()
{
    m_ssh = std::make_unique<test::SshServer>();
    QVERIFY2(m_ssh->running(), qPrintable(m_ssh->error()));
    m_f = std::make_unique<test::BillingFixture>();
    m_drop = std::make_unique<QTemporaryDir>();
    m_spool = std::make_unique<QTemporaryDir>();
    QVERIFY(QDir(m_drop->path()).mkpath("inbound") && QDir(m_drop->path()).mkpath("outbound"));
    must(core::ClaimBatchStore(*m_f->biller).saveClearinghouse(settings()), "sftp settings");
}

void tst_SftpClearinghouse::cleanup()
{
    m_sandbox.reset();
    m_ssh.reset();
    m_f.reset();
}

void tst_SftpClearinghouse::startSandbox()
{
    sandbox::SandboxOptions o;
    o.dropDir = m_drop->path().toStdString();
    o.spoolDir = m_spool->path().toStdString();
    o.dropPollMs = 50;
    m_sandbox = std::make_unique<sandbox::Sandbox>(o);
    QVERIFY(m_sandbox->start());
}

void tst_SftpClearinghouse::clearinghouseAnswers(int files)
{
    startSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(waitingIn(outbound()), files, 10'000);
    QCOMPARE(waitingIn(inbound()), 0);
    m_sandbox.reset();
}

core::Clearinghouse tst_SftpClearinghouse::settings() const
{
    core::Clearinghouse c = must(core::ClaimBatchStore(*m_f->biller).clearinghouse(), "clearinghouse");
    c.transport = "sftp";
    c.endpoint = m_ssh->endpoint();
    c.username = m_ssh->userName();
    c.uploadDir = inbound().toStdString();
    c.downloadDir = outbound().toStdString();
    c.hostKey = m_ssh->hostKey();
    return c;
}

sync::TransportSecrets tst_SftpClearinghouse::secrets() const
{
    sync::TransportSecrets t;
    t.keyFile = m_ssh->keyFile();
    t.password = test::SshServer::kPassphrase;
    return t;
}

std::unique_ptr<sync::ClaimTransport> tst_SftpClearinghouse::transport(const core::Clearinghouse& s,
                                                                       const sync::TransportSecrets& t)
{
    auto opened = sync::openClaimTransport(s, t);
    if (!opened)
        qFatal("transport: %s %s", opened.error().field.c_str(), opened.error().detail.c_str());
    return std::move(*opened);
}

void tst_SftpClearinghouse::claimsGoOutAndAnswersComeIn()
{
    const core::Claim good = m_f->queuedClaim(0);
    const core::Claim rejected = m_f->queuedClaim(1, "REJ");
    auto sftp = transport(settings(), secrets());
    sync::ClaimTransmitter transmitter(*m_f->biller, *sftp);
    auto sent = must(transmitter.run(), "send");
    QCOMPARE(sent.batchesSent, 1);
    QCOMPARE(sent.claimsSent, 2);
    QVERIFY(!sent.offline);
    const core::ClaimBatch batch = must(core::ClaimBatchStore(*m_f->biller).batches(), "batches").front();
    // The clearinghouse takes the file under the batch's name, and answers with a 999 and a 277CA.
    QCOMPARE(QDir(inbound()).entryList(QDir::Files), QStringList{QString::fromStdString(batch.id + ".837")});
    clearinghouseAnswers(2);
    QCOMPARE(QDir(m_spool->path()).entryList({"received-*.837"}),
             QStringList{QString::fromStdString("received-" + batch.id + ".837")});

    auto answered = must(transmitter.run(), "answers");
    QCOMPARE(answered.batchesSent, 0);
    QCOMPARE(answered.answersApplied, 2);
    QVERIFY(answered.unreadAnswers.empty());
    core::ClaimStore claims(*m_f->biller);
    QCOMPARE(must(claims.state(good.id), "state"), std::string("payer_accepted"));
    QCOMPARE(must(claims.state(rejected.id), "state"), std::string("payer_rejected"));
    QCOMPARE(waitingIn(outbound()), 0); // applied, then removed at the clearinghouse

    // The rejected claim fixed and resent as a replacement, which the payer accepts.
    auto policies = must(core::CoverageStore(*m_f->biller).forPatient(m_f->patients[1]), "policies");
    core::Coverage fixedPolicy = policies.front();
    fixedPolicy.memberId = fixedPolicy.memberId.substr(3);
    must(core::CoverageStore(*m_f->biller).update(fixedPolicy), "fix member id");
    auto replacement = must(claims.correct(rejected.id, "7", "SBX-REJECTED"), "replacement");
    QVERIFY(must(claims.markReady(replacement.id), "ready").empty());
    must(claims.queue(replacement.id), "queue");
    QCOMPARE(must(transmitter.run(), "resend").batchesSent, 1);
    clearinghouseAnswers(2);
    QCOMPARE(must(transmitter.run(), "answers again").answersApplied, 2);
    QCOMPARE(must(claims.state(replacement.id), "state"), std::string("payer_accepted"));
    auto idle = must(transmitter.run(), "idle");
    QCOMPARE(idle.batchesMade + idle.batchesSent + idle.answersApplied, 0);
}

void tst_SftpClearinghouse::batchSentTwiceIsOneFile()
{
    // No clearinghouse picks files up here: what the transport leaves in the folder stays to be seen.
    m_f->queuedClaim(0);
    auto made = must(core::ClaimBatchStore(*m_f->biller).createBatch(), "batch");
    auto sftp = transport(settings(), secrets());
    QCOMPARE(must(sftp->submit(made.batch, made.text), "first"), std::string());
    QCOMPARE(must(sftp->submit(made.batch, made.text), "again"), std::string());
    const QStringList files = QDir(inbound()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(files, QStringList{QString::fromStdString(made.batch.id + ".837")}); // no second file, no .part left
    QFile kept(QDir(inbound()).filePath(files.front()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll().toStdString(), made.text);
}

void tst_SftpClearinghouse::answersStayUntilApplied()
{
    m_f->queuedClaim(0);
    auto sftp = transport(settings(), secrets());
    sync::ClaimTransmitter transmitter(*m_f->biller, *sftp);
    QCOMPARE(must(transmitter.run(), "send").batchesSent, 1);
    clearinghouseAnswers(2);
    // A report the clearinghouse left beside the answers, and a copy of the 999 (an answer seen twice).
    QString ack999;
    for (const QString& name : QDir(outbound()).entryList(QDir::Files))
        if (name.endsWith(".999"))
            ack999 = QDir(outbound()).filePath(name);
    QVERIFY(!ack999.isEmpty());
    QVERIFY(QFile::copy(ack999, QDir(outbound()).filePath("zz-copy.999")));
    QVERIFY(writeFile(QDir(outbound()).filePath("daily-report.txt"), "Files received today: 1\n"));
    // A file being written by the clearinghouse is not read.
    QVERIFY(writeFile(QDir(outbound()).filePath(".partial.999"), "ISA*00"));

    auto answered = must(transmitter.run(), "answers");
    QCOMPARE(answered.answersApplied, 3); // the 999, its copy (changing nothing), the 277CA
    QCOMPARE(answered.unreadAnswers.size(), std::size_t(1));
    QCOMPARE(answered.unreadAnswers.front().name, std::string("daily-report.txt"));
    QCOMPARE(answered.unreadAnswers.front().issue.problem, core::X12Problem::NotX12);
    // Kept on the workstation too, once however often it is read.
    QCOMPARE(must(transmitter.run(), "again").unreadAnswers.size(), std::size_t(1));
    auto kept = must(core::UnreadAnswerStore(*m_f->biller).list(), "unread");
    QCOMPARE(kept.size(), std::size_t(1));
    QCOMPARE(kept.front().name, std::string("daily-report.txt"));
    QCOMPARE(kept.front().content, std::string("Files received today: 1\n"));
    QCOMPARE(kept.front().issue.problem, core::X12Problem::NotX12);
    QCOMPARE(QDir(outbound()).entryList(QDir::Files | QDir::Hidden), (QStringList{".partial.999", "daily-report.txt"}));
}

void tst_SftpClearinghouse::answersTheClearinghouseKeeps()
{
    // A server that refuses to remove its files (as some clearinghouses do): answers are applied all the
    // same, and read again at the next run, change nothing.
    class Keeping : public sync::ClaimTransport
    {
    public:
        explicit Keeping(sync::ClaimTransport& inner) : m_inner(inner) {}
        core::Result<std::string> submit(const core::ClaimBatch& b, const std::string& x) override
        {
            return m_inner.submit(b, x);
        }
        core::Result<std::optional<sync::AnswerFile>> nextAnswer() override { return m_inner.nextAnswer(); }
        core::Status answered(const sync::AnswerFile&) override
        {
            return core::fail(core::ErrorCode::ProtocolError, "download_dir", "rm command failed: Permission denied");
        }
        void cancel() override {}

    private:
        sync::ClaimTransport& m_inner;
    };
    const core::Claim claim = m_f->queuedClaim(0);
    auto sftp = transport(settings(), secrets());
    Keeping keeping(*sftp);
    sync::ClaimTransmitter transmitter(*m_f->biller, keeping);
    QCOMPARE(must(transmitter.run(), "send").batchesSent, 1);
    clearinghouseAnswers(2);
    QCOMPARE(must(transmitter.run(), "answers").answersApplied, 2);
    core::ClaimStore claims(*m_f->biller);
    QCOMPARE(must(claims.state(claim.id), "state"), std::string("payer_accepted"));
    const auto steps = must(claims.history(claim.id), "history").size();
    QCOMPARE(waitingIn(outbound()), 2);
    QCOMPARE(must(transmitter.run(), "again").answersApplied, 2);
    QCOMPARE(must(claims.history(claim.id), "history").size(), steps);
}

void tst_SftpClearinghouse::anotherHostKeyIsRefused()
{
    m_f->queuedClaim(0);
    core::Clearinghouse s = settings();
    s.hostKey = m_ssh->otherHostKey();
    auto sftp = transport(s, secrets());
    auto run = sync::ClaimTransmitter(*m_f->biller, *sftp).run();
    const core::Error e = test::failureOf(run);
    QCOMPARE(e.code, core::ErrorCode::NotAuthorized);
    QCOMPARE(e.field, std::string("host_key"));
    QCOMPARE(e.detail, m_ssh->hostKey()); // the key the server showed, as ssh-keygen prints it
    QCOMPARE(waitingIn(inbound()), 0);
    QCOMPARE(must(core::ClaimBatchStore(*m_f->biller).unsent(), "unsent").size(), std::size_t(1));
}

void tst_SftpClearinghouse::wrongKeyOrPassphraseIsRefused()
{
    m_f->queuedClaim(0);
    sync::TransportSecrets wrongPassphrase = secrets();
    wrongPassphrase.password = "not the passphrase";
    sync::TransportSecrets stranger = secrets();
    stranger.keyFile = m_ssh->unknownKeyFile();
    for (const sync::TransportSecrets& t : {wrongPassphrase, stranger}) {
        auto sftp = transport(settings(), t);
        const core::Error e = test::failureOf(sync::ClaimTransmitter(*m_f->biller, *sftp).run());
        QCOMPARE(e.code, core::ErrorCode::NotAuthorized);
        QCOMPARE(e.field, std::string("clearinghouse"));
    }
    QCOMPARE(waitingIn(inbound()), 0);
    QCOMPARE(must(core::ClaimBatchStore(*m_f->biller).unsent(), "unsent").size(), std::size_t(1));
}

void tst_SftpClearinghouse::serverGoneKeepsTheBatch()
{
    m_f->queuedClaim(0);
    m_ssh->stop();
    auto sftp = transport(settings(), secrets());
    sync::ClaimTransmitter transmitter(*m_f->biller, *sftp);
    auto away = must(transmitter.run({}, 2), "offline run");
    QVERIFY(away.offline);
    QCOMPARE(away.retryDelaySeconds, 120);
    QCOMPARE(away.batchesSent, 0);
    QCOMPARE(must(core::ClaimBatchStore(*m_f->biller).unsent(), "unsent").size(), std::size_t(1));
    QVERIFY2(m_ssh->start(), qPrintable(m_ssh->error()));
    auto back = must(sync::ClaimTransmitter(*m_f->biller, *transport(settings(), secrets())).run(), "back");
    QCOMPARE(back.batchesSent, 1);
    QCOMPARE(back.batchesMade, 0); // the same batch, not a new one
    QCOMPARE(waitingIn(inbound()), 1);
}

void tst_SftpClearinghouse::missingFolderIsNamed()
{
    m_f->queuedClaim(0);
    core::Clearinghouse s = settings();
    s.uploadDir = m_drop->filePath("no-such-folder").toStdString();
    auto sftp = transport(s, secrets());
    const core::Error e = test::failureOf(sync::ClaimTransmitter(*m_f->biller, *sftp).run());
    QCOMPARE(e.code, core::ErrorCode::NotFound);
    QCOMPARE(e.field, std::string("upload_dir"));
    QCOMPARE(must(core::ClaimBatchStore(*m_f->biller).unsent(), "unsent").size(), std::size_t(1));
}

void tst_SftpClearinghouse::settingsAreChecked()
{
    core::ClaimBatchStore store(*m_f->biller);
    auto fieldOf = [](const auto& result) {
        const core::Error e = test::failureOf(result);
        return e.code == core::ErrorCode::Validation ? e.field : "not validation: " + e.field;
    };
    core::Clearinghouse s = settings();
    s.endpoint = "https://clearinghouse.example/sftp";
    QCOMPARE(fieldOf(store.saveClearinghouse(s)), std::string("endpoint"));
    s = settings();
    s.hostKey = "SHA256:short";
    QCOMPARE(fieldOf(store.saveClearinghouse(s)), std::string("host_key"));
    s = settings();
    s.uploadDir = "inbound"; // not absolute
    QCOMPARE(fieldOf(store.saveClearinghouse(s)), std::string("upload_dir"));
    s = settings();
    s.downloadDir = "/out\"bound";
    QCOMPARE(fieldOf(store.saveClearinghouse(s)), std::string("download_dir"));
    // Settings may be saved unfinished, but nothing is sent with them.
    s = settings();
    s.hostKey.reset();
    QVERIFY(store.saveClearinghouse(s));
    QCOMPARE(fieldOf(sync::openClaimTransport(s, secrets())), std::string("host_key"));
    s = settings();
    s.transport = "file";
    QCOMPARE(fieldOf(sync::openClaimTransport(s, secrets())), std::string("transport"));
    QVERIFY(!store.setKeyFile("relative/key"));
    QVERIFY(store.setKeyFile(m_ssh->keyFile()));
    QCOMPARE(must(store.keyFile(), "key file"), std::optional<std::string>(m_ssh->keyFile()));
}

QTEST_GUILESS_MAIN(tst_SftpClearinghouse)
#include "tst_sftpclearinghouse.moc"
