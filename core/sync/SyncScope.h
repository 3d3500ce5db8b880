// What a workstation receives from the clinic's server (minimum necessary on every disk): every record,
// or the records and fields one role may read as the record types declare it (RecordType::read,
// readGuarded). The server filters pulls and digests through the device's scope; the workstation
// computes its digest and purges what it holds through the scope it was last served.
#pragma once

#include "core/auth/Permissions.h"
#include "core/records/RecordType.h"
#include "core/sync/SyncChange.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

class SyncScope
{
public:
    // Everything: the default of a device an admin enrols (an admin sets up every desk).
    SyncScope() = default;
    static SyncScope all() { return {}; }
    static SyncScope of(Role role) { return SyncScope(role); }
    // "all" or a role's stored name (front_desk, clinician, biller, admin); nullopt for anything else.
    static std::optional<SyncScope> fromName(std::string_view name);
    // Every scope name, "all" first.
    static const std::vector<std::string>& names();

    std::string name() const;
    bool isAll() const { return !m_role; }
    bool operator==(const SyncScope&) const = default;

    bool reads(const RecordType& type) const;
    bool readsField(const RecordType& type, std::string_view field) const;
    // Whether this scope reads a record type or field of types that other does not: going from other to
    // this one, a workstation must pull again what it was not given.
    bool readsMoreThan(const SyncScope& other, const RecordTypes& types) const;

    // The change as this scope sees it: nullopt when it sees none of it (a type it does not read, or an
    // edit of fields it does not read only). A type the process does not know passes as it is. The
    // fields of a change that keeps all of them stay as the store sent them (fieldsJson).
    std::optional<SyncChange> filter(const SyncChange& change, const RecordTypes& types) const;
    // The row as this scope sees it: nullopt for a type it does not read.
    std::optional<SyncRow> filter(const SyncRow& row, const RecordTypes& types) const;

private:
    explicit SyncScope(Role role) : m_role(role) {}
    std::optional<Role> m_role;
};

} // namespace practica::core
