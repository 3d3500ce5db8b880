#include "FhirCodes.h"

#include "core/chart/Vitals.h"
#include "core/util/Text.h"

#include <cmath>
#include <map>
#include <sodium.h>

namespace practica::core::fhir {

namespace {

const std::map<std::string, std::string>& systemUris()
{
    static const std::map<std::string, std::string> uris = {{"icd10cm", kIcd10Cm},
                                                            {"snomed", kSnomed},
                                                            {"rxnorm", kRxNorm},
                                                            {"loinc", kLoinc},
                                                            {"cvx", kCvx},
                                                            {"ndc", "http://hl7.org/fhir/sid/ndc"},
                                                            {"unii", "http://fdasis.nlm.nih.gov"}};
    return uris;
}

std::optional<std::string> lookUp(const std::map<std::string, std::string>& table, const std::string& key)
{
    auto it = table.find(key);
    if (it == table.end())
        return std::nullopt;
    return it->second;
}

std::string lookUpOr(const std::map<std::string, std::string>& table, const std::string& key, const char* fallback)
{
    return lookUp(table, key).value_or(fallback);
}

int rounded(double v)
{
    return static_cast<int>(std::lround(v));
}

const std::vector<SiteOrRoute>& sites()
{
    static const std::vector<SiteOrRoute> table = {{"left_deltoid", "LD", "left deltoid"},
                                                   {"right_deltoid", "RD", "right deltoid"},
                                                   {"left_thigh", "LT", "left thigh"},
                                                   {"right_thigh", "RT", "right thigh"},
                                                   {"left_arm", "LA", "left arm"},
                                                   {"right_arm", "RA", "right arm"},
                                                   {"left_gluteal", "LG", "left gluteus medius"},
                                                   {"right_gluteal", "RG", "right gluteus medius"},
                                                   {"mouth", "", "mouth"},
                                                   {"nose", "", "nose"},
                                                   {"other", "", "other"}};
    return table;
}

const std::vector<SiteOrRoute>& routes()
{
    static const std::vector<SiteOrRoute> table = {
        {"im", "IM", "Injection, intramuscular"},  {"sc", "SQ", "Injection, subcutaneous"},
        {"id", "IDINJ", "Injection, intradermal"}, {"po", "PO", "Swallow, oral"},
        {"in", "NASINHLC", "Inhalation, nasal"},   {"other", "", "other"}};
    return table;
}

std::optional<SiteOrRoute> findWord(const std::vector<SiteOrRoute>& table, const std::string& word)
{
    for (const SiteOrRoute& s : table)
        if (s.word == word)
            return s;
    return std::nullopt;
}

std::string fromCodeOrText(const std::vector<SiteOrRoute>& table, const std::optional<std::string>& code,
                           const std::optional<std::string>& text)
{
    for (const SiteOrRoute& s : table) {
        if (code && !s.code.empty() && *code == s.code)
            return s.word;
        if (text) {
            const std::string folded = foldForSearch(*text);
            if (folded == foldForSearch(s.display) || folded == s.word || folded == foldForSearch(s.code))
                return s.word;
            std::string spaced = s.word;
            for (char& c : spaced)
                if (c == '_')
                    c = ' ';
            if (folded == spaced)
                return s.word;
        }
    }
    return "other";
}

} // namespace

std::string mrnSystemUri(const std::string& clinicId)
{
    return "urn:uuid:" + clinicId;
}

std::optional<std::string> codeSystemUriFor(const std::string& name)
{
    return lookUp(systemUris(), name);
}

std::optional<std::string> codeSystemNameFor(const std::string& uri)
{
    for (const auto& [name, u] : systemUris())
        if (u == uri)
            return name;
    return std::nullopt;
}

const std::vector<VitalCode>& vitalCodes()
{
    static const std::vector<VitalCode> codes = {{"height_mm", "8302-2", "Body height", "cm"},
                                                 {"weight_g", "29463-7", "Body weight", "kg"},
                                                 {"bmi", "39156-5", "Body mass index", "kg/m2"},
                                                 {"blood_pressure", "85354-9", "Blood pressure panel", "mm[Hg]"},
                                                 {"systolic", "8480-6", "Systolic blood pressure", "mm[Hg]"},
                                                 {"diastolic", "8462-4", "Diastolic blood pressure", "mm[Hg]"},
                                                 {"pulse", "8867-4", "Heart rate", "/min"},
                                                 {"temperature_dc", "8310-5", "Body temperature", "Cel"},
                                                 {"respiratory_rate", "9279-1", "Respiratory rate", "/min"},
                                                 {"spo2", "59408-5", "Oxygen saturation by pulse oximetry", "%"},
                                                 {"spo2", "2708-6", "Oxygen saturation in arterial blood", "%"},
                                                 {"pain", "72514-3", "Pain severity, 0-10 scale reported", "{score}"}};
    return codes;
}

std::optional<VitalCode> vitalByLoinc(const std::string& loinc)
{
    for (const VitalCode& v : vitalCodes())
        if (v.loinc == loinc)
            return v;
    return std::nullopt;
}

std::optional<int> canonicalVital(const std::string& field, double value, const std::string& unit)
{
    if (!std::isfinite(value))
        return std::nullopt;
    if (field == "height_mm") {
        if (unit == "cm")
            return heightMmFromCm(value);
        if (unit == "mm")
            return rounded(value);
        if (unit == "m")
            return heightMmFromCm(value * 100);
        if (unit == "[in_i]" || unit == "[in_us]" || unit == "in")
            return heightMmFromInches(value);
        if (unit == "[ft_i]")
            return heightMmFromInches(value * 12);
        return std::nullopt;
    }
    if (field == "weight_g") {
        if (unit == "kg")
            return weightGFromKg(value);
        if (unit == "g")
            return rounded(value);
        if (unit == "[lb_av]" || unit == "lb" || unit == "lbs")
            return weightGFromPounds(value);
        if (unit == "[oz_av]")
            return weightGFromPounds(value / 16);
        return std::nullopt;
    }
    if (field == "temperature_dc") {
        if (unit == "Cel" || unit == "C" || unit == "°C")
            return temperatureDeciCFromCelsius(value);
        if (unit == "[degF]" || unit == "F" || unit == "°F")
            return temperatureDeciCFromFahrenheit(value);
        if (unit == "K")
            return temperatureDeciCFromCelsius(value - 273.15);
        return std::nullopt;
    }
    if (field == "systolic" || field == "diastolic")
        return unit == "mm[Hg]" || unit == "mmHg" ? std::optional(rounded(value)) : std::nullopt;
    if (field == "pulse" || field == "respiratory_rate")
        return unit == "/min" || unit == "{beats}/min" || unit == "{breaths}/min" || unit == "1/min"
                   ? std::optional(rounded(value))
                   : std::nullopt;
    if (field == "spo2")
        return unit == "%" ? std::optional(rounded(value)) : std::nullopt;
    if (field == "pain")
        return unit == "{score}" || unit == "1" || unit.empty() ? std::optional(rounded(value)) : std::nullopt;
    return std::nullopt;
}

std::string encounterStatusCode(const std::string& status)
{
    static const std::map<std::string, std::string> t = {
        {"open", "in-progress"}, {"closed", "finished"}, {"entered_in_error", "entered-in-error"}};
    return lookUpOr(t, status, "unknown");
}

std::string conditionClinicalCode(const std::string& status)
{
    static const std::map<std::string, std::string> t = {
        {"active", "active"}, {"inactive", "inactive"}, {"resolved", "resolved"}};
    return lookUpOr(t, status, "active");
}

std::string allergyClinicalCode(const std::string& status)
{
    return conditionClinicalCode(status); // the same three codes, in their own code system
}

std::string medicationStatementStatusCode(const std::string& status)
{
    static const std::map<std::string, std::string> t = {{"active", "active"},
                                                         {"discontinued", "stopped"},
                                                         {"completed", "completed"},
                                                         {"entered_in_error", "entered-in-error"}};
    return lookUpOr(t, status, "unknown");
}

std::optional<std::string> medicationStatusFromStatement(const std::string& code)
{
    static const std::map<std::string, std::string> t = {
        {"active", "active"},        {"intended", "active"},
        {"on-hold", "active"},       {"unknown", "active"},
        {"stopped", "discontinued"}, {"not-taken", "discontinued"},
        {"completed", "completed"},  {"entered-in-error", "entered_in_error"}};
    return lookUp(t, code);
}

std::optional<std::string> medicationStatusFromRequest(const std::string& code)
{
    static const std::map<std::string, std::string> t = {
        {"active", "active"},        {"on-hold", "active"},
        {"draft", "active"},         {"unknown", "active"},
        {"stopped", "discontinued"}, {"cancelled", "discontinued"},
        {"completed", "completed"},  {"entered-in-error", "entered_in_error"}};
    return lookUp(t, code);
}

std::string immunizationStatusCode(const std::string& status)
{
    static const std::map<std::string, std::string> t = {
        {"completed", "completed"}, {"not_done", "not-done"}, {"entered_in_error", "entered-in-error"}};
    return lookUpOr(t, status, "completed");
}

std::optional<std::string> immunizationStatusFrom(const std::string& code)
{
    static const std::map<std::string, std::string> t = {
        {"completed", "completed"}, {"not-done", "not_done"}, {"entered-in-error", "entered_in_error"}};
    return lookUp(t, code);
}

std::string observationStatusCode(const std::string& status)
{
    static const std::map<std::string, std::string> t = {{"final", "final"},
                                                         {"preliminary", "preliminary"},
                                                         {"corrected", "corrected"},
                                                         {"cancelled", "cancelled"},
                                                         {"entered_in_error", "entered-in-error"}};
    return lookUpOr(t, status, "unknown");
}

std::optional<std::string> labStatusFrom(const std::string& code)
{
    static const std::map<std::string, std::string> t = {{"final", "final"},
                                                         {"preliminary", "preliminary"},
                                                         {"registered", "preliminary"},
                                                         {"amended", "corrected"},
                                                         {"corrected", "corrected"},
                                                         {"cancelled", "cancelled"},
                                                         {"unknown", "final"},
                                                         {"entered-in-error", "entered_in_error"}};
    return lookUp(t, code);
}

std::optional<std::string> allergyCategoryCode(const std::string& category)
{
    static const std::map<std::string, std::string> t = {
        {"drug", "medication"}, {"drug_class", "medication"}, {"food", "food"}, {"environmental", "environment"}};
    return lookUp(t, category);
}

std::string allergyCategoryFrom(const std::string& code)
{
    static const std::map<std::string, std::string> t = {
        {"medication", "drug"}, {"food", "food"}, {"environment", "environmental"}, {"biologic", "other"}};
    return lookUpOr(t, code, "other");
}

std::string criticalityCode(const std::string& severity)
{
    if (severity == "severe")
        return "high";
    if (severity == "mild" || severity == "moderate")
        return "low";
    return "unable-to-assess";
}

std::optional<SiteOrRoute> immunizationSite(const std::string& word)
{
    return findWord(sites(), word);
}

std::optional<SiteOrRoute> immunizationRoute(const std::string& word)
{
    return findWord(routes(), word);
}

std::string immunizationSiteFrom(const std::optional<std::string>& code, const std::optional<std::string>& text)
{
    return fromCodeOrText(sites(), code, text);
}

std::string immunizationRouteFrom(const std::optional<std::string>& code, const std::optional<std::string>& text)
{
    return fromCodeOrText(routes(), code, text);
}

std::string usStateCode(const std::string& stateOrName)
{
    static const std::map<std::string, std::string> names = {{"alabama", "AL"},
                                                             {"alaska", "AK"},
                                                             {"arizona", "AZ"},
                                                             {"arkansas", "AR"},
                                                             {"california", "CA"},
                                                             {"colorado", "CO"},
                                                             {"connecticut", "CT"},
                                                             {"delaware", "DE"},
                                                             {"district of columbia", "DC"},
                                                             {"florida", "FL"},
                                                             {"georgia", "GA"},
                                                             {"hawaii", "HI"},
                                                             {"idaho", "ID"},
                                                             {"illinois", "IL"},
                                                             {"indiana", "IN"},
                                                             {"iowa", "IA"},
                                                             {"kansas", "KS"},
                                                             {"kentucky", "KY"},
                                                             {"louisiana", "LA"},
                                                             {"maine", "ME"},
                                                             {"maryland", "MD"},
                                                             {"massachusetts", "MA"},
                                                             {"michigan", "MI"},
                                                             {"minnesota", "MN"},
                                                             {"mississippi", "MS"},
                                                             {"missouri", "MO"},
                                                             {"montana", "MT"},
                                                             {"nebraska", "NE"},
                                                             {"nevada", "NV"},
                                                             {"new hampshire", "NH"},
                                                             {"new jersey", "NJ"},
                                                             {"new mexico", "NM"},
                                                             {"new york", "NY"},
                                                             {"north carolina", "NC"},
                                                             {"north dakota", "ND"},
                                                             {"ohio", "OH"},
                                                             {"oklahoma", "OK"},
                                                             {"oregon", "OR"},
                                                             {"pennsylvania", "PA"},
                                                             {"rhode island", "RI"},
                                                             {"south carolina", "SC"},
                                                             {"south dakota", "SD"},
                                                             {"tennessee", "TN"},
                                                             {"texas", "TX"},
                                                             {"utah", "UT"},
                                                             {"vermont", "VT"},
                                                             {"virginia", "VA"},
                                                             {"washington", "WA"},
                                                             {"west virginia", "WV"},
                                                             {"wisconsin", "WI"},
                                                             {"wyoming", "WY"},
                                                             {"puerto rico", "PR"},
                                                             {"guam", "GU"},
                                                             {"american samoa", "AS"},
                                                             {"virgin islands", "VI"},
                                                             {"northern mariana islands", "MP"}};
    return lookUpOr(names, foldForSearch(trimmed(stateOrName)), stateOrName.c_str());
}

} // namespace practica::core::fhir
