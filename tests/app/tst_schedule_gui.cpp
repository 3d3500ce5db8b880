// The front desk's schedule driven offscreen: booking by double-click, moving by drag (and undoing it), the
// conflict dialog naming the collision, checking a patient in from Arrivals, the spring-forward gap, and a
// busy day of twenty providers.
#include "GuiDriver.h"
#include "app/gui/schedule/ArrivalsPage.h"
#include "app/gui/schedule/BookingDialog.h"
#include "app/gui/schedule/DayView.h"
#include "app/gui/schedule/ScheduleDay.h"
#include "app/gui/schedule/ScheduleExports.h"
#include "app/gui/schedule/SchedulePage.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/Theme.h"
#include "app/gui/shell/Workspace.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "tests/support/TestSupport.h"
#include "words/ErrorWords.h"

#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>
#include <memory>

using namespace practica;
using namespace practica::test;

namespace {

constexpr const char* kDay = "2025-11-24"; // a Monday; the clinic is in America/Chicago (UTC-6 in November)
constexpr std::int64_t kDayNineAmMs = 1'763'996'400'000; // 2025-11-24 09:00 CST = 15:00 UTC

QtMessageHandler g_defaultHandler = nullptr;

void quietOffscreen(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.startsWith(QLatin1String("This plugin does not support")))
        return;
    if (g_defaultHandler)
        g_defaultHandler(type, context, message);
}

} // namespace

class tst_ScheduleGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void bookByDoubleClickOnEmptySlot();
    void moveByDragAndUndo();
    void dragOntoBusyProviderShowsConflict();
    void checkInFromArrivals();
    void springForwardGapIsExplained();
    void repeatedAutumnHourAsksWhichOne();
    void weekViewAndSetupPage();
    void daySheetAndRemindersAreWritten();
    void busyDayOfTwentyProviders();

private:
    // Providers, a type, hours, two patients and their appointments, through the core stores as admin.
    void setUpClinic();
    std::string addPatient(const std::string& family, const std::string& given, const std::string& dob);
    std::string book(const std::string& patientId, const std::string& providerId, int minuteOfDay);
    // Signs the front desk in and shows the main window on the Schedule page at kDay.
    void openAsFrontDesk();
    QRect blockOf(const std::string& appointmentId) const;
    int columnOf(const std::string& providerId) const;
    core::Appointment appointment(const std::string& id) const;

    std::unique_ptr<TempClinic> m_clinic;
    std::unique_ptr<app::Workspace> m_workspace;
    std::unique_ptr<app::MainWindow> m_window;
    app::SchedulePage* m_page = nullptr;
    app::DayView* m_view = nullptr;
    std::string m_okafor, m_lee, m_followUp;
    std::string m_rivera, m_nguyen;
    std::string m_riveraVisit, m_nguyenVisit;
};

void tst_ScheduleGui::initTestCase()
{
    g_defaultHandler = qInstallMessageHandler(quietOffscreen);
    app::initResources();
    app::Theme::apply(*qApp);
}

void tst_ScheduleGui::init()
{
    m_clinic = std::make_unique<TempClinic>();
    m_clinic->clock().set(kDayNineAmMs);
    setUpClinic();
}

void tst_ScheduleGui::cleanup()
{
    m_window.reset();
    m_workspace.reset();
    m_clinic.reset();
    m_page = nullptr;
    m_view = nullptr;
}

std::string tst_ScheduleGui::addPatient(const std::string& family, const std::string& given, const std::string& dob)
{
    core::Patient p;
    p.familyName = family;
    p.givenName = given;
    p.dateOfBirth = dob;
    p.sex = "female";
    p.phoneMobile = "2175550142";
    auto created = core::PatientStore(m_clinic->admin()).create(p);
    if (!created)
        qFatal("patient: %s", words::errorSentence(created.error()).c_str());
    return created->id;
}

