#include "ClinicStore.h"

#include "core/auth/Session.h"
#include "core/clinic/ClinicRows.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"

namespace practica::core {

Status ClinicStore::validate(const Clinic& c)
{
    return clinicRow().check(c);
}

Status ClinicStore::insertInitial(Session& s, const Clinic& c)
{
    if (Status v = validate(c); !v)
        return v;
    auto hlc = s.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    return s.journal().writeRow(clinicRow().table(), c.id, clinicRow().fields(c), true, *hlc);
}

Result<Clinic> ClinicStore::get()
{
    const auto& row = clinicRow();
    auto stmt = m_session.db().prepare("SELECT " + row.columns() + " FROM " + row.table() + " LIMIT 1;");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto found = stmt->step();
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(ErrorCode::NotFound, "clinic");
    Clinic c = row.read(*stmt);
    stmt->reset();
    return c;
}

Status ClinicStore::update(const Clinic& c)
{
    if (Status p = m_session.require(Permission::ClinicManage); !p)
        return p;
    if (Status v = validate(c); !v)
        return v;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto before = get();
    if (!before)
        return std::unexpected(before.error());
    if (before->id != c.id)
        return fail(ErrorCode::NotFound, "clinic", c.id);
    // Only the fields that changed are stamped and sent: another desk's edit of other fields survives.
    const auto changed = changedFields(clinicRow().fields(*before), clinicRow().fields(c));
    if (changed.empty())
        return tx.commit();
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status st = m_session.journal().writeRow(clinicRow().table(), c.id, changed, false, *hlc); !st)
        return st;
    return tx.commit();
}

} // namespace practica::core
