// Typed errors that core and sync return instead of text: the front ends turn codes into sentences
// (words/ErrorWords.h in English for the command lines, tr() in the GUI).
#pragma once

#include <expected>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    // Two-step sign-in: the session is not usable until the second factor is given (field "code") or,
    // when the clinic requires one the user has not set up, enrolled (field "enrol").
    SecondFactorRequired,
    WrongSecondFactor, // the code or recovery code is wrong; detail "used" for a code already used once
    Internal           // a bug: an SQL error that should not happen
};

// The rules core and the server enforce, each a stable name (ruleName) that travels as an error's
// detail, with its particulars as params. Front ends word them; core never does.
enum class Rule
{
    // A value (ErrorCode::Validation)
    Required,           // or: the other field that would do instead
    Text,               // too long or not text; max_length
    TooShort,           // min_length
    NotInteger,         //
    NotFlag,            //
    NotDate,            //
    NotTime,            //
    NotDateTime,        //
    TooEarly,           // min (a date)
    FutureDate,         //
    Format,             // format: us_state, zip, phone, email, npi, tax_id, time_zone, color, day_list, uuid, ...
    Choice,             // allowed: comma-separated values
    Range,              // min and/or max, step
    Order,              // after (the field it must follow), or_equal ("1")
    MissingReference,   // references (record type), id
    RequiredWhen,       // when_field, when_value
    OnlyWhen,           // when_field, when_value
    RequiredTogether,   // with (the field that needs this one)
    Mismatch,           // two entries that must be equal differ (a password and its confirmation)
    UnknownField,       //
    NonexistentTime,    // time: a local time the clocks skip (spring forward)
    Deceased,           // the patient is recorded as deceased
    ForeignPolicy,      // the coverage is not one of the patient's policies
    MergeIntoItself,    //
    UseMerge,           // the status "merged" is set by merging, not by editing
    UseCancel,          // the status "cancelled" is set by cancelling, with a reason
    NotInSeries,        //
    TooLarge,           // max (a count or bytes)
    Fixed,              // the field is set when the record is made and never changes
    WeakKey,            // a user key derived with less work than the server accepts: min_ops, min_mem_mib
    NotSigner,          // only the record's author signs it
    ContentHash,        // the signed content's SHA-256 does not match the content
                        // The record's state (ErrorCode::Conflict)
    Unique,             // value, other (the record that holds it)
    Merged,             // the record was merged into another; survivor when known
    AlreadyMerged,      //
    NumbersUsedUp,      // this workstation has used all of its numbers (MRNs)
    AccountDeactivated, //
    UnknownUser,        // this workstation holds no key for the user (yet): it learns of new users when it syncs
    OwnAdminRole,       // an administrator cannot remove their own admin role
    OwnAccount,         // nobody deactivates their own account
    Clash,              // resource (provider, room, patient), other_appointment, from, to (UTC ms)
    NeedsConfirmation,  // warning (outside_hours, break, blocked, vacation, holiday), time
    StatusTransition,   // from, to
    Referenced,         // other records refer to it, so it cannot be removed
    Signed,             // the note is signed: it takes addenda, never changes
    NotSigned,          // an addendum is added to a signed note only
    Cancelled,          // the person stopped the operation
    Aborted,            // an earlier write in the same transaction failed; nothing was saved
    Constraint          // the database refused the row: constraint (foreign_key, unique, not_null, check)
};
std::string_view ruleName(Rule rule);
// Every rule, for front ends' tests: each has a sentence in each front end.
const std::vector<Rule>& allRules();
std::optional<Rule> ruleFromName(std::string_view name);

using ErrorParams = std::map<std::string, std::string>;

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    std::string field;  // which field or record the error concerns, if any
    std::string detail; // Validation and Conflict: the rule's name; otherwise the library's message for logs
    ErrorParams params; // the rule's particulars (see Rule)

    static Error make(ErrorCode c, std::string f = {}, std::string d = {})
    {
        return Error{c, std::move(f), std::move(d), {}};
    }
    static Error make(ErrorCode c, std::string f, Rule rule, ErrorParams params = {})
    {
        return Error{c, std::move(f), std::string(ruleName(rule)), std::move(params)};
    }
    // The broken rule, for Validation and Conflict errors made from one.
    std::optional<Rule> rule() const { return ruleFromName(detail); }
    std::string param(const std::string& name) const
    {
        auto it = params.find(name);
        return it == params.end() ? std::string() : it->second;
    }
};

template <class T> using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string field = {}, std::string detail = {})
{
    return std::unexpected(Error{code, std::move(field), std::move(detail), {}});
}

// A broken rule: the field, the rule and its particulars.
inline std::unexpected<Error> fail(ErrorCode code, std::string field, Rule rule, ErrorParams params = {})
{
    return std::unexpected(Error::make(code, std::move(field), rule, std::move(params)));
}

// A stable machine name for a code, used by --json output and logs.
std::string_view errorCodeName(ErrorCode code);
// The code of a machine name, for errors kept as text (a workstation's last sync error).
std::optional<ErrorCode> errorCodeFromName(std::string_view name);

} // namespace practica::core
