#include "Vault.h"

#include "core/auth/SecondFactor.h"
#include "core/auth/UserStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/UserKey.h"
#include "core/db/Migrations.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/util/Uuid.h"

#include <filesystem>

namespace practica::core {

namespace {

Result<std::string> setting(Database& db, const char* key)
{
    auto stmt = db.prepare("SELECT value FROM workstation_setting WHERE key = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotADatabase, key, "workstation setting missing");
    return stmt->text(0);
}

Status putSetting(Database& db, const char* key, const std::string& value)
{
    auto stmt = db.prepare("INSERT OR REPLACE INTO workstation_setting (key, value) VALUES (?, ?);");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, key).bind(2, value).run();
}

void removeQuietly(const std::string& path)
{
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix, ec);
}

} // namespace

Status Vault::checkPassword(const std::string& password)
{
    if (password.size() < kMinPasswordLength)
        return fail(ErrorCode::Validation, "password", Rule::TooShort, {{"min_length", "8"}});
    return {};
}

Result<std::unique_ptr<Session>> Vault::createClinic(const std::string& path, Clinic clinic, const FirstAdmin& admin,
                                                     const Clock& clock, KdfCost cost)
{
    initCrypto();
    if (Status v = ClinicStore::validate(clinic); !v)
        return std::unexpected(v.error());
    if (Status v = UserStore::validateUsername(admin.username); !v)
        return std::unexpected(v.error());
    if (admin.displayName.empty())
        return fail(ErrorCode::Validation, "display_name", Rule::Required);
    if (Status v = checkPassword(admin.password); !v)
        return std::unexpected(v.error());
    const std::string keyPath = KeyFile::pathFor(path);
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return fail(ErrorCode::AlreadyExists, path);
    if (std::filesystem::exists(keyPath, ec))
        return fail(ErrorCode::AlreadyExists, keyPath);

    SecretKey dataKey = SecretKey::random();
    const std::string databaseId = uuidV7(clock.nowMs());
    const std::string deviceId = uuidV7(clock.nowMs());
    auto db = Database::open(path, dataKey, Database::Mode::CreateNew);
    if (!db)
        return std::unexpected(db.error());

    auto build = [&]() -> Result<std::unique_ptr<Session>> {
        if (Status s = migrate(**db); !s)
            return std::unexpected(s.error());
        Actor actor{uuidV7(clock.nowMs()), admin.username, admin.displayName, Role::Admin};
        auto session =
            std::make_unique<Session>(std::move(*db), SecretKey::fromBytes(dataKey.bytes()), actor, deviceId, clock);
        Transaction tx(session->db());
        if (!tx.begun())
            return std::unexpected(tx.begun().error());
        for (auto [key, value] :
             {std::pair{"database_id", databaseId}, std::pair{"device_id", deviceId},
              std::pair{"workstation_number", std::string("1")}, std::pair{"next_mrn", std::string("1")}}) {
            if (Status s = putSetting(session->db(), key, value); !s)
                return std::unexpected(s.error());
        }
        if (clinic.id.empty())
            clinic.id = session->newId();
        if (Status s = ClinicStore::insertInitial(*session, clinic); !s)
            return std::unexpected(s.error());
        SecretKey secret;
        auto key = UserKey::create(admin.username, admin.password, cost, &secret);
        if (!key)
            return std::unexpected(key.error());
        session->setSigningKey(signingKeyFor(secret));
        if (Status s = UserStore::insertInitialAdmin(*session, actor, key->encode()); !s)
            return std::unexpected(s.error());
        if (Status s = tx.commit(); !s)
            return std::unexpected(s.error());

        KeyFile keys = KeyFile::create(keyPath, databaseId);
        if (Status s = keys.setKey(admin.username, *key, dataKey, nullptr, false); !s)
            return std::unexpected(s.error());
        if (Status s = keys.save(); !s)
            return std::unexpected(s.error());
        return session;
    };
    auto result = build();
    if (!result)
        removeQuietly(path); // nothing of a half-made clinic stays behind
    return result;
}

