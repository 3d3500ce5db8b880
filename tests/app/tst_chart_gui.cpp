// The clinician's screens driven offscreen: My day lists today's patients and starts a visit; the chart's
// header always shows the allergy banner in one of three looks; vital signs typed in US units are stored in
// canonical units and charted; a note is written, signed (then read-only) and corrected by an addendum;
// the summaries print to PDF. A front desk user gets no chart.
#include "GuiDriver.h"
#include "app/gui/chart/ChartDialogs.h"
#include "app/gui/chart/ChartWindow.h"
#include "app/gui/chart/LabInboxDialog.h"
#include "app/gui/chart/MyDayPage.h"
#include "app/gui/chart/NoteEditor.h"
#include "app/gui/chart/NoteTemplatesDialog.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/Theme.h"
#include "app/gui/shell/Workspace.h"
#include "core/auth/UserStore.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/EncounterStore.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/AppointmentStore.h"
#include "tests/support/ScheduleFixture.h"

#include <QAbstractItemView>
#include <QChartView>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QTreeWidget>

using practica::test::must;

using namespace practica;
using namespace practica::test;

namespace {

constexpr std::int64_t kNineAmChicago = 1'763'737'200'000; // Friday 2025-11-21 09:00 in Chicago

QtMessageHandler g_defaultHandler = nullptr;

void quietOffscreen(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.startsWith(QLatin1String("This plugin does not support")))
        return;
    if (g_defaultHandler)
        g_defaultHandler(type, context, message);
}

} // namespace

class tst_ChartGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void myDayStartsTheVisitAndOpensTheChart();
    void allergyBannerHasThreeLooks();
    void vitalSignsInUsUnits();
    void writeSignAndAmendANote();
    void summariesPrintToPdf();
    void problemFromTheCodeSetSearch();
    void labFileImportedAndOneSetAside();
    void noteTemplatesAreEditedByClinicians();
    void frontDeskHasNoChart();

private:
    void openAs(const std::string& username, core::Role role);
    app::ChartWindow* openChart(const std::string& patientId);

    std::unique_ptr<ScheduleFixture> m_fx;
    std::unique_ptr<app::Workspace> m_workspace;
    std::unique_ptr<app::MainWindow> m_window;
    core::Appointment m_arrived;
};

void tst_ChartGui::initTestCase()
{
    g_defaultHandler = qInstallMessageHandler(quietOffscreen);
    app::initResources();
    app::Theme::apply(*qApp);
}

void tst_ChartGui::init()
{
    m_fx = std::make_unique<ScheduleFixture>();
    m_fx->clinic().clock().set(kNineAmChicago);
    core::AppointmentStore appointments(m_fx->admin());
    auto booked =
        must(appointments.book(m_fx->appointment(0, m_fx->providerA, "2025-11-21 10:00", m_fx->followUp)), "book");
    m_arrived = must(appointments.setStatus(booked.id, core::AppointmentStatus::Arrived), "arrive");
    must(appointments.book(m_fx->appointment(1, m_fx->providerA, "2025-11-21 11:00", m_fx->followUp)), "book 2");
}

void tst_ChartGui::cleanup()
{
    // Chart windows own their note editors; each goes with its chart.
    QList<QPointer<QWidget>> charts;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (w->objectName() == QLatin1String("chartWindow") && !w->parent())
            charts << w;
    for (const QPointer<QWidget>& w : charts)
        delete w.data();
    m_window.reset();
    m_workspace.reset();
    m_fx.reset();
}

