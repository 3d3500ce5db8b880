// The GUI driven end to end offscreen: first start, sign-in errors, registration with inline validation and the
// duplicate warning, search-as-you-type, coverage, role-aware navigation, and locking (Ctrl+L and idle).
#include "GuiDriver.h"
#include "app/gui/patients/PatientSearchModel.h"
#include "app/gui/shell/AppController.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/Theme.h"
#include "app/gui/start/FirstStartWizard.h"
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientStore.h"
#include "tests/support/TestSupport.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QWizard>
#include <memory>

using namespace practica;
using namespace practica::test;

class tst_Gui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void firstStartWizardCreatesClinic();
    void wrongPasswordShowsOneClearError();
    void signInKeepsTheWindowAlive();
    void changeMyPassword();
    void resetPasswordIsChangedAtSignIn();
    void registerFindAndOpenPatient();
    void duplicateWarningOpensExistingPatient();
    void coverageCanBeAdded();
    void navigationFollowsTheRole();
    void frontDeskCannotSeeAdminPages();
    void everyRoleSignsIn_data();
    void everyRoleSignsIn();
    void ctrlLLocksAndPasswordUnlocks();
    void idleTimeLocks();
    void lockScreenSwitchesUser();
    void demoClinicFromTheWizard();

private:
    // Starts the GUI on the temp clinic and signs in; returns the main window.
    QWidget* signIn(const QString& username, const QString& password, int idleMs = 10 * 60 * 1000);
    app::AppConfig configFor(const std::string& dbPath, int idleMs = 10 * 60 * 1000);

    std::unique_ptr<TempClinic> m_clinic;
    std::unique_ptr<app::AppController> m_controller;
};

namespace {

QtMessageHandler g_defaultHandler = nullptr;

// The offscreen platform warns about every window-manager hint it ignores; those lines hide real failures.
void quietOffscreen(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.startsWith(QLatin1String("This plugin does not support")))
        return;
    if (g_defaultHandler)
        g_defaultHandler(type, context, message);
}

} // namespace

void tst_Gui::initTestCase()
{
    g_defaultHandler = qInstallMessageHandler(quietOffscreen);
    app::initResources();
    app::Theme::apply(*qApp);
}

void tst_Gui::cleanup()
{
    m_controller.reset();
    m_clinic.reset();
}

app::AppConfig tst_Gui::configFor(const std::string& dbPath, int idleMs)
{
    app::AppConfig config;
    config.databasePath = QString::fromStdString(dbPath);
    config.kdfCost = core::KdfCost::minimal();
    config.idleLockMs = idleMs;
    config.demoPatients = 25;
    if (m_clinic)
        config.clock = &m_clinic->clock();
    return config;
}

QWidget* tst_Gui::signIn(const QString& username, const QString& password, int idleMs)
{
    if (!m_clinic)
        m_clinic = std::make_unique<TempClinic>();
    m_clinic->closeAdmin();
    m_controller = std::make_unique<app::AppController>(configFor(m_clinic->path(), idleMs));
    m_controller->start();
    QWidget* login = waitForTopLevel(QStringLiteral("loginDialog"));
    if (!login)
        return nullptr;
    typeInto(child<QLineEdit>(login, QStringLiteral("loginUsername")), username);
    typeInto(child<QLineEdit>(login, QStringLiteral("loginPassword")), password);
    click(child<QPushButton>(login, QStringLiteral("loginButton")));
    QWidget* main = waitForTopLevel(QStringLiteral("mainWindow"));
    if (main && !QTest::qWaitForWindowActive(main))
        return nullptr;
    return main;
}

