// Reminder exports: the iCalendar feed is valid RFC 5545 (escaping, folding, CRLF, UTC times across DST,
// the properties calendars need) and carries no clinical text; the CSV quotes per RFC 4180.
#include "core/patients/PatientStore.h"
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ReminderExport.h"
#include "core/schedule/ReminderList.h"
#include "core/util/Text.h"
#include "tests/support/ScheduleFixture.h"
#include "words/ErrorWords.h"

#include <QStringList>
#include <QTest>

using namespace practica;

namespace {

core::Clinic clinic()
{
    core::Clinic c;
    c.id = "clinic-1";
    c.name = "Riverbend Family Health";
    c.addressLine1 = "2150 Riverside Drive";
    c.addressLine2 = "Suite 200";
    c.city = "Columbus";
    c.state = "OH";
    c.zip = "43221";
    c.phone = "6145550100";
    c.timeZone = "America/New_York";
    return c;
}

core::AppointmentView view(const std::string& id, std::int64_t startUtcMs, int minutes,
                           core::AppointmentStatus status = core::AppointmentStatus::Scheduled)
{
    core::AppointmentView v;
    v.appointment.id = id;
    v.appointment.patientId = "patient-" + id;
    v.appointment.providerId = "provider-1";
    v.appointment.typeId = "type-1";
    v.appointment.startUtcMs = startUtcMs;
    v.appointment.minutes = minutes;
    v.appointment.status = status;
    v.appointment.reason = "Chest pain, rule out angina";
    v.appointment.note = "History of depression; discuss sertraline dose";
    v.patientName = "Núñez, María";
    v.patientMrn = "RB010000017";
    v.patientBirthDate = "1980-04-02";
    v.typeName = "Follow-up";
    v.typeColor = "#457b9d";
    v.providerName = "Samuel Okafor, MD";
    return v;
}

// The physical lines without their CRLF.
QList<QByteArray> physicalLines(const std::string& ics)
{
    QList<QByteArray> lines = QByteArray::fromStdString(ics).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray& l : lines)
        if (l.endsWith('\r'))
            l.chop(1);
    return lines;
}

// The content lines, unfolded (RFC 5545 3.1).
QStringList contentLines(const std::string& ics)
{
    std::string unfolded;
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        unfolded += ics[i];
    }
    QStringList out = QString::fromStdString(unfolded).split("\r\n");
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

QStringList valuesOf(const QStringList& lines, const QString& name)
{
    QStringList out;
    for (const QString& l : lines)
        if (l.startsWith(name + ":"))
            out << l.mid(name.size() + 1);
    return out;
}

std::int64_t utcMs(int y, unsigned m, unsigned d, int hour, int minute)
{
    using namespace std::chrono;
    const auto day = sys_days{year{y} / month{m} / std::chrono::day{d}};
    return duration_cast<milliseconds>((day + hours{hour} + minutes{minute}).time_since_epoch()).count();
}

} // namespace

class tst_ReminderExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void remindersGoOnlyToVisitsStillBooked();
    void escapesText_data();
    void escapesText();
    void foldsAt75Octets_data();
    void foldsAt75Octets();
    void calendarHasRequiredProperties();
    void linesEndWithCrlf();
    void longUtf8LinesFoldIntact();
    void utcTimesAcrossDst();
    void noClinicalText();
    void cancelledEventsHaveNoAlarm();
    void csvQuotesPerRfc4180();
    void csvLocalTimesAcrossDst();

private:
    std::optional<core::ClinicTime> m_time;
};

void tst_ReminderExport::initTestCase()
{
    auto time = core::ClinicTime::forZone("America/New_York");
    QVERIFY2(time, time ? "" : words::errorSentence(time.error()).c_str());
    m_time = *time;
}

