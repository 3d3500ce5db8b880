#include "RecordType.h"

#include <algorithm>

namespace practica::core {

std::string_view recordOpName(RecordOp op)
{
    switch (op) {
    case RecordOp::Create:
        return "create";
    case RecordOp::Edit:
        return "edit";
    case RecordOp::Delete:
        return "delete";
    }
    return "edit";
}

namespace {

RecordType plain(std::string name, Permission write)
{
    RecordType t;
    t.name = std::move(name);
    t.create = write;
    t.edit = write;
    return t;
}

} // namespace

RecordTypes RecordTypes::builtIn()
{
    using P = Permission;
    RecordTypes types;

    RecordType clinic = plain("clinic", P::ClinicManage);
    clinic.clinicRow = true;
    types.add(clinic);

    RecordType user = plain("user_account", P::UserManage);
    user.ownerField = "username";
    user.notOnOwnRow = {"role", "active"};
    types.add(user);

    RecordType patient = plain("patient", P::PatientWrite);
    patient.guarded = {{"merged_into", P::PatientMerge, std::nullopt}, {"status", P::PatientMerge, "merged"}};
    types.add(patient);
    types.add(plain("patient_merge", P::PatientMerge));

    types.add(plain("payer", P::PayerWrite));
    types.add(plain("coverage", P::CoverageWrite));

    for (const char* setup :
         {"provider", "room", "appointment_type", "working_hours", "schedule_block", "clinic_holiday"})
        types.add(plain(setup, P::ScheduleSetup));

    RecordType appointment = plain("appointment", P::ScheduleWrite);
    appointment.guarded = {{"overbooked", P::ScheduleOverbook, "1"}};
    types.add(appointment);
    types.add(plain("appointment_series", P::ScheduleWrite));
    types.add(plain("waitlist_entry", P::ScheduleWrite));
    return types;
}

const RecordType* RecordTypes::find(std::string_view name) const&
{
    auto it = std::find_if(m_types.begin(), m_types.end(), [&](const RecordType& t) { return t.name == name; });
    return it == m_types.end() ? nullptr : &*it;
}

void RecordTypes::add(RecordType type)
{
    for (RecordType& t : m_types)
        if (t.name == type.name) {
            t = std::move(type);
            return;
        }
    m_types.push_back(std::move(type));
}

} // namespace practica::core
