// Error codes to sentences. Validation details are core's rule names; each known rule has its own sentence.
#include "UiText.h"
#include "app/gui/sync/ConflictDescriber.h"
#include "app/gui/sync/RuleText.h"

#include <cmath>
#include <utility>

namespace practica::app {

namespace {

QString fieldWords(const std::string& field)
{
    return RuleText::fieldName(field);
}

QString listWords(const std::string& commaList)
{
    return qs(commaList).split(QLatin1Char(','), Qt::SkipEmptyParts).join(QStringLiteral(", "));
}

// A value's rule, in a sentence for the form field it concerns.
QString valueRule(const core::Error& e, core::Rule rule)
{
    using core::Rule;
    switch (rule) {
    case Rule::Required:
        if (e.field == "claims")
            return UiText::tr("No claim is ready or queued to go in a batch.");
        if (!e.param("or").empty())
            return UiText::tr("Enter the %1 or the %2.").arg(fieldWords(e.field), fieldWords(e.param("or")));
        return UiText::tr("Required.");
    case Rule::Text:
        return UiText::tr("At most %1 characters of text.").arg(qs(e.param("max_length")));
    case Rule::TooShort:
        return UiText::tr("Use at least %1 characters.").arg(qs(e.param("min_length")));
    case Rule::Fixed:
        if (e.field == "submitted_at")
            return UiText::tr("This claim was sent already and cannot change. Correct it with a replacement.");
        return UiText::tr("The %1 cannot be changed once the record is made.").arg(fieldWords(e.field));
    case Rule::WeakKey:
        return UiText::tr("This password was protected with less work per guess than the clinic's server "
                          "accepts. Set the password again with an up-to-date Practica.");
    case Rule::NotSigner:
        return UiText::tr("Only the note's author can sign it.");
    case Rule::ContentHash:
        return UiText::tr("The signature does not match the note's text: the note changed before it was signed. "
                          "Read it again and sign it again.");
    case Rule::NotInteger:
        return UiText::tr("Enter a whole number.");
    case Rule::NotFlag:
        return UiText::tr("Choose yes or no.");
    case Rule::NotDate:
        return UiText::tr("Enter a date as MM/DD/YYYY.");
    case Rule::NotTime:
        return UiText::tr("Enter a time of day, such as 9:30 AM.");
    case Rule::NotDateTime:
        return UiText::tr("Enter a date and a time of day.");
    case Rule::TooEarly:
        return UiText::tr("The date cannot be before %1.").arg(qs(e.param("min")));
    case Rule::FutureDate:
        return UiText::tr("The date cannot be in the future.");
    case Rule::Format:
        return UiText::tr("Enter %1.").arg(RuleText::format(e.param("format")));
    case Rule::Choice:
        return UiText::tr("Choose one of: %1.").arg(listWords(e.param("allowed")));
    case Rule::Range:
        if (!e.param("step").empty())
            return UiText::tr("From %1 to %2, in steps of %3.")
                .arg(qs(e.param("min")), qs(e.param("max")), qs(e.param("step")));
        if (e.param("max").empty())
            return UiText::tr("At least %1.").arg(qs(e.param("min")));
        if (e.param("min").empty())
            return UiText::tr("At most %1.").arg(qs(e.param("max")));
        return UiText::tr("From %1 to %2.").arg(qs(e.param("min")), qs(e.param("max")));
    case Rule::Order:
        return e.param("or_equal") == "1" ? UiText::tr("The %1 cannot come before the %2.")
                                                .arg(fieldWords(e.field), fieldWords(e.param("after")))
                                          : UiText::tr("The %1 must come after the %2.")
                                                .arg(fieldWords(e.field), fieldWords(e.param("after")));
    case Rule::MissingReference:
        if (e.param("references") == "file")
            return UiText::tr("There is no file at %1.").arg(qs(e.param("id")));
        return UiText::tr("Choose a %1 that is still in use.")
            .arg(ConflictDescriber::recordName(e.param("references")));
    case Rule::RequiredWhen:
        if (e.field == "deceased_date")
            return UiText::tr("Enter the date of death.");
        return UiText::tr("Required when the %1 is %2.")
            .arg(fieldWords(e.param("when_field")), qs(e.param("when_value")));
    case Rule::OnlyWhen:
        if (e.field == "deceased_date")
            return UiText::tr("Only a deceased patient has a date of death.");
        return UiText::tr("Only when the %1 is %2.").arg(fieldWords(e.param("when_field")), qs(e.param("when_value")));
    case Rule::RequiredTogether:
        if (e.field.starts_with("emergency_"))
            return UiText::tr("An emergency contact needs both a name and a phone number.");
        return UiText::tr("Enter the %1 together with the %2.").arg(fieldWords(e.field), fieldWords(e.param("with")));
    case Rule::Mismatch:
        if (e.field.starts_with("password"))
            return UiText::tr("The two passwords are not the same.");
        return UiText::tr("The two entries are not the same.");
    case Rule::UnknownField:
        return UiText::tr("This version of Practica does not know the field %1.").arg(qs(e.field));
    case Rule::NonexistentTime:
        return UiText::tr("That time does not exist on this day: the clocks spring forward an hour. Choose a time "
                          "after the change.");
    case Rule::Deceased:
        return UiText::tr("The patient is recorded as deceased and cannot be booked.");
    case Rule::ForeignPolicy:
        return UiText::tr("The coverage is not one of the patient's policies.");
    case Rule::MergeIntoItself:
        return UiText::tr("A patient cannot be merged into the same record.");
    case Rule::UseMerge:
        return UiText::tr("Use Merge to combine duplicate records.");
    case Rule::UseCancel:
        return UiText::tr("Use Cancel, which asks for a reason.");
    case Rule::NotInSeries:
        return UiText::tr("This appointment is not part of a series.");
    case Rule::TooLarge:
        return UiText::tr("Too large.");
    default:
        return {};
    }
}

// The record's state, in a sentence the user can act on.
QString stateRule(const core::Error& e, core::Rule rule)
{
    using core::Rule;
    switch (rule) {
    case Rule::Unique:
        if (e.field == "rank")
            return UiText::tr("The patient already has an active %1 policy.").arg(qs(e.param("value")));
        return UiText::tr("This %1 is already used by another record.").arg(fieldWords(e.field));
    case Rule::Merged:
        return UiText::tr("This patient record was merged into another; use the surviving record.");
    case Rule::AlreadyMerged:
        return UiText::tr("That record was already merged into another one.");
    case Rule::NumbersUsedUp:
        return UiText::tr("This workstation has used all of its record numbers. Sync with the server to get more.");
    case Rule::AccountDeactivated:
        return UiText::tr("This account is deactivated.");
    case Rule::UnknownUser:
        return UiText::tr("This workstation does not know the user “%1” yet. It learns of new users when "
                          "someone signs in here while it can reach the clinic's server.")
            .arg(qs(e.field));
    case Rule::OwnAdminRole:
        return UiText::tr("You cannot remove your own administrator role.");
    case Rule::OwnAccount:
        return UiText::tr("You cannot deactivate your own account.");
    case Rule::Clash:
        if (e.param("resource") == "room")
            return UiText::tr("The room is already taken at that time.");
        if (e.param("resource") == "patient")
            return UiText::tr("The patient already has an appointment at that time.");
        return UiText::tr("The provider already has an appointment at that time.");
    case Rule::NeedsConfirmation:
        return UiText::tr("The time needs confirmation (%1).").arg(fieldWords(e.param("warning")));
    case Rule::StatusTransition:
        return UiText::tr("The appointment cannot go to that status from where it is now.");
    case Rule::Signed:
        return UiText::tr("This note is signed and cannot change. Add an addendum instead.");
    case Rule::NotSigned:
        return UiText::tr("An addendum is added to a signed note; this note is not signed yet, so edit it.");
    case Rule::Referenced:
        return UiText::tr("Other records refer to this one, so it cannot be removed.");
    case Rule::Cancelled:
        return UiText::tr("Stopped before it finished; nothing was saved.");
    case Rule::Aborted:
        return UiText::tr("An earlier step failed, so nothing was saved.");
    case Rule::Constraint:
        return UiText::tr("The database refused the record (%1).").arg(qs(e.param("constraint")));
    default:
        return {};
    }
}

} // namespace

QString UiText::validation(const core::Error& e)
{
    if (auto rule = e.rule()) {
        QString text = valueRule(e, *rule);
        if (text.isEmpty())
            text = stateRule(e, *rule);
        if (!text.isEmpty())
            return text;
    }
    return tr("This value is not valid.");
}

QString UiText::error(const core::Error& e)
{
    using core::ErrorCode;
    switch (e.code) {
    case ErrorCode::WrongPassword:
        if (e.rule() == core::Rule::UnknownUser || e.rule() == core::Rule::AccountDeactivated)
            return stateRule(e, *e.rule());
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
        if (auto rule = e.rule()) {
            QString text = stateRule(e, *rule);
            if (text.isEmpty())
                text = valueRule(e, *rule);
            if (!text.isEmpty())
                return text;
        }
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
    case ErrorCode::SecondFactorRequired:
        if (e.field == "enrol")
            return tr("The clinic requires two-step sign-in for your account. Set it up to continue.");
        return tr("Enter the 6-digit code from your authenticator app to continue.");
    case ErrorCode::WrongSecondFactor:
        if (e.detail == "used")
            return tr("That code was already used. Wait for the next code in your authenticator app.");
        return tr("The code is not correct. Check that you typed the current code from your authenticator app.");
    case ErrorCode::Internal:
        return tr("Something went wrong inside Practica (%1).").arg(qs(e.detail));
    }
    return tr("Something went wrong inside Practica.");
}

} // namespace practica::app
