// Error codes to sentences. Validation details are core's rule names; each known rule has its own sentence.
#include "UiText.h"

#include <cmath>
#include <utility>

namespace practica::app {

namespace {

struct RuleText
{
    const char* rule;
    const char* text;
};

// The rules PatientValidator, ClinicStore, UserStore and Vault report, in the words a clinic uses.
constexpr RuleText kRules[] = {
    {"required", QT_TRANSLATE_NOOP("UiText", "Required.")},
    {"too long or not valid text", QT_TRANSLATE_NOOP("UiText", "Too long, or contains characters that are not text.")},
    {"not a date (YYYY-MM-DD or MM/DD/YYYY)", QT_TRANSLATE_NOOP("UiText", "Enter a date as MM/DD/YYYY.")},
    {"not a date", QT_TRANSLATE_NOOP("UiText", "Enter a date as MM/DD/YYYY.")},
    {"in the future", QT_TRANSLATE_NOOP("UiText", "The date cannot be in the future.")},
    {"before 1890", QT_TRANSLATE_NOOP("UiText", "The date cannot be before 1890.")},
    {"female, male, other or unknown", QT_TRANSLATE_NOOP("UiText", "Choose female, male, other or unknown.")},
    {"not a US state code", QT_TRANSLATE_NOOP("UiText", "Enter a two-letter state code, such as IL.")},
    {"not a ZIP code (12345 or 12345-6789)", QT_TRANSLATE_NOOP("UiText", "Enter a ZIP code: 12345 or 12345-6789.")},
    {"not a ZIP code", QT_TRANSLATE_NOOP("UiText", "Enter a ZIP code: 12345 or 12345-6789.")},
    {"not a 10-digit US phone number", QT_TRANSLATE_NOOP("UiText", "Enter a 10-digit US phone number.")},
    {"not an e-mail address", QT_TRANSLATE_NOOP("UiText", "Enter an e-mail address such as name@example.com.")},
    {"required for a deceased patient", QT_TRANSLATE_NOOP("UiText", "Enter the date of death.")},
    {"a date between the date of birth and today",
     QT_TRANSLATE_NOOP("UiText", "Enter a date between the date of birth and today.")},
    {"only for a deceased patient", QT_TRANSLATE_NOOP("UiText", "Only a deceased patient has a date of death.")},
    {"an emergency contact needs a name and a phone",
     QT_TRANSLATE_NOOP("UiText", "An emergency contact needs both a name and a phone number.")},
    {"not a valid NPI (10 digits with a correct check digit)",
     QT_TRANSLATE_NOOP("UiText", "Enter a valid 10-digit NPI (the check digit does not match).")},
    {"not a valid EIN (9 digits, NN-NNNNNNN)",
     QT_TRANSLATE_NOOP("UiText", "Enter a 9-digit tax ID, such as 12-3456789.")},
    {"not an IANA time zone", QT_TRANSLATE_NOOP("UiText", "Choose a time zone from the list.")},
    {"at most 4 characters", QT_TRANSLATE_NOOP("UiText", "At most 4 characters.")},
    {"at least 8 characters", QT_TRANSLATE_NOOP("UiText", "Use at least 8 characters.")},
    {"required, at most 80 characters", QT_TRANSLATE_NOOP("UiText", "Required, at most 80 characters.")},
    {"primary, secondary or tertiary", QT_TRANSLATE_NOOP("UiText", "Choose primary, secondary or tertiary.")},
    {"self, spouse, child or other", QT_TRANSLATE_NOOP("UiText", "Choose self, spouse, child or other.")},
    {"mismatch", QT_TRANSLATE_NOOP("UiText", "The two passwords are not the same.")},
    {"before the effective date", QT_TRANSLATE_NOOP("UiText", "The end date is before the effective date.")},
};

// Conflict details that the user can act on.
constexpr RuleText kConflicts[] = {
    {"you cannot deactivate your own account", QT_TRANSLATE_NOOP("UiText", "You cannot deactivate your own account.")},
    {"an administrator cannot remove their own admin role",
     QT_TRANSLATE_NOOP("UiText", "You cannot remove your own administrator role.")},
    {"account deactivated", QT_TRANSLATE_NOOP("UiText", "This account is deactivated.")},
};

} // namespace

QString UiText::validation(const core::Error& e)
{
    for (const auto& r : kRules)
        if (e.detail == r.rule)
            return tr(r.text);
    if (e.field == "username")
        return tr("Use 2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter.");
    if (e.field == "password")
        return tr("Use at least 8 characters.");
    return tr("This value is not valid.");
}

QString UiText::error(const core::Error& e)
{
    using core::ErrorCode;
    switch (e.code) {
    case ErrorCode::WrongPassword:
        return tr("The user name or password is not correct.");
    case ErrorCode::AccountLocked: {
        const int minutes = std::max(1, static_cast<int>(std::ceil(qs(e.detail).toDouble() / 60.0)));
        return tr("This account is locked after too many failed attempts. Try again in %n minute(s).", nullptr,
                  minutes);
    }
    case ErrorCode::KeyFileMissing:
        return tr("The key file for this database is missing (%1), so it cannot be unlocked. Restore it from your "
                  "backup or ask your administrator.")
            .arg(qs(e.field));
    case ErrorCode::KeyFileInvalid:
        return tr("The key file next to this database is damaged or is not a Practica key file.");
    case ErrorCode::NotADatabase:
        return tr("This file is not a Practica database, or it does not belong to its key file.");
    case ErrorCode::DatabaseCorrupt:
        return tr("The database is damaged. Restore it from a backup.");
    case ErrorCode::DatabaseMissing:
        return tr("There is no database at %1.").arg(qs(e.field));
    case ErrorCode::AlreadyExists:
        if (e.field == "username")
            return tr("The user name %1 is already taken.").arg(qs(e.detail));
        return tr("%1 already exists.").arg(qs(e.field));
    case ErrorCode::DiskFull:
        return tr("The disk is full. Nothing was saved.");
    case ErrorCode::ReadOnly:
        return tr("The database cannot be written: the file or its folder is read-only.");
    case ErrorCode::Io:
        return tr("The database could not be read or written (%1).").arg(qs(e.detail));
    case ErrorCode::Busy:
        return tr("Another program is using the database. Try again in a moment.");
    case ErrorCode::PermissionDenied:
        return tr("Your role does not allow this.");
    case ErrorCode::NotFound:
        return tr("The record was not found. Someone may have changed it.");
    case ErrorCode::Validation:
        return validation(e);
    case ErrorCode::Conflict:
        for (const auto& r : kConflicts)
            if (e.detail == r.rule)
                return tr(r.text);
        return tr("This is not possible in the record's current state.");
    case ErrorCode::SchemaTooNew:
        return tr("This database was written by a newer version of Practica. Please update Practica.");
    case ErrorCode::Offline:
        return tr("The clinic's sync server cannot be reached. Work continues offline; changes will be sent later.");
    case ErrorCode::NotAuthorized:
        return tr("The sync server did not accept your sign-in. Sign in again.");
    case ErrorCode::DeviceNotApproved:
        return tr("This workstation is waiting for an administrator to approve it on the sync server.");
    case ErrorCode::UpdateRequired:
        return tr("The sync server needs a newer version of Practica. Please update Practica.");
    case ErrorCode::ProtocolError:
        return tr("The sync server sent an answer Practica does not understand (%1).").arg(qs(e.detail));
    case ErrorCode::Internal:
        return tr("Something went wrong inside Practica (%1).").arg(qs(e.detail));
    }
    return tr("Something went wrong inside Practica.");
}

} // namespace practica::app