std::string tst_ScheduleGui::book(const std::string& patientId, const std::string& providerId, int minuteOfDay)
{
    core::AppointmentStore store(m_clinic->admin());
    core::Appointment a;
    a.patientId = patientId;
    a.providerId = providerId;
    a.typeId = m_followUp;
    a.startUtcMs = *store.clinicTime().toUtc(kDay, minuteOfDay);
    a.minutes = 15;
    a.reason = "Blood pressure check";
    auto booked = store.book(a);
    if (!booked)
        qFatal("book: %s", words::errorSentence(booked.error()).c_str());
    return booked->id;
}

void tst_ScheduleGui::setUpClinic()
{
    core::ScheduleSetupStore setup(m_clinic->admin());
    core::Provider okafor;
    okafor.name = "Samuel Okafor";
    okafor.credentials = "MD";
    okafor.color = "#2a9d8f";
    core::Provider lee = okafor;
    lee.name = "Grace Lee";
    lee.credentials = "NP";
    lee.color = "#e76f51";
    m_okafor = setup.addProvider(okafor)->id;
    m_lee = setup.addProvider(lee)->id;
    core::AppointmentType followUp;
    followUp.name = "Follow-up";
    followUp.defaultMinutes = 15;
    followUp.color = "#457b9d";
    m_followUp = setup.addType(followUp)->id;
    for (const std::string& provider : {m_okafor, m_lee}) {
        std::vector<core::WorkingHours> hours;
        for (int day = 1; day <= 5; ++day) {
            hours.push_back({{}, provider, day, 8 * 60, 17 * 60, false});
            hours.push_back({{}, provider, day, 12 * 60, 13 * 60, true});
        }
        QVERIFY(setup.setWorkingHours(provider, hours));
    }
    m_rivera = addPatient("Rivera", "Ana", "1980-03-14");
    m_nguyen = addPatient("Nguyen", "Minh", "2016-07-02");
    m_riveraVisit = book(m_rivera, m_okafor, 9 * 60);
    m_nguyenVisit = book(m_nguyen, m_lee, 10 * 60);
}

void tst_ScheduleGui::openAsFrontDesk()
{
    auto session = m_clinic->addAndLogin("frank", core::Role::FrontDesk);
    QVERIFY(session);
    m_clinic->closeAdmin();
    app::AppConfig config;
    config.databasePath = QString::fromStdString(m_clinic->path());
    config.kdfCost = core::KdfCost::minimal();
    config.clock = &m_clinic->clock();
    m_workspace = std::make_unique<app::Workspace>(config);
    m_workspace->open(std::move(session));
    m_window = std::make_unique<app::MainWindow>(*m_workspace);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto* nav = child<QListWidget>(m_window.get(), QStringLiteral("navigation"));
    QCOMPARE(nav->item(1)->text(), QStringLiteral("Schedule"));
    nav->setCurrentRow(1);
    m_page = m_window->schedulePage();
    QVERIFY(m_page);
    m_page->setDate(kDay);
    m_view = child<app::DayView>(m_window.get(), QStringLiteral("dayView"));
    QVERIFY(m_view);
    QTRY_VERIFY(m_view->isVisible());
    QVERIFY(m_view->day().columns.size() >= 2);
    m_view->scrollToMinute(8 * 60);
}

QRect tst_ScheduleGui::blockOf(const std::string& appointmentId) const
{
    return m_view->appointmentRect(QString::fromStdString(appointmentId));
}

int tst_ScheduleGui::columnOf(const std::string& providerId) const
{
    const auto& columns = m_view->day().columns;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].providerId == providerId)
            return static_cast<int>(i);
    return -1;
}

core::Appointment tst_ScheduleGui::appointment(const std::string& id) const
{
    auto a = core::AppointmentStore(*m_workspace->session()).get(id);
    return a ? *a : core::Appointment{};
}

