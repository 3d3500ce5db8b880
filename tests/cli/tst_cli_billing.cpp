// practica-cli's billing commands end to end, the real binary on a small demo clinic as its biller: the
// demo's claims in every state (claims list --json with amounts as decimal dollars), a claim built from a
// signed visit, scrubbed and submitted, every ready claim out as an 837P (x12 export-837) that reads back
// whole, the clearinghouse's 999 for it applied (x12 import), a truncated file refused with its line and
// nothing applied, the queued claims sent over SFTP to a private sshd on 127.0.0.1 (and nothing sent to a
// server showing another host key), and exit 4 for roles that do not bill.
#include "core/auth/Vault.h"
#include "core/billing/ClaimStore.h"
#include "core/x12/AckWriter.h"
#include "core/x12/X12Reader.h"
#include "tests/support/CliRunner.h"
#include "tests/support/SshServer.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace practica;

namespace {

constexpr const char* kPassword = "admin-password-1";

using Run = test::CliRun;

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const std::string& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.data(), qint64(text.size())) == qint64(text.size());
}

} // namespace

class tst_CliBilling : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoClaimsInEveryState();
    void buildScrubSubmit();
    void exportAndAcknowledge();
    void damagedAnswerChangesNothing();
    void exportWrittenAgain();
    void clearinghouseAndFees();
    void transmitOverSftp();
    void otherRolesGetExit4();

private:
    Run run(const QStringList& args, const QString& user = "biller", const QString& password = "biller-demo");
    // A signed visit nobody billed yet (the biller reads visits, never notes); empty when there is none.
    QString unbilledVisit();
    // A clean claim from such a visit, built and queued through the command line; false when that failed.
    bool queueCleanClaim();
    QJsonArray claims(const QString& state = {});

    QString m_binary;
    QTemporaryDir m_dir;
    QString m_db;
};

Run tst_CliBilling::run(const QStringList& args, const QString& user, const QString& password)
{
    return test::runCli(m_binary, args, m_db, user, password);
}

QJsonArray tst_CliBilling::claims(const QString& state)
{
    QStringList args{"claims", "list", "--json"};
    if (!state.isEmpty())
        args << "--state" << state;
    Run r = run(args);
    if (r.exitCode != 0)
        qWarning("claims list failed: %s", r.err.constData());
    return r.json().array();
}

QString tst_CliBilling::unbilledVisit()
{
    core::ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    auto biller = core::Vault::unlock(m_db.toStdString(), "biller", "biller-demo", clock);
    if (!biller)
        return {};
    auto unbilled = core::ClaimStore(**biller).unbilledEncounters(5);
    return unbilled && !unbilled->empty() ? QString::fromStdString(unbilled->front()) : QString();
}

bool tst_CliBilling::queueCleanClaim()
{
    const QString visit = unbilledVisit();
    if (visit.isEmpty())
        return false;
    Run built = run({"claims", "build", "--encounter", visit, "--dx", "J06.9", "--charges", "99213@1"});
    if (built.exitCode != 0)
        return false;
    return run({"claims", "submit", "--claim", QString::fromUtf8(built.out).section(' ', 2, 2)}).exitCode == 0;
}

void tst_CliBilling::initTestCase()
{
    m_binary = test::binaryPath("practica-cli");
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath("clinic.db");
    Run demo = run(
        {"demo", "--db", m_db, "--patients", "60", "--seed", "3", "--kdf", "minimal", "--appointments-per-day", "2"},
        "admin", kPassword);
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
}

void tst_CliBilling::demoClaimsInEveryState()
{
    const QJsonArray all = claims();
    QSet<QString> states;
    for (const auto& c : all) {
        const QJsonObject o = c.toObject();
        states.insert(o.value("state").toString());
        for (const char* key : {"patient_control_number", "state", "billed", "paid", "patient_responsibility"})
            QVERIFY2(o.contains(key), key);
        QVERIFY(o.value("adjustments").isArray());
        // Decimal dollars with their cents.
        QVERIFY2(QRegularExpression("^[0-9]+\\.[0-9]{2}$").match(o.value("billed").toString()).hasMatch(),
                 qPrintable(o.value("billed").toString()));
    }
    for (const char* state : {"draft", "ready", "queued", "submitted", "clearinghouse_accepted",
                              "clearinghouse_rejected", "payer_accepted", "payer_rejected", "voided"})
        QVERIFY2(states.contains(state), state);
    QCOMPARE(claims("voided").size(), 1);

    // A rejected claim's history says what the 999 said, as codes; in words in the plain listing.
    const QString rejected =
        claims("clearinghouse_rejected").first().toObject().value("patient_control_number").toString();
    Run history = run({"claims", "history", "--claim", rejected});
    QCOMPARE(history.exitCode, 0);
    QVERIFY(history.out.contains("clearinghouse_rejected  (from a 999)  IK5:R"));
}

