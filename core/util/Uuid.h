// Time-ordered UUIDv7 ids (RFC 9562): random enough to be unique across offline workstations,
// ordered by creation so inserts append to the primary-key B-tree.
#pragma once

#include <cstdint>
#include <string>

namespace practica::core {

std::string uuidV7(std::int64_t unixMs);
bool isUuid(const std::string& text);

} // namespace practica::core
