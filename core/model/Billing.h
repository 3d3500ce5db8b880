// Billing: fees, claims and their lines, each claim's state history and the 837P batches they leave in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace practica::core {

// A procedure's charge: the clinic's default (no payer) or a payer's own.
struct Fee
{
    std::string id;
    std::optional<std::string> payerId;
    std::string code;                    // CPT/HCPCS
    std::optional<std::string> modifier; // a fee for the code with this modifier only
    std::int64_t amountCents = 0;
    bool active = true;
};

// A professional claim (837P) for one patient's visit with one coverage. Its diagnoses travel with it
// (ICD-10-CM, dotted, comma-separated, the principal first, up to 12); its lines are claim_line records.
// Once submitted (submitted_at set, with its batch) it never changes: a correction is a replacement (7) or
// void (8) claim naming the payer's claim number.
struct Claim
{
    std::string id;
    std::string patientId;
    std::optional<std::string> encounterId;
    std::string coverageId;
    std::string renderingProviderId;  // the provider who saw the patient
    std::string patientControlNumber; // CLM01: how the clearinghouse and payer name it back
    std::string frequency = "1";      // 1 original, 7 replacement, 8 void
    std::optional<std::string> replacesClaimId;
    std::optional<std::string> payerClaimNumber; // the payer's number (REF*F8 of a replacement or void)
    std::string placeOfService = "11";
    std::string diagnoses; // "E11.9,I10"
    std::string serviceDate;
    std::int64_t totalCents = 0;        // the sum of its active lines
    std::string filingIndicator = "CI"; // SBR09
    std::string stage = "draft";        // draft, ready, queued: where it is before it leaves
    std::optional<std::string> batchId;
    std::optional<std::string> submittedAt; // UTC; locks the claim
    std::int64_t createdAtMs = 0;
    std::string createdBy; // user_account id
};

struct ClaimLine
{
    std::string id;
    std::string claimId;
    int lineNumber = 1;
    std::string code;
    std::string modifiers;   // "25,59", up to 4
    std::string units = "1"; // a decimal
    std::int64_t chargeCents = 0;
    std::string pointers = "1"; // "1,2": 1-based into the claim's diagnoses, up to 4
    std::string serviceDate;
    std::optional<std::string> placeOfService; // when it differs from the claim's
    std::string status = "active";             // active, removed
    std::optional<std::string> submittedAt;    // set with the claim's: locks the line
};

// One step of a claim's life, never changed: its state from then on, who or what moved it, and why.
struct ClaimEvent
{
    std::string id;
    std::string claimId;
    std::string state;  // see claimStates()
    std::string at;     // UTC time
    std::string source; // user, 999, 277ca
    std::optional<std::string> batchId;
    std::optional<std::string> userId;
    // What the answer said, as codes (never sentences): e.g. "IK5:R;IK3:NM1:52:8;IK4:9:7" or "STC:A7:21:PR".
    std::optional<std::string> detail;
    std::optional<std::string> field;            // the claim's field a 999 error names, where known
    std::optional<std::string> payerClaimNumber; // from a 277CA
};

// One interchange of claims: its control numbers (never reused by any workstation of the clinic) and the
// file's SHA-256; the file itself is kept on the workstation that made it.
struct ClaimBatch
{
    std::string id;
    std::int64_t interchangeControl = 0;
    std::int64_t groupControl = 0;
    std::string setControl = "0001";
    std::string createdAt; // UTC
    std::string createdBy;
    int claimCount = 0;
    std::int64_t totalCents = 0;
    std::string sha256;
    std::string state = "created"; // created, sent, accepted, partially_accepted, rejected
    // The clearinghouse's 999 answers the batch as a whole: when, and what it said (as codes). A claim the
    // 999 names in an error gets a step of its own besides.
    std::optional<std::string> answeredAt;
    std::optional<std::string> answer;
};

// Where the clinic's claims go: the clearinghouse's identifiers for the 837 envelope and how to reach it.
// One active row per clinic. The password stays on each workstation (workstation_setting), never synced.
struct Clearinghouse
{
    std::string id;
    std::string name;
    std::string senderQualifier = "ZZ"; // ISA05
    std::string submitterId;            // ISA06, GS02 and 1000A NM109: the clinic's id at the clearinghouse
    std::string receiverQualifier = "ZZ";
    std::string receiverId;  // ISA08, GS03 and 1000B NM109
    bool production = false; // ISA15 P, else T (test)
    std::string contactName;
    std::string contactPhone;
    std::string transport = "caqh";      // caqh (CAQH CORE HTTP MIME multipart), sftp, file (export only)
    std::optional<std::string> endpoint; // https://... or sftp://...
    std::optional<std::string> username;
    // SFTP: where 837s are put and where the 999s and 277CAs wait, and the server's host key fingerprint
    // (SHA256:..., as ssh-keygen -l prints it); a server that shows another key is never sent a claim.
    std::optional<std::string> uploadDir;
    std::optional<std::string> downloadDir;
    std::optional<std::string> hostKey;
    int timelyFilingDays = 365;
    bool active = true;
};

} // namespace practica::core
