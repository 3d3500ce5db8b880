#include "UserKey.h"

#include <charconv>
#include <cstring>
#include <vector>

namespace practica::core {

namespace {

constexpr const char* kPrefix = "uk1";
constexpr std::size_t kWrappedSize = SecretKey::kSize + crypto_aead_xchacha20poly1305_ietf_ABYTES;

Error badKey()
{
    return Error{ErrorCode::Validation, "key_material", std::string(ruleName(Rule::Format)), {{"format", "user_key"}}};
}

template <class T> bool parseNumber(const std::string& text, T& out)
{
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

} // namespace

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
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.c_str(), text.size(), nullptr, &len, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.c_str() + text.size())
        return false;
    out.resize(len);
    return len == expected;
}

KdfCost KdfCost::minimal()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<UserKey> UserKey::create(const std::string& username, const std::string& password, KdfCost cost,
                                SecretKey* secret)
{
    initCrypto();
    UserKey key;
    key.opsLimit = cost.opsLimit;
    key.memLimit = cost.memLimit;
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
    const std::string ad = associatedDataFor(username);
    unsigned char wrapped[kWrappedSize];
    unsigned long long wrappedLen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(wrapped, &wrappedLen, boxSecret.bytes().data(), SecretKey::kSize,
                                               reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
                                               nonce, passwordKey.bytes().data());
    key.salt = toBase64(salt, sizeof salt);
    key.nonce = toBase64(nonce, sizeof nonce);
    key.wrappedSecret = toBase64(wrapped, wrappedLen);
    key.publicKey = toBase64(publicKey, sizeof publicKey);
    key.signingPublicKey = signingPublicKeyFor(boxSecret);
    if (secret)
        *secret = std::move(boxSecret);
    return key;
}

std::string UserKey::encode() const
{
    return std::string(kPrefix) + "$" + std::to_string(opsLimit) + "$" + std::to_string(memLimit) + "$" + salt + "$" +
           nonce + "$" + wrappedSecret + "$" + publicKey + (signingPublicKey.empty() ? "" : "$" + signingPublicKey);
}

Result<UserKey> UserKey::decode(const std::string& text)
{
    initCrypto();
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t at; (at = text.find('$', start)) != std::string::npos; start = at + 1)
        parts.push_back(text.substr(start, at - start));
    parts.push_back(text.substr(start));
    if ((parts.size() != 7 && parts.size() != 8) || parts[0] != kPrefix)
        return std::unexpected(badKey());
    UserKey key;
    if (!parseNumber(parts[1], key.opsLimit) || !parseNumber(parts[2], key.memLimit))
        return std::unexpected(badKey());
    if (key.opsLimit < crypto_pwhash_OPSLIMIT_MIN || key.opsLimit > KdfCost::kMaxOps ||
        key.memLimit < crypto_pwhash_MEMLIMIT_MIN || key.memLimit > KdfCost::kMaxMem)
        return std::unexpected(badKey());
    key.salt = parts[3];
    key.nonce = parts[4];
    key.wrappedSecret = parts[5];
    key.publicKey = parts[6];
    if (parts.size() == 8)
        key.signingPublicKey = parts[7];
    std::vector<unsigned char> bytes;
    if (!fromBase64(key.salt, bytes, crypto_pwhash_SALTBYTES) ||
        !fromBase64(key.nonce, bytes, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES) ||
        !fromBase64(key.wrappedSecret, bytes, kWrappedSize) ||
        !fromBase64(key.publicKey, bytes, crypto_box_PUBLICKEYBYTES) ||
        (parts.size() == 8 && !fromBase64(key.signingPublicKey, bytes, crypto_sign_PUBLICKEYBYTES)))
        return std::unexpected(badKey());
    return key;
}

