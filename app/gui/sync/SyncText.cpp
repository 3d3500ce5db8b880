#include "SyncText.h"

#include "app/gui/common/UiText.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>
#include <algorithm>

namespace practica::app {

using core::ErrorCode;

bool SyncText::isCancelled(const core::Error& e)
{
    return e.code == ErrorCode::Offline && e.rule() == core::Rule::Cancelled;
}

bool SyncText::isOffline(const core::Error& e)
{
    return e.code == ErrorCode::Offline;
}

bool SyncText::needsPerson(const core::Error& e)
{
    switch (e.code) {
    case ErrorCode::NotAuthorized:
    case ErrorCode::DeviceNotApproved:
    case ErrorCode::UpdateRequired:
    case ErrorCode::WrongPassword:
    case ErrorCode::AccountLocked:
    case ErrorCode::PermissionDenied:
    case ErrorCode::SchemaTooNew:
        return true;
    case ErrorCode::NotFound:
        return e.field == "server";
    default:
        return false;
    }
}

QString SyncText::error(const core::Error& e)
{
    switch (e.code) {
    case ErrorCode::Offline:
        if (isCancelled(e))
            return tr("Sync was cancelled.");
        return tr("The clinic's sync server cannot be reached.");
    case ErrorCode::NotAuthorized:
        if (e.field == "certificate")
            return tr("The sync server's certificate is not trusted. Check the server address, or choose the "
                      "clinic's certificate file in Connect to sync server.");
        return tr("The sync server no longer accepts this workstation's sign-in. An administrator can connect it "
                  "again with File › Connect to sync server.");
    case ErrorCode::WrongPassword:
        return tr("The sync server did not accept this user name and password.");
    case ErrorCode::SecondFactorRequired:
        return tr("You use two-step sign-in: the sync server needs the 6-digit code from your authenticator app "
                  "as well. Enter it under Authenticator code.");
    case ErrorCode::DeviceNotApproved:
        return tr("This workstation is waiting for an administrator to approve it on the sync server. Choose Sync "
                  "now (F9) once it is approved.");
    case ErrorCode::PermissionDenied:
        if (e.field == "server")
            return tr("The sync server does not allow this user to sync this clinic.");
        return UiText::error(e);
    case ErrorCode::NotFound:
        if (e.field == "server")
            return tr("The sync server does not know this clinic. Check the server address and the clinic ID.");
        return UiText::error(e);
    default:
        return UiText::error(e);
    }
}

QString SyncText::summary(const core::Error& e)
{
    switch (e.code) {
    case ErrorCode::NotAuthorized:
        if (e.field == "certificate")
            return tr("the server's certificate is not trusted");
        return tr("the server no longer accepts this workstation's sign-in");
    case ErrorCode::WrongPassword:
        return tr("the server refused the sign-in");
    case ErrorCode::DeviceNotApproved:
        return tr("this workstation waits for an administrator's approval on the server");
    case ErrorCode::UpdateRequired:
        return tr("the server needs a newer version of Practica");
    case ErrorCode::PermissionDenied:
        return tr("this user may not sync this clinic");
    case ErrorCode::AccountLocked:
        return tr("the account is locked on the server");
    default:
        return error(e);
    }
}

QString SyncText::number(std::int64_t n)
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    return locale.toString(static_cast<qlonglong>(n));
}