void tst_Gui::firstStartWizardCreatesClinic()
{
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("sub/folder/clinic.db"));
    m_controller = std::make_unique<app::AppController>(configFor(dbPath.toStdString()));
    m_controller->start();
    QVERIFY(!topLevel(QStringLiteral("loginDialog")));
    auto* wizard = qobject_cast<QWizard*>(waitForTopLevel(QStringLiteral("firstStartWizard")));
    QVERIFY(wizard);
    screenshot(wizard, QStringLiteral("01-wizard-welcome"));
    QVERIFY(child<QRadioButton>(wizard, QStringLiteral("createClinicChoice"))->isChecked());
    click(child<QPushButton>(wizard, QStringLiteral("wizardNextButton")));
    QCOMPARE(wizard->currentId(), 1);

    QWidget* page = wizard->currentPage();
    typeInto(child<QLineEdit>(page, QStringLiteral("clinicNameEdit")), QStringLiteral("Lakeside Pediatrics"));
    typeInto(child<QLineEdit>(page, QStringLiteral("clinicNpiEdit")), QStringLiteral("1234567890")); // bad check digit
    typeInto(child<QLineEdit>(page, QStringLiteral("clinicTaxIdEdit")), QStringLiteral("36-1234567"));
    typeInto(child<QLineEdit>(page, QStringLiteral("clinicAddress1Edit")), QStringLiteral("42 Lake Shore Drive"));
    typeInto(child<QLineEdit>(page, QStringLiteral("clinicCityEdit")), QStringLiteral("Chicago"));
    typeInto(child<QLineEdit>(page, QStringLiteral("clinicStateEdit")), QStringLiteral("il"));
    typeInto(child<QLineEdit>(page, QStringLiteral("clinicZipEdit")), QStringLiteral("60601"));
    auto* zone = child<QComboBox>(page, QStringLiteral("clinicTimeZoneCombo"));
    QVERIFY(zone);
    zone->setCurrentIndex(zone->findData(QStringLiteral("America/Chicago")));
    click(child<QPushButton>(wizard, QStringLiteral("wizardNextButton")));
    QCOMPARE(wizard->currentId(), 1); // the NPI stops it
    auto* npiMessage = child<QLabel>(page, QStringLiteral("clinicNpiEditMessage"));
    QVERIFY(npiMessage && npiMessage->isVisible());
    QVERIFY(npiMessage->text().contains(QStringLiteral("NPI")));
    screenshot(wizard, QStringLiteral("02-wizard-clinic-invalid"));
    typeInto(child<QLineEdit>(page, QStringLiteral("clinicNpiEdit")), QStringLiteral("1234567893"));
    click(child<QPushButton>(wizard, QStringLiteral("wizardNextButton")));
    QCOMPARE(wizard->currentId(), 2);

    page = wizard->currentPage();
    typeInto(child<QLineEdit>(page, QStringLiteral("adminUsername")), QStringLiteral("mlopez"));
    typeInto(child<QLineEdit>(page, QStringLiteral("adminDisplayName")), QStringLiteral("Maria Lopez"));
    typeInto(child<QLineEdit>(page, QStringLiteral("adminPassword")), QStringLiteral("correct-horse-9"));
    typeInto(child<QLineEdit>(page, QStringLiteral("adminPasswordConfirm")), QStringLiteral("correct-horse-8"));
    click(child<QPushButton>(wizard, QStringLiteral("wizardFinishButton")));
    auto* mismatch = child<QLabel>(page, QStringLiteral("adminPasswordConfirmMessage"));
    QVERIFY(mismatch && mismatch->isVisible());
    QVERIFY(!QFileInfo::exists(dbPath));
    screenshot(wizard, QStringLiteral("03-wizard-admin"));
    typeInto(child<QLineEdit>(page, QStringLiteral("adminPasswordConfirm")), QStringLiteral("correct-horse-9"));
    click(child<QPushButton>(wizard, QStringLiteral("wizardFinishButton")));

    QWidget* main = waitForTopLevel(QStringLiteral("mainWindow"));
    QVERIFY(main);
    QVERIFY(QFileInfo::exists(dbPath));
    QCOMPARE(m_controller->workspace().clinicName(), QStringLiteral("Lakeside Pediatrics"));
    QVERIFY(child<QLabel>(main, QStringLiteral("statusUser"))->text().contains(QStringLiteral("Maria Lopez")));
    QVERIFY(child<QLabel>(main, QStringLiteral("statusUser"))->text().contains(QStringLiteral("Administrator")));
    QVERIFY(child<QLabel>(main, QStringLiteral("statusClinic"))->text().contains(QStringLiteral("Lakeside")));
}

