// practica-cli sync end to end: the real practica-cli against a real practica-server process on
// loopback, the way a clinic's admin sets up workstations: enrol, join, converge, work offline, TLS.
#include "tests/support/ServerProcess.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace practica;

namespace {

constexpr const char* kPassword = "admin-password-1";
constexpr int kCommandMs = 30000;

QProcessEnvironment testEnvironment(const QMap<QString, QString>& extra = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"PRACTICA_DB", "PRACTICA_USER", "PRACTICA_PASSWORD", "PRACTICA_NEW_PASSWORD"})
        environment.remove(name);
    environment.insert("PRACTICA_PASSWORD", kPassword);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        environment.insert(it.key(), it.value());
    return environment;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    bool oneErrorLine() const { return err.startsWith("practica-cli: ") && err.count('\n') == 1 && err.endsWith('\n'); }
};

Run runProgram(const QString& binary, const QStringList& args, const QMap<QString, QString>& env = {})
{
    QProcess process;
    process.setProcessEnvironment(testEnvironment(env));
    process.start(binary, args);
    if (!process.waitForStarted() || !process.waitForFinished(kCommandMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    Run r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

} // namespace

class tst_CliSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void enrollJoinAndConverge();
    void offlineChangesWaitForTheServer();
    void joinWaitsForApproval();
    void doubleBookingIsResolved();
    void tlsNeedsTheClinicCertificate();

private:
    Run cli(const QStringList& args, const QMap<QString, QString>& env = {})
    {
        return runProgram(test::binaryPath("practica-cli"), args, env);
    }
    Run server(const QStringList& args) { return runProgram(test::binaryPath("practica-server"), args); }
    QString path(const QString& name) const { return m_dir->filePath(name); }
    // A demo clinic database for a workstation (schedule set up, no appointments: a small first sync).
    QString demoClinic(const QString& name);
    QString clinicOf(const QString& db);
    // The server's store knows the workstation's clinic, with the same admin and password.
    void createServerClinic(const QString& clinic);
    void enroll(const QString& db, const QString& url);
    QString addPatient(const QString& db, const QString& family);
    QString book(const QString& db, const QString& mrn, const QString& at);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
};

void tst_CliSync::initTestCase()
{
    for (const char* binary : {"practica-cli", "practica-server"})
        QVERIFY2(QFile::exists(test::binaryPath(binary)), qPrintable(test::binaryPath(binary)));
}

void tst_CliSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = path("server/practica-server.db");
    QVERIFY(QDir().mkpath(path("server")));
}

QString tst_CliSync::demoClinic(const QString& name)
{
    const QString db = path(name);
    // With its charts: the clinician's changes, pushed from the desk the admin enrols, carry the clinician's
    // signature and are authorized as theirs.
    Run r =
        cli({"demo", "--db", db, "--patients", "20", "--seed", "1", "--kdf", "minimal", "--appointments-per-day", "0"});
    if (r.exitCode != 0)
        qWarning("demo failed: %s", r.err.constData());
    return db;
}

QString tst_CliSync::clinicOf(const QString& db)
{
    return cli({"sync", "status", "--db", db, "--json"}).json().value("clinic").toString();
}

