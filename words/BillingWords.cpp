#include "BillingWords.h"

#include "ErrorWords.h"

namespace practica::words {

namespace {

std::string param(const std::map<std::string, std::string>& p, const std::string& name)
{
    auto it = p.find(name);
    return it == p.end() ? std::string() : it->second;
}

std::string why(const core::ScrubFinding& f)
{
    using R = core::ScrubRule;
    const std::string value = param(f.params, "value");
    switch (f.rule) {
    case R::Missing:
        return "is missing";
    case R::NpiCheckDigit:
        return "is not a valid NPI (10 digits with the right check digit)";
    case R::TaxIdFormat:
        return "is not a tax id of nine digits";
    case R::DiagnosisFormat:
        return value + " is not an ICD-10-CM code";
    case R::DiagnosisUnknown:
        return value + " is not an ICD-10-CM code this clinic knows";
    case R::DiagnosisNotBillable:
        return value + " is a category heading; choose a more specific code";
    case R::DiagnosisRepeated:
        return value + " is listed twice";
    case R::TooMany:
        return "has more than " + param(f.params, "max");
    case R::ProcedureFormat:
        return value + " is not a CPT or HCPCS code";
    case R::ProcedureUnknown:
        return value + " is not in the procedure catalog";
    case R::ModifierFormat:
        return value + " is not a modifier (two letters or digits)";
    case R::ModifierUnknown:
        return value + " is not a modifier this clinic knows";
    case R::PointerOutOfRange:
        return "points to diagnosis " + value + ", but the claim has " + param(f.params, "max");
    case R::NotPositive:
        return "must be more than zero";
    case R::UnitsFormat:
        return value + " is not a number of units";
    case R::FutureDate:
        return value + " is in the future";
    case R::TimelyFiling:
        return value + " is older than the payer's filing window of " + param(f.params, "days") + " days";
    case R::DateBeforeBirth:
        return value + " is before the patient was born";
    case R::PlaceOfService:
        return value + " is not a place of service code";
    case R::PoBox:
        return "is a PO box; the billing address must be a street address";
    case R::ZipPlusFour:
        return "needs all nine digits (ZIP+4)" + (value.empty() ? "" : " (" + value + ")");
    case R::Character:
        return "holds a character a claim cannot carry (" + value + ")";
    case R::CoverageNotActive:
        return "the policy was not in force on the date of service";
    case R::CoverageOtherPatient:
        return "the policy belongs to another patient";
    case R::PayerClaimNumber:
        return "a replacement or void needs the payer's claim number";
    case R::Submitted:
        return "the claim has already been sent; correct it with a replacement or void";
    }
    return "breaks a rule";
}

} // namespace

std::string scrubFindingSentence(const core::ScrubFinding& finding)
{
    std::string field = finding.field;
    for (char& c : field)
        if (c == '_')
            c = ' ';
    return finding.record + " " + field + ": " + why(finding);
}

std::string x12IssueSentence(const core::X12Issue& issue)
{
    using P = core::X12Problem;
    std::string where;
    if (issue.line > 0)
        where = "line " + std::to_string(issue.line);
    if (!issue.segment.empty())
        where += (where.empty() ? "" : " ") + std::string("(") + issue.segment +
                 (issue.element > 0 ? std::to_string(issue.element).insert(0, issue.element < 10 ? "0" : "") : "") +
                 ")";
    std::string what;
    switch (issue.problem) {
    case P::Empty:
        what = "the file is empty";
        break;
    case P::NotX12:
        what = "this is not an X12 file (it does not start with ISA)";
        break;
    case P::BadIsa:
        what = "the ISA header is damaged (it must be 106 characters with usable delimiters)";
        break;
    case P::BadSegment:
        what = "a segment has no valid name: \"" + issue.value.substr(0, 40) + "\"";
        break;
    case P::Truncated:
        what = "the file ends before its IEA trailer: it was cut off";
        break;
    case P::OutOfPlace:
        what = "the segment is where the envelope does not allow it";
        break;
    case P::ControlMismatch:
        what = "the control number " + issue.value + " does not match its header's " + issue.expected;
        break;
    case P::CountMismatch:
        what = "the count says " + issue.value + " but there are " + issue.expected;
        break;
    case P::UnsupportedVersion:
        what = "version " + issue.value + " is not 5010 (00501)";
        break;
    case P::WrongTransaction:
        what = "the file holds a " + issue.value + " transaction, not the one expected";
        break;
    case P::MissingSegment:
        what = "a required " + issue.expected + " segment is missing" +
               (issue.value.empty() ? "" : " (for " + issue.value + ")");
        break;
    case P::BadElement:
        what = "a required value is missing or wrong" + (issue.value.empty() ? "" : ": " + issue.value);
        break;
    }
    return where.empty() ? what : where + ": " + what;
}

std::string transportErrorSentence(const core::Error& e)
{
    const std::string why = e.detail.empty() ? std::string() : " (" + e.detail + ")";
    switch (e.code) {
    case core::ErrorCode::Offline:
        if (e.field == "clearinghouse")
            return "The clearinghouse cannot be reached" + why + "; the claims wait and go at the next transmit.";
        break;
    case core::ErrorCode::NotAuthorized:
        if (e.field == "host_key")
            return "The clearinghouse's SFTP server showed another host key" + why +
                   " than the clinic's settings name, so nothing was sent to it. Confirm the fingerprint with the "
                   "clearinghouse before changing it (claims clearinghouse --host-key).";
        if (e.field == "clearinghouse")
            return "The clearinghouse did not accept the sign-in: check the user name and the password (or the "
                   "key file and its passphrase)" +
                   why + ".";
        break;
    case core::ErrorCode::NotFound:
        if (e.field == "upload_dir" || e.field == "download_dir")
            return "The clearinghouse's server has no folder " + e.detail + " (the " +
                   (e.field == "upload_dir" ? std::string("upload") : std::string("download")) +
                   " folder of the clinic's settings).";
        break;
    case core::ErrorCode::ProtocolError:
        if (e.field == "upload_dir" || e.field == "download_dir")
            return "The clearinghouse's server refused to " +
                   (e.field == "upload_dir" ? std::string("take a file in the upload folder")
                                            : std::string("give or remove a file in the download folder")) +
                   why + ".";
        if (e.field == "clearinghouse" || e.field == "ErrorCode" || e.field == "CheckSum" || e.field == "payload" ||
            e.field == "content_type" || e.field == "body")
            return "The clearinghouse sent an answer Practica cannot read" + why + ".";
        break;
    case core::ErrorCode::Validation:
        if (e.field == "transport" && e.detail == "file")
            return "The clinic's clearinghouse takes files by hand (transport file): write them with x12 "
                   "export-837.";
        if (e.field == "endpoint" || e.field == "username" || e.field == "upload_dir" || e.field == "download_dir" ||
            e.field == "host_key")
            return "Claims cannot be sent until the clinic's clearinghouse settings are complete (claims "
                   "clearinghouse): " +
                   errorSentence(e);
        break;
    default:
        break;
    }
    return errorSentence(e);
}

} // namespace practica::words