void tst_CliBilling::buildScrubSubmit()
{
    const QString visit = unbilledVisit();
    QVERIFY(!visit.isEmpty());

    Run bad = run({"claims", "build", "--encounter", visit, "--dx", "E11.9,I10", "--charges", "99214-25@1:3"});
    QCOMPARE(bad.exitCode, 0); // a pointer past the diagnoses is the scrubber's to find, not a usage error
    const QString pcn = QString::fromUtf8(bad.out).section(' ', 2, 2);
    QVERIFY2(pcn.size() == 10, bad.out.constData());
    Run scrub = run({"claims", "scrub", "--claim", pcn});
    QCOMPARE(scrub.exitCode, 6);
    QVERIFY2(scrub.out.contains("claim_line pointers: points to diagnosis 3, but the claim has 2"),
             scrub.out.constData());
    Run refused = run({"claims", "submit", "--claim", pcn, "--json"});
    QCOMPARE(refused.exitCode, 6);
    QCOMPARE(refused.json().array().first().toObject().value("rule").toString(), QString("pointer_out_of_range"));

    Run twice = run({"claims", "build", "--encounter", visit, "--dx", "I10", "--charges", "99213"});
    QCOMPARE(twice.exitCode, 6); // the visit is billed already
    QVERIFY(twice.oneErrorLine());

    Run usage = run({"claims", "build", "--encounter", visit, "--dx", "I10", "--charges", "99213$12.345"});
    QCOMPARE(usage.exitCode, 2);
}

