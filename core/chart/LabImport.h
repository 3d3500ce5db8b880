// Lab results arriving as a file of HL7 v2 ORU^R01 messages: each message is matched to one patient and
// its observations filed as that patient's lab results in one transaction, or set aside whole, with its
// reason, on this workstation until a clinician files it under a patient or discards it. A message
// already imported (by its control id) is skipped. Needs ClinicalWrite; every step is audited.
#pragma once

#include "core/Error.h"
#include "core/hl7/OruMessage.h"
#include "core/model/Chart.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

class Session;

// Why a message was set aside: the parser's problem (oruProblemName) or one of these.
inline constexpr std::string_view kHeldUnmatchedPatient =
    "unmatched_patient"; // nobody has that MRN, name and birth date
inline constexpr std::string_view kHeldAmbiguousPatient = "ambiguous_patient"; // several active patients fit
inline constexpr std::string_view kHeldPatientMismatch =
    "patient_mismatch"; // the MRN's patient has another name or birth date
inline constexpr std::string_view kHeldInvalidResult = "invalid_result"; // an observation breaks a lab result's rules

struct LabMessageOutcome
{
    enum class Kind
    {
        Imported,
        Duplicate, // its results (or the same held message) are already on this workstation
        Held
    };
    Kind kind = Kind::Held;
    std::string controlId; // MSH-10, when it could be read
    int line = 0;          // the message's first line in the file
    std::string patientId; // imported: the patient its results were filed under
    int results = 0;       // imported: how many
    std::string heldId;    // held (or a duplicate of a held message): the held record
    std::string reason;    // held: the reason code
    ErrorParams params;    // held: the reason's particulars (segment, line, field, value; mrn, name, ...)
};

struct LabImportReport
{
    std::vector<LabMessageOutcome> messages; // in file order
    int count(LabMessageOutcome::Kind kind) const;
};

// A message set aside, as kept on this workstation.
struct HeldLabMessage
{
    std::string id;
    std::string fileName;
    std::int64_t receivedAtMs = 0;
    std::string receivedBy; // user_account id
    std::optional<std::string> controlId;
    std::string reason;
    ErrorParams params;
    std::string message; // the message's segments, separated by \r
    std::string status;  // held, released, discarded
    std::optional<std::string> patientId;
};

class LabImport
{
public:
    explicit LabImport(Session& session) : m_session(session) {}

    // Every message of the file, each imported, skipped as a duplicate or held. Fails as a whole only when
    // the acting user may not write clinical records or the database fails.
    Result<LabImportReport> importFile(std::string_view text, const std::string& fileName = {});

    // The messages still held, oldest first.
    Result<std::vector<HeldLabMessage>> held();
    // Files a held message under the patient a clinician chose (its results in one transaction with the
    // release). A message that does not read as ORU^R01 cannot be filed (Validation, field message).
    Result<LabMessageOutcome> release(const std::string& heldId, const std::string& patientId);
    Status discardHeld(const std::string& heldId);

private:
    struct Match;
    Result<Match> matchPatient(const OruPatient& patient);
    Result<std::vector<LabResult>> resultsOf(const OruResult& message, const std::string& patientId);
    Result<LabMessageOutcome> hold(const std::string& text, const std::string& fileName, const std::string& controlId,
                                   std::string reason, ErrorParams params);
    Result<HeldLabMessage> loadHeld(const std::string& heldId);
    Status resolve(const std::string& heldId, const std::string& status, const std::optional<std::string>& patientId);

    Session& m_session;
};

} // namespace practica::core
