#include "AppController.h"

#include "MainWindow.h"
#include "app/gui/admin/PasswordDialog.h"
#include "app/gui/common/UiText.h"
#include "app/gui/start/DemoLoginsDialog.h"
#include "app/gui/start/FirstStartWizard.h"
#include "app/gui/start/LoginDialog.h"
#include "app/gui/start/SecondFactorDialog.h"

#include <QFileInfo>
#include <memory>

namespace practica::app {

AppController::AppController(AppConfig config, QObject* parent)
    : QObject(parent), m_workspace(std::move(config)), m_idle(m_workspace.config().idleLockMs)
{
    connect(&m_idle, &IdleWatcher::idle, &m_workspace, &Workspace::lock);
    connect(&m_workspace, &Workspace::lockChanged, this, [this](bool locked) { m_idle.setActive(!locked); });
}

AppController::~AppController()
{
    delete m_main;
    delete m_login;
    delete m_wizard;
}

MainWindow* AppController::mainWindow() const
{
    return m_main;
}
LoginDialog* AppController::loginDialog() const
{
    return m_login;
}
FirstStartWizard* AppController::wizard() const
{
    return m_wizard;
}

void AppController::start()
{
    if (QFileInfo::exists(m_workspace.config().databasePath))
        showLogin();
    else
        showWizard();
}

void AppController::showWizard()
{
    m_wizard = new FirstStartWizard(m_workspace);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QDialog::accepted, this, [this] {
        const auto logins = m_wizard->demoLogins();
        m_workspace.open(m_wizard->takeSession());
        openMainWindow();
        if (!logins.empty()) {
            auto* dialog = new DemoLoginsDialog(logins, m_main);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
    });
    connect(m_wizard, &QDialog::rejected, this, &AppController::finished);
    m_wizard->show();
}

void AppController::showLogin(const QString& username)
{
    m_login = new LoginDialog(m_workspace);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    m_login->setUsername(username);
    connect(m_login, &QDialog::accepted, this, [this] {
        auto signedIn = m_login->takeSession();
        if (signedIn && !SecondFactorDialog::complete(*signedIn, nullptr)) {
            showLogin(qs(signedIn->actor().username)); // no second step, no session
            return;
        }
        m_workspace.open(std::move(signedIn));
        core::Session* session = m_workspace.session();
        if (session && session->mustChangePassword()) {
            // An administrator reset this password: a new one first, or back to the sign-in.
            std::unique_ptr<PasswordDialog> change(PasswordDialog::forOwnPassword(m_workspace, nullptr, true));
            if (change->exec() != QDialog::Accepted) {
                m_workspace.lock();
                showLogin(qs(m_workspace.actor().username));
                return;
            }
        }
        openMainWindow();
    });
    connect(m_login, &QDialog::rejected, this, &AppController::finished);
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
}

void AppController::openMainWindow()
{
    delete m_main;
    m_main = new MainWindow(m_workspace);
    connect(m_main, &MainWindow::switchUserRequested, this, &AppController::switchUser);
    m_idle.setActive(!m_workspace.isLocked());
    m_main->show();
    m_main->raise();
    m_main->activateWindow();
}

void AppController::switchUser()
{
    m_workspace.lock();
    showLogin();
    if (m_main) {
        m_main->hide();
        m_main->deleteLater();
    }
}

} // namespace practica::app
