// Registration, edits, duplicates, merges, payers and coverage through the stores.
#include "core/db/Statement.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientStore.h"
#include "tests/support/TestSupport.h"
#include "words/ErrorWords.h"

#include <QTest>

using namespace practica;

class tst_PatientStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createAssignsIdAndCheckedMrn();
    void updateKeepsMrnAndValidates();
    void duplicatesByNameAndBirthDate();
    void duplicatesByPhone();
    void mergeMovesCoverageAndKeepsTrail();
    void mergeRefusesBadPairs();
    void coverageOnePolicyPerRank();
    void coverageValidation();
    void deceasedNeedsDate();

private:
    core::Patient person(const char* family, const char* given, const char* dob)
    {
        core::Patient p;
        p.familyName = family;
        p.givenName = given;
        p.dateOfBirth = dob;
        p.sex = "female";
        return p;
    }
    std::string addPayer()
    {
        core::Payer payer;
        payer.name = "Great Lakes Health";
        payer.payerCode = "GLH01";
        payer.phone = "800-555-0123";
        auto created = core::PayerStore(m_clinic->admin()).create(payer);
        if (!created)
            qFatal("payer");
        return created->id;
    }
    core::Coverage policy(const std::string& patientId, const std::string& payerId, const char* rank)
    {
        core::Coverage c;
        c.patientId = patientId;
        c.payerId = payerId;
        c.rank = rank;
        c.memberId = "W123456789";
        c.groupNumber = "G-100";
        c.subscriberName = "Test Subscriber";
        c.effectiveDate = "2025-01-01";
        return c;
    }
    std::unique_ptr<test::TempClinic> m_clinic;
};

void tst_PatientStore::init()
{
    m_clinic = std::make_unique<test::TempClinic>();
}
void tst_PatientStore::cleanup()
{
    m_clinic.reset();
}

void tst_PatientStore::createAssignsIdAndCheckedMrn()
{
    core::PatientStore store(m_clinic->admin());
    auto a = store.create(person("Adeyemi", "Tolu", "1993-03-03"));
    auto b = store.create(person("Baptiste", "Rose", "1994-04-04"));
    QVERIFY(a && b);
    QCOMPARE(a->id.size(), std::size_t(36));
    QVERIFY(a->id < b->id);                                          // time-ordered ids
    QCOMPARE(QString::fromStdString(a->mrn), QString("0100000017")); // workstation 01, sequence 1, Luhn 7
    QVERIFY(a->mrn != b->mrn);
    auto read = store.get(a->id);
    QVERIFY(read);
    QCOMPARE(QString::fromStdString(read->familyName), QString("Adeyemi"));
    QCOMPARE(*store.count(), std::int64_t(2));
    auto missing = store.get("not-an-id");
    QCOMPARE(test::failureOf(missing).code, core::ErrorCode::NotFound);
}

void tst_PatientStore::updateKeepsMrnAndValidates()
{
    core::PatientStore store(m_clinic->admin());
    auto a = store.create(person("Adeyemi", "Tolu", "1993-03-03"));
    core::Patient edit = *a;
    edit.mrn = "HIJACK";
    edit.familyName = "Adeyemi-Cole";
    edit.zip = "60601";
    QVERIFY(store.update(edit));
    auto read = store.get(a->id);
    QCOMPARE(QString::fromStdString(read->mrn), QString::fromStdString(a->mrn));
    QCOMPARE(QString::fromStdString(read->familyName), QString("Adeyemi-Cole"));
    QCOMPARE(core::PatientSearch(m_clinic->admin()).search("cole")->size(),
             std::size_t(1)); // the search index follows the edit
    edit.zip = "6060";
    auto bad = store.update(edit);
    QVERIFY(!bad);
    QCOMPARE(QString::fromStdString(test::failureOf(bad).field), QString("zip"));
    QCOMPARE(QString::fromStdString(store.get(a->id)->zip.value_or("")), QString("60601"));
}

void tst_PatientStore::duplicatesByNameAndBirthDate()
{
    core::PatientStore store(m_clinic->admin());
    QVERIFY(store.create(person("Muñoz", "Inés", "1970-02-02")));
    auto dupes = core::PatientSearch(m_clinic->admin()).findDuplicates(person("MUNOZ", "ines", "02/02/1970"));
    QVERIFY(dupes);
    QCOMPARE(dupes->size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(dupes->front().reason), QString("name_and_birth_date"));
    QVERIFY(core::PatientSearch(m_clinic->admin()).findDuplicates(person("Muñoz", "Inés", "1970-02-03"))->empty());
}

void tst_PatientStore::duplicatesByPhone()
{
    core::PatientStore store(m_clinic->admin());
    auto p = person("Yilmaz", "Deniz", "1980-08-08");
    p.phoneMobile = "(414) 555-0177";
    QVERIFY(store.create(p));
    auto other = person("Other", "Person", "2000-01-01");
    other.phoneHome = "414.555.0177";
    auto dupes = core::PatientSearch(m_clinic->admin()).findDuplicates(other);
    QCOMPARE(dupes->size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(dupes->front().reason), QString("phone"));
}

