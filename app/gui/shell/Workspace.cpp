#include "Workspace.h"

#include "app/gui/common/UiText.h"
#include "core/auth/Vault.h"
#include "core/clinic/ClinicStore.h"
#include "core/util/Validators.h"

namespace practica::app {

Workspace::Workspace(AppConfig config, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_sync(m_config.syncTiming)
{
    // A sync that deactivated the signed-in user, changed their role or rotated the data key ends the
    // session: the lock screen asks for a password again (the worker's signal arrives queued).
    connect(&m_sync, &SyncController::sessionEnded, this, &Workspace::lockAfterUsersChanged);
}

Workspace::~Workspace()
{
    m_sync.stop();
}

std::string Workspace::todayIso() const
{
    return core::isoDateIn(clock().nowMs(), m_timeZone);
}

void Workspace::open(std::unique_ptr<core::Session> session)
{
    m_sync.stop();
    m_session = std::move(session);
    m_usersChanged = false;
    if (m_session) {
        m_actor = m_session->actor();
        m_sync.start(*m_session);
    }
    refreshClinic();
    Q_EMIT lockChanged(isLocked());
}

void Workspace::refreshClinic()
{
    if (!m_session)
        return;
    if (auto clinic = core::ClinicStore(*m_session).get()) {
        m_clinicName = qs(clinic->name);
        m_timeZone = clinic->timeZone;
    }
    Q_EMIT clinicChanged();
}

void Workspace::lockAfterUsersChanged()
{
    m_usersChanged = true;
    lock();
}

void Workspace::lock()
{
    if (!m_session)
        return;
    m_sync.stop();     // the worker drops its own session and copy of the key
    m_session.reset(); // the Session's SecretKey wipes the data key as it goes
    Q_EMIT lockChanged(true);
}

} // namespace practica::app
