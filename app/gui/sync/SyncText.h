// The words the GUI uses for sync: the status line, the sentence for each sync error, the progress of a
// download and when the workstation last synced. core and sync/client only return codes.
#pragma once

#include "SyncState.h"
#include "core/Error.h"

#include <QCoreApplication>
#include <QString>
#include <cstdint>

namespace practica::app {

class SyncText
{
    Q_DECLARE_TR_FUNCTIONS(SyncText)

public:
    // One sentence for an error met while syncing, connecting or joining a clinic.
    static QString error(const core::Error& error);
    // The same in a few words for the status bar ("waiting for approval on the server"); the sentence otherwise.
    static QString summary(const core::Error& error);
    // Whether the error needs a person (stop retrying) rather than time (retry later).
    static bool needsPerson(const core::Error& error);
    // Whether the error is the server being out of reach (or the request cancelled).
    static bool isOffline(const core::Error& error);
    static bool isCancelled(const core::Error& error);

    // "Online · 3 changes waiting · synced 10:42", "Offline — changes are kept on this computer…", …
    static QString statusLine(const SyncState& state);
    // More detail for the status bar's tooltip: the server, the last sync, the next attempt.
    static QString details(const SyncState& state);
    static QString conflicts(std::int64_t count);
    static QString parked(std::int64_t count);
    static QString pending(std::int64_t count);
    // "synced 10:42" today, "synced Nov 20 10:42" before, "not synced yet".
    static QString lastSynced(std::int64_t ms);
    // "Downloading the clinic: 4%" (12,000 of 250,000).
    static QString download(std::int64_t done, std::int64_t total);
    // A count with the group separators people expect (12,000), whatever the process locale.
    static QString number(std::int64_t n);
};

} // namespace practica::app