Result<std::unique_ptr<Session>> Vault::joinClinic(const std::string& path, const Actor& user,
                                                   const std::string& password, const std::string& keyMaterial,
                                                   const std::string& deviceId, int workstationNumber,
                                                   const Clock& clock, KdfCost cost)
{
    initCrypto();
    if (Status v = checkPassword(password); !v)
        return std::unexpected(v.error());
    if (workstationNumber < 1 || workstationNumber > 99)
        return fail(ErrorCode::Validation, "workstation_number", Rule::Range, {{"min", "1"}, {"max", "99"}});
    // The user's synced key, which their password must open (the server checked it against the same).
    auto userKey = keyMaterial.empty() ? UserKey::create(user.username, password, cost) : UserKey::decode(keyMaterial);
    if (!userKey)
        return std::unexpected(userKey.error());
    auto opened = userKey->open(UserKey::associatedDataFor(user.username), password);
    if (!opened)
        return std::unexpected(opened.error());
    const std::string keyPath = KeyFile::pathFor(path);
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return fail(ErrorCode::AlreadyExists, path);
    if (std::filesystem::exists(keyPath, ec))
        return fail(ErrorCode::AlreadyExists, keyPath);
    SecretKey dataKey = SecretKey::random();
    const std::string databaseId = uuidV7(clock.nowMs());
    auto db = Database::open(path, dataKey, Database::Mode::CreateNew);
    if (!db)
        return std::unexpected(db.error());
    auto build = [&]() -> Result<std::unique_ptr<Session>> {
        if (Status s = migrate(**db); !s)
            return std::unexpected(s.error());
        auto session =
            std::make_unique<Session>(std::move(*db), SecretKey::fromBytes(dataKey.bytes()), user, deviceId, clock);
        session->setSigningKey(signingKeyFor(*opened));
        Transaction tx(session->db());
        if (!tx.begun())
            return std::unexpected(tx.begun().error());
        // Until the first sync brings the clinic's user list, the server's word identifies the user.
        const std::string identity =
            user.userId + "\t" + user.username + "\t" + user.displayName + "\t" + std::string(roleName(user.role));
        for (auto [key, value] : {std::pair{"database_id", databaseId}, std::pair{"device_id", deviceId},
                                  std::pair{"workstation_number", std::to_string(workstationNumber)},
                                  std::pair{"next_mrn", std::string("1")}, std::pair{"joined_identity", identity}}) {
            if (Status s = putSetting(session->db(), key, value); !s)
                return std::unexpected(s.error());
        }
        if (Status s = tx.commit(); !s)
            return std::unexpected(s.error());
        KeyFile keys = KeyFile::create(keyPath, databaseId);
        if (Status s = keys.setKey(user.username, *userKey, dataKey, nullptr, false); !s)
            return std::unexpected(s.error());
        if (Status s = keys.save(); !s)
            return std::unexpected(s.error());
        return session;
    };
    auto result = build();
    if (!result)
        removeQuietly(path);
    return result;
}

