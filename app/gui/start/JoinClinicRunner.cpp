#include "JoinClinicRunner.h"

#include "app/gui/common/WorkerProgress.h"
#include "app/gui/sync/SyncText.h"
#include "core/sync/Replica.h"
#include "sync/client/Connection.h"
#include "sync/client/SyncEngine.h"

#include <QProgressDialog>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <climits>

namespace practica::app {

namespace {

// Written by the worker, read by the GUI thread's poll.
struct Progress
{
    enum Phase
    {
        SigningIn,
        Downloading
    };
    std::atomic<int> phase{SigningIn};
    std::atomic<std::int64_t> done{0};
    std::atomic<std::int64_t> total{0};
    std::atomic<bool> cancel{false};
};

} // namespace

JoinClinicRunner::Outcome JoinClinicRunner::run(QWidget* parent, const Request& request,
                                                std::unique_ptr<core::Session> joined, const core::Clock& clock)
{
    Progress progress;
    Outcome outcome;
    outcome.session = std::move(joined);
    auto options = sync::connectionOptions(request.serverUrl, request.caFile);
    if (!options) {
        outcome.error = options.error();
        return outcome;
    }
    sync::SyncClient client(*options);
    if (outcome.session)
        if (auto status = core::Replica(*outcome.session).status())
            progress.done = status->cursor;

    std::unique_ptr<QThread> worker(QThread::create([&] {
        if (!outcome.session) {
            auto session =
                sync::SyncEngine::join(client, request.databasePath, request.clinicId, request.username,
                                       request.password, request.deviceName, clock, request.cost, request.secondFactor);
            if (!session) {
                outcome.error = session.error();
                return;
            }
            outcome.session = std::move(*session);
        }
        progress.phase = Progress::Downloading;
        // A generous page cache: the first download writes the whole clinic.
        outcome.session->db().setCacheSizeMb(256);
        sync::SyncEngine engine(*outcome.session, client);
        auto report = engine.syncNow([&](const sync::SyncProgress& p) {
            progress.done = p.cursor;
            progress.total = p.highestSeq;
        });
        outcome.session->db().setCacheSizeMb(2); // back to about SQLite's default
        if (report)
            outcome.complete = true;
        else
            outcome.error = report.error();
    }));

    QProgressDialog dialog(tr("Signing in to the sync server…"), tr("Cancel"), 0, 0, parent);
    dialog.setObjectName(QStringLiteral("joinProgressDialog"));
    dialog.setWindowTitle(tr("Joining the clinic"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(0);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setMinimumWidth(460);

    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&dialog, &progress] {
        if (progress.cancel || progress.phase == Progress::SigningIn)
            return;
        const std::int64_t total = progress.total, done = std::min(progress.done.load(), total);
        if (total <= 0) {
            dialog.setLabelText(tr("Downloading the clinic…"));
            return;
        }
        // QProgressBar counts in int: scale very large clinics down.
        const std::int64_t scale = total > INT_MAX ? total / INT_MAX + 1 : 1;
        dialog.setMaximum(static_cast<int>(total / scale));
        dialog.setValue(static_cast<int>(done / scale));
        dialog.setLabelText(SyncText::download(done, total));
    });
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&dialog, &progress, &client] {
        progress.cancel = true;
        client.cancel();
        dialog.setLabelText(tr("Stopping… what has arrived is kept on this computer."));
        dialog.show(); // stay up until the worker has committed its last page
    });
    runBehindDialog(*worker, poll, dialog);
    outcome.cancelled = progress.cancel.load();
    outcome.received = progress.done;
    outcome.total = std::max(progress.total.load(), progress.done.load());
    return outcome;
}

} // namespace practica::app
