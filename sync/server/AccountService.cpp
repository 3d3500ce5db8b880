#include "AccountService.h"

#include "core/auth/Vault.h"
#include "core/crypto/Totp.h"
#include "core/crypto/UserKey.h"
#include "core/sync/SyncScope.h"
#include "core/util/Uuid.h"

#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <sodium.h>

namespace practica::sync {

using core::ErrorCode;
using core::fail;

namespace {

std::string randomToken()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char text[sizeof bytes * 2 + 1];
    sodium_bin2hex(text, sizeof text, bytes, sizeof bytes);
    return text;
}

std::string sha256Hex(const std::string& text)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

// Whether the password opens the account's credential: its synced key (the key pair every workstation
// seals to) or, for an account made on the server before its first workstation synced, its own key or
// an Argon2id hash from an older server.
bool passwordOpens(const ServerUser& u, const std::string& password)
{
    if (u.passwordHash.starts_with("uk1$")) {
        auto key = core::UserKey::decode(u.passwordHash);
        return key && key->open(core::UserKey::associatedDataFor(u.username), password).has_value();
    }
    return !u.passwordHash.empty() &&
           crypto_pwhash_str_verify(u.passwordHash.c_str(), password.data(), password.size()) == 0;
}

bool isRole(const std::string& role)
{
    return role == "admin" || role == "front_desk" || role == "clinician" || role == "biller";
}

} // namespace

