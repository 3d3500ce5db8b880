// The claim scrubber: every reason a claim would be rejected that can be known before it leaves, each
// naming the record and field to fix and the rule (codes, never sentences; the front ends word them).
// A claim is queued only when the scrubber finds nothing. It reads a claim as it would be sent: the claim,
// its lines, the patient, the coverage and its payer, the rendering provider and the clinic as billing
// provider.
#pragma once

#include "core/model/Billing.h"
#include "core/model/Clinic.h"
#include "core/model/Coverage.h"
#include "core/model/Patient.h"
#include "core/model/Schedule.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

enum class ScrubRule
{
    Missing,              // a value the claim needs is empty
    NpiCheckDigit,        // not 10 digits with the CMS check digit (Luhn over 80840 + the first nine)
    TaxIdFormat,          // not nine digits
    DiagnosisFormat,      // not an ICD-10-CM code: value
    DiagnosisUnknown,     // not in the shipped ICD-10-CM set: value
    DiagnosisNotBillable, // a heading, not a leaf code: value
    DiagnosisRepeated,    // the same code twice: value
    TooMany,              // more than allowed: max (12 diagnoses, 50 lines, 4 modifiers, 4 pointers)
    ProcedureFormat,      // not a CPT or HCPCS Level II code: value
    ProcedureUnknown,     // not in the shipped procedure catalog (resources/codes/procedures.csv): value
    ModifierFormat,       // not two letters or digits: value
    ModifierUnknown,      // not in the shipped modifier list: value
    PointerOutOfRange,    // a pointer past the claim's diagnoses: value, max
    NotPositive,          // a charge or units of zero or less: value
    UnitsFormat,          // units not a decimal: value
    FutureDate,           // a date of service after today: value
    TimelyFiling,         // a date of service older than the filing window: value, days
    DateBeforeBirth,      // a date of service before the patient was born: value
    PlaceOfService,       // not a CMS place of service code: value
    PoBox,                // the billing provider's street address is a PO box
    ZipPlusFour,          // the billing provider's ZIP is not nine digits: value
    Character,            // holds a character a claim cannot carry (a delimiter, a control character): value
    CoverageNotActive,    // the policy is inactive or ended before the date of service
    CoverageOtherPatient, // the policy is another patient's
    PayerClaimNumber,     // a replacement or void names no payer claim number
    Submitted             // the claim has already left; it changes by a replacement or void only
};
std::string_view scrubRuleName(ScrubRule rule);

struct ScrubFinding
{
    ScrubRule rule = ScrubRule::Missing;
    std::string record;   // claim, claim_line, patient, coverage, payer, provider, clinic
    std::string recordId; // which one
    std::string field;    // its field, as its record type names it
    std::map<std::string, std::string> params;
};

struct ClaimForScrub
{
    Claim claim;
    std::vector<ClaimLine> lines; // active ones
    Patient patient;
    Coverage coverage;
    Payer payer;
    Provider rendering;
    Clinic clinic;
    std::string today;          // the clinic's date
    int timelyFilingDays = 365; // the payer's window for a first claim
};

std::vector<ScrubFinding> scrubClaim(const ClaimForScrub& input);

// "E11.9,I10" -> {"E11.9", "I10"}; empty items dropped.
std::vector<std::string> splitList(std::string_view list);

} // namespace practica::core
