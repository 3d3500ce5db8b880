#include "ServerProcess.h"

#include "TestSupport.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QUrl>
#include <QtGlobal>

namespace practica::test {

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

bool ServerProcess::start(const QString& store, const QStringList& extra, const QProcessEnvironment& environment)
{
    m_process.setProcessEnvironment(environment);
    m_process.setReadChannel(QProcess::StandardError);
    m_process.start(binaryPath("practica-server"),
                    // Test desks make user keys at libsodium's least cost, to stay fast.
                    QStringList{"serve", "--store", store, "--listen", "127.0.0.1:0", "--allow-weak-keys"} << extra);
    const QRegularExpression serving("serving (https?://127\\.0\\.0\\.1:\\d+)");
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000 && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(100);
        m_log += m_process.readAllStandardError();
        if (auto match = serving.match(QString::fromUtf8(m_log)); match.hasMatch()) {
            m_url = match.captured(1);
            return true;
        }
    }
    qWarning("practica-server did not start: %s", m_log.constData());
    return false;
}

int ServerProcess::port() const
{
    return QUrl(m_url).port();
}

int ServerProcess::stop()
{
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QByteArray ServerProcess::log()
{
    m_log += m_process.readAllStandardError();
    return m_log;
}

} // namespace practica::test
