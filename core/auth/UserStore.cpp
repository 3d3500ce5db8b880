#include "UserStore.h"

#include "core/auth/Session.h"
#include "core/auth/UserRows.h"
#include "core/auth/Vault.h"
#include "core/crypto/UserKey.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/util/Validators.h"

namespace practica::core {

Status UserStore::validateUsername(const std::string& username)
{
    if (!isUserName(username))
        return fail(ErrorCode::Validation, "username", Rule::Format, {{"format", "user_name"}});
    return {};
}

namespace {
User readUser(const Statement& s)
{
    return userRow().read(s);
}
std::string userSelect()
{
    return "SELECT " + userRow().columns() + " FROM " + userRow().table();
}
std::vector<FieldValue> userFields(const User& u)
{
    return userRow().fields(u);
}
} // namespace

Result<User> UserStore::findByUsername(Database& db, const std::string& username)
{
    auto stmt = db.prepare(userSelect() + " WHERE username = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, username).one<User>(readUser, username, "no such user");
}

Status UserStore::insertInitialAdmin(Session& session, const Actor& admin, const std::string& keyMaterial)
{
    UserStore store(session);
    User u{admin.userId, admin.username, admin.displayName, Role::Admin, true, true};
    u.keyMaterial = keyMaterial;
    return store.writeUser(u, true);
}

Status UserStore::writeUser(const User& u, bool creating)
{
    std::vector<FieldValue> fields = userFields(u);
    if (!creating) {
        // Only the fields that changed are stamped and sent: another desk's edit of other fields survives.
        auto stmt = m_session.db().prepare(userSelect() + " WHERE id = ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        auto before = stmt->bind(1, u.id).one<User>(readUser, "user_account", u.id);
        if (!before)
            return std::unexpected(before.error());
        fields = changedFields(userFields(*before), fields);
        if (fields.empty())
            return {};
    }
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status s = m_session.journal().writeRow(userRow().table(), u.id, fields, creating, *hlc); !s) {
        if (s.error().code == ErrorCode::Conflict)
            return fail(ErrorCode::AlreadyExists, "username", u.username);
        return s;
    }
    return {};
}

Result<std::vector<User>> UserStore::list()
{
    if (Status p = m_session.require(Permission::UserManage); !p)
        return std::unexpected(p.error());
    auto keys = KeyFile::load(m_session.keyFilePath());
    auto stmt = m_session.db().prepare(userSelect() + " ORDER BY username;");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto users = stmt->all<User>(readUser);
    if (users)
        for (User& u : *users)
            u.hasKeySlot = keys && keys->hasSlot(u.username);
    return users;
}

Result<User> UserStore::add(const std::string& username, const std::string& displayName, Role role,
                            const std::string& password, KdfCost cost)
{
    if (Status p = m_session.require(Permission::UserManage); !p)
        return std::unexpected(p.error());
    if (Status v = validateUsername(username); !v)
        return std::unexpected(v.error());
    if (displayName.empty())
        return fail(ErrorCode::Validation, "display_name", Rule::Required);
    if (Status v = Vault::checkPassword(password); !v)
        return std::unexpected(v.error());
    auto keys = KeyFile::loadForUpdate(m_session.keyFilePath());
    if (!keys)
        return std::unexpected(keys.error());
    if (keys->hasSlot(username))
        return fail(ErrorCode::AlreadyExists, "username", username);
    auto key = UserKey::create(username, password, cost);
    if (!key)
        return std::unexpected(key.error());

    User u{m_session.newId(), username, displayName, role, true, true};
    u.keyMaterial = key->encode();
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    if (Status s = writeUser(u, true); !s)
        return std::unexpected(s.error());
    // The slot is saved before the commit: a slot without an account unlocks nothing, an account
    // without a slot would be a user who cannot log in.
    if (Status s = keys->setKey(username, *key, m_session.dataKey(), nullptr, false); !s)
        return std::unexpected(s.error());
    if (Status s = keys->save(); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s) {
        (void)keys->removeSlot(username);
        (void)keys->save();
        return std::unexpected(s.error());
    }
    return u;
}

Status UserStore::setPassword(const std::string& username, const std::string& newPassword, KdfCost cost)
{
    if (username != m_session.actor().username) {
        if (Status p = m_session.require(Permission::UserManage); !p)
            return p;
    }
    return writePassword(username, newPassword, cost, false);
}

Status UserStore::resetPassword(const std::string& username, const std::string& temporaryPassword, KdfCost cost)
{
    if (Status p = m_session.require(Permission::UserManage); !p)
        return p;
    return writePassword(username, temporaryPassword, cost, true);
}

Status UserStore::writePassword(const std::string& username, const std::string& password, KdfCost cost, bool reset)
{
    if (Status v = Vault::checkPassword(password); !v)
        return v;
    auto user = findByUsername(m_session.db(), username);
    if (!user)
        return std::unexpected(user.error());
    if (!user->active)
        return fail(ErrorCode::Conflict, username, Rule::AccountDeactivated);
    auto keys = KeyFile::loadForUpdate(m_session.keyFilePath());
    if (!keys)
        return std::unexpected(keys.error());
    return replaceKey(*keys, std::move(*user), password, cost, reset, reset ? "password reset" : "password changed");
}

Status UserStore::changeOwnPassword(const std::string& currentPassword, const std::string& newPassword, KdfCost cost)
{
    const std::string& username = m_session.actor().username;
    if (Status v = Vault::checkPassword(newPassword); !v)
        return v;
    auto keys = KeyFile::loadForUpdate(m_session.keyFilePath());
    if (!keys)
        return std::unexpected(keys.error());
    if (auto opened = keys->unlock(username, currentPassword, m_session.clock().nowMs()); !opened) {
        Error e = opened.error();
        e.field = "current_password";
        return std::unexpected(std::move(e));
    }
    auto user = findByUsername(m_session.db(), username);
    if (!user)
        return std::unexpected(user.error());
    return replaceKey(*keys, std::move(*user), newPassword, cost, false, "own password changed");
}

Status UserStore::replaceKey(KeyFile& keys, User user, const std::string& password, KdfCost cost, bool reset,
                             const char* detail)
{
    SecretKey secret;
    auto key = UserKey::create(user.username, password, cost, &secret);
    if (!key)
        return std::unexpected(key.error());
    user.keyMaterial = key->encode();
    user.mustChangePassword = reset;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    if (Status s = writeUser(user, false); !s)
        return s;
    if (Status s = m_session.journal().audit(AuditAction::Update, "user_account", user.id, detail); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    // The account holds the new key: should this save fail, the next sync or sign-in makes the slot follow.
    if (Status s = keys.setKey(user.username, *key, m_session.dataKey(), nullptr, reset); !s)
        return s;
    if (Status s = keys.save(); !s)
        return s;
    if (user.username == m_session.actor().username) {
        m_session.setMustChangePassword(reset);
        // This change of the account was signed with the key it replaces, which the server still holds;
        // the next ones are signed with the new one.
        m_session.setSigningKey(signingKeyFor(secret));
    }
    return {};
}

Status UserStore::setRole(const std::string& username, Role role)
{
    if (Status p = m_session.require(Permission::UserManage); !p)
        return p;
    auto user = findByUsername(m_session.db(), username);
    if (!user)
        return std::unexpected(user.error());
    if (user->id == m_session.actor().userId && role != Role::Admin)
        return fail(ErrorCode::Conflict, username, Rule::OwnAdminRole);
    user->role = role;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    if (Status s = writeUser(*user, false); !s)
        return s;
    return tx.commit();
}

Status UserStore::deactivate(const std::string& username)
{
    if (Status p = m_session.require(Permission::UserManage); !p)
        return p;
    auto user = findByUsername(m_session.db(), username);
    if (!user)
        return std::unexpected(user.error());
    if (user->id == m_session.actor().userId)
        return fail(ErrorCode::Conflict, username, Rule::OwnAccount);
    user->active = false;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    if (Status s = writeUser(*user, false); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    auto followed = followUserKeys(m_session);
    if (!followed)
        return std::unexpected(followed.error());
    return {};
}

Result<KeySlotChanges> UserStore::followUserKeys(Session& session)
{
    KeySlotChanges out;
    auto stmt = session.db().prepare(userSelect() + ";");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto users = stmt->all<User>(readUser);
    if (!users)
        return std::unexpected(users.error());
    auto keys = KeyFile::loadForUpdate(session.keyFilePath());
    if (!keys)
        return std::unexpected(keys.error());
    bool changed = false;
    std::vector<std::pair<std::string, const char*>> audits; // user id, what happened to their slot
    for (const User& u : *users) {
        const KeySlot* slot = keys->slot(u.username);
        if (u.username == session.actor().username && (!u.active || u.role != session.actor().role))
            out.sessionEnded = true;
        if (!u.active) {
            if (slot) {
                if (Status s = keys->retireSlot(u.username); !s)
                    return std::unexpected(s.error());
                ++out.removed;
                changed = true;
                audits.emplace_back(u.id, "key slot removed: account deactivated");
            }
            continue;
        }
        auto key = UserKey::decode(u.keyMaterial);
        if (!key)
            continue; // an account from before synced keys: its slot (if any) stays until its user signs in
        if (slot && slot->synced() && slot->key() == *key) {
            if (slot->mustChangePassword != u.mustChangePassword) {
                if (Status s = keys->setKey(u.username, *key, session.dataKey(), nullptr, u.mustChangePassword); !s)
                    return std::unexpected(s.error());
                changed = true;
            }
            continue;
        }
        if (Status s = keys->setKey(u.username, *key, session.dataKey(), nullptr, u.mustChangePassword); !s)
            return std::unexpected(s.error());
        ++(slot ? out.replaced : out.added);
        changed = true;
        audits.emplace_back(u.id, slot ? "key slot replaced: password changed on another workstation"
                                       : "key slot added: account synced from the clinic");
    }
    if (changed)
        if (Status s = keys->save(); !s)
            return std::unexpected(s.error());
    keys->release();
    if (!audits.empty()) {
        Transaction tx(session.db());
        if (!tx.begun())
            return std::unexpected(tx.begun().error());
        for (const auto& [id, detail] : audits)
            if (Status s = session.journal().audit(AuditAction::Update, "user_account", id, detail); !s)
                return std::unexpected(s.error());
        if (Status s = tx.commit(); !s)
            return std::unexpected(s.error());
    }
    if (out.removed > 0) {
        // A copy of the removed slot (a backup of the key file) must not open the database from now on.
        if (Status s = Vault::replaceDataKey(session); !s)
            return std::unexpected(s.error());
        out.rotated = true;
    }
    return out;
}

Status UserStore::adoptSignInPassword(Session& session, const std::string& password, KdfCost cost)
{
    auto user = findByUsername(session.db(), session.actor().username);
    if (!user)
        return std::unexpected(user.error());
    auto keys = KeyFile::loadForUpdate(session.keyFilePath());
    if (!keys)
        return std::unexpected(keys.error());
    const KeySlot* slot = keys->slot(user->username);
    if (slot && slot->synced() && !user->keyMaterial.empty())
        return {};
    UserStore store(session);
    const bool mustChange = user->mustChangePassword || session.mustChangePassword();
    return store.replaceKey(*keys, std::move(*user), password, cost, mustChange, "key made synced at sign-in");
}

} // namespace practica::core
