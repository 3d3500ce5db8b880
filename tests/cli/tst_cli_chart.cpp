// practica-cli's chart commands end to end, the real binary on a small demo clinic as its clinician:
// visits from an arrived appointment and walk-ins, notes from templates signed and verified (exit 7 when the
// text was altered), addenda, vitals with units and flags, problems from the ICD-10-CM set, the allergy
// banner's states, lab import with a held message (exit 6), release and discard, and exit 4 for front desk
// and billing users reading clinical records.
#include "core/auth/Vault.h"
#include "core/db/Statement.h"
#include "tests/support/CliRunner.h"
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

constexpr const char* kPassword = "admin-password-1";

using Run = test::CliRun;

} // namespace

class tst_CliChart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void encountersAndNotes();
    void tamperedNoteFailsVerify();
    void vitalsWithUnits();
    void problemsFromTheCodeSet();
    void allergyBanner();
    void labImportHoldsAndReleases();
    void otherRolesGetExit4_data();
    void otherRolesGetExit4();
    void usageErrors();

private:
    Run run(const QStringList& args, const QString& user = "doctor", const QString& password = "doctor-demo");
    Run doctor(QStringList args) { return run(args << "--json"); }
    QString addPatient(const QString& family, const QString& given, const QString& dob);

    QString m_binary;
    QTemporaryDir m_dir;
    QString m_db;
    QString m_ana, m_ben; // MRNs
};

Run tst_CliChart::run(const QStringList& args, const QString& user, const QString& password)
{
    return test::runCli(m_binary, args, m_db, user, password);
}

QString tst_CliChart::addPatient(const QString& family, const QString& given, const QString& dob)
{
    Run r = run({"patients", "add", "--family", family, "--given", given, "--dob", dob, "--sex", "female",
                 "--allow-duplicate", "--json"},
                "admin", kPassword);
    if (r.exitCode != 0)
        qWarning("patients add failed: %s", r.err.constData());
    return r.json().object().value("mrn").toString();
}

void tst_CliChart::initTestCase()
{
    m_binary = test::binaryPath("practica-cli");
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath("clinic.db");
    Run demo = run(
        {"demo", "--db", m_db, "--patients", "20", "--seed", "3", "--kdf", "minimal", "--appointments-per-day", "0"},
        "admin", kPassword);
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    m_ana = addPatient("Núñez", "Ana", "1980-04-02");
    m_ben = addPatient("Baker", "Ben", "1975-09-12");
    QVERIFY(!m_ana.isEmpty() && !m_ben.isEmpty());
}

