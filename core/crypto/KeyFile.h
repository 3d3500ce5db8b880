// The key-slot sidecar next to a database, readable before unlocking and holding no secret in the clear.
// Each slot has an X25519 key pair whose secret half is wrapped with Argon2id(password) and
// XChaCha20-Poly1305; the database's data key is sealed to every slot's public key, so rotating the
// data key rewraps all slots without knowing anyone's password.
#pragma once

#include "core/Error.h"
#include "core/crypto/SecretKey.h"
#include "core/crypto/UserKey.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace practica::core {

struct KeySlot
{
    std::string user;
    std::string salt; // base64, as every binary field below
    std::uint64_t opsLimit = 0;
    std::size_t memLimit = 0;
    std::string nonce;
    std::string wrappedSecret; // the slot's X25519 secret key under the password
    std::string publicKey;
    std::string sealedDataKey;
    std::string sealedPendingKey; // non-empty only while a rekey is under way
    int failedAttempts = 0;
    std::int64_t lockedUntilMs = 0;
    bool mustChangePassword = false; // set by an admin's reset: the next sign-in must choose a new one
    // "user": the wrapped key pair is the user's synced one (bound to the user name), the same on every
    // workstation. Empty: a key pair of this workstation's own (bound to the database id), from before
    // keys were synced; the next sign-in replaces it with a synced one.
    std::string scope;

    bool synced() const { return scope == "user"; }
    UserKey key() const { return {salt, opsLimit, memLimit, nonce, wrappedSecret, publicKey, {}}; }
};

// A refused sign-in, kept in the key file (the database cannot be opened to log it) until the next
// sign-in that opens the database writes it to the audit log.
struct SignInFailure
{
    std::string user; // the user name typed, known or not
    std::int64_t atMs = 0;
    std::string reason; // wrong_password, unknown_user, lockout_started, while_locked

    bool operator==(const SignInFailure&) const = default;
};

struct UnlockedKeys
{
    SecretKey dataKey;
    std::optional<SecretKey> pendingKey; // a rekey that may or may not have reached the database
    bool mustChangePassword = false;
    bool ownKeyPair = false; // the slot's key pair is this workstation's own, not the user's synced one
    KdfCost cost;            // the slot's key derivation cost
    // The user's key for signing their changes, from their synced key pair (none for a workstation's own).
    std::optional<SecretKey> signingKey;
};

class KeyFile
{
public:
    static constexpr int kMaxFailures = 5;
    static constexpr std::int64_t kLockoutMs = 5 * 60 * 1000;

    static std::string pathFor(const std::string& databasePath) { return databasePath + ".keys"; }

    static KeyFile create(const std::string& path, const std::string& databaseId);
    static Result<KeyFile> load(const std::string& path);
    // Loads the file to change it: holds an exclusive lock (on PATH.lock, beside it) until release() or
    // until the object goes, so two processes or threads that change the file take turns and neither's
    // change is lost. Every load that is followed by a save() goes through here.
    static Result<KeyFile> loadForUpdate(const std::string& path);
    void release() { m_lock.reset(); }
    Status save() const; // temp file, fsync, rename, fsync of the folder

    const std::string& databaseId() const { return m_databaseId; }
    const std::string& path() const { return m_path; }
    const std::vector<KeySlot>& keySlots() const { return m_slots; }
    bool hasSlot(const std::string& user) const;

    // Adds or replaces the user's slot (a password change is a new slot for the same user): a new key
    // pair for the password. Tests and tools; the product's slots follow the user's synced key (setKey).
    Status setSlot(const std::string& user, const std::string& password, const SecretKey& dataKey, KdfCost cost);
    // Adds or replaces the user's slot with their synced key pair, sealing the data key (and a staged
    // rekey's key, if one is under way) to it. A slot that already holds this key keeps its counters.
    Status setKey(const std::string& user, const UserKey& key, const SecretKey& dataKey, const SecretKey* pendingKey,
                  bool mustChangePassword);
    const KeySlot* slot(const std::string& user) const;
    Status removeSlot(const std::string& user);
    // Removes a deactivated user's slot and remembers the name, so that their sign-in is answered as
    // deactivated rather than unknown. A new slot for the name (reactivation) forgets it.
    Status retireSlot(const std::string& user);
    // Marks the user's slot as needing a new password at the next sign-in (an admin's reset).
    Status requirePasswordChange(const std::string& user);

    // Unwraps the keys. A wrong password counts a failure; kMaxFailures lock the slot for kLockoutMs.
    // The counters are saved to disk. An unknown user is WrongPassword with the rule unknown_user.
    Result<UnlockedKeys> unlock(const std::string& user, const std::string& password, std::int64_t nowMs);

    // Rekey in two saved steps: stagePending() seals the new key beside the current one in every
    // slot, then (after PRAGMA rekey) promotePending() makes it the only one.
    Status stagePending(const SecretKey& newDataKey);
    Status promotePending();
    Status dropPending();

    // The refused sign-ins not yet in the audit log, oldest first (at most kMaxKeptFailures), and their
    // removal once logged (those equal to one given; others may have come meanwhile).
    static constexpr std::size_t kMaxKeptFailures = 500;
    const std::vector<SignInFailure>& signInFailures() const { return m_failures; }
    void forgetSignInFailures(const std::vector<SignInFailure>& logged);

private:
    KeyFile(std::string path, std::string databaseId) : m_path(std::move(path)), m_databaseId(std::move(databaseId)) {}
    KeySlot* find(const std::string& user);
    void recordFailure(const std::string& user, std::int64_t nowMs, const char* reason);

    std::string m_path;
    std::string m_databaseId;
    std::vector<KeySlot> m_slots;
    std::vector<SignInFailure> m_failures;
    std::vector<std::string> m_retired; // deactivated users whose slots were removed
    std::shared_ptr<int> m_lock;        // the lock file's descriptor, closed (and the lock released) with the last copy
};

} // namespace practica::core
