// The unlocked session the screens work through, and the lock that destroys it (wiping the key), with the sync
// worker that runs while it is unlocked. Screens ask for session() on each operation and never keep it: while
// locked it is nullptr.
#pragma once

#include "AppConfig.h"
#include "app/gui/sync/SyncController.h"
#include "core/auth/Session.h"
#include "core/util/Clock.h"

#include <QObject>
#include <memory>

namespace practica::app {

class Workspace : public QObject
{
    Q_OBJECT

public:
    explicit Workspace(AppConfig config, QObject* parent = nullptr);
    ~Workspace() override;

    const AppConfig& config() const { return m_config; }
    const core::Clock& clock() const { return m_config.clock ? *m_config.clock : m_systemClock; }
    std::string databasePath() const { return m_config.databasePath.toStdString(); }

    core::Session* session() const { return m_session.get(); }
    bool isLocked() const { return !m_session; }
    // The user who unlocked last; kept while locked so the lock screen can ask for their password.
    const core::Actor& actor() const { return m_actor; }
    SyncController& sync() { return m_sync; }
    bool can(core::Permission permission) const { return core::roleAllows(m_actor.role, permission); }
    QString clinicName() const { return m_clinicName; }
    // Today in the clinic's time zone, for age and "not in the future" rules.
    std::string todayIso() const;
    // The clinic's IANA time zone: times of day are shown in it, whatever this computer's zone.
    const std::string& timeZone() const { return m_timeZone; }

    void open(std::unique_ptr<core::Session> session);
    void lock();
    // Locks because a sync changed who may use this workstation (a deactivation elsewhere rotated the
    // data key, or the signed-in user's role or account changed): the lock screen says so.
    void lockAfterUsersChanged();
    bool lockedByUsersChange() const { return m_usersChanged; }
    void refreshClinic();

Q_SIGNALS:
    void lockChanged(bool locked);
    void clinicChanged();

private:
    AppConfig m_config;
    core::SystemClock m_systemClock;
    std::unique_ptr<core::Session> m_session;
    core::Actor m_actor;
    QString m_clinicName;
    bool m_usersChanged = false;
    std::string m_timeZone = "UTC";
    SyncController m_sync; // last: its worker borrows the clock above until it has stopped
};

} // namespace practica::app
