// A user's key pair as it travels with their synced account: an X25519 key pair whose secret half is
// wrapped with Argon2id(password) and XChaCha20-Poly1305, bound to the user name. Every workstation of
// the clinic seals its own data key to the public half, so the user's password opens any of them;
// the server verifies a sign-in by opening the wrapped secret. Nothing here opens a database alone.
#pragma once

#include "core/Error.h"
#include "core/crypto/SecretKey.h"

#include <cstdint>
#include <string>
#include <vector>

namespace practica::core {

struct KdfCost
{
    std::uint64_t opsLimit = 3;
    std::size_t memLimit = 256u * 1024u * 1024u; // libsodium MODERATE: about 0.4 s on the reference machine

    // Tuned to about 0.3 to 0.5 s on the reference 2-core machine (tests/bench/RESULTS.md).
    static KdfCost standard() { return {}; }
    // The libsodium minimum: only for tests that unlock many times.
    static KdfCost minimal();
    // The most a key may ask for (a larger one could stall whoever opens it, the server included).
    static constexpr std::uint64_t kMaxOps = 16;
    static constexpr std::size_t kMaxMem = std::size_t{1} << 30;
};

struct UserKey
{
    std::string salt; // base64, as every binary field below
    std::uint64_t opsLimit = 0;
    std::size_t memLimit = 0;
    std::string nonce;
    std::string wrappedSecret;
    std::string publicKey;
    // The Ed25519 public key that verifies the user's signatures of their changes (see signingKeyFor);
    // empty in keys made before changes were signed.
    std::string signingPublicKey;

    // A new key pair for the user, its secret wrapped with the password at the given cost; the secret
    // half also goes to secret, when given (to sign with it at once).
    static Result<UserKey> create(const std::string& username, const std::string& password, KdfCost cost,
                                  SecretKey* secret = nullptr);
    // The synced text form: "uk1$ops$mem$salt$nonce$wrapped$public$signing" (older keys end at public).
    std::string encode() const;
    // Validation (rule format, format "user_key") unless the text is a well-formed key within the limits.
    static Result<UserKey> decode(const std::string& text);
    static bool isValid(const std::string& text) { return decode(text).has_value(); }

    // The secret half, when the password is right: WrongPassword otherwise. The associated data binds the
    // wrapping to a purpose and a name (the user name for synced keys; older key files used their own).
    Result<SecretKey> open(const std::string& associatedData, const std::string& password) const;
    static std::string associatedDataFor(const std::string& username) { return "practica-user-key\n" + username; }

    // The signing half follows from the secret the wrapped one holds: two keys that wrap the same secret
    // the same way are one key, whether or not one of them names its signing half.
    bool operator==(const UserKey& other) const
    {
        return salt == other.salt && opsLimit == other.opsLimit && memLimit == other.memLimit && nonce == other.nonce &&
               wrappedSecret == other.wrappedSecret && publicKey == other.publicKey;
    }
};

// The Ed25519 seed with which a user signs their changes, derived from their X25519 secret (so it changes
// when their key pair does, and needs nothing more kept), and its public half in base64.
SecretKey signingKeyFor(const SecretKey& boxSecret);
std::string signingPublicKeyFor(const SecretKey& boxSecret);

// Standard base64 (with padding), as every binary value in a synced key travels; decoding is strict and
// true only for exactly `expected` bytes.
std::string toBase64(const unsigned char* data, std::size_t size);
bool fromBase64(const std::string& text, std::vector<unsigned char>& out, std::size_t expected);

// Seals a data key to a public key (base64), and opens one sealed that way.
Result<std::string> sealTo(const SecretKey& key, const std::string& publicKeyBase64);
Result<SecretKey> openSealed(const std::string& sealedBase64, const std::string& publicKeyBase64,
                             const SecretKey& secret);

} // namespace practica::core
