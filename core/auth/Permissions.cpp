#include "Permissions.h"

namespace practica::core {

bool roleAllows(Role role, Permission p)
{
    using P = Permission;
    switch (role) {
    case Role::Admin:
        // Administrators run the clinic's records but have no need to read clinical text or bill.
        return p != P::ClinicalRead && p != P::ClinicalWrite && p != P::BillingWrite;
    case Role::FrontDesk:
        return p == P::PatientRead || p == P::PatientWrite || p == P::CoverageRead || p == P::CoverageWrite ||
               p == P::ScheduleRead || p == P::ScheduleWrite || p == P::ScheduleOverbook;
    case Role::Clinician:
        return p == P::PatientRead || p == P::PatientWrite || p == P::CoverageRead || p == P::ClinicalRead ||
               p == P::ClinicalWrite || p == P::ScheduleRead;
    case Role::Biller:
        return p == P::PatientRead || p == P::CoverageRead || p == P::CoverageWrite || p == P::PayerWrite ||
               p == P::ScheduleRead || p == P::BillingRead || p == P::BillingWrite;
    }
    return false;
}

std::string_view roleName(Role role)
{
    switch (role) {
    case Role::Admin:
        return "admin";
    case Role::FrontDesk:
        return "front_desk";
    case Role::Clinician:
        return "clinician";
    case Role::Biller:
        return "biller";
    }
    return "unknown";
}

std::optional<Role> roleFromName(std::string_view name)
{
    for (Role r : allRoles())
        if (roleName(r) == name)
            return r;
    if (name == "front-desk" || name == "frontdesk")
        return Role::FrontDesk;
    return std::nullopt;
}

std::string_view permissionName(Permission p)
{
    switch (p) {
    case Permission::PatientRead:
        return "patient.read";
    case Permission::PatientWrite:
        return "patient.write";
    case Permission::PatientMerge:
        return "patient.merge";
    case Permission::CoverageRead:
        return "coverage.read";
    case Permission::CoverageWrite:
        return "coverage.write";
    case Permission::PayerWrite:
        return "payer.write";
    case Permission::ClinicalRead:
        return "clinical.read";
    case Permission::ClinicalWrite:
        return "clinical.write";
    case Permission::ScheduleRead:
        return "schedule.read";
    case Permission::ScheduleWrite:
        return "schedule.write";
    case Permission::ScheduleOverbook:
        return "schedule.overbook";
    case Permission::ScheduleSetup:
        return "schedule.setup";
    case Permission::BillingRead:
        return "billing.read";
    case Permission::BillingWrite:
        return "billing.write";
    case Permission::UserManage:
        return "user.manage";
    case Permission::ClinicManage:
        return "clinic.manage";
    case Permission::AuditRead:
        return "audit.read";
    case Permission::DatabaseAdmin:
        return "database.admin";
    }
    return "unknown";
}

const std::vector<Permission>& allPermissions()
{
    static const std::vector<Permission> all = {
        Permission::PatientRead,   Permission::PatientWrite,  Permission::PatientMerge,     Permission::CoverageRead,
        Permission::CoverageWrite, Permission::PayerWrite,    Permission::ClinicalRead,     Permission::ClinicalWrite,
        Permission::ScheduleRead,  Permission::ScheduleWrite, Permission::ScheduleOverbook, Permission::ScheduleSetup,
        Permission::BillingRead,   Permission::BillingWrite,  Permission::UserManage,       Permission::ClinicManage,
        Permission::AuditRead,     Permission::DatabaseAdmin};
    return all;
}

const std::vector<Role>& allRoles()
{
    static const std::vector<Role> all = {Role::Admin, Role::FrontDesk, Role::Clinician, Role::Biller};
    return all;
}

} // namespace practica::core
