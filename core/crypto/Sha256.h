// SHA-256 (libsodium) as lower-case hex: a file's fingerprint, a signed note's content hash.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace practica::core {

std::string sha256Hex(std::string_view data);
std::string lowerHex(std::span<const unsigned char> bytes);

} // namespace practica::core
