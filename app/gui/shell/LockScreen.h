// Shown in place of the work while the workstation is locked: the same user's password unlocks it.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace practica::app {

class SignInTask;
class Workspace;

class LockScreen : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(Workspace& workspace, QWidget* parent = nullptr);
    // Clears the password and names the user who must unlock.
    void prepare();

Q_SIGNALS:
    void unlocked();
    void switchUserRequested();

private:
    void unlock();
    void unlockFinished();
    void setBusy(bool busy);
    Workspace& m_workspace;
    QLabel* m_reason = nullptr;
    QLabel* m_who;
    QLineEdit* m_password;
    QLabel* m_error;
    QPushButton* m_unlock;
    QWidget* m_busy;
    SignInTask* m_task;
};

} // namespace practica::app
