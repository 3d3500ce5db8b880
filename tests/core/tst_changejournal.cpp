// The change log: every write leaves an outbox row with the changed fields and their HLC, in the
// same transaction as the row; stamps stay monotonic across restarts and clock steps.
#include "core/db/Statement.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientStore.h"
#include "tests/support/TestSupport.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <QTest>

using namespace practica;

class tst_ChangeJournal : public QObject
{
    Q_OBJECT

private slots:
    void createListsAllFields();
    void updateListsOnlyChangedFields();
    void failedWriteLeavesNoChange();
    void updatesStampFieldVersions();
    void stampsStayMonotonicAcrossRestartAndClockStep();
};

namespace {
core::Patient patient()
{
    core::Patient p;
    p.familyName = "Haddad";
    p.givenName = "Layla";
    p.dateOfBirth = "2001-09-30";
    p.sex = "female";
    return p;
}
} // namespace

void tst_ChangeJournal::createListsAllFields()
{
    test::TempClinic clinic;
    auto& s = clinic.admin();
    const auto before = *s.journal().pendingCount();
    auto created = core::PatientStore(s).create(patient());
    QVERIFY(created);
    QCOMPARE(*s.journal().pendingCount(), before + 1);
    auto changes = s.journal().pending(1000);
    const auto& last = changes->back();
    QCOMPARE(QString::fromStdString(last.entity), QString("patient"));
    QCOMPARE(QString::fromStdString(last.rowId), QString::fromStdString(created->id));
    QCOMPARE(QString::fromStdString(last.op), QString("upsert"));
    Poco::JSON::Parser parser;
    auto fields = parser.parse(last.fieldsJson).extract<Poco::JSON::Object::Ptr>();
    QCOMPARE(QString::fromStdString(fields->getValue<std::string>("family_name")), QString("Haddad"));
    QCOMPARE(QString::fromStdString(last.hlc), QString::fromStdString(created->updatedHlc));
    QVERIFY(fields->has("mrn"));
    QVERIFY(fields->isNull("email"));
}

void tst_ChangeJournal::updateListsOnlyChangedFields()
{
    test::TempClinic clinic;
    auto& s = clinic.admin();
    auto created = core::PatientStore(s).create(patient());
    core::Patient edited = *created;
    edited.email = "layla@example.org";
    edited.preferredName = "Lay";
    QVERIFY(core::PatientStore(s).update(edited));
    auto last = s.journal().pending(1000)->back();
    Poco::JSON::Parser parser;
    auto fields = parser.parse(last.fieldsJson).extract<Poco::JSON::Object::Ptr>();
    QCOMPARE(fields->size(), std::size_t(2));
    QVERIFY(fields->has("email"));
    QVERIFY(fields->has("preferred_name"));
    QVERIFY(last.baseHlc.has_value());
    QCOMPARE(QString::fromStdString(*last.baseHlc), QString::fromStdString(created->updatedHlc));
    // An update that changes nothing writes nothing.
    const auto count = *s.journal().pendingCount();
    QVERIFY(core::PatientStore(s).update(edited));
    QCOMPARE(*s.journal().pendingCount(), count);
}

void tst_ChangeJournal::failedWriteLeavesNoChange()
{
    test::TempClinic clinic;
    auto& s = clinic.admin();
    const auto count = *s.journal().pendingCount();
    core::Patient bad = patient();
    bad.dateOfBirth = "2999-01-01";
    QVERIFY(!core::PatientStore(s).create(bad));
    core::Coverage orphan;
    orphan.patientId = "no-such-patient";
    orphan.payerId = "no-such-payer";
    orphan.memberId = "X";
    orphan.subscriberName = "X";
    orphan.effectiveDate = "2024-01-01";
    QVERIFY(!core::CoverageStore(s).add(orphan));
    QCOMPARE(*s.journal().pendingCount(), count);
}

void tst_ChangeJournal::stampsStayMonotonicAcrossRestartAndClockStep()
{
    test::TempClinic clinic;
    auto created = core::PatientStore(clinic.admin()).create(patient());
    const std::string first = clinic.admin().journal().pending(1000)->back().hlc;
    clinic.closeAdmin();
    clinic.clock().advance(-3'600'000); // the wall clock steps back an hour
    auto session = clinic.login("admin", test::kAdminPassword);
    QVERIFY(session);
    core::Patient edited = *created;
    edited.city = "Peoria";
    QVERIFY(core::PatientStore(*session).update(edited));
    const std::string second = session->journal().pending(1000)->back().hlc;
    QVERIFY2(second > first, (first + " then " + second).c_str());
}

void tst_ChangeJournal::updatesStampFieldVersions()
{
    test::TempClinic clinic;
    auto& s = clinic.admin();
    core::Payer payer;
    payer.name = "Harbor Health";
    payer.payerCode = "HH001";
    auto created = core::PayerStore(s).create(payer);
    QVERIFY(created);
    created->phone = "8005550199";
    QVERIFY(core::PayerStore(s).update(*created));
    const std::string hlc = s.journal().pending(1000)->back().hlc;
    auto stmt = s.db().prepare("SELECT field_hlc FROM payer WHERE id = ?;");
    QVERIFY(stmt);
    auto versions = stmt->bind(1, created->id).one<std::string>([](const auto& r) { return r.text(0); }, "payer", "");
    QVERIFY(versions);
    Poco::JSON::Parser parser;
    auto map = parser.parse(*versions).extract<Poco::JSON::Object::Ptr>();
    QCOMPARE(map->size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(map->getValue<std::string>("phone")), QString::fromStdString(hlc));
}

QTEST_GUILESS_MAIN(tst_ChangeJournal)
#include "tst_changejournal.moc"
