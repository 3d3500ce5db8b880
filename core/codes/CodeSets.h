// The reference code sets shipped with Practica (ICD-10-CM subset, CVX, our LOINC list, and for claims our CPT/HCPCS
// procedure list, procedure modifiers and CMS places of service): look a code up, or find codes as a user types.
// Facts, not patient data: immutable once loaded and safe to share between threads.
#pragma once

#include "core/Error.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

enum class CodeSystem
{
    Icd10Cm,       // diagnoses (resources/codes/icd10cm.csv)
    Cvx,           // vaccines administered (resources/codes/cvx.csv)
    Loinc,         // vital signs and common labs (resources/codes/loinc_vitals_labs.csv)
    Procedure,     // CPT and HCPCS Level II codes billed on 837P lines (resources/codes/procedures.csv)
    Modifier,      // procedure modifiers (resources/codes/modifiers.csv)
    PlaceOfService // CMS place of service codes (resources/codes/place_of_service.csv)
};
// A stable machine name: "icd10cm", "cvx", "loinc", "procedure", "modifier", "place_of_service".
std::string_view codeSystemName(CodeSystem system);
// The FHIR system URI (http://hl7.org/fhir/sid/icd-10-cm, http://hl7.org/fhir/sid/cvx, http://loinc.org, CPT's
// http://www.ama-assn.org/go/cpt for procedures and modifiers, CMS's place of service URI). The procedure and
// modifier sets mix CPT and HCPCS Level II codes, which FHIR names apart: see procedureCodeUri and modifierCodeUri.
std::string_view codeSystemUri(CodeSystem system);
// The FHIR system URI of one procedure code: HCPCS Level II (https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets)
// when it starts with a letter, CPT otherwise. Says nothing of whether the code exists.
std::string_view procedureCodeUri(std::string_view code);
// The FHIR system URI of one modifier: CPT for two digits and for CPT's performance-measure modifiers (a digit and
// P: 1P, 2P, 3P, 8P), HCPCS Level II for the rest (GT, LT, XU). Says nothing of whether the modifier exists.
std::string_view modifierCodeUri(std::string_view code);

struct CodeEntry
{
    std::string code; // as the code system writes it: "E11.9", "208", "8480-6", "99213", "G0439", "25", "11"
    std::string description;
    bool billable = false; // ICD-10-CM: a leaf code, valid on a claim (false for headings); others: false
    bool active = true;    // CVX: status is active; others: true
    std::string status;    // CVX: active, inactive, never_active, non_us; others: empty
    std::string unit;      // LOINC: the UCUM unit usually reported (FHIR's for vital signs); others: empty
    std::string kind;      // LOINC: vital, lab, panel; procedures: em, procedure, lab, vaccine, hcpcs; others: empty
};

class CodeSet
{
public:
    // The set compiled into the program, parsed on first use (thread-safe) and kept for the process's life.
    static const CodeSet& builtin(CodeSystem system);
    // A set from CSV text with the columns of resources/codes (header row first). A malformed file, a wrong header,
    // a row with the wrong number of fields or an empty code or description is a Validation error naming the line.
    static Result<CodeSet> fromCsv(CodeSystem system, std::string_view csv);

    CodeSystem system() const;
    std::size_t size() const;
    const std::vector<CodeEntry>& entries() const;

    // Exact look-up, in any case; ICD-10-CM codes may be given without the dot ("e119" finds E11.9, "g0439" G0439).
    std::optional<CodeEntry> find(std::string_view code) const;
    // Codes whose code starts with the query (with or without the dot, any case) or whose description has, for every
    // word of the query, a word starting with it ("diab typ 2"). Ranked: the exact code, then codes by prefix, then
    // description matches (billable or active ones first, then shorter descriptions). An index is built on the first
    // search.
    std::vector<CodeEntry> search(std::string_view text, std::size_t limit = 50) const;

private:
    struct Data;
    explicit CodeSet(std::shared_ptr<Data> data) : m_data(std::move(data)) {}
    std::shared_ptr<Data> m_data;
};

// The ICD-10-CM shape: a capital letter, a digit, a capital letter or digit, then optionally a dot and 1 to 4
// capital letters or digits ("I10", "E11.9", "S93.401A", "U07.1"). Says nothing of whether the code exists.
bool isIcd10CmFormat(std::string_view code);
// Trimmed, upper-cased and dotted ("e119 " -> "E11.9"); nullopt when the result is not of the ICD-10-CM shape.
std::optional<std::string> normalizeIcd10Cm(std::string_view code);

// The procedure code shapes an 837P line accepts: CPT as five digits ("99213") or four digits and F, T or U (category
// II "3074F", category III "0042T", lab analyses "0001U"); HCPCS Level II as a capital A to V and four digits
// ("G0439", "J1100"). Upper case only, as claims carry them. Says nothing of whether the code exists.
bool isProcedureCodeFormat(std::string_view code);
// A procedure modifier's shape: two capital letters or digits ("25", "XU", "F1"). Says nothing of whether it exists.
bool isModifierFormat(std::string_view code);

} // namespace practica::core