void tst_ScheduleGui::bookByDoubleClickOnEmptySlot()
{
    openAsFrontDesk();
    screenshot(m_view, QStringLiteral("s01-schedule-day"));
    const int okaforColumn = columnOf(m_okafor);
    QVERIFY(okaforColumn >= 0);
    QCOMPARE(m_view->day().columns[static_cast<std::size_t>(okaforColumn)].title, QStringLiteral("Samuel Okafor"));
    bool sawDialog = false;
    whenModalOpens(QStringLiteral("bookingDialog"), [&sawDialog](QWidget* dialog) {
        sawDialog = true;
        typeInto(child<QLineEdit>(dialog, QStringLiteral("bookingPatientSearch")), QStringLiteral("nguy"), false);
        auto* results = child<QListWidget>(dialog, QStringLiteral("bookingPatientResults"));
        QTRY_VERIFY(results->isVisible() && results->count() == 1);
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualItemRect(results->item(0)).center());
        QTRY_VERIFY(
            child<QLabel>(dialog, QStringLiteral("bookingPatientChosen"))->text().contains(QStringLiteral("Nguyen")));
        QCOMPARE(child<QTimeEdit>(dialog, QStringLiteral("bookingTime"))->time(), QTime(11, 0));
        QCOMPARE(child<QComboBox>(dialog, QStringLiteral("bookingProvider"))->currentText(),
                 QStringLiteral("Samuel Okafor"));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("bookingReason")), QStringLiteral("Asthma review"), false);
        screenshot(dialog, QStringLiteral("s02-booking-dialog"));
        click(child<QPushButton>(dialog, QStringLiteral("bookingSaveButton")));
    });
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, m_view->slotCenter(okaforColumn, 11 * 60));
    QTRY_VERIFY(sawDialog);
    QTRY_COMPARE(static_cast<int>(m_view->day().items.size()), 3);
    auto day = core::AppointmentStore(*m_workspace->session()).day(kDay, {m_okafor});
    QVERIFY(day);
    QCOMPARE(day->size(), std::size_t(2));
    const core::AppointmentView& booked = day->back();
    QCOMPARE(booked.appointment.startLocal, std::string("2025-11-24T11:00"));
    QCOMPARE(booked.appointment.patientId, m_nguyen);
    QCOMPARE(booked.appointment.minutes, 15); // the type set the length
    QCOMPARE(booked.appointment.reason.value_or(""), std::string("Asthma review"));
    QVERIFY(!blockOf(booked.appointment.id).isEmpty());
    QCOMPARE(m_view->selectedAppointmentId(), QString::fromStdString(booked.appointment.id));
    screenshot(m_view, QStringLiteral("s03-schedule-booked"));
}

void tst_ScheduleGui::moveByDragAndUndo()
{
    openAsFrontDesk();
    const QRect block = blockOf(m_riveraVisit);
    QVERIFY(!block.isEmpty());
    const QPoint from = block.center();
    const QPoint to = m_view->slotCenter(columnOf(m_okafor), 11 * 60 + 30) + QPoint(0, from.y() - block.top() - 15);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), from + QPoint(0, 20));
    QTest::mouseMove(m_view->viewport(), to);
    screenshot(m_view, QStringLiteral("s04-dragging"));
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    QTRY_COMPARE(appointment(m_riveraVisit).startLocal, std::string("2025-11-24T11:30"));
    QCOMPARE(appointment(m_riveraVisit).providerId, m_okafor);
    auto* undo = child<QPushButton>(m_window.get(), QStringLiteral("undoMoveButton"));
    QTRY_VERIFY(undo->isEnabled());
    screenshot(m_view, QStringLiteral("s05-moved"));

    QTest::keyClick(m_view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(appointment(m_riveraVisit).startLocal, std::string("2025-11-24T09:00"));
    QVERIFY(!undo->isEnabled());

    // Keyboard: the selection follows the arrows and Enter opens the appointment under it.
    m_view->setFocus();
    m_view->selectAppointment(QString::fromStdString(m_riveraVisit));
    QCOMPARE(m_view->cursorColumn(), columnOf(m_okafor));
    QTest::keyClick(m_view, Qt::Key_Left);
    QCOMPARE(m_view->cursorColumn(), columnOf(m_lee));
    QVERIFY(m_view->selectedAppointmentId().isEmpty());
    QTest::keyClick(m_view, Qt::Key_Down);
    QTest::keyClick(m_view, Qt::Key_Down);
    QTest::keyClick(m_view, Qt::Key_Down);
    QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(m_view->cursorMinute(), 10 * 60);
    QCOMPARE(m_view->selectedAppointmentId(), QString::fromStdString(m_nguyenVisit));
    bool opened = false;
    whenModalOpens(QStringLiteral("appointmentDialog"), [&opened](QWidget* dialog) {
        opened = true;
        qobject_cast<QDialog*>(dialog)->reject();
    });
    QTest::keyClick(m_view, Qt::Key_Return);
    QTRY_VERIFY(opened);
}