void tst_Gui::wrongPasswordShowsOneClearError()
{
    m_clinic = std::make_unique<TempClinic>();
    m_clinic->closeAdmin();
    m_controller = std::make_unique<app::AppController>(configFor(m_clinic->path()));
    m_controller->start();
    QWidget* login = waitForTopLevel(QStringLiteral("loginDialog"));
    QVERIFY(login);
    auto* error = child<QLabel>(login, QStringLiteral("loginError"));
    QVERIFY(error && !error->isVisible());
    typeInto(child<QLineEdit>(login, QStringLiteral("loginUsername")), QStringLiteral("admin"));
    typeInto(child<QLineEdit>(login, QStringLiteral("loginPassword")), QStringLiteral("not-the-password"));
    click(child<QPushButton>(login, QStringLiteral("loginButton")));
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("The user name or password is not correct."));
    QVERIFY(child<QLineEdit>(login, QStringLiteral("loginPassword"))->text().isEmpty());
    QVERIFY(!topLevel(QStringLiteral("mainWindow")));
    QVERIFY(m_controller->workspace().isLocked());
    screenshot(login, QStringLiteral("04-login-wrong-password"));

    typeInto(child<QLineEdit>(login, QStringLiteral("loginPassword")), QString::fromLatin1(kAdminPassword));
    click(child<QPushButton>(login, QStringLiteral("loginButton")));
    QVERIFY(waitForTopLevel(QStringLiteral("mainWindow")));
    QVERIFY(!m_controller->workspace().isLocked());
}

// The key derivation (Argon2id at the clinic's real cost, about half a second) runs off the GUI thread:
// the dialog shows that it is busy, refuses a second click, and keeps handling events meanwhile.
void tst_Gui::signInKeepsTheWindowAlive()
{
    m_clinic = std::make_unique<TempClinic>(core::KdfCost::standard());
    m_clinic->closeAdmin();
    m_controller = std::make_unique<app::AppController>(configFor(m_clinic->path()));
    m_controller->start();
    QWidget* login = waitForTopLevel(QStringLiteral("loginDialog"));
    QVERIFY(login);
    auto* busy = child<QWidget>(login, QStringLiteral("loginBusy"));
    QVERIFY(!busy->isVisible());
    typeInto(child<QLineEdit>(login, QStringLiteral("loginUsername")), QStringLiteral("admin"));
    typeInto(child<QLineEdit>(login, QStringLiteral("loginPassword")), QString::fromLatin1(kAdminPassword));
    int ticks = 0;
    QTimer heartbeat;
    connect(&heartbeat, &QTimer::timeout, [&ticks] { ++ticks; });
    heartbeat.start(20);
    click(child<QPushButton>(login, QStringLiteral("loginButton")));
    QVERIFY(busy->isVisible());
    QVERIFY(!child<QPushButton>(login, QStringLiteral("loginButton"))->isEnabled());
    screenshot(login, QStringLiteral("04b-login-busy"));
    // Half a second on an idle machine; far longer on a loaded one or under the sanitizers.
    QVERIFY(waitForTopLevel(QStringLiteral("mainWindow"), 120'000));
    QVERIFY2(ticks >= 5, qPrintable(QString::number(ticks)));
    QVERIFY(!m_controller->workspace().isLocked());
}

// Every user changes their own password from the File menu: the current one first (a wrong one is one
// clear sentence and counts like a failed sign-in), then the new one twice; the next sign-in takes it.
void tst_Gui::changeMyPassword()
{
    QWidget* main = signIn(QStringLiteral("admin"), QString::fromLatin1(kAdminPassword));
    QVERIFY(main);
    auto* action = main->findChild<QAction*>(QStringLiteral("changePasswordAction"));
    QVERIFY(action);
    QTimer::singleShot(0, [] {
        QWidget* dialog = waitForTopLevel(QStringLiteral("changePasswordDialog"));
        QVERIFY(dialog);
        typeInto(child<QLineEdit>(dialog, QStringLiteral("currentPassword")), QStringLiteral("not-my-password"));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("resetPassword")), QStringLiteral("new-password-2"));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("resetPasswordConfirm")), QStringLiteral("new-password-2"));
        click(child<QPushButton>(dialog, QStringLiteral("saveResetPasswordButton")));
        auto* error = child<QLabel>(dialog, QStringLiteral("resetPasswordError"));
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Your current password is not correct."));
        QVERIFY(child<QLineEdit>(dialog, QStringLiteral("currentPassword"))->text().isEmpty());
        screenshot(dialog, QStringLiteral("13b-change-my-password"));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("currentPassword")), QString::fromLatin1(kAdminPassword));
        click(child<QPushButton>(dialog, QStringLiteral("saveResetPasswordButton")));
    });
    action->trigger();
    QVERIFY(!topLevel(QStringLiteral("changePasswordDialog")));
    // The old password no longer opens this workstation; the new one does.
    QVERIFY(!core::Vault::unlock(m_clinic->path(), "admin", kAdminPassword, m_clinic->clock()));
    QVERIFY(core::Vault::unlock(m_clinic->path(), "admin", "new-password-2", m_clinic->clock()));
}

