// Sync for one unlocked workstation, on its own thread with its own connection to the database (a Session is
// used by one thread at a time; the GUI keeps its own). Syncs on a timer, shortly after local saves and on
// demand; backs off with jitter while the server is away; stops retrying when a person must act. Reports a
// plain SyncState; resolving conflicts and enrolment run here too because they need the network.
#pragma once

#include "SyncState.h"
#include "core/auth/Session.h"
#include "sync/client/SyncEngine.h"

#include <QObject>
#include <atomic>
#include <memory>
#include <random>

class QTimer;

namespace practica::app {

class SyncWorker : public QObject
{
    Q_OBJECT

public:
    struct Setup
    {
        std::string databasePath;
        core::SecretKey dataKey; // a copy of the GUI session's key; the worker's Session owns and wipes it
        core::Actor actor;
        std::string deviceId;
        const core::Clock* clock = nullptr;
        sync::ClientOptions client;
        SyncTiming timing;
        bool enrolled = true; // false: the workstation is connecting; wait for enroll()
        // The user's key for signing the changes the worker writes (a resolved conflict), as the GUI's.
        std::optional<core::SecretKey> signingKey{};
    };

    explicit SyncWorker(Setup setup);
    ~SyncWorker() override;

    // Any thread: aborts the request in flight. Pages already applied stay; the next sync resumes after them.
    void cancel();

    // The rest run on the worker's thread: call them queued (QMetaObject::invokeMethod).
    void begin();
    void syncNow();
    void enroll(const QString& password, const QString& deviceName, const QString& code = {});
    void resolveConflict(const QString& conflictId, bool retry);
    void resolveAsAddendum(const QString& conflictId);
    // Drops the session (wiping its key) and ends the thread's event loop.
    void finish();

Q_SIGNALS:
    void stateChanged(const practica::app::SyncState& state);
    // Pulled changes or a resolution changed records: the screens reload.
    void recordsChanged();
    // The server moved this many of the changes just sent to a merged patient's surviving record.
    void changesRedirected(int count);
    // The signed-in user was deactivated or given another role, or the data key was rotated after a
    // deactivation: the app must lock (everyone signs in again under the new key).
    void sessionEnded();
    void enrollFinished(const QString& error);
    void conflictResolved(const QString& conflictId, const QString& error);

private:
    enum class Trigger
    {
        Timer,
        AfterSave,
        Retry,
        Manual
    };

    void run(Trigger trigger);
    void lookForLocalChanges();
    void failed(const core::Error& error);
    void scheduleRetry();
    // Both connections stamp changes for this device: take over the newest stamp the other one wrote.
    void adoptLatestStamp();
    void startTimers();
    void publish();
    void emitProgress();

    Setup m_setup;
    std::unique_ptr<sync::SyncClient> m_client;
    std::unique_ptr<core::Session> m_session;
    std::unique_ptr<sync::SyncEngine> m_engine;
    QTimer* m_interval = nullptr;
    QTimer* m_afterSave = nullptr;
    QTimer* m_retry = nullptr;
    QTimer* m_watch = nullptr;
    SyncState m_state;
    int m_failures = 0;
    std::int64_t m_dataVersion = -1;
    std::int64_t m_lastProgressMs = 0;
    std::atomic<bool> m_cancelled{false};
    std::mt19937 m_random;
};

} // namespace practica::app
