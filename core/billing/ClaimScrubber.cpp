#include "ClaimScrubber.h"

#include "core/codes/CodeSets.h"
#include "core/schedule/ClinicTime.h"
#include "core/util/Validators.h"
#include "core/x12/Claim837.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace practica::core {

namespace {

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool decimalShape(std::string_view s)
{
    if (s.empty())
        return false;
    bool dot = false, digit = false;
    for (char c : s) {
        if (c == '.' && !dot)
            dot = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else
            return false;
    }
    return digit && s.back() != '.';
}

// "PO Box 12", "P.O. Box", "Post Office Box", "POB 4": what a street address may not be.
bool isPoBox(std::string_view line)
{
    std::string letters;
    for (char c : line)
        if (std::isalnum(static_cast<unsigned char>(c)))
            letters += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        else if (c == ' ')
            letters += ' ';
    std::string squeezed;
    for (char c : letters)
        if (c != ' ')
            squeezed += c;
    return squeezed.starts_with("POBOX") || squeezed.starts_with("POSTOFFICEBOX") ||
           (squeezed.starts_with("POB") && squeezed.size() > 3 &&
            std::isdigit(static_cast<unsigned char>(squeezed[3])));
}

class Scrub
{
public:
    explicit Scrub(const ClaimForScrub& in) : m_in(in) {}

    std::vector<ScrubFinding> run()
    {
        const Claim& c = m_in.claim;
        if (c.submittedAt)
            add(ScrubRule::Submitted, "claim", c.id, "submitted_at");
        provider();
        patient();
        coverage();
        const std::vector<std::string> dx = diagnoses();
        if (c.frequency != "1" && !c.payerClaimNumber)
            add(ScrubRule::PayerClaimNumber, "claim", c.id, "payer_claim_number");
        if (!CodeSet::builtin(CodeSystem::PlaceOfService).find(c.placeOfService))
            add(ScrubRule::PlaceOfService, "claim", c.id, "place_of_service", {{"value", c.placeOfService}});
        serviceDate("claim", c.id, c.serviceDate);
        if (m_in.lines.empty())
            add(ScrubRule::Missing, "claim", c.id, "lines");
        if (m_in.lines.size() > 50)
            add(ScrubRule::TooMany, "claim", c.id, "lines", {{"max", "50"}});
        for (const ClaimLine& l : m_in.lines)
            line(l, dx.size());
        return std::move(m_findings);
    }

private:
    void add(ScrubRule rule, const std::string& record, const std::string& id, const std::string& field,
             std::map<std::string, std::string> params = {})
    {
        m_findings.push_back({rule, record, id, field, std::move(params)});
    }

    // A value that must be present and fit an 837.
    void text(const std::string& record, const std::string& id, const std::string& field,
              const std::optional<std::string>& value, bool required = true)
    {
        if (!value || value->empty()) {
            if (required)
                add(ScrubRule::Missing, record, id, field);
            return;
        }
        if (!x12Text(*value, X12Delimiters{}))
            add(ScrubRule::Character, record, id, field, {{"value", *value}});
    }

    void provider()
    {
        const Clinic& k = m_in.clinic;
        text("clinic", k.id, "name", k.name);
        if (!isNpi(k.npi))
            add(k.npi.empty() ? ScrubRule::Missing : ScrubRule::NpiCheckDigit, "clinic", k.id, "npi",
                {{"value", k.npi}});
        if (!isTaxId(k.taxId))
            add(k.taxId.empty() ? ScrubRule::Missing : ScrubRule::TaxIdFormat, "clinic", k.id, "tax_id",
                {{"value", k.taxId}});
        text("clinic", k.id, "address_line1", k.addressLine1);
        if (isPoBox(k.addressLine1))
            add(ScrubRule::PoBox, "clinic", k.id, "address_line1", {{"value", k.addressLine1}});
        text("clinic", k.id, "city", k.city);
        text("clinic", k.id, "state", k.state);
        std::string zip = k.zip;
        zip.erase(std::remove(zip.begin(), zip.end(), '-'), zip.end());
        if (zip.size() != 9 || !allDigits(zip))
            add(ScrubRule::ZipPlusFour, "clinic", k.id, "zip", {{"value", k.zip}});
        const Provider& p = m_in.rendering;
        if (!p.npi || !isNpi(*p.npi))
            add(!p.npi || p.npi->empty() ? ScrubRule::Missing : ScrubRule::NpiCheckDigit, "provider", p.id, "npi",
                {{"value", p.npi.value_or("")}});
        text("provider", p.id, "name", p.name);
    }

