// An unlocked workstation database and who is acting on it. Stores take a Session and check its
// permissions on every operation; locking the workstation destroys the Session and wipes its key.
#pragma once

#include "core/Error.h"
#include "core/auth/Permissions.h"
#include "core/changes/ChangeJournal.h"
#include "core/changes/HybridClock.h"
#include "core/crypto/SecretKey.h"
#include "core/db/Database.h"

#include <memory>
#include <string>

namespace practica::core {

struct Actor
{
    std::string userId;
    std::string username;
    std::string displayName;
    Role role = Role::FrontDesk;
};

// What a user still owes after their password opened the database: nothing, a code from their
// authenticator app (or a recovery code), or setting one up because the clinic requires it.
enum class SecondFactorStep
{
    Done,
    Code,
    Enrolment
};

class Session
{
public:
    Session(std::unique_ptr<Database> db, SecretKey dataKey, Actor actor, std::string deviceId, const Clock& clock);

    Database& db() { return *m_db; }
    const Actor& actor() const { return m_actor; }
    const std::string& deviceId() const { return m_deviceId; }
    const Clock& clock() const { return m_clock; }
    HybridClock& hlc() { return m_hlc; }
    ChangeJournal& journal() { return m_journal; }
    const SecretKey& dataKey() const { return m_dataKey; }
    void replaceDataKey(SecretKey key) { m_dataKey = std::move(key); }
    std::string keyFilePath() const;

    bool can(Permission p) const { return roleAllows(m_actor.role, p); }
    // PermissionDenied naming the permission when the acting role lacks it.
    Status require(Permission p) const;

    // An admin reset this user's password: they must choose a new one before working.
    bool mustChangePassword() const { return m_mustChangePassword; }
    void setMustChangePassword(bool must) { m_mustChangePassword = must; }

    // Two-step sign-in (core/auth/SecondFactor): until the owed step is done, require() refuses every
    // permission with SecondFactorRequired.
    SecondFactorStep secondFactorOwed() const { return m_secondFactorOwed; }
    void setSecondFactorOwed(SecondFactorStep step) { m_secondFactorOwed = step; }

    // The signed-in user's key for signing their changes (ChangeJournal::setSigningKey).
    void setSigningKey(SecretKey key) { m_journal.setSigningKey(std::move(key)); }
    // A copy for another connection of this workstation acting as the same user (the sync worker).
    std::optional<SecretKey> signingKeyCopy() const
    {
        const SecretKey* key = m_journal.signingKey();
        return key ? std::optional<SecretKey>(SecretKey::fromBytes(key->bytes())) : std::nullopt;
    }

    // A new time-ordered id for a record created now.
    std::string newId() const;

private:
    std::unique_ptr<Database> m_db;
    SecretKey m_dataKey;
    Actor m_actor;
    std::string m_deviceId;
    const Clock& m_clock;
    HybridClock m_hlc;
    ChangeJournal m_journal;
    bool m_mustChangePassword = false;
    SecondFactorStep m_secondFactorOwed = SecondFactorStep::Done;
};

} // namespace practica::core
