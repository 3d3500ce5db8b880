// A 256-bit secret held in locked, guarded memory (libsodium) and wiped when destroyed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <sodium.h>
#include <span>

namespace practica::core {

class SecretKey
{
public:
    static constexpr std::size_t kSize = 32;

    SecretKey();
    ~SecretKey();
    SecretKey(SecretKey&& other) noexcept;
    SecretKey& operator=(SecretKey&& other) noexcept;
    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;

    static SecretKey random();
    static SecretKey fromBytes(std::span<const std::uint8_t, kSize> bytes);

    std::span<const std::uint8_t, kSize> bytes() const { return std::span<const std::uint8_t, kSize>(m_bytes, kSize); }
    std::uint8_t* data() { return m_bytes; }
    // Wipes the key now; the object holds zeros afterwards.
    void wipe();

private:
    std::uint8_t* m_bytes;
};

// libsodium must be initialised once before any crypto call; safe to call repeatedly.
bool initCrypto();

} // namespace practica::core
