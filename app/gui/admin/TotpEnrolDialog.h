// Sets up two-step sign-in for the signed-in user: shows the authenticator key as a QR code and as
// text, saves it once a first code from the app confirms it, then shows the recovery codes once.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace practica::core {
class Session;
}

namespace practica::app {

class TotpEnrolDialog : public QDialog
{
    Q_OBJECT

public:
    // required: the clinic requires two-step sign-in and the user has none yet (at sign-in).
    explicit TotpEnrolDialog(core::Session& session, bool required = false, QWidget* parent = nullptr);

    // File › Two-step sign-in…: sets it up, or offers to set up a new phone or turn it off.
    static void manageOwn(core::Session& session, QWidget* parent);

private:
    void begin();
    void confirm();
    void showError(const QString& text);

    core::Session& m_session;
    QStackedWidget* m_pages;
    QLabel* m_qr;
    QLabel* m_secret;
    QLineEdit* m_code;
    QLabel* m_error;
    QPushButton* m_confirm;
    QPlainTextEdit* m_recovery;
};

} // namespace practica::app
