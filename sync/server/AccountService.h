// Who may talk to the server: clinics' user accounts (Argon2id password hashes, lockout), short-lived
// signed access tokens with one-use refresh tokens, and workstation enrolment that an admin approves.
#pragma once

#include "ServerStore.h"
#include "core/crypto/UserKey.h"
#include "core/util/Clock.h"

#include <map>
#include <mutex>
#include <string>

namespace practica::sync {

struct TokenClaims
{
    std::string userId;
    std::string clinicId;
    std::string deviceId;
    std::string role;
};

struct LoginRequest
{
    std::string clinicId;
    std::string username;
    std::string password;
    std::string deviceId;
    std::string deviceName;
    std::string secondFactor; // the current code of the user's authenticator app, when they use one
};

struct Tokens
{
    std::string accessToken;
    std::string refreshToken;
    std::int64_t expiresInSeconds = 0;
    TokenClaims claims;
    std::string displayName;
    std::string keyMaterial; // a sign-in's answer: the user's synced key, which the password just opened
    DeviceStatus deviceStatus = DeviceStatus::Pending;
    int workstationNumber = 0;
};

class AccountService
{
public:
    static constexpr int kMaxFailedLogins = 5;
    static constexpr std::int64_t kLockoutMs = 5 * 60 * 1000;
    static constexpr std::int64_t kAccessTokenMs = 15 * 60 * 1000;
    static constexpr std::int64_t kRefreshTokenMs = 30LL * 24 * 60 * 60 * 1000;

    // secret signs access tokens (HMAC-SHA256): every server process of one store must share it.
    AccountService(ServerStore& store, const core::Clock& clock, std::string secret)
        : m_store(store), m_clock(clock), m_secret(std::move(secret))
    {
    }

    // Checks the password (one answer for an unknown user and a wrong password), counts failures,
    // registers the device on first sight (approved at once when an admin signs in on it).
    Result<Tokens> login(const LoginRequest& request);
    // A new access token for a refresh token. The refresh token stays valid until it expires or its
    // device is revoked: rotating it on every use would lock a workstation out whenever the answer
    // to a refresh is lost on the network.
    Result<Tokens> refresh(const std::string& refreshToken);
    // The claims of a valid, unexpired access token; NotAuthorized otherwise.
    Result<TokenClaims> verify(const std::string& accessToken) const;
    // The token's user as the store has them now: NotAuthorized unless they still exist and are active,
    // DeviceNotApproved unless the device is approved. Read for every request, so a deactivation or a
    // new role takes effect at once rather than when the access token expires.
    Result<ServerUser> currentUser(const TokenClaims& claims);
    Status requireApprovedDevice(const TokenClaims& claims);
    // The token's device as the store has it now, after the checks of currentUser: its scope is what a
    // pull, a row or a digest serves it.
    Result<ServerDevice> currentDevice(const TokenClaims& claims);
    const core::Clock& clock() const { return m_clock; }

    // Admin operations (the server's command line and the admin API).
    Result<std::string> createClinic(const std::string& clinicId, const std::string& name);
    // An account with a key made from the password (as a workstation makes one). The server's command
    // line also writes it to the clinic as a synced user record (addClinicUser), so that every
    // workstation learns of the user; id is that record's id (a new one when empty).
    Result<std::string> addUser(const std::string& clinicId, const std::string& username,
                                const std::string& displayName, const std::string& role, const std::string& password,
                                const std::string& id = {});
    // The cost of the keys addUser makes (tests lower it).
    void setKdfCost(core::KdfCost cost) { m_cost = cost; }
    Status approveDevice(const std::string& clinicId, const std::string& deviceId, const std::string& byUserId);
    // What a device receives from now on: "all" or a role's name (core::SyncScope); Validation (scope,
    // choice) for another name, NotFound for an unknown device. Returns the scope it had.
    Result<std::string> setDeviceScope(const std::string& clinicId, const std::string& deviceId,
                                       const std::string& scope, const std::string& byUserId);

private:
    // A user who set up two-step sign-in gives the current code of their app at the server's sign-in
    // too (joining or enrolling a workstation); a code is accepted once per account and step.
    Status checkSecondFactor(const ServerUser& user, const std::string& code);
    Result<Tokens> issue(const TokenClaims& claims, const std::optional<RefreshToken>& keep = std::nullopt,
                         const std::string& keepText = {});

    ServerStore& m_store;
    const core::Clock& m_clock;
    std::string m_secret;
    core::KdfCost m_cost = core::KdfCost::standard();
    std::mutex m_stepsMutex;
    std::map<std::string, std::int64_t> m_lastSteps; // account id -> the last step whose code it used
};

} // namespace practica::sync
