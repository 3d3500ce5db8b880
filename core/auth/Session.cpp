#include "Session.h"

#include "core/crypto/KeyFile.h"
#include "core/util/Uuid.h"

namespace practica::core {

Session::Session(std::unique_ptr<Database> db, SecretKey dataKey, Actor actor, std::string deviceId, const Clock& clock)
    : m_db(std::move(db)), m_dataKey(std::move(dataKey)), m_actor(std::move(actor)), m_deviceId(std::move(deviceId)),
      m_clock(clock), m_hlc(clock, m_deviceId), m_journal(*m_db, m_hlc, clock, m_actor)
{
}

std::string Session::keyFilePath() const
{
    return KeyFile::pathFor(m_db->path());
}

Status Session::require(Permission p) const
{
    if (m_secondFactorOwed != SecondFactorStep::Done)
        return fail(ErrorCode::SecondFactorRequired, m_secondFactorOwed == SecondFactorStep::Code ? "code" : "enrol");
    if (can(p))
        return {};
    return fail(ErrorCode::PermissionDenied, std::string(permissionName(p)),
                std::string(roleName(m_actor.role)) + " may not " + std::string(permissionName(p)));
}

std::string Session::newId() const
{
    return uuidV7(m_clock.nowMs());
}

} // namespace practica::core
