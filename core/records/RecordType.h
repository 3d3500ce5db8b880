// What each synced record type is, declared once: its table and the permission every operation on it
// needs, field by field where it matters. The sync server checks every pushed change against it (a
// workstation's own checks only guard the person at its keyboard), and the workstation reads it to
// decide who may resolve a conflict on a record.
#pragma once

#include "core/auth/Permissions.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

enum class RecordOp
{
    Create,
    Edit,
    Delete // a tombstone
};
std::string_view recordOpName(RecordOp op); // "create", "edit", "delete"

// Setting a field needs a permission beyond the record's edit permission: to any value, or (when value
// is set) to that value only, e.g. a patient's status to "merged" needs the merge permission.
struct GuardedField
{
    std::string field;
    Permission permission;
    std::optional<std::string> value;
};

struct RecordType
{
    std::string name; // the table, and the entity name on the wire
    Permission create = Permission::DatabaseAdmin;
    Permission edit = Permission::DatabaseAdmin;
    // nullopt: the type is never deleted (records are made inactive, merged or amended instead), so a
    // tombstone is refused from everyone.
    std::optional<Permission> remove;
    std::vector<GuardedField> guarded;
    // The field naming the user a row describes (a user's own account), and the fields nobody may change
    // on their own row, whatever their role: an admin cannot demote or deactivate themselves either.
    std::string ownerField;
    std::vector<std::string> notOnOwnRow;
    // The one row of this type is the clinic itself: its id must be the clinic's id.
    bool clinicRow = false;
};

// The record types a process knows: the built-in ones, and in tests test-only ones added to them.
class RecordTypes
{
public:
    // Every synced record type of this build.
    static RecordTypes builtIn();

    // Both hand out references into this object: not callable on a temporary (a range-for over
    // builtIn().all() would read freed memory).
    const RecordType* find(std::string_view name) const&;
    const RecordType* find(std::string_view name) const&& = delete;
    const std::vector<RecordType>& all() const& { return m_types; }
    const std::vector<RecordType>& all() const&& = delete;
    // Adds a type, or replaces the one with the same name.
    void add(RecordType type);

private:
    std::vector<RecordType> m_types;
};

} // namespace practica::core
