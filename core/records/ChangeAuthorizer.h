// Decides whether a user may make one synced change, from the record type's declaration and the
// permission table: which operation the change is (a creation, an edit, a tombstone), which fields it
// really changes, and whether it touches what nobody may change on their own row.
#pragma once

#include "core/auth/Permissions.h"
#include "core/records/RecordType.h"
#include "core/sync/SyncChange.h"

#include <optional>
#include <string>

namespace practica::core {

// Why a change is not allowed: the operation, the field when one field is the reason, and the
// permission the user lacks (none when nobody may do it: a tombstone of a type that is never deleted,
// or a change of one's own role).
struct ChangeDenial
{
    RecordOp op = RecordOp::Edit;
    std::string field;
    std::optional<Permission> missing;
    bool ownRow = false;
    // A record that belongs to another user (RecordType::owned): only its owner gives it values.
    bool ownerOnly = false;
};

struct ChangeAuthor
{
    Role role = Role::FrontDesk;
    std::string username;
    // The id of the author's user_account row, for records that belong to one user; empty when unknown.
    std::string userId{};
};

class ChangeAuthorizer
{
public:
    // The operation a change is on a record in the state before (nullopt: the record does not exist).
    static RecordOp operationOf(const std::optional<SyncRow>& before, const SyncChange& change);
    // The change's fields whose values differ from before (when the record is new: those it gives a value).
    static std::vector<std::string> changedFields(const std::optional<SyncRow>& before, const SyncChange& change);

    static std::optional<ChangeDenial> check(const RecordType& type, const ChangeAuthor& author,
                                             const std::optional<SyncRow>& before, const SyncChange& change);
};

} // namespace practica::core
