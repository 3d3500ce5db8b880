// The people who may use this workstation: accounts, roles, and their key slots.
#pragma once

#include "core/Error.h"
#include "core/crypto/KeyFile.h"
#include "core/model/User.h"

#include <string>
#include <vector>

namespace practica::core {

class Database;
class Session;
struct Actor;

// What following the clinic's user list changed in this workstation's key file.
struct KeySlotChanges
{
    int added = 0;    // users whose key arrived: they may now sign in here
    int replaced = 0; // a password changed or reset elsewhere: the old one no longer opens this workstation
    int removed = 0;  // deactivated users: their slots are gone and the data key was rotated
    bool rotated = false;
    // The signed-in user was deactivated or given another role elsewhere: the session must end (lock).
    bool sessionEnded = false;
};

class UserStore
{
public:
    explicit UserStore(Session& session) : m_session(session) {}

    Result<std::vector<User>> list();
    // Adds an account and a key slot so the user can unlock this workstation.
    Result<User> add(const std::string& username, const std::string& displayName, Role role,
                     const std::string& password, KdfCost cost = KdfCost::standard());
    // Users change their own password; admins may reset anyone's.
    Status setPassword(const std::string& username, const std::string& newPassword, KdfCost cost = KdfCost::standard());
    // An admin's reset: a temporary password that the user must change at their next sign-in.
    Status resetPassword(const std::string& username, const std::string& temporaryPassword,
                         KdfCost cost = KdfCost::standard());
    // The signed-in user's own change: the current password must open their slot (a wrong one counts
    // toward the lockout like a failed sign-in; WrongPassword or AccountLocked on current_password).
    Status changeOwnPassword(const std::string& currentPassword, const std::string& newPassword,
                             KdfCost cost = KdfCost::standard());
    Status setRole(const std::string& username, Role role);
    // Deactivates the account, removes its key slot and rotates the data key; the record stays for the
    // audit trail. Every other workstation does the same when the change reaches it (followUserKeys).
    Status deactivate(const std::string& username);

    // Makes the key file follow the clinic's user list, as synced: every active user whose key has
    // arrived gets a slot sealed to this workstation's data key (or their slot the new key of a password
    // changed elsewhere), a deactivated user's slot is removed and the data key rotated. Runs after every
    // sync and at every sign-in; needs no permission of the session's user (the changes it follows were
    // checked by the server and by the desk that made them). Each slot change is an audit event.
    static Result<KeySlotChanges> followUserKeys(Session& session);
    // A user whose slot predates synced keys (or whose account has none) gets a synced key made from the
    // password they just signed in with, at the slot's cost.
    static Status adoptSignInPassword(Session& session, const std::string& password, KdfCost cost);

    static Status validateUsername(const std::string& username);
    static Result<User> findByUsername(Database& db, const std::string& username);
    static Status insertInitialAdmin(Session& session, const Actor& admin, const std::string& keyMaterial);

private:
    Status writeUser(const User& user, bool creating);
    // A new password for a user: the checks, then replaceKey.
    Status writePassword(const std::string& username, const std::string& password, KdfCost cost, bool reset);
    // A new key pair for the user under the password: written to their synced account (flagged for a
    // change at the next sign-in after an admin's reset) with its audit event, then to this key file.
    Status replaceKey(KeyFile& keys, User user, const std::string& password, KdfCost cost, bool reset,
                      const char* detail);
    Session& m_session;
};

} // namespace practica::core
