// practica-cli fhir, the real binary: a charted patient exported from one demo clinic as a FHIR Bundle
// (written whole) and imported into another, with what was imported and skipped by type; a refused bundle
// is exit 6 in one line and changes nothing.
#include "core/auth/Vault.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/EncounterStore.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/util/Clock.h"
#include "tests/support/TestSupport.h"

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

constexpr const char* kDoctorPassword = "doctor-demo"; // the demo clinic's clinician

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    bool oneErrorLine() const { return err.startsWith("practica-cli: ") && err.count('\n') == 1 && err.endsWith('\n'); }
};

} // namespace

class tst_CliFhir : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportThenImport();
    void refusedBundleChangesNothing();
    void usageErrors();

private:
    Run run(const QStringList& args, const QString& password = kDoctorPassword);
    QString demo(const QString& name);
    QString chartOnePatient(const QString& db);
    qint64 patients(const QString& db);

    QString m_binary;
    QTemporaryDir m_dir;
    QString m_from, m_to, m_mrn;
};

Run tst_CliFhir::run(const QStringList& args, const QString& password)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"PRACTICA_DB", "PRACTICA_USER", "PRACTICA_PASSWORD"})
        environment.remove(name);
    environment.insert("PRACTICA_PASSWORD", password);
    environment.insert("PRACTICA_USER", "doctor");
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

QString tst_CliFhir::demo(const QString& name)
{
    const QString db = m_dir.filePath(name);
    Run r =
        run({"demo", "--db", db, "--patients", "3", "--seed", "4", "--kdf", "minimal", "--appointments-per-day", "0"},
            "admin-password-1");
    if (r.exitCode != 0)
        qWarning("demo failed: %s", r.err.constData());
    return db;
}

// A visit, a problem, an allergy, an immunization and vital signs for the first patient, through core.
QString tst_CliFhir::chartOnePatient(const QString& db)
{
    core::SystemClock clock;
    auto session = core::Vault::unlock(db.toStdString(), "doctor", kDoctorPassword, clock);
    if (!session)
        return {};
    core::Session& s = **session;
    core::Patient p;
    p.familyName = "Lindqvist";
    p.givenName = "Sofia";
    p.dateOfBirth = "1972-06-30";
    p.sex = "female";
    auto patient = core::PatientStore(s).create(p);
    auto providers = core::ScheduleSetupStore(s).providers();
    if (!patient || !providers || providers->empty())
        return {};
    core::Encounter e;
    e.patientId = patient->id;
    e.providerId = providers->front().id;
    e.date = "2025-03-04";
    e.startedAtMs = 1'741'100'400'000;
    e.visitType = "office";
    e.status = "closed";
    auto visit = core::EncounterStore(s).recordPast(e);
    core::ClinicalListStore lists(s);
    core::Problem problem;
    problem.patientId = patient->id;
    problem.codeSystem = "snomed";
    problem.code = "38341003";
    problem.display = "Hypertensive disorder";
    core::Allergy allergy;
    allergy.patientId = patient->id;
    allergy.substance = "Sulfonamide";
    allergy.reaction = "rash";
    allergy.severity = "moderate";
    core::Immunization flu;
    flu.patientId = patient->id;
    flu.cvxCode = "140";
    flu.vaccine = "Influenza, seasonal, injectable, preservative free";
    flu.administeredOn = "2025-03-04";
    core::VitalSigns v;
    v.patientId = patient->id;
    v.encounterId = visit ? std::optional(visit->id) : std::nullopt;
    v.takenAtMs = 1'741'100'700'000;
    v.systolic = 142;
    v.diastolic = 91;
    v.weightG = 81'200;
    if (!visit || !lists.saveProblem(problem) || !lists.saveAllergy(allergy) || !lists.saveImmunization(flu) ||
        !lists.saveVitals(v))
        return {};
    return QString::fromStdString(patient->mrn);
}

qint64 tst_CliFhir::patients(const QString& db)
{
    core::SystemClock clock;
    auto session = core::Vault::unlock(db.toStdString(), "doctor", kDoctorPassword, clock);
    if (!session)
        return -1;
    auto n = core::PatientStore(**session).count();
    return n ? *n : -1;
}

