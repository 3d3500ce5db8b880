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

// A record that belongs to one user: its owner may do anything but hand it to someone else; others may
// only empty its fields, with the type's permission for that.
std::optional<ChangeDenial> checkOwned(const OwnedRecord& owned, const ChangeAuthor& author, RecordOp op,
                                       const std::optional<SyncRow>& before, const SyncChange& change,
                                       const std::vector<std::string>& changed)
{
    std::optional<std::string> owner;
    if (live(before)) {
        auto it = before->values.find(owned.userField);
        if (it != before->values.end())
            owner = it->second;
        if (std::find(changed.begin(), changed.end(), owned.userField) != changed.end())
            return ChangeDenial{op, owned.userField, std::nullopt, false, true};
    } else {
        owner = fieldOf(change, owned.userField);
    }
    if (!author.userId.empty() && owner == author.userId)
        return std::nullopt;
    if (op == RecordOp::Create)
        return ChangeDenial{op, {}, std::nullopt, false, true};
    for (const std::string& field : changed)
        if (auto value = fieldOf(change, field); value && !value->empty())
            return ChangeDenial{op, field, std::nullopt, false, true};
    if (!owned.othersClear)
        return ChangeDenial{op, {}, std::nullopt, false, true};
    if (!roleAllows(author.role, *owned.othersClear))
        return ChangeDenial{op, {}, owned.othersClear, false, false};
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
            return ChangeDenial{op, {}, std::nullopt, false, false};
        if (!roleAllows(author.role, *type.remove))
            return ChangeDenial{op, {}, type.remove, false, false};
        return std::nullopt;
    }
    if (type.owned)
        return checkOwned(*type.owned, author, op, before, change, changedFields(before, change));
    const auto changed = changedFields(before, change);
    if (op == RecordOp::Edit && !type.ownerField.empty() && !type.ownerMay.empty() && !changed.empty()) {
        auto owner = before->values.find(type.ownerField);
        const bool own = owner != before->values.end() && owner->second == author.username;
        const bool onlyOwnerFields = std::all_of(changed.begin(), changed.end(), [&](const std::string& f) {
            return std::find(type.ownerMay.begin(), type.ownerMay.end(), f) != type.ownerMay.end();
        });
        if (own && onlyOwnerFields)
            return std::nullopt; // a user's own password, whatever their role
    }
    const Permission needed = op == RecordOp::Create ? type.create : type.edit;
    if (op == RecordOp::Edit && !changed.empty() && !roleAllows(author.role, needed))
        for (const EditGrant& g : type.grants) {
            if (!roleAllows(author.role, g.permission))
                continue;
            const bool onlyGranted = std::all_of(changed.begin(), changed.end(), [&](const std::string& f) {
                return std::find(g.fields.begin(), g.fields.end(), f) != g.fields.end();
            });
            const auto value = g.valueField.empty() ? std::nullopt : fieldOf(change, g.valueField);
            const bool valueAllowed =
                !value || std::find(g.values.begin(), g.values.end(), value.value_or("")) != g.values.end();
            if (onlyGranted && valueAllowed)
                return std::nullopt; // a clinician moving the visit on
        }
    if (!roleAllows(author.role, needed))
        return ChangeDenial{op, {}, needed, false, false};

    for (const GuardedField& g : type.guarded) {
        if (std::find(changed.begin(), changed.end(), g.field) == changed.end())
            continue;
        if (g.value && fieldOf(change, g.field) != g.value)
            continue;
        if (!roleAllows(author.role, g.permission))
            return ChangeDenial{op, g.field, g.permission, false, false};
    }

    if (op == RecordOp::Edit && !type.ownerField.empty()) {
        auto owner = before->values.find(type.ownerField);
        const bool own = owner != before->values.end() && owner->second == author.username;
        if (own)
            for (const std::string& field : type.notOnOwnRow)
                if (std::find(changed.begin(), changed.end(), field) != changed.end())
                    return ChangeDenial{op, field, std::nullopt, true, false};
    }
    return std::nullopt;
}

} // namespace practica::core
