// Typed errors that core and sync return instead of text: the front ends turn codes into sentences
// (words/ErrorWords.h in English for the command lines, tr() in the GUI).
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace practica::core {

enum class ErrorCode
{
    WrongPassword,     // user name unknown or password wrong (one answer for both, by design)
    AccountLocked,     // too many failed logins; detail holds the seconds left
    KeyFileMissing,    // the key-slot sidecar next to the database is absent
    KeyFileInvalid,    // the sidecar exists but is not a Practica key file or is damaged
    NotADatabase,      // the file is not a Practica database, or not the one the key file belongs to
    DatabaseCorrupt,   // SQLite/SQLCipher reports corruption or the integrity check failed
    DatabaseMissing,   // no database at the path
    AlreadyExists,     // refusing to overwrite an existing file or record
    DiskFull,          // the write did not fit; nothing was committed
    ReadOnly,          // the file or folder cannot be written
    Io,                // any other I/O failure
    Busy,              // another process holds the database longer than the busy timeout
    PermissionDenied,  // the acting user's role does not allow the operation
    NotFound,          // no record with that id
    Validation,        // a field's value breaks a rule; field says which, detail says which rule
    Conflict,          // the operation contradicts the record's state (e.g. merging a merged patient)
    SchemaTooNew,      // the database was written by a newer Practica
    Offline,           // the sync server cannot be reached (no network, refused, timed out, cut off)
    NotAuthorized,     // the server refused the token or login (expired, revoked, wrong clinic)
    DeviceNotApproved, // this workstation is enrolled but an admin has not approved it yet
    UpdateRequired,    // the server speaks a newer sync protocol than this Practica
    ProtocolError,     // the other side sent something that is not valid sync protocol
    Internal           // a bug: an SQL error that should not happen
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    std::string field;  // which field or record the error concerns, if any
    std::string detail; // which rule, or the underlying library's message for logs

    static Error make(ErrorCode c, std::string f = {}, std::string d = {})
    {
        return Error{c, std::move(f), std::move(d)};
    }
};

template <class T> using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string field = {}, std::string detail = {})
{
    return std::unexpected(Error{code, std::move(field), std::move(detail)});
}

// A stable machine name for a code, used by --json output and logs.
std::string_view errorCodeName(ErrorCode code);
// The code of a machine name, for errors kept as text (a workstation's last sync error).
std::optional<ErrorCode> errorCodeFromName(std::string_view name);

} // namespace practica::core