void tst_ChartGui::openAs(const std::string& username, core::Role role)
{
    auto session = m_fx->clinic().addAndLogin(username, role);
    QVERIFY(session);
    app::AppConfig config;
    config.databasePath = QString::fromStdString(m_fx->clinic().path());
    config.kdfCost = core::KdfCost::minimal();
    config.clock = &m_fx->clinic().clock();
    m_workspace = std::make_unique<app::Workspace>(config);
    m_workspace->open(std::move(session));
    m_window = std::make_unique<app::MainWindow>(*m_workspace);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

app::ChartWindow* tst_ChartGui::openChart(const std::string& patientId)
{
    auto* chart = new app::ChartWindow(*m_workspace, patientId);
    chart->show();
    if (!QTest::qWaitForWindowExposed(chart))
        return nullptr;
    return chart;
}

void tst_ChartGui::myDayStartsTheVisitAndOpensTheChart()
{
    openAs("dr.adams", core::Role::Clinician);
    // A clinician's first page is their day.
    auto* nav = child<QListWidget>(m_window.get(), QStringLiteral("navigation"));
    QCOMPARE(nav->currentRow(), 0);
    QCOMPARE(nav->item(0)->text(), QStringLiteral("My day"));
    app::MyDayPage* day = m_window->myDayPage();
    QVERIFY(day);
    QTRY_COMPARE(day->patients()->rowCount(), 2);
    QVERIFY(day->patients()->item(0, 1)->text().contains(QLatin1String("Rivera")) ||
            !day->patients()->item(0, 1)->text().isEmpty());
    screenshot(day, QStringLiteral("chart-my-day"));

    day->patients()->setFocus();
    day->patients()->selectRow(0);
    QTest::keyClick(day->patients(), Qt::Key_S);
    auto* chart = qobject_cast<app::ChartWindow*>(waitForTopLevel(QStringLiteral("chartWindow")));
    QVERIFY(chart);
    QCOMPARE(must(core::AppointmentStore(*m_workspace->session()).get(m_arrived.id), "get").status,
             core::AppointmentStatus::WithProvider);
    QVERIFY(!chart->currentEncounterId().empty());
    QVERIFY(chart->bannerText().contains(QLatin1String("not recorded")));
    screenshot(chart, QStringLiteral("chart-opened"));
}

void tst_ChartGui::allergyBannerHasThreeLooks()
{
    openAs("dr.adams", core::Role::Clinician);
    app::ChartWindow* chart = openChart(m_arrived.patientId);
    QVERIFY(chart);
    auto* banner = child<QLabel>(chart, QStringLiteral("allergyBanner"));
    QCOMPARE(banner->property("allergyState").toString(), QStringLiteral("unknown"));
    QCOMPARE(chart->bannerText(), QStringLiteral("Allergies not recorded: ask the patient"));

    click(child<QPushButton>(chart, QStringLiteral("noKnownAllergiesButton")));
    QTRY_COMPARE(banner->property("allergyState").toString(), QStringLiteral("none"));
    QCOMPARE(chart->bannerText(), QStringLiteral("No known allergies"));

    chart->tabs()->setCurrentIndex(4); // Allergies
    whenModalOpens(QStringLiteral("allergyDialog"), [](QWidget* dialog) {
        typeInto(child<QLineEdit>(dialog, QStringLiteral("allergySubstance")), QStringLiteral("Penicillin"));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("allergyReaction")), QStringLiteral("hives"));
        click(child<QPushButton>(dialog, QStringLiteral("allergyDialogSave")));
    });
    click(chart->findChild<QPushButton*>(QStringLiteral("chartAdd4")));
    QTRY_COMPARE(banner->property("allergyState").toString(), QStringLiteral("allergies"));
    QVERIFY2(chart->bannerText().startsWith(QLatin1String("Allergies: Penicillin (hives")),
             qPrintable(chart->bannerText()));
    QVERIFY(!child<QPushButton>(chart, QStringLiteral("noKnownAllergiesButton"))->isEnabled());
    screenshot(chart, QStringLiteral("chart-allergy-banner"));
}

