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
    PasswordDialog(Workspace& workspace, const QString& username, const QString& displayName,
                   QWidget* parent = nullptr);

private:
    void save();
    Workspace& m_workspace;
    QString m_username;
    QLineEdit* m_password;
    QLineEdit* m_confirm;
    QLabel* m_error;
};

} // namespace practica::app
