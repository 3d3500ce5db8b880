// Registration, edits, search, duplicate checks and merges of patients. Every call checks the
// acting role; every write and every read of a record is journalled and audited.
#pragma once

#include "core/Error.h"
#include "core/model/Patient.h"

#include <string>
#include <vector>

namespace practica::core {

class Session;
class Statement;

struct PatientSummary
{
    std::string id;
    std::string mrn;
    std::string familyName;
    std::string givenName;
    std::optional<std::string> preferredName;
    std::string dateOfBirth;
    std::string sex;
    std::optional<std::string> phone;
    PatientStatus status = PatientStatus::Active;

    std::string displayName() const;
};

struct DuplicateCandidate
{
    PatientSummary patient;
    std::string reason; // "same name and date of birth" or "same phone"
};

struct MergeOutcome
{
    std::string mergeId;
    int movedRecords = 0;
};

class PatientStore
{
public:
    explicit PatientStore(Session& session) : m_session(session) {}

    // Patients that look like the same person, to warn before registering.
    Result<std::vector<DuplicateCandidate>> findDuplicates(const Patient& candidate);
    // Registers a new patient: validates, assigns id and MRN. Returns the stored record.
    Result<Patient> create(Patient patient);
    Status update(Patient patient);
    Result<Patient> get(const std::string& id);
    Result<Patient> getByMrn(const std::string& mrn);
    // Names ("smi jo"), a date of birth, an MRN or a phone number; active and inactive patients, not merged ones.
    Result<std::vector<PatientSummary>> search(const std::string& query, int limit = 50);
    // Moves every record of mergedId to survivorId and retires mergedId with a trail.
    Result<MergeOutcome> merge(const std::string& survivorId, const std::string& mergedId);
    Result<std::int64_t> count();

    // The tables whose rows belong to a patient, by the column holding the patient id; later areas add theirs.
    struct Reference
    {
        const char* table;
        const char* column;
    };
    static const std::vector<Reference>& references();

private:
    Result<std::string> nextMrn();
    Status writeSearchIndex(const Patient& patient, bool replace);
    Result<Patient> fetch(const char* where, const std::string& value);
    Result<std::vector<PatientSummary>> runSummaryQuery(Statement& stmt, int limit);
    Session& m_session;
};

} // namespace practica::core
