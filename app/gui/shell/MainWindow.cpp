#include "MainWindow.h"

#include "LockScreen.h"
#include "Workspace.h"
#include "app/gui/admin/ClinicSettingsPage.h"
#include "app/gui/admin/PasswordDialog.h"
#include "app/gui/admin/TotpEnrolDialog.h"
#include "app/gui/admin/UsersPage.h"
#include "app/gui/billing/BillingPage.h"
#include "app/gui/chart/MyDayPage.h"
#include "app/gui/common/UiText.h"
#include "app/gui/patients/PatientsPage.h"
#include "app/gui/schedule/ArrivalsPage.h"
#include "app/gui/schedule/SchedulePage.h"
#include "app/gui/schedule/ScheduleSetupPage.h"
#include "app/gui/sync/ConflictsDialog.h"
#include "app/gui/sync/ConnectServerDialog.h"
#include "app/gui/sync/ParkedChangesDialog.h"
#include "app/gui/sync/SyncController.h"
#include "app/gui/sync/SyncStatusWidget.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace practica::app {

MainWindow::MainWindow(Workspace& workspace, QWidget* parent) : QMainWindow(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/practica.svg")));
    setAttribute(Qt::WA_DeleteOnClose, false);

    auto* work = new QWidget;
    work->setObjectName(QStringLiteral("workArea"));
    auto* workLayout = new QHBoxLayout(work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    workLayout->setSpacing(0);
    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("pages"));
    workLayout->addWidget(buildSidebar());
    workLayout->addWidget(m_pages, 1);

    // A clinician's day comes first: today's patients and their own unsigned notes.
    if (workspace.can(core::Permission::ClinicalWrite)) {
        m_myDay = new MyDayPage(workspace);
        addPage(QStringLiteral(":/icons/nav-arrivals.svg"), tr("My day"), m_myDay);
    }
    // A biller's work comes first: visits to bill and claims to send.
    if (workspace.can(core::Permission::BillingWrite)) {
        m_billing = new BillingPage(workspace);
        addPage(QStringLiteral(":/icons/nav-clinic.svg"), tr("Billing"), m_billing);
    }
    m_patients = new PatientsPage(workspace);
    addPage(QStringLiteral(":/icons/nav-patients.svg"), tr("Patients"), m_patients);
    if (workspace.can(core::Permission::UserManage)) {
        m_users = new UsersPage(workspace);
        addPage(QStringLiteral(":/icons/nav-users.svg"), tr("Users"), m_users);
    }
    if (workspace.can(core::Permission::ClinicManage)) {
        m_clinic = new ClinicSettingsPage(workspace);
        addPage(QStringLiteral(":/icons/nav-clinic.svg"), tr("Clinic settings"), m_clinic);
    }
    if (workspace.can(core::Permission::ScheduleRead)) {
        m_schedule = new SchedulePage(workspace);
        addPage(QStringLiteral(":/icons/nav-schedule.svg"), tr("Schedule"), m_schedule);
    }
    if (workspace.can(core::Permission::ScheduleWrite) || workspace.can(core::Permission::ClinicalRead)) {
        m_arrivals = new ArrivalsPage(workspace);
        addPage(QStringLiteral(":/icons/nav-arrivals.svg"), tr("Arrivals"), m_arrivals);
    }
    if (workspace.can(core::Permission::ScheduleSetup)) {
        m_scheduleSetup = new ScheduleSetupPage(workspace);
        addPage(QStringLiteral(":/icons/nav-schedule-setup.svg"), tr("Schedule setup"), m_scheduleSetup);
    }

    m_lockScreen = new LockScreen(workspace);
    m_root = new QStackedWidget;
    m_root->addWidget(work);
    m_root->addWidget(m_lockScreen);
    setCentralWidget(m_root);

    m_statusUser = new QLabel;
    m_statusUser->setObjectName(QStringLiteral("statusUser"));
    m_statusClinic = new QLabel;
    m_statusClinic->setObjectName(QStringLiteral("statusClinic"));
    m_statusLock = new QLabel;
    m_statusLock->setObjectName(QStringLiteral("statusLock"));
    m_syncStatus = new SyncStatusWidget(workspace.can(core::Permission::DatabaseAdmin));
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->addPermanentWidget(m_statusClinic);
    statusBar()->addPermanentWidget(m_statusUser);
    statusBar()->addPermanentWidget(m_statusLock);
    buildMenus();

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::goToPage);
    connect(&workspace, &Workspace::lockChanged, this, &MainWindow::showLocked);
    connect(&workspace, &Workspace::clinicChanged, this, &MainWindow::updateStatus);
    connect(m_lockScreen, &LockScreen::switchUserRequested, this, &MainWindow::switchUserRequested);
    SyncController& sync = workspace.sync();
    connect(&sync, &SyncController::stateChanged, m_syncStatus, &SyncStatusWidget::showState);
    connect(&sync, &SyncController::recordsChanged, this, &MainWindow::refreshAfterSync);
    connect(m_syncStatus, &SyncStatusWidget::conflictsRequested, this, &MainWindow::showConflicts);
    connect(m_syncStatus, &SyncStatusWidget::parkedRequested, this, &MainWindow::showParked);
    connect(m_syncStatus, &SyncStatusWidget::syncNowRequested, this, &MainWindow::syncNow);
    connect(m_syncStatus, &SyncStatusWidget::cancelRequested, &sync, &SyncController::cancel);
    connect(m_syncStatus, &SyncStatusWidget::connectRequested, this, &MainWindow::connectToSyncServer);
    m_syncStatus->showState(sync.state());
    auto showStatus = [this](const QString& text) { statusBar()->showMessage(text, 6000); };
    connect(&sync, &SyncController::changesRedirected, this, [this](int count) {
        // Another desk merged the patient these changes named; the server moved them to the survivor.
        statusBar()->showMessage(tr("%n change(s) moved to a merged patient's surviving record", nullptr, count),
                                 15000);
    });
    connect(m_patients, &PatientsPage::statusMessage, this, showStatus);
    if (m_myDay)
        connect(m_myDay, &MyDayPage::statusMessage, this, showStatus);
    if (m_billing)
        connect(m_billing, &BillingPage::statusMessage, this, showStatus);
    if (m_schedule)
        connect(m_schedule, &SchedulePage::statusMessage, this, showStatus);
    if (m_arrivals)
        connect(m_arrivals, &ArrivalsPage::statusMessage, this, showStatus);

    m_navigation->setCurrentRow(0);
    updateStatus();
    showLocked(workspace.isLocked());
    resize(1280, 820);
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildSidebar()
{
    auto* sidebar = new QWidget;
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setAttribute(Qt::WA_StyledBackground);
    sidebar->setFixedWidth(220);

    auto* logo = new QLabel;
    logo->setPixmap(QIcon(QStringLiteral(":/icons/practica.svg")).pixmap(QSize(32, 32)));
    auto* name = new QLabel(tr("Practica"));
    name->setObjectName(QStringLiteral("sidebarTitle"));
    auto* brand = new QHBoxLayout;
    brand->setSpacing(10);
    brand->addWidget(logo);
    brand->addWidget(name, 1);
    m_sidebarClinic = new QLabel;
    m_sidebarClinic->setObjectName(QStringLiteral("sidebarClinic"));
    m_sidebarClinic->setWordWrap(true);

    m_navigation = new QListWidget;
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setAccessibleName(tr("Navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);

    m_sidebarUser = new QLabel;
    m_sidebarUser->setObjectName(QStringLiteral("sidebarUser"));
    m_sidebarUser->setWordWrap(true);
    auto* lock = new QPushButton(QIcon(QStringLiteral(":/icons/nav-lock.svg")), tr("Lock"));
    lock->setObjectName(QStringLiteral("sidebarLockButton"));
    lock->setToolTip(tr("Lock the workstation (Ctrl+L)"));
    connect(lock, &QPushButton::clicked, &m_workspace, &Workspace::lock);

    auto* layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(14, 16, 14, 14);
    layout->setSpacing(8);
    layout->addLayout(brand);
    layout->addWidget(m_sidebarClinic);
    layout->addSpacing(12);
    layout->addWidget(m_navigation, 1);
    layout->addWidget(m_sidebarUser);
    layout->addWidget(lock);
    return sidebar;
}

void MainWindow::addPage(const QString& iconPath, const QString& title, QWidget* page)
{
    m_pages->addWidget(page);
    auto* item = new QListWidgetItem(QIcon(iconPath), title, m_navigation);
    item->setSizeHint(QSize(0, 40));
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* lock = file->addAction(QIcon(QStringLiteral(":/icons/lock.svg")), tr("&Lock"));
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(tr("Ctrl+L")));
    lock->setShortcutContext(Qt::ApplicationShortcut);
    connect(lock, &QAction::triggered, &m_workspace, &Workspace::lock);
    QAction* changePassword = file->addAction(tr("Change my &password…"));
    changePassword->setObjectName(QStringLiteral("changePasswordAction"));
    connect(changePassword, &QAction::triggered, this, [this] {
        PasswordDialog* dialog = PasswordDialog::forOwnPassword(m_workspace, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (dialog->exec() == QDialog::Accepted)
            statusBar()->showMessage(tr("Your password was changed."), 6000);
    });
    QAction* twoStep = file->addAction(tr("Two-step sign-&in…"));
    twoStep->setObjectName(QStringLiteral("twoStepSignInAction"));
    connect(twoStep, &QAction::triggered, this, [this] {
        if (core::Session* session = m_workspace.session())
            TotpEnrolDialog::manageOwn(*session, this);
    });
    QAction* switchUser = file->addAction(tr("S&witch user…"));
    switchUser->setObjectName(QStringLiteral("switchUserAction"));
    connect(switchUser, &QAction::triggered, this, &MainWindow::switchUserRequested);
    buildSyncMenu(file);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    m_sessionActions << lock;

    QMenu* patients = menuBar()->addMenu(tr("&Patients"));
    QAction* newPatient = patients->addAction(QIcon(QStringLiteral(":/icons/add.svg")), tr("&New patient"));
    newPatient->setObjectName(QStringLiteral("newPatientAction"));
    newPatient->setShortcut(QKeySequence::New);
    QAction* find = patients->addAction(QIcon(QStringLiteral(":/icons/search.svg")), tr("&Find patient"));
    find->setObjectName(QStringLiteral("findPatientAction"));
    find->setShortcut(QKeySequence::Find);
    newPatient->setEnabled(m_workspace.can(core::Permission::PatientWrite));
    auto showPatients = [this] { m_navigation->setCurrentRow(m_pages->indexOf(m_patients)); };
    connect(newPatient, &QAction::triggered, this, [this, showPatients] {
        showPatients();
        m_patients->newPatient();
    });
    connect(find, &QAction::triggered, this, [this, showPatients] {
        showPatients();
        m_patients->focusSearch();
    });
    m_sessionActions << find;
    if (newPatient->isEnabled())
        m_sessionActions << newPatient;

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_navigation->count(); ++i) {
        QAction* page = go->addAction(m_navigation->item(i)->text());
        page->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(page, &QAction::triggered, this, [this, i] { m_navigation->setCurrentRow(i); });
        m_sessionActions << page;
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard shortcuts"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(help->addAction(tr("&About Practica")), &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::buildSyncMenu(QMenu* file)
{
    file->addSeparator();
    QAction* syncNow = file->addAction(tr("Sync &now"));
    syncNow->setObjectName(QStringLiteral("syncNowAction"));
    syncNow->setShortcut(QKeySequence(Qt::Key_F9));
    syncNow->setShortcutContext(Qt::ApplicationShortcut);
    connect(syncNow, &QAction::triggered, this, &MainWindow::syncNow);
    QAction* conflicts = file->addAction(QIcon(QStringLiteral(":/icons/warning.svg")), tr("Sync &conflicts…"));
    conflicts->setObjectName(QStringLiteral("syncConflictsAction"));
    connect(conflicts, &QAction::triggered, this, &MainWindow::showConflicts);
    QAction* parked = file->addAction(tr("Changes not &merged…"));
    parked->setObjectName(QStringLiteral("syncParkedAction"));
    connect(parked, &QAction::triggered, this, &MainWindow::showParked);
    m_sessionActions << syncNow << conflicts << parked;
    if (m_workspace.can(core::Permission::DatabaseAdmin)) {
        QAction* connectServer = file->addAction(tr("Connect to sync &server…"));
        connectServer->setObjectName(QStringLiteral("connectServerAction"));
        connect(connectServer, &QAction::triggered, this, &MainWindow::connectToSyncServer);
        m_sessionActions << connectServer;
    }
}

void MainWindow::syncNow()
{
    if (m_workspace.isLocked())
        return;
    if (!m_workspace.sync().isConnected()) {
        if (m_workspace.can(core::Permission::DatabaseAdmin))
            connectToSyncServer();
        else
            statusBar()->showMessage(tr("This workstation is not connected to a sync server. Ask an administrator "
                                        "to connect it."),
                                     8000);
        return;
    }
    m_workspace.sync().syncNow();
}

void MainWindow::showConflicts()
{
    if (m_workspace.isLocked())
        return;
    if (!m_conflicts) {
        m_conflicts = new ConflictsDialog(m_workspace, this);
        m_conflicts->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_conflicts->reload();
    }
    m_conflicts->show();
    m_conflicts->raise();
    m_conflicts->activateWindow();
}

void MainWindow::showParked()
{
    if (m_workspace.isLocked())
        return;
    if (!m_parked) {
        m_parked = new ParkedChangesDialog(m_workspace, this);
        m_parked->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_parked->reload();
    }
    m_parked->show();
    m_parked->raise();
    m_parked->activateWindow();
}

void MainWindow::connectToSyncServer()
{
    if (m_workspace.isLocked() || !m_workspace.can(core::Permission::DatabaseAdmin))
        return;
    ConnectServerDialog dialog(m_workspace, this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Connected to the sync server. The first sync has started."), 8000);
}

void MainWindow::refreshAfterSync()
{
    if (m_workspace.isLocked())
        return;
    if (QApplication::mouseButtons() != Qt::NoButton) {
        // Not under a drag on the schedule: try again once the button is up.
        QTimer::singleShot(1000, this, &MainWindow::refreshAfterSync);
        return;
    }
    m_workspace.refreshClinic();
    QWidget* page = m_pages->currentWidget();
    if (page == m_patients)
        m_patients->refreshList();
    else if (page == m_schedule)
        m_schedule->refresh();
    else if (page == m_myDay)
        m_myDay->refresh();
    else if (page == m_billing)
        m_billing->refresh();
    else if (page == m_arrivals)
        m_arrivals->refresh();
    else if (page == m_users)
        m_users->refresh();
}

void MainWindow::goToPage(int index)
{
    if (index < 0 || index >= m_pages->count())
        return;
    m_pages->setCurrentIndex(index);
    QWidget* page = m_pages->currentWidget();
    if (page == m_users)
        m_users->refresh();
    else if (page == m_clinic)
        m_clinic->refresh();
    else if (page == m_patients)
        m_patients->focusSearch();
    else if (page == m_schedule)
        m_schedule->refresh();
    else if (page == m_myDay)
        m_myDay->refresh();
    else if (page == m_billing)
        m_billing->refresh();
    else if (page == m_arrivals)
        m_arrivals->refresh();
    else if (page == m_scheduleSetup)
        m_scheduleSetup->refresh();
}

void MainWindow::showLocked(bool locked)
{
    for (QAction* a : m_sessionActions)
        a->setEnabled(!locked);
    m_root->setCurrentIndex(locked ? 1 : 0);
    if (locked) {
        m_lockScreen->prepare();
    } else {
        goToPage(m_pages->currentIndex());
    }
    updateStatus();
}

void MainWindow::updateStatus()
{
    const core::Actor& actor = m_workspace.actor();
    const QString who = tr("%1 · %2").arg(qs(actor.displayName), UiText::role(actor.role));
    m_statusUser->setText(who);
    m_sidebarUser->setText(who);
    m_statusClinic->setText(m_workspace.clinicName());
    m_sidebarClinic->setText(m_workspace.clinicName());
    m_statusLock->setText(m_workspace.isLocked() ? tr("Locked") : tr("Unlocked"));
    setWindowTitle(m_workspace.isLocked() ? tr("Practica — Locked")
                                          : tr("%1 — Practica").arg(m_workspace.clinicName()));
}

void MainWindow::showShortcuts()
{
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("shortcutsDialog"));
    box.setWindowTitle(tr("Keyboard shortcuts"));
    box.setText(tr("<table cellpadding='3'>"
                   "<tr><td><b>Ctrl+F</b></td><td>Find a patient</td></tr>"
                   "<tr><td><b>Ctrl+N</b></td><td>Register a new patient</td></tr>"
                   "<tr><td><b>Ctrl+S</b></td><td>Save the open patient</td></tr>"
                   "<tr><td><b>Enter</b></td><td>Open the selected patient</td></tr>"
                   "<tr><td><b>Esc</b></td><td>Back to the patient list</td></tr>"
                   "<tr><td><b>Ctrl+1 … 6</b></td><td>The pages in the sidebar, in order</td></tr>"
                   "<tr><td><b>Arrows, Enter</b></td><td>Schedule: move the selection; book or open it</td></tr>"
                   "<tr><td><b>Alt+Left, Alt+Right</b></td><td>Schedule: previous or next day</td></tr>"
                   "<tr><td><b>Ctrl+Z</b></td><td>Schedule: undo the last move</td></tr>"
                   "<tr><td><b>I, R, O</b></td><td>Arrivals: check in, in room, check out</td></tr>"
                   "<tr><td><b>F9</b></td><td>Sync with the clinic's server now</td></tr>"
                   "<tr><td><b>Ctrl+L</b></td><td>Lock the workstation</td></tr>"
                   "</table>"));
    box.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Practica"),
                       tr("<b>Practica %1</b><br>Practice management for outpatient clinics.<br>"
                          "Records are stored encrypted on this computer.")
                           .arg(QApplication::applicationVersion()));
}

} // namespace practica::app
