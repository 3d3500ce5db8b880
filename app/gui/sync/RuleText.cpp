#include "RuleText.h"

#include "ConflictDescriber.h"

#include <QStringList>

namespace practica::app {

namespace {

std::string param(const std::map<std::string, std::string>& params, const std::string& name)
{
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

QString RuleText::format(const std::string& format)
{
    if (format == "us_state")
        return RuleText::tr("a two-letter US state code");
    if (format == "zip")
        return RuleText::tr("a ZIP code (12345 or 12345-6789)");
    if (format == "phone")
        return RuleText::tr("a 10-digit US phone number");
    if (format == "email")
        return RuleText::tr("an e-mail address");
    if (format == "npi")
        return RuleText::tr("a valid NPI (10 digits with a correct check digit)");
    if (format == "tax_id")
        return RuleText::tr("an EIN (NN-NNNNNNN)");
    if (format == "time_zone")
        return RuleText::tr("a time zone such as America/Chicago");
    if (format == "color")
        return RuleText::tr("a colour as #rrggbb");
    if (format == "day_list")
        return RuleText::tr("weekdays 1 (Monday) to 7 (Sunday)");
    if (format == "user_name")
        return RuleText::tr("2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter");
    if (format == "user_key")
        return RuleText::tr("a user key made by Practica when a password is set");
    if (format == "icd10cm")
        return RuleText::tr("an ICD-10-CM code such as E11.9");
    if (format == "cvx")
        return RuleText::tr("a CVX vaccine code (1 to 3 digits)");
    if (format == "loinc")
        return RuleText::tr("a LOINC code such as 2345-7");
    if (format == "utc_time")
        return RuleText::tr("a UTC time as YYYY-MM-DDTHH:MM:SSZ");
    if (format == "sha256")
        return RuleText::tr("a SHA-256 digest (64 hexadecimal digits)");
    if (format == "ssh_host_key")
        return RuleText::tr("an SSH host key fingerprint such as SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");
    if (format == "sftp_url")
        return RuleText::tr("an address such as sftp://sftp.clearinghouse.example:22");
    if (format == "https_url")
        return RuleText::tr("an address starting with https://");
    if (format == "absolute_path")
        return RuleText::tr("a full path, starting with /");
    if (format == "remote_path")
        return RuleText::tr("a folder on the server such as /inbound (no quotes or backslashes)");
    if (format == "server_url")
        return RuleText::tr("an address such as https://server.clinic.example:8443");
    if (format == "uuid")
        return RuleText::tr("a clinic id (a UUID)");
    return RuleText::tr("in the right format (%1)").arg(qs(format));
}

QString RuleText::fieldName(const std::string& field)
{
    static const std::map<std::string, const char*> kNames = {{"family_name", QT_TR_NOOP("family name")},
                                                              {"given_name", QT_TR_NOOP("given name")},
                                                              {"date_of_birth", QT_TR_NOOP("date of birth")},
                                                              {"sex", QT_TR_NOOP("sex")},
                                                              {"mrn", QT_TR_NOOP("MRN")},
                                                              {"status", QT_TR_NOOP("status")},
                                                              {"phone", QT_TR_NOOP("phone number")},
                                                              {"phone_home", QT_TR_NOOP("home phone")},
                                                              {"phone_mobile", QT_TR_NOOP("mobile phone")},
                                                              {"phone_work", QT_TR_NOOP("work phone")},
                                                              {"email", QT_TR_NOOP("e-mail address")},
                                                              {"state", QT_TR_NOOP("state")},
                                                              {"zip", QT_TR_NOOP("ZIP code")},
                                                              {"patient_id", QT_TR_NOOP("patient")},
                                                              {"provider_id", QT_TR_NOOP("provider")},
                                                              {"room_id", QT_TR_NOOP("room")},
                                                              {"type_id", QT_TR_NOOP("appointment type")},
                                                              {"coverage_id", QT_TR_NOOP("insurance policy")},
                                                              {"payer_id", QT_TR_NOOP("payer")},
                                                              {"minutes", QT_TR_NOOP("length in minutes")},
                                                              {"start_utc_ms", QT_TR_NOOP("start time")},
                                                              {"end_utc_ms", QT_TR_NOOP("end time")},
                                                              {"npi", QT_TR_NOOP("NPI")},
                                                              {"tax_id", QT_TR_NOOP("tax id")},
                                                              {"time_zone", QT_TR_NOOP("time zone")},
                                                              {"member_id", QT_TR_NOOP("member id")},
                                                              {"effective_date", QT_TR_NOOP("effective date")},
                                                              {"end_date", QT_TR_NOOP("end date")},
                                                              {"deceased_date", QT_TR_NOOP("date of death")},
                                                              {"username", QT_TR_NOOP("user name")},
                                                              {"role", QT_TR_NOOP("role")},
                                                              {"user_id", QT_TR_NOOP("user")},
                                                              {"second_factor", QT_TR_NOOP("two-step sign-in rule")},
                                                              {"endpoint", QT_TR_NOOP("address")},
                                                              {"upload_dir", QT_TR_NOOP("upload folder")},
                                                              {"download_dir", QT_TR_NOOP("download folder")},
                                                              {"host_key", QT_TR_NOOP("host key fingerprint")},
                                                              {"key_file", QT_TR_NOOP("key file")},
                                                              {"submitter_id", QT_TR_NOOP("submitter id")},
                                                              {"receiver_id", QT_TR_NOOP("receiver id")},
                                                              {"contact_name", QT_TR_NOOP("contact name")},
                                                              {"contact_phone", QT_TR_NOOP("contact phone")}};
    if (auto it = kNames.find(field); it != kNames.end())
        return tr(it->second);
    QString words = qs(field);
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    return words;
}

QString RuleText::rule(const std::map<std::string, std::string>& p)
{
    const QString field = fieldName(param(p, "field"));
    const QString record = ConflictDescriber::recordName(param(p, "record_type"));
    const std::string rule = param(p, "rule");
    if (rule == "unknown_field")
        return tr("A %1 has no field called “%2”.").arg(record, qs(param(p, "field")));
    if (rule == "required")
        return tr("The %1 of a %2 is required.").arg(field, record);
    if (rule == "text")
        return tr("The %1 must be text of at most %2 characters.").arg(field, qs(param(p, "max_length")));
    if (rule == "not_integer")
        return tr("The %1 must be a whole number.").arg(field);
    if (rule == "not_flag")
        return tr("The %1 must be yes or no.").arg(field);
    if (rule == "not_date")
        return tr("The %1 must be a date.").arg(field);
    if (rule == "too_early")
        return tr("The %1 must not be before %2.").arg(field, qs(param(p, "min")));
    if (rule == "future_date")
        return tr("The %1 must not be in the future.").arg(field);
    if (rule == "format")
        return tr("The %1 must be %2.").arg(field, format(param(p, "format")));
    if (rule == "choice") {
        const QStringList allowed = qs(param(p, "allowed")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        return tr("The %1 must be one of: %2.").arg(field, allowed.join(QStringLiteral(", ")));
    }
    if (rule == "range") {
        if (!p.contains("max"))
            return tr("The %1 must be at least %2.").arg(field, qs(param(p, "min")));
        if (!p.contains("min"))
            return tr("The %1 must be at most %2.").arg(field, qs(param(p, "max")));
        return tr("The %1 must be from %2 to %3.").arg(field, qs(param(p, "min")), qs(param(p, "max")));
    }
    if (rule == "missing_reference")
        return tr("The %1 names a %2 that does not exist on the server.")
            .arg(field, ConflictDescriber::recordName(param(p, "references")));
    if (rule == "order")
        return param(p, "or_equal") == "1"
                   ? tr("The %1 must not come before the %2.").arg(field, fieldName(param(p, "after")))
                   : tr("The %1 must come after the %2.").arg(field, fieldName(param(p, "after")));
    return tr("The %1 breaks the rule “%2”.").arg(field, qs(rule));
}

QString RuleText::parked(const core::ParkedChange& c)
{
    const std::string type = param(c.params, "record_type").empty() ? c.entity : param(c.params, "record_type");
    const QString record = ConflictDescriber::recordName(type);
    if (c.code == "unknown_record_type")
        return tr("This version of Practica does not know this kind of record (%1). Update Practica on this "
                  "computer; the change is merged at the next sync.")
            .arg(qs(type));
    if (c.code == "unknown_field")
        return tr("This version of Practica does not know the field “%1” of a %2. Update Practica on this "
                  "computer; the change is merged at the next sync.")
            .arg(qs(param(c.params, "field")), record);
    if (c.code == "invalid_field")
        return tr("%1 The server accepted it without checking (an older server). Correct the %2 on any "
                  "workstation.")
            .arg(rule(c.params), record);
    if (c.code == "refused_by_database") {
        const std::string constraint = param(c.params, "constraint");
        if (constraint == "foreign_key")
            return tr("The %1 refers to a record this computer does not have yet. It is tried again at every "
                      "sync.")
                .arg(record);
        if (constraint == "unique")
            return tr("The %1 would duplicate one this computer already has. It is tried again at every sync.")
                .arg(record);
        return tr("This computer's database refused the %1. It is tried again at every sync.").arg(record);
    }
    return tr("Not merged (%1).").arg(qs(c.code));
}

} // namespace practica::app