void tst_CliSync::createServerClinic(const QString& clinic)
{
    Run r = server({"clinic", "create", "--store", m_store, "--id", clinic, "--name", "Riverside", "--admin", "admin"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.trimmed(), clinic.toUtf8());
}

void tst_CliSync::enroll(const QString& db, const QString& url)
{
    Run r = cli({"sync", "enroll", "--db", db, "--server", url, "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().value("device_status").toString(), QString("approved"));
    QVERIFY(r.json().value("workstation_number").toInt() >= 1);
}

QString tst_CliSync::addPatient(const QString& db, const QString& family)
{
    Run r = cli({"patients", "add", "--db", db, "--family", family, "--given", "Pat", "--dob", "1970-05-06", "--sex",
                 "unknown", "--json"});
    if (r.exitCode != 0)
        qWarning("patients add failed: %s", r.err.constData());
    return r.json().value("mrn").toString();
}

QString tst_CliSync::book(const QString& db, const QString& mrn, const QString& at)
{
    Run r = cli({"appointments", "book", "--db", db, "--patient", mrn, "--provider", "Okafor", "--type", "Follow-up",
                 "--at", at, "--json"});
    if (r.exitCode != 0)
        qWarning("book failed: %s", r.err.constData());
    return r.json().value("id").toString();
}

void tst_CliSync::enrollJoinAndConverge()
{
    const QString ws1 = demoClinic("ws1.db");
    const QString clinic = clinicOf(ws1);
    QVERIFY(!clinic.isEmpty());
    createServerClinic(clinic);
    test::ServerProcess process;
    QVERIFY(process.start(m_store, {"--insecure-http", "--threads", "4"}, testEnvironment()));

    Run enrolled = cli({"sync", "enroll", "--db", ws1, "--server", process.url()});
    QVERIFY2(enrolled.exitCode == 0, enrolled.err.constData());
    QVERIFY2(enrolled.out.contains("workstation 1") && enrolled.out.contains("approved"), enrolled.out.constData());
    Run first = cli({"sync", "now", "--db", ws1});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY2(first.out.startsWith("Pushed "), first.out.constData());
    const QJsonObject status = cli({"sync", "status", "--db", ws1, "--json"}).json();
    QCOMPARE(status.value("pending").toInt(-1), 0);
    QVERIFY(status.value("cursor").toInt() > 0);
    QVERIFY(status.value("last_success_ms").toDouble() > 0);
    QVERIFY(status.value("last_error").isNull());
    QCOMPARE(status.value("open_conflicts").toInt(-1), 0);
    QCOMPARE(status.value("server").toString(), process.url());
    QCOMPARE(status.value("clinic").toString(), clinic);

    const QString ws2 = path("ws2.db");
    Run joined = cli({"sync", "join", "--db", ws2, "--server", process.url(), "--clinic", clinic, "--kdf", "minimal"});
    QVERIFY2(joined.exitCode == 0, joined.err.constData());
    // A joined desk's first sync takes the clinic's records from the server's snapshot.
    QVERIFY2(joined.err.contains("received ") && joined.err.contains(" records"), joined.err.constData());
    const QByteArray digest1 = cli({"db", "digest", "--db", ws1}).out.trimmed();
    QCOMPARE(digest1.size(), 64);
    QCOMPARE(cli({"db", "digest", "--db", ws2, "--json"}).json().value("digest").toString().toUtf8(), digest1);

    Run added = cli({"patients", "add", "--db", ws1, "--family", "Quimby", "--given", "Odile", "--dob", "1961-07-04",
                     "--sex", "female", "--json"});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const QString mrn = added.json().value("mrn").toString();
    QVERIFY(cli({"sync", "now", "--db", ws1}).exitCode == 0);
    Run pulled = cli({"sync", "now", "--db", ws2, "--json"});
    QVERIFY2(pulled.exitCode == 0, pulled.err.constData());
    QVERIFY(pulled.json().value("pulled").toInt() >= 1);
    Run shown = cli({"patients", "show", "--db", ws2, "--mrn", mrn, "--json"});
    QVERIFY2(shown.exitCode == 0, shown.err.constData());
    QCOMPARE(shown.json().value("family_name").toString(), QString("Quimby"));
    QCOMPARE(cli({"db", "digest", "--db", ws2}).out, cli({"db", "digest", "--db", ws1}).out);

    QCOMPARE(process.stop(), 0);
}

void tst_CliSync::offlineChangesWaitForTheServer()
{
    const QString ws = demoClinic("ws.db");
    createServerClinic(clinicOf(ws));
    test::ServerProcess process;
    QVERIFY(process.start(m_store, {"--insecure-http", "--threads", "4"}, testEnvironment()));
    enroll(ws, process.url());
    QVERIFY(cli({"sync", "now", "--db", ws}).exitCode == 0);
    QCOMPARE(process.stop(), 0);

    Run added = cli({"patients", "add", "--db", ws, "--family", "Offline", "--given", "Otto", "--dob", "1970-01-01",
                     "--sex", "male"});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    Run failed = cli({"sync", "now", "--db", ws});
    QCOMPARE(failed.exitCode, 8);
    QVERIFY2(failed.oneErrorLine(), failed.err.constData());
    QVERIFY2(failed.err.contains("cannot be reached"), failed.err.constData());
    QVERIFY(failed.out.isEmpty());
    const QJsonObject status = cli({"sync", "status", "--db", ws, "--json"}).json();
    QVERIFY(status.value("pending").toInt() > 0);
    QVERIFY(!status.value("last_error").toString().isEmpty());
    QVERIFY(status.value("last_success_ms").toDouble() > 0);
}

void tst_CliSync::joinWaitsForApproval()
{
    const QString ws1 = demoClinic("ws1.db");
    const QString clinic = clinicOf(ws1);
    createServerClinic(clinic);
    Run user =
        server({"user", "add", "--store", m_store, "--clinic", clinic, "--username", "desk", "--role", "front_desk"});
    QVERIFY2(user.exitCode == 0, user.err.constData());
    test::ServerProcess process;
    QVERIFY(process.start(m_store, {"--insecure-http", "--threads", "4"}, testEnvironment()));
    enroll(ws1, process.url());
    QVERIFY(cli({"sync", "now", "--db", ws1}).exitCode == 0);

    // A front-desk login does not approve its own workstation: the database is made, the pull waits.
    const QString ws2 = path("desk.db");
    Run joined = cli({"sync", "join", "--db", ws2, "--user", "desk", "--server", process.url(), "--clinic", clinic,
                      "--kdf", "minimal"});
    QCOMPARE(joined.exitCode, 3);
    QVERIFY2(joined.oneErrorLine(), joined.err.constData());
    QVERIFY2(joined.err.contains("approve") && joined.err.contains("sync now"), joined.err.constData());
    Run devices = server({"device", "list", "--store", m_store, "--clinic", clinic});
    const QRegularExpression pending("^(\\S+)\\tpending\\t", QRegularExpression::MultilineOption);
    const auto match = pending.match(QString::fromUtf8(devices.out));
    QVERIFY2(match.hasMatch(), devices.out.constData());
    QVERIFY2(joined.err.contains(match.captured(1).toUtf8()), joined.err.constData());

    QCOMPARE(
        server({"device", "approve", "--store", m_store, "--clinic", clinic, "--device", match.captured(1)}).exitCode,
        0);
    Run resumed = cli({"sync", "now", "--db", ws2, "--user", "desk"});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    // The front desk's workstation holds what its scope reads (no chart), exactly as the first desk has it.
    QCOMPARE(cli({"db", "digest", "--db", ws2, "--user", "desk"}).out,
             cli({"db", "digest", "--db", ws1, "--scope", "front_desk"}).out);
    QVERIFY(cli({"db", "digest", "--db", ws1, "--scope", "front_desk"}).out != cli({"db", "digest", "--db", ws1}).out);
    QCOMPARE(cli({"db", "digest", "--db", ws1, "--scope", "everyone"}).exitCode, 2);
    QCOMPARE(process.stop(), 0);
}

// Two workstations book the same provider at the same times while apart: the server refuses the later
// pushes; one conflict is settled by taking the server's version, the other by moving and sending again.
void tst_CliSync::doubleBookingIsResolved()
{
    const QString ws1 = demoClinic("ws1.db");
    const QString clinic = clinicOf(ws1);
    createServerClinic(clinic);
    test::ServerProcess process;
    QVERIFY(process.start(m_store, {"--insecure-http", "--threads", "4"}, testEnvironment()));
    enroll(ws1, process.url());
    QStringList mrns;
    for (const char* family : {"Abbott", "Barros", "Castell", "Dunmore"})
        mrns << addPatient(ws1, family);
    QVERIFY(!mrns.contains(QString()));
    QVERIFY(cli({"sync", "now", "--db", ws1}).exitCode == 0);
    const QString ws2 = path("ws2.db");
    QVERIFY(cli({"sync", "join", "--db", ws2, "--server", process.url(), "--clinic", clinic, "--kdf", "minimal"})
                .exitCode == 0);

    QVERIFY(!book(ws1, mrns[0], "2031-03-10 09:00").isEmpty());
    QVERIFY(!book(ws1, mrns[1], "2031-03-10 10:00").isEmpty());
    const QString discarded = book(ws2, mrns[2], "2031-03-10 09:00");
    const QString moved = book(ws2, mrns[3], "2031-03-10 10:00");
    QVERIFY(!discarded.isEmpty() && !moved.isEmpty());
    QVERIFY(cli({"sync", "now", "--db", ws1}).exitCode == 0);
    Run refused = cli({"sync", "now", "--db", ws2, "--json"});
    QVERIFY2(refused.exitCode == 0, refused.err.constData());
    QCOMPARE(refused.json().value("conflicts").toInt(), 2);

    const QJsonArray conflicts = QJsonDocument::fromJson(cli({"sync", "conflicts", "--db", ws2, "--json"}).out).array();
    QCOMPARE(conflicts.size(), 2);
    QMap<QString, QString> conflictOf;
    for (const QJsonValue& value : conflicts) {
        const QJsonObject c = value.toObject();
        QCOMPARE(c["code"].toString(), QString("double_booking"));
        conflictOf[c["row_id"].toString()] = c["id"].toString();
    }
    QVERIFY(conflictOf.contains(discarded) && conflictOf.contains(moved));
    Run discard = cli({"sync", "resolve", "--db", ws2, "--conflict", conflictOf[discarded], "--discard"});
    QVERIFY2(discard.exitCode == 0, discard.err.constData());
    QVERIFY(cli({"appointments", "move", "--db", ws2, "--id", moved, "--at", "2031-03-10 11:00"}).exitCode == 0);
    Run retry = cli({"sync", "resolve", "--db", ws2, "--conflict", conflictOf[moved], "--retry"});
    QVERIFY2(retry.exitCode == 0, retry.err.constData());
    QCOMPARE(cli({"sync", "status", "--db", ws2, "--json"}).json().value("open_conflicts").toInt(-1), 0);

    Run resent = cli({"sync", "now", "--db", ws2, "--json"});
    QVERIFY2(resent.exitCode == 0, resent.err.constData());
    QCOMPARE(resent.json().value("conflicts").toInt(-1), 0);
    QVERIFY(cli({"sync", "now", "--db", ws1}).exitCode == 0);
    QCOMPARE(cli({"db", "digest", "--db", ws2}).out, cli({"db", "digest", "--db", ws1}).out);
    const QByteArray day = cli({"appointments", "list", "--db", ws1, "--date", "2031-03-10"}).out;
    QCOMPARE(day.count('\n'), 3);
    QVERIFY2(day.contains("11:00") && !day.contains(discarded.toUtf8()), day.constData());
    QCOMPARE(process.stop(), 0);
}

void tst_CliSync::tlsNeedsTheClinicCertificate()
{
    const QString certDir = path("tls");
    QProcess script;
    script.start(PRACTICA_SOURCE_DIR "/installer/make-server-cert.sh", {certDir, "localhost"});
    QVERIFY(script.waitForFinished(kCommandMs));
    QVERIFY2(script.exitCode() == 0, script.readAllStandardError().constData());
    QCOMPARE(QFile::permissions(certDir + "/key.pem") & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    const QString ws = demoClinic("ws.db");
    createServerClinic(clinicOf(ws));
    test::ServerProcess process;
    QVERIFY(process.start(m_store, {"--cert", certDir + "/cert.pem", "--key", certDir + "/key.pem", "--threads", "4"},
                          testEnvironment()));
    QVERIFY(process.url().startsWith("https://127.0.0.1:"));

    Run untrusted = cli({"sync", "enroll", "--db", ws, "--server", process.url()});
    QVERIFY(untrusted.exitCode != 0);
    QVERIFY2(untrusted.oneErrorLine(), untrusted.err.constData());
    QVERIFY2(untrusted.err.contains("certificate"), untrusted.err.constData());
    QVERIFY(cli({"sync", "status", "--db", ws, "--json"}).json().value("server").isNull());

    Run trusted = cli({"sync", "enroll", "--db", ws, "--server", process.url(), "--ca-file", certDir + "/cert.pem"});
    QVERIFY2(trusted.exitCode == 0, trusted.err.constData());
    Run synced = cli({"sync", "now", "--db", ws});
    QVERIFY2(synced.exitCode == 0, synced.err.constData());
    QCOMPARE(process.stop(), 0);
}

QTEST_GUILESS_MAIN(tst_CliSync)
#include "tst_cli_sync.moc"
