// A canonical SHA-256 over a set of records: equal on two replicas exactly when they hold the same
// records (same tables, row ids, field names and non-null values), whatever order they were written in.
#pragma once

#include <array>
#include <optional>
#include <sodium.h>
#include <string>
#include <string_view>

namespace practica::core {

class RecordDigest
{
public:
    RecordDigest();
    // Rows must come in (entity, row id) order and a row's fields in name order; null values are skipped.
    void beginRow(std::string_view entity, std::string_view rowId);
    void field(std::string_view name, const std::optional<std::string>& value);
    std::string hex();
    std::int64_t rows() const { return m_rows; }

private:
    void feed(std::string_view bytes);
    crypto_hash_sha256_state m_state;
    std::int64_t m_rows = 0;
};

} // namespace practica::core
