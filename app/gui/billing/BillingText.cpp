#include "BillingText.h"

#include "app/gui/common/UiText.h"

#include <QStringList>
#include <map>

namespace practica::app {

namespace {

QString recordName(const std::string& record)
{
    if (record == "claim")
        return BillingText::tr("Claim");
    if (record == "claim_line")
        return BillingText::tr("Line");
    if (record == "patient")
        return BillingText::tr("Patient");
    if (record == "coverage")
        return BillingText::tr("Insurance policy");
    if (record == "payer")
        return BillingText::tr("Payer");
    if (record == "provider")
        return BillingText::tr("Rendering provider");
    if (record == "clinic")
        return BillingText::tr("Clinic (billing provider)");
    return QString::fromStdString(record);
}

QString fieldName(const std::string& field)
{
    QString f = QString::fromStdString(field);
    f.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (f == QLatin1String("npi"))
        return QStringLiteral("NPI");
    if (f == QLatin1String("zip"))
        return QStringLiteral("ZIP");
    if (f == QLatin1String("charge cents"))
        return BillingText::tr("charge");
    if (f == QLatin1String("pointers"))
        return BillingText::tr("points to");
    return f;
}

QString param(const core::ScrubFinding& f, const char* name)
{
    auto it = f.params.find(name);
    return it == f.params.end() ? QString() : QString::fromStdString(it->second);
}

// 999 IK4 element error codes and 277CA claim status categories people meet most.
QString elementError(const QString& code)
{
    if (code == QLatin1String("1"))
        return BillingText::tr("a required value is missing");
    if (code == QLatin1String("6"))
        return BillingText::tr("it holds a character that is not allowed");
    if (code == QLatin1String("7"))
        return BillingText::tr("the value is not valid");
    if (code == QLatin1String("8"))
        return BillingText::tr("the date is not valid");
    return BillingText::tr("error code %1").arg(code);
}

QString category(const QString& code)
{
    if (code == QLatin1String("A1") || code == QLatin1String("A2"))
        return BillingText::tr("accepted for processing");
    if (code == QLatin1String("A3"))
        return BillingText::tr("returned as unprocessable");
    if (code == QLatin1String("A4"))
        return BillingText::tr("not found");
    if (code == QLatin1String("A6"))
        return BillingText::tr("information is missing");
    if (code == QLatin1String("A7"))
        return BillingText::tr("information is not valid");
    if (code == QLatin1String("A8"))
        return BillingText::tr("fields contradict each other");
    return code;
}

} // namespace

QString BillingText::state(const std::string& s)
{
    if (s == "draft")
        return tr("Draft");
    if (s == "ready")
        return tr("Ready");
    if (s == "queued")
        return tr("Queued to send");
    if (s == "submitted")
        return tr("Sent");
    if (s == "clearinghouse_accepted")
        return tr("Accepted by the clearinghouse");
    if (s == "clearinghouse_rejected")
        return tr("Rejected by the clearinghouse");
    if (s == "payer_accepted")
        return tr("Accepted by the payer");
    if (s == "payer_rejected")
        return tr("Rejected by the payer");
    if (s == "voided")
        return tr("Voided");
    return QString::fromStdString(s);
}

QString BillingText::finding(const core::ScrubFinding& f, int line)
{
    using R = core::ScrubRule;
    const QString value = param(f, "value");
    QString why;
    switch (f.rule) {
    case R::Missing:
        why = tr("is missing");
        break;
    case R::NpiCheckDigit:
        why = tr("is not a valid NPI (ten digits with the right check digit)");
        break;
    case R::TaxIdFormat:
        why = tr("is not a tax id of nine digits");
        break;
    case R::DiagnosisFormat:
        why = tr("“%1” is not an ICD-10-CM code").arg(value);
        break;
    case R::DiagnosisUnknown:
        why = tr("“%1” is not an ICD-10-CM code Practica knows").arg(value);
        break;
    case R::DiagnosisNotBillable:
        why = tr("“%1” is a category; choose a more specific code").arg(value);
        break;
    case R::DiagnosisRepeated:
        why = tr("“%1” is listed twice").arg(value);
        break;
    case R::TooMany:
        why = tr("has more than %1").arg(param(f, "max"));
        break;
    case R::ProcedureFormat:
        why = tr("“%1” is not a CPT or HCPCS code").arg(value);
        break;
    case R::ProcedureUnknown:
        why = tr("“%1” is not in the procedure list").arg(value);
        break;
    case R::ModifierFormat:
        why = tr("“%1” is not a modifier (two letters or digits)").arg(value);
        break;
    case R::ModifierUnknown:
        why = tr("“%1” is not a modifier Practica knows").arg(value);
        break;
    case R::PointerOutOfRange:
        why = tr("diagnosis %1 is not on the claim (it has %n)", nullptr, param(f, "max").toInt()).arg(value);
        break;
    case R::NotPositive:
        why = tr("must be more than zero");
        break;
    case R::UnitsFormat:
        why = tr("“%1” is not a number of units").arg(value);
        break;
    case R::FutureDate:
        why = tr("%1 is in the future").arg(value);
        break;
    case R::TimelyFiling:
        why = tr("%1 is past the payer's %2-day filing window").arg(value, param(f, "days"));
        break;
    case R::DateBeforeBirth:
        why = tr("%1 is before the patient was born").arg(value);
        break;
    case R::PlaceOfService:
        why = tr("“%1” is not a place of service code").arg(value);
        break;
    case R::PoBox:
        why = tr("is a PO box; claims need a street address");
        break;
    case R::ZipPlusFour:
        why = tr("needs all nine digits (ZIP+4)");
        break;
    case R::Character:
        why = tr("holds a character a claim cannot carry");
        break;
    case R::CoverageNotActive:
        why = tr("the policy was not in force on the date of service");
        break;
    case R::CoverageOtherPatient:
        why = tr("the policy is another patient's");
        break;
    case R::PayerClaimNumber:
        why = tr("a replacement or void needs the payer's claim number");
        break;
    case R::Submitted:
        why = tr("the claim was sent; correct it with a replacement");
        break;
    }
    const QString record = f.record == "claim_line" && line > 0 ? tr("Line %1").arg(line) : recordName(f.record);
    return tr("%1, %2: %3.").arg(record, fieldName(f.field), why);
}

QString BillingText::answer(const std::string& source, const std::string& state, const std::string& detail)
{
    const QStringList parts = QString::fromStdString(detail).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    if (source == "999") {
        QStringList errors;
        for (const QString& p : parts) {
            const QStringList f = p.split(QLatin1Char(':'));
            if (f.first() == QLatin1String("IK4") && f.size() >= 3)
                errors << tr("element %1: %2").arg(f[1], elementError(f[2]));
            else if (f.first() == QLatin1String("IK3") && f.size() >= 3)
                errors << tr("segment %1 (position %2)").arg(f[1], f[2]);
            else if (f.first() == QLatin1String("CORE") && f.size() >= 2)
                errors << (f[1] == QLatin1String("superseded") ? tr("sent first from another workstation")
                                                               : tr("refused: %1").arg(f[1]));
        }
        const QString head = state == "clearinghouse_rejected" ? tr("Rejected by the clearinghouse")
                                                               : tr("Accepted by the clearinghouse");
        return errors.isEmpty() ? head : head + QStringLiteral(": ") + errors.join(QStringLiteral(", "));
    }
    if (source == "277ca") {
        QStringList statuses;
        for (const QString& p : parts) {
            const QStringList f = p.split(QLatin1Char(':'));
            if (f.first() == QLatin1String("STC") && f.size() >= 3)
                statuses << tr("%1 (status %2)").arg(category(f[1]), f[2]);
        }
        const QString head = state == "payer_rejected" ? tr("Rejected by the payer")
                             : state == "voided"       ? tr("Voided by the payer")
                                                       : tr("Accepted by the payer");
        return statuses.isEmpty() ? head : head + QStringLiteral(": ") + statuses.join(QStringLiteral(", "));
    }
    return BillingText::state(state);
}

QString BillingText::dollars(std::int64_t cents)
{
    return QStringLiteral("$%1.%2")
        .arg(cents / 100)
        .arg(static_cast<int>(std::abs(cents % 100)), 2, 10, QLatin1Char('0'));
}

QString BillingText::transportError(const core::Error& e)
{
    using core::ErrorCode;
    const bool folder = e.field == "upload_dir" || e.field == "download_dir";
    switch (e.code) {
    case ErrorCode::Offline:
        if (e.field == "clearinghouse")
            return tr("The clearinghouse cannot be reached; the claims wait and go with the next send.");
        break;
    case ErrorCode::NotAuthorized:
        if (e.field == "host_key")
            return tr("The clearinghouse's SFTP server showed another host key (%1) than the settings name, so "
                      "nothing was sent to it. Confirm the fingerprint with the clearinghouse before you change it.")
                .arg(QString::fromStdString(e.detail));
        if (e.field == "clearinghouse")
            return tr("The clearinghouse did not accept the sign-in. Check the user name and password (or the key "
                      "file and its passphrase) in the clearinghouse settings.");
        break;
    case ErrorCode::NotFound:
        if (folder)
            return tr("The clearinghouse's server has no folder %1. Check the %2 in the clearinghouse settings.")
                .arg(QString::fromStdString(e.detail),
                     e.field == "upload_dir" ? tr("upload folder") : tr("download folder"));
        break;
    case ErrorCode::ProtocolError:
        if (folder)
            return tr("The clearinghouse's server refused the %1 (%2).")
                .arg(e.field == "upload_dir" ? tr("claims file") : tr("answer files"),
                     QString::fromStdString(e.detail));
        return tr("The clearinghouse sent an answer Practica cannot read (%1).").arg(QString::fromStdString(e.detail));
    case ErrorCode::Validation:
        if (e.field == "transport")
            return tr("The clinic's clearinghouse takes files by hand: use Export 837 file.");
        return tr("The clearinghouse settings are not complete: %1").arg(UiText::error(e));
    default:
        break;
    }
    return UiText::error(e);
}

QString BillingText::filingIndicator(const std::string& code)
{
    static const std::map<std::string, const char*> kWords = {
        {"11", QT_TR_NOOP("Other non-federal program")},
        {"12", QT_TR_NOOP("Preferred provider organization (PPO)")},
        {"13", QT_TR_NOOP("Point of service (POS)")},
        {"14", QT_TR_NOOP("Exclusive provider organization (EPO)")},
        {"15", QT_TR_NOOP("Indemnity insurance")},
        {"16", QT_TR_NOOP("HMO Medicare risk")},
        {"17", QT_TR_NOOP("Dental maintenance organization")},
        {"AM", QT_TR_NOOP("Automobile medical")},
        {"BL", QT_TR_NOOP("Blue Cross Blue Shield")},
        {"CH", QT_TR_NOOP("TRICARE (CHAMPUS)")},
        {"CI", QT_TR_NOOP("Commercial insurance")},
        {"DS", QT_TR_NOOP("Disability")},
        {"FI", QT_TR_NOOP("Federal Employees Program")},
        {"HM", QT_TR_NOOP("Health maintenance organization (HMO)")},
        {"LM", QT_TR_NOOP("Liability medical")},
        {"MA", QT_TR_NOOP("Medicare Part A")},
        {"MB", QT_TR_NOOP("Medicare Part B")},
        {"MC", QT_TR_NOOP("Medicaid")},
        {"OF", QT_TR_NOOP("Other federal program")},
        {"TV", QT_TR_NOOP("Title V")},
        {"VA", QT_TR_NOOP("Veterans Affairs plan")},
        {"WC", QT_TR_NOOP("Workers' compensation")},
        {"ZZ", QT_TR_NOOP("Mutually defined")}};
    auto it = kWords.find(code);
    const QString words = it == kWords.end() ? QString() : tr(it->second);
    return words.isEmpty() ? QString::fromStdString(code)
                           : words + QStringLiteral(" (") + QString::fromStdString(code) + QLatin1Char(')');
}

} // namespace practica::app
