// Decides what the user sees from start to quit: the first-start wizard or the sign-in, then the main
// window; locks on idle or Ctrl+L, and rebuilds the main window when another user signs in.
#pragma once

#include "AppConfig.h"
#include "IdleWatcher.h"
#include "Workspace.h"

#include <QObject>
#include <QPointer>

namespace practica::app {

class FirstStartWizard;
class LoginDialog;
class MainWindow;

class AppController : public QObject
{
    Q_OBJECT

public:
    explicit AppController(AppConfig config, QObject* parent = nullptr);
    ~AppController() override;

    // Shows the wizard when there is no database at the path, otherwise the sign-in.
    void start();
    Workspace& workspace() { return m_workspace; }
    MainWindow* mainWindow() const;
    LoginDialog* loginDialog() const;
    FirstStartWizard* wizard() const;

Q_SIGNALS:
    // The user quit from the wizard or the sign-in before any main window existed.
    void finished();

private:
    void showWizard();
    void showLogin(const QString& username = {});
    void openMainWindow();
    void switchUser();

    Workspace m_workspace;
    IdleWatcher m_idle;
    QPointer<MainWindow> m_main;
    QPointer<LoginDialog> m_login;
    QPointer<FirstStartWizard> m_wizard;
};

} // namespace practica::app