void tst_ReminderExport::escapesText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "Follow-up"
                           << "Follow-up";
    QTest::newRow("comma") << "Smith, Jones"
                           << "Smith\\, Jones";
    QTest::newRow("semicolon") << "a;b"
                               << "a\\;b";
    QTest::newRow("backslash") << "C:\\temp"
                               << "C:\\\\temp";
    QTest::newRow("backslash before n") << "\\n"
                                        << "\\\\n";
    QTest::newRow("newline") << "line1\nline2"
                             << "line1\\nline2";
    QTest::newRow("crlf") << "line1\r\nline2"
                          << "line1\\nline2";
    QTest::newRow("lone cr") << "a\rb"
                             << "a\\nb";
    QTest::newRow("control dropped") << QString("a") + QChar(0x07) + "b\tc"
                                     << "ab\tc";
    QTest::newRow("colon and quote stay") << "Dr. \"Sam\": MD"
                                          << "Dr. \"Sam\": MD";
    QTest::newRow("accents stay") << "Clínica Núñez"
                                  << "Clínica Núñez";
}

void tst_ReminderExport::escapesText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(core::icalendarText(input.toStdString())), expected);
}

void tst_ReminderExport::foldsAt75Octets_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("physicalLines");
    QTest::newRow("short") << QByteArray("SUMMARY:x") << 1;
    QTest::newRow("exactly 75") << QByteArray(75, 'a') << 1;
    QTest::newRow("76") << QByteArray(76, 'a') << 2;
    QTest::newRow("75 + 74") << QByteArray(75 + 74, 'a') << 2;
    QTest::newRow("75 + 75") << QByteArray(75 + 75, 'a') << 3;
    // A two-octet "é" that would straddle octet 75 moves whole to the next line.
    QTest::newRow("2-octet at the edge") << QByteArray(74, 'a') + QString("é").toUtf8() + QByteArray(10, 'b') << 2;
    // Four-octet emoji everywhere: every cut lands on a sequence boundary.
    QTest::newRow("emoji") << QString("DESCRIPTION:").toUtf8() + QString("😀").repeated(60).toUtf8() << 4;
    QTest::newRow("cjk") << QString("X:").toUtf8() + QString("診療所").repeated(30).toUtf8() << 4;
}

void tst_ReminderExport::foldsAt75Octets()
{
    QFETCH(QByteArray, line);
    QFETCH(int, physicalLines);
    const std::string folded = core::icalendarFold(line.toStdString());
    const auto lines = ::physicalLines(folded);
    QCOMPARE(lines.size(), physicalLines);
    QByteArray unfolded;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QVERIFY2(lines[i].size() <= 75, lines[i].constData());
        QVERIFY2(core::isValidUtf8(lines[i].toStdString()), "a fold split a UTF-8 sequence");
        if (i > 0) {
            QVERIFY(lines[i].startsWith(' '));
            unfolded += lines[i].mid(1);
        } else {
            unfolded += lines[i];
        }
    }
    QCOMPARE(unfolded, line);
    QVERIFY(QByteArray::fromStdString(folded).endsWith("\r\n"));
}

