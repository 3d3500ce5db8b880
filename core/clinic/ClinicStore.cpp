#include "ClinicStore.h"

#include "core/auth/Session.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/util/Validators.h"

namespace practica::core {

namespace {

std::vector<FieldValue> clinicFields(const Clinic& c)
{
    return {{"name", c.name},
            {"npi", c.npi},
            {"tax_id", c.taxId},
            {"address_line1", c.addressLine1},
            {"address_line2", c.addressLine2},
            {"city", c.city},
            {"state", c.state},
            {"zip", c.zip},
            {"phone", c.phone},
            {"time_zone", c.timeZone},
            {"mrn_prefix", c.mrnPrefix}};
}

} // namespace

Status ClinicStore::validate(const Clinic& c)
{
    if (c.name.empty())
        return fail(ErrorCode::Validation, "name", Rule::Required);
    if (!isNpi(c.npi))
        return fail(ErrorCode::Validation, "npi", Rule::Format, {{"format", "npi"}});
    if (!isTaxId(c.taxId))
        return fail(ErrorCode::Validation, "tax_id", Rule::Format, {{"format", "tax_id"}});
    if (c.addressLine1.empty())
        return fail(ErrorCode::Validation, "address_line1", Rule::Required);
    if (c.city.empty())
        return fail(ErrorCode::Validation, "city", Rule::Required);
    if (!isUsState(c.state))
        return fail(ErrorCode::Validation, "state", Rule::Format, {{"format", "us_state"}});
    if (!isZip(c.zip))
        return fail(ErrorCode::Validation, "zip", Rule::Format, {{"format", "zip"}});
    if (c.phone && !normalizePhone(*c.phone))
        return fail(ErrorCode::Validation, "phone", Rule::Format, {{"format", "phone"}});
    if (!isTimeZone(c.timeZone))
        return fail(ErrorCode::Validation, "time_zone", Rule::Format, {{"format", "time_zone"}});
    if (c.mrnPrefix.size() > 4)
        return fail(ErrorCode::Validation, "mrn_prefix", Rule::Text, {{"max_length", "4"}});
    return {};
}

Status ClinicStore::insertInitial(Session& s, const Clinic& c)
{
    if (Status v = validate(c); !v)
        return v;
    auto hlc = s.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    return s.journal().writeRow("clinic", c.id, clinicFields(c), true, *hlc);
}

Result<Clinic> ClinicStore::get()
{
    auto stmt = m_session.db().prepare("SELECT id, name, npi, tax_id, address_line1, address_line2, city, state, zip, "
                                       "phone, time_zone, mrn_prefix FROM clinic LIMIT 1;");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "clinic");
    Clinic c;
    c.id = stmt->text(0);
    c.name = stmt->text(1);
    c.npi = stmt->text(2);
    c.taxId = stmt->text(3);
    c.addressLine1 = stmt->text(4);
    c.addressLine2 = stmt->optionalText(5);
    c.city = stmt->text(6);
    c.state = stmt->text(7);
    c.zip = stmt->text(8);
    c.phone = stmt->optionalText(9);
    c.timeZone = stmt->text(10);
    c.mrnPrefix = stmt->text(11);
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
    const auto changed = changedFields(clinicFields(*before), clinicFields(c));
    if (changed.empty())
        return tx.commit();
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status st = m_session.journal().writeRow("clinic", c.id, changed, false, *hlc); !st)
        return st;
    return tx.commit();
}

} // namespace practica::core
