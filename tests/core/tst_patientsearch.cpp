// Patient search, data-driven: name prefixes in any order, accents, hyphenated and two-part surnames,
// dates of birth, MRNs and phones.
#include "core/patients/PatientStore.h"
#include "tests/support/TestSupport.h"
#include "words/ErrorWords.h"

#include <QTest>

using namespace practica;

class tst_PatientSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void search_data();
    void search();
    void byMrn();
    void mergedPatientsAreNotFound();
    void searchIsAudited();

private:
    std::unique_ptr<test::TempClinic> m_clinic;
    std::map<std::string, std::string> m_mrnByName;
};

namespace {
struct Seed
{
    const char* family;
    const char* given;
    const char* preferred;
    const char* dob;
    const char* phone;
};
const Seed kPatients[] = {
    {"Smith", "John", nullptr, "1975-04-12", "3125550101"},
    {"Smithson", "Joanna", "Jo", "1982-08-01", "3125550102"},
    {"Smith", "Mary", nullptr, "1990-01-15", "3125550103"},
    {"Núñez", "José", nullptr, "1968-11-30", "3125550104"},
    {"García Márquez", "Gabriel", nullptr, "1950-03-06", "3125550105"},
    {"Lloyd-Jones", "Siân", nullptr, "2001-06-21", "3125550106"},
    {"O'Brien", "Aoife", nullptr, "1999-12-24", "3125550107"},
    {"van der Berg", "Pieter", nullptr, "1985-02-28", "3125550108"},
    {"Johnson", "Smitty", nullptr, "1979-07-07", "3125550109"},
    {"Øberg", "Ingrid", nullptr, "1960-10-10", "3125550110"},
};
} // namespace

void tst_PatientSearch::initTestCase()
{
    m_clinic = std::make_unique<test::TempClinic>();
    core::PatientStore store(m_clinic->admin());
    for (const Seed& s : kPatients) {
        core::Patient p;
        p.familyName = s.family;
        p.givenName = s.given;
        if (s.preferred)
            p.preferredName = s.preferred;
        p.dateOfBirth = s.dob;
        p.sex = "unknown";
        p.phoneMobile = s.phone;
        auto created = store.create(p);
        QVERIFY2(created, created ? "" : words::errorSentence(created.error()).c_str());
        m_mrnByName[std::string(s.family) + "/" + s.given] = created->mrn;
    }
}

void tst_PatientSearch::cleanupTestCase()
{
    m_clinic.reset();
}

void tst_PatientSearch::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); // "Family/Given", in result order

    // Smitty Johnson matches too: a word starting "smi" and a word starting "jo".
    QTest::newRow("two prefixes family first")
        << "smi jo" << QStringList{"Johnson/Smitty", "Smith/John", "Smithson/Joanna"};
    QTest::newRow("two prefixes given first")
        << "jo smi" << QStringList{"Johnson/Smitty", "Smith/John", "Smithson/Joanna"};
    QTest::newRow("upper case") << "SMITH MARY" << QStringList{"Smith/Mary"};
    QTest::newRow("one prefix") << "smith" << QStringList{"Smith/John", "Smith/Mary", "Smithson/Joanna"};
    QTest::newRow("given name prefix also matches") << "smitt" << QStringList{"Johnson/Smitty"};
    QTest::newRow("accent typed") << "núñ" << QStringList{"Núñez/José"};
    QTest::newRow("accent not typed") << "nunez jose" << QStringList{"Núñez/José"};
    QTest::newRow("second part of two-part surname") << "marquez" << QStringList{"García Márquez/Gabriel"};
    QTest::newRow("two-part surname whole") << "garcia marquez" << QStringList{"García Márquez/Gabriel"};
    QTest::newRow("hyphenated second half") << "jones si" << QStringList{"Lloyd-Jones/Siân"};
    QTest::newRow("hyphenated typed with hyphen") << "lloyd-jones" << QStringList{"Lloyd-Jones/Siân"};
    QTest::newRow("apostrophe") << "o'brien" << QStringList{"O'Brien/Aoife"};
    QTest::newRow("apostrophe left out") << "obrien" << QStringList{};
    QTest::newRow("particle") << "berg piet" << QStringList{"van der Berg/Pieter"};
    QTest::newRow("nordic letter") << "oberg" << QStringList{"Øberg/Ingrid"};
    QTest::newRow("preferred name") << "jo smithson" << QStringList{"Smithson/Joanna"};
    QTest::newRow("dob iso") << "1975-04-12" << QStringList{"Smith/John"};
    QTest::newRow("dob us") << "4/12/1975" << QStringList{"Smith/John"};
    QTest::newRow("phone formatted") << "(312) 555-0104" << QStringList{"Núñez/José"};
    QTest::newRow("phone prefix") << "312555010"
                                  << QStringList{"Smith/John",    "Smithson/Joanna",        "Smith/Mary",
                                                 "Núñez/José",    "García Márquez/Gabriel", "Lloyd-Jones/Siân",
                                                 "O'Brien/Aoife", "van der Berg/Pieter",    "Johnson/Smitty"};
    QTest::newRow("no match") << "zzz" << QStringList{};
    QTest::newRow("blank") << "   " << QStringList{};
}

void tst_PatientSearch::search()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    auto results = core::PatientSearch(m_clinic->admin()).search(query.toStdString());
    QVERIFY(results);
    QStringList got;
    for (const auto& r : *results)
        got << QString::fromStdString(r.familyName + "/" + r.givenName);
    QStringList sortedExpected = expected;
    QStringList sortedGot = got;
    sortedExpected.sort();
    sortedGot.sort();
    QCOMPARE(sortedGot, sortedExpected);
}

void tst_PatientSearch::byMrn()
{
    const std::string mrn = m_mrnByName.at("Øberg/Ingrid");
    auto results = core::PatientSearch(m_clinic->admin()).search(mrn);
    QVERIFY(results);
    QCOMPARE(results->size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(results->front().givenName), QString("Ingrid"));
    // A mistyped MRN (check digit off) finds nothing rather than the wrong patient.
    std::string typo = mrn;
    typo.back() = typo.back() == '9' ? '0' : static_cast<char>(typo.back() + 1);
    QVERIFY(core::PatientSearch(m_clinic->admin()).search(typo)->empty());
}

void tst_PatientSearch::mergedPatientsAreNotFound()
{
    test::TempClinic clinic;
    core::PatientStore store(clinic.admin());
    core::Patient a;
    a.familyName = "Kowalski";
    a.givenName = "Anna";
    a.dateOfBirth = "1991-01-01";
    auto first = store.create(a);
    auto second = store.create(a);
    QVERIFY(first && second);
    QCOMPARE(core::PatientSearch(clinic.admin()).search("kowal")->size(), std::size_t(2));
    QVERIFY(store.merge(first->id, second->id));
    auto after = core::PatientSearch(clinic.admin()).search("kowal");
    QCOMPARE(after->size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(after->front().id), QString::fromStdString(first->id));
}

void tst_PatientSearch::searchIsAudited()
{
    auto& s = m_clinic->admin();
    QVERIFY(core::PatientSearch(s).search("smith"));
    auto recent = s.journal().auditLog().recent(1);
    QVERIFY(recent && !recent->empty());
    QCOMPARE(QString::fromStdString(recent->front().action), QString("search"));
}

QTEST_GUILESS_MAIN(tst_PatientSearch)
#include "tst_patientsearch.moc"