void tst_ReminderExport::calendarHasRequiredProperties()
{
    const std::int64_t now = utcMs(2025, 11, 21, 15, 4);
    const std::vector<core::AppointmentView> views = {view("a1", utcMs(2025, 12, 1, 14, 30), 30),
                                                      view("a2", utcMs(2025, 12, 2, 15, 0), 15)};
    const QStringList lines = contentLines(core::icalendarFor(views, clinic(), *m_time, now));
    QCOMPARE(lines.first(), QString("BEGIN:VCALENDAR"));
    QCOMPARE(lines.last(), QString("END:VCALENDAR"));
    QCOMPARE(valuesOf(lines, "VERSION"), QStringList{"2.0"});
    QCOMPARE(valuesOf(lines, "PRODID").size(), 1);
    QVERIFY(!valuesOf(lines, "PRODID").first().isEmpty());
    QCOMPARE(valuesOf(lines, "CALSCALE"), QStringList{"GREGORIAN"});
    QCOMPARE(valuesOf(lines, "METHOD"), QStringList{"PUBLISH"});
    QCOMPARE(lines.count("BEGIN:VEVENT"), 2);
    QCOMPARE(lines.count("END:VEVENT"), 2);
    QCOMPARE(valuesOf(lines, "UID"), (QStringList{"a1@practica", "a2@practica"}));
    QCOMPARE(valuesOf(lines, "DTSTAMP"), (QStringList{"20251121T150400Z", "20251121T150400Z"}));
    QCOMPARE(valuesOf(lines, "DTSTART"), (QStringList{"20251201T143000Z", "20251202T150000Z"}));
    QCOMPARE(valuesOf(lines, "DTEND"), (QStringList{"20251201T150000Z", "20251202T151500Z"}));
    QCOMPARE(valuesOf(lines, "SUMMARY").first(), QString("Appointment at Riverbend Family Health"));
    QCOMPARE(valuesOf(lines, "LOCATION").first(), QString("2150 Riverside Drive\\, Suite 200\\, Columbus\\, OH 43221"));
    QCOMPARE(valuesOf(lines, "STATUS"), (QStringList{"CONFIRMED", "CONFIRMED"}));
    const QString description = valuesOf(lines, "DESCRIPTION").first();
    QVERIFY2(description.contains("Samuel Okafor\\, MD") && description.contains("Follow-up"), qPrintable(description));
    QCOMPARE(lines.count("BEGIN:VALARM"), 2);
    QCOMPARE(valuesOf(lines, "TRIGGER"), (QStringList{"-P1D", "-P1D"}));
    QCOMPARE(valuesOf(lines, "ACTION"), (QStringList{"DISPLAY", "DISPLAY"}));
    // The alarm's text gives the clinic's wall-clock time: 14:30Z on 1 December is 09:30 in New York.
    QVERIFY(lines.contains("DESCRIPTION:Reminder: appointment at Riverbend Family Health on 2025-12-01 09:30"));
    // Every VALARM sits inside a VEVENT, and every VEVENT inside the VCALENDAR.
    int depth = 0;
    for (const QString& l : lines) {
        if (l.startsWith("BEGIN:"))
            ++depth;
        if (l.startsWith("END:"))
            --depth;
        QVERIFY(depth >= 0 && depth <= 3);
    }
    QCOMPARE(depth, 0);
}

void tst_ReminderExport::linesEndWithCrlf()
{
    core::Clinic c = clinic();
    c.name = "Clinic with a very long name that certainly needs folding: Núñez, Smith; Partners in Health";
    const std::string ics = core::icalendarFor({view("a1", utcMs(2025, 12, 1, 14, 30), 30)}, c, *m_time, 0);
    QVERIFY(ics.ends_with("\r\n"));
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics[i] == '\n')
            QVERIFY2(i > 0 && ics[i - 1] == '\r', "a bare LF");
        if (ics[i] == '\r')
            QVERIFY2(i + 1 < ics.size() && ics[i + 1] == '\n', "a bare CR");
    }
}

void tst_ReminderExport::longUtf8LinesFoldIntact()
{
    core::Clinic c = clinic();
    c.name = "Clínica de Medicina Familiar Peña-Núñez — 診療所 😀 " + std::string(40, 'x') + " Ærøskøbing";
    c.addressLine1 = "Calle de la Señora María Ángeles Fernández-González, número 1234, piso 5º, puerta 7ª";
    auto v = view("a1", utcMs(2025, 12, 1, 14, 30), 30);
    v.providerName = "Dr. Zoë Ølstad-Björnsdóttir, DNP; Family Nurse Practitioner, Pediatrics \\ Adolescents";
    const std::string ics = core::icalendarFor({v}, c, *m_time, 0);
    QVERIFY(core::isValidUtf8(ics));
    int folded = 0;
    for (const QByteArray& line : physicalLines(ics)) {
        QVERIFY2(line.size() <= 75, line.constData());
        QVERIFY2(core::isValidUtf8(line.toStdString()), line.constData());
        folded += line.startsWith(' ') ? 1 : 0;
    }
    QVERIFY(folded >= 3);
    const QStringList lines = contentLines(ics);
    QCOMPARE(valuesOf(lines, "SUMMARY").first(), QString::fromStdString("Appointment at " + c.name));
    QCOMPARE(valuesOf(lines, "LOCATION").first(),
             QString::fromStdString(core::icalendarText(c.addressLine1 + ", Suite 200, Columbus, OH 43221")));
    QVERIFY(valuesOf(lines, "DESCRIPTION")
                .first()
                .contains(
                    "Dr. Zoë Ølstad-Björnsdóttir\\, DNP\\; Family Nurse Practitioner\\, Pediatrics \\\\ Adolescents"));
}