void tst_ScheduleGui::dragOntoBusyProviderShowsConflict()
{
    openAsFrontDesk();
    const QRect block = blockOf(m_riveraVisit);
    QVERIFY(!block.isEmpty());
    const QPoint from(block.center().x(), block.top() + 6);
    const QPoint target = m_view->slotCenter(columnOf(m_lee), 10 * 60);
    const QPoint to(target.x(), target.y() - 15 + 6);
    QString listed;
    bool overbookOffered = true;
    whenModalOpens(QStringLiteral("conflictDialog"), [&](QWidget* dialog) {
        auto* list = child<QListWidget>(dialog, QStringLiteral("conflictList"));
        for (int i = 0; list && i < list->count(); ++i)
            listed += list->item(i)->text() + QLatin1Char('\n');
        overbookOffered = child<QPushButton>(dialog, QStringLiteral("overbookButton")) != nullptr;
        screenshot(dialog, QStringLiteral("s06-conflict"));
        click(child<QPushButton>(dialog, QStringLiteral("conflictCancelButton")));
    });
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), from + QPoint(30, 10));
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    QTRY_VERIFY(!listed.isEmpty());
    QVERIFY2(listed.contains(QStringLiteral("Grace Lee")), qPrintable(listed));
    QVERIFY2(listed.contains(QStringLiteral("Nguyen")), qPrintable(listed));
    QVERIFY2(listed.contains(QStringLiteral("10:00 AM")), qPrintable(listed));
    QVERIFY(!overbookOffered); // Follow-up does not allow overbooking
    QTest::qWait(50);
    QCOMPARE(appointment(m_riveraVisit).startLocal, std::string("2025-11-24T09:00"));
    QCOMPARE(appointment(m_riveraVisit).providerId, m_okafor);
}

void tst_ScheduleGui::checkInFromArrivals()
{
    openAsFrontDesk();
    auto* nav = child<QListWidget>(m_window.get(), QStringLiteral("navigation"));
    QCOMPARE(nav->item(2)->text(), QStringLiteral("Arrivals"));
    nav->setCurrentRow(2);
    auto* table = child<QTableWidget>(m_window.get(), QStringLiteral("arrivalsTable"));
    QTRY_VERIFY(table->isVisible());
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(table->item(0, 1)->text().contains(QStringLiteral("Rivera")));
    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_I);
    QTRY_COMPARE(appointment(m_riveraVisit).status, core::AppointmentStatus::Arrived);
    QTRY_COMPARE(table->item(0, 6)->text(), QStringLiteral("Arrived"));
    m_clinic->clock().advance(12 * 60'000);
    m_window->arrivalsPage()->refresh();
    QCOMPARE(table->item(0, 7)->text(), QStringLiteral("12 min"));
    screenshot(table, QStringLiteral("s07-arrivals"));
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_O);
    QTRY_COMPARE(appointment(m_riveraVisit).status, core::AppointmentStatus::CheckedOut);
    QCOMPARE(appointment(m_nguyenVisit).status, core::AppointmentStatus::Scheduled);
}