    void patient()
    {
        const Patient& p = m_in.patient;
        text("patient", p.id, "family_name", p.familyName);
        text("patient", p.id, "given_name", p.givenName);
        text("patient", p.id, "middle_name", p.middleName, false);
        if (!isIsoDate(p.dateOfBirth))
            add(ScrubRule::Missing, "patient", p.id, "date_of_birth");
        text("patient", p.id, "address_line1", p.addressLine1);
        text("patient", p.id, "address_line2", p.addressLine2, false);
        text("patient", p.id, "city", p.city);
        text("patient", p.id, "state", p.state);
        if (!p.zip || !isZip(*p.zip))
            add(ScrubRule::Missing, "patient", p.id, "zip");
    }

    void coverage()
    {
        const Coverage& v = m_in.coverage;
        const Claim& c = m_in.claim;
        if (v.patientId != c.patientId)
            add(ScrubRule::CoverageOtherPatient, "claim", c.id, "coverage_id");
        if (!v.active || (v.endDate && *v.endDate < c.serviceDate) || v.effectiveDate > c.serviceDate)
            add(ScrubRule::CoverageNotActive, "coverage", v.id, "active");
        text("coverage", v.id, "member_id", v.memberId);
        text("coverage", v.id, "group_number", v.groupNumber, false);
        text("coverage", v.id, "subscriber_name", v.subscriberName);
        if (v.relationship != "self" && (!v.subscriberBirthDate || !isIsoDate(*v.subscriberBirthDate)))
            add(ScrubRule::Missing, "coverage", v.id, "subscriber_birth_date");
        text("payer", m_in.payer.id, "name", m_in.payer.name);
        text("payer", m_in.payer.id, "payer_code", m_in.payer.payerCode);
    }

    std::vector<std::string> diagnoses()
    {
        const Claim& c = m_in.claim;
        const std::vector<std::string> codes = splitList(c.diagnoses);
        if (codes.empty())
            add(ScrubRule::Missing, "claim", c.id, "diagnoses");
        if (codes.size() > 12)
            add(ScrubRule::TooMany, "claim", c.id, "diagnoses", {{"max", "12"}});
        std::set<std::string> seen;
        for (const std::string& code : codes) {
            auto normal = normalizeIcd10Cm(code);
            if (!normal) {
                add(ScrubRule::DiagnosisFormat, "claim", c.id, "diagnoses", {{"value", code}});
                continue;
            }
            if (!seen.insert(*normal).second)
                add(ScrubRule::DiagnosisRepeated, "claim", c.id, "diagnoses", {{"value", code}});
            auto entry = CodeSet::builtin(CodeSystem::Icd10Cm).find(*normal);
            if (!entry)
                add(ScrubRule::DiagnosisUnknown, "claim", c.id, "diagnoses", {{"value", code}});
            else if (!entry->billable)
                add(ScrubRule::DiagnosisNotBillable, "claim", c.id, "diagnoses", {{"value", code}});
        }
        return codes;
    }

    void serviceDate(const std::string& record, const std::string& id, const std::string& date)
    {
        if (!isIsoDate(date)) {
            add(ScrubRule::Missing, record, id, "service_date");
            return;
        }
        if (date > m_in.today)
            add(ScrubRule::FutureDate, record, id, "service_date", {{"value", date}});
        else if (m_in.claim.frequency == "1" && date < ClinicTime::addDays(m_in.today, -m_in.timelyFilingDays))
            add(ScrubRule::TimelyFiling, record, id, "service_date",
                {{"value", date}, {"days", std::to_string(m_in.timelyFilingDays)}});
        if (isIsoDate(m_in.patient.dateOfBirth) && date < m_in.patient.dateOfBirth)
            add(ScrubRule::DateBeforeBirth, record, id, "service_date", {{"value", date}});
    }

