// practica-cli's scheduling commands end to end, the real binary on a demo clinic's providers, types and
// hours: booking, conflicts named in one line, warnings, DST times, free slots, waitlist, exports, roles.
// Bookings go to March and November 2031, far from the demo's own appointments.
#include "tests/support/TestSupport.h"

#include <QDir>
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

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    bool oneErrorLine() const { return err.startsWith("practica-cli: ") && err.count('\n') == 1 && err.endsWith('\n'); }
};

} // namespace

class tst_CliSchedule : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bookListMoveCancel();
    void conflictsNameWhatCollides();
    void overbookNeedsFlagAndType();
    void warningsNeedAcceptance();
    void daylightSavingTimes();
    void freeSlots();
    void waitlistAndCancellationMatches();
    void exportsAreWrittenWhole();
    void rolesComeFromCore();
    void usageErrors();

private:
    Run run(const QStringList& args, const QMap<QString, QString>& env = {});
    Run admin(QStringList args) { return run(args << "--db" << m_db); }
    QString addPatient(const QString& family, const QString& given, const QString& dob);
    // Books and returns the appointment's JSON; fails the test on a non-zero exit.
    QJsonObject book(const QString& mrn, const QString& provider, const QString& type, const QString& at,
                     const QStringList& extra = {});

    QString m_binary;
    QTemporaryDir m_dir;
    QString m_db;
    QString m_ana, m_ben, m_cleo; // MRNs
};

Run tst_CliSchedule::run(const QStringList& args, const QMap<QString, QString>& env)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"PRACTICA_DB", "PRACTICA_USER", "PRACTICA_PASSWORD", "PRACTICA_NEW_PASSWORD"})
        environment.remove(name);
    environment.insert("PRACTICA_PASSWORD", kPassword);
    for (auto it = env.begin(); it != env.end(); ++it)
        environment.insert(it.key(), it.value());
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

QString tst_CliSchedule::addPatient(const QString& family, const QString& given, const QString& dob)
{
    Run r = admin({"patients", "add", "--family", family, "--given", given, "--dob", dob, "--sex", "female", "--phone",
                   "6145550123", "--allow-duplicate", "--json"});
    if (r.exitCode != 0)
        qWarning("patients add failed: %s", r.err.constData());
    return r.json().object().value("mrn").toString();
}

QJsonObject tst_CliSchedule::book(const QString& mrn, const QString& provider, const QString& type, const QString& at,
                                  const QStringList& extra)
{
    Run r = admin(QStringList{"appointments", "book", "--patient", mrn, "--provider", provider, "--type", type, "--at",
                              at, "--json"}
                  << extra);
    if (r.exitCode != 0) {
        qWarning("book failed (%d): %s", r.exitCode, r.err.constData());
        return {};
    }
    return r.json().object();
}

void tst_CliSchedule::initTestCase()
{
    m_binary = test::binaryPath("practica-cli");
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath("clinic.db");
    // The demo clinic without appointments: six providers, their hours (8-17, lunch 12-13), the types.
    Run demo = run(
        {"demo", "--db", m_db, "--patients", "20", "--seed", "5", "--kdf", "minimal", "--appointments-per-day", "0"});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    m_ana = addPatient("Núñez", "Ana", "1980-04-02");
    m_ben = addPatient("Baker", "Ben", "1975-09-12");
    m_cleo = addPatient("Cole", "Cleo", "1990-01-30");
    QVERIFY(!m_ana.isEmpty() && !m_ben.isEmpty() && !m_cleo.isEmpty());
}

