#include "RuleWords.h"

namespace practica::words {

namespace {

std::string param(const std::map<std::string, std::string>& params, const std::string& name)
{
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

std::string formatText(const std::string& format)
{
    static const std::map<std::string, std::string> kFormats = {
        {"us_state", "a two-letter US state code"},
        {"zip", "a ZIP code (12345 or 12345-6789)"},
        {"phone", "a 10-digit US phone number"},
        {"email", "an e-mail address"},
        {"npi", "a valid NPI (10 digits with a correct check digit)"},
        {"tax_id", "an EIN (NN-NNNNNNN)"},
        {"time_zone", "an IANA time zone such as America/Chicago"},
        {"color", "a colour as #rrggbb"},
        {"day_list", "weekdays 1 (Monday) to 7 (Sunday), separated by commas"},
        {"user_name", "2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter"},
        {"user_key", "a Practica user key (made by Practica when a password is set)"},
        {"uuid", "a UUID"},
        {"icd10cm", "an ICD-10-CM code such as E11.9"},
        {"cvx", "a CVX vaccine code (1 to 3 digits)"},
        {"loinc", "a LOINC code such as 2345-7"},
        {"hl7_oru", "an HL7 v2 lab result (ORU^R01) that Practica reads"},
        {"utc_time", "a UTC time as YYYY-MM-DDTHH:MM:SSZ"},
        {"sha256", "a SHA-256 digest (64 hexadecimal digits)"},
        {"ssh_host_key", "an SSH host key fingerprint as ssh-keygen -l prints it (SHA256: and 43 characters)"},
        {"sftp_url", "an address such as sftp://sftp.clearinghouse.example:22"},
        {"https_url", "an https:// address"},
        {"absolute_path", "a full path, starting with /"},
        {"remote_path", "a folder on the server such as /inbound (no quotes or backslashes)"},
        {"json", "JSON"},
        {"fhir_bundle", "a FHIR Bundle (JSON)"},
        {"ucum_vital_unit", "a UCUM unit of the measurement (cm, [in_i], kg, [lb_av], Cel, [degF], mm[Hg], /min, %)"},
        {"server_url", "a URL like https://HOST:PORT"},
        {"postgres_conninfo", "a PostgreSQL URI or connection string"}};
    auto it = kFormats.find(format);
    return it == kFormats.end() ? "in the right format (" + format + ")" : it->second;
}

std::string listText(const std::string& commaList)
{
    std::string out;
    for (char ch : commaList)
        out += ch == ',' ? std::string(", ") : std::string(1, ch);
    return out;
}

std::string whenText(const std::map<std::string, std::string>& p)
{
    return "the " + fieldWords(param(p, "when_field")) + " is " + fieldWords(param(p, "when_value"));
}

} // namespace

std::string fieldWords(std::string name)
{
    static const std::map<std::string, std::string> kNames = {{"mrn", "MRN"},
                                                              {"npi", "NPI"},
                                                              {"tax_id", "tax id"},
                                                              {"zip", "ZIP code"},
                                                              {"phone_home", "home phone"},
                                                              {"phone_mobile", "mobile phone"},
                                                              {"phone_work", "work phone"},
                                                              {"patient_id", "patient"},
                                                              {"provider_id", "provider"},
                                                              {"room_id", "room"},
                                                              {"type_id", "appointment type"},
                                                              {"endpoint", "address (--endpoint)"},
                                                              {"upload_dir", "upload folder (--upload-dir)"},
                                                              {"download_dir", "download folder (--download-dir)"},
                                                              {"host_key", "host key fingerprint (--host-key)"},
                                                              {"key_file", "key file"},
                                                              {"coverage_id", "insurance policy"},
                                                              {"payer_id", "payer"},
                                                              {"deceased_date", "date of death"},
                                                              {"start_utc_ms", "start time"},
                                                              {"end_utc_ms", "end time"},
                                                              {"ca_file", "certificate file"},
                                                              {"user_totp", "two-step sign-in"},
                                                              {"user_id", "user"},
                                                              {"second_factor", "two-step sign-in rule"},
                                                              {"server_url", "server address"}};
    if (auto it = kNames.find(name); it != kNames.end())
        return it->second;
    for (char& ch : name)
        if (ch == '_')
            ch = ' ';
    return name;
}

std::string ruleSentence(const std::string& fieldName, const std::string& rule,
                         const std::map<std::string, std::string>& p)
{
    const std::string field = fieldName.empty() ? "value" : fieldWords(fieldName);
    const std::string record = fieldWords(param(p, "record_type"));
    if (rule == "unknown_field")
        return (record.empty() ? "records" : record + " records") + " have no field " + fieldName;
    if (rule == "required") {
        if (fieldName == "claims")
            return "no claim is ready or queued to go in a batch";
        if (!param(p, "or").empty())
            return "the " + field + " or the " + fieldWords(param(p, "or")) + " is required";
        return "the " + field + (record.empty() ? "" : " of a " + record) + " is required";
    }
    if (rule == "text")
        return "the " + field + " must be text of at most " + param(p, "max_length") + " characters";
    if (rule == "fixed" && fieldName == "submitted_at")
        return "the claim was submitted already and cannot change: correct it with a replacement or a void "
               "(claims correct)";
    if (rule == "fixed")
        return "the " + field + " cannot be changed once the record is made";
    if (rule == "weak_key")
        return "the " + field + " was made with less work per password guess than the server accepts (at least " +
               param(p, "min_ops") + " passes over " + param(p, "min_mem_mib") +
               " MiB); set the password again with an up-to-date Practica";
    if (rule == "not_signer")
        return "only the author of the " + (record.empty() ? std::string("note") : record) + " can sign it";
    if (rule == "content_hash")
        return "the " + field + " does not match the signed content (the note changed before it was signed)";
    if (rule == "signed")
        return "the note is signed and cannot change; add an addendum instead";
    if (rule == "not_signed")
        return "an addendum is added to a signed note only; edit the unsigned note instead";
    if (rule == "too_short")
        return "the " + field + " must have at least " + param(p, "min_length") + " characters";
    if (rule == "not_integer")
        return "the " + field + " must be a whole number";
    if (rule == "not_flag")
        return "the " + field + " must be 0 or 1";
    if (rule == "not_date")
        return "the " + field + " must be a date (YYYY-MM-DD)";
    if (rule == "not_time")
        return "the " + field + " must be a time of day (HH:MM)";
    if (rule == "not_date_time")
        return "the " + field + " must be a date and time (YYYY-MM-DD HH:MM)";
    if (rule == "too_early")
        return "the " + field + " must not be before " + param(p, "min");
    if (rule == "future_date")
        return "the " + field + " must not be in the future";
    if (rule == "format")
        return "the " + field + " must be " + formatText(param(p, "format")) +
               (param(p, "value").empty() ? "" : " (not " + param(p, "value") + ")");
    if (rule == "choice")
        return "the " + field + " must be one of: " + listText(param(p, "allowed"));
    if (rule == "range") {
        std::string text;
        if (!p.contains("max"))
            text = "the " + field + " must be at least " + param(p, "min");
        else if (!p.contains("min"))
            text = "the " + field + " must be at most " + param(p, "max");
        else
            text = "the " + field + " must be from " + param(p, "min") + " to " + param(p, "max");
        return param(p, "step").empty() ? text : text + ", in steps of " + param(p, "step");
    }
    if (rule == "order")
        return "the " + field + (param(p, "or_equal") == "1" ? " must not come before the " : " must come after the ") +
               fieldWords(param(p, "after"));
    if (rule == "missing_reference" && param(p, "references") == "file")
        return "there is no file at " + param(p, "id");
    if (rule == "missing_reference")
        return "the " + field + " names a " + fieldWords(param(p, "references")) +
               (param(p, "id").empty() ? "" : " (" + param(p, "id") + ")") + " that does not exist or is inactive";
    if (rule == "required_when")
        return "the " + field + " is required when " + whenText(p);
    if (rule == "only_when")
        return "the " + field + " is only given when " + whenText(p);
    if (rule == "required_together")
        return "the " + field + " is required with the " + fieldWords(param(p, "with"));
    if (rule == "mismatch")
        return "the two entries of the " + field + " differ";
    if (rule == "nonexistent_time")
        return (param(p, "time").empty() ? std::string("that time") : param(p, "time")) +
               " does not exist on that day (the clocks spring forward); choose a later time";
    if (rule == "deceased")
        return "the patient is recorded as deceased and cannot be booked";
    if (rule == "foreign_policy")
        return "the insurance policy is not one of the patient's";
    if (rule == "merge_into_itself")
        return "a patient cannot be merged into itself";
    if (rule == "use_merge")
        return "a patient is merged with 'patients merge', not by setting the status";
    if (rule == "use_cancel")
        return "an appointment is cancelled with 'appointments cancel', which takes a reason";
    if (rule == "not_in_series")
        return "the appointment is not part of a series";
    if (rule == "too_large")
        return "the " + field + " is too large" + (param(p, "max").empty() ? "" : " (at most " + param(p, "max") + ")");
    if (rule == "unique")
        return "the " + field + (param(p, "value").empty() ? "" : " " + param(p, "value")) +
               " is already used by another record" + (param(p, "other").empty() ? "" : " (" + param(p, "other") + ")");
    if (rule == "merged")
        return "the patient record was merged into another; use the surviving record";
    if (rule == "already_merged")
        return "the " + field + " was already merged into another record";
    if (rule == "numbers_used_up")
        return "this workstation has used all of its " + field + " numbers; sync to get more";
    if (rule == "account_deactivated")
        return "the account is deactivated";
    if (rule == "unknown_user")
        return "this workstation does not know the user " + field +
               " yet; it learns of new users when someone signs in here while it can reach the clinic's server";
    if (rule == "own_admin_role")
        return "an administrator cannot remove their own admin role";
    if (rule == "own_account")
        return "you cannot deactivate your own account";
    if (rule == "clash") {
        std::string text = "the " + param(p, "resource") + " is already booked";
        if (!param(p, "time").empty())
            text += " on " + param(p, "time");
        if (!param(p, "other_appointment").empty())
            text += " by appointment " + param(p, "other_appointment");
        if (!param(p, "from").empty())
            text += " at " + param(p, "from") + " (" + param(p, "minutes") + " min)";
        return text;
    }
    if (rule == "needs_confirmation")
        return (param(p, "time").empty() ? std::string("the time") : param(p, "time")) + " needs confirmation (" +
               fieldWords(param(p, "warning")) + ")";
    if (rule == "status_transition")
        return "the appointment cannot go from " + fieldWords(param(p, "from")) +
               (param(p, "to").empty() ? " to that status" : " to " + fieldWords(param(p, "to")));
    if (rule == "referenced")
        return "other records refer to the " + field + ", so it cannot be removed";
    if (rule == "cancelled")
        return "stopped before it finished; nothing was saved";
    if (rule == "aborted")
        return "an earlier write failed, so nothing was saved";
    if (rule == "constraint")
        return "the database refused the record (" + fieldWords(param(p, "constraint")) + ")";
    return "the " + field + " breaks the rule " + rule;
}

} // namespace practica::words
