// A record type's fields, each declared once with its rules and the struct member that holds it. The
// record type's field list (and so the server's checks, the merger and the digest) comes from here,
// and so do the store's SELECT columns, its row reader and the fields it writes: no store keeps a
// column list of its own.
#pragma once

#include "core/db/Statement.h"
#include "core/records/FieldRules.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

template <class T> class RowBinding
{
public:
    // The field's text as it is stored and synced (nullopt for null), and the member filled from a column.
    using Getter = std::function<std::optional<std::string>(const T&)>;
    using Setter = std::function<void(T&, const Statement&, int column)>;

    struct Column
    {
        FieldRule rule;
        Getter get;
        Setter set;
    };

    RowBinding(std::string table, std::string T::*id) : m_table(std::move(table)), m_id(id) {}

    // The record type's name, which is its table's.
    const std::string& table() const { return m_table; }

    RowBinding& field(FieldSpec spec, std::string T::*m)
    {
        return field(
            std::move(spec), [m](const T& r) { return std::optional<std::string>(r.*m); },
            [m](T& r, const Statement& s, int c) { r.*m = s.text(c); });
    }
    RowBinding& field(FieldSpec spec, std::optional<std::string> T::*m)
    {
        return field(
            std::move(spec), [m](const T& r) { return r.*m; },
            [m](T& r, const Statement& s, int c) { r.*m = s.optionalText(c); });
    }
    RowBinding& field(FieldSpec spec, bool T::*m)
    {
        return field(
            std::move(spec), [m](const T& r) { return std::optional<std::string>(r.*m ? "1" : "0"); },
            [m](T& r, const Statement& s, int c) { r.*m = s.int64(c) != 0; });
    }
    RowBinding& field(FieldSpec spec, int T::*m)
    {
        return field(
            std::move(spec), [m](const T& r) { return std::optional<std::string>(std::to_string(r.*m)); },
            [m](T& r, const Statement& s, int c) { r.*m = static_cast<int>(s.int64(c)); });
    }
    RowBinding& field(FieldSpec spec, std::int64_t T::*m)
    {
        return field(
            std::move(spec), [m](const T& r) { return std::optional<std::string>(std::to_string(r.*m)); },
            [m](T& r, const Statement& s, int c) { r.*m = s.int64(c); });
    }
    RowBinding& field(FieldSpec spec, std::optional<std::int64_t> T::*m)
    {
        return field(
            std::move(spec),
            [m](const T& r) { return r.*m ? std::optional<std::string>(std::to_string(*(r.*m))) : std::nullopt; },
            [m](T& r, const Statement& s, int c) { r.*m = s.optionalInt64(c); });
    }
    RowBinding& field(FieldSpec spec, std::optional<int> T::*m)
    {
        return field(
            std::move(spec),
            [m](const T& r) { return r.*m ? std::optional<std::string>(std::to_string(*(r.*m))) : std::nullopt; },
            [m](T& r, const Statement& s, int c) {
                r.*m = s.isNull(c) ? std::nullopt : std::optional<int>(static_cast<int>(s.int64(c)));
            });
    }
    // A field the struct holds in another form (an enum, a value computed from other members).
    RowBinding& field(FieldSpec spec, Getter get, Setter set)
    {
        m_columns.push_back({FieldRule(spec), std::move(get), std::move(set)});
        return *this;
    }

    // The record type's fields, in declaration order.
    std::vector<FieldRule> rules() const
    {
        std::vector<FieldRule> out;
        for (const Column& c : m_columns)
            out.push_back(c.rule);
        return out;
    }
    // "id, name, ..." or, with an alias, "a.id, a.name, ...": the columns read() reads, in its order.
    std::string columns(std::string_view alias = {}) const
    {
        const std::string prefix = alias.empty() ? std::string() : std::string(alias) + ".";
        std::string out = prefix + "id";
        for (const Column& c : m_columns)
            out.append(", ").append(prefix).append(c.rule.name);
        return out;
    }
    // How many columns read() takes: the id and every field.
    int width() const { return 1 + static_cast<int>(m_columns.size()); }
    // A record from columns(), starting at column first.
    T read(const Statement& s, int first = 0) const
    {
        T record{};
        record.*m_id = s.text(first);
        for (std::size_t i = 0; i < m_columns.size(); ++i)
            m_columns[i].set(record, s, first + 1 + static_cast<int>(i));
        return record;
    }
    // Every field of the record, as the store writes it and the change journal records it.
    std::vector<FieldValue> fields(const T& record) const
    {
        std::vector<FieldValue> out;
        out.reserve(m_columns.size());
        for (const Column& c : m_columns)
            out.push_back({c.rule.name, c.get(record)});
        return out;
    }

    // The first field rule a new record breaks, as a Validation error naming the field, the rule and its
    // particulars: a store checks what it writes by the rules the server checks every push by.
    Status check(const T& record, const RuleContext& context = {}) const
    {
        RecordType type;
        type.name = m_table;
        type.fields = rules();
        SyncChange change;
        change.entity = m_table;
        change.rowId = record.*m_id;
        change.fields = fields(record);
        SyncRow after{m_table, change.rowId, {}, {}, std::nullopt, std::nullopt};
        for (const auto& f : change.fields)
            after.values.emplace(f.name, f.value);
        auto found = checkFields(type, change, true, after, context);
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return {};
        Error e = Error::make(ErrorCode::Validation, (*found)->field, (*found)->rule);
        e.params = (*found)->params;
        return std::unexpected(std::move(e));
    }

private:
    std::string m_table;
    std::string T::*m_id;
    std::vector<Column> m_columns;
};

} // namespace practica::core
