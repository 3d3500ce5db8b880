#include "Totp.h"

#include <Poco/HMACEngine.h>
#include <Poco/SHA1Engine.h>
#include <algorithm>
#include <cctype>
#include <sodium.h>

namespace practica::core {

namespace {

constexpr const char* kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Argon2id at a cost that keeps checking ten hashes under half a second: the codes are long and random,
// and the hashes live inside the encrypted database.
constexpr unsigned long long kRecoveryOps = 2;
constexpr std::size_t kRecoveryMem = 16u * 1024u * 1024u;

std::string normalizedCode(std::string_view typed)
{
    std::string out;
    for (char c : typed)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

} // namespace

std::string hotpCode(std::span<const unsigned char> secret, std::uint64_t counter, int digits)
{
    // Poco's HMAC takes the key as text: any bytes, its length given.
    Poco::HMACEngine<Poco::SHA1Engine> hmac(std::string(reinterpret_cast<const char*>(secret.data()), secret.size()));
    unsigned char message[8];
    for (int i = 7; i >= 0; --i) {
        message[i] = static_cast<unsigned char>(counter & 0xff);
        counter >>= 8;
    }
    hmac.update(message, sizeof message);
    const Poco::DigestEngine::Digest& mac = hmac.digest();
    const std::size_t offset = mac[mac.size() - 1] & 0x0f;
    const std::uint32_t binary =
        (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) | (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
        (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | static_cast<std::uint32_t>(mac[offset + 3]);
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    std::string code = std::to_string(binary % modulus);
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::int64_t totpStep(std::int64_t unixSeconds, int stepSeconds)
{
    return unixSeconds >= 0 ? unixSeconds / stepSeconds : -((-unixSeconds + stepSeconds - 1) / stepSeconds);
}

std::string totpCode(std::span<const unsigned char> secret, std::int64_t unixSeconds, int digits, int stepSeconds)
{
    return hotpCode(secret, static_cast<std::uint64_t>(totpStep(unixSeconds, stepSeconds)), digits);
}

std::optional<std::int64_t> totpVerify(std::span<const unsigned char> secret, std::string_view typed,
                                       std::int64_t unixSeconds, std::int64_t lastUsedStep)
{
    std::string code;
    for (char c : typed)
        if (c != ' ')
            code.push_back(c);
    if (code.size() != static_cast<std::size_t>(kTotpDigits) ||
        !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const std::int64_t now = totpStep(unixSeconds);
    for (std::int64_t step : {now, now - 1, now + 1}) {
        if (step <= lastUsedStep || step < 0)
            continue;
        const std::string expected = hotpCode(secret, static_cast<std::uint64_t>(step));
        if (sodium_memcmp(expected.data(), code.data(), expected.size()) == 0)
            return step;
    }
    return std::nullopt;
}

std::vector<unsigned char> newTotpSecret()
{
    std::vector<unsigned char> secret(kTotpSecretBytes);
    randombytes_buf(secret.data(), secret.size());
    return secret;
}

std::string base32Encode(std::span<const unsigned char> bytes)
{
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out.push_back(kBase32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out.push_back(kBase32[(buffer << (5 - bits)) & 31]);
    return out;
}

std::optional<std::vector<unsigned char>> base32Decode(std::string_view text)
{
    std::vector<unsigned char> out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == ' ' || c == '=')
            continue;
        const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const char* at = std::char_traits<char>::find(kBase32, 32, upper);
        if (!at)
            return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(at - kBase32);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<unsigned char>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

std::string otpauthUri(std::string_view issuer, std::string_view account, std::span<const unsigned char> secret)
{
    auto escaped = [](std::string_view text) {
        std::string out;
        const char* hex = "0123456789ABCDEF";
        for (unsigned char c : text) {
            if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
                out.push_back(static_cast<char>(c));
            } else {
                out.push_back('%');
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 15]);
            }
        }
        return out;
    };
    return "otpauth://totp/" + escaped(issuer) + ":" + escaped(account) + "?secret=" + base32Encode(secret) +
           "&issuer=" + escaped(issuer) + "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
           "&period=" + std::to_string(kTotpStepSeconds);
}

std::vector<std::string> newRecoveryCodes(int count)
{
    std::vector<std::string> codes;
    for (int i = 0; i < count; ++i) {
        unsigned char raw[7];
        randombytes_buf(raw, sizeof raw);
        std::string text = base32Encode(raw).substr(0, 10); // 50 random bits
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        codes.push_back(text.substr(0, 5) + "-" + text.substr(5));
    }
    return codes;
}

std::string recoveryCodeHash(std::string_view code)
{
    const std::string normal = normalizedCode(code);
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, normal.data(), normal.size(), kRecoveryOps, kRecoveryMem) != 0)
        return {};
    return hash;
}

std::optional<std::size_t> matchRecoveryCode(std::string_view typed, const std::vector<std::string>& hashes)
{
    const std::string normal = normalizedCode(typed);
    if (normal.size() != 10)
        return std::nullopt;
    for (std::size_t i = 0; i < hashes.size(); ++i)
        if (crypto_pwhash_str_verify(hashes[i].c_str(), normal.data(), normal.size()) == 0)
            return i;
    return std::nullopt;
}

} // namespace practica::core
