// One `practica-server serve` process on a free loopback port, as a clinic runs it: tests talk to it
// over real HTTP and stop it with SIGTERM.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace practica::test {

class ServerProcess
{
public:
    ~ServerProcess();

    // Starts on port 0 over the store and reads the port the server picked from its "serving" line.
    // extra: --insecure-http or --cert/--key, and any other flags.
    bool start(const QString& store, const QStringList& extra,
               const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());
    QString url() const { return m_url; }
    int port() const;
    // SIGTERM, as systemd stops it; the exit code of a graceful shutdown is 0.
    int stop();
    // What the server wrote to stderr so far.
    QByteArray log();

private:
    QProcess m_process;
    QByteArray m_log;
    QString m_url;
};

} // namespace practica::test