Result<Tokens> AccountService::login(const LoginRequest& request)
{
    if (request.deviceId.empty() || request.deviceId.size() > 64)
        return fail(ErrorCode::Validation, "device", core::Rule::Required);
    auto user = m_store.user(request.clinicId, request.username);
    if (!user)
        return std::unexpected(user.error());
    const std::int64_t now = m_clock.nowMs();
    if (!*user || !(*user)->active) {
        // Spend the same time as a real check, so timing does not reveal which user names exist.
        char hash[crypto_pwhash_STRBYTES];
        if (crypto_pwhash_str(hash, request.password.data(), request.password.size(),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
            return fail(ErrorCode::Internal, "password", "out of memory hashing the password");
        return fail(ErrorCode::WrongPassword);
    }
    ServerUser& u = **user;
    if (u.lockedUntilMs > now)
        return fail(ErrorCode::AccountLocked, u.username, std::to_string((u.lockedUntilMs - now + 999) / 1000));
    if (!passwordOpens(u, request.password)) {
        const int failed = u.failedLogins + 1;
        const bool lock = failed >= kMaxFailedLogins;
        if (Status s = m_store.recordLogin(u.id, lock ? 0 : failed, lock ? now + kLockoutMs : 0); !s)
            return std::unexpected(s.error());
        if (lock)
            return fail(ErrorCode::AccountLocked, u.username, std::to_string(kLockoutMs / 1000));
        return fail(ErrorCode::WrongPassword);
    }
    if (Status s = checkSecondFactor(u, request.secondFactor); !s) {
        if (s.error().code == ErrorCode::WrongSecondFactor) {
            // A wrong code counts toward the lockout like a wrong password.
            const int failed = u.failedLogins + 1;
            const bool lock = failed >= kMaxFailedLogins;
            if (Status r = m_store.recordLogin(u.id, lock ? 0 : failed, lock ? now + kLockoutMs : 0); !r)
                return std::unexpected(r.error());
        }
        return std::unexpected(s.error());
    }
    if (u.failedLogins != 0 || u.lockedUntilMs != 0)
        if (Status s = m_store.recordLogin(u.id, 0, 0); !s)
            return std::unexpected(s.error());

    ServerDevice device;
    device.clinicId = u.clinicId;
    device.deviceId = request.deviceId;
    device.name = request.deviceName.empty() ? request.deviceId : request.deviceName;
    device.status = u.role == "admin" ? DeviceStatus::Approved : DeviceStatus::Pending;
    // A desk receives what its enrolling user's role reads; an admin typically sets up every desk, so
    // theirs receives everything until an admin narrows it.
    device.scope = u.role == "admin" ? "all" : u.role;
    device.requestedBy = u.id;
    device.requestedMs = now;
    if (device.status == DeviceStatus::Approved) {
        device.approvedBy = u.id;
        device.approvedMs = now;
    }
    if (Status s = m_store.requestDevice(device); !s)
        return std::unexpected(s.error());
    auto stored = m_store.device(u.clinicId, request.deviceId);
    if (!stored)
        return std::unexpected(stored.error());
    if (*stored && (*stored)->status == DeviceStatus::Pending && u.role == "admin")
        if (Status s = m_store.setDeviceStatus(u.clinicId, request.deviceId, DeviceStatus::Approved, u.id, now); !s)
            return std::unexpected(s.error());

    auto tokens = issue(TokenClaims{u.id, u.clinicId, request.deviceId, u.role});
    if (!tokens)
        return tokens;
    tokens->displayName = u.displayName;
    if (u.passwordHash.starts_with("uk1$"))
        tokens->keyMaterial = u.passwordHash;
    tokens->workstationNumber = *stored ? (*stored)->number : 0;
    tokens->deviceStatus =
        u.role == "admin" ? DeviceStatus::Approved : (*stored ? (*stored)->status : DeviceStatus::Pending);
    return tokens;
}

Status AccountService::checkSecondFactor(const ServerUser& user, const std::string& code)
{
    // The user's synced account record, then their second factor's record (both short lists).
    auto accounts = m_store.rowsAfter(user.clinicId, "user_account", "", 100000);
    if (!accounts)
        return std::unexpected(accounts.error());
    std::string rowId;
    for (const SyncRow& row : *accounts) {
        auto name = row.values.find("username");
        if (!row.isDeleted() && name != row.values.end() && name->second == user.username)
            rowId = row.rowId;
    }
    if (rowId.empty())
        return {};
    auto factors = m_store.rowsAfter(user.clinicId, "user_totp", "", 100000);
    if (!factors)
        return std::unexpected(factors.error());
    std::optional<std::vector<unsigned char>> secret;
    for (const SyncRow& row : *factors) {
        auto owner = row.values.find("user_id");
        auto value = row.values.find("secret");
        if (!row.isDeleted() && owner != row.values.end() && owner->second == rowId && value != row.values.end() &&
            value->second && !value->second->empty())
            secret = core::base32Decode(*value->second);
    }
    if (!secret)
        return {}; // not set up: a workstation asks them to set it up when the clinic requires it
    if (code.empty())
        return fail(ErrorCode::SecondFactorRequired, "code");
    std::lock_guard lock(m_stepsMutex);
    const std::int64_t last = m_lastSteps.contains(user.id) ? m_lastSteps[user.id] : -1;
    auto step = core::totpVerify(*secret, code, m_clock.nowMs() / 1000, last);
    if (!step) {
        const bool used = last >= 0 && core::totpVerify(*secret, code, m_clock.nowMs() / 1000, -1).has_value();
        return fail(ErrorCode::WrongSecondFactor, "code", used ? "used" : "");
    }
    m_lastSteps[user.id] = *step;
    return {};
}

Result<Tokens> AccountService::issue(const TokenClaims& claims, const std::optional<RefreshToken>& keep,
                                     const std::string& keepText)
{
    Poco::JWT::Token token;
    token.setType("JWT");
    token.setSubject(claims.userId);
    token.payload().set("clinic", claims.clinicId);
    token.payload().set("device", claims.deviceId);
    token.payload().set("role", claims.role);
    const std::int64_t now = m_clock.nowMs();
    token.setIssuedAt(Poco::Timestamp(now * 1000));
    token.setExpiration(Poco::Timestamp((now + kAccessTokenMs) * 1000));
    Poco::JWT::Signer signer(m_secret);
    Tokens out;
    out.accessToken = signer.sign(token, Poco::JWT::Signer::ALGO_HS256);
    out.expiresInSeconds = kAccessTokenMs / 1000;
    out.claims = claims;
    if (keep) {
        out.refreshToken = keepText;
        if (Status s = m_store.saveRefreshToken(*keep); !s)
            return std::unexpected(s.error());
        return out;
    }
    out.refreshToken = randomToken();
    RefreshToken stored{sha256Hex(out.refreshToken), claims.clinicId, claims.userId, claims.deviceId,
                        now + kRefreshTokenMs};
    if (Status s = m_store.saveRefreshToken(stored); !s)
        return std::unexpected(s.error());
    return out;
}

Result<Tokens> AccountService::refresh(const std::string& refreshToken)
{
    auto stored = m_store.takeRefreshToken(sha256Hex(refreshToken));
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored || (*stored)->expiresMs <= m_clock.nowMs())
        return fail(ErrorCode::NotAuthorized, "refresh_token", "unknown, used or expired");
    auto user = m_store.userById((*stored)->userId);
    if (!user)
        return std::unexpected(user.error());
    if (!*user || !(*user)->active || (*user)->clinicId != (*stored)->clinicId)
        return fail(ErrorCode::NotAuthorized, "user", "inactive");
    auto device = m_store.device((*stored)->clinicId, (*stored)->deviceId);
    if (!device)
        return std::unexpected(device.error());
    if (!*device || (*device)->status == DeviceStatus::Revoked)
        return fail(ErrorCode::NotAuthorized, "device", "revoked");
    auto tokens =
        issue(TokenClaims{(*user)->id, (*user)->clinicId, (*stored)->deviceId, (*user)->role}, **stored, refreshToken);
    if (tokens)
        tokens->displayName = (*user)->displayName;
    return tokens;
}

Result<TokenClaims> AccountService::verify(const std::string& accessToken) const
{
    try {
        Poco::JWT::Signer signer(m_secret);
        Poco::JWT::Token token;
        if (!signer.tryVerify(accessToken, token))
            return fail(ErrorCode::NotAuthorized, "token", "bad signature");
        if (token.getExpiration().epochMicroseconds() / 1000 <= m_clock.nowMs())
            return fail(ErrorCode::NotAuthorized, "token", "expired");
        TokenClaims c;
        c.userId = token.getSubject();
        c.clinicId = token.payload().optValue<std::string>("clinic", "");
        c.deviceId = token.payload().optValue<std::string>("device", "");
        c.role = token.payload().optValue<std::string>("role", "");
        if (c.userId.empty() || c.clinicId.empty() || c.deviceId.empty())
            return fail(ErrorCode::NotAuthorized, "token", "incomplete");
        return c;
    } catch (const Poco::Exception&) {
        return fail(ErrorCode::NotAuthorized, "token", "malformed");
    }
}

Status AccountService::requireApprovedDevice(const TokenClaims& claims)
{
    auto user = currentUser(claims);
    if (!user)
        return std::unexpected(user.error());
    return {};
}

Result<ServerDevice> AccountService::currentDevice(const TokenClaims& claims)
{
    if (auto user = currentUser(claims); !user)
        return std::unexpected(user.error());
    auto device = m_store.device(claims.clinicId, claims.deviceId);
    if (!device)
        return std::unexpected(device.error());
    if (!*device)
        return fail(ErrorCode::NotAuthorized, "device", "revoked");
    return std::move(**device);
}

Result<ServerUser> AccountService::currentUser(const TokenClaims& claims)
{
    auto user = m_store.userById(claims.userId);
    if (!user)
        return std::unexpected(user.error());
    if (!*user || !(*user)->active || (*user)->clinicId != claims.clinicId)
        return fail(ErrorCode::NotAuthorized, "user", "inactive");
    auto device = m_store.device(claims.clinicId, claims.deviceId);
    if (!device)
        return std::unexpected(device.error());
    if (!*device || (*device)->status == DeviceStatus::Revoked)
        return fail(ErrorCode::NotAuthorized, "device", "revoked");
    if ((*device)->status != DeviceStatus::Approved)
        return fail(ErrorCode::DeviceNotApproved, "device", claims.deviceId);
    return std::move(**user);
}

Result<std::string> AccountService::createClinic(const std::string& clinicId, const std::string& name)
{
    const std::string id = clinicId.empty() ? core::uuidV7(m_clock.nowMs()) : clinicId;
    if (!core::isUuid(id))
        return fail(ErrorCode::Validation, "clinic", core::Rule::Format, {{"format", "uuid"}});
    if (Status s = m_store.createClinic(ServerClinic{id, name, m_clock.nowMs()}); !s)
        return std::unexpected(s.error());
    return id;
}

Result<std::string> AccountService::addUser(const std::string& clinicId, const std::string& username,
                                            const std::string& displayName, const std::string& role,
                                            const std::string& password, const std::string& id)
{
    if (!isRole(role))
        return fail(ErrorCode::Validation, "role", core::Rule::Choice,
                    {{"allowed", "admin,clinician,front_desk,biller"}});
    if (username.empty() || username.size() > 64)
        return fail(ErrorCode::Validation, "username", core::Rule::Text, {{"max_length", "64"}});
    auto clinic = m_store.clinic(clinicId);
    if (!clinic)
        return std::unexpected(clinic.error());
    if (!*clinic)
        return fail(ErrorCode::NotFound, "clinic", clinicId);
    if (Status v = core::Vault::checkPassword(password); !v)
        return std::unexpected(v.error());
    // The same kind of key a workstation makes: the first workstation to sync this user's record (or
    // the record this makes) replaces it with the synced one.
    auto key = core::UserKey::create(username, password, m_cost);
    if (!key)
        return std::unexpected(key.error());
    ServerUser u;
    u.id = id.empty() ? core::uuidV7(m_clock.nowMs()) : id;
    u.clinicId = clinicId;
    u.username = username;
    u.displayName = displayName.empty() ? username : displayName;
    u.role = role;
    u.passwordHash = key->encode();
    if (Status s = m_store.createUser(u); !s)
        return std::unexpected(s.error());
    return u.id;
}

Status AccountService::approveDevice(const std::string& clinicId, const std::string& deviceId,
                                     const std::string& byUserId)
{
    return m_store.setDeviceStatus(clinicId, deviceId, DeviceStatus::Approved, byUserId, m_clock.nowMs());
}

Result<std::string> AccountService::setDeviceScope(const std::string& clinicId, const std::string& deviceId,
                                                   const std::string& scope, const std::string& byUserId)
{
    if (!core::SyncScope::fromName(scope)) {
        std::string allowed;
        for (const std::string& name : core::SyncScope::names())
            allowed.append(allowed.empty() ? "" : ",").append(name);
        return fail(ErrorCode::Validation, "scope", core::Rule::Choice, {{"allowed", allowed}});
    }
    auto device = m_store.device(clinicId, deviceId);
    if (!device)
        return std::unexpected(device.error());
    if (!*device)
        return fail(ErrorCode::NotFound, "device", deviceId);
    if (Status s = m_store.setDeviceScope(clinicId, deviceId, scope, byUserId, m_clock.nowMs()); !s)
        return std::unexpected(s.error());
    return (*device)->scope;
}

} // namespace practica::sync
