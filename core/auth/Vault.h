// Creating, unlocking and re-keying a workstation's encrypted database and its key file.
#pragma once

#include "core/Error.h"
#include "core/auth/Session.h"
#include "core/crypto/KeyFile.h"
#include "core/model/Clinic.h"

#include <memory>
#include <string>

namespace practica::core {

struct FirstAdmin
{
    std::string username;
    std::string displayName;
    std::string password;
};

class Vault
{
public:
    static constexpr std::size_t kMinPasswordLength = 8;

    // First start: a new database, its key file, the clinic and the first admin, all or nothing.
    // Refuses to touch an existing database or key file.
    static Result<std::unique_ptr<Session>> createClinic(const std::string& databasePath, Clinic clinic,
                                                         const FirstAdmin& admin, const Clock& clock,
                                                         KdfCost cost = KdfCost::standard());

    // A new workstation joining a clinic that lives on the sync server: a new database and key file
    // with one key slot for the user the server just verified, sealed to their synced key (keyMaterial,
    // from the server's answer; when empty, a new key pair that the first sync replaces with theirs); no
    // records yet (the first sync pulls them). The device id and number come from the server's enrolment.
    static Result<std::unique_ptr<Session>> joinClinic(const std::string& databasePath, const Actor& user,
                                                       const std::string& password, const std::string& keyMaterial,
                                                       const std::string& deviceId, int workstationNumber,
                                                       const Clock& clock, KdfCost cost = KdfCost::standard());
    // Login: unwraps the key with the user's password, opens the database and finds the active user.
    static Result<std::unique_ptr<Session>> unlock(const std::string& databasePath, const std::string& username,
                                                   const std::string& password, const Clock& clock);

    // Generates a new data key, re-encrypts the database with it and re-seals it in every slot.
    // Crash-safe: the key file holds both keys until the database has switched. Needs DatabaseAdmin.
    static Status rotateDataKey(Session& session);
    // The same without a permission check, for core's own use (a deactivated user's slot was removed).
    static Status replaceDataKey(Session& session);

    static Status checkPassword(const std::string& password);
};

} // namespace practica::core