QString SyncText::pending(std::int64_t count)
{
    if (count <= 0)
        return tr("all changes sent");
    return tr("%n change(s) waiting", nullptr, static_cast<int>(std::min<std::int64_t>(count, 1'000'000'000)));
}

QString SyncText::conflicts(std::int64_t count)
{
    return tr("%n conflict(s)", nullptr, static_cast<int>(std::min<std::int64_t>(count, 1'000'000'000)));
}

QString SyncText::parked(std::int64_t count)
{
    return tr("%n not merged", nullptr, static_cast<int>(std::min<std::int64_t>(count, 1'000'000'000)));
}

QString SyncText::lastSynced(std::int64_t ms)
{
    if (ms <= 0)
        return tr("not synced yet");
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms);
    if (when.date() == QDate::currentDate())
        return tr("synced %1")
            .arg(QLocale(QLocale::English, QLocale::UnitedStates).toString(when.time(), tr("h:mm AP")));
    return tr("synced %1").arg(QLocale(QLocale::English, QLocale::UnitedStates).toString(when, tr("MMM d, h:mm AP")));
}

QString SyncText::download(std::int64_t done, std::int64_t total)
{
    // A share rather than a count: a first sync takes the clinic's records, then the changes made since,
    // and the two are one measure only as a proportion.
    const std::int64_t percent = total > 0 ? std::clamp<std::int64_t>(done * 100 / total, 0, 100) : 0;
    return tr("Downloading the clinic: %1%").arg(percent);
}

QString SyncText::statusLine(const SyncState& s)
{
    using Link = SyncState::Link;
    if (s.link == Link::NotConnected)
        return tr("Not connected to a sync server");
    if (s.syncing) {
        if (s.highestSeq > 0 && s.highestSeq - s.cursor > 1000)
            return download(s.cursor, s.highestSeq);
        if (s.pending > 0)
            return tr("Syncing · sending %n change(s)…", nullptr, static_cast<int>(s.pending));
        return tr("Syncing…");
    }
    switch (s.link) {
    case Link::Starting:
        return tr("Waiting to sync · %1").arg(pending(s.pending));
    case Link::Online:
        return tr("Online · %1 · %2").arg(pending(s.pending), lastSynced(s.lastSuccessMs));
    case Link::Offline:
        if (s.pending > 0)
            return tr("Offline — %n change(s) kept on this computer, sent when the server is back", nullptr,
                      static_cast<int>(s.pending));
        return tr("Offline — changes are kept on this computer and sent when the server is back");
    case Link::Failing:
        return tr("Sync problem, retrying on its own: %1").arg(s.problemSummary);
    case Link::Stopped:
        return tr("Sync stopped: %1").arg(s.problemSummary);
    case Link::Paused:
        return tr("Sync paused while the workstation is locked");
    case Link::NotConnected:
        break;
    }
    return {};
}

QString SyncText::details(const SyncState& s)
{
    if (s.link == SyncState::Link::NotConnected)
        return tr("Records are kept on this computer only. An administrator can connect this workstation to the "
                  "clinic's sync server (File › Connect to sync server).");
    QStringList lines;
    lines << tr("Sync server: %1").arg(s.server);
    lines << (s.lastSuccessMs > 0 ? tr("Last complete sync: %1")
                                        .arg(QLocale(QLocale::English, QLocale::UnitedStates)
                                                 .toString(QDateTime::fromMSecsSinceEpoch(s.lastSuccessMs),
                                                           tr("ddd MMM d yyyy, h:mm:ss AP")))
                                  : tr("This workstation has not completed a sync yet."));
    lines << tr("Changes waiting to be sent: %1").arg(number(s.pending));
    if (s.openConflicts > 0)
        lines
            << tr("Changes the server refused: %1 (click the conflicts to resolve them)").arg(number(s.openConflicts));
    if (s.parked > 0)
        lines << tr("Changes received but not merged on this computer: %1 (click “not merged” to see why)")
                     .arg(number(s.parked));
    if (!s.problem.isEmpty())
        lines << s.problem;
    if (s.nextAttemptMs > 0)
        lines << tr("Next attempt at %1")
                     .arg(QLocale(QLocale::English, QLocale::UnitedStates)
                              .toString(QDateTime::fromMSecsSinceEpoch(s.nextAttemptMs).time(), tr("h:mm:ss AP")));
    lines << tr("Sync now: F9");
    return lines.join(QLatin1Char('\n'));
}

} // namespace practica::app