// After an admin's reset, signing in asks for a new password before the main window opens.
void tst_Gui::resetPasswordIsChangedAtSignIn()
{
    m_clinic = std::make_unique<TempClinic>();
    QVERIFY(core::UserStore(m_clinic->admin())
                .add("desk", "Dana Desk", core::Role::FrontDesk, "desk-password", core::KdfCost::minimal()));
    QVERIFY(core::UserStore(m_clinic->admin()).resetPassword("desk", "temporary-1", core::KdfCost::minimal()));
    m_clinic->closeAdmin();
    m_controller = std::make_unique<app::AppController>(configFor(m_clinic->path()));
    m_controller->start();
    QWidget* login = waitForTopLevel(QStringLiteral("loginDialog"));
    QVERIFY(login);
    typeInto(child<QLineEdit>(login, QStringLiteral("loginUsername")), QStringLiteral("desk"));
    typeInto(child<QLineEdit>(login, QStringLiteral("loginPassword")), QStringLiteral("temporary-1"));
    // The new-password dialog runs its own event loop inside the sign-in: a timer answers it from there.
    bool asked = false;
    QString title;
    QTimer poll;
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, [&] {
        QWidget* dialog = topLevel(QStringLiteral("changePasswordDialog"));
        if (!dialog || !dialog->isVisible() || asked)
            return;
        asked = true;
        poll.stop();
        title = dialog->windowTitle();
        screenshot(dialog, QStringLiteral("04c-choose-new-password"));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("currentPassword")), QStringLiteral("temporary-1"));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("resetPassword")), QStringLiteral("dana-own-pw"));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("resetPasswordConfirm")), QStringLiteral("dana-own-pw"));
        click(child<QPushButton>(dialog, QStringLiteral("saveResetPasswordButton")));
    });
    poll.start();
    click(child<QPushButton>(login, QStringLiteral("loginButton")));
    QVERIFY(waitForTopLevel(QStringLiteral("mainWindow")));
    QVERIFY(asked);
    QCOMPARE(title, QStringLiteral("Choose a new password"));
    QVERIFY(!m_controller->workspace().session()->mustChangePassword());
    QVERIFY(core::Vault::unlock(m_clinic->path(), "desk", "dana-own-pw", m_clinic->clock()));
}