void tst_CliFhir::initTestCase()
{
    m_binary = test::binaryPath("practica-cli");
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
    QVERIFY(m_dir.isValid());
    m_from = demo("from.db");
    m_to = demo("to.db");
    m_mrn = chartOnePatient(m_from);
    QVERIFY(!m_mrn.isEmpty());
}

void tst_CliFhir::exportThenImport()
{
    const QString file = m_dir.filePath("record.json");
    Run exported = run({"fhir", "export", "--mrn", m_mrn, "--out", file, "--db", m_from, "--json"});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QCOMPARE(exported.json().object()["mrn"].toString(), m_mrn);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject bundle = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(bundle["resourceType"].toString(), QString("Bundle"));
    QCOMPARE(bundle["type"].toString(), QString("collection"));
    QVERIFY(!QFile::exists(file + ".tmp"));

    const qint64 before = patients(m_to);
    Run imported = run({"fhir", "import", file, "--db", m_to, "--json"});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QJsonObject report = imported.json().object();
    const QJsonObject kept = report["imported"].toObject();
    QCOMPARE(kept["Patient"].toInt(), 1);
    QCOMPARE(kept["Encounter"].toInt(), 1);
    QCOMPARE(kept["Condition"].toInt(), 1);
    QCOMPARE(kept["AllergyIntolerance"].toInt(), 1);
    QCOMPARE(kept["Immunization"].toInt(), 1);
    QCOMPARE(kept["Observation"].toInt(), 2); // the blood-pressure panel and the weight
    QCOMPARE(report["skipped"].toObject()["Practitioner"].toInt(), 1);
    QCOMPARE(report["patients"].toArray()[0].toObject()["how"].toString(), QString("created"));
    QCOMPARE(patients(m_to), before + 1);

    // Importing again finds the same patient by name and date of birth; the words say what happened.
    Run again = run({"fhir", "import", file, "--db", m_to});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY2(again.out.contains("same name and date of birth"), again.out.constData());
    QVERIFY2(again.out.contains("Skipped:  Practitioner 1"), again.out.constData());
    QCOMPARE(patients(m_to), before + 1);
}

void tst_CliFhir::refusedBundleChangesNothing()
{
    const QString file = m_dir.filePath("bad.json");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"resourceType":"Bundle","type":"transaction","entry":[
        {"fullUrl":"urn:uuid:a","resource":{"resourceType":"Patient","name":[{"family":"Ortiz","given":["Luz"]}],
         "birthDate":"1990-01-01"}},
        {"resource":{"resourceType":"Immunization","status":"completed","vaccineCode":{"coding":[
         {"system":"http://hl7.org/fhir/sid/cvx","code":"140"}]},"patient":{"reference":"urn:uuid:a"}}}]})");
    f.close();
    const qint64 before = patients(m_to);
    Run r = run({"fhir", "import", file, "--db", m_to});
    QCOMPARE(r.exitCode, 6);
    QVERIFY2(r.oneErrorLine(), r.err.constData());
    QVERIFY2(r.err.contains("Bundle entry 1 (Immunization)") && r.err.contains("occurrenceDateTime"),
             r.err.constData());
    QCOMPARE(patients(m_to), before);

    Run notJson = run({"fhir", "import", m_binary, "--db", m_to});
    QCOMPARE(notJson.exitCode, 6);
    QVERIFY2(notJson.oneErrorLine(), notJson.err.constData());
}

void tst_CliFhir::usageErrors()
{
    for (const QStringList& args : {QStringList{"fhir", "import"}, QStringList{"fhir", "export", "--mrn", "X"},
                                    QStringList{"fhir", "import", "a.json", "b.json"}, QStringList{"fhir"}}) {
        Run r = run(QStringList(args) << "--db" << m_to);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.oneErrorLine(), r.err.constData());
    }
    Run missing = run({"fhir", "import", m_dir.filePath("absent.json"), "--db", m_to});
    QCOMPARE(missing.exitCode, 5);
    Run help = run({"fhir", "--help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("fhir export --mrn") || help.out.contains("export --mrn MRN --out FILE"));
}

QTEST_GUILESS_MAIN(tst_CliFhir)
#include "tst_cli_fhir.moc"
