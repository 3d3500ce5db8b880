// Registration, edits, search, duplicate checks and merges of patients. Every call checks the
// acting role; every write and every read of a record is journalled and audited.
#pragma once

#include "core/Error.h"
#include "core/model/Patient.h"
#include "core/patients/PatientSearch.h"

#include <string>
#include <vector>

namespace practica::core {

class Session;
class Statement;

struct MergeOutcome
{
    std::string mergeId;
    int movedRecords = 0;
};

class PatientStore
{
public:
    explicit PatientStore(Session& session) : m_session(session) {}

    // Registers a new patient: validates, assigns id and MRN. Returns the stored record.
    Result<Patient> create(Patient patient);
    Status update(Patient patient);
    Result<Patient> get(const std::string& id);
    Result<Patient> getByMrn(const std::string& mrn);
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

    // Rebuilds the patient's search name and index after sync replaced some of its fields. Part of the
    // caller's transaction; no permission check and no audit event (the change itself is recorded).
    // fresh: the row was just inserted, so it has no tokens to remove.
    Status reindexAfterSync(const std::string& id, bool fresh = false);

private:
    Result<std::string> nextMrn();
    Status writeSearchIndex(const Patient& patient, bool replace);
    Result<Patient> fetch(const char* where, const std::string& value);
    Session& m_session;
};

} // namespace practica::core
