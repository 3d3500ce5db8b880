#include "Uuid.h"

#include "core/crypto/SecretKey.h"

#include <cctype>
#include <cstdio>
#include <mutex>

namespace practica::core {

std::string uuidV7(std::int64_t unixMs)
{
    initCrypto();
    // RFC 9562 method 1: a 12-bit counter in rand_a keeps ids from one process strictly increasing,
    // even within one millisecond or when the clock steps back.
    static std::mutex mutex;
    static std::uint64_t lastMs = 0;
    static std::uint32_t counter = 0;
    std::uint64_t ms = static_cast<std::uint64_t>(unixMs);
    {
        std::lock_guard lock(mutex);
        if (ms <= lastMs) {
            ms = lastMs;
            if (++counter > 0xfff) {
                ms += 1;
                counter = 0;
            }
        } else {
            counter = 0;
        }
        lastMs = ms;
    }
    const std::uint32_t seq = counter;
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>(ms >> (40 - 8 * i));
    b[6] = static_cast<unsigned char>(0x70 | ((seq >> 8) & 0x0f));
    b[7] = static_cast<unsigned char>(seq & 0xff);
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f));
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

bool isUuid(const std::string& t)
{
    if (t.size() != 36)
        return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (t[i] != '-')
                return false;
        } else if (!std::isxdigit(static_cast<unsigned char>(t[i]))) {
            return false;
        }
    }
    return true;
}

} // namespace practica::core

namespace practica::core {

std::string nameBasedUuid(const std::string& name)
{
    initCrypto();
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(name.data()), name.size());
    hash[6] = static_cast<unsigned char>((hash[6] & 0x0f) | 0x80); // version 8
    hash[8] = static_cast<unsigned char>((hash[8] & 0x3f) | 0x80); // RFC 9562 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out.push_back('-');
        out.push_back(kHex[hash[i] >> 4]);
        out.push_back(kHex[hash[i] & 15]);
    }
    return out;
}

} // namespace practica::core
