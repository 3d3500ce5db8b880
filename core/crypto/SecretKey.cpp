#include "SecretKey.h"

#include <cstring>
#include <new>
#include <utility>

namespace practica::core {

bool initCrypto()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

SecretKey::SecretKey()
{
    initCrypto();
    m_bytes = static_cast<std::uint8_t*>(sodium_malloc(kSize));
    if (!m_bytes)
        throw std::bad_alloc();
    sodium_memzero(m_bytes, kSize);
}

SecretKey::~SecretKey()
{
    if (m_bytes)
        sodium_free(m_bytes); // sodium_free wipes and unlocks before releasing
}

SecretKey::SecretKey(SecretKey&& other) noexcept : m_bytes(std::exchange(other.m_bytes, nullptr)) {}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept
{
    if (this != &other) {
        if (m_bytes)
            sodium_free(m_bytes);
        m_bytes = std::exchange(other.m_bytes, nullptr);
    }
    return *this;
}

SecretKey SecretKey::random()
{
    SecretKey key;
    randombytes_buf(key.m_bytes, kSize);
    return key;
}

SecretKey SecretKey::fromBytes(std::span<const std::uint8_t, kSize> bytes)
{
    SecretKey key;
    std::memcpy(key.m_bytes, bytes.data(), kSize);
    return key;
}

void SecretKey::wipe()
{
    if (m_bytes)
        sodium_memzero(m_bytes, kSize);
}

} // namespace practica::core
