#include "SyncWorker.h"

#include "SyncText.h"
#include "core/changes/HybridClock.h"
#include "core/db/Statement.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace practica::app {

namespace {

std::int64_t wallNowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

SyncWorker::SyncWorker(Setup setup)
    : m_setup(std::move(setup)), m_client(std::make_unique<sync::SyncClient>(m_setup.client)),
      m_random(std::random_device{}())
{
    m_state.server = QString::fromStdString(m_client->options().serverUrl);
    m_state.link = m_setup.enrolled ? SyncState::Link::Starting : SyncState::Link::NotConnected;
}

SyncWorker::~SyncWorker()
{
    // Normally finish() ran on the worker's thread; this only covers a thread that never started.
    m_engine.reset();
    m_session.reset();
}

void SyncWorker::cancel()
{
    m_cancelled = true;
    m_client->cancel();
}

void SyncWorker::begin()
{
    m_interval = new QTimer(this);
    m_afterSave = new QTimer(this);
    m_afterSave->setSingleShot(true);
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    m_watch = new QTimer(this);
    connect(m_interval, &QTimer::timeout, this, [this] { run(Trigger::Timer); });
    connect(m_afterSave, &QTimer::timeout, this, [this] { run(Trigger::AfterSave); });
    connect(m_retry, &QTimer::timeout, this, [this] { run(Trigger::Retry); });
    connect(m_watch, &QTimer::timeout, this, &SyncWorker::lookForLocalChanges);

    auto db = core::Database::open(m_setup.databasePath, m_setup.dataKey, core::Database::Mode::OpenExisting);
    if (!db) {
        m_setup.dataKey.wipe();
        m_state.link = SyncState::Link::Stopped;
        m_state.problem = SyncText::error(db.error());
        m_state.problemSummary = m_state.problem;
        Q_EMIT stateChanged(m_state);
        return;
    }
    m_session = std::make_unique<core::Session>(std::move(*db), std::move(m_setup.dataKey), m_setup.actor,
                                                m_setup.deviceId, *m_setup.clock);
    if (m_setup.signingKey) {
        m_session->setSigningKey(std::move(*m_setup.signingKey));
        m_setup.signingKey.reset();
    }
    m_engine = std::make_unique<sync::SyncEngine>(*m_session, *m_client);
    if (m_setup.enrolled)
        startTimers();
    publish();
}

void SyncWorker::startTimers()
{
    m_interval->start(std::max(1000, m_setup.timing.intervalMs));
    m_watch->start(std::max(100, m_setup.timing.watchMs));
    QTimer::singleShot(0, this, [this] { run(Trigger::Manual); });
}

void SyncWorker::finish()
{
    for (QTimer* timer : {m_interval, m_afterSave, m_retry, m_watch})
        if (timer)
            timer->stop();
    m_engine.reset();
    m_session.reset(); // the Session's key is wiped with it
    thread()->quit();
}

void SyncWorker::syncNow()
{
    run(Trigger::Manual);
}

void SyncWorker::adoptLatestStamp()
{
    auto last = m_engine->replica().setting("hlc_last");
    core::HlcStamp stamp;
    if (last && *last && core::HlcStamp::parse(**last, stamp))
        m_session->hlc().restore(stamp);
}

void SyncWorker::run(Trigger trigger)
{
    if (!m_engine || !m_setup.enrolled)
        return;
    if (trigger != Trigger::Manual) {
        if (m_state.link == SyncState::Link::Stopped)
            return; // waits for a person: Sync now, or connecting again
        if (trigger != Trigger::Retry && m_retry->isActive())
            return; // backing off while the server is away
    }
    m_afterSave->stop();
    m_retry->stop();
    m_cancelled = false;
    m_client->resetCancel();
    adoptLatestStamp();

    m_state.syncing = true;
    m_state.pushed = m_state.pulled = 0;
    m_state.nextAttemptMs = 0;
    m_lastProgressMs = 0;
    emitProgress();
    auto report = m_engine->syncNow([this](const sync::SyncProgress& p) {
        m_state.pushed = p.pushed;
        m_state.pulled = p.pulled;
        m_state.cursor = p.cursor;
        m_state.highestSeq = p.highestSeq;
        emitProgress();
    });
    m_state.syncing = false;
    if (report && report->redirected > 0)
        Q_EMIT changesRedirected(static_cast<int>(report->redirected));
    if (report && (report->keySlots.sessionEnded || report->keySlots.rotated))
        Q_EMIT sessionEnded();
    if (report) {
        m_state.link = SyncState::Link::Online;
        m_state.problem.clear();
        m_state.problemSummary.clear();
        m_failures = 0;
    } else {
        failed(report.error());
    }
    // Pages applied before a failure are committed: the screens show them either way.
    if (m_state.pulled > 0)
        Q_EMIT recordsChanged();
    publish();
}

void SyncWorker::emitProgress()
{
    const std::int64_t now = wallNowMs();
    if (m_lastProgressMs != 0 && now - m_lastProgressMs < 150)
        return;
    m_lastProgressMs = now;
    Q_EMIT stateChanged(m_state);
}

void SyncWorker::failed(const core::Error& error)
{
    if (m_cancelled && SyncText::isCancelled(error)) {
        // Stopped by the person at the keyboard: nothing is wrong, the next sync continues from here.
        m_state.problem.clear();
        m_state.problemSummary.clear();
        return;
    }
    m_state.problem = SyncText::error(error);
    m_state.problemSummary = SyncText::summary(error);
    if (SyncText::needsPerson(error)) {
        m_state.link = SyncState::Link::Stopped;
        m_state.nextAttemptMs = 0;
        return;
    }
    m_state.link = SyncText::isOffline(error) ? SyncState::Link::Offline : SyncState::Link::Failing;
    scheduleRetry();
}

void SyncWorker::scheduleRetry()
{
    const double base = std::min(static_cast<double>(m_setup.timing.retryMaxMs),
                                 m_setup.timing.retryMinMs * std::pow(2.0, std::min(m_failures, 20)));
    std::uniform_real_distribution<double> jitter(0.8, 1.2);
    const int delay = static_cast<int>(base * jitter(m_random));
    ++m_failures;
    m_retry->start(delay);
    m_state.nextAttemptMs = wallNowMs() + delay;
}

void SyncWorker::lookForLocalChanges()
{
    if (!m_session)
        return;
    // data_version moves when another connection (the GUI's) commits: a local save, usually.
    auto stmt = m_session->db().prepare("PRAGMA data_version;");
    if (!stmt)
        return;
    auto version = stmt->scalar();
    if (!version || *version == m_dataVersion)
        return;
    const bool first = m_dataVersion < 0;
    m_dataVersion = *version;
    if (first)
        return;
    publish();
    if (m_state.pending > 0 && m_state.link != SyncState::Link::Stopped && !m_retry->isActive())
        m_afterSave->start(std::max(0, m_setup.timing.afterSaveMs)); // restarts: waits for a pause in typing
}

void SyncWorker::publish()
{
    if (m_engine) {
        if (auto status = m_engine->replica().status()) {
            m_state.pending = status->pending;
            m_state.openConflicts = status->openConflicts;
            m_state.parked = status->parked;
            m_state.parked = status->parked;
            m_state.lastSuccessMs = status->lastSuccessMs;
            m_state.firstSync = status->lastSuccessMs == 0 && status->cursor == 0;
            if (!m_state.syncing)
                m_state.cursor = status->cursor;
        }
    }
    Q_EMIT stateChanged(m_state);
}

void SyncWorker::enroll(const QString& password, const QString& deviceName, const QString& code)
{
    if (!m_engine) {
        Q_EMIT enrollFinished(m_state.problem.isEmpty() ? tr("The database could not be opened for sync.")
                                                        : m_state.problem);
        return;
    }
    m_cancelled = false;
    m_client->resetCancel();
    adoptLatestStamp();
    auto tokens = m_engine->enroll(password.toStdString(), deviceName.toStdString(), code.toStdString());
    if (!tokens) {
        Q_EMIT enrollFinished(SyncText::error(tokens.error()));
        return;
    }
    m_setup.enrolled = true;
    m_state.link = SyncState::Link::Starting;
    m_state.problem.clear();
    m_state.problemSummary.clear();
    Q_EMIT enrollFinished(QString());
    publish();
    startTimers();
}

void SyncWorker::resolveConflict(const QString& conflictId, bool retry)
{
    if (!m_engine) {
        Q_EMIT conflictResolved(conflictId, tr("Sync is not running on this workstation."));
        return;
    }
    m_cancelled = false;
    m_client->resetCancel();
    adoptLatestStamp();
    const core::Status resolved = m_engine->resolveConflict(conflictId.toStdString(), retry);
    Q_EMIT conflictResolved(conflictId, resolved ? QString() : SyncText::error(resolved.error()));
    if (!resolved) {
        publish();
        return;
    }
    if (!retry)
        Q_EMIT recordsChanged(); // the server's version replaced (or removed) the local record
    publish();
    QTimer::singleShot(0, this, [this] { run(Trigger::AfterSave); }); // send the fixed record now
}

void SyncWorker::resolveAsAddendum(const QString& conflictId)
{
    if (!m_engine) {
        Q_EMIT conflictResolved(conflictId, tr("Sync is not running on this workstation."));
        return;
    }
    m_cancelled = false;
    m_client->resetCancel();
    adoptLatestStamp();
    const auto addendum = m_engine->resolveAsAddendum(conflictId.toStdString());
    Q_EMIT conflictResolved(conflictId, addendum ? QString() : SyncText::error(addendum.error()));
    if (addendum)
        Q_EMIT recordsChanged(); // the signed note came back and an addendum draft was written
    publish();
    if (addendum)
        QTimer::singleShot(0, this, [this] { run(Trigger::AfterSave); });
}

} // namespace practica::app
