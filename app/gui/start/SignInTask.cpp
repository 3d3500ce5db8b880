#include "SignInTask.h"

#include "core/auth/Vault.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QThread>
#include <QVBoxLayout>
#include <algorithm>
#include <sodium.h>

namespace practica::app {

void wipePasswordField(QLineEdit* field)
{
    QString text = field->text();
    field->clear();
    if (text.isDetached())
        std::fill(text.begin(), text.end(), QChar(0));
}

QWidget* signInBusyIndicator(const QString& objectName, const QString& text)
{
    auto* busy = new QWidget;
    busy->setObjectName(objectName);
    auto* label = new QLabel(text);
    label->setProperty("role", QStringLiteral("subtle"));
    auto* bar = new QProgressBar;
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setMaximumHeight(6);
    auto* layout = new QVBoxLayout(busy);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(label);
    layout->addWidget(bar);
    busy->hide();
    return busy;
}

SignInTask::SignInTask(QObject* parent)
    : QObject(parent), m_result(std::unexpected(core::Error::make(core::ErrorCode::Internal, "sign_in")))
{
}

SignInTask::~SignInTask()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void SignInTask::start(const std::string& databasePath, const std::string& username, const QString& password,
                       const core::Clock& clock)
{
    if (m_thread)
        return;
    std::string secret = password.toStdString();
    m_thread = QThread::create([this, databasePath, username, secret = std::move(secret), &clock]() mutable {
        m_result = core::Vault::unlock(databasePath, username, secret, clock);
        sodium_memzero(secret.data(), secret.size());
    });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished();
    });
    m_thread->start();
}

} // namespace practica::app
