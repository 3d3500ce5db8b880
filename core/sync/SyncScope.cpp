#include "SyncScope.h"

#include <algorithm>

namespace practica::core {

std::optional<SyncScope> SyncScope::fromName(std::string_view name)
{
    if (name == "all")
        return all();
    for (Role r : allRoles())
        if (roleName(r) == name)
            return of(r);
    return std::nullopt;
}

const std::vector<std::string>& SyncScope::names()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n{"all"};
        for (Role r : allRoles())
            n.emplace_back(roleName(r));
        return n;
    }();
    return names;
}

std::string SyncScope::name() const
{
    return m_role ? std::string(roleName(*m_role)) : std::string("all");
}

bool SyncScope::reads(const RecordType& type) const
{
    return !m_role || type.readableBy(*m_role);
}

bool SyncScope::readsField(const RecordType& type, std::string_view field) const
{
    return !m_role || type.fieldReadableBy(*m_role, field);
}

bool SyncScope::readsMoreThan(const SyncScope& other, const RecordTypes& types) const
{
    for (const RecordType& type : types.all()) {
        if (!reads(type))
            continue;
        if (!other.reads(type))
            return true;
        for (const RecordType::ReadGuard& g : type.readGuarded)
            if (readsField(type, g.field) && !other.readsField(type, g.field))
                return true;
    }
    return false;
}

std::optional<SyncChange> SyncScope::filter(const SyncChange& change, const RecordTypes& types) const
{
    const RecordType* type = types.find(change.entity);
    if (!m_role || !type)
        return change;
    if (!reads(*type))
        return std::nullopt;
    const bool withholds = std::any_of(type->readGuarded.begin(), type->readGuarded.end(),
                                       [&](const RecordType::ReadGuard& g) { return !readsField(*type, g.field); });
    if (!withholds || change.deleted)
        return change;
    SyncChange seen = change;
    if (!change.fieldsJson.empty()) {
        auto fields = fieldsFromJson(change.fieldsJson);
        if (!fields)
            return std::nullopt; // unreadable as stored: nothing of it can be shown to be readable
        seen.fields = std::move(*fields);
        seen.fieldsJson.clear();
    }
    const std::size_t before = seen.fields.size();
    std::erase_if(seen.fields, [&](const FieldValue& f) { return !readsField(*type, f.name); });
    // A creation says the record exists, which the scope reads; an edit of withheld fields only says nothing.
    if (seen.fields.empty() && before > 0 && seen.baseHlc)
        return std::nullopt;
    return seen;
}

std::optional<SyncRow> SyncScope::filter(const SyncRow& row, const RecordTypes& types) const
{
    const RecordType* type = types.find(row.entity);
    if (!m_role || !type)
        return row;
    if (!reads(*type))
        return std::nullopt;
    SyncRow seen = row;
    for (const RecordType::ReadGuard& g : type->readGuarded)
        if (!readsField(*type, g.field)) {
            seen.values.erase(g.field);
            seen.fieldHlc.erase(g.field);
        }
    return seen;
}

} // namespace practica::core
