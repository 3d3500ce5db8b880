// A sign-in off the GUI thread: Vault::unlock spends about half a second in Argon2id, and the window
// keeps painting (and shows that it is busy) meanwhile. finished() comes back on the GUI thread.
#pragma once

#include "core/Error.h"
#include "core/auth/Session.h"
#include "core/util/Clock.h"

#include <QObject>
#include <QString>
#include <memory>
#include <string>

class QLineEdit;
class QWidget;
class QThread;

namespace practica::app {

// Empties a password field and overwrites the characters it held, where Qt lets us: the field's text is
// cleared first so that the copy taken here is the characters' last owner, then zeroed.
void wipePasswordField(QLineEdit* field);

// Shown while a password is checked (about half a second): a sentence and a moving bar; hidden at first.
QWidget* signInBusyIndicator(const QString& objectName, const QString& text);

class SignInTask : public QObject
{
    Q_OBJECT

public:
    explicit SignInTask(QObject* parent = nullptr);
    ~SignInTask() override; // waits for a sign-in under way

    // Unlocks the database as username; the password is copied and wiped once used.
    void start(const std::string& databasePath, const std::string& username, const QString& password,
               const core::Clock& clock);
    bool running() const { return m_thread != nullptr; }
    // The outcome, once finished() was emitted.
    core::Result<std::unique_ptr<core::Session>> take() { return std::move(m_result); }

Q_SIGNALS:
    void finished();

private:
    QThread* m_thread = nullptr;
    core::Result<std::unique_ptr<core::Session>> m_result;
};

} // namespace practica::app