void tst_ReminderExport::utcTimesAcrossDst()
{
    // New York: EST (-5) before 9 March 2025 02:00, EDT (-4) after; back to EST on 2 November 01:00-02:00 twice.
    auto before = m_time->parseLocal("2025-03-08 09:00");
    auto after = m_time->parseLocal("2025-03-10 09:00");
    auto firstOneThirty = m_time->parseLocal("2025-11-02 01:30", core::RepeatedTime::Earlier);
    auto secondOneThirty = m_time->parseLocal("2025-11-02 01:30", core::RepeatedTime::Later);
    QVERIFY(before && after && firstOneThirty && secondOneThirty);
    const std::vector<core::AppointmentView> views = {view("a1", *before, 30), view("a2", *after, 30),
                                                      view("a3", *firstOneThirty, 45),
                                                      view("a4", *secondOneThirty, 45)};
    const QStringList lines = contentLines(core::icalendarFor(views, clinic(), *m_time, 0));
    QCOMPARE(valuesOf(lines, "DTSTART"),
             (QStringList{"20250308T140000Z", "20250310T130000Z", "20251102T053000Z", "20251102T063000Z"}));
    QCOMPARE(valuesOf(lines, "DTEND"),
             (QStringList{"20250308T143000Z", "20250310T133000Z", "20251102T061500Z", "20251102T071500Z"}));
    for (const QString& l : lines)
        QVERIFY2(!l.contains("TZID"), "times go out in UTC, no floating or zoned times");
}

void tst_ReminderExport::noClinicalText()
{
    const std::string ics = core::icalendarFor({view("a1", utcMs(2025, 12, 1, 14, 30), 30)}, clinic(), *m_time, 0);
    for (const char* word : {"Chest", "angina", "depression", "sertraline", "1980-04-02", "Núñez, María"})
        QVERIFY2(ics.find(word) == std::string::npos, word);
    const std::string csv = core::reminderCsv({view("a1", utcMs(2025, 12, 1, 14, 30), 30)}, *m_time);
    for (const char* word : {"Chest", "angina", "depression", "sertraline"})
        QVERIFY2(csv.find(word) == std::string::npos, word);
}

void tst_ReminderExport::cancelledEventsHaveNoAlarm()
{
    const std::vector<core::AppointmentView> views = {
        view("a1", utcMs(2025, 12, 1, 14, 30), 30, core::AppointmentStatus::Cancelled),
        view("a2", utcMs(2025, 12, 2, 14, 30), 30, core::AppointmentStatus::Confirmed)};
    const QStringList lines = contentLines(core::icalendarFor(views, clinic(), *m_time, 0));
    QCOMPARE(valuesOf(lines, "STATUS"), (QStringList{"CANCELLED", "CONFIRMED"}));
    QCOMPARE(lines.count("BEGIN:VALARM"), 1);
    QVERIFY(lines.indexOf("BEGIN:VALARM") > lines.indexOf("UID:a2@practica"));
}

