// Registration rules, data-driven: each broken rule names its field.
#include "core/patients/PatientValidator.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"
#include "tests/support/TestSupport.h"
#include "words/ErrorWords.h"

#include <QTest>

using namespace practica::core;

class tst_PatientValidation : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void normalisation();
    void allProblemsListsEveryField();
    void npi_data();
    void npi();
    void folding_data();
    void folding();
};

namespace {
Patient valid()
{
    Patient p;
    p.familyName = "Nguyen";
    p.givenName = "Minh";
    p.dateOfBirth = "1979-12-31";
    p.sex = "male";
    return p;
}
constexpr const char* kToday = "2025-11-21";
} // namespace

void tst_PatientValidation::rules_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expectedField"); // empty: valid

    QTest::newRow("valid as is") << ""
                                 << ""
                                 << "";
    QTest::newRow("missing family name") << "family_name"
                                         << ""
                                         << "family_name";
    QTest::newRow("blank given name") << "given_name"
                                      << "   "
                                      << "given_name";
    QTest::newRow("dob in the future") << "date_of_birth"
                                       << "2025-11-22"
                                       << "date_of_birth";
    QTest::newRow("dob today") << "date_of_birth"
                               << "2025-11-21"
                               << "";
    QTest::newRow("dob US format") << "date_of_birth"
                                   << "07/04/1976"
                                   << "";
    QTest::newRow("dob impossible") << "date_of_birth"
                                    << "2023-02-29"
                                    << "date_of_birth";
    QTest::newRow("dob leap day") << "date_of_birth"
                                  << "2024-02-29"
                                  << "";
    QTest::newRow("dob garbage") << "date_of_birth"
                                 << "yesterday"
                                 << "date_of_birth";
    QTest::newRow("dob too old") << "date_of_birth"
                                 << "1850-01-01"
                                 << "date_of_birth";
    QTest::newRow("sex unknown value") << "sex"
                                       << "f"
                                       << "sex";
    QTest::newRow("state ok lower case") << "state"
                                         << "ny"
                                         << "";
    QTest::newRow("state wrong") << "state"
                                 << "XX"
                                 << "state";
    QTest::newRow("state DC") << "state"
                              << "DC"
                              << "";
    QTest::newRow("zip 5") << "zip"
                           << "10001"
                           << "";
    QTest::newRow("zip 9") << "zip"
                           << "10001-1234"
                           << "";
    QTest::newRow("zip short") << "zip"
                               << "1000"
                               << "zip";
    QTest::newRow("zip letters") << "zip"
                                 << "ABCDE"
                                 << "zip";
    QTest::newRow("phone formatted") << "phone_mobile"
                                     << "(312) 555-0199"
                                     << "";
    QTest::newRow("phone with +1") << "phone_mobile"
                                   << "+1 312 555 0199"
                                   << "";
    QTest::newRow("phone too short") << "phone_mobile"
                                     << "555-0199"
                                     << "phone_mobile";
    QTest::newRow("phone area code 0") << "phone_home"
                                       << "012-555-0199"
                                       << "phone_home";
    QTest::newRow("phone letters") << "phone_work"
                                   << "312-555-CALL"
                                   << "phone_work";
    QTest::newRow("email ok") << "email"
                              << "minh.nguyen+clinic@example.com"
                              << "";
    QTest::newRow("email no at") << "email"
                                 << "minh.example.com"
                                 << "email";
    QTest::newRow("email no domain") << "email"
                                     << "minh@"
                                     << "email";
    QTest::newRow("emergency name without phone") << "emergency_name"
                                                  << "Lan Nguyen"
                                                  << "emergency_phone";
}

