// practica-cli run as a person runs it, for the command-line suites: the real binary through QProcess, with
// the database, user and password in its environment, and what it printed and returned.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

namespace practica::test {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    bool oneErrorLine() const { return err.startsWith("practica-cli: ") && err.count('\n') == 1 && err.endsWith('\n'); }
};

// Runs binary with args, PRACTICA_DB, PRACTICA_USER and PRACTICA_PASSWORD set (others of the caller's
// environment removed) and the NAME=VALUE pairs of extraEnvironment, stdin closed; waits up to two minutes.
CliRun runCli(const QString& binary, const QStringList& args, const QString& db, const QString& user,
              const QString& password, const QStringList& extraEnvironment = {});

} // namespace practica::test
