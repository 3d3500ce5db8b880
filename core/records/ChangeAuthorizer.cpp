#include "ChangeAuthorizer.h"

#include <algorithm>

namespace practica::core {

namespace {

bool live(const std::optional<SyncRow>& row)
{
    return row && !row->isDeleted();
}

std::optional<std::string> fieldOf(const SyncChange& change, const std::string& name)
{
    for (const auto& f : change.fields)
        if (f.name == name)
            return f.value;
    return std::nullopt;
}

} // namespace

RecordOp ChangeAuthorizer::operationOf(const std::optional<SyncRow>& before, const SyncChange& change)
{
    if (change.deleted)
        return RecordOp::Delete;
    return live(before) ? RecordOp::Edit : RecordOp::Create;
}

std::vector<std::string> ChangeAuthorizer::changedFields(const std::optional<SyncRow>& before, const SyncChange& change)
{
    std::vector<std::string> out;
    for (const auto& f : change.fields) {
        if (live(before)) {
            auto it = before->values.find(f.name);
            if (it != before->values.end() && it->second == f.value)
                continue;
        } else if (!f.value) {
            continue; // a new record's empty field sets nothing (a new patient's merged_into)
        }
        out.push_back(f.name);
    }
    return out;
}

std::optional<ChangeDenial> ChangeAuthorizer::check(const RecordType& type, const ChangeAuthor& author,
                                                    const std::optional<SyncRow>& before, const SyncChange& change)
{
    const RecordOp op = operationOf(before, change);
    if (op == RecordOp::Delete) {
        if (!type.remove)
            return ChangeDenial{op, {}, std::nullopt, false};
        if (!roleAllows(author.role, *type.remove))
            return ChangeDenial{op, {}, type.remove, false};
        return std::nullopt;
    }
    const Permission needed = op == RecordOp::Create ? type.create : type.edit;
    if (!roleAllows(author.role, needed))
        return ChangeDenial{op, {}, needed, false};

    const auto changed = changedFields(before, change);
    for (const GuardedField& g : type.guarded) {
        if (std::find(changed.begin(), changed.end(), g.field) == changed.end())
            continue;
        if (g.value && fieldOf(change, g.field) != g.value)
            continue;
        if (!roleAllows(author.role, g.permission))
            return ChangeDenial{op, g.field, g.permission, false};
    }

    if (op == RecordOp::Edit && !type.ownerField.empty()) {
        auto owner = before->values.find(type.ownerField);
        const bool own = owner != before->values.end() && owner->second == author.username;
        if (own)
            for (const std::string& field : type.notOnOwnRow)
                if (std::find(changed.begin(), changed.end(), field) != changed.end())
                    return ChangeDenial{op, field, std::nullopt, true};
    }
    return std::nullopt;
}

} // namespace practica::core
