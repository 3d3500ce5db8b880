// Sets a new password for a user (an admin resetting someone's, or anyone changing their own).
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace practica::app {

class Workspace;

class PasswordDialog : public QDialog
{
    Q_OBJECT

public:
    // An admin's reset of another user's password.
    PasswordDialog(Workspace& workspace, const QString& username, const QString& displayName,
                   QWidget* parent = nullptr);
    // The signed-in user's own change, which asks for the current password first.
    // afterReset: an administrator reset it, and the user must choose their own before working.
    static PasswordDialog* forOwnPassword(Workspace& workspace, QWidget* parent = nullptr, bool afterReset = false);

private:
    PasswordDialog(Workspace& workspace, const QString& username, const QString& displayName, QWidget* parent,
                   bool own);
    void save();
    Workspace& m_workspace;
    QString m_username;
    QLineEdit* m_current = nullptr; // only when changing one's own password
    QLineEdit* m_password;
    QLineEdit* m_confirm;
    QLabel* m_error;
};

} // namespace practica::app
