// Finding patients: search as the front desk types, and the look-alikes to warn about before registering.
// Reads only; every search is audited.
#pragma once

#include "core/Error.h"
#include "core/model/Patient.h"

#include <optional>
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
    std::string reason; // a code: "name_and_birth_date" or "phone"
};

class PatientSearch
{
public:
    explicit PatientSearch(Session& session) : m_session(session) {}

    // Names ("smi jo"), a date of birth, an MRN or a phone number; active and inactive patients, not merged ones.
    Result<std::vector<PatientSummary>> search(const std::string& query, int limit = 50);
    // Patients that look like the same person, to warn before registering.
    Result<std::vector<DuplicateCandidate>> findDuplicates(const Patient& candidate);

private:
    Result<std::vector<PatientSummary>> runSummaryQuery(Statement& stmt, int limit);
    Session& m_session;
};

} // namespace practica::core