void tst_CliChart::encountersAndNotes()
{
    // 10 March 2031 is a Monday; the front desk books and the patient arrives.
    Run booked = run({"appointments", "book", "--patient", m_ana, "--provider", "Okafor", "--type", "Follow-up", "--at",
                      "2031-03-10 09:00", "--reason", "Knee pain", "--json"},
                     "admin", kPassword);
    QVERIFY2(booked.exitCode == 0, booked.err.constData());
    const QString appointment = booked.json().object()["id"].toString();
    QCOMPARE(run({"appointments", "status", "--id", appointment, "--to", "arrived"}, "admin", kPassword).exitCode, 0);

    Run started = doctor({"encounters", "start", "--appointment", appointment, "--visit-type", "follow_up"});
    QVERIFY2(started.exitCode == 0, started.err.constData());
    const QJsonObject visit = started.json().object();
    QCOMPARE(visit["chief_complaint"].toString(), QString("Knee pain"));
    QCOMPARE(visit["status"].toString(), QString("open"));
    const QString encounter = visit["id"].toString();

    Run walkIn = doctor({"encounters", "walk-in", "--mrn", m_ana, "--provider", "Okafor", "--reason", "Cough"});
    QVERIFY2(walkIn.exitCode == 0, walkIn.err.constData());
    Run list = doctor({"encounters", "list", "--mrn", m_ana});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.json().array().size(), 2);

    Run drafted = doctor({"notes", "new", "--encounter", encounter});
    QVERIFY2(drafted.exitCode == 0, drafted.err.constData());
    const QJsonObject draft = drafted.json().object();
    const QString note = draft["id"].toString();
    QCOMPARE(draft["template_key"].toString(), QString("follow_up"));
    QVERIFY(!draft["subjective"].toString().isEmpty());
    QCOMPARE(draft["signed"].toBool(), false);

    Run queue = doctor({"notes", "list", "--unsigned"});
    QCOMPARE(queue.exitCode, 0);
    bool inQueue = false;
    for (const auto& n : queue.json().array())
        inQueue = inQueue || n.toObject()["id"].toString() == note;
    QVERIFY(inQueue);

    Run edited =
        doctor({"notes", "edit", "--id", note, "--assessment", "Patellofemoral pain", "--plan", "PT referral"});
    QVERIFY2(edited.exitCode == 0, edited.err.constData());
    QCOMPARE(edited.json().object()["assessment"].toString(), QString("Patellofemoral pain"));

    Run signedNote = doctor({"notes", "sign", "--id", note});
    QVERIFY2(signedNote.exitCode == 0, signedNote.err.constData());
    QCOMPARE(signedNote.json().object()["signed"].toBool(), true);
    QCOMPARE(signedNote.json().object()["content_sha256"].toString().size(), 64);

    Run locked = run({"notes", "edit", "--id", note, "--plan", "changed"});
    QCOMPARE(locked.exitCode, 6);
    QVERIFY(locked.oneErrorLine());

    Run add = run({"notes", "addendum", "--id", note, "--text", "X-ray normal."});
    QVERIFY2(add.exitCode == 0, add.err.constData());
    const QString addendum = QString::fromUtf8(add.out).trimmed();
    QVERIFY(!addendum.isEmpty());
    QCOMPARE(doctor({"notes", "sign", "--id", addendum}).exitCode, 0);

    Run verified = doctor({"notes", "verify", "--id", note});
    QCOMPARE(verified.exitCode, 0);
    QCOMPARE(verified.json().object()["content_intact"].toBool(), true);

    Run shown = run({"notes", "show", "--id", note});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY(shown.out.contains("Patellofemoral pain"));
    QVERIFY(shown.out.contains("matches its signature"));

    Run notes = doctor({"notes", "list", "--mrn", m_ana});
    QCOMPARE(notes.exitCode, 0);
    QCOMPARE(notes.json().array().size(), 2);

    Run closed = doctor({"encounters", "close", "--id", encounter});
    QVERIFY2(closed.exitCode == 0, closed.err.constData());
    QCOMPARE(closed.json().object()["status"].toString(), QString("closed"));
}

void tst_CliChart::tamperedNoteFailsVerify()
{
    Run visit = doctor({"encounters", "walk-in", "--mrn", m_ben, "--provider", "Okafor"});
    QVERIFY2(visit.exitCode == 0, visit.err.constData());
    Run drafted = doctor({"notes", "new", "--encounter", visit.json().object()["id"].toString()});
    const QString note = drafted.json().object()["id"].toString();
    QCOMPARE(doctor({"notes", "sign", "--id", note}).exitCode, 0);
    {
        // Someone with the key edits the row behind Practica's back.
        core::ManualClock clock;
        auto session = core::Vault::unlock(m_db.toStdString(), "doctor", "doctor-demo", clock);
        QVERIFY(session);
        auto stmt = (*session)->db().prepare("UPDATE clinical_note SET plan = 'Altered' WHERE id = ?;");
        QVERIFY(stmt);
        QVERIFY(stmt->bind(1, note.toStdString()).run());
    }
    Run verified = run({"notes", "verify", "--id", note});
    QCOMPARE(verified.exitCode, 7);
    QVERIFY(verified.oneErrorLine());
    QVERIFY(verified.err.contains("no longer matches"));
}

void tst_CliChart::vitalsWithUnits()
{
    Run added = doctor({"vitals", "add", "--mrn", m_ana, "--height", "69in", "--weight", "180lb", "--bp", "150/95",
                        "--pulse", "72", "--temp", "37C", "--spo2", "98"});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const QJsonObject v = added.json().object();
    QCOMPARE(v["height_mm"].toInt(), 1753);
    QCOMPARE(v["weight_g"].toInt(), 81647);
    QCOMPARE(v["temperature_dc"].toInt(), 370);
    QCOMPARE(v["bmi"].toDouble(), 26.6);
    QCOMPARE(v["flagged"].toBool(), true);

    Run listed = doctor({"vitals", "list", "--mrn", m_ana, "--units", "metric"});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray sets = listed.json().array();
    QCOMPARE(sets.size(), 1);
    bool highBp = false;
    for (const auto& r : sets[0].toObject()["readings"].toArray()) {
        const QJsonObject reading = r.toObject();
        if (reading["field"].toString() == "blood_pressure")
            highBp = reading["flag"].toString() == "high" && reading["unit"].toString() == "mmHg";
        if (reading["field"].toString() == "height_mm")
            QCOMPARE(reading["unit"].toString(), QString("cm"));
    }
    QVERIFY(highBp);
    Run text = run({"vitals", "list", "--mrn", m_ana});
    QVERIFY(text.out.contains("BP 150/95 mmHg !high"));
    QVERIFY(text.out.contains("69.0 in"));

    QCOMPARE(run({"vitals", "add", "--mrn", m_ana, "--weight", "180"}).exitCode, 2); // no unit
    QCOMPARE(run({"vitals", "add", "--mrn", m_ana}).exitCode, 6);                    // nothing measured
    QCOMPARE(run({"vitals", "add", "--mrn", m_ana, "--bp", "120/x"}).exitCode, 2);
}

