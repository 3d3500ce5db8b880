#include "AppConfig.h"

#include <QDir>
#include <QStandardPaths>

namespace practica::app {

QString defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("clinic.db"));
}

QString resolveDatabasePath(const QString& commandLinePath)
{
    if (!commandLinePath.isEmpty())
        return QDir::cleanPath(QDir::current().absoluteFilePath(commandLinePath));
    const QString fromEnv = qEnvironmentVariable("PRACTICA_DB");
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(QDir::current().absoluteFilePath(fromEnv));
    return defaultDatabasePath();
}

} // namespace practica::app
