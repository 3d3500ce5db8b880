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

std::string associatedData(const std::string& databaseId, const std::string& user)
{
    return std::string(kFormat) + "\n" + databaseId + "\n" + user;
}

} // namespace

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
            s.scope = o->optValue<std::string>("scope", "");
            file.m_slots.push_back(std::move(s));
        }
        if (auto retired = root->getArray("deactivated_users"))
            for (std::size_t i = 0; i < retired->size(); ++i)
                file.m_retired.push_back(retired->getElement<std::string>(static_cast<unsigned>(i)));
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
        if (!s.scope.empty())
            o.set("scope", s.scope);
        slots.add(o);
    }
    root.set("slots", slots);
    if (!m_retired.empty()) {
        Poco::JSON::Array retired;
        for (const std::string& name : m_retired)
            retired.add(name);
        root.set("deactivated_users", retired);
    }
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
    auto key = UserKey::create(user, password, cost);
    if (!key)
        return std::unexpected(key.error());
    return setKey(user, *key, dataKey, nullptr, false);
}

Status KeyFile::setKey(const std::string& user, const UserKey& key, const SecretKey& dataKey,
                       const SecretKey* pendingKey, bool mustChangePassword)
{
    KeySlot* existing = find(user);
    if (existing && existing->synced() && existing->key() == key) {
        existing->mustChangePassword = mustChangePassword;
        if (pendingKey && existing->sealedPendingKey.empty()) {
            auto pending = sealTo(*pendingKey, key.publicKey);
            if (!pending)
                return std::unexpected(pending.error());
            existing->sealedPendingKey = *pending;
        }
        return {};
    }
    KeySlot slot;
    slot.user = user;
    slot.salt = key.salt;
    slot.opsLimit = key.opsLimit;
    slot.memLimit = key.memLimit;
    slot.nonce = key.nonce;
    slot.wrappedSecret = key.wrappedSecret;
    slot.publicKey = key.publicKey;
    slot.scope = "user";
    slot.mustChangePassword = mustChangePassword;
    auto sealed = sealTo(dataKey, key.publicKey);
    if (!sealed)
        return std::unexpected(sealed.error());
    slot.sealedDataKey = *sealed;
    if (pendingKey) {
        auto pending = sealTo(*pendingKey, key.publicKey);
        if (!pending)
            return std::unexpected(pending.error());
        slot.sealedPendingKey = *pending;
    }
    if (existing)
        *existing = std::move(slot);
    else
        m_slots.push_back(std::move(slot));
    std::erase(m_retired, user);
    return {};
}

const KeySlot* KeyFile::slot(const std::string& user) const
{
    for (const auto& s : m_slots)
        if (s.user == user)
            return &s;
    return nullptr;
}

Status KeyFile::retireSlot(const std::string& user)
{
    if (Status s = removeSlot(user); !s)
        return s;
    if (std::find(m_retired.begin(), m_retired.end(), user) == m_retired.end())
        m_retired.push_back(user);
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
    if (!slot && std::find(m_retired.begin(), m_retired.end(), user) != m_retired.end()) {
        recordFailure(user, nowMs, "deactivated");
        if (Status s = save(); !s)
            return std::unexpected(s.error());
        return fail(ErrorCode::WrongPassword, user, Rule::AccountDeactivated);
    }
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
        // Said plainly: a clinic's user names are no secret among its staff, and a user the workstation has
        // not heard of yet needs a different remedy (a sync) from a mistyped password.
        return fail(ErrorCode::WrongPassword, user, Rule::UnknownUser);
    }
    if (slot->lockedUntilMs > nowMs) {
        const std::int64_t seconds = (slot->lockedUntilMs - nowMs + 999) / 1000;
        recordFailure(user, nowMs, "while_locked");
        if (Status s = save(); !s)
            return std::unexpected(s.error());
        return fail(ErrorCode::AccountLocked, user, std::to_string(seconds));
    }

    const UserKey key = slot->key();
    auto secret =
        key.open(slot->synced() ? UserKey::associatedDataFor(user) : associatedData(m_databaseId, user), password);
    if (!secret && secret.error().code != ErrorCode::WrongPassword)
        return fail(ErrorCode::KeyFileInvalid, m_path, "slot for " + user + " is damaged");
    if (!secret) {
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
        auto opened = core::openSealed(text, slot->publicKey, *secret);
        if (!opened)
            return fail(ErrorCode::KeyFileInvalid, m_path, "sealed key for " + user + " does not open");
        return opened;
    };
    auto dataKey = openSealed(slot->sealedDataKey);
    if (!dataKey)
        return std::unexpected(dataKey.error());
    UnlockedKeys keys{std::move(*dataKey),
                      std::nullopt,
                      slot->mustChangePassword,
                      !slot->synced(),
                      KdfCost{slot->opsLimit, slot->memLimit},
                      std::nullopt};
    if (slot->synced())
        keys.signingKey = signingKeyFor(*secret);
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
        auto sealed = sealTo(newDataKey, slot.publicKey);
        if (!sealed)
            return fail(ErrorCode::KeyFileInvalid, m_path, "public key for " + slot.user + " is damaged");
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