Result<std::unique_ptr<Session>> Vault::unlock(const std::string& path, const std::string& username,
                                               const std::string& password, const Clock& clock)
{
    initCrypto();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return fail(ErrorCode::DatabaseMissing, path);
    auto keys = KeyFile::loadForUpdate(KeyFile::pathFor(path));
    if (!keys)
        return std::unexpected(keys.error());
    auto unlocked = keys->unlock(username, password, clock.nowMs());
    if (!unlocked)
        return std::unexpected(unlocked.error());

    auto db = Database::open(path, unlocked->dataKey, Database::Mode::OpenExisting);
    SecretKey usedKey = std::move(unlocked->dataKey);
    if (!db && db.error().code == ErrorCode::NotADatabase && unlocked->pendingKey) {
        // A rekey was interrupted after the database switched to the new key: finish it.
        db = Database::open(path, *unlocked->pendingKey, Database::Mode::OpenExisting);
        if (db) {
            usedKey = std::move(*unlocked->pendingKey);
            if (Status s = keys->promotePending(); !s)
                return std::unexpected(s.error());
        }
    } else if (db && unlocked->pendingKey) {
        // The rekey never reached the database: forget the staged key.
        if (Status s = keys->dropPending(); !s)
            return std::unexpected(s.error());
    }
    // Refused sign-ins wait in the key file for a sign-in that can write them to the audit log: this one.
    const std::vector<SignInFailure> failures = keys->signInFailures();
    const bool mustChangePassword = unlocked->mustChangePassword;
    const bool ownKeyPair = unlocked->ownKeyPair;
    const KdfCost slotCost = unlocked->cost;
    std::optional<SecretKey> signingKey = std::move(unlocked->signingKey);
    keys->release(); // the counters and any rekey step are saved: other processes may change the file
    if (!db)
        return std::unexpected(db.error());

    auto databaseId = setting(**db, "database_id");
    if (!databaseId)
        return std::unexpected(databaseId.error());
    if (*databaseId != keys->databaseId())
        return fail(ErrorCode::NotADatabase, path, "the key file belongs to another database");
    if (Status s = migrate(**db); !s)
        return std::unexpected(s.error());
    auto deviceId = setting(**db, "device_id");
    if (!deviceId)
        return std::unexpected(deviceId.error());

    auto user = UserStore::findByUsername(**db, username);
    if (!user && user.error().code == ErrorCode::NotFound) {
        // A joined workstation whose first sync has not brought the user list yet.
        if (auto joined = setting(**db, "joined_identity")) {
            std::vector<std::string> parts;
            std::size_t start = 0;
            for (std::size_t tab; (tab = joined->find('\t', start)) != std::string::npos; start = tab + 1)
                parts.push_back(joined->substr(start, tab - start));
            parts.push_back(joined->substr(start));
            if (parts.size() == 4 && parts[1] == username && roleFromName(parts[3]))
                user = User{parts[0], parts[1], parts[2], *roleFromName(parts[3]), true};
        }
    }
    if (!user)
        return std::unexpected(user.error());
    if (!user->active)
        return fail(ErrorCode::WrongPassword, username, Rule::AccountDeactivated);
    Actor actor{user->id, user->username, user->displayName, user->role};
    auto session = std::make_unique<Session>(std::move(*db), std::move(usedKey), actor, *deviceId, clock);
    session->setMustChangePassword(mustChangePassword);
    if (signingKey)
        session->setSigningKey(std::move(*signingKey));
    if (auto last = setting(session->db(), "hlc_last")) {
        HlcStamp stamp;
        if (HlcStamp::parse(*last, stamp))
            session->hlc().restore(stamp);
    }
    Transaction tx(session->db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    for (const SignInFailure& f : failures)
        if (Status s = session->journal().audit(AuditAction::LoginFailed, "user", f.user,
                                                f.reason + " at_ms=" + std::to_string(f.atMs));
            !s)
            return std::unexpected(s.error());
    if (Status s = session->journal().audit(AuditAction::Login, "user", user->id); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    if (!failures.empty()) {
        // Logged: forget them. Should this fail, they are logged again at the next sign-in, never lost.
        if (auto again = KeyFile::loadForUpdate(KeyFile::pathFor(path))) {
            again->forgetSignInFailures(failures);
            (void)again->save();
        }
    }
    // A slot from before keys were synced (or an account without a key) gets the user's synced key, made
    // from the password just typed; then the key file catches up with the user list (should a sync have
    // stopped between merging the users and saving their slots). Neither keeps the user from working:
    // both are tried again at the next sync or sign-in.
    if (ownKeyPair || (user->keyMaterial.empty() && !user->id.empty()))
        (void)UserStore::adoptSignInPassword(*session, password, slotCost);
    (void)UserStore::followUserKeys(*session);
    if (Status s = SecondFactor::requireAtSignIn(*session); !s)
        return std::unexpected(s.error());
    return session;
}

Status Vault::rotateDataKey(Session& session)
{
    if (Status p = session.require(Permission::DatabaseAdmin); !p)
        return p;
    return replaceDataKey(session);
}

Status Vault::replaceDataKey(Session& session)
{
    auto keys = KeyFile::loadForUpdate(session.keyFilePath());
    if (!keys)
        return std::unexpected(keys.error());
    SecretKey newKey = SecretKey::random();
    if (Status s = keys->stagePending(newKey); !s)
        return s;
    if (Status s = session.db().rekey(newKey); !s) {
        (void)keys->dropPending();
        return s;
    }
    if (Status s = keys->promotePending(); !s)
        return s; // the next unlock finishes the promotion from the staged key
    session.replaceDataKey(std::move(newKey));
    Transaction tx(session.db());
    if (!tx.begun())
        return tx.begun();
    if (Status s = session.journal().audit(AuditAction::Rekey, "database", keys->databaseId()); !s)
        return s;
    return tx.commit();
}

} // namespace practica::core
