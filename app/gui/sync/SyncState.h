// What the status bar and the conflicts view know about sync at one moment: a plain value the sync worker
// sends to the GUI thread, and the timings that decide when the worker syncs on its own.
#pragma once

#include <QMetaType>
#include <QString>
#include <cstdint>

namespace practica::app {

struct SyncState
{
    enum class Link
    {
        NotConnected, // no sync server set up for this workstation
        Starting,     // connected, no attempt yet since the workstation was unlocked
        Online,       // the last attempt reached the server
        Offline,      // the server cannot be reached; the worker retries on its own
        Failing,      // the server answered with something unexpected; the worker retries on its own
        Stopped,      // a person must act (sign-in refused, approval pending, update needed)
        Paused        // the workstation is locked: no session, no sync until someone signs in
    };

    Link link = Link::NotConnected;
    bool syncing = false;
    bool firstSync = false;         // the workstation has never completed a sync
    std::int64_t pending = 0;       // local changes the server has not accepted yet
    std::int64_t openConflicts = 0; // changes the server refused, waiting for a person
    std::int64_t parked = 0;        // pulled changes this workstation could not merge
    std::int64_t lastSuccessMs = 0; // 0: never
    std::int64_t pushed = 0;        // progress of the sync in flight
    std::int64_t pulled = 0;
    std::int64_t cursor = 0;
    std::int64_t highestSeq = 0;
    std::int64_t nextAttemptMs = 0; // when offline or failing: the next automatic attempt (epoch ms), 0 if none
    QString problem;                // a sentence for the person at the keyboard, empty when all is well
    QString problemSummary;         // the same in a few words, for the status bar
    QString server;
};

struct SyncTiming
{
    int intervalMs = 30'000;     // a sync every so often while online
    int afterSaveMs = 3'000;     // after a local save, once the user has paused this long
    int retryMinMs = 5'000;      // first retry after the server could not be reached...
    int retryMaxMs = 5 * 60'000; // ...doubling up to this, each with ±20 % jitter
    int watchMs = 1'000;         // how often the worker looks for new local changes
};

} // namespace practica::app

Q_DECLARE_METATYPE(practica::app::SyncState)
