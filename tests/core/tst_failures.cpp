// Bad files and bad moments: each gives one clear typed error and loses nothing that was committed.
#include "core/auth/Vault.h"
#include "core/crypto/KeyFile.h"
#include "core/patients/PatientStore.h"
#include "tests/support/TestSupport.h"
#include "words/ErrorWords.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace practica;

class tst_Failures : public QObject
{
    Q_OBJECT

private slots:
    void missingDatabase();
    void garbageFileIsNotADatabase();
    void truncatedDatabase();
    void createRefusesToOverwrite();
    void badClinicSetupLeavesNothingBehind();
    void fullDiskKeepsCommittedData();
};

void tst_Failures::missingDatabase()
{
    core::ManualClock clock;
    auto r = core::Vault::unlock("/nonexistent/folder/clinic.db", "admin", "whatever-password", clock);
    QCOMPARE(test::failureOf(r).code, core::ErrorCode::DatabaseMissing);
}

void tst_Failures::garbageFileIsNotADatabase()
{
    test::TempClinic clinic;
    clinic.closeAdmin();
    QFile f(QString::fromStdString(clinic.path()));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QByteArray(8192, 'z'));
    f.close();
    QFile::remove(QString::fromStdString(clinic.path() + "-wal"));
    auto r = core::Vault::unlock(clinic.path(), "admin", test::kAdminPassword, clinic.clock());
    QVERIFY(!r);
    QCOMPARE(test::failureOf(r).code, core::ErrorCode::NotADatabase);
}

void tst_Failures::truncatedDatabase()
{
    test::TempClinic clinic;
    core::PatientStore store(clinic.admin());
    for (int i = 0; i < 200; ++i) {
        core::Patient p;
        p.familyName = "Trunc" + std::to_string(i);
        p.givenName = "Ated";
        p.dateOfBirth = "1999-09-09";
        QVERIFY(store.create(p));
    }
    QVERIFY(clinic.admin().db().execute("PRAGMA wal_checkpoint(TRUNCATE);"));
    clinic.closeAdmin();
    QFile f(QString::fromStdString(clinic.path()));
    const qint64 size = f.size();
    QVERIFY(size > 8192);
    QVERIFY(f.resize(size / 3));
    auto r = core::Vault::unlock(clinic.path(), "admin", test::kAdminPassword, clinic.clock());
    if (r) {
        // SQLite may open a truncated file; the damage must then show in the integrity check.
        auto problems = (*r)->db().integrityCheck();
        QVERIFY(!problems || !problems->empty());
    } else {
        QVERIFY(test::failureOf(r).code == core::ErrorCode::DatabaseCorrupt ||
                test::failureOf(r).code == core::ErrorCode::NotADatabase);
    }
}

void tst_Failures::createRefusesToOverwrite()
{
    test::TempClinic clinic;
    auto again = core::Vault::createClinic(clinic.path(), test::sampleClinic(), {"admin", "A", "another-password"},
                                           clinic.clock(), core::KdfCost::minimal());
    QVERIFY(!again);
    QCOMPARE(test::failureOf(again).code, core::ErrorCode::AlreadyExists);
    QVERIFY(clinic.login("admin", test::kAdminPassword));
}

void tst_Failures::badClinicSetupLeavesNothingBehind()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("new.db").toStdString();
    core::ManualClock clock;
    auto clinic = test::sampleClinic();
    clinic.npi = "1234567890"; // wrong check digit
    auto r = core::Vault::createClinic(path, clinic, {"admin", "A", "good-password"}, clock, core::KdfCost::minimal());
    QCOMPARE(QString::fromStdString(test::failureOf(r).field), QString("npi"));
    clinic = test::sampleClinic();
    clinic.timeZone = "Mars/Olympus_Mons";
    r = core::Vault::createClinic(path, clinic, {"admin", "A", "good-password"}, clock, core::KdfCost::minimal());
    QCOMPARE(QString::fromStdString(test::failureOf(r).field), QString("time_zone"));
    r = core::Vault::createClinic(path, test::sampleClinic(), {"admin", "A", "short"}, clock, core::KdfCost::minimal());
    QCOMPARE(QString::fromStdString(test::failureOf(r).field), QString("password"));
    QVERIFY(!QFile::exists(QString::fromStdString(path)));
    QVERIFY(!QFile::exists(QString::fromStdString(core::KeyFile::pathFor(path))));
}

void tst_Failures::fullDiskKeepsCommittedData()
{
    test::TempClinic clinic;
    clinic.closeAdmin();
    int pipeFds[2];
    QVERIFY(::pipe(pipeFds) == 0);
    const pid_t child = ::fork();
    if (child == 0) {
        // The child sees a disk that fills up a little beyond the current files.
        ::close(pipeFds[0]);
        std::signal(SIGXFSZ, SIG_IGN);
        auto session = core::Vault::unlock(clinic.path(), "admin", test::kAdminPassword, clinic.clock());
        if (!session)
            ::_exit(3);
        const rlim_t current =
            static_cast<rlim_t>(std::max(QFileInfo(QString::fromStdString(clinic.path())).size(),
                                         QFileInfo(QString::fromStdString(clinic.path() + "-wal")).size()));
        const rlimit limit{current + 2 * 1024 * 1024, current + 2 * 1024 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        core::PatientStore store(**session);
        int committed = 0;
        for (;;) {
            core::Patient p;
            p.familyName = "Fill" + std::to_string(committed);
            p.givenName = "Disk";
            p.dateOfBirth = "1980-01-01";
            p.addressLine1 = std::string(400, 'y');
            auto created = store.create(p);
            if (!created) {
                qWarning("stopped after %d writes: %s", committed, words::errorSentence(created.error()).c_str());
                const int code = static_cast<int>(created.error().code);
                [[maybe_unused]] auto w1 = ::write(pipeFds[1], &committed, sizeof committed);
                [[maybe_unused]] auto w2 = ::write(pipeFds[1], &code, sizeof code);
                ::_exit(0);
            }
            ++committed;
        }
    }
    ::close(pipeFds[1]);
    int committed = -1;
    int code = -1;
    QCOMPARE(::read(pipeFds[0], &committed, sizeof committed), static_cast<ssize_t>(sizeof committed));
    QCOMPARE(::read(pipeFds[0], &code, sizeof code), static_cast<ssize_t>(sizeof code));
    ::close(pipeFds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    QVERIFY(committed > 10);
    QCOMPARE(static_cast<core::ErrorCode>(code), core::ErrorCode::DiskFull);

    auto session = clinic.login("admin", test::kAdminPassword);
    QVERIFY(session);
    auto problems = session->db().integrityCheck();
    QVERIFY(problems && problems->empty());
    core::PatientStore store(*session);
    QCOMPARE(*store.count(), static_cast<std::int64_t>(committed));
    QCOMPARE(core::PatientSearch(*session).search("fill" + std::to_string(committed - 1))->size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(tst_Failures)
#include "tst_failures.moc"
