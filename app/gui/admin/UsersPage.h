// Administrators manage who may use this workstation: list, add, reset a password, change a role, deactivate.
#pragma once

#include "core/model/User.h"

#include <QWidget>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace practica::app {

class Workspace;

class UsersPage : public QWidget
{
    Q_OBJECT

public:
    explicit UsersPage(Workspace& workspace, QWidget* parent = nullptr);
    void refresh();

private:
    void addUser();
    void resetPassword();
    void changeRole();
    void deactivate();
    void removeSecondFactor();
    void updateButtons();
    void showResult(const QString& text, bool error);
    const core::User* selected() const;

    Workspace& m_workspace;
    std::vector<core::User> m_users;
    QTableWidget* m_table;
    QLabel* m_message;
    QPushButton* m_add;
    QPushButton* m_reset;
    QPushButton* m_role;
    QPushButton* m_deactivate;
    QPushButton* m_removeSecondFactor;
};

} // namespace practica::app
