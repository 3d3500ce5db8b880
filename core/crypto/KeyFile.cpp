#include "KeyFile.h"

#include "core/util/AtomicFile.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <unistd.h>

namespace practica::core {

namespace {

constexpr const char* kFormat = "practica-keyslots";
constexpr int kVersion = 1;

std::string toBase64(const unsigned char* data, std::size_t size)
{
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

bool fromBase64(const std::string& text, std::vector<unsigned char>& out, std::size_t expected)
{
    out.assign(text.size(), 0);
    std::size_t len = 0;
    if (sodium_base642bin(out.data(), out.size(), text.c_str(), text.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return false;
    out.resize(len);
    return expected == 0 || len == expected;
}

std::string associatedData(const std::string& databaseId, const std::string& user)
{
    return std::string(kFormat) + "\n" + databaseId + "\n" + user;
}

Result<std::string> seal(const SecretKey& key, const std::vector<unsigned char>& publicKey)
{
    std::vector<unsigned char> sealed(crypto_box_SEALBYTES + SecretKey::kSize);
    if (crypto_box_seal(sealed.data(), key.bytes().data(), SecretKey::kSize, publicKey.data()) != 0)
        return fail(ErrorCode::Internal, {}, "crypto_box_seal");
    return toBase64(sealed.data(), sealed.size());
}

} // namespace

KdfCost KdfCost::minimal()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

KeyFile KeyFile::create(const std::string& path, const std::string& databaseId)
{
    initCrypto();
    return KeyFile(path, databaseId);
}

Result<KeyFile> KeyFile::load(const std::string& path)
{
    initCrypto();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return fail(ErrorCode::KeyFileMissing, path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::Io, path, "cannot read");
    std::stringstream buffer;
    buffer << in.rdbuf();
    try {
        Poco::JSON::Parser parser;
        auto root = parser.parse(buffer.str()).extract<Poco::JSON::Object::Ptr>();
        if (!root || root->optValue<std::string>("format", "") != kFormat)
            return fail(ErrorCode::KeyFileInvalid, path, "not a Practica key file");
        if (root->optValue<int>("version", 0) != kVersion)
            return fail(ErrorCode::KeyFileInvalid, path, "unsupported key file version");
        KeyFile file(path, root->getValue<std::string>("database_id"));
        auto slots = root->getArray("slots");
        if (!slots)
            return fail(ErrorCode::KeyFileInvalid, path, "no slots");
        for (std::size_t i = 0; i < slots->size(); ++i) {
            auto o = slots->getObject(static_cast<unsigned>(i));
            KeySlot s;
            s.user = o->getValue<std::string>("user");
            s.salt = o->getValue<std::string>("salt");
            s.opsLimit = o->getValue<std::uint64_t>("ops_limit");
            s.memLimit = o->getValue<std::size_t>("mem_limit");
            s.nonce = o->getValue<std::string>("nonce");
            s.wrappedSecret = o->getValue<std::string>("wrapped_secret");
            s.publicKey = o->getValue<std::string>("public_key");
            s.sealedDataKey = o->getValue<std::string>("sealed_data_key");
            s.sealedPendingKey = o->optValue<std::string>("sealed_pending_key", "");
            s.failedAttempts = o->optValue<int>("failed_attempts", 0);
            s.lockedUntilMs = o->optValue<std::int64_t>("locked_until_ms", 0);
            s.mustChangePassword = o->optValue<bool>("must_change_password", false);
            file.m_slots.push_back(std::move(s));
        }
        if (auto failures = root->getArray("failed_sign_ins"))
            for (std::size_t i = 0; i < failures->size(); ++i) {
                auto o = failures->getObject(static_cast<unsigned>(i));
                file.m_failures.push_back({o->getValue<std::string>("user"), o->getValue<std::int64_t>("at_ms"),
                                           o->getValue<std::string>("reason")});
            }
        return file;
    } catch (const Poco::Exception& e) {
        return fail(ErrorCode::KeyFileInvalid, path, e.displayText());
    } catch (const std::exception& e) {
        return fail(ErrorCode::KeyFileInvalid, path, e.what());
    }
}

Result<KeyFile> KeyFile::loadForUpdate(const std::string& path)
{
    const std::string lockPath = path + ".lock";
    const int fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(errno == EACCES || errno == EROFS ? ErrorCode::ReadOnly : ErrorCode::Io, lockPath,
                    std::strerror(errno));
    auto lock = std::shared_ptr<int>(new int(fd), [](int* d) {
        ::close(*d); // closing the last descriptor releases the lock
        delete d;
    });
    while (::flock(fd, LOCK_EX) != 0)
        if (errno != EINTR)
            return fail(ErrorCode::Io, lockPath, std::strerror(errno));
    auto file = load(path);
    if (file)
        file->m_lock = std::move(lock);
    return file;
}

Status KeyFile::save() const
{
    Poco::JSON::Object root;
    root.set("format", kFormat);
    root.set("version", kVersion);
    root.set("database_id", m_databaseId);
    Poco::JSON::Array slots;
    for (const KeySlot& s : m_slots) {
        Poco::JSON::Object o;
        o.set("user", s.user);
        o.set("salt", s.salt);
        o.set("ops_limit", s.opsLimit);
        o.set("mem_limit", static_cast<std::uint64_t>(s.memLimit));
        o.set("nonce", s.nonce);
        o.set("wrapped_secret", s.wrappedSecret);
        o.set("public_key", s.publicKey);
        o.set("sealed_data_key", s.sealedDataKey);
        if (!s.sealedPendingKey.empty())
            o.set("sealed_pending_key", s.sealedPendingKey);
        o.set("failed_attempts", s.failedAttempts);
        o.set("locked_until_ms", s.lockedUntilMs);
        if (s.mustChangePassword)
            o.set("must_change_password", true);
        slots.add(o);
    }
    root.set("slots", slots);
    if (!m_failures.empty()) {
        Poco::JSON::Array failures;
        for (const SignInFailure& f : m_failures) {
            Poco::JSON::Object o;
            o.set("user", f.user);
            o.set("at_ms", f.atMs);
            o.set("reason", f.reason);
            failures.add(o);
        }
        root.set("failed_sign_ins", failures);
    }
    std::ostringstream out;
    root.stringify(out, 2);
    out << "\n";
    return writeFileAtomically(m_path, out.str());
}

bool KeyFile::hasSlot(const std::string& user) const
{
    for (const auto& s : m_slots)
        if (s.user == user)
            return true;
    return false;
}

Status KeyFile::requirePasswordChange(const std::string& user)
{
    KeySlot* slot = find(user);
    if (!slot)
        return fail(ErrorCode::NotFound, "username", user);
    slot->mustChangePassword = true;
    return {};
}

void KeyFile::recordFailure(const std::string& user, std::int64_t nowMs, const char* reason)
{
    if (m_failures.size() >= kMaxKeptFailures)
        m_failures.erase(m_failures.begin());
    m_failures.push_back({user, nowMs, reason});
}

void KeyFile::forgetSignInFailures(const std::vector<SignInFailure>& logged)
{
    std::erase_if(m_failures,
                  [&](const SignInFailure& f) { return std::find(logged.begin(), logged.end(), f) != logged.end(); });
}

KeySlot* KeyFile::find(const std::string& user)
{
    for (auto& s : m_slots)
        if (s.user == user)
            return &s;
    return nullptr;
}

Status KeyFile::setSlot(const std::string& user, const std::string& password, const SecretKey& dataKey, KdfCost cost)
{
    KeySlot slot;
    slot.user = user;
    slot.opsLimit = cost.opsLimit;
    slot.memLimit = cost.memLimit;

    unsigned char salt[crypto_pwhash_SALTBYTES];
    randombytes_buf(salt, sizeof salt);
    SecretKey passwordKey;
    if (crypto_pwhash(passwordKey.data(), SecretKey::kSize, password.data(), password.size(), salt, cost.opsLimit,
                      cost.memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(ErrorCode::Internal, {}, "crypto_pwhash out of memory");

    unsigned char publicKey[crypto_box_PUBLICKEYBYTES];
    SecretKey boxSecret; // X25519 secret keys are 32 bytes, the same size as SecretKey
    static_assert(crypto_box_SECRETKEYBYTES == SecretKey::kSize);
    crypto_box_keypair(publicKey, boxSecret.data());

    unsigned char nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
    randombytes_buf(nonce, sizeof nonce);
    const std::string ad = associatedData(m_databaseId, user);
    std::vector<unsigned char> wrapped(SecretKey::kSize + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long wrappedLen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(wrapped.data(), &wrappedLen, boxSecret.bytes().data(), SecretKey::kSize,
                                               reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
                                               nonce, passwordKey.bytes().data());
    slot.salt = toBase64(salt, sizeof salt);
    slot.nonce = toBase64(nonce, sizeof nonce);
    slot.wrappedSecret = toBase64(wrapped.data(), wrappedLen);
    slot.publicKey = toBase64(publicKey, sizeof publicKey);
    std::vector<unsigned char> pk(publicKey, publicKey + sizeof publicKey);
    auto sealed = seal(dataKey, pk);
    if (!sealed)
        return std::unexpected(sealed.error());
    slot.sealedDataKey = *sealed;

    if (KeySlot* existing = find(user))
        *existing = std::move(slot);
    else
        m_slots.push_back(std::move(slot));
    return {};
}

Status KeyFile::removeSlot(const std::string& user)
{
    const auto before = m_slots.size();
    std::erase_if(m_slots, [&](const KeySlot& s) { return s.user == user; });
    if (m_slots.size() == before)
        return fail(ErrorCode::NotFound, user, "no key slot");
    return {};
}

Result<UnlockedKeys> KeyFile::unlock(const std::string& user, const std::string& password, std::int64_t nowMs)
{
    KeySlot* slot = find(user);
    if (!slot) {
        // Spend the same effort as a real attempt so timing does not reveal which users exist.
        SecretKey scratch;
        unsigned char salt[crypto_pwhash_SALTBYTES] = {};
        const KdfCost cost =
            m_slots.empty() ? KdfCost::standard() : KdfCost{m_slots.front().opsLimit, m_slots.front().memLimit};
        [[maybe_unused]] const int ignored =
            crypto_pwhash(scratch.data(), SecretKey::kSize, password.data(), password.size(), salt, cost.opsLimit,
                          cost.memLimit, crypto_pwhash_ALG_ARGON2ID13);
        // Saved like a wrong password, which also keeps the two answers equally slow.
        recordFailure(user, nowMs, "unknown_user");
        if (Status s = save(); !s)
            return std::unexpected(s.error());
        return fail(ErrorCode::WrongPassword, user);
    }
    if (slot->lockedUntilMs > nowMs) {
        const std::int64_t seconds = (slot->lockedUntilMs - nowMs + 999) / 1000;
        recordFailure(user, nowMs, "while_locked");
        if (Status s = save(); !s)
            return std::unexpected(s.error());
        return fail(ErrorCode::AccountLocked, user, std::to_string(seconds));
    }

    std::vector<unsigned char> salt, nonce, wrapped, publicKey;
    if (!fromBase64(slot->salt, salt, crypto_pwhash_SALTBYTES) ||
        !fromBase64(slot->nonce, nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES) ||
        !fromBase64(slot->wrappedSecret, wrapped, SecretKey::kSize + crypto_aead_xchacha20poly1305_ietf_ABYTES) ||
        !fromBase64(slot->publicKey, publicKey, crypto_box_PUBLICKEYBYTES))
        return fail(ErrorCode::KeyFileInvalid, m_path, "slot for " + user + " is damaged");
    if (slot->opsLimit < crypto_pwhash_OPSLIMIT_MIN || slot->memLimit < crypto_pwhash_MEMLIMIT_MIN ||
        slot->memLimit > (std::size_t{4} << 30))
        return fail(ErrorCode::KeyFileInvalid, m_path, "slot for " + user + " has invalid key derivation limits");

    SecretKey passwordKey;
    if (crypto_pwhash(passwordKey.data(), SecretKey::kSize, password.data(), password.size(), salt.data(),
                      slot->opsLimit, slot->memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(ErrorCode::Internal, {}, "crypto_pwhash out of memory");

    const std::string ad = associatedData(m_databaseId, user);
    SecretKey boxSecret;
    unsigned long long secretLen = 0;
    const bool opened =
        crypto_aead_xchacha20poly1305_ietf_decrypt(boxSecret.data(), &secretLen, nullptr, wrapped.data(),
                                                   wrapped.size(), reinterpret_cast<const unsigned char*>(ad.data()),
                                                   ad.size(), nonce.data(), passwordKey.bytes().data()) == 0;
    if (!opened) {
        slot->failedAttempts += 1;
        const bool nowLocked = slot->failedAttempts >= kMaxFailures;
        if (nowLocked) {
            slot->lockedUntilMs = nowMs + kLockoutMs;
            slot->failedAttempts = 0;
        }
        recordFailure(user, nowMs, nowLocked ? "lockout_started" : "wrong_password");
        if (Status s = save(); !s)
            return std::unexpected(s.error());
        if (nowLocked)
            return fail(ErrorCode::AccountLocked, user, std::to_string(kLockoutMs / 1000));
        return fail(ErrorCode::WrongPassword, user);
    }

    auto openSealed = [&](const std::string& text) -> Result<SecretKey> {
        std::vector<unsigned char> sealed;
        if (!fromBase64(text, sealed, crypto_box_SEALBYTES + SecretKey::kSize))
            return fail(ErrorCode::KeyFileInvalid, m_path, "sealed key for " + user + " is damaged");
        SecretKey key;
        if (crypto_box_seal_open(key.data(), sealed.data(), sealed.size(), publicKey.data(),
                                 boxSecret.bytes().data()) != 0)
            return fail(ErrorCode::KeyFileInvalid, m_path, "sealed key for " + user + " does not open");
        return key;
    };
    auto dataKey = openSealed(slot->sealedDataKey);
    if (!dataKey)
        return std::unexpected(dataKey.error());
    UnlockedKeys keys{std::move(*dataKey), std::nullopt, slot->mustChangePassword};
    if (!slot->sealedPendingKey.empty()) {
        auto pending = openSealed(slot->sealedPendingKey);
        if (!pending)
            return std::unexpected(pending.error());
        keys.pendingKey = std::move(*pending);
    }
    if (slot->failedAttempts != 0 || slot->lockedUntilMs != 0) {
        slot->failedAttempts = 0;
        slot->lockedUntilMs = 0;
        if (Status s = save(); !s)
            return std::unexpected(s.error());
    }
    return keys;
}

Status KeyFile::stagePending(const SecretKey& newDataKey)
{
    for (KeySlot& slot : m_slots) {
        std::vector<unsigned char> pk;
        if (!fromBase64(slot.publicKey, pk, crypto_box_PUBLICKEYBYTES))
            return fail(ErrorCode::KeyFileInvalid, m_path, "public key for " + slot.user + " is damaged");
        auto sealed = seal(newDataKey, pk);
        if (!sealed)
            return std::unexpected(sealed.error());
        slot.sealedPendingKey = *sealed;
    }
    return save();
}

Status KeyFile::promotePending()
{
    for (KeySlot& slot : m_slots) {
        if (slot.sealedPendingKey.empty())
            return fail(ErrorCode::Internal, slot.user, "no pending key to promote");
        slot.sealedDataKey = std::exchange(slot.sealedPendingKey, {});
    }
    return save();
}

Status KeyFile::dropPending()
{
    for (KeySlot& slot : m_slots)
        slot.sealedPendingKey.clear();
    return save();
}

} // namespace practica::core
