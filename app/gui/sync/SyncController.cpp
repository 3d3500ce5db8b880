#include "SyncController.h"

#include "SyncWorker.h"
#include "app/gui/common/UiText.h"
#include "core/auth/Session.h"
#include "core/changes/HybridClock.h"
#include "core/sync/Replica.h"
#include "sync/client/Connection.h"

#include <QThread>

namespace practica::app {

SyncController::SyncController(SyncTiming timing, QObject* parent) : QObject(parent), m_timing(timing)
{
    qRegisterMetaType<SyncState>();
}

SyncController::~SyncController()
{
    retire();
    for (const QPointer<QThread>& thread : std::as_const(m_retiring))
        if (thread)
            thread->wait();
}

void SyncController::start(core::Session& session)
{
    retire();
    m_session = &session;
    core::Replica replica(session);
    auto stored = sync::storedConnection(replica);
    m_state = SyncState{};
    if (auto status = replica.status()) {
        m_state.pending = status->pending;
        m_state.openConflicts = status->openConflicts;
        m_state.parked = status->parked;
        m_state.lastSuccessMs = status->lastSuccessMs;
        m_state.cursor = status->cursor;
        m_state.firstSync = status->lastSuccessMs == 0 && status->cursor == 0;
    }
    if (stored && *stored) {
        m_state.link = SyncState::Link::Starting;
        m_state.server = QString::fromStdString((*stored)->serverUrl);
        launch(**stored, true);
    }
    Q_EMIT stateChanged(m_state);
}

void SyncController::stop()
{
    retire();
    m_session = nullptr;
    if (m_state.link != SyncState::Link::NotConnected) {
        m_state.syncing = false;
        m_state.link = SyncState::Link::Paused;
        m_state.nextAttemptMs = 0;
        Q_EMIT stateChanged(m_state);
    }
}

void SyncController::launch(const sync::ClientOptions& options, bool enrolled)
{
    SyncWorker::Setup setup{m_session->db().path(),
                            core::SecretKey::fromBytes(m_session->dataKey().bytes()),
                            m_session->actor(),
                            m_session->deviceId(),
                            &m_session->clock(),
                            options,
                            m_timing,
                            enrolled,
                            m_session->signingKeyCopy()};
    auto* thread = new QThread;
    thread->setObjectName(QStringLiteral("syncWorkerThread"));
    m_worker = new SyncWorker(std::move(setup));
    m_worker->moveToThread(thread);
    connect(thread, &QThread::started, m_worker, &SyncWorker::begin);
    connect(thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::stateChanged, this, &SyncController::receive);
    connect(m_worker, &SyncWorker::recordsChanged, this, &SyncController::recordsChanged);
    connect(m_worker, &SyncWorker::changesRedirected, this, &SyncController::changesRedirected);
    connect(m_worker, &SyncWorker::sessionEnded, this, &SyncController::sessionEnded);
    connect(m_worker, &SyncWorker::enrollFinished, this, &SyncController::enrolled);
    connect(m_worker, &SyncWorker::conflictResolved, this, [this](const QString& id, const QString& error) {
        adoptLatestStamp();
        Q_EMIT conflictResolved(id, error);
    });
    m_thread = thread;
    thread->start();
}

void SyncController::retire()
{
    if (!m_worker)
        return;
    // Late reports of a worker being stopped must not overwrite the next one's state.
    disconnect(m_worker, nullptr, this, nullptr);
    m_worker->cancel();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::finish, Qt::QueuedConnection);
    m_retiring.removeAll(nullptr);
    m_retiring << m_thread;
    m_worker = nullptr;
    m_thread = nullptr;
}

void SyncController::receive(const SyncState& state)
{
    const bool finished = m_state.syncing && !state.syncing;
    m_state = state;
    if (finished)
        adoptLatestStamp();
    Q_EMIT stateChanged(m_state);
}

void SyncController::adoptLatestStamp()
{
    if (!m_session)
        return;
    auto last = core::Replica(*m_session).setting("hlc_last");
    core::HlcStamp stamp;
    if (last && *last && core::HlcStamp::parse(**last, stamp))
        m_session->hlc().restore(stamp);
}

void SyncController::syncNow()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &SyncWorker::syncNow, Qt::QueuedConnection);
}

void SyncController::cancel()
{
    if (m_worker)
        m_worker->cancel();
}

void SyncController::resolveConflict(const QString& conflictId, bool retry)
{
    if (!m_worker) {
        Q_EMIT conflictResolved(conflictId, tr("Sync is not running on this workstation. Sign in and try again."));
        return;
    }
    SyncWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, conflictId, retry] { worker->resolveConflict(conflictId, retry); }, Qt::QueuedConnection);
}

void SyncController::resolveAsAddendum(const QString& conflictId)
{
    if (!m_worker) {
        Q_EMIT conflictResolved(conflictId, tr("Sync is not running on this workstation. Sign in and try again."));
        return;
    }
    SyncWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, conflictId] { worker->resolveAsAddendum(conflictId); }, Qt::QueuedConnection);
}

void SyncController::connectToServer(const QString& url, const QString& caFile, const QString& password,
                                     const QString& deviceName, const QString& code)
{
    if (!m_session) {
        Q_EMIT enrollFinished(tr("Sign in first."));
        return;
    }
    auto options = sync::connectionOptions(url.trimmed().toStdString(), caFile.trimmed().toStdString());
    if (!options) {
        Q_EMIT enrollFinished(UiText::error(options.error()));
        return;
    }
    retire();
    launch(*options, false);
    SyncWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, password, deviceName, code] { worker->enroll(password, deviceName, code); },
        Qt::QueuedConnection);
}

void SyncController::enrolled(const QString& error)
{
    if (!error.isEmpty() && m_session) {
        core::Session& session = *m_session;
        start(session); // back to what the database says: not connected, or the server it had before
    }
    Q_EMIT enrollFinished(error);
}

} // namespace practica::app