void tst_CliChart::problemsFromTheCodeSet()
{
    Run found = run({"problems", "search", "diab typ 2", "--limit", "5", "--json"});
    QCOMPARE(found.exitCode, 0);
    QVERIFY(found.json().array().size() > 0);
    QVERIFY(found.json().array()[0].toObject()["code"].toString().startsWith("E11"));

    Run added = doctor({"problems", "add", "--mrn", m_ana, "--code", "e119", "--onset", "2020-05-01"});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const QJsonObject p = added.json().object();
    QCOMPARE(p["code"].toString(), QString("E11.9"));
    QVERIFY(p["display"].toString().contains("Type 2 diabetes"));
    Run own = doctor({"problems", "add", "--mrn", m_ana, "--code", "I10", "--display", "High blood pressure"});
    QCOMPARE(own.json().object()["display"].toString(), QString("High blood pressure"));
    QCOMPARE(run({"problems", "add", "--mrn", m_ana, "--code", "Q99.99"}).exitCode, 5); // not in the set

    Run resolved = doctor({"problems", "resolve", "--mrn", m_ana, "--id", p["id"].toString(), "--date", "2024-01-02"});
    QVERIFY2(resolved.exitCode == 0, resolved.err.constData());
    QCOMPARE(resolved.json().object()["status"].toString(), QString("resolved"));
    Run list = doctor({"problems", "list", "--mrn", m_ana});
    QCOMPARE(list.json().array().size(), 2);
    QCOMPARE(list.json().array()[0].toObject()["status"].toString(), QString("active")); // active first
}

void tst_CliChart::allergyBanner()
{
    const QString cleo = addPatient("Cole", "Cleo", "1990-01-30");
    QCOMPARE(doctor({"allergies", "list", "--mrn", cleo}).json().object()["state"].toString(), QString("not_recorded"));
    QCOMPARE(doctor({"allergies", "none", "--mrn", cleo}).exitCode, 0);
    QCOMPARE(doctor({"allergies", "list", "--mrn", cleo}).json().object()["state"].toString(),
             QString("no_known_allergies"));
    Run added = doctor({"allergies", "add", "--mrn", cleo, "--substance", "Penicillin", "--reaction", "Hives",
                        "--severity", "moderate"});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const QJsonObject banner = doctor({"allergies", "list", "--mrn", cleo}).json().object();
    QCOMPARE(banner["state"].toString(), QString("allergies"));
    QCOMPARE(banner["active"].toArray()[0].toObject()["substance"].toString(), QString("Penicillin"));
    Run text = run({"allergies", "list", "--mrn", cleo});
    QVERIFY(text.out.startsWith("Allergies: Penicillin"));
    Run refused = run({"allergies", "none", "--mrn", cleo}); // an active allergy is listed
    QCOMPARE(refused.exitCode, 6);
    QVERIFY(refused.oneErrorLine());
}

