// Registration, edits, search, duplicate checks and merges of patients. Every call checks the
// acting role; every write and every read of a record is journalled and audited.
#pragma once

#include "core/Error.h"
#include "core/model/Patient.h"
#include "core/patients/PatientSearch.h"

#include <optional>
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
    // Registers a patient brought from another record (an import). Keeps patient.mrn when it is one this
    // workstation could have handed out itself (the clinic's prefix, this workstation's number, a right
    // check digit) and no patient holds it, and moves the workstation's numbering past it so it is never
    // handed out again; otherwise assigns a new MRN as create() does.
    Result<Patient> createKeepingMrn(Patient patient);
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
    Result<Patient> createWith(Patient patient, bool keepMrn);
    Result<std::string> nextMrn();
    // The given MRN when it fits this workstation's numbering and is free (and the numbering moved past
    // it), else nullopt.
    Result<std::optional<std::string>> claimMrn(const std::string& mrn);
    Status writeSearchIndex(const Patient& patient, bool replace);
    Result<Patient> fetch(const char* where, const std::string& value);
    Session& m_session;
};

} // namespace practica::core
