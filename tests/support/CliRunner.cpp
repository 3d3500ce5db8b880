#include "CliRunner.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace practica::test {

CliRun runCli(const QString& binary, const QStringList& args, const QString& db, const QString& user,
              const QString& password, const QStringList& extraEnvironment)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"PRACTICA_DB", "PRACTICA_USER", "PRACTICA_PASSWORD", "PRACTICA_NEW_PASSWORD"})
        environment.remove(name);
    environment.insert("PRACTICA_DB", db);
    environment.insert("PRACTICA_USER", user);
    environment.insert("PRACTICA_PASSWORD", password);
    for (const QString& pair : extraEnvironment)
        environment.insert(pair.section('=', 0, 0), pair.section('=', 1));
    process.setProcessEnvironment(environment);
    process.start(binary, args);
    if (!process.waitForStarted())
        return {};
    process.closeWriteChannel();
    process.waitForFinished(120000);
    CliRun r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

} // namespace practica::test