void tst_ChartGui::vitalSignsInUsUnits()
{
    openAs("dr.adams", core::Role::Clinician);
    app::ChartWindow* chart = openChart(m_arrived.patientId);
    QVERIFY(chart);
    chart->tabs()->setCurrentIndex(5); // Vital signs
    bool bmiShown = false;
    whenModalOpens(QStringLiteral("vitalsDialog"), [&](QWidget* dialog) {
        child<QDoubleSpinBox>(dialog, QStringLiteral("vitalsHeight"))->setValue(69);
        child<QDoubleSpinBox>(dialog, QStringLiteral("vitalsWeight"))->setValue(180);
        bmiShown = child<QLabel>(dialog, QStringLiteral("vitalsBmi"))->text().startsWith(QLatin1String("26.6"));
        child<QSpinBox>(dialog, QStringLiteral("vitalsSystolic"))->setValue(152);
        child<QSpinBox>(dialog, QStringLiteral("vitalsDiastolic"))->setValue(94);
        child<QSpinBox>(dialog, QStringLiteral("vitalsPulse"))->setValue(78);
        child<QDoubleSpinBox>(dialog, QStringLiteral("vitalsTemperature"))->setValue(98.6);
        click(child<QPushButton>(dialog, QStringLiteral("vitalsDialogSave")));
    });
    click(child<QPushButton>(chart, QStringLiteral("recordVitalsButton")));
    auto* table = child<QTableWidget>(chart, QStringLiteral("vitalsTable"));
    QTRY_COMPARE(table->rowCount(), 1);
    QVERIFY(bmiShown);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("152/94 mmHg (high)"));
    auto vitals = must(core::ClinicalListStore(*m_workspace->session()).vitals(m_arrived.patientId), "vitals");
    QCOMPARE(vitals.size(), std::size_t(1));
    QCOMPARE(*vitals[0].heightMm, 1753);
    QCOMPARE(*vitals[0].weightG, 81647);
    QCOMPARE(*vitals[0].temperatureDeciC, 370);
    auto* view = child<QChartView>(chart, QStringLiteral("vitalsChart"));
    QVERIFY(view);
    QCOMPARE(view->chart()->series().size(), 3);
    auto* systolic = static_cast<QLineSeries*>(view->chart()->series().at(0));
    QCOMPARE(systolic->count(), 1);
    // The axis labels in this computer's zone; the reading is drawn at the clinic's time of day.
    const QString drawnAt = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(systolic->at(0).x()))
                                .toString(QStringLiteral("MM/dd HH:mm"));
    const QString clinicTime = QDateTime::fromMSecsSinceEpoch(vitals[0].takenAtMs, QTimeZone("America/Chicago"))
                                   .toString(QStringLiteral("MM/dd HH:mm"));
    QCOMPARE(drawnAt, clinicTime);
    screenshot(chart, QStringLiteral("chart-vitals"));
}

void tst_ChartGui::writeSignAndAmendANote()
{
    openAs("dr.adams", core::Role::Clinician);
    auto visit = must(core::EncounterStore(*m_workspace->session()).startFromAppointment(m_arrived.id), "visit");
    app::ChartWindow* chart = openChart(m_arrived.patientId);
    QVERIFY(chart);
    chart->tabs()->setCurrentIndex(1);
    app::NoteEditor* editor = chart->newNote(visit.id);
    QVERIFY(editor);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    auto* subjective = child<QPlainTextEdit>(editor, QStringLiteral("noteSubjective"));
    QVERIFY(subjective->toPlainText().contains(QLatin1String("45-year-old")));

    // Another visit type's template: asked first (the sections are replaced), then filled and saved.
    auto* templates = child<QComboBox>(editor, QStringLiteral("noteTemplate"));
    QVERIFY(templates->isVisible() && templates->isEnabled());
    QCOMPARE(templates->currentData().toString().toStdString(), editor->note().templateKey.value_or(""));
    const int annual = templates->findData(QStringLiteral("annual_physical"));
    QVERIFY(annual >= 0);
    bool asked = false;
    QTimer answer;
    answer.setInterval(50);
    connect(&answer, &QTimer::timeout, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            asked = true;
            answer.stop();
            box->button(QMessageBox::Yes)->click();
        }
    });
    answer.start();
    templates->setCurrentIndex(annual);
    Q_EMIT templates->activated(annual);
    QVERIFY(asked);
    QVERIFY(subjective->toPlainText().contains(QLatin1String("Screening history:")));
    QCOMPARE(must(core::NoteStore(*m_workspace->session()).get(editor->note().id), "get").templateKey,
             std::optional<std::string>("annual_physical"));
    editor->activateWindow(); // the question was the active window; the editor's shortcuts work in its own
    QVERIFY(QTest::qWaitForWindowActive(editor));
    auto* assessment = child<QPlainTextEdit>(editor, QStringLiteral("noteAssessment"));
    assessment->setFocus();
    QTest::keySequence(assessment, QKeySequence::SelectAll); // the template's prompt is typed over
    QTest::keyClicks(assessment, QStringLiteral("Hypertension, not at goal."));
    QTest::keySequence(editor, QKeySequence::Save);
    QTRY_COMPARE(must(core::NoteStore(*m_workspace->session()).get(editor->note().id), "get").assessment,
                 std::optional<std::string>("Hypertension, not at goal."));
    screenshot(editor, QStringLiteral("chart-note-editor"));

    QVERIFY(editor->sign(false));
    QVERIFY(editor->note().isSigned());
    QVERIFY(assessment->isReadOnly());
    QVERIFY(child<QLabel>(editor, QStringLiteral("noteState"))->text().startsWith(QLatin1String("Signed by")));
    auto* addendumButton = child<QPushButton>(editor, QStringLiteral("noteAddendum"));
    QVERIFY(addendumButton->isVisible());
    const std::string signedId = editor->note().id;
    click(addendumButton);
    app::NoteEditor* addendum = nullptr;
    QTRY_VERIFY((addendum = [&]() -> app::NoteEditor* {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* e = qobject_cast<app::NoteEditor*>(w); e && e->isVisible() && e->note().kind == "addendum")
                return e;
        return nullptr;
    }()));
    auto* body = child<QPlainTextEdit>(addendum, QStringLiteral("noteBody"));
    QTest::keyClicks(body, QStringLiteral("Home readings brought in: 128/80 average."));
    QVERIFY(addendum->sign(false));
    QCOMPARE(*addendum->note().addendumTo, signedId);
    auto* tree = child<QTreeWidget>(chart, QStringLiteral("chartVisits"));
    QTRY_COMPARE(tree->topLevelItem(0)->childCount(), 2);
    QCOMPARE(tree->topLevelItem(0)->child(1)->text(1), QStringLiteral("Addendum"));
    QCOMPARE(tree->topLevelItem(0)->child(1)->text(3), QStringLiteral("Signed"));
    screenshot(chart, QStringLiteral("chart-visits"));
}