void tst_PatientValidation::rules()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expectedField);
    Patient p = valid();
    const std::string v = value.toStdString();
    if (field == "family_name")
        p.familyName = v;
    else if (field == "given_name")
        p.givenName = v;
    else if (field == "date_of_birth")
        p.dateOfBirth = v;
    else if (field == "sex")
        p.sex = v;
    else if (field == "state")
        p.state = v;
    else if (field == "zip")
        p.zip = v;
    else if (field == "phone_mobile")
        p.phoneMobile = v;
    else if (field == "phone_home")
        p.phoneHome = v;
    else if (field == "phone_work")
        p.phoneWork = v;
    else if (field == "email")
        p.email = v;
    else if (field == "emergency_name")
        p.emergencyName = v;
    const Status s = PatientValidator::normalizeAndValidate(p, kToday);
    if (expectedField.isEmpty()) {
        QVERIFY2(s.has_value(), s ? "" : practica::words::errorSentence(s.error()).c_str());
    } else {
        QVERIFY(!s.has_value());
        QCOMPARE(practica::test::failureOf(s).code, ErrorCode::Validation);
        QCOMPARE(QString::fromStdString(practica::test::failureOf(s).field), expectedField);
    }
}

void tst_PatientValidation::normalisation()
{
    Patient p = valid();
    p.familyName = "  Nguyen ";
    p.dateOfBirth = "12/31/1979";
    p.phoneMobile = "(312) 555-0199";
    p.state = "il";
    p.email = "  ";
    QVERIFY(PatientValidator::normalizeAndValidate(p, kToday));
    QCOMPARE(QString::fromStdString(p.familyName), QString("Nguyen"));
    QCOMPARE(QString::fromStdString(p.dateOfBirth), QString("1979-12-31"));
    QCOMPARE(QString::fromStdString(*p.phoneMobile), QString("3125550199"));
    QCOMPARE(QString::fromStdString(*p.state), QString("IL"));
    QVERIFY(!p.email.has_value());
    QCOMPARE(QString::fromStdString(formatPhone(*p.phoneMobile)), QString("(312) 555-0199"));
}

void tst_PatientValidation::allProblemsListsEveryField()
{
    Patient p;
    p.sex = "x";
    p.zip = "1";
    const auto problems = PatientValidator::allProblems(p, kToday);
    QStringList fields;
    for (const auto& e : problems)
        fields << QString::fromStdString(e.field);
    QVERIFY(fields.contains("family_name"));
    QVERIFY(fields.contains("given_name"));
    QVERIFY(fields.contains("date_of_birth"));
    QVERIFY(fields.contains("sex"));
    QVERIFY(fields.contains("zip"));
}

void tst_PatientValidation::npi_data()
{
    QTest::addColumn<QString>("npi");
    QTest::addColumn<bool>("ok");
    QTest::newRow("cms example") << "1234567893" << true;
    QTest::newRow("bad check digit") << "1234567890" << false;
    QTest::newRow("too short") << "123456789" << false;
    QTest::newRow("letters") << "12345678a3" << false;
}

void tst_PatientValidation::npi()
{
    QFETCH(QString, npi);
    QFETCH(bool, ok);
    QCOMPARE(isNpi(npi.toStdString()), ok);
}

void tst_PatientValidation::folding_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("folded");
    QTest::newRow("accents") << "José Núñez"
                             << "jose nunez";
    QTest::newRow("german") << "Straße Müller"
                            << "strasse muller";
    QTest::newRow("nordic") << "Søren Ærø"
                            << "soren aero";
    QTest::newRow("polish") << "Łukasz Żółć"
                            << "lukasz zolc";
    QTest::newRow("decomposed") << QString::fromUtf8("Jose\xCC\x81") << "jose";
    QTest::newRow("upper") << "O'BRIEN"
                           << "o'brien";
}

void tst_PatientValidation::folding()
{
    QFETCH(QString, input);
    QFETCH(QString, folded);
    QCOMPARE(QString::fromStdString(foldForSearch(input.toStdString())), folded);
}

QTEST_GUILESS_MAIN(tst_PatientValidation)
#include "tst_patientvalidation.moc"
