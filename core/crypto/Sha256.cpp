#include "Sha256.h"

#include <sodium.h>

namespace practica::core {

std::string lowerHex(std::span<const unsigned char> bytes)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (unsigned char b : bytes)
        hex.append({kHex[b >> 4], kHex[b & 15]});
    return hex;
}

std::string sha256Hex(std::string_view data)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return lowerHex(digest);
}

} // namespace practica::core