void tst_ChartGui::summariesPrintToPdf()
{
    openAs("dr.adams", core::Role::Clinician);
    auto visit = must(core::EncounterStore(*m_workspace->session()).startFromAppointment(m_arrived.id), "visit");
    auto note = must(core::NoteStore(*m_workspace->session()).startNote(visit.id), "note");
    must(core::NoteStore(*m_workspace->session()).sign(note.id), "sign");
    app::ChartWindow* chart = openChart(m_arrived.patientId);
    QVERIFY(chart);
    QTemporaryDir dir;
    const QString patientPdf = dir.filePath(QStringLiteral("patient.pdf"));
    const QString visitPdf = dir.filePath(QStringLiteral("visit.pdf"));
    QVERIFY(chart->printPatientSummary(patientPdf));
    QVERIFY(chart->printVisitSummary(visit.id, visitPdf));
    for (const QString& path : {patientPdf, visitPdf}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5).startsWith("%PDF-"));
        QVERIFY(QFileInfo(path).size() > 1000);
    }
}

void tst_ChartGui::problemFromTheCodeSetSearch()
{
    openAs("dr.adams", core::Role::Clinician);
    app::ChartWindow* chart = openChart(m_arrived.patientId);
    QVERIFY(chart);
    chart->tabs()->setCurrentIndex(2); // Problems
    bool picked = false;
    whenModalOpens(QStringLiteral("problemDialog"), [&](QWidget* dialog) {
        auto* search = child<QLineEdit>(dialog, QStringLiteral("problemSearch"));
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("type 2 diabetes without"));
        QCompleter* completer = search->completer();
        QTRY_VERIFY(completer->popup()->isVisible());
        QVERIFY(completer->completionModel()->rowCount() > 0);
        QVERIFY(completer->completionModel()->index(0, 0).data().toString().startsWith(QLatin1String("E11.9")));
        screenshot(completer->popup(), QStringLiteral("chart-problem-search"));
        completer->popup()->setCurrentIndex(completer->completionModel()->index(0, 0));
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QTRY_COMPARE(child<QLineEdit>(dialog, QStringLiteral("problemCode"))->text(), QStringLiteral("E11.9"));
        picked = !child<QLineEdit>(dialog, QStringLiteral("problemDisplay"))->text().isEmpty();
        typeInto(child<QLineEdit>(dialog, QStringLiteral("problemOnset")), QStringLiteral("03/01/2019"));
        click(child<QPushButton>(dialog, QStringLiteral("problemDialogSave")));
    });
    click(chart->findChild<QPushButton*>(QStringLiteral("chartAdd2")));
    QTRY_VERIFY(picked);
    auto problems = must(core::ClinicalListStore(*m_workspace->session()).problems(m_arrived.patientId), "problems");
    QCOMPARE(problems.size(), std::size_t(1));
    QCOMPARE(problems[0].code, std::string("E11.9"));
    QCOMPARE(problems[0].onsetDate, std::optional<std::string>("2019-03-01"));
}

