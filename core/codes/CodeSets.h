// The reference code sets shipped with Practica (ICD-10-CM subset, CVX, our LOINC list): look a code up, or find
// codes as a user types. Facts, not patient data: immutable once loaded and safe to share between threads.
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
    Icd10Cm, // diagnoses (resources/codes/icd10cm.csv)
    Cvx,     // vaccines administered (resources/codes/cvx.csv)
    Loinc    // vital signs and common labs (resources/codes/loinc_vitals_labs.csv)
};
// A stable machine name: "icd10cm", "cvx", "loinc".
std::string_view codeSystemName(CodeSystem system);
// The FHIR system URI (http://hl7.org/fhir/sid/icd-10-cm, http://hl7.org/fhir/sid/cvx, http://loinc.org).
std::string_view codeSystemUri(CodeSystem system);

struct CodeEntry
{
    std::string code; // as the code system writes it: "E11.9", "208", "8480-6"
    std::string description;
    bool billable = false; // ICD-10-CM: a leaf code, valid on a claim (false for headings); others: false
    bool active = true;    // CVX: status is active; others: true
    std::string status;    // CVX: active, inactive, never_active, non_us; others: empty
    std::string unit;      // LOINC: the UCUM unit usually reported (FHIR's for vital signs); others: empty
    std::string kind;      // LOINC: vital, lab or panel; others: empty
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

    // Exact look-up; ICD-10-CM codes may be given without the dot or in lower case ("e119" finds E11.9).
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

} // namespace practica::core
