// Sign-in: a user name and password unlock the workstation's database; each failure gets one clear sentence.
#pragma once

#include "core/auth/Session.h"

#include <QDialog>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace practica::app {

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

private:
    void signIn();
    void showError(const QString& text);

    Workspace& m_workspace;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QLabel* m_error;
    QPushButton* m_signIn;
    std::unique_ptr<core::Session> m_session;
};

} // namespace practica::app
