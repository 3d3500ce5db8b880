// Asks for the code from the user's authenticator app (or a recovery code) after their password
// opened the database, before the session is used.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace practica::core {
class Session;
}

namespace practica::app {

class SecondFactorDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SecondFactorDialog(core::Session& session, QWidget* parent = nullptr);

    // Whatever the session still owes: this dialog for a code, the set-up dialog when the clinic requires
    // two-step sign-in the user has not set up. False when the user cancelled (sign in again).
    static bool complete(core::Session& session, QWidget* parent);

private:
    void verify();

    core::Session& m_session;
    QLineEdit* m_code;
    QLabel* m_error;
};

} // namespace practica::app