void tst_CliBilling::exportAndAcknowledge()
{
    const int before = claims("submitted").size();
    const int waiting = claims("ready").size() + claims("queued").size();
    QVERIFY(waiting > 0);
    const QString file = m_dir.filePath("batch.837");
    Run exported = run({"x12", "export-837", "--out", file, "--json"});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    const QJsonObject o = exported.json().object();
    QCOMPARE(o.value("claims").toInt(), waiting);
    QCOMPARE(claims("submitted").size(), before + waiting);
    QVERIFY(claims("ready").isEmpty() && claims("queued").isEmpty());
    const std::string text = readAll(file).toStdString();
    auto x = core::readX12(text);
    QVERIFY2(x, x ? "" : std::string(core::x12ProblemName(x.error().problem)).c_str());
    QCOMPARE(QString::fromStdString(x->control).toLongLong(), qint64(o.value("interchange_control").toDouble()));
    // Nothing is left to send: a second export writes nothing and says why.
    Run empty = run({"x12", "export-837", "--out", m_dir.filePath("none.837")});
    QCOMPARE(empty.exitCode, 6);
    QVERIFY(!QFile::exists(m_dir.filePath("none.837")));

    // The clearinghouse accepts the batch.
    core::AckEnvelope e;
    e.receiverId = x->senderId;
    e.interchangeControl = 777001;
    e.groupControl = 777001;
    e.date = x->groups[0].date;
    e.time = x->groups[0].time;
    QVERIFY(writeAll(m_dir.filePath("answer.999"), core::write999(*x, e, {})));
    const int accepted = claims("clearinghouse_accepted").size();
    Run applied = run({"x12", "import", m_dir.filePath("answer.999"), "--json"});
    QVERIFY2(applied.exitCode == 0, applied.err.constData());
    QCOMPARE(applied.json().object().value("kind").toString(), QString("999"));
    QCOMPARE(applied.json().object().value("accepted").toInt(), waiting);
    QCOMPARE(claims("clearinghouse_accepted").size(), accepted + waiting);
    Run again = run({"x12", "import", m_dir.filePath("answer.999")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains("applied before; nothing changed"));
}

void tst_CliBilling::damagedAnswerChangesNothing()
{
    const QJsonArray before = claims();
    const std::string cut = "ISA*00*          *00*          *ZZ*CLEARHOUSE     *ZZ*RIVERBEND01    *261201*1200*^*00501*"
                            "000000778*0*T*:~\nGS*FA*CLEARHOUSE*RIVERBEND01*20261201*1200*778*X*005010X231A1~\n"
                            "ST*999*0001*005010X231A1~\nAK1*HC*1~\n";
    QVERIFY(writeAll(m_dir.filePath("cut.999"), cut));
    Run r = run({"x12", "import", m_dir.filePath("cut.999")});
    QCOMPARE(r.exitCode, 6);
    QVERIFY(r.oneErrorLine());
    QVERIFY2(r.err.contains("line 4") && r.err.contains("cut off"), r.err.constData());
    QCOMPARE(claims(), before);
    Run missing = run({"x12", "import", m_dir.filePath("nothing.999")});
    QCOMPARE(missing.exitCode, 5);
}

void tst_CliBilling::exportWrittenAgain()
{
    // A queued claim, then an export to a folder that is not there: the batch is made and kept, and said so.
    QVERIFY(queueCleanClaim());
    Run failed = run({"x12", "export-837", "--out", m_dir.filePath("no-such-folder/claims.837")});
    QVERIFY(failed.exitCode != 0);
    QVERIFY(failed.oneErrorLine());
    const QRegularExpressionMatch again =
        QRegularExpression("--batch ([0-9]+) --out FILE").match(QString::fromUtf8(failed.err));
    QVERIFY2(again.hasMatch(), failed.err.constData());
    Run written = run({"x12", "export-837", "--batch", again.captured(1), "--out", m_dir.filePath("again.837")});
    QVERIFY2(written.exitCode == 0, written.err.constData());
    auto x = core::readX12(readAll(m_dir.filePath("again.837")).toStdString());
    QVERIFY(x);
    QCOMPARE(QString::fromStdString(x->control).toLongLong(), again.captured(1).toLongLong());
    QCOMPARE(run({"x12", "export-837", "--batch", "999999", "--out", m_dir.filePath("none.837")}).exitCode, 5);
}

void tst_CliBilling::clearinghouseAndFees()
{
    Run shown = run({"claims", "clearinghouse", "--json"});
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(shown.json().object().value("transport").toString(), QString("caqh"));
    Run changed = run({"claims", "clearinghouse", "--production", "yes", "--timely-filing-days", "90", "--json"});
    QCOMPARE(changed.exitCode, 0);
    QVERIFY(changed.json().object().value("production").toBool());
    QCOMPARE(changed.json().object().value("timely_filing_days").toInt(), 90);
    QCOMPARE(run({"claims", "clearinghouse", "--production", "maybe"}).exitCode, 2);
    QCOMPARE(run({"claims", "clearinghouse", "--contact-phone", "12"}).exitCode, 6); // not a phone number

    // Each payer says what its claims are: the demo's Medicare Part B is MB, with a year to file.
    auto payerByCode = [&](const QString& code) {
        Run payers = run({"claims", "payers", "--json"});
        for (const auto& p : payers.json().array())
            if (p.toObject().value("payer_code").toString() == code)
                return p.toObject();
        return QJsonObject();
    };
    QCOMPARE(payerByCode("15202").value("filing_indicator").toString(), QString("MB"));
    QCOMPARE(payerByCode("15202").value("timely_filing_days").toInt(), 365);
    QCOMPARE(payerByCode("60054").value("filing_indicator").toString(), QString("CI"));
    QVERIFY(payerByCode("60054").value("timely_filing_days").isNull());
    QCOMPARE(run({"claims", "payers", "--code", "60054", "--filing-indicator", "HM", "--timely-filing-days", "120"})
                 .exitCode,
             0);
    QCOMPARE(payerByCode("60054").value("filing_indicator").toString(), QString("HM"));
    QCOMPARE(payerByCode("60054").value("timely_filing_days").toInt(), 120);
    Run wrong = run({"claims", "payers", "--code", "60054", "--filing-indicator", "XX"});
    QCOMPARE(wrong.exitCode, 6);
    QVERIFY2(wrong.oneErrorLine(), wrong.err.constData());
    QCOMPARE(run({"claims", "payers", "--code", "60054", "--timely-filing-days", "none"}).exitCode, 0);
    QVERIFY(payerByCode("60054").value("timely_filing_days").isNull());
    QCOMPARE(run({"claims", "payers", "--code", "NOPE1", "--filing-indicator", "CI"}).exitCode, 5);

    Run set = run({"claims", "fees", "--set", "99213-25=130.00", "--json"});
    QCOMPARE(set.exitCode, 0);
    bool found = false;
    for (const auto& f : set.json().array())
        found = found || (f.toObject().value("code").toString() == "99213" &&
                          f.toObject().value("modifier").toString() == "25" &&
                          f.toObject().value("amount").toString() == "130.00");
    QVERIFY(found);
    QCOMPARE(run({"claims", "fees", "--set", "99213=abc"}).exitCode, 2);
    QCOMPARE(run({"claims", "fees", "--payer", "NOPE"}).exitCode, 5);
}

void tst_CliBilling::transmitOverSftp()
{
    test::SshServer ssh;
    QVERIFY2(ssh.running(), qPrintable(ssh.error()));
    QTemporaryDir drop;
    QVERIFY(QDir(drop.path()).mkpath("in") && QDir(drop.path()).mkpath("out"));
    const QString in = drop.filePath("in");
    const QStringList sftp{"claims",         "clearinghouse",
                           "--transport",    "sftp",
                           "--endpoint",     QString::fromStdString(ssh.endpoint()),
                           "--username",     QString::fromStdString(ssh.userName()),
                           "--upload-dir",   in,
                           "--download-dir", drop.filePath("out"),
                           "--key-file",     QString::fromStdString(ssh.keyFile()),
                           "--json"};
    QCOMPARE(run(sftp + QStringList{"--host-key", "SHA256:not-a-fingerprint"}).exitCode, 6);
    Run set = run(sftp + QStringList{"--host-key", QString::fromStdString(ssh.otherHostKey())});
    QCOMPARE(set.exitCode, 0);
    QCOMPARE(set.json().object().value("key_file").toString(), QString::fromStdString(ssh.keyFile()));
    QCOMPARE(set.json().object().value("upload_dir").toString(), in);
    QVERIFY(queueCleanClaim());
    const int queued = int(claims("queued").size());
    QVERIFY(queued > 0);
    const QStringList passphrase{QString("PRACTICA_CLEARINGHOUSE_PASSWORD=") + test::SshServer::kPassphrase};

    // A server showing another host key than the settings name is sent nothing.
    Run refused = test::runCli(m_binary, {"claims", "transmit"}, m_db, "biller", "biller-demo", passphrase);
    QCOMPARE(refused.exitCode, 3);
    QVERIFY(refused.oneErrorLine());
    QVERIFY2(refused.err.contains("another host key"), refused.err.constData());
    QVERIFY2(refused.err.contains(QByteArray::fromStdString(ssh.hostKey())), refused.err.constData());
    Run shown = run({"claims", "clearinghouse"});
    QVERIFY2(shown.out.contains("claims to " + in.toUtf8()), shown.out.constData());
    QCOMPARE(QDir(in).entryList(QDir::Files | QDir::Hidden).size(), 0);

    QCOMPARE(run({"claims", "clearinghouse", "--host-key", QString::fromStdString(ssh.hostKey())}).exitCode, 0);
    // Beside the answers, a report the clearinghouse left: kept, named, and saved on request.
    QVERIFY(writeAll(drop.filePath("out/weekly.rpt"), "Claims received this week: 12\n"));
    Run sent = test::runCli(m_binary, {"claims", "transmit", "--json"}, m_db, "biller", "biller-demo", passphrase);
    QVERIFY2(sent.exitCode == 0, sent.err.constData());
    QCOMPARE(sent.json().object().value("claims_sent").toInt(), queued);
    QCOMPARE(QDir(in).entryList(QDir::Files).size(), 1);
    QCOMPARE(claims("queued").size(), 0);
    QCOMPARE(sent.json().object().value("unread_answers").toArray(), QJsonArray{"weekly.rpt"});
    Run unread = run({"x12", "unread", "--json", "--save", m_dir.filePath("unread")});
    QVERIFY2(unread.exitCode == 0, unread.err.constData());
    QCOMPARE(unread.json().array().size(), 1);
    QCOMPARE(unread.json().array().first().toObject().value("problem").toString(), QString("not_x12"));
    QCOMPARE(readAll(m_dir.filePath("unread/weekly.rpt")), QByteArray("Claims received this week: 12\n"));

    ssh.stop();
    Run away = test::runCli(m_binary, {"claims", "transmit"}, m_db, "biller", "biller-demo", passphrase);
    QCOMPARE(away.exitCode, 8);
    QVERIFY2(away.err.contains("cannot be reached"), away.err.constData());
}

void tst_CliBilling::otherRolesGetExit4()
{
    for (const auto& [user, password] :
         {std::pair{"frontdesk", "frontdesk-demo"}, std::pair{"doctor", "doctor-demo"}}) {
        Run list = run({"claims", "list"}, user, password);
        QCOMPARE(list.exitCode, 4);
        QVERIFY(list.oneErrorLine());
        Run exported = run({"x12", "export-837", "--out", m_dir.filePath("x.837")}, user, password);
        QCOMPARE(exported.exitCode, 4);
    }
    // The administrator follows claims but does not send them.
    QCOMPARE(run({"claims", "list"}, "admin", kPassword).exitCode, 0);
    QCOMPARE(run({"x12", "export-837", "--out", m_dir.filePath("x.837")}, "admin", kPassword).exitCode, 4);
}

QTEST_GUILESS_MAIN(tst_CliBilling)
#include "tst_cli_billing.moc"