Result<SecretKey> UserKey::open(const std::string& associatedData, const std::string& password) const
{
    initCrypto();
    std::vector<unsigned char> saltBytes, nonceBytes, wrapped, publicBytes;
    if (!fromBase64(salt, saltBytes, crypto_pwhash_SALTBYTES) ||
        !fromBase64(nonce, nonceBytes, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES) ||
        !fromBase64(wrappedSecret, wrapped, kWrappedSize) ||
        !fromBase64(publicKey, publicBytes, crypto_box_PUBLICKEYBYTES))
        return std::unexpected(badKey());
    if (opsLimit < crypto_pwhash_OPSLIMIT_MIN || opsLimit > KdfCost::kMaxOps || memLimit < crypto_pwhash_MEMLIMIT_MIN ||
        memLimit > KdfCost::kMaxMem)
        return std::unexpected(badKey());
    SecretKey passwordKey;
    if (crypto_pwhash(passwordKey.data(), SecretKey::kSize, password.data(), password.size(), saltBytes.data(),
                      opsLimit, memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(ErrorCode::Internal, {}, "crypto_pwhash out of memory");
    SecretKey secret;
    unsigned long long secretLen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(secret.data(), &secretLen, nullptr, wrapped.data(), wrapped.size(),
                                                   reinterpret_cast<const unsigned char*>(associatedData.data()),
                                                   associatedData.size(), nonceBytes.data(),
                                                   passwordKey.bytes().data()) != 0)
        return fail(ErrorCode::WrongPassword);
    // The secret must belong to the public half beside it, or sealing to that half would lock the user out.
    unsigned char derived[crypto_box_PUBLICKEYBYTES];
    crypto_scalarmult_base(derived, secret.bytes().data());
    if (sodium_memcmp(derived, publicBytes.data(), sizeof derived) != 0)
        return std::unexpected(badKey());
    // So must the signing half: the server would check the user's signatures against it.
    if (!signingPublicKey.empty() && signingPublicKey != signingPublicKeyFor(secret))
        return std::unexpected(badKey());
    return secret;
}

SecretKey signingKeyFor(const SecretKey& boxSecret)
{
    initCrypto();
    static constexpr char kPurpose[] = "practica-change-signing-v1";
    SecretKey seed;
    static_assert(crypto_sign_SEEDBYTES == SecretKey::kSize);
    crypto_generichash(seed.data(), SecretKey::kSize, reinterpret_cast<const unsigned char*>(kPurpose),
                       sizeof kPurpose - 1, boxSecret.bytes().data(), SecretKey::kSize);
    return seed;
}

std::string signingPublicKeyFor(const SecretKey& boxSecret)
{
    const SecretKey seed = signingKeyFor(boxSecret);
    unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
    static_assert(crypto_sign_SECRETKEYBYTES == 2 * SecretKey::kSize);
    unsigned char expanded[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(publicKey, expanded, seed.bytes().data());
    sodium_memzero(expanded, sizeof expanded);
    return toBase64(publicKey, sizeof publicKey);
}

Result<std::string> sealTo(const SecretKey& key, const std::string& publicKeyBase64)
{
    std::vector<unsigned char> pk;
    if (!fromBase64(publicKeyBase64, pk, crypto_box_PUBLICKEYBYTES))
        return std::unexpected(badKey());
    std::vector<unsigned char> sealed(crypto_box_SEALBYTES + SecretKey::kSize);
    if (crypto_box_seal(sealed.data(), key.bytes().data(), SecretKey::kSize, pk.data()) != 0)
        return fail(ErrorCode::Internal, {}, "crypto_box_seal");
    return toBase64(sealed.data(), sealed.size());
}

Result<SecretKey> openSealed(const std::string& sealedBase64, const std::string& publicKeyBase64,
                             const SecretKey& secret)
{
    std::vector<unsigned char> sealed, pk;
    if (!fromBase64(sealedBase64, sealed, crypto_box_SEALBYTES + SecretKey::kSize) ||
        !fromBase64(publicKeyBase64, pk, crypto_box_PUBLICKEYBYTES))
        return fail(ErrorCode::KeyFileInvalid, {}, "sealed key is damaged");
    SecretKey key;
    if (crypto_box_seal_open(key.data(), sealed.data(), sealed.size(), pk.data(), secret.bytes().data()) != 0)
        return fail(ErrorCode::KeyFileInvalid, {}, "sealed key does not open");
    return key;
}

} // namespace practica::core