void tst_Gui::registerFindAndOpenPatient()
{
    QWidget* main = signIn(QStringLiteral("admin"), QString::fromLatin1(kAdminPassword));
    QVERIFY(main);
    screenshot(main, QStringLiteral("05-patients-empty"));
    click(child<QPushButton>(main, QStringLiteral("newPatientButton")));
    auto* family = child<QLineEdit>(main, QStringLiteral("familyNameEdit"));
    QVERIFY(family && family->isVisible());
    QTRY_VERIFY(family->hasFocus());

    // Inline validation: a date that does not exist is flagged as soon as the field is left.
    auto* dob = child<QLineEdit>(main, QStringLiteral("dateOfBirthEdit"));
    typeInto(dob, QStringLiteral("02/30/1985"));
    auto* dobMessage = child<QLabel>(main, QStringLiteral("dateOfBirthEditMessage"));
    QVERIFY(dobMessage);
    QTRY_VERIFY(dobMessage->isVisible());
    QCOMPARE(dobMessage->text(), QStringLiteral("Enter a date as MM/DD/YYYY."));
    // Saving with missing required fields flags them all and registers nothing.
    click(child<QPushButton>(main, QStringLiteral("savePatientButton")));
    QVERIFY(child<QLabel>(main, QStringLiteral("familyNameEditMessage"))->isVisible());
    QVERIFY(child<QLabel>(main, QStringLiteral("givenNameEditMessage"))->isVisible());
    QVERIFY(child<QLabel>(main, QStringLiteral("patientFormBanner"))->isVisible());
    screenshot(main, QStringLiteral("06-patient-form-invalid"));

    typeInto(family, QStringLiteral("Smithson"));
    QVERIFY(!child<QLabel>(main, QStringLiteral("familyNameEditMessage"))->isVisible());
    typeInto(child<QLineEdit>(main, QStringLiteral("givenNameEdit")), QStringLiteral("Johanna"));
    typeInto(dob, QStringLiteral("4/12/1985"));
    QTRY_VERIFY(!dobMessage->isVisible());
    QCOMPARE(dob->text(), QStringLiteral("04/12/1985"));
    auto* sex = child<QComboBox>(main, QStringLiteral("sexCombo"));
    sex->setFocus();
    QTest::keyClicks(sex, QStringLiteral("F"));
    QCOMPARE(sex->currentData().toString(), QStringLiteral("female"));
    typeInto(child<QLineEdit>(main, QStringLiteral("phoneMobileEdit")), QStringLiteral("217-555-0142"));
    typeInto(child<QLineEdit>(main, QStringLiteral("cityEdit")), QStringLiteral("Springfield"));
    typeInto(child<QLineEdit>(main, QStringLiteral("stateEdit")), QStringLiteral("il"));
    typeInto(child<QLineEdit>(main, QStringLiteral("zipEdit")), QStringLiteral("62704"));
    screenshot(main, QStringLiteral("07-patient-form-filled"));
    QTest::keyClick(family, Qt::Key_S, Qt::ControlModifier);

    auto* headerName = child<QLabel>(main, QStringLiteral("patientHeaderName"));
    QTRY_COMPARE(headerName->text(), QStringLiteral("Smithson, Johanna"));
    QVERIFY(child<QLabel>(main, QStringLiteral("patientHeaderDetails"))->text().contains(QStringLiteral("MRN")));
    screenshot(main, QStringLiteral("08-patient-registered"));
    {
        core::Session* session = m_controller->workspace().session();
        QVERIFY(session);
        auto count = core::PatientStore(*session).count();
        QVERIFY(count);
        QCOMPARE(*count, 1);
    }

    // Back to the list with Esc, then search as you type with part of the name.
    QTest::keyClick(family, Qt::Key_Escape);
    auto* search = child<QLineEdit>(main, QStringLiteral("patientSearch"));
    QTRY_VERIFY(search->isVisible());
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("smi jo"));
    auto* results = child<QTableView>(main, QStringLiteral("patientResults"));
    QTRY_COMPARE(results->model()->rowCount(), 1);
    QCOMPARE(results->model()->index(0, app::PatientSearchModel::Name).data().toString(),
             QStringLiteral("Smithson, Johanna"));
    QCOMPARE(results->model()->index(0, app::PatientSearchModel::Phone).data().toString(),
             QStringLiteral("(217) 555-0142"));
    screenshot(main, QStringLiteral("09-patient-search"));
    QTest::keyClicks(search, QStringLiteral("x"));
    QTRY_COMPARE(results->model()->rowCount(), 0);
    QTest::keyClick(search, Qt::Key_Backspace);
    QTRY_COMPARE(results->model()->rowCount(), 1);

    // Enter opens the highlighted patient.
    headerName->clear();
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(headerName->text(), QStringLiteral("Smithson, Johanna"));
    QTRY_VERIFY(family->isVisible());
    QCOMPARE(family->text(), QStringLiteral("Smithson"));
    QCOMPARE(child<QLineEdit>(main, QStringLiteral("phoneMobileEdit"))->text(), QStringLiteral("(217) 555-0142"));
}

