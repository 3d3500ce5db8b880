// Two-step sign-in with an authenticator app (TOTP): setting up and removing a user's second factor,
// checking it after the password opened the database, and again for one sensitive action. Works
// offline: a code is checked with the workstation's clock and the synced secret. The guard against a
// code used twice and the count of wrong codes are this workstation's own (never synced).
#pragma once

#include "core/Error.h"
#include "core/auth/Session.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

// A second factor being set up: the secret as the app takes it (Base32, also in the otpauth URI that a
// QR code carries). Nothing is saved until a first code from the app confirms it.
struct TotpEnrolment
{
    std::string secret{};
    std::string uri{};
    std::string account{}; // the user name, as the app lists it
    std::string issuer{};  // the clinic's name
};

struct SecondFactorStatus
{
    bool enrolled = false;
    std::string enrolledAt{}; // UTC YYYY-MM-DDTHH:MM:SSZ
    int recoveryCodesLeft = 0;
};

class SecondFactor
{
public:
    // Wrong codes in a row before the second factor is locked, and for how long (as for passwords).
    static constexpr int kMaxFailures = 5;
    static constexpr std::int64_t kLockoutMs = 5 * 60 * 1000;
    static constexpr int kRecoveryCodes = 10;

    explicit SecondFactor(Session& session) : m_session(session) {}

    // What the signed-in user owes: a code when they have a second factor, an enrolment when the clinic
    // requires one for their role and they have none. Vault::unlock records it on the session.
    static Result<SecondFactorStep> owedAtSignIn(Session& session);
    static Status requireAtSignIn(Session& session);

    // The acting user's own second factor (or, for a user manager, whether another user has one; never
    // their secret).
    Result<SecondFactorStatus> status(const std::string& userId);
    Result<SecondFactorStatus> ownStatus();

    // A fresh secret for the acting user, kept on this workstation until confirmed.
    Result<TotpEnrolment> beginEnrolment();
    // Saves the begun enrolment once the code comes from it (replacing any earlier second factor) and
    // returns the recovery codes, shown this once. Completes a sign-in that owed an enrolment.
    Result<std::vector<std::string>> confirmEnrolment(std::string_view code);

    // At sign-in: a code from the app or a recovery code (used up). Completes the sign-in.
    Status verify(std::string_view codeOrRecoveryCode);
    // A fresh code for one action of an already signed-in user (signing a controlled-substance order).
    Status verifyFresh(std::string_view code);

    // Removes a user's second factor: their own, or anyone's for a user manager (a lost phone).
    Status remove(const std::string& userId);
    Status removeOwn();

private:
    struct Guard
    {
        std::int64_t lastUsedStep = 0;
        int failures = 0;
        std::int64_t lockedUntilMs = 0;
    };
    Result<Guard> guard(const std::string& userId);
    Status checkNotLocked(const Guard& g);
    Status recordFailure(const std::string& userId, Guard g, std::string_view why);
    Status recordSuccess(const std::string& userId, std::int64_t step, std::string_view how);
    // A TOTP code for the acting user; consumeRecovery also accepts a recovery code and uses it up.
    Status check(std::string_view typed, bool acceptRecovery);

    Session& m_session;
};

} // namespace practica::core
