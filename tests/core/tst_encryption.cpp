// Proves the database is encrypted: not readable as SQLite, not by the sqlcipher shell without the key,
// readable with the right password, refused cleanly with a wrong one.
#include "core/auth/Vault.h"
#include "core/crypto/KeyFile.h"
#include "core/patients/PatientStore.h"
#include "tests/support/TestSupport.h"
#include "words/ErrorWords.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace practica;

class tst_Encryption : public QObject
{
    Q_OBJECT

private slots:
    void fileHeaderIsNotPlainSqlite();
    void cipherVersionIsReported();
    void sqlcipherShellCannotReadWithoutKey();
    void rightPasswordReadsDataBack();
    void wrongPasswordFailsCleanly();
    void unknownUserLooksLikeWrongPassword();

private:
    std::string registerPatient(core::Session& s)
    {
        core::Patient p;
        p.familyName = "Okafor";
        p.givenName = "Chidi";
        p.dateOfBirth = "1984-03-02";
        p.sex = "male";
        auto created = core::PatientStore(s).create(p);
        if (!created)
            qFatal("%s", words::errorSentence(created.error()).c_str());
        return created->mrn;
    }
};

void tst_Encryption::fileHeaderIsNotPlainSqlite()
{
    test::TempClinic clinic;
    registerPatient(clinic.admin());
    clinic.closeAdmin();
    QFile f(QString::fromStdString(clinic.path()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray head = f.read(16);
    QCOMPARE(head.size(), 16);
    QVERIFY(head != QByteArray("SQLite format 3\0", 16));
    // The patient's name must not appear anywhere in the file.
    f.seek(0);
    QVERIFY(!f.readAll().contains("Okafor"));
}

void tst_Encryption::cipherVersionIsReported()
{
    test::TempClinic clinic;
    QVERIFY(!clinic.admin().db().cipherVersion().empty());
}

void tst_Encryption::sqlcipherShellCannotReadWithoutKey()
{
    const QString shell = QStandardPaths::findExecutable("sqlcipher");
    if (shell.isEmpty())
        QFAIL("the sqlcipher shell is not installed (installer/install-deps.sh installs it)");
    test::TempClinic clinic;
    registerPatient(clinic.admin());
    clinic.closeAdmin();
    QProcess p;
    p.start(shell, {QString::fromStdString(clinic.path()), "SELECT family_name FROM patient;"});
    QVERIFY(p.waitForFinished(10000));
    const QByteArray out = p.readAllStandardOutput() + p.readAllStandardError();
    QVERIFY2(p.exitCode() != 0 || out.contains("not a database"), out.constData());
    QVERIFY(!out.contains("Okafor"));
}

void tst_Encryption::rightPasswordReadsDataBack()
{
    test::TempClinic clinic;
    const std::string mrn = registerPatient(clinic.admin());
    clinic.closeAdmin();
    auto session = clinic.login("admin", test::kAdminPassword);
    QVERIFY(session);
    auto p = core::PatientStore(*session).getByMrn(mrn);
    QVERIFY(p.has_value());
    QCOMPARE(QString::fromStdString(p->familyName), QString("Okafor"));
}

void tst_Encryption::wrongPasswordFailsCleanly()
{
    test::TempClinic clinic;
    registerPatient(clinic.admin());
    clinic.closeAdmin();
    auto r = core::Vault::unlock(clinic.path(), "admin", "not-the-password", clinic.clock());
    QVERIFY(!r);
    QCOMPARE(test::failureOf(r).code, core::ErrorCode::WrongPassword);
    // Nothing was damaged: the right password still works.
    QVERIFY(clinic.login("admin", test::kAdminPassword));
}

void tst_Encryption::unknownUserLooksLikeWrongPassword()
{
    test::TempClinic clinic;
    auto r = core::Vault::unlock(clinic.path(), "mallory", "whatever-password", clinic.clock());
    QVERIFY(!r);
    QCOMPARE(test::failureOf(r).code, core::ErrorCode::WrongPassword);
}

QTEST_GUILESS_MAIN(tst_Encryption)
#include "tst_encryption.moc"
