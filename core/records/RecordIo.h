// How the domain stores read and write their records: every record is checked by its type's declared
// rules (the ones the server checks each push by) and written through the change journal, stamping only
// the fields that changed. Internal to core.
#pragma once

#include "core/auth/Session.h"
#include "core/db/Statement.h"
#include "core/records/FieldRules.h"
#include "core/records/RowBinding.h"

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace practica::core::records {

// The record type declared for a table.
const RecordType& typeOf(const std::string& table);

// The clinic's today and a reference check against this workstation's live records.
Result<RuleContext> ruleContext(Session& session);

// The first broken rule of a record as it will be, as a Validation error. A caller writing many records
// passes the rule context it read once.
Status checkRecord(Session& session, const RecordType& type, const std::string& id,
                   const std::vector<FieldValue>& fields, bool creating, const RuleContext* context = nullptr);

struct WriteOptions
{
    std::string_view auditDetail{}; // what the audit event says instead of the changed fields' names
    bool audited = true;            // false: the caller audits the whole operation once
    const RuleContext* context = nullptr;
};

// The fields of after that differ from before (all of them for a new record).
std::vector<FieldValue> changedFields(const std::vector<FieldValue>& after,
                                      const std::optional<std::vector<FieldValue>>& before);

// Checks and writes a record inside the caller's transaction: a new one (before is nullopt) or the
// fields of an existing one that changed. Nothing changed is nothing written.
template <class T>
Status writeRecord(Session& session, const RowBinding<T>& row, const std::string& id, const T& record,
                   const std::optional<std::type_identity_t<T>>& before, const WriteOptions& options)
{
    const std::vector<FieldValue> fields = row.fields(record);
    if (Status s = checkRecord(session, typeOf(row.table()), id, fields, !before, options.context); !s)
        return s;
    std::optional<std::vector<FieldValue>> old;
    if (before)
        old = row.fields(*before);
    const std::vector<FieldValue> changed = changedFields(fields, old);
    if (changed.empty())
        return {};
    auto hlc = session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    return session.journal().writeRow(
        row.table(), id, changed, !before, *hlc,
        ChangeJournal::RowWrite{.auditDetail = std::string(options.auditDetail), .audited = options.audited});
}

template <class T>
Status writeRecord(Session& session, const RowBinding<T>& row, const std::string& id, const T& record,
                   const std::optional<std::type_identity_t<T>>& before, std::string_view auditDetail = {})
{
    return writeRecord(session, row, id, record, before, WriteOptions{.auditDetail = auditDetail});
}

// One record by id; NotFound naming the table when there is none.
template <class T> Result<T> loadRecord(Session& session, const RowBinding<T>& row, const std::string& id)
{
    auto stmt = session.db().prepare("SELECT " + row.columns() + " FROM " + row.table() + " WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, id);
    return stmt->template one<T>([&](const Statement& s) { return row.read(s); }, row.table(), id);
}

// The records matching a condition (SQL written by the calling store, never from input) with one text
// parameter, in the order given.
template <class T>
Result<std::vector<T>> listRecords(Session& session, const RowBinding<T>& row, const std::string& where,
                                   const std::string& param, const std::string& orderBy)
{
    auto stmt = session.db().prepare("SELECT " + row.columns() + " FROM " + row.table() + " WHERE " + where +
                                     " ORDER BY " + orderBy + ";");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, param);
    return stmt->template all<T>([&](const Statement& s) { return row.read(s); });
}

} // namespace practica::core::records
