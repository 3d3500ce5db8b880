// The clinical chart: visits, their notes, and the lists a clinician keeps for each patient.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace practica::core {

// A visit: from an arrived appointment or a walk-in.
struct Encounter
{
    std::string id;
    std::string patientId;
    std::string providerId;
    std::optional<std::string> appointmentId;
    std::string date;                          // YYYY-MM-DD, the clinic's local date of the visit
    std::int64_t startedAtMs = 0;              // UTC
    std::string visitType = "office";          // a key of the note templates (core/chart/NoteTemplates.h)
    std::optional<std::string> chiefComplaint; // clinical text: read-guarded
    std::string status = "open";               // open, closed, entered_in_error
    std::optional<std::string> noteSignedAt;   // UTC: when its note was first signed (ready to bill)
};

// A SOAP note, or an addendum to a signed note (its text in body). Signing locks it: signer, time and
// the SHA-256 of its content are stored, and nothing changes it afterwards, anywhere.
struct ClinicalNote
{
    std::string id;
    std::string encounterId;
    std::string patientId;
    std::string authorId;      // user_account id
    std::string kind = "note"; // note, addendum
    std::optional<std::string> addendumTo;
    std::optional<std::string> templateKey;
    std::optional<std::string> subjective;
    std::optional<std::string> objective;
    std::optional<std::string> assessment;
    std::optional<std::string> plan;
    std::optional<std::string> body; // an addendum's text
    std::int64_t createdAtMs = 0;
    std::optional<std::string> signedAt; // UTC YYYY-MM-DDTHH:MM:SSZ
    std::optional<std::string> signedBy; // user_account id
    std::optional<std::string> contentSha256;

    bool isSigned() const { return signedAt.has_value(); }
};

// One set of vital signs, each value in its one canonical unit (what is entered in US units is converted).
struct VitalSigns
{
    std::string id;
    std::string patientId;
    std::optional<std::string> encounterId;
    std::int64_t takenAtMs = 0;
    std::optional<int> heightMm;
    std::optional<int> weightG;
    std::optional<int> systolic; // mmHg
    std::optional<int> diastolic;
    std::optional<int> pulse;            // beats per minute
    std::optional<int> temperatureDeciC; // tenths of a degree Celsius
    std::optional<int> respiratoryRate;  // breaths per minute
    std::optional<int> spo2;             // percent
    std::optional<int> pain;             // 0..10
    std::string status = "final";        // final, entered_in_error
};

struct Problem
{
    std::string id;
    std::string patientId;
    std::string codeSystem = "icd10cm"; // icd10cm, snomed (kept as given by an import)
    std::string code;
    std::string display;
    std::optional<std::string> onsetDate;
    std::optional<std::string> resolvedDate;
    std::string status = "active"; // active, inactive, resolved, entered_in_error
    std::optional<std::string> note;
};

struct Allergy
{
    std::string id;
    std::string patientId;
    std::string category = "drug"; // drug, drug_class, food, environmental, other
    std::string substance;
    std::optional<std::string> codeSystem; // rxnorm, snomed, unii, ...
    std::optional<std::string> code;
    std::optional<std::string> reaction;
    std::string severity = "unknown"; // mild, moderate, severe, unknown
    std::string status = "active";    // active, inactive, resolved, entered_in_error
    std::optional<std::string> onsetDate;
    std::optional<std::string> note;
};

// Whether the patient was asked about allergies: no row means "not yet asked"; "no known allergies" is
// recorded on purpose, and an active allergy outranks it wherever both exist.
struct AllergyReview
{
    std::string id; // one per patient, named from the patient's id so two offline desks write one record
    std::string patientId;
    std::string state = "no_known_allergies"; // no_known_allergies, reviewed
    std::string reviewedAt;                   // UTC YYYY-MM-DDTHH:MM:SSZ
    std::string reviewedBy;                   // user_account id
};

struct Medication
{
    std::string id;
    std::string patientId;
    std::string name;
    std::optional<std::string> codeSystem;
    std::optional<std::string> code;
    std::optional<std::string> dose;
    std::optional<std::string> route;
    std::optional<std::string> frequency;
    std::optional<std::string> startDate;
    std::optional<std::string> endDate;
    std::string status = "active";   // active, discontinued, completed, entered_in_error
    std::string source = "reported"; // prescribed (here), reported (by the patient or another prescriber)
    std::optional<std::string> prescriberId;
    std::optional<std::string> note;
};

struct Immunization
{
    std::string id;
    std::string patientId;
    std::string cvxCode;
    std::string vaccine;
    std::string administeredOn; // YYYY-MM-DD
    std::optional<std::string> lotNumber;
    std::optional<std::string> site;  // left_deltoid, right_deltoid, left_thigh, right_thigh, ...
    std::optional<std::string> route; // im, sc, id, po, in
    std::optional<std::string> manufacturer;
    std::string status = "completed"; // completed, not_done, entered_in_error
    std::optional<std::string> note;
};

struct LabResult
{
    std::string id;
    std::string patientId;
    std::optional<std::string> encounterId;
    std::optional<std::string> loincCode;
    std::string name;
    std::string value;
    std::optional<std::string> unit;
    std::optional<std::string> referenceRange;
    std::optional<std::string> abnormalFlag; // L, H, LL, HH, A, AA, N
    std::string resultStatus = "final";      // final, preliminary, corrected, cancelled, entered_in_error
    std::int64_t collectedAtMs = 0;
    std::optional<std::string> accession; // the lab's order number
    std::optional<std::string> source;    // the sending lab
    std::optional<std::string> messageId; // the HL7 message control id it came in
    std::optional<std::string> note;
};

// A clinic's own note template for a visit type (replacing the built-in one).
struct NoteTemplate
{
    std::string id;
    std::string visitType;
    std::string name;
    std::string subjective;
    std::string objective;
    std::string assessment;
    std::string plan;
    bool active = true;
};

} // namespace practica::core
