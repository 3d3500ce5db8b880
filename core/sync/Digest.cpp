#include "Digest.h"

namespace practica::core {

RecordDigest::RecordDigest()
{
    crypto_hash_sha256_init(&m_state);
}

void RecordDigest::feed(std::string_view bytes)
{
    // Length-prefixed, so no value can imitate a separator.
    const std::string length = std::to_string(bytes.size()) + ":";
    crypto_hash_sha256_update(&m_state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
    crypto_hash_sha256_update(&m_state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

void RecordDigest::beginRow(std::string_view entity, std::string_view rowId)
{
    ++m_rows;
    feed("row");
    feed(entity);
    feed(rowId);
}

void RecordDigest::field(std::string_view name, const std::optional<std::string>& value)
{
    if (!value)
        return;
    feed(name);
    feed(*value);
}

std::string RecordDigest::hex()
{
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&m_state, out);
    static const char* digits = "0123456789abcdef";
    std::string text;
    for (unsigned char b : out) {
        text.push_back(digits[b >> 4]);
        text.push_back(digits[b & 15]);
    }
    return text;
}

} // namespace practica::core