void tst_ChartGui::labFileImportedAndOneSetAside()
{
    const core::Patient rivera = must(core::PatientStore(m_fx->admin()).get(m_arrived.patientId), "patient");
    openAs("dr.adams", core::Role::Clinician);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.hl7"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const std::string known = "MSH|^~\\&|LAB|ACME LAB|PRACTICA|CLINIC|20251121083000||ORU^R01|MSG0001|P|2.5.1\r"
                              "PID|1||" +
                              rivera.mrn + "^^^CLINIC^MR||" + rivera.familyName + "^" + rivera.givenName + "||" +
                              rivera.dateOfBirth.substr(0, 4) + rivera.dateOfBirth.substr(5, 2) +
                              rivera.dateOfBirth.substr(8, 2) +
                              "\r"
                              "OBR|1||A1|24323-8^Metabolic panel^LN|||20251121080000\r"
                              "OBX|1|NM|2345-7^Glucose^LN||132|mg/dL|70-99|H|||F|||20251121080000\r";
    const std::string stranger = "MSH|^~\\&|LAB|ACME LAB|PRACTICA|CLINIC|20251121083000||ORU^R01|MSG0002|P|2.5.1\r"
                                 "PID|1||X999^^^CLINIC^MR||Nobody^Nora||19700101\r"
                                 "OBR|1||A2|24323-8^Metabolic panel^LN|||20251121080000\r"
                                 "OBX|1|NM|2345-7^Glucose^LN||90|mg/dL|70-99|N|||F|||20251121080000\r";
    file.write(QByteArray::fromStdString(known + stranger));
    file.close();

    app::LabInboxDialog inbox(*m_workspace);
    inbox.show();
    QVERIFY(inbox.importFile(path));
    QVERIFY2(inbox.reportText().contains(QLatin1String("1 filed")) &&
                 inbox.reportText().contains(QLatin1String("1 set aside")),
             qPrintable(inbox.reportText()));
    QCOMPARE(inbox.heldTable()->rowCount(), 1);
    QCOMPARE(inbox.heldTable()->item(0, 2)->text(),
             QStringLiteral("No patient here has this MRN, name and date of birth."));
    screenshot(&inbox, QStringLiteral("chart-lab-inbox"));
    auto labs = must(core::ClinicalListStore(*m_workspace->session()).labResults(rivera.id), "labs");
    QCOMPARE(labs.size(), std::size_t(1));
    QCOMPARE(labs[0].abnormalFlag, std::optional<std::string>("H"));

    // Discarding asks first; the message leaves the list.
    inbox.heldTable()->selectRow(0);
    QTimer::singleShot(200, [] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Discard)->click();
    });
    click(child<QPushButton>(&inbox, QStringLiteral("labDiscardButton")));
    QTRY_COMPARE(inbox.heldTable()->rowCount(), 0);
}

void tst_ChartGui::noteTemplatesAreEditedByClinicians()
{
    openAs("dr.adams", core::Role::Clinician);
    app::NoteTemplatesDialog dialog(*m_workspace);
    dialog.show();
    dialog.showVisitType(QStringLiteral("follow_up"));
    auto* message = child<QLabel>(&dialog, QStringLiteral("templateMessage"));
    QVERIFY(message->text().startsWith(QLatin1String("Practica's template")));
    auto* plan = child<QPlainTextEdit>(&dialog, QStringLiteral("templatePlan"));
    plan->setPlainText(QStringLiteral("Recheck blood pressure in 4 weeks."));
    click(child<QPushButton>(&dialog, QStringLiteral("templateSave")));
    QTRY_VERIFY(message->text().startsWith(QLatin1String("Saved.")));
    screenshot(&dialog, QStringLiteral("chart-note-templates"));
    auto visit =
        must(core::EncounterStore(*m_workspace->session()).startFromAppointment(m_arrived.id, "follow_up"), "visit");
    auto note = must(core::NoteStore(*m_workspace->session()).startNote(visit.id), "note");
    QCOMPARE(note.plan, std::optional<std::string>("Recheck blood pressure in 4 weeks."));
}

void tst_ChartGui::frontDeskHasNoChart()
{
    openAs("frank", core::Role::FrontDesk);
    QVERIFY(!m_window->myDayPage());
    app::ChartWindow* chart = openChart(m_arrived.patientId);
    QVERIFY(chart);
    // The chart refuses in core: the window says so and shows nothing clinical.
    auto* message = child<QLabel>(chart, QStringLiteral("chartMessage"));
    QVERIFY(message->isVisible());
    QVERIFY(chart->bannerText().isEmpty());
}

QTEST_MAIN(tst_ChartGui)
#include "tst_chart_gui.moc"