    void line(const ClaimLine& l, std::size_t diagnosisCount)
    {
        if (!isProcedureCodeFormat(l.code))
            add(ScrubRule::ProcedureFormat, "claim_line", l.id, "code", {{"value", l.code}});
        else if (!CodeSet::builtin(CodeSystem::Procedure).find(l.code))
            add(ScrubRule::ProcedureUnknown, "claim_line", l.id, "code", {{"value", l.code}});
        const std::vector<std::string> modifiers = splitList(l.modifiers);
        if (modifiers.size() > 4)
            add(ScrubRule::TooMany, "claim_line", l.id, "modifiers", {{"max", "4"}});
        for (const std::string& m : modifiers)
            if (!isModifierFormat(m))
                add(ScrubRule::ModifierFormat, "claim_line", l.id, "modifiers", {{"value", m}});
            else if (!CodeSet::builtin(CodeSystem::Modifier).find(m))
                add(ScrubRule::ModifierUnknown, "claim_line", l.id, "modifiers", {{"value", m}});
        if (!decimalShape(l.units))
            add(ScrubRule::UnitsFormat, "claim_line", l.id, "units", {{"value", l.units}});
        else if (l.units.find_first_not_of("0.") == std::string::npos)
            add(ScrubRule::NotPositive, "claim_line", l.id, "units", {{"value", l.units}});
        if (l.chargeCents <= 0)
            add(ScrubRule::NotPositive, "claim_line", l.id, "charge_cents", {{"value", x12Amount(l.chargeCents)}});
        const std::vector<std::string> pointers = splitList(l.pointers);
        if (pointers.empty())
            add(ScrubRule::Missing, "claim_line", l.id, "pointers");
        if (pointers.size() > 4)
            add(ScrubRule::TooMany, "claim_line", l.id, "pointers", {{"max", "4"}});
        for (const std::string& p : pointers) {
            const bool number = allDigits(p) && p.size() <= 2;
            const int n = number ? std::stoi(p) : 0;
            if (n < 1 || n > static_cast<int>(std::min<std::size_t>(diagnosisCount, 12)))
                add(ScrubRule::PointerOutOfRange, "claim_line", l.id, "pointers",
                    {{"value", p}, {"max", std::to_string(std::min<std::size_t>(diagnosisCount, 12))}});
        }
        if (l.placeOfService && !CodeSet::builtin(CodeSystem::PlaceOfService).find(*l.placeOfService))
            add(ScrubRule::PlaceOfService, "claim_line", l.id, "place_of_service", {{"value", *l.placeOfService}});
        serviceDate("claim_line", l.id, l.serviceDate);
    }

    const ClaimForScrub& m_in;
    std::vector<ScrubFinding> m_findings;
};

} // namespace

std::string_view scrubRuleName(ScrubRule rule)
{
    switch (rule) {
    case ScrubRule::Missing:
        return "missing";
    case ScrubRule::NpiCheckDigit:
        return "npi_check_digit";
    case ScrubRule::TaxIdFormat:
        return "tax_id_format";
    case ScrubRule::DiagnosisFormat:
        return "diagnosis_format";
    case ScrubRule::DiagnosisUnknown:
        return "diagnosis_unknown";
    case ScrubRule::DiagnosisNotBillable:
        return "diagnosis_not_billable";
    case ScrubRule::DiagnosisRepeated:
        return "diagnosis_repeated";
    case ScrubRule::TooMany:
        return "too_many";
    case ScrubRule::ProcedureFormat:
        return "procedure_format";
    case ScrubRule::ProcedureUnknown:
        return "procedure_unknown";
    case ScrubRule::ModifierFormat:
        return "modifier_format";
    case ScrubRule::ModifierUnknown:
        return "modifier_unknown";
    case ScrubRule::PointerOutOfRange:
        return "pointer_out_of_range";
    case ScrubRule::NotPositive:
        return "not_positive";
    case ScrubRule::UnitsFormat:
        return "units_format";
    case ScrubRule::FutureDate:
        return "future_date";
    case ScrubRule::TimelyFiling:
        return "timely_filing";
    case ScrubRule::DateBeforeBirth:
        return "date_before_birth";
    case ScrubRule::PlaceOfService:
        return "place_of_service";
    case ScrubRule::PoBox:
        return "po_box";
    case ScrubRule::ZipPlusFour:
        return "zip_plus_four";
    case ScrubRule::Character:
        return "character";
    case ScrubRule::CoverageNotActive:
        return "coverage_not_active";
    case ScrubRule::CoverageOtherPatient:
        return "coverage_other_patient";
    case ScrubRule::PayerClaimNumber:
        return "payer_claim_number";
    case ScrubRule::Submitted:
        return "submitted";
    }
    return "unknown";
}

std::vector<ScrubFinding> scrubClaim(const ClaimForScrub& input)
{
    return Scrub(input).run();
}

std::vector<std::string> splitList(std::string_view list)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = list.find(',', start);
        std::string_view item =
            list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        if (!item.empty())
            out.emplace_back(item);
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return out;
}

} // namespace practica::core
