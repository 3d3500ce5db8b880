// The audit chain: every write and read is recorded, and every kind of tampering is detected
// and named by the first event that does not fit.
#include "core/audit/AuditLog.h"
#include "core/db/Statement.h"
#include "core/patients/PatientStore.h"
#include "tests/support/TestSupport.h"

#include <QTest>

using namespace practica;

namespace {
constexpr const char* dropAppendOnlyTriggers =
    "DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete; DROP TRIGGER audit_event_no_replace;";
}

class tst_AuditLog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void writesAndReadsAreAudited();
    void intactChainVerifies();
    void tampering_data();
    void tampering();
    void theDatabaseRefusesToChangeOrRemoveEvents_data();
    void theDatabaseRefusesToChangeOrRemoveEvents();

private:
    std::unique_ptr<test::TempClinic> m_clinic;
    std::string m_patientId;
};

void tst_AuditLog::init()
{
    m_clinic = std::make_unique<test::TempClinic>();
    core::PatientStore store(m_clinic->admin());
    for (const char* name : {"Alvarez", "Brennan", "Chen", "Dubois"}) {
        core::Patient p;
        p.familyName = name;
        p.givenName = "Sam";
        p.dateOfBirth = "1970-01-01";
        p.sex = "unknown";
        auto created = store.create(p);
        QVERIFY(created);
        m_patientId = created->id;
        m_clinic->clock().advance(1000);
    }
}

void tst_AuditLog::cleanup()
{
    m_clinic.reset();
}

void tst_AuditLog::writesAndReadsAreAudited()
{
    auto& s = m_clinic->admin();
    QVERIFY(core::PatientStore(s).get(m_patientId));
    auto events = s.journal().auditLog().forRecord("patient", m_patientId);
    QVERIFY(events);
    QCOMPARE(events->size(), std::size_t(2));
    QCOMPARE(QString::fromStdString((*events)[0].action), QString("create"));
    QCOMPARE(QString::fromStdString((*events)[1].action), QString("read"));
    QCOMPARE(QString::fromStdString((*events)[1].username), QString("admin"));
    QCOMPARE(QString::fromStdString((*events)[1].role), QString("admin"));
    QCOMPARE(QString::fromStdString((*events)[1].deviceId), QString::fromStdString(s.deviceId()));
}

void tst_AuditLog::intactChainVerifies()
{
    auto v = m_clinic->admin().journal().auditLog().verify();
    QVERIFY(v);
    QVERIFY(v->intact);
    QVERIFY(v->eventsChecked >= 6);
}

void tst_AuditLog::tampering_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<qint64>("firstBad");
    QTest::newRow("edited detail") << "UPDATE audit_event SET detail = 'nothing to see' WHERE seq = 4;" << qint64(4);
    QTest::newRow("edited user") << "UPDATE audit_event SET username = 'someone' WHERE seq = 3;" << qint64(3);
    QTest::newRow("deleted middle") << "DELETE FROM audit_event WHERE seq = 3;" << qint64(4);
    QTest::newRow("deleted last") << "DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event);"
                                  << qint64(-1);
    QTest::newRow("inserted") << "UPDATE audit_event SET seq = seq + 100 WHERE seq >= 3; "
                                 "INSERT INTO audit_event SELECT 3, 'x', at_ms, user_id, username, role, device_id, "
                                 "action, entity, record_id, detail, prev_hash, hash FROM audit_event WHERE seq = 2; "
                                 "UPDATE audit_event SET seq = seq - 99 WHERE seq >= 103;"
                              << qint64(3);
    QTest::newRow("reordered") << "UPDATE audit_event SET seq = -1 WHERE seq = 2; "
                                  "UPDATE audit_event SET seq = 2 WHERE seq = 3; "
                                  "UPDATE audit_event SET seq = 3 WHERE seq = -1;"
                               << qint64(2);
}

void tst_AuditLog::tampering()
{
    QFETCH(QString, sql);
    QFETCH(qint64, firstBad);
    // Someone with the key and the sqlite shell can drop the append-only triggers: the chain still tells.
    QVERIFY(m_clinic->admin().db().execute(dropAppendOnlyTriggers));
    QVERIFY(m_clinic->admin().db().execute(sql.toStdString()));
    auto v = m_clinic->admin().journal().auditLog().verify();
    QVERIFY(v);
    QVERIFY(!v->intact);
    if (firstBad > 0)
        QCOMPARE(v->firstBadSeq, static_cast<std::int64_t>(firstBad));
    QVERIFY(!v->problem.empty());
}

void tst_AuditLog::theDatabaseRefusesToChangeOrRemoveEvents_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("update one") << "UPDATE audit_event SET detail = 'nothing to see' WHERE seq = 2;";
    QTest::newRow("update all") << "UPDATE audit_event SET username = 'someone';";
    QTest::newRow("delete one") << "DELETE FROM audit_event WHERE seq = 3;";
    QTest::newRow("delete all") << "DELETE FROM audit_event;";
    QTest::newRow("replace") << "INSERT OR REPLACE INTO audit_event SELECT * FROM audit_event WHERE seq = 1;";
}

void tst_AuditLog::theDatabaseRefusesToChangeOrRemoveEvents()
{
    QFETCH(QString, sql);
    auto& db = m_clinic->admin().db();
    auto before = db.prepare("SELECT group_concat(hash, ',') FROM (SELECT hash FROM audit_event ORDER BY seq);");
    QVERIFY(before && *before->step());
    const std::string chain = before->text(0);
    QVERIFY(!chain.empty());
    const core::Status changed = db.execute(sql.toStdString());
    QVERIFY(!changed);
    QCOMPARE(changed.error().code, core::ErrorCode::Conflict);
    auto after = db.prepare("SELECT group_concat(hash, ',') FROM (SELECT hash FROM audit_event ORDER BY seq);");
    QVERIFY(after && *after->step());
    QCOMPARE(after->text(0), chain);
    auto v = m_clinic->admin().journal().auditLog().verify();
    QVERIFY(v && v->intact);
}

QTEST_GUILESS_MAIN(tst_AuditLog)
#include "tst_auditlog.moc"
