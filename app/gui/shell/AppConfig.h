// What the GUI is started with: where the database lives and the tunables tests change.
#pragma once

#include "app/gui/sync/SyncState.h"
#include "core/crypto/KeyFile.h"

#include <QString>

namespace practica::core {
class Clock;
}

namespace practica::app {

struct AppConfig
{
    QString databasePath;
    int idleLockMs = 10 * 60 * 1000;
    core::KdfCost kdfCost = core::KdfCost::standard(); // for new clinics and users
    int demoPatients = 500;
    const core::Clock* clock = nullptr; // nullptr: the system clock
    SyncTiming syncTiming;
};

// QStandardPaths::AppDataLocation (…/practica) + "/clinic.db".
QString defaultDatabasePath();
// The --db option wins, then the PRACTICA_DB environment variable, then the default.
QString resolveDatabasePath(const QString& commandLinePath);

} // namespace practica::app
