#include "Error.h"

namespace practica::core {

std::string_view errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::WrongPassword:
        return "wrong_password";
    case ErrorCode::AccountLocked:
        return "account_locked";
    case ErrorCode::KeyFileMissing:
        return "key_file_missing";
    case ErrorCode::KeyFileInvalid:
        return "key_file_invalid";
    case ErrorCode::NotADatabase:
        return "not_a_database";
    case ErrorCode::DatabaseCorrupt:
        return "database_corrupt";
    case ErrorCode::DatabaseMissing:
        return "database_missing";
    case ErrorCode::AlreadyExists:
        return "already_exists";
    case ErrorCode::DiskFull:
        return "disk_full";
    case ErrorCode::ReadOnly:
        return "read_only";
    case ErrorCode::Io:
        return "io_error";
    case ErrorCode::Busy:
        return "busy";
    case ErrorCode::PermissionDenied:
        return "permission_denied";
    case ErrorCode::NotFound:
        return "not_found";
    case ErrorCode::Validation:
        return "validation";
    case ErrorCode::Conflict:
        return "conflict";
    case ErrorCode::SchemaTooNew:
        return "schema_too_new";
    case ErrorCode::Offline:
        return "offline";
    case ErrorCode::NotAuthorized:
        return "not_authorized";
    case ErrorCode::DeviceNotApproved:
        return "device_not_approved";
    case ErrorCode::UpdateRequired:
        return "update_required";
    case ErrorCode::ProtocolError:
        return "protocol_error";
    case ErrorCode::Internal:
        return "internal";
    }
    return "internal";
}

std::string describe(const Error& e)
{
    auto withField = [&](std::string s) {
        if (!e.field.empty())
            s += " (" + e.field + ")";
        if (!e.detail.empty())
            s += ": " + e.detail;
        return s;
    };
    switch (e.code) {
    case ErrorCode::WrongPassword:
        return "Wrong user name or password.";
    case ErrorCode::AccountLocked:
        return "This account is locked after repeated failed logins; try again in " + e.detail + " seconds.";
    case ErrorCode::KeyFileMissing:
        return "The key file " + e.field + " is missing, so the database cannot be unlocked.";
    case ErrorCode::KeyFileInvalid:
        return withField("The key file is damaged or not a Practica key file");
    case ErrorCode::NotADatabase:
        return withField("The file is not a Practica database, or does not belong to this key file");
    case ErrorCode::DatabaseCorrupt:
        return withField("The database is damaged");
    case ErrorCode::DatabaseMissing:
        return "No database at " + e.field + ".";
    case ErrorCode::AlreadyExists:
        return withField("Already exists");
    case ErrorCode::DiskFull:
        return "The disk is full; nothing was saved.";
    case ErrorCode::ReadOnly:
        return withField("The database cannot be written");
    case ErrorCode::Io:
        return withField("Input/output error");
    case ErrorCode::Busy:
        return "The database is busy in another program; try again.";
    case ErrorCode::PermissionDenied:
        return withField("Your role does not allow this");
    case ErrorCode::NotFound:
        return withField("Not found");
    case ErrorCode::Validation:
        return withField("Invalid value");
    case ErrorCode::Conflict:
        return withField("Not possible in the record's current state");
    case ErrorCode::SchemaTooNew:
        return "The database was written by a newer version of Practica; please update.";
    case ErrorCode::Offline:
        return withField("The sync server cannot be reached");
    case ErrorCode::NotAuthorized:
        return withField("The sync server did not accept the login");
    case ErrorCode::DeviceNotApproved:
        return "This workstation waits for an administrator to approve it on the sync server.";
    case ErrorCode::UpdateRequired:
        return "The sync server needs a newer version of Practica; please update.";
    case ErrorCode::ProtocolError:
        return withField("The sync server sent an answer Practica does not understand");
    case ErrorCode::Internal:
        return withField("Internal error");
    }
    return "Internal error.";
}

} // namespace practica::core
