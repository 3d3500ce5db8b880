// The answers to an 837 batch, read on the one X12 reader: the 999 implementation acknowledgment
// (005010X231A1: was each transaction set accepted, and which segment and element was wrong) and the 277CA
// claim acknowledgment (005010X214: each claim's status category, accepted into adjudication or rejected).
// What they mean for a claim (its state, the field to fix) is core/billing's to decide.
#pragma once

#include "core/x12/X12Reader.h"

#include <string>
#include <vector>

namespace practica::core {

// One IK3 (a segment in error) with one of its IK4s (an element in error); element 0 when the IK3 has none.
struct Ack999Error
{
    std::string segmentId; // IK301
    int position = 0;      // IK302: the segment's position in the transaction set (ST is 1)
    std::string loop;      // IK303, e.g. 2010BA
    std::string
        segmentCode; // IK304: 1 unrecognized segment, 2 unexpected, 3 required missing, 8 has data element errors, ...
    int element = 0; // IK401-1
    int component = 0; // IK401-2
    std::string
        elementCode;     // IK403: 1 required missing, 6 invalid character, 7 invalid code value, 8 invalid date, ...
    std::string badData; // IK404
};

struct Ack999Set
{
    std::string setId;              // AK201, e.g. 837
    std::string control;            // AK202: the 837's ST02
    std::string status;             // IK501: A accepted, E accepted with errors, R rejected, M, W, X
    std::vector<std::string> codes; // IK502..IK506
    std::vector<Ack999Error> errors;

    bool rejected() const { return status == "R" || status == "M" || status == "W" || status == "X"; }
};

struct Ack999
{
    std::string interchangeControl; // of the 999 itself
    std::string groupId;            // AK101: HC for an 837
    std::string groupControl;       // AK102: the 837's GS06
    std::string version;            // AK103
    std::vector<Ack999Set> sets;
    std::string groupStatus;                                  // AK901: A, E, P partially accepted, R
    int setsIncluded = 0, setsReceived = 0, setsAccepted = 0; // AK902..904
};

X12Result<Ack999> read999(std::string_view text);
// The same, of an interchange already read (and its envelope checked).
X12Result<Ack999> read999(const X12Interchange& interchange);

struct Ack277Status
{
    std::string category; // STC01-1: A0..A8, E0.., P0.., F0..
    std::string code;     // STC01-2: the claim status code
    std::string entity;   // STC01-3, optional
};

enum class Ack277Outcome
{
    Accepted, // A0, A1, A2, A5: acknowledged, received or accepted into adjudication, split
    Rejected, // A3, A4, A6, A7, A8: returned as unprocessable, not found, missing or invalid information
    Pending   // any other category (pending, finalized, error in the request)
};

struct Ack277Line
{
    std::string code;   // SVC01-2
    std::string charge; // SVC02
    std::vector<Ack277Status> statuses;
};

struct Ack277Claim
{
    std::string patientControlNumber; // TRN02 of the claim level
    std::vector<Ack277Status> statuses;
    std::string statusDate;             // STC02 CCYYMMDD
    std::string chargeAmount;           // STC04
    std::string payerClaimNumber;       // REF*1K
    std::string clearinghouseTrace;     // REF*D9
    std::string serviceFrom, serviceTo; // DTP*472 (D8 or RD8)
    std::vector<Ack277Line> lines;
    int line = 0; // the claim's TRN's line in the file

    // Rejected when any status rejects it; accepted when one accepts it and none rejects.
    Ack277Outcome outcome() const;
};

struct Ack277
{
    std::string interchangeControl;
    std::string sourceName; // the information source (payer or clearinghouse), NM103 at HL level 20
    std::vector<Ack277Claim> claims;
};

X12Result<Ack277> read277(std::string_view text);
X12Result<Ack277> read277(const X12Interchange& interchange);
Ack277Outcome ack277CategoryOutcome(std::string_view category);

} // namespace practica::core
