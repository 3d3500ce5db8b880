// Runs the sync worker alongside the unlocked session: starts it on its own thread with a copy of the session's
// key when the workstation unlocks, stops it (its session and key go with it) when the workstation locks, and
// passes the screens' requests to it. The GUI thread never waits on the network here.
#pragma once

#include "SyncState.h"
#include "sync/client/SyncClient.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QThread;

namespace practica::core {
class Session;
}

namespace practica::app {

class SyncWorker;

class SyncController : public QObject
{
    Q_OBJECT

public:
    explicit SyncController(SyncTiming timing, QObject* parent = nullptr);
    ~SyncController() override;

    // After an unlock: shows what the database knows, and starts syncing when the workstation is enrolled.
    void start(core::Session& session);
    // Before a lock: cancels the request in flight and lets the worker drop its session; does not wait.
    void stop();

    const SyncState& state() const { return m_state; }
    bool isConnected() const { return m_state.link != SyncState::Link::NotConnected; }

    void syncNow();
    void cancel();
    // "Send again" (retry) or "take the server's version" (discard); conflictResolved reports.
    void resolveConflict(const QString& conflictId, bool retry);
    void resolveAsAddendum(const QString& conflictId);
    // Connects this workstation to a sync server with the signed-in user's password; enrollFinished reports.
    // code: the authenticator app's code, when the user set up two-step sign-in (empty otherwise).
    void connectToServer(const QString& url, const QString& caFile, const QString& password, const QString& deviceName,
                         const QString& code = {});

Q_SIGNALS:
    void stateChanged(const practica::app::SyncState& state);
    void recordsChanged();
    void changesRedirected(int count);
    void sessionEnded();
    void enrollFinished(const QString& error);
    void conflictResolved(const QString& conflictId, const QString& error);

private:
    void launch(const sync::ClientOptions& options, bool enrolled);
    void retire();
    void receive(const SyncState& state);
    void enrolled(const QString& error);
    // The worker's connection stamped changes too: later stamps of the GUI's connection must order after them.
    void adoptLatestStamp();

    SyncTiming m_timing;
    core::Session* m_session = nullptr;
    SyncWorker* m_worker = nullptr;
    QPointer<QThread> m_thread;
    QList<QPointer<QThread>> m_retiring;
    SyncState m_state;
};

} // namespace practica::app
