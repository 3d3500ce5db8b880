// Sign-in: a user name and password unlock the workstation's database; each failure gets one clear sentence.
#pragma once

#include "core/auth/Session.h"

#include <QDialog>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace practica::app {

class SignInTask;
class Workspace;

class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(Workspace& workspace, QWidget* parent = nullptr);
    ~LoginDialog() override;

    void setUsername(const QString& username);
    // The unlocked session after the dialog was accepted.
    std::unique_ptr<core::Session> takeSession() { return std::move(m_session); }

    // Closing is refused while a sign-in is under way (it ends within a second).
    void reject() override;

private:
    void signIn();
    void signInFinished();
    void setBusy(bool busy);
    void showError(const QString& text);

    Workspace& m_workspace;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QLabel* m_error;
    QPushButton* m_signIn;
    QPushButton* m_quit;
    QWidget* m_busy;
    SignInTask* m_task;
    std::unique_ptr<core::Session> m_session;
};

} // namespace practica::app
