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

std::optional<ErrorCode> errorCodeFromName(std::string_view name)
{
    for (int c = 0; c <= static_cast<int>(ErrorCode::Internal); ++c)
        if (errorCodeName(static_cast<ErrorCode>(c)) == name)
            return static_cast<ErrorCode>(c);
    return std::nullopt;
}

} // namespace practica::core