void tst_ReminderExport::csvQuotesPerRfc4180()
{
    auto plain = view("a1", utcMs(2025, 12, 1, 14, 30), 30, core::AppointmentStatus::Confirmed);
    auto awkward = view("a2", utcMs(2025, 12, 1, 15, 0), 15, core::AppointmentStatus::NoShow);
    awkward.appointment.patientId = "p2";
    awkward.patientName = "O\"Brien, Pat \"PJ\"";
    awkward.providerName = "Line\nBreak";
    awkward.typeName = "=HYPERLINK(\"http://evil\")";
    const std::string csv =
        core::reminderCsv({plain, awkward}, *m_time, {{"patient-a1", "(614) 555-0101"}, {"p2", "+1 614"}});
    const std::string expected = "date,time,patient,mrn,phone,provider,type,status\r\n"
                                 "2025-12-01,09:30,\"Núñez, María\",RB010000017,(614) 555-0101,\"Samuel Okafor, "
                                 "MD\",Follow-up,confirmed\r\n"
                                 "2025-12-01,10:00,\"O\"\"Brien, Pat \"\"PJ\"\"\",RB010000017,'+1 614,\"Line\nBreak\","
                                 "\"'=HYPERLINK(\"\"http://evil\"\")\",no_show\r\n";
    QCOMPARE(QString::fromStdString(csv), QString::fromStdString(expected));
}

void tst_ReminderExport::csvLocalTimesAcrossDst()
{
    const std::vector<core::AppointmentView> views = {
        view("a1", utcMs(2025, 3, 8, 14, 0), 30), view("a2", utcMs(2025, 3, 10, 13, 0), 30),
        view("a3", utcMs(2025, 11, 2, 5, 30), 30), view("a4", utcMs(2025, 11, 2, 6, 30), 30)};
    const QStringList rows = QString::fromStdString(core::reminderCsv(views, *m_time)).split("\r\n");
    QCOMPARE(rows.size(), 6); // header, four rows, the empty string after the last CRLF
    QVERIFY(rows[1].startsWith("2025-03-08,09:00,"));
    QVERIFY(rows[2].startsWith("2025-03-10,09:00,"));
    QVERIFY(rows[3].startsWith("2025-11-02,01:30,"));
    QVERIFY(rows[4].startsWith("2025-11-02,01:30,"));
    QVERIFY(rows[1].endsWith(",\"Samuel Okafor, MD\",Follow-up,scheduled"));
}

// The list the GUI and the CLI both export: a cancelled or missed visit gets no reminder, and the
// phone is the mobile, else the home, else the work number.
void tst_ReminderExport::remindersGoOnlyToVisitsStillBooked()
{
    test::ScheduleFixture f;
    core::Session& s = f.admin();
    core::AppointmentStore store(s);
    auto kept = store.book(f.appointment(0, f.providerA, "2025-12-01 09:00", f.followUp));
    auto cancelled = store.book(f.appointment(1, f.providerA, "2025-12-01 10:00", f.followUp));
    auto missed = store.book(f.appointment(2, f.providerB, "2025-12-01 11:00", f.followUp));
    auto later = store.book(f.appointment(3, f.providerB, "2025-12-02 09:00", f.followUp));
    QVERIFY(kept && cancelled && missed && later);
    QVERIFY(store.cancel(cancelled->id, "Feeling better", "patient"));
    QVERIFY(store.setStatus(missed->id, core::AppointmentStatus::NoShow));
    core::PatientStore patients(s);
    auto p = patients.get(f.patients.at(0));
    QVERIFY(p);
    p->phoneMobile.reset();
    p->phoneHome.reset();
    p->phoneWork = "6145550199";
    QVERIFY(patients.update(*p));

    auto due = core::remindersDue(s, "2025-12-01", "2025-12-01");
    QVERIFY(due);
    QCOMPARE(due->appointments.size(), std::size_t(1));
    QCOMPARE(due->appointments[0].appointment.id, kept->id);
    QCOMPARE(due->phoneByPatientId.at(f.patients.at(0)), std::string("(614) 555-0199"));
    auto both = core::remindersDue(s, "2025-12-01", "2025-12-02", f.providerB.id);
    QVERIFY(both);
    QCOMPARE(both->appointments.size(), std::size_t(1));
    QCOMPARE(both->appointments[0].appointment.id, later->id);
}

QTEST_GUILESS_MAIN(tst_ReminderExport)
#include "tst_reminderexport.moc"
