// One import of a Bundle: its entries indexed by fullUrl and Type/id, references resolved (urn:uuid:, relative,
// conditional Type?identifier=system|value), and each resource read into Practica's records. Patients and
// encounters are in FhirBundleImport.cpp, the chart's lists in FhirChartImport.cpp. Internal to core/fhir.
#pragma once

#include "FhirImport.h"
#include "FhirJson.h"
#include "core/model/Chart.h"
#include "core/model/Patient.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace practica::core {
class Session;
}

namespace practica::core::fhir {

// Where a reference leads: an entry of the bundle, or a record this clinic already holds.
struct Target
{
    int entry = -1;
    std::string patientId;  // a patient found by MRN
    std::string providerId; // a provider found by NPI
};

class BundleImport
{
public:
    BundleImport(Session& session, FhirImportReport& report) : m_session(session), m_report(report) {}

    // Reads every entry into the records (inside the caller's transaction).
    Status run(const Object& bundle);

private:
    struct Entry
    {
        std::string fullUrl;
        std::string type;
        Object resource;
    };
    // A set of vital signs being gathered from Observations taken at one time.
    struct VitalsSet
    {
        VitalSigns vitals;
        std::map<std::string, int> entryOf; // field -> the entry it came from
        int bmiObservations = 0;
        std::string key; // the patient, time, visit and status it was taken at, and which set of them
    };

    // Errors naming the entry: a rule broken at a field of the resource, or a store's refusal.
    std::unexpected<Error> refuse(int index, const std::string& field, Rule rule, ErrorParams params = {}) const;
    std::unexpected<Error> refuse(int index, Error error) const;

    Status index(const Object& bundle);
    std::optional<Target> resolve(const std::string& reference, const std::string& type) const;
    Result<std::string> patientOf(int index, const std::string& field);
    std::optional<std::string> encounterOf(int index);
    std::optional<std::string> providerOf(const Object& referenceObject);
    std::optional<std::string> providerByNpi(const std::string& npi) const;
    Result<std::string> defaultProvider(int index);

    Status importPatient(int index);
    Status importEncounter(int index);
    Status importCondition(int index);
    Status importAllergy(int index);
    Status importMedication(int index);
    Status importImmunization(int index);
    Status importObservation(int index);
    Status importVitalSign(int index, const std::string& patientId, const std::string& loinc);
    Status importLab(int index, const std::string& patientId);
    Status saveVitals();
    Status saveNoKnownAllergies();
    void count(int index, bool kept);
    // The id a resource's record gets: derived from its patient and its own identity in the bundle (type and
    // id, else fullUrl), so the same resource imported again names the same record. Empty when it has none.
    std::string recordIdOf(int index, const std::string& patientId) const;
    // Whether a record of that table has the id already (the resource came in before); counted as such then
    // for the entry, when given.
    Result<bool> alreadyPresent(const std::string& table, const std::string& id, std::optional<int> entry);

    Session& m_session;
    FhirImportReport& m_report;
    std::string m_mrnSystem;
    std::string m_timeZone;
    std::vector<Entry> m_entries;
    std::map<std::string, int> m_byUrl; // fullUrl and Type/id -> entry
    std::map<int, std::string> m_patients;
    std::map<int, std::string> m_encounters;
    std::optional<std::string> m_defaultProvider;
    std::vector<VitalsSet> m_vitals;
    std::map<std::string, std::vector<std::size_t>> m_vitalsAt; // patient|time|encounter|status -> sets
    std::map<std::string, int> m_noKnownAllergies;              // patient -> entry
};

// CodeableConcept helpers shared by the two halves.
Object codingWith(const Object& cc, const std::string& system);
Object firstCoding(const Object& cc);
std::optional<std::string> conceptWords(const Object& cc); // text, else a coding's display, else its code
std::optional<std::string> referenceText(const Object& o, const std::string& key);
// text cut to at most max bytes without splitting a UTF-8 sequence.
std::string clipped(const std::string& text, std::size_t max);
std::string joinedNotes(const Object& resource);

} // namespace practica::core::fhir
