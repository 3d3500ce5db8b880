// Assembles the screens: a role-aware sidebar, the page stack, menus with shortcuts, the status bar,
// and the lock screen that covers everything while the workstation is locked.
#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QMenu;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace practica::app {

class ArrivalsPage;
class ClinicSettingsPage;
class ConflictsDialog;
class ParkedChangesDialog;
class LockScreen;
class MyDayPage;
class BillingPage;
class PatientsPage;
class SchedulePage;
class ScheduleSetupPage;
class SyncStatusWidget;
class UsersPage;
class Workspace;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Workspace& workspace, QWidget* parent = nullptr);
    ~MainWindow() override;

    PatientsPage* patientsPage() const { return m_patients; }
    MyDayPage* myDayPage() const { return m_myDay; }
    SchedulePage* schedulePage() const { return m_schedule; }
    ArrivalsPage* arrivalsPage() const { return m_arrivals; }
    SyncStatusWidget* syncStatus() const { return m_syncStatus; }
    // Opens (or raises) the list of changes the sync server refused.
    void showConflicts();
    void showParked();
    void syncNow();
    void connectToSyncServer();

Q_SIGNALS:
    void switchUserRequested();

private:
    QWidget* buildSidebar();
    void buildMenus();
    void addPage(const QString& iconPath, const QString& title, QWidget* page);
    void goToPage(int index);
    void showLocked(bool locked);
    void updateStatus();
    void showShortcuts();
    void showAbout();
    void buildSyncMenu(QMenu* file);
    // Pulled changes arrived: the lists on screen read them again (forms being edited are left alone).
    void refreshAfterSync();

    Workspace& m_workspace;
    QStackedWidget* m_root;
    QStackedWidget* m_pages;
    QListWidget* m_navigation;
    LockScreen* m_lockScreen;
    PatientsPage* m_patients = nullptr;
    MyDayPage* m_myDay = nullptr;
    BillingPage* m_billing = nullptr;
    UsersPage* m_users = nullptr;
    ClinicSettingsPage* m_clinic = nullptr;
    SchedulePage* m_schedule = nullptr;
    ArrivalsPage* m_arrivals = nullptr;
    ScheduleSetupPage* m_scheduleSetup = nullptr;
    QLabel* m_statusUser;
    QLabel* m_statusClinic;
    QLabel* m_statusLock;
    SyncStatusWidget* m_syncStatus;
    QPointer<ConflictsDialog> m_conflicts;
    QPointer<ParkedChangesDialog> m_parked;
    QLabel* m_sidebarUser;
    QLabel* m_sidebarClinic;
    QList<QAction*> m_sessionActions; // disabled while locked
};

} // namespace practica::app
