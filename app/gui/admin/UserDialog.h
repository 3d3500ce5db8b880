// Adds a user account with a role and a first password (admins only).
#pragma once

#include "app/gui/common/FieldMessages.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace practica::app {

class Workspace;

class UserDialog : public QDialog
{
    Q_OBJECT

public:
    explicit UserDialog(Workspace& workspace, QWidget* parent = nullptr);

private:
    void save();
    Workspace& m_workspace;
    QLineEdit* m_username;
    QLineEdit* m_displayName;
    QComboBox* m_role;
    QLineEdit* m_password;
    QLineEdit* m_confirm;
    QLabel* m_error;
    FieldMessages m_messages;
};

} // namespace practica::app
