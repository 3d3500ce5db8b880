#include "DemoClinicRunner.h"

#include "app/gui/common/WorkerProgress.h"

#include <QProgressDialog>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>

namespace practica::app {

namespace {

// Shared between the worker and the GUI thread; the GUI polls it, the worker only writes counters.
struct Progress
{
    std::atomic<std::int64_t> done{0};
    std::atomic<std::int64_t> total{0};
    std::atomic<bool> cancel{false};
};

} // namespace

core::Result<core::DemoClinic> DemoClinicRunner::run(QWidget* parent, const std::string& databasePath,
                                                     core::DemoOptions options, const core::Clock& clock,
                                                     bool* cancelled)
{
    auto progress = std::make_shared<Progress>();
    options.progress = [progress](std::int64_t done, std::int64_t total) {
        progress->done = done;
        progress->total = total;
        return !progress->cancel.load();
    };
    std::optional<core::Result<core::DemoClinic>> result;
    std::unique_ptr<QThread> worker(QThread::create(
        [&result, databasePath, options, &clock] { result = core::createDemoClinic(databasePath, options, clock); }));

    QProgressDialog dialog(tr("Creating the demo clinic: patients, coverage and users…"), tr("Cancel"), 0, 0, parent);
    dialog.setObjectName(QStringLiteral("demoProgressDialog"));
    dialog.setWindowTitle(tr("Demo clinic"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(0);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setMinimumWidth(420);

    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&dialog, progress] {
        const auto total = progress->total.load();
        if (total > 0) {
            dialog.setMaximum(static_cast<int>(std::min<std::int64_t>(total, 1'000'000'000)));
            dialog.setValue(static_cast<int>(std::min(progress->done.load(), total)));
        }
    });
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&dialog, progress] {
        progress->cancel = true;
        dialog.setLabelText(tr("Cancelling…"));
        dialog.show(); // stay up until the worker has removed its half-made files
    });
    runBehindDialog(*worker, poll, dialog);
    if (cancelled)
        *cancelled = progress->cancel.load();
    if (!result)
        return core::fail(core::ErrorCode::Internal, {}, "demo worker produced no result");
    return std::move(*result);
}

} // namespace practica::app
