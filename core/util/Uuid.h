// Time-ordered UUIDv7 ids (RFC 9562): random enough to be unique across offline workstations,
// ordered by creation so inserts append to the primary-key B-tree.
#pragma once

#include <cstdint>
#include <string>

namespace practica::core {

std::string uuidV7(std::int64_t unixMs);
// A name-based UUID (RFC 9562 version 8 over SHA-256 of the name): the same name gives the same id on every
// workstation, so two that make "the same" record (one patient's allergy review, a resource imported twice)
// write one record, which merges field by field instead of doubling.
std::string nameBasedUuid(const std::string& name);
bool isUuid(const std::string& text);

} // namespace practica::core
