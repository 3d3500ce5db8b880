// The clinic's own record: one row, whose id is the clinic's id.
#include "core/records/FieldRules.h"

namespace practica::core {

void addClinicRecordTypes(RecordTypes& types)
{
    using F = TextFormat;
    RecordType clinic;
    clinic.name = "clinic";
    clinic.create = clinic.edit = Permission::ClinicManage;
    clinic.clinicRow = true;
    clinic.fields = {text("name").required(),
                     text("npi").required().format(F::Npi),
                     text("tax_id").required().format(F::TaxId),
                     text("address_line1").required(),
                     text("address_line2"),
                     text("city").required(),
                     text("state").required().format(F::UsState),
                     text("zip").required().format(F::Zip),
                     text("phone").format(F::Phone),
                     text("time_zone").required().format(F::TimeZone),
                     text("mrn_prefix").notNull()};
    types.add(std::move(clinic));
}

} // namespace practica::core