void tst_ScheduleGui::springForwardGapIsExplained()
{
    openAsFrontDesk();
    auto setup = app::ScheduleLoader::loadSetup(*m_workspace->session());
    QVERIFY(setup);
    app::BookingRequest request;
    request.patientId = m_rivera;
    request.patientName = QStringLiteral("Rivera, Ana");
    request.providerId = m_okafor;
    request.date = "2026-03-08"; // 2:00 becomes 3:00 in Chicago
    request.minuteOfDay = 2 * 60 + 30;
    app::BookingDialog dialog(*m_workspace, *setup, request, m_window.get());
    dialog.show();
    click(child<QPushButton>(&dialog, QStringLiteral("bookingSaveButton")));
    auto* message = child<QLabel>(&dialog, QStringLiteral("bookingMessage"));
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("does not exist")), qPrintable(message->text()));
    screenshot(&dialog, QStringLiteral("s08-spring-gap"));
    QVERIFY(!dialog.booked());
}

void tst_ScheduleGui::repeatedAutumnHourAsksWhichOne()
{
    openAsFrontDesk();
    auto setup = app::ScheduleLoader::loadSetup(*m_workspace->session());
    QVERIFY(setup);
    app::BookingRequest request;
    request.patientId = m_rivera;
    request.patientName = QStringLiteral("Rivera, Ana");
    request.providerId = m_okafor;
    request.date = "2025-11-02"; // 1:00-2:00 happens twice in Chicago
    request.minuteOfDay = 90;
    app::BookingDialog dialog(*m_workspace, *setup, request, m_window.get());
    dialog.show();
    bool asked = false, warned = false;
    whenModalOpens(QStringLiteral("repeatedTimeDialog"), [&](QWidget* box) {
        asked = true;
        screenshot(box, QStringLiteral("s10-repeated-hour"));
        // A Sunday: outside the provider's hours, so a confirmation follows.
        whenModalOpens(QStringLiteral("conflictDialog"), [&](QWidget* confirm) {
            warned = child<QListWidget>(confirm, QStringLiteral("conflictList"))
                         ->item(0)
                         ->text()
                         .contains(QStringLiteral("working hours"));
            click(child<QPushButton>(confirm, QStringLiteral("proceedButton")));
        });
        click(child<QPushButton>(box, QStringLiteral("repeatedSecondButton")));
    });
    click(child<QPushButton>(&dialog, QStringLiteral("bookingSaveButton")));
    QTRY_VERIFY(dialog.booked().has_value());
    QVERIFY(asked);
    QVERIFY(warned);
    const core::ClinicTime& time = core::AppointmentStore(*m_workspace->session()).clinicTime();
    const core::LocalDateTime local = time.toLocal(dialog.booked()->startUtcMs);
    QCOMPARE(local.minuteOfDay, 90);
    QCOMPARE(local.utcOffsetMinutes, -6 * 60); // the second 1:30, in standard time
}

void tst_ScheduleGui::weekViewAndSetupPage()
{
    openAsFrontDesk();
    m_page->setMode(app::ScheduleMode::ProviderWeek);
    QCOMPARE(static_cast<int>(m_view->day().columns.size()), 7);
    QCOMPARE(m_view->day().columns.front().date, std::string(kDay));
    screenshot(m_view, QStringLiteral("s11-week"));
    m_page->setMode(app::ScheduleMode::RoomsDay);
    QCOMPARE(m_view->day().columns.back().title, QStringLiteral("No room"));
    QCOMPARE(static_cast<int>(m_view->day().items.size()), 2);

    // The administrator's setup page lists what the stores hold.
    m_window.reset();
    auto admin = m_clinic->login("admin", kAdminPassword);
    QVERIFY(admin);
    m_workspace->open(std::move(admin));
    m_window = std::make_unique<app::MainWindow>(*m_workspace);
    m_window->show();
    auto* nav = child<QListWidget>(m_window.get(), QStringLiteral("navigation"));
    QCOMPARE(nav->item(nav->count() - 1)->text(), QStringLiteral("Schedule setup"));
    nav->setCurrentRow(nav->count() - 1);
    auto* providers = child<QTableWidget>(m_window.get(), QStringLiteral("providerTable"));
    QTRY_VERIFY(providers->isVisible());
    QCOMPARE(providers->rowCount(), 2);
    screenshot(providers, QStringLiteral("s12-setup"));
}

