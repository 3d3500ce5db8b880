// FHIR R4's vocabulary as Practica maps it, both ways: code system URIs, status value sets, the vital-signs
// profile's LOINC codes and UCUM units (and conversions from the units other systems send), immunization
// sites and routes. Export and import read the same tables, so a round trip keeps what Practica stores.
// Internal to core/fhir.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core::fhir {

inline constexpr const char* kLoinc = "http://loinc.org";
inline constexpr const char* kSnomed = "http://snomed.info/sct";
inline constexpr const char* kIcd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
inline constexpr const char* kCvx = "http://hl7.org/fhir/sid/cvx";
inline constexpr const char* kRxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
inline constexpr const char* kNpi = "http://hl7.org/fhir/sid/us-npi";
inline constexpr const char* kUcum = "http://unitsofmeasure.org";
inline constexpr const char* kObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
inline constexpr const char* kInterpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
inline constexpr const char* kConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
inline constexpr const char* kConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
inline constexpr const char* kConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
inline constexpr const char* kAllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
inline constexpr const char* kAllergyVerification =
    "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
inline constexpr const char* kActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
inline constexpr const char* kParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
inline constexpr const char* kIdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";
inline constexpr const char* kActSite = "http://terminology.hl7.org/CodeSystem/v3-ActSite";
inline constexpr const char* kRouteOfAdministration = "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration";
// SNOMED CT 716186003 "No known allergy", the code FHIR implementers use for a recorded "no known allergies".
inline constexpr const char* kNoKnownAllergy = "716186003";

// The identifier system of the clinic's MRNs: urn:uuid:<clinic id> (the same on every workstation of the clinic).
std::string mrnSystemUri(const std::string& clinicId);

// A code system's short name as Practica stores it (snomed, icd10cm, rxnorm, ...) and its URI.
std::optional<std::string> codeSystemUriFor(const std::string& name);
std::optional<std::string> codeSystemNameFor(const std::string& uri);

// One measurement of Practica's vital signs: its field (core/chart/Vitals.h), LOINC code, display and UCUM unit.
struct VitalCode
{
    std::string field; // height_mm, weight_g, bmi, blood_pressure, systolic, diastolic, pulse, temperature_dc,
                       // respiratory_rate, spo2, pain
    std::string loinc;
    std::string display;
    std::string ucum;
};
const std::vector<VitalCode>& vitalCodes();
// The measurement a LOINC code stands for (2708-6 and 59408-5 both mean spo2).
std::optional<VitalCode> vitalByLoinc(const std::string& loinc);
// A value in a UCUM unit as the field's canonical integer (mm, g, tenths of a degree Celsius, mmHg, per minute,
// percent, score); nullopt for a unit the field is not measured in.
std::optional<int> canonicalVital(const std::string& field, double value, const std::string& unit);

// Status value sets, FHIR code <-> Practica's word. Unknown FHIR codes give nullopt.
std::string encounterStatusCode(const std::string& status);
std::string conditionClinicalCode(const std::string& status);
std::string allergyClinicalCode(const std::string& status);
std::string medicationStatementStatusCode(const std::string& status);
std::optional<std::string> medicationStatusFromStatement(const std::string& code);
std::optional<std::string> medicationStatusFromRequest(const std::string& code);
std::string immunizationStatusCode(const std::string& status);
std::optional<std::string> immunizationStatusFrom(const std::string& code);
std::string observationStatusCode(const std::string& status);
std::optional<std::string> labStatusFrom(const std::string& code);

// Allergy categories: drug and drug_class are FHIR's medication, environmental its environment.
std::optional<std::string> allergyCategoryCode(const std::string& category);
std::string allergyCategoryFrom(const std::string& code);
// Severity and FHIR criticality: severe is high, mild and moderate are low, unknown is unable-to-assess.
std::string criticalityCode(const std::string& severity);

// Immunization site and route: Practica's word, the HL7 v3 code (if any) and its display.
struct SiteOrRoute
{
    std::string word;
    std::string code;
    std::string display;
};
std::optional<SiteOrRoute> immunizationSite(const std::string& word);
std::optional<SiteOrRoute> immunizationRoute(const std::string& word);
// From a coding's code or a text ("left deltoid", "IM", "Injection, intramuscular"); "other" when unknown.
std::string immunizationSiteFrom(const std::optional<std::string>& code, const std::optional<std::string>& text);
std::string immunizationRouteFrom(const std::optional<std::string>& code, const std::optional<std::string>& text);

// A US state's two-letter code from its code or its name ("Massachusetts" -> "MA"); the input when unknown.
std::string usStateCode(const std::string& stateOrName);

} // namespace practica::core::fhir
