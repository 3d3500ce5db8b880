// The lists a clinician keeps for each patient: vital signs, problems, allergies (and the explicit
// "no known allergies"), medications, immunizations and lab results. Records are corrected, resolved or
// marked entered in error, never deleted. Every operation needs ClinicalRead or ClinicalWrite.
#pragma once

#include "core/Error.h"
#include "core/model/Chart.h"

#include <optional>
#include <string>
#include <vector>

namespace practica::core {

class Session;

// What the allergy banner says: nothing asked yet, "no known allergies" recorded, or the allergies.
enum class AllergyState
{
    NotRecorded,
    NoKnownAllergies,
    Allergies
};

struct AllergyStatus
{
    AllergyState state = AllergyState::NotRecorded;
    std::vector<Allergy> active; // most severe first
    // "No known allergies" was recorded, and an allergy too (two workstations offline): the allergy wins.
    bool contradicted = false;
    std::optional<AllergyReview> review;
};

class ClinicalListStore
{
public:
    explicit ClinicalListStore(Session& session) : m_session(session) {}

    // Each save creates the record when its id is empty (and fills the id in) or names no record yet
    // (an import's id derived from its source), else changes the fields that differ. The record's rules are the ones
    // the server checks.
    Result<VitalSigns> saveVitals(VitalSigns vitals);
    Result<Problem> saveProblem(Problem problem);
    Result<Allergy> saveAllergy(Allergy allergy);
    Result<Medication> saveMedication(Medication medication);
    Result<Immunization> saveImmunization(Immunization immunization);
    Result<LabResult> saveLabResult(LabResult result);
    // Several lab results of one message, all or none.
    Result<std::vector<LabResult>> saveLabResults(std::vector<LabResult> results);

    // The patient was asked and has no known allergies; refused while an active allergy is listed.
    Status recordNoKnownAllergies(const std::string& patientId);
    Result<AllergyStatus> allergyStatus(const std::string& patientId);

    Result<std::vector<VitalSigns>> vitals(const std::string& patientId); // oldest first
    Result<std::vector<Problem>> problems(const std::string& patientId);
    Result<std::vector<Allergy>> allergies(const std::string& patientId);
    Result<std::vector<Medication>> medications(const std::string& patientId);
    Result<std::vector<Immunization>> immunizations(const std::string& patientId);
    Result<std::vector<LabResult>> labResults(const std::string& patientId); // newest first
    // Whether this workstation already holds results of an HL7 message (a file imported twice).
    Result<bool> hasLabMessage(const std::string& messageId);

    // The id of a patient's one allergy review record, the same on every workstation.
    static std::string allergyReviewId(const std::string& patientId);

private:
    Session& m_session;
};

} // namespace practica::core