void tst_PatientStore::mergeMovesCoverageAndKeepsTrail()
{
    core::PatientStore store(m_clinic->admin());
    auto keep = store.create(person("Ivanova", "Olga", "1966-06-06"));
    auto dupe = store.create(person("Ivanova", "Olga", "1966-06-06"));
    const std::string payer = addPayer();
    auto cov = core::CoverageStore(m_clinic->admin()).add(policy(dupe->id, payer, "primary"));
    QVERIFY(cov);
    auto outcome = store.merge(keep->id, dupe->id);
    QVERIFY2(outcome, outcome ? "" : words::errorSentence(outcome.error()).c_str());
    QCOMPARE(outcome->movedRecords, 1);
    auto moved = core::CoverageStore(m_clinic->admin()).forPatient(keep->id);
    QCOMPARE(moved->size(), std::size_t(1));
    auto retired = store.get(dupe->id);
    QCOMPARE(retired->status, core::PatientStatus::Merged);
    QCOMPARE(QString::fromStdString(retired->mergedInto.value_or("")), QString::fromStdString(keep->id));
    auto trail = m_clinic->admin().db().prepare("SELECT survivor_id, merged_id, moved FROM patient_merge;");
    QVERIFY(trail && *trail->step());
    QCOMPARE(QString::fromStdString(trail->text(0)), QString::fromStdString(keep->id));
    QVERIFY(trail->text(2).find(cov->id) != std::string::npos);
    auto audit = m_clinic->admin().journal().auditLog().forRecord("patient", dupe->id);
    QCOMPARE(QString::fromStdString(audit->at(audit->size() - 2).action), QString("merge"));
    // A merged record can no longer be edited.
    auto edit = store.update(*retired);
    QCOMPARE(test::failureOf(edit).code, core::ErrorCode::Conflict);
}

void tst_PatientStore::mergeRefusesBadPairs()
{
    core::PatientStore store(m_clinic->admin());
    auto a = store.create(person("One", "A", "1990-01-01"));
    auto b = store.create(person("Two", "B", "1990-01-01"));
    auto c = store.create(person("Three", "C", "1990-01-01"));
    QCOMPARE(test::failureOf(store.merge(a->id, a->id)).code, core::ErrorCode::Validation);
    QVERIFY(store.merge(a->id, b->id));
    QCOMPARE(test::failureOf(store.merge(c->id, b->id)).code, core::ErrorCode::Conflict);
    QCOMPARE(test::failureOf(store.merge(b->id, c->id)).code, core::ErrorCode::Conflict);
    QCOMPARE(test::failureOf(store.merge(a->id, "missing")).code, core::ErrorCode::NotFound);
}

void tst_PatientStore::coverageOnePolicyPerRank()
{
    auto p = core::PatientStore(m_clinic->admin()).create(person("Silva", "Ana", "1985-05-05"));
    const std::string payer = addPayer();
    core::CoverageStore store(m_clinic->admin());
    auto first = store.add(policy(p->id, payer, "primary"));
    QVERIFY(first);
    auto second = store.add(policy(p->id, payer, "primary"));
    QCOMPARE(test::failureOf(second).code, core::ErrorCode::Conflict);
    QVERIFY(store.add(policy(p->id, payer, "secondary")));
    QVERIFY(store.deactivate(first->id));
    QVERIFY(store.add(policy(p->id, payer, "primary")));
    auto all = store.forPatient(p->id);
    QCOMPARE(all->size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(all->front().payerName), QString("Great Lakes Health"));
    QCOMPARE(store.forPatient(p->id, false)->size(), std::size_t(2));
}

void tst_PatientStore::coverageValidation()
{
    auto p = core::PatientStore(m_clinic->admin()).create(person("Silva", "Ana", "1985-05-05"));
    const std::string payer = addPayer();
    core::CoverageStore store(m_clinic->admin());
    auto c = policy(p->id, payer, "primary");
    c.endDate = "2024-12-31";
    QCOMPARE(QString::fromStdString(test::failureOf(store.add(c)).field), QString("end_date"));
    c = policy(p->id, payer, "quaternary");
    QCOMPARE(QString::fromStdString(test::failureOf(store.add(c)).field), QString("rank"));
    c = policy(p->id, "no-such-payer", "primary");
    QCOMPARE(QString::fromStdString(test::failureOf(store.add(c)).field), QString("payer_id"));
    c = policy(p->id, payer, "primary");
    c.memberId = " ";
    QCOMPARE(QString::fromStdString(test::failureOf(store.add(c)).field), QString("member_id"));
}

void tst_PatientStore::deceasedNeedsDate()
{
    core::PatientStore store(m_clinic->admin());
    auto p = store.create(person("Okoro", "Ngozi", "1940-04-04"));
    core::Patient edit = *p;
    edit.status = core::PatientStatus::Deceased;
    QCOMPARE(QString::fromStdString(test::failureOf(store.update(edit)).field), QString("deceased_date"));
    edit.deceasedDate = "2025-10-01";
    QVERIFY(store.update(edit));
    QCOMPARE(store.get(p->id)->status, core::PatientStatus::Deceased);
}

QTEST_GUILESS_MAIN(tst_PatientStore)
#include "tst_patientstore.moc"