void tst_CliSchedule::bookListMoveCancel()
{
    // 10 March 2031 is a Monday, the day after New York moves to EDT (UTC-4).
    const QJsonObject booked = book(m_ana, "Okafor", "Follow-up", "2031-03-10 09:00", {"--reason", "Blood pressure"});
    QCOMPARE(booked["start"].toString(), QString("2031-03-10 09:00"));
    QCOMPARE(booked["start_utc"].toString(), QString("2031-03-10T13:00:00Z"));
    QCOMPARE(booked["minutes"].toInt(), 15);
    QCOMPARE(booked["status"].toString(), QString("scheduled"));
    QCOMPARE(booked["provider_name"].toString(), QString("Samuel Okafor"));
    const QString id = booked["id"].toString();
    QVERIFY(!id.isEmpty());

    Run list = admin({"appointments", "list", "--date", "2031-03-10", "--json"});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray day = list.json().array();
    QCOMPARE(day.size(), 1);
    QCOMPARE(day[0]["mrn"].toString(), m_ana);
    QCOMPARE(day[0]["type_name"].toString(), QString("Follow-up"));
    Run text = admin({"appointments", "list", "--date", "2031-03-10"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("2031-03-10 09:00") && text.out.contains(id.toUtf8()));

    Run moved = admin({"appointments", "move", "--id", id, "--at", "2031-03-10 10:30", "--json"});
    QVERIFY2(moved.exitCode == 0, moved.err.constData());
    QCOMPARE(moved.json().object()["start"].toString(), QString("2031-03-10 10:30"));

    Run confirmed = admin({"appointments", "status", "--id", id, "--to", "confirmed", "--json"});
    QVERIFY2(confirmed.exitCode == 0, confirmed.err.constData());
    QCOMPARE(confirmed.json().object()["status"].toString(), QString("confirmed"));
    Run backwards = admin({"appointments", "status", "--id", id, "--to", "checked-out"});
    QCOMPARE(backwards.exitCode, 6); // confirmed -> checked out skips the visit
    QVERIFY2(backwards.oneErrorLine(), backwards.err.constData());

    Run cancelled = admin({"appointments", "cancel", "--id", id, "--reason", "Feeling better", "--json"});
    QVERIFY2(cancelled.exitCode == 0, cancelled.err.constData());
    QCOMPARE(cancelled.json().object()["status"].toString(), QString("cancelled"));
    QCOMPARE(cancelled.json().object()["cancel_reason"].toString(), QString("Feeling better"));
    QCOMPARE(cancelled.json().object()["cancelled_by"].toString(), QString("patient"));
    Run range =
        admin({"appointments", "list", "--from", "2031-03-09", "--to", "2031-03-11", "--patient", m_ana, "--json"});
    QCOMPARE(range.exitCode, 0);
    QCOMPARE(range.json().array().size(), 1);
    QCOMPARE(range.json().array()[0].toObject()["status"].toString(), QString("cancelled"));
}

void tst_CliSchedule::conflictsNameWhatCollides()
{
    const QJsonObject first = book(m_ben, "Okafor", "Follow-up", "2031-03-11 14:00");
    QVERIFY(!first.isEmpty());
    // The provider is busy.
    Run provider = admin({"appointments", "book", "--patient", m_cleo, "--provider", "Okafor", "--type", "Follow-up",
                          "--at", "2031-03-11 14:05"});
    QCOMPARE(provider.exitCode, 6);
    QVERIFY2(provider.oneErrorLine(), provider.err.constData());
    QVERIFY2(provider.err.contains("Samuel Okafor") && provider.err.contains("Baker, Ben") &&
                 provider.err.contains("2031-03-11 14:00"),
             provider.err.constData());
    QVERIFY(provider.out.isEmpty());
    // The patient is busy with someone else.
    Run patient = admin({"appointments", "book", "--patient", m_ben, "--provider", "Vasquez", "--type", "Follow-up",
                         "--at", "2031-03-11 14:10"});
    QCOMPARE(patient.exitCode, 6);
    QVERIFY2(patient.oneErrorLine(), patient.err.constData());
    QVERIFY2(patient.err.contains("Baker, Ben already has an appointment"), patient.err.constData());
    // A move into the busy time names the collision too; the appointment stays where it was.
    const QJsonObject other = book(m_cleo, "Okafor", "Follow-up", "2031-03-11 15:00");
    Run move = admin({"appointments", "move", "--id", other["id"].toString(), "--at", "2031-03-11 14:00"});
    QCOMPARE(move.exitCode, 6);
    QVERIFY2(move.oneErrorLine() && move.err.contains("Baker, Ben"), move.err.constData());
    Run list = admin({"appointments", "list", "--date", "2031-03-11", "--provider", "Okafor", "--json"});
    QCOMPARE(list.json().array().size(), 2);
    QCOMPARE(list.json().array()[1].toObject()["start"].toString(), QString("2031-03-11 15:00"));
}

void tst_CliSchedule::overbookNeedsFlagAndType()
{
    QVERIFY(!book(m_ben, "Vasquez", "Follow-up", "2031-03-12 09:00").isEmpty());
    Run follow = admin({"appointments", "book", "--patient", m_cleo, "--provider", "Vasquez", "--type", "Follow-up",
                        "--at", "2031-03-12 09:00", "--overbook"});
    QCOMPARE(follow.exitCode, 6); // follow-ups cannot be overbooked
    QVERIFY2(follow.oneErrorLine(), follow.err.constData());
    Run sick = admin({"appointments", "book", "--patient", m_cleo, "--provider", "Vasquez", "--type", "Sick visit",
                      "--at", "2031-03-12 09:00"});
    QCOMPARE(sick.exitCode, 6);
    QVERIFY2(sick.oneErrorLine() && sick.err.contains("--overbook"), sick.err.constData());
    const QJsonObject over = book(m_cleo, "Vasquez", "Sick visit", "2031-03-12 09:00", {"--overbook"});
    QVERIFY(!over.isEmpty());
    QCOMPARE(over["overbooked"].toBool(), true);
}

void tst_CliSchedule::warningsNeedAcceptance()
{
    for (const char* at : {"2031-03-13 12:15", "2031-03-13 07:00", "2031-03-15 10:00"}) { // lunch, early, Saturday
        Run r = admin(
            {"appointments", "book", "--patient", m_ana, "--provider", "Chen", "--type", "Follow-up", "--at", at});
        QVERIFY2(r.exitCode == 6, at);
        QVERIFY2(r.oneErrorLine() && r.err.contains("--accept-warnings"), r.err.constData());
    }
    QVERIFY(!book(m_ana, "Chen", "Follow-up", "2031-03-13 12:15", {"--accept-warnings"}).isEmpty());
}

void tst_CliSchedule::daylightSavingTimes()
{
    // 9 March 2031: New York's clocks jump from 02:00 to 03:00.
    Run gap = admin({"appointments", "book", "--patient", m_ana, "--provider", "Chen", "--type", "Follow-up", "--at",
                     "2031-03-09 02:30", "--accept-warnings"});
    QCOMPARE(gap.exitCode, 6);
    QVERIFY2(gap.oneErrorLine() && gap.err.contains("does not exist"), gap.err.constData());
    // 2 November 2031: 01:00-02:00 happens twice; the command line must say which.
    Run twice = admin({"appointments", "book", "--patient", m_ana, "--provider", "Chen", "--type", "Follow-up", "--at",
                       "2031-11-02 01:30", "--accept-warnings"});
    QCOMPARE(twice.exitCode, 2);
    QVERIFY2(twice.oneErrorLine() && twice.err.contains("--repeated"), twice.err.constData());
    const QJsonObject earlier =
        book(m_ana, "Chen", "Follow-up", "2031-11-02 01:30", {"--repeated", "earlier", "--accept-warnings"});
    QCOMPARE(earlier["start_utc"].toString(), QString("2031-11-02T05:30:00Z"));
    const QJsonObject later =
        book(m_ben, "Chen", "Follow-up", "2031-11-02 01:30", {"--repeated", "later", "--accept-warnings"});
    QCOMPARE(later["start_utc"].toString(), QString("2031-11-02T06:30:00Z"));
}

void tst_CliSchedule::freeSlots()
{
    // Okafor's 17 March 2031: nothing booked yet, so the first new-patient slots start at 8:00.
    Run empty = admin({"schedule", "free-slots", "--type", "New patient", "--provider", "Okafor", "--from",
                       "2031-03-17", "--days", "1", "--limit", "3", "--json"});
    QVERIFY2(empty.exitCode == 0, empty.err.constData());
    const QJsonArray openings = empty.json().array();
    QCOMPARE(openings.size(), 3);
    QCOMPARE(openings[0]["start"].toString(), QString("2031-03-17 08:00"));
    QCOMPARE(openings[0]["minutes"].toInt(), 30);
    QVERIFY(!book(m_ana, "Okafor", "New patient", "2031-03-17 08:00").isEmpty());
    Run after = admin({"schedule", "free-slots", "--type", "New patient", "--provider", "Okafor", "--from",
                       "2031-03-17", "--days", "1", "--limit", "1", "--json"});
    QCOMPARE(after.json().array()[0].toObject()["start"].toString(), QString("2031-03-17 08:30"));
    Run afternoon = admin({"schedule", "free-slots", "--type", "New patient", "--provider", "Okafor", "--from",
                           "2031-03-17", "--after", "11:50", "--limit", "1", "--json"});
    QCOMPARE(afternoon.json().array()[0].toObject()["start"].toString(),
             QString("2031-03-17 13:00")); // lunch is not free
    Run text = admin({"schedule", "free-slots", "--type", "Telehealth", "--from", "2031-03-17", "--limit", "2"});
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out.count('\n'), 2);
}

