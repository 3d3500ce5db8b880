#include "ErrorWords.h"

#include "RuleWords.h"

#include <cctype>

namespace practica::words {

namespace {

// "Bundle entry 12 (Condition): " for an error found in an entry of an imported FHIR Bundle.
std::string entryPrefix(const core::Error& e)
{
    const std::string entry = e.param("entry");
    if (entry.empty())
        return {};
    if (entry == "-1")
        return "Bundle: ";
    const std::string type = e.param("resource_type");
    return "Bundle entry " + entry + (type.empty() ? "" : " (" + type + ")") + ": ";
}

} // namespace

std::string errorSentence(const core::Error& e)
{
    auto withField = [&](std::string s) {
        if (!e.field.empty())
            s += " (" + e.field + ")";
        if (!e.detail.empty())
            s += ": " + e.detail;
        return s;
    };
    if ((e.code == core::ErrorCode::Validation || e.code == core::ErrorCode::Conflict) && e.rule()) {
        std::string sentence = ruleSentence(e.field, e.detail, e.params);
        if (!sentence.empty() && entryPrefix(e).empty())
            sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
        return entryPrefix(e) + sentence + ".";
    }
    switch (e.code) {
    case core::ErrorCode::WrongPassword:
        if (e.rule() == core::Rule::UnknownUser || e.rule() == core::Rule::AccountDeactivated) {
            std::string sentence = ruleSentence(e.field, e.detail, e.params);
            sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
            return sentence + ".";
        }
        return "Wrong user name or password.";
    case core::ErrorCode::AccountLocked:
        return "This account is locked after repeated failed logins; try again in " + e.detail + " seconds.";
    case core::ErrorCode::KeyFileMissing:
        return "The key file " + e.field + " is missing, so the database cannot be unlocked.";
    case core::ErrorCode::KeyFileInvalid:
        return withField("The key file is damaged or not a Practica key file");
    case core::ErrorCode::NotADatabase:
        return withField("The file is not a Practica database, or does not belong to this key file");
    case core::ErrorCode::DatabaseCorrupt:
        return withField("The database is damaged");
    case core::ErrorCode::DatabaseMissing:
        return "No database at " + e.field + ".";
    case core::ErrorCode::AlreadyExists:
        return withField("Already exists");
    case core::ErrorCode::DiskFull:
        return "The disk is full; nothing was saved.";
    case core::ErrorCode::ReadOnly:
        return withField("The database cannot be written");
    case core::ErrorCode::Io:
        return withField("Input/output error");
    case core::ErrorCode::Busy:
        return "The database is busy in another program; try again.";
    case core::ErrorCode::PermissionDenied:
        return withField("Your role does not allow this");
    case core::ErrorCode::NotFound:
        return withField("Not found");
    case core::ErrorCode::Validation:
        return withField("Invalid value");
    case core::ErrorCode::Conflict:
        return withField("Not possible in the record's current state");
    case core::ErrorCode::SchemaTooNew:
        return "The database was written by a newer version of Practica; please update.";
    case core::ErrorCode::Offline:
        return withField("The sync server cannot be reached");
    case core::ErrorCode::NotAuthorized:
        return withField("The sync server did not accept the login");
    case core::ErrorCode::DeviceNotApproved:
        return "This workstation waits for an administrator to approve it on the sync server.";
    case core::ErrorCode::UpdateRequired:
        return "The sync server needs a newer version of Practica; please update.";
    case core::ErrorCode::ProtocolError:
        return withField("The sync server sent an answer Practica does not understand");
    case core::ErrorCode::SecondFactorRequired:
        if (e.field == "enrol")
            return "The clinic requires two-step sign-in for this account: set it up first with 'practica-cli users "
                   "totp-enrol'.";
        return "Two-step sign-in: give the 6-digit code from the authenticator app (or a recovery code) with --totp "
               "CODE or PRACTICA_TOTP.";
    case core::ErrorCode::WrongSecondFactor:
        if (e.detail == "used")
            return "That two-step sign-in code was already used; wait for the next one.";
        return "The two-step sign-in code is wrong.";
    case core::ErrorCode::Internal:
        return withField("Internal error");
    }
    return "Internal error.";
}

} // namespace practica::words