void tst_Gui::duplicateWarningOpensExistingPatient()
{
    m_clinic = std::make_unique<TempClinic>();
    core::Patient existing;
    existing.familyName = "Nakamura";
    existing.givenName = "Kenji";
    existing.dateOfBirth = "1970-01-15";
    existing.sex = "male";
    auto created = core::PatientStore(m_clinic->admin()).create(existing);
    QVERIFY(created);
    QWidget* main = signIn(QStringLiteral("admin"), QString::fromLatin1(kAdminPassword));
    QVERIFY(main);
    QTest::keyClick(main, Qt::Key_N, Qt::ControlModifier);
    auto* family = child<QLineEdit>(main, QStringLiteral("familyNameEdit"));
    QTRY_VERIFY(family->isVisible());
    typeInto(family, QStringLiteral("Nakamura"));
    typeInto(child<QLineEdit>(main, QStringLiteral("givenNameEdit")), QStringLiteral("Kenji"));
    typeInto(child<QLineEdit>(main, QStringLiteral("dateOfBirthEdit")), QStringLiteral("01/15/1970"));
    auto* sex = child<QComboBox>(main, QStringLiteral("sexCombo"));
    sex->setFocus();
    QTest::keyClicks(sex, QStringLiteral("M"));

    bool sawDialog = false;
    whenModalOpens(QStringLiteral("duplicateDialog"), [&sawDialog](QWidget* dialog) {
        sawDialog = true;
        screenshot(dialog, QStringLiteral("10-duplicate-warning"));
        auto* table = child<QTableWidget>(dialog, QStringLiteral("duplicateTable"));
        if (table && table->rowCount() == 1)
            click(child<QPushButton>(dialog, QStringLiteral("openExistingButton")));
        else
            qobject_cast<QDialog*>(dialog)->reject();
    });
    click(child<QPushButton>(main, QStringLiteral("savePatientButton")));
    QTRY_VERIFY(sawDialog);
    auto* details = child<QLabel>(main, QStringLiteral("patientHeaderDetails"));
    QTRY_VERIFY(details->text().contains(QString::fromStdString(created->mrn)));
    auto count = core::PatientStore(*m_controller->workspace().session()).count();
    QVERIFY(count);
    QCOMPARE(*count, 1); // nothing new was registered
}

void tst_Gui::coverageCanBeAdded()
{
    m_clinic = std::make_unique<TempClinic>();
    core::Payer payer;
    payer.name = "Prairie Health Plan";
    payer.payerCode = "PHP01";
    QVERIFY(core::PayerStore(m_clinic->admin()).create(payer));
    core::Patient patient;
    patient.familyName = "Okafor";
    patient.givenName = "Ada";
    patient.dateOfBirth = "1990-06-01";
    patient.sex = "female";
    auto created = core::PatientStore(m_clinic->admin()).create(patient);
    QVERIFY(created);
    QWidget* main = signIn(QStringLiteral("admin"), QString::fromLatin1(kAdminPassword));
    QVERIFY(main);
    auto* search = child<QLineEdit>(main, QStringLiteral("patientSearch"));
    QTest::keyClicks(search, QStringLiteral("okafor"));
    auto* results = child<QTableView>(main, QStringLiteral("patientResults"));
    QTRY_COMPARE(results->model()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Return);
    auto* tabs = child<QTabWidget>(main, QStringLiteral("patientTabs"));
    QTRY_VERIFY(tabs->isVisible());
    tabs->setCurrentIndex(1);
    auto* table = child<QTableWidget>(main, QStringLiteral("coverageTable"));
    QCOMPARE(table->rowCount(), 0);

    whenModalOpens(QStringLiteral("coverageDialog"), [](QWidget* dialog) {
        auto* payers = child<QComboBox>(dialog, QStringLiteral("payerCombo"));
        payers->setCurrentIndex(payers->findText(QStringLiteral("Prairie"), Qt::MatchStartsWith));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("memberIdEdit")), QStringLiteral("XJ4471023"));
        typeInto(child<QLineEdit>(dialog, QStringLiteral("groupNumberEdit")), QStringLiteral("G-100"));
        screenshot(dialog, QStringLiteral("11-coverage-dialog"));
        click(child<QPushButton>(dialog, QStringLiteral("saveCoverageButton")));
        if (dialog->isVisible())
            qobject_cast<QDialog*>(dialog)->reject();
    });
    click(child<QPushButton>(main, QStringLiteral("addCoverageButton")));
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Prairie Health Plan"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("XJ4471023"));
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Primary"));
    screenshot(main, QStringLiteral("12-coverage-list"));
}