void tst_CliChart::labImportHoldsAndReleases()
{
    auto message = [](const QString& id, const QString& pid) {
        return "MSH|^~\\&|LABSYS|ACMELAB|PRACTICA||20251121083015-0500||ORU^R01^ORU_R01|" + id + "|P|2.5.1\r" + pid +
               "\rOBR|1|ORD1|LAB" + id +
               "|24323-8^CMP^LN|||202511210745\r"
               "OBX|1|NM|2345-7^Glucose^LN||182|mg/dL|70-99|H|||F\r"
               "OBX|2|NM|2951-2^Sodium^LN||139|mmol/L|135-145|N|||F\r";
    };
    const QString text = message("L1", "PID|1||" + m_ben + "^^^CLINIC^MR||Baker^Ben||19750912|F") +
                         message("L2", "PID|1||A77^^^ACMELAB^PI||Nobody^Known||19600101|F") +
                         "MSH|^~\\&|LABSYS|ACMELAB|PRACTICA||20251121|||L3|P|2.5.1\r";
    const QString path = m_dir.filePath("results.hl7");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
    file.close();

    Run imported = run({"labs", "import", path, "--json"});
    QCOMPARE(imported.exitCode, 6); // something was held
    QVERIFY(imported.oneErrorLine());
    const QJsonObject report = imported.json().object();
    QCOMPARE(report["imported"].toInt(), 1);
    QCOMPARE(report["held"].toInt(), 2);
    const QJsonArray messages = report["messages"].toArray();
    QCOMPARE(messages[0].toObject()["outcome"].toString(), QString("imported"));
    QCOMPARE(messages[0].toObject()["results"].toInt(), 2);
    QCOMPARE(messages[1].toObject()["reason"].toString(), QString("unmatched_patient"));
    QCOMPARE(messages[2].toObject()["reason"].toString(), QString("truncated")); // a header and nothing after it

    Run again = run({"labs", "import", path});
    QCOMPARE(again.exitCode, 0); // all three seen before
    QVERIFY(again.out.contains("0 imported, 3 duplicate, 0 held."));

    Run labs = doctor({"labs", "list", "--mrn", m_ben});
    QCOMPARE(labs.json().array().size(), 2);
    QVERIFY(run({"labs", "list", "--mrn", m_ben}).out.contains("Glucose  182 mg/dL  (70-99)  !H"));

    Run held = doctor({"labs", "held"});
    QCOMPARE(held.json().array().size(), 2);
    const QJsonObject unmatched = held.json().array()[0].toObject();
    QCOMPARE(unmatched["reason"].toString(), QString("unmatched_patient"));
    QVERIFY(unmatched["explanation"].toString().contains("Nobody"));
    Run released = doctor({"labs", "release", "--id", unmatched["id"].toString(), "--mrn", m_ana});
    QVERIFY2(released.exitCode == 0, released.err.constData());
    QCOMPARE(released.json().object()["results"].toInt(), 2);
    QCOMPARE(doctor({"labs", "list", "--mrn", m_ana}).json().array().size(), 2);

    const QString bad = doctor({"labs", "held"}).json().array()[0].toObject()["id"].toString();
    QCOMPARE(run({"labs", "release", "--id", bad, "--mrn", m_ana}).exitCode, 6); // does not read as ORU
    QCOMPARE(run({"labs", "discard", "--id", bad}).exitCode, 0);
    QVERIFY(run({"labs", "held"}).out.contains("No held lab messages."));
}

void tst_CliChart::otherRolesGetExit4_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QStringList>("args");
    for (const auto& [user, password] :
         {std::pair{"frontdesk", "frontdesk-demo"}, std::pair{"biller", "biller-demo"}}) {
        for (const QStringList& args :
             {QStringList{"notes", "list", "--mrn", "MRN"}, QStringList{"vitals", "list", "--mrn", "MRN"},
              QStringList{"problems", "list", "--mrn", "MRN"}, QStringList{"allergies", "list", "--mrn", "MRN"},
              QStringList{"labs", "list", "--mrn", "MRN"}, QStringList{"labs", "held"},
              QStringList{"vitals", "add", "--mrn", "MRN", "--pulse", "70"},
              QStringList{"encounters", "walk-in", "--mrn", "MRN", "--provider", "Okafor"}})
            QTest::newRow(qPrintable(QString(user) + " " + args.join(' ')))
                << QString(user) << QString(password) << args;
    }
}

void tst_CliChart::otherRolesGetExit4()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QStringList, args);
    args.replaceInStrings("MRN", m_ana);
    Run r = run(args, user, password);
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.oneErrorLine());
    QVERIFY(r.out.isEmpty());
}

void tst_CliChart::usageErrors()
{
    QCOMPARE(run({"notes", "list"}).exitCode, 2);         // --mrn or --unsigned
    QCOMPARE(run({"problems", "search"}).exitCode, 2);    // TEXT
    QCOMPARE(run({"labs", "import"}).exitCode, 2);        // FILE
    QCOMPARE(run({"labs", "held", "extra"}).exitCode, 2); // no operand
    QCOMPARE(run({"labs", "import", m_dir.filePath("missing.hl7")}).exitCode, 5);
    QCOMPARE(run({"vitals", "list", "--mrn", m_ana, "--units", "imperial"}).exitCode, 2);
    QCOMPARE(run({"notes", "show", "--id", "no-such-note"}).exitCode, 5);
    for (const char* noun : {"encounters", "notes", "vitals", "problems", "allergies", "labs"}) {
        Run help = run({noun, "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith("Usage: practica-cli"));
    }
}

QTEST_GUILESS_MAIN(tst_CliChart)
#include "tst_cli_chart.moc"
