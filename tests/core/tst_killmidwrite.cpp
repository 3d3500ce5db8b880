// A process killed in the middle of a stream of writes loses none of the writes it reported as
// committed, and the database passes its integrity check afterwards.
#include "core/audit/AuditLog.h"
#include "core/patients/PatientStore.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <csignal>

using namespace practica;

class tst_KillMidWrite : public QObject
{
    Q_OBJECT

private slots:
    void committedWritesSurviveSigkill();
};

void tst_KillMidWrite::committedWritesSurviveSigkill()
{
    test::TempClinic clinic;
    clinic.closeAdmin();
    QStringList committed;
    QRandomGenerator rng(20261121);
    for (int round = 0; round < 5; ++round) {
        QProcess writer;
        writer.start(KILLWRITER_PATH, {QString::fromStdString(clinic.path()), "admin", test::kAdminPassword});
        QVERIFY(writer.waitForStarted());
        const int target = 20 + static_cast<int>(rng.bounded(200));
        int seen = 0;
        QByteArray pending;
        QElapsedTimer timer;
        timer.start();
        while (seen < target && timer.elapsed() < 30000) {
            writer.waitForReadyRead(200);
            pending += writer.readAllStandardOutput();
            int nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                committed << QString::fromLatin1(pending.left(nl));
                pending.remove(0, nl + 1);
                ++seen;
            }
            QVERIFY2(writer.state() == QProcess::Running, writer.readAllStandardError().constData());
        }
        QVERIFY2(seen >= target, "the writer did not produce enough writes in time");
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        pending += writer.readAllStandardOutput();
        for (const QByteArray& line : pending.split('\n'))
            if (!line.isEmpty())
                committed << QString::fromLatin1(line);

        auto session = clinic.login("admin", test::kAdminPassword);
        QVERIFY(session);
        auto problems = session->db().integrityCheck();
        QVERIFY(problems);
        QVERIFY2(problems->empty(), problems->empty() ? "" : problems->front().c_str());
        core::PatientStore store(*session);
        for (const QString& mrn : committed) {
            auto p = store.getByMrn(mrn.toStdString());
            QVERIFY2(p, qPrintable("lost committed patient " + mrn));
        }
        auto chain = session->journal().auditLog().verify();
        QVERIFY(chain && chain->intact);
    }
    QVERIFY(committed.size() >= 100);
}

QTEST_GUILESS_MAIN(tst_KillMidWrite)
#include "tst_killmidwrite.moc"
