// Time-based one-time passwords (RFC 6238 over RFC 4226: HMAC-SHA-1, 6 digits, 30-second steps), as
// authenticator apps make them, for a second factor that works offline: verifying a code needs only
// the workstation's clock and the user's secret. Secrets travel to the app as Base32 (RFC 4648) in an
// otpauth:// URI. Recovery codes are single-use and kept only as hashes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

inline constexpr int kTotpDigits = 6;
inline constexpr int kTotpStepSeconds = 30;
inline constexpr int kTotpSecretBytes = 20; // 160 bits, as RFC 4226 recommends

// The HOTP value of a counter (RFC 4226 section 5.3), zero-padded to digits.
std::string hotpCode(std::span<const unsigned char> secret, std::uint64_t counter, int digits = kTotpDigits);

// The step a Unix time falls in, and that step's code.
std::int64_t totpStep(std::int64_t unixSeconds, int stepSeconds = kTotpStepSeconds);
std::string totpCode(std::span<const unsigned char> secret, std::int64_t unixSeconds, int digits = kTotpDigits,
                     int stepSeconds = kTotpStepSeconds);

// The step a typed code matches, within one step either side of now (clocks drift, people are slow),
// and only above lastUsedStep: a code is good once. Spaces in the typed code are ignored.
std::optional<std::int64_t> totpVerify(std::span<const unsigned char> secret, std::string_view typed,
                                       std::int64_t unixSeconds, std::int64_t lastUsedStep);

// A fresh random secret.
std::vector<unsigned char> newTotpSecret();

// RFC 4648 Base32, upper case, without padding (how authenticator apps take secrets); decoding ignores
// spaces and case and refuses anything else.
std::string base32Encode(std::span<const unsigned char> bytes);
std::optional<std::vector<unsigned char>> base32Decode(std::string_view text);

// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30 (Key URI format).
std::string otpauthUri(std::string_view issuer, std::string_view account, std::span<const unsigned char> secret);

// Ten random recovery codes ("k7qm-2xwd"), and their hashes for storage: a code is checked against the
// hashes and, once used, its hash is removed by the caller.
std::vector<std::string> newRecoveryCodes(int count = 10);
std::string recoveryCodeHash(std::string_view code);
// The index of the hash the typed code matches (dashes, spaces and case ignored), if any.
std::optional<std::size_t> matchRecoveryCode(std::string_view typed, const std::vector<std::string>& hashes);

} // namespace practica::core