void tst_ScheduleGui::daySheetAndRemindersAreWritten()
{
    openAsFrontDesk();
    QTemporaryDir dir;
    auto setup = app::ScheduleLoader::loadSetup(*m_workspace->session());
    const QString pdf = dir.filePath(QStringLiteral("day.pdf"));
    auto printed = app::ScheduleExports::writeDaySheets(*m_workspace, *setup, kDay, pdf);
    QVERIFY2(!printed.error, qPrintable(printed.message));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
    const QString csv = dir.filePath(QStringLiteral("reminders.csv"));
    auto listed = app::ScheduleExports::writeReminderList(*m_workspace, kDay, kDay, csv);
    QVERIFY2(!listed.error, qPrintable(listed.message));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray text = csvFile.readAll();
    QVERIFY(text.contains("Rivera") && text.contains("Nguyen"));
    const QString ics = dir.filePath(QStringLiteral("visit.ics"));
    auto day = core::AppointmentStore(*m_workspace->session()).day(kDay);
    auto cal = app::ScheduleExports::writeCalendar(*m_workspace, *day, ics);
    QVERIFY2(!cal.error, qPrintable(cal.message));
    QFile icsFile(ics);
    QVERIFY(icsFile.open(QIODevice::ReadOnly));
    QVERIFY(icsFile.readAll().startsWith("BEGIN:VCALENDAR\r\n"));
}

void tst_ScheduleGui::busyDayOfTwentyProviders()
{
    {
        core::ScheduleSetupStore setup(m_clinic->admin());
        core::AppointmentStore store(m_clinic->admin());
        std::vector<std::string> patients;
        for (int i = 0; i < 30; ++i)
            patients.push_back(
                addPatient("Patient" + std::string(1, static_cast<char>('A' + i % 26)) + std::to_string(i), "Test",
                           "1970-01-0" + std::to_string(1 + i % 9)));
        const char* colors[] = {"#2a9d8f", "#e76f51", "#264653", "#8d5fd3", "#f4a261"};
        int booked = 0;
        for (int p = 0; p < 18; ++p) {
            core::Provider provider;
            provider.name = "Provider " + std::to_string(p + 3);
            provider.color = colors[p % 5];
            const std::string id = setup.addProvider(provider)->id;
            std::vector<core::WorkingHours> hours;
            hours.push_back({{}, id, 1, 8 * 60, 17 * 60, false});
            QVERIFY(setup.setWorkingHours(id, hours));
            for (int slot = 0; slot < 22; ++slot) {
                core::Appointment a;
                a.patientId = patients[static_cast<std::size_t>((p * 22 + slot) % 30)];
                a.providerId = id;
                a.typeId = m_followUp;
                a.startUtcMs = *store.clinicTime().toUtc(kDay, 8 * 60 + slot * 20);
                a.minutes = 15;
                core::BookingOptions options;
                options.acceptWarnings = true;
                if (store.book(a, options))
                    ++booked;
            }
        }
        QVERIFY(booked > 200);
    }
    openAsFrontDesk();
    QVERIFY(m_view->day().items.size() > 200);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 10; ++i)
        m_view->viewport()->repaint();
    qInfo("busy day: %zu appointments in %zu columns, %.1f ms per full repaint", m_view->day().items.size(),
          m_view->day().columns.size(), static_cast<double>(timer.elapsed()) / 10.0);
    screenshot(m_view, QStringLiteral("s09-busy-day"));
}

QTEST_MAIN(tst_ScheduleGui)
#include "tst_schedule_gui.moc"
