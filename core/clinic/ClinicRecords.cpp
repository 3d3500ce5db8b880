// The clinic's own record: one row, whose id is the clinic's id.
#include "core/auth/SecondFactorPolicy.h"
#include "core/clinic/ClinicRows.h"
#include "core/records/FieldRules.h"

namespace practica::core {

const RowBinding<Clinic>& clinicRow()
{
    using F = TextFormat;
    static const RowBinding<Clinic> row = [] {
        RowBinding<Clinic> r("clinic", &Clinic::id);
        r.field(text("name").required().maxLength(200), &Clinic::name)
            .field(text("npi").required().format(F::Npi), &Clinic::npi)
            .field(text("tax_id").required().format(F::TaxId), &Clinic::taxId)
            .field(text("address_line1").required().maxLength(200), &Clinic::addressLine1)
            .field(text("address_line2").maxLength(200), &Clinic::addressLine2)
            .field(text("city").required().maxLength(100), &Clinic::city)
            .field(text("state").required().format(F::UsState), &Clinic::state)
            .field(text("zip").required().format(F::Zip), &Clinic::zip)
            .field(text("phone").format(F::Phone), &Clinic::phone)
            .field(text("time_zone").required().format(F::TimeZone), &Clinic::timeZone)
            .field(text("mrn_prefix").notNull().maxLength(4), &Clinic::mrnPrefix)
            .field(
                choice("second_factor", secondFactorPolicyNames()).requiredWithDefault(),
                [](const Clinic& c) { return std::optional<std::string>(secondFactorPolicyName(c.secondFactor)); },
                [](Clinic& c, const Statement& s, int i) { c.secondFactor = secondFactorPolicyFrom(s.text(i)); });
        return r;
    }();
    return row;
}

void addClinicRecordTypes(RecordTypes& types)
{
    RecordType clinic;
    clinic.name = clinicRow().table();
    clinic.create = clinic.edit = Permission::ClinicManage;
    clinic.clinicRow = true;
    clinic.fields = clinicRow().rules();
    types.add(std::move(clinic));
}

} // namespace practica::core