void tst_Gui::navigationFollowsTheRole()
{
    QWidget* main = signIn(QStringLiteral("admin"), QString::fromLatin1(kAdminPassword));
    QVERIFY(main);
    auto* nav = child<QListWidget>(main, QStringLiteral("navigation"));
    QCOMPARE(nav->count(), 6); // Patients, Users, Clinic settings, Schedule, Arrivals, Schedule setup
    nav->setCurrentRow(1);
    auto* users = child<QTableWidget>(main, QStringLiteral("userTable"));
    QTRY_VERIFY(users->isVisible());
    QCOMPARE(users->rowCount(), 1);
    screenshot(main, QStringLiteral("13-users"));
    QTest::keyClick(main, Qt::Key_3, Qt::ControlModifier);
    auto* clinicName = child<QLineEdit>(main, QStringLiteral("clinicNameEdit"));
    QTRY_VERIFY(clinicName->isVisible());
    QCOMPARE(clinicName->text(), QStringLiteral("Riverside Family Practice"));
    screenshot(main, QStringLiteral("14-clinic-settings"));
}

void tst_Gui::frontDeskCannotSeeAdminPages()
{
    m_clinic = std::make_unique<TempClinic>();
    QVERIFY(m_clinic->addAndLogin("frank", core::Role::FrontDesk));
    QWidget* main = signIn(QStringLiteral("frank"), QStringLiteral("user-password-1"));
    QVERIFY(main);
    QCOMPARE(child<QListWidget>(main, QStringLiteral("navigation"))->count(), 3); // Patients, Schedule, Arrivals
    QVERIFY(!child<QWidget>(main, QStringLiteral("usersPage")));
    QVERIFY(child<QPushButton>(main, QStringLiteral("newPatientButton"))->isVisible());
    QVERIFY(child<QLabel>(main, QStringLiteral("statusUser"))->text().contains(QStringLiteral("Front desk")));
}

void tst_Gui::everyRoleSignsIn_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("roleWords");
    QTest::newRow("clinician") << static_cast<int>(core::Role::Clinician) << QStringLiteral("Clinician");
    QTest::newRow("biller") << static_cast<int>(core::Role::Biller) << QStringLiteral("Biller");
    QTest::newRow("front desk") << static_cast<int>(core::Role::FrontDesk) << QStringLiteral("Front desk");
}

// Each role signs in through the sign-in dialog, sees its own role named, and none but the admin sees
// the Users page.
void tst_Gui::everyRoleSignsIn()
{
    QFETCH(int, role);
    QFETCH(QString, roleWords);
    m_clinic = std::make_unique<TempClinic>();
    QVERIFY(m_clinic->addAndLogin("casey", static_cast<core::Role>(role)));
    QWidget* main = signIn(QStringLiteral("casey"), QStringLiteral("user-password-1"));
    QVERIFY(main);
    QVERIFY(child<QLabel>(main, QStringLiteral("statusUser"))->text().contains(roleWords));
    QVERIFY(!child<QWidget>(main, QStringLiteral("usersPage")));
}

