// practica-cli and two-step sign-in: setting it up (a key and link, then a first code and the recovery
// codes), signing in with --totp or PRACTICA_TOTP, one clear line when the code is missing, wrong or used
// already, a recovery code, and removing it.
#include "core/crypto/Totp.h"
#include "tests/support/TestSupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace practica;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    bool oneErrorLine() const { return err.startsWith("practica-cli: ") && err.count('\n') == 1 && err.endsWith('\n'); }
};

} // namespace

class tst_CliTotp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void enrolSignInAndRemove();

private:
    Run run(const QStringList& args, const QMap<QString, QString>& env = {});
    QString m_binary;
};

Run tst_CliTotp::run(const QStringList& args, const QMap<QString, QString>& env)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"PRACTICA_DB", "PRACTICA_USER", "PRACTICA_TOTP", "PRACTICA_NEW_PASSWORD"})
        environment.remove(name);
    environment.insert("PRACTICA_PASSWORD", test::kAdminPassword);
    for (auto it = env.begin(); it != env.end(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    process.start(m_binary, args);
    if (!process.waitForStarted())
        return {};
    process.closeWriteChannel();
    process.waitForFinished(120000);
    Run r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

void tst_CliTotp::initTestCase()
{
    m_binary = test::binaryPath("practica-cli");
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
}

void tst_CliTotp::enrolSignInAndRemove()
{
    QTemporaryDir dir;
    const QString db = dir.filePath("clinic.db");
    Run init = run({"init",
                    "--db",
                    db,
                    "--name",
                    "Riverside Family Practice",
                    "--npi",
                    "1234567893",
                    "--tax-id",
                    "12-3456789",
                    "--address",
                    "100 Main Street",
                    "--city",
                    "Springfield",
                    "--state",
                    "IL",
                    "--zip",
                    "62701",
                    "--time-zone",
                    "America/Chicago",
                    "--display-name",
                    "Ada Admin",
                    "--kdf",
                    "minimal"});
    QVERIFY2(init.exitCode == 0, init.err.constData());

    Run plain = run({"users", "totp-enrol", "--db", db});
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QVERIFY(plain.out.contains("otpauth://totp/") && plain.out.contains("--code"));
    // Begun again: the newer key replaces the one above.
    Run begun = run({"users", "totp-enrol", "--db", db, "--json"});
    QVERIFY2(begun.exitCode == 0, begun.err.constData());
    QVERIFY(begun.json().value("otpauth_uri").toString().startsWith("otpauth://totp/"));
    const auto key = core::base32Decode(begun.json().value("secret").toString().toStdString());
    QVERIFY(key);
    auto code = [&](int offsetSeconds) {
        return QString::fromStdString(core::totpCode(*key, QDateTime::currentSecsSinceEpoch() + offsetSeconds));
    };

    Run wrong = run({"users", "totp-enrol", "--db", db, "--code", code(0) == "000000" ? "111111" : "000000"});
    QCOMPARE(wrong.exitCode, 3);
    QVERIFY(wrong.oneErrorLine());
    Run confirmed = run({"users", "totp-enrol", "--db", db, "--code", code(-30), "--json"});
    QVERIFY2(confirmed.exitCode == 0, confirmed.err.constData());
    const QJsonArray recovery = confirmed.json().value("recovery_codes").toArray();
    QCOMPARE(recovery.size(), 10);

    Run missing = run({"patients", "search", "--query", "x", "--db", db});
    QCOMPARE(missing.exitCode, 3);
    QVERIFY(missing.oneErrorLine());
    QVERIFY2(missing.err.contains("--totp") && missing.err.contains("PRACTICA_TOTP"), missing.err.constData());
    Run signedIn = run({"patients", "search", "--query", "x", "--db", db, "--totp", code(0)});
    QVERIFY2(signedIn.exitCode == 0, signedIn.err.constData());
    Run replay = run({"patients", "search", "--query", "x", "--db", db}, {{"PRACTICA_TOTP", code(0)}});
    QCOMPARE(replay.exitCode, 3);
    QVERIFY(replay.oneErrorLine());
    QVERIFY2(replay.err.contains("already used"), replay.err.constData());
    const QString recoveryCode = recovery.at(0).toString();
    Run lostPhone = run({"patients", "search", "--query", "x", "--db", db, "--totp", recoveryCode});
    QVERIFY2(lostPhone.exitCode == 0, lostPhone.err.constData());
    Run reused = run({"patients", "search", "--query", "x", "--db", db, "--totp", recoveryCode});
    QCOMPARE(reused.exitCode, 3);

    Run removed = run({"users", "totp-remove", "--db", db, "--username", "admin", "--totp", code(30)});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    Run passwordAlone = run({"patients", "search", "--query", "x", "--db", db});
    QVERIFY2(passwordAlone.exitCode == 0, passwordAlone.err.constData());
}

QTEST_GUILESS_MAIN(tst_CliTotp)
#include "tst_cli_totp.moc"
