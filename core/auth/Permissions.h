// Roles and what each may do: the one permission table that every store consults.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

enum class Role
{
    Admin,
    FrontDesk,
    Clinician,
    Biller
};

enum class Permission
{
    PatientRead,  // demographics
    PatientWrite, // register and edit demographics
    PatientMerge, // merge duplicate records
    CoverageRead,
    CoverageWrite,
    PayerWrite,
    ClinicalRead, // clinical note text, problems, medications (minimum necessary)
    ClinicalWrite,
    ScheduleRead,
    ScheduleWrite,    // book, move, cancel, check in and out, waitlist
    ScheduleOverbook, // book over another appointment (types that allow it)
    ScheduleSetup,    // providers, rooms, appointment types, working hours, blocks, holidays
    BillingRead,
    BillingWrite,
    UserManage,   // add users, reset passwords, change roles
    ClinicManage, // clinic settings
    AuditRead,    // review and verify the audit log
    DatabaseAdmin // integrity check, rekey, backups
};

bool roleAllows(Role role, Permission permission);
std::string_view roleName(Role role); // "admin", "front_desk", ... (stored form)
std::optional<Role> roleFromName(std::string_view name);
std::string_view permissionName(Permission permission);
const std::vector<Permission>& allPermissions();
const std::vector<Role>& allRoles();

} // namespace practica::core
