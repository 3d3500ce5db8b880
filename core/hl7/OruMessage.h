// Lab results arriving as HL7 v2 ORU^R01 (v2.3 to v2.5.1): a file of one or more messages, batched or not, read into
// plain results for the importer. Each message stands alone: one that breaks a rule yields a problem (codes and
// fields, never sentences) and no result at all, and the file's other messages still read.
#pragma once

#include "core/hl7/Hl7Message.h"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

// An HL7 DTM/TS: YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ].
struct Hl7Timestamp
{
    enum class Precision
    {
        Year,
        Month,
        Day,
        Hour,
        Minute,
        Second,
        FractionOfSecond
    };
    // With an offset, the instant in UTC. Without one, the wall-clock time read as if it were UTC: the importer
    // applies the clinic's time zone (hasOffset tells which).
    std::int64_t epochMs = 0;
    Precision precision = Precision::Year;
    bool hasOffset = false;
    int offsetMinutes = 0; // east of UTC
    std::string text;      // as written

    // The date part as ISO-8601, as precise as given: "1984-03-07", "1984-03" or "1984".
    std::string isoDate() const;
};

// nullopt when the text is not a valid DTM (also for impossible dates such as 20230229).
std::optional<Hl7Timestamp> parseHl7Timestamp(std::string_view text);

struct Hl7Coded
{
    std::string code;
    std::string text;
    std::string system; // coding system, e.g. LN (LOINC), L (local), SCT, I10
};

struct OruPatientId
{
    std::string id;
    std::string assigningAuthority; // PID-3.4 namespace id
    std::string typeCode;           // PID-3.5, e.g. MR, PI, SS
};

struct OruPatient
{
    std::vector<OruPatientId> identifiers; // PID-3, every repetition
    std::string familyName;                // PID-5.1
    std::string givenName;                 // PID-5.2
    std::string birthDate;                 // PID-7 as ISO-8601 (as precise as sent)
    std::string sex;                       // PID-8 as sent: F, M, U, O, A, N
};

struct OruObservation
{
    int setId = 0;         // OBX-1 (0 when absent)
    std::string valueType; // OBX-2: NM, SN, ST, TX, FT, CE, CWE, ...
    Hl7Coded identifier;   // OBX-3
    // OBX-5 read by its type: NM the decimal as text ("-0.5", "142"); SN the number, or "n1<sep>n2" for a range or
    // ratio, with the comparator apart; CE/CWE/CNE the code (and `coded` in full); text types the text, repetitions
    // joined by line breaks; other types the decoded field.
    std::string value;
    std::string comparator;                 // SN: <, >, <=, >=, = or <> when sent
    Hl7Coded coded;                         // CE/CWE/CNE
    std::string units;                      // OBX-6 identifier (text when the identifier is empty)
    std::string referenceRange;             // OBX-7
    std::vector<std::string> abnormalFlags; // OBX-8, every repetition: H, L, HH, LL, A, N, ...
    std::string resultStatus;               // OBX-11: F, C, P, ...
    std::optional<Hl7Timestamp> observedAt; // OBX-14, else the order's OBR-7
    std::vector<std::string> notes;         // NTE-3 of the NTEs that follow it
    int line = 0;
};

struct OruOrder
{
    std::string placerOrderNumber;          // OBR-2.1
    std::string fillerOrderNumber;          // OBR-3.1
    Hl7Coded service;                       // OBR-4
    std::optional<Hl7Timestamp> observedAt; // OBR-7
    std::string resultStatus;               // OBR-25
    std::vector<OruObservation> observations;
    std::vector<std::string> notes; // NTEs between the OBR and its first OBX
    int line = 0;
};

struct OruResult
{
    std::string controlId;              // MSH-10
    std::string sendingApplication;     // MSH-3.1
    std::string sendingFacility;        // MSH-4.1
    std::optional<Hl7Timestamp> sentAt; // MSH-7
    std::string version;                // MSH-12.1: 2.3, 2.3.1, 2.4, 2.5 or 2.5.1
    OruPatient patient;
    std::vector<std::string> notes; // NTEs after the PID, before any OBR
    std::vector<OruOrder> orders;
    int firstLine = 0; // the MSH's line in the file
};

enum class OruProblem
{
    EmptyFile,          // no segment at all
    NotHl7,             // text that is not HL7 v2 segments
    BadHeader,          // an MSH whose separators or required fields (MSH-9, 10, 12) are unusable; field says which
    MissingSegment,     // segment says which: MSH (lines before any header), PID or OBR
    WrongMessageType,   // MSH-9 is not ORU^R01; value holds it
    UnsupportedVersion, // MSH-12 outside 2.3 to 2.5.1; value holds it
    BadSegment,         // a line that is not a segment (no three-character name followed by the separator)
    OutOfOrder,         // an OBX before any OBR
    SeveralPatients,    // a second PID: one result is one patient's
    BadField,           // a required field empty (value empty) or a value that does not fit its type (value holds it)
    BadTimestamp,       // a DTM that does not parse; field and value say which
    Truncated,          // the file ends inside a segment: its last segment lacks required fields
    NoObservations      // a message without any OBX
};
std::string_view oruProblemName(OruProblem problem);

struct OruIssue
{
    OruProblem problem = OruProblem::NotHl7;
    std::string segment;   // e.g. "OBX"; empty when none applies
    int segmentIndex = 0;  // 1-based within its message (MSH is 1); 0 when none applies
    int line = 0;          // 1-based line in the file
    int field = 0;         // HL7 field number; 0 when none applies
    std::string value;     // the offending value, decoded
    std::string controlId; // MSH-10 of the message, when it could be read
};

using OruOutcome = std::expected<OruResult, OruIssue>;

// Every message of the file in order, each a result or its problem. FHS/BHS/BTS/FTS batch segments are accepted and
// skipped. Lines end in \r, \n or \r\n.
std::vector<OruOutcome> parseOruFile(std::string_view text);

} // namespace practica::core