void tst_Gui::ctrlLLocksAndPasswordUnlocks()
{
    QWidget* main = signIn(QStringLiteral("admin"), QString::fromLatin1(kAdminPassword));
    QVERIFY(main);
    app::Workspace& ws = m_controller->workspace();
    QVERIFY(ws.session());
    QTest::keyClick(child<QWidget>(main, QStringLiteral("patientSearch")), Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(ws.isLocked());
    QVERIFY(ws.session() == nullptr); // the key went with the session
    auto* lockScreen = child<QWidget>(main, QStringLiteral("lockScreen"));
    QTRY_VERIFY(lockScreen->isVisible());
    QVERIFY(!child<QWidget>(main, QStringLiteral("patientSearch"))->isVisible());
    QCOMPARE(child<QLabel>(main, QStringLiteral("statusLock"))->text(), QStringLiteral("Locked"));

    auto* password = child<QLineEdit>(main, QStringLiteral("lockPassword"));
    typeInto(password, QStringLiteral("wrong-password"), false);
    QTest::keyClick(password, Qt::Key_Return);
    auto* error = child<QLabel>(main, QStringLiteral("lockError"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY(ws.isLocked());
    screenshot(main, QStringLiteral("15-locked"));

    typeInto(password, QString::fromLatin1(kAdminPassword), false);
    click(child<QPushButton>(main, QStringLiteral("unlockButton")));
    QTRY_VERIFY(!ws.isLocked());
    QVERIFY(ws.session());
    QTRY_VERIFY(child<QWidget>(main, QStringLiteral("patientSearch"))->isVisible());
    QCOMPARE(child<QLabel>(main, QStringLiteral("statusLock"))->text(), QStringLiteral("Unlocked"));
}

void tst_Gui::idleTimeLocks()
{
    QWidget* main = signIn(QStringLiteral("admin"), QString::fromLatin1(kAdminPassword), 400);
    QVERIFY(main);
    QVERIFY(!m_controller->workspace().isLocked());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->workspace().isLocked(), 5000);
    QVERIFY(child<QWidget>(main, QStringLiteral("lockScreen"))->isVisible());
}

void tst_Gui::lockScreenSwitchesUser()
{
    m_clinic = std::make_unique<TempClinic>();
    QVERIFY(m_clinic->addAndLogin("bella", core::Role::Biller));
    QWidget* main = signIn(QStringLiteral("admin"), QString::fromLatin1(kAdminPassword));
    QVERIFY(main);
    m_controller->workspace().lock();
    QTRY_VERIFY(child<QWidget>(main, QStringLiteral("lockScreen"))->isVisible());
    click(child<QPushButton>(main, QStringLiteral("switchUserButton")));
    QWidget* login = waitForTopLevel(QStringLiteral("loginDialog"));
    QVERIFY(login);
    typeInto(child<QLineEdit>(login, QStringLiteral("loginUsername")), QStringLiteral("bella"));
    typeInto(child<QLineEdit>(login, QStringLiteral("loginPassword")), QStringLiteral("user-password-1"));
    click(child<QPushButton>(login, QStringLiteral("loginButton")));
    QTRY_VERIFY(m_controller->mainWindow() && m_controller->mainWindow() != main);
    QWidget* billerWindow = m_controller->mainWindow();
    QTRY_VERIFY(billerWindow->isVisible());
    QCOMPARE(m_controller->workspace().actor().username, std::string("bella"));
    QCOMPARE(child<QListWidget>(billerWindow, QStringLiteral("navigation"))->count(), 3); // Billing, Patients, Schedule
    QCOMPARE(child<QListWidget>(billerWindow, QStringLiteral("navigation"))->item(0)->text(),
             QStringLiteral("Billing"));
    QVERIFY(!child<QPushButton>(billerWindow, QStringLiteral("newPatientButton"))->isVisible());
}

void tst_Gui::demoClinicFromTheWizard()
{
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("demo.db"));
    m_controller = std::make_unique<app::AppController>(configFor(dbPath.toStdString()));
    m_controller->start();
    auto* wizard = qobject_cast<QWizard*>(waitForTopLevel(QStringLiteral("firstStartWizard")));
    QVERIFY(wizard);
    child<QRadioButton>(wizard, QStringLiteral("demoClinicChoice"))->setChecked(true);
    click(child<QPushButton>(wizard, QStringLiteral("wizardNextButton")));
    QCOMPARE(wizard->currentId(), int(app::FirstStartWizard::DemoPage));
    screenshot(wizard, QStringLiteral("15b-wizard-demo"));
    auto* finish = child<QPushButton>(wizard, QStringLiteral("wizardFinishButton"));
    QTRY_VERIFY(finish->isVisible());
    click(finish);
    QWidget* main = waitForTopLevel(QStringLiteral("mainWindow"), 60000);
    QVERIFY(main);
    QWidget* logins = waitForTopLevel(QStringLiteral("demoLoginsDialog"));
    QVERIFY(logins);
    QVERIFY(child<QTableWidget>(logins, QStringLiteral("demoLoginsTable"))->rowCount() >= 4);
    screenshot(logins, QStringLiteral("16-demo-logins"));
    click(child<QPushButton>(logins, QStringLiteral("demoLoginsOkButton")));
    auto count = core::PatientStore(*m_controller->workspace().session()).count();
    QVERIFY(count);
    QVERIFY(*count > 0);
}

QTEST_MAIN(tst_Gui)
#include "tst_gui.moc"
