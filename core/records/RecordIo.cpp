#include "RecordIo.h"

#include "core/clinic/ClinicStore.h"
#include "core/util/Validators.h"

namespace practica::core::records {

const RecordType& typeOf(const std::string& table)
{
    static const RecordTypes types = RecordTypes::builtIn();
    const RecordType* type = types.find(table);
    if (!type)
        std::abort(); // a store names a table it did not declare: a programming error
    return *type;
}

Result<RuleContext> ruleContext(Session& session)
{
    auto clinic = ClinicStore(session).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    RuleContext context;
    context.todayIso = isoDateIn(session.clock().nowMs(), clinic->timeZone);
    context.references = [&session](const std::string& type, const std::string& id) -> Result<bool> {
        // Table names come from the record types' declarations, never from input.
        auto stmt = session.db().prepare("SELECT count(*) FROM " + typeOf(type).name + " WHERE id = ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        auto n = stmt->bind(1, id).scalar();
        if (!n)
            return std::unexpected(n.error());
        return *n > 0;
    };
    return context;
}

Status checkRecord(Session& session, const RecordType& type, const std::string& id,
                   const std::vector<FieldValue>& fields, bool creating, const RuleContext* given)
{
    Result<RuleContext> context = given ? Result<RuleContext>(*given) : ruleContext(session);
    if (!context)
        return std::unexpected(context.error());
    SyncChange change;
    change.entity = type.name;
    change.rowId = id;
    change.fields = fields;
    SyncRow after{type.name, id, {}, {}, std::nullopt, std::nullopt};
    for (const auto& f : fields)
        after.values.emplace(f.name, f.value);
    auto found = checkFields(type, change, creating, after, *context);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return {};
    Error e = Error::make(ErrorCode::Validation, (*found)->field, (*found)->rule);
    e.params = (*found)->params;
    return std::unexpected(std::move(e));
}

std::vector<FieldValue> changedFields(const std::vector<FieldValue>& after,
                                      const std::optional<std::vector<FieldValue>>& before)
{
    if (!before)
        return after;
    std::vector<FieldValue> out;
    for (std::size_t i = 0; i < after.size(); ++i)
        if (i >= before->size() || (*before)[i].value != after[i].value)
            out.push_back(after[i]);
    return out;
}

} // namespace practica::core::records
