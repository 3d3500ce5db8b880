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
    case ErrorCode::SecondFactorRequired:
        return "second_factor_required";
    case ErrorCode::WrongSecondFactor:
        return "wrong_second_factor";
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

namespace {

struct RuleEntry
{
    Rule rule;
    std::string_view name;
};

constexpr RuleEntry kRules[] = {
    {Rule::Required, "required"},
    {Rule::Text, "text"},
    {Rule::TooShort, "too_short"},
    {Rule::NotInteger, "not_integer"},
    {Rule::NotFlag, "not_flag"},
    {Rule::NotDate, "not_date"},
    {Rule::NotTime, "not_time"},
    {Rule::NotDateTime, "not_date_time"},
    {Rule::TooEarly, "too_early"},
    {Rule::FutureDate, "future_date"},
    {Rule::Format, "format"},
    {Rule::Choice, "choice"},
    {Rule::Range, "range"},
    {Rule::Order, "order"},
    {Rule::MissingReference, "missing_reference"},
    {Rule::RequiredWhen, "required_when"},
    {Rule::OnlyWhen, "only_when"},
    {Rule::RequiredTogether, "required_together"},
    {Rule::Mismatch, "mismatch"},
    {Rule::UnknownField, "unknown_field"},
    {Rule::NonexistentTime, "nonexistent_time"},
    {Rule::Deceased, "deceased"},
    {Rule::ForeignPolicy, "foreign_policy"},
    {Rule::MergeIntoItself, "merge_into_itself"},
    {Rule::UseMerge, "use_merge"},
    {Rule::UseCancel, "use_cancel"},
    {Rule::NotInSeries, "not_in_series"},
    {Rule::TooLarge, "too_large"},
    {Rule::WeakKey, "weak_key"},
    {Rule::Fixed, "fixed"},
    {Rule::NotSigner, "not_signer"},
    {Rule::ContentHash, "content_hash"},
    {Rule::Signed, "signed"},
    {Rule::NotSigned, "not_signed"},
    {Rule::Unique, "unique"},
    {Rule::Merged, "merged"},
    {Rule::AlreadyMerged, "already_merged"},
    {Rule::NumbersUsedUp, "numbers_used_up"},
    {Rule::AccountDeactivated, "account_deactivated"},
    {Rule::UnknownUser, "unknown_user"},
    {Rule::OwnAdminRole, "own_admin_role"},
    {Rule::OwnAccount, "own_account"},
    {Rule::Clash, "clash"},
    {Rule::NeedsConfirmation, "needs_confirmation"},
    {Rule::StatusTransition, "status_transition"},
    {Rule::Referenced, "referenced"},
    {Rule::Cancelled, "cancelled"},
    {Rule::Aborted, "aborted"},
    {Rule::Constraint, "constraint"},
};

} // namespace

std::string_view ruleName(Rule rule)
{
    for (const auto& r : kRules)
        if (r.rule == rule)
            return r.name;
    return "unknown";
}

const std::vector<Rule>& allRules()
{
    static const std::vector<Rule> rules = [] {
        std::vector<Rule> all;
        for (const auto& r : kRules)
            all.push_back(r.rule);
        return all;
    }();
    return rules;
}

std::optional<Rule> ruleFromName(std::string_view name)
{
    for (const auto& r : kRules)
        if (r.name == name)
            return r.rule;
    return std::nullopt;
}

} // namespace practica::core
