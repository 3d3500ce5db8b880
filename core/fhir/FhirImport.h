// Brings a FHIR R4 JSON Bundle (transaction, batch, collection or searchset) into the clinic's records, all or
// nothing, in one transaction: patients (matched by this clinic's MRN, else by name and birth date, else
// registered), encounters, conditions (ICD-10-CM, SNOMED CT or other codes kept as given), allergies and a
// recorded "no known allergies", medications (statements and requests), immunizations (CVX), vital signs
// (converted to canonical units from the UCUM unit given) and lab results. Every other resource type is
// counted as skipped. A bundle that cannot be read, a reference a kept resource needs that leads nowhere, or a
// value a record's rules refuse refuses the whole bundle with one error: the record's field and rule, with the
// entry's index (params "entry", from 0; -1 for the Bundle itself) and "resource_type". Each record's id is
// derived from the patient and the resource's own id (or fullUrl), so importing the same bundle again adds
// nothing twice. Needs ClinicalWrite and PatientWrite.
#pragma once

#include "core/Error.h"

#include <map>
#include <string>
#include <vector>

namespace practica::core {

class Session;

struct FhirImportReport
{
    struct PatientOutcome
    {
        std::string id;
        std::string mrn;
        std::string how; // created, matched_mrn, matched_name_birth_date
    };
    int entries = 0;
    std::map<std::string, int> imported; // by FHIR resource type: the resources that became (part of) a record
    std::map<std::string, int> skipped;  // by FHIR resource type: those Practica keeps nothing of
    // By FHIR resource type: those an earlier import of the same resource (its id or fullUrl, for the same
    // patient) already brought in, here or on another workstation; left as they are.
    std::map<std::string, int> alreadyPresent;
    std::vector<PatientOutcome> patients;
    // Encounters whose practitioner is not one of the clinic's providers by NPI: they went to the clinic's
    // first active provider (by name).
    int encountersWithDefaultProvider = 0;
};

class FhirImport
{
public:
    explicit FhirImport(Session& session) : m_session(session) {}

    Result<FhirImportReport> importBundle(const std::string& json);

private:
    Session& m_session;
};

} // namespace practica::core