void tst_CliSchedule::waitlistAndCancellationMatches()
{
    Run added =
        admin({"waitlist", "add", "--patient", m_cleo, "--until", "2031-04-30", "--provider", "Rahman", "--weekdays",
               "mon,tue", "--after", "08:00", "--before", "12:00", "--note", "Sooner please", "--json"});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QCOMPARE(added.json().object()["weekdays"].toArray().size(), 2);
    Run list = admin({"waitlist", "list"});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("Cole, Cleo") && list.out.contains("Sooner please"), list.out.constData());
    const QJsonObject a = book(m_ana, "Rahman", "Follow-up", "2031-03-18 09:00"); // a Tuesday morning
    Run cancelled =
        admin({"appointments", "cancel", "--id", a["id"].toString(), "--reason", "Work", "--by", "patient"});
    QVERIFY2(cancelled.exitCode == 0, cancelled.err.constData());
    QVERIFY2(cancelled.out.contains("Cole, Cleo"), cancelled.out.constData());
}

void tst_CliSchedule::exportsAreWrittenWhole()
{
    const QJsonObject a = book(m_cleo, "Lindqvist", "Annual physical", "2031-03-19 10:00", {"--reason", "Knee pain"});
    QVERIFY(!a.isEmpty());
    const QString ics = m_dir.filePath("exports/cleo.ics");
    QVERIFY(QDir().mkpath(m_dir.filePath("exports")));
    Run r = admin({"appointments", "export", "--ical", ics, "--patient", m_cleo, "--from", "2031-03-01", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.json().object()["appointments"].toInt() >= 1);
    QFile icsFile(ics);
    QVERIFY(icsFile.open(QIODevice::ReadOnly));
    const QByteArray calendar = icsFile.readAll();
    QVERIFY(calendar.startsWith("BEGIN:VCALENDAR\r\n"));
    QVERIFY(calendar.endsWith("END:VCALENDAR\r\n"));
    QVERIFY(calendar.contains("UID:" + a["id"].toString().toUtf8() + "@practica\r\n"));
    QVERIFY(calendar.contains("DTSTART:20310319T140000Z\r\n"));
    QVERIFY(!calendar.contains("Knee pain"));

    // A visit cancelled that day gets no reminder call.
    const QJsonObject gone = book(m_ben, "Lindqvist", "Annual physical", "2031-03-19 14:00");
    QVERIFY(!gone.isEmpty());
    Run cancel =
        admin({"appointments", "cancel", "--id", gone["id"].toString(), "--reason", "Travel", "--by", "patient"});
    QVERIFY2(cancel.exitCode == 0, cancel.err.constData());
    const QString csv = m_dir.filePath("exports/reminders.csv");
    Run c = admin({"appointments", "export", "--csv", csv, "--from", "2031-03-19", "--to", "2031-03-19"});
    QVERIFY2(c.exitCode == 0, c.err.constData());
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = csvFile.readAll().split('\n');
    QCOMPARE(rows[0], QByteArray("date,time,patient,mrn,phone,provider,type,status\r"));
    QCOMPARE(rows[1], "2031-03-19,10:00,\"Cole, Cleo\"," + m_cleo.toUtf8() +
                          ",(614) 555-0123,Zoë Lindqvist,Annual physical,scheduled\r");
    QCOMPARE(rows.size(), 3); // header, Cleo's visit, and the empty piece after the last line break
    // Nothing but the two files: the temporary ones were renamed into place.
    QCOMPARE(QDir(m_dir.filePath("exports")).entryList(QDir::Files | QDir::Hidden),
             (QStringList{"cleo.ics", "reminders.csv"}));
    Run both = admin({"appointments", "export", "--csv", csv, "--ical", ics, "--patient", m_cleo});
    QCOMPARE(both.exitCode, 2);
}

void tst_CliSchedule::rolesComeFromCore()
{
    Run doctorBooks = run({"appointments", "book", "--db", m_db, "--user", "doctor", "--patient", m_ana, "--provider",
                           "Okafor", "--type", "Follow-up", "--at", "2031-03-20 09:00"},
                          {{"PRACTICA_PASSWORD", "doctor-demo"}});
    QCOMPARE(doctorBooks.exitCode, 4);
    QVERIFY2(doctorBooks.oneErrorLine(), doctorBooks.err.constData());
    Run doctorLists = run({"appointments", "list", "--db", m_db, "--user", "doctor", "--date", "2031-03-10"},
                          {{"PRACTICA_PASSWORD", "doctor-demo"}});
    QVERIFY2(doctorLists.exitCode == 0, doctorLists.err.constData());
    Run deskBooks = run({"appointments", "book", "--db", m_db, "--user", "frontdesk", "--patient", m_ana, "--provider",
                         "Okafor", "--type", "Follow-up", "--at", "2031-03-20 09:00"},
                        {{"PRACTICA_PASSWORD", "frontdesk-demo"}});
    QVERIFY2(deskBooks.exitCode == 0, deskBooks.err.constData());
}

void tst_CliSchedule::usageErrors()
{
    struct Case
    {
        QStringList args;
        int exitCode;
    };
    const Case cases[] = {
        {{"appointments"}, 2},
        {{"appointments", "reschedule"}, 2},
        {{"appointments", "book", "--patient", m_ana, "--provider", "Okafor", "--type", "Follow-up"}, 2},
        {{"appointments", "book", "--patient", m_ana, "--provider", "Okafor", "--type", "Follow-up", "--at",
          "next tuesday"},
         2},
        {{"appointments", "book", "--patient", m_ana, "--provider", "Nobody", "--type", "Follow-up", "--at",
          "2031-03-21 09:00"},
         5},
        {{"appointments", "book", "--patient", m_ana, "--provider", "a", "--type", "Follow-up", "--at",
          "2031-03-21 09:00"},
         2}, // several providers have an "a" in their name
        {{"appointments", "book", "--patient", "RB999", "--provider", "Okafor", "--type", "Follow-up", "--at",
          "2031-03-21 09:00"},
         5},
        {{"appointments", "status", "--id", "no-such-id", "--to", "arrived"}, 5},
        {{"appointments", "status", "--id", "x", "--to", "sleeping"}, 2},
        {{"schedule", "free-slots"}, 2},
        {{"waitlist", "add", "--patient", m_ana}, 2},
        {{"waitlist", "add", "--patient", m_ana, "--until", "2031-04-01", "--weekdays", "someday"}, 2},
    };
    for (const Case& c : cases) {
        Run r = admin(c.args);
        QVERIFY2(r.exitCode == c.exitCode,
                 qPrintable(c.args.join(' ') + " -> " + QString::number(r.exitCode) + " " + QString::fromUtf8(r.err)));
        QVERIFY2(r.oneErrorLine(), r.err.constData());
    }
}

QTEST_GUILESS_MAIN(tst_CliSchedule)
#include "tst_cli_schedule.moc"
