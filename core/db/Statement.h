// A prepared statement with bound parameters; finalized when it goes out of scope.
#pragma once

#include "core/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_stmt;

namespace practica::core {

class Database;

class Statement
{
public:
    Statement(Database& db, sqlite3_stmt* stmt) : m_db(&db), m_stmt(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    Statement& bindBlob(int index, const void* data, std::size_t size);
    Statement& bindNull(int index);

    // Advances: true when a row is available, false when done.
    Result<bool> step();
    // Runs a statement that returns no rows.
    Status run();
    void reset();

    // Every row, each made into a T by read(const Statement&).
    template <class T, class Read> Result<std::vector<T>> all(Read read)
    {
        std::vector<T> out;
        while (true) {
            auto row = step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                return out;
            out.push_back(read(*this));
        }
    }
    // The first row made into a T, or NotFound naming what was looked for and which one.
    template <class T, class Read> Result<T> one(Read read, std::string_view what, std::string_view which)
    {
        auto row = step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return fail(ErrorCode::NotFound, std::string(what), std::string(which));
        T value = read(*this);
        reset();
        return value;
    }
    // The first column of the first row as an integer (counts, versions).
    Result<std::int64_t> scalar();

    std::int64_t int64(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    bool isNull(int column) const;

private:
    Database* m_db;
    sqlite3_stmt* m_stmt;
    Status m_bindStatus;
};

} // namespace practica::core
