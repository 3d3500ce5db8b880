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
    // Deactivates the account and removes its key slot; the record stays for the audit trail.
    Status deactivate(const std::string& username);

    static Status validateUsername(const std::string& username);
    static Result<User> findByUsername(Database& db, const std::string& username);
    static Status insertInitialAdmin(Session& session, const Actor& admin);

private:
    Status writeUser(const User& user, bool creating);
    // A new password for a user: the checks, then replaceSlot.
    Status writePassword(const std::string& username, const std::string& password, KdfCost cost, bool reset);
    // Replaces the user's key slot (flagged for a change at the next sign-in after an admin's reset),
    // saves the key file and audits it, in that order.
    Status replaceSlot(KeyFile& keys, const std::string& username, const std::string& userId,
                       const std::string& password, KdfCost cost, bool reset, const char* detail);
    Session& m_session;
};

} // namespace practica::core
