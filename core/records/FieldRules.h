// Short forms for declaring a record type's fields, and the check that every field rule of a type runs:
// the server runs it on each pushed change, the workstation's merger on each pulled one.
#pragma once

#include "core/records/RecordType.h"
#include "core/sync/SyncChange.h"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace practica::core {

class FieldSpec
{
public:
    FieldSpec(std::string name, FieldKind kind) { m_rule.name = std::move(name), m_rule.kind = kind; }
    FieldSpec& required()
    {
        m_rule.required = true;
        return *this;
    }
    // Required, but a new record may leave it out: the table supplies a value.
    FieldSpec& requiredWithDefault()
    {
        m_rule.required = m_rule.hasDefault = true;
        return *this;
    }
    // Never null, but may be empty (a table default of '').
    FieldSpec& notNull()
    {
        m_rule.required = m_rule.hasDefault = m_rule.allowBlank = true;
        return *this;
    }
    FieldSpec& format(TextFormat f)
    {
        m_rule.format = f;
        return *this;
    }
    FieldSpec& maxLength(std::size_t bytes)
    {
        m_rule.maxLength = bytes;
        return *this;
    }
    FieldSpec& range(std::int64_t min, std::int64_t max)
    {
        m_rule.min = min, m_rule.max = max;
        return *this;
    }
    FieldSpec& min(std::int64_t min)
    {
        m_rule.min = min;
        return *this;
    }
    FieldSpec& past(std::string minDate)
    {
        m_rule.minDate = std::move(minDate), m_rule.notInFuture = true;
        return *this;
    }
    FieldSpec& namesMergedRecord()
    {
        m_rule.namesMergedRecord = true;
        return *this;
    }
    operator FieldRule() const { return m_rule; }

private:
    friend FieldSpec choice(std::string name, std::vector<std::string> choices);
    friend FieldSpec reference(std::string name, std::string type);
    FieldRule m_rule;
};

inline FieldSpec text(std::string name)
{
    return {std::move(name), FieldKind::Text};
}
inline FieldSpec integer(std::string name)
{
    return {std::move(name), FieldKind::Integer};
}
inline FieldSpec flag(std::string name)
{
    return FieldSpec(std::move(name), FieldKind::Flag).requiredWithDefault();
}
inline FieldSpec date(std::string name)
{
    return {std::move(name), FieldKind::Date};
}
inline FieldSpec choice(std::string name, std::vector<std::string> choices)
{
    FieldSpec f(std::move(name), FieldKind::Choice);
    f.m_rule.choices = std::move(choices);
    return f;
}
inline FieldSpec reference(std::string name, std::string type)
{
    FieldSpec f(std::move(name), FieldKind::Reference);
    f.m_rule.references = std::move(type);
    return f;
}

// A broken field rule: the field, the rule's code and its particulars, for the front ends to word.
// Rules: unknown_field, required, not_integer, not_flag, not_date, text (max_length), format (format), choice
// (allowed), range (min, max), too_early (min), future_date, missing_reference (references, id), order (after,
// or_equal).
struct RuleViolation
{
    std::string field;
    std::string rule;
    std::map<std::string, std::string> params;
};

// Every rule code checkFields returns, for front ends' tests: each has a sentence in each front end.
const std::vector<std::string>& ruleCodes();

// Whether a live record of that type has that id; nullopt leaves references unchecked (the
// workstation's database checks its own).
using ReferenceCheck = std::function<Result<bool>(const std::string& type, const std::string& id)>;

struct RuleContext
{
    std::string todayIso;      // the latest date a "not in the future" field may hold
    ReferenceCheck references; // may be empty
};

// Checks what a change sets: the fields it names (known, and each value valid), the required fields a
// new record leaves out, and the orders its fields take part in, against the record as it will be
// (after). The first broken rule is returned.
Result<std::optional<RuleViolation>> checkFields(const RecordType& type, const SyncChange& change, bool creating,
                                                 const SyncRow& after, const RuleContext& context);

// The same violation as params of a refusal or conflict: record_type, field, rule and the rule's own.
std::map<std::string, std::string> violationParams(const RecordType& type, const RuleViolation& violation);

} // namespace practica::core
