// The answers a clearinghouse and a payer send for an 837P batch, written as they would write them: a 999
// (005010X231A1) accepting or rejecting the batch's transaction set with IK3/IK4 errors, and a 277CA
// (005010X214) with a claim-level status per claim. practica-sandbox answers with these, and the demo
// clinic's claims carry answers made by them; the readers in Acknowledgments.h read them back.
#pragma once

#include "core/x12/X12Reader.h"

#include <cstdint>
#include <string>
#include <vector>

namespace practica::core {

struct AckEnvelope
{
    std::string senderId = "CLEARHOUSE";
    std::string receiverId; // the submitter the 837 came from
    std::int64_t interchangeControl = 1;
    std::int64_t groupControl = 1;
    std::string date; // CCYYMMDD
    std::string time; // HHMM
    bool production = false;
};

struct Ack999ErrorOut
{
    std::string segmentId;
    int position = 0; // in the 837's transaction set
    std::string loop; // IK303, at most four characters (e.g. "2010")
    std::string segmentCode = "8";
    int element = 0; // 0: no IK4
    std::string elementCode = "7";
    std::string badData;
};

// The 999 for the first transaction set of an 837 interchange: accepted when errors is empty, rejected
// (IK5 R, AK9 R) otherwise.
std::string write999(const X12Interchange& received837, const AckEnvelope& envelope,
                     const std::vector<Ack999ErrorOut>& errors);

struct Claim277Out
{
    std::string patientControlNumber;
    std::string category = "A2"; // A1/A2 accepted, A3/A6/A7/A8 rejected
    std::string status = "20";   // claim status code
    std::string entity = "PR";
    std::string action = "WQ"; // WQ accepted, U rejected
    std::string chargeAmount;  // as the 837 billed it
    std::string payerClaimNumber;
    std::string serviceDate; // CCYYMMDD
    std::string lastName, firstName, memberId;
};

struct Payer277Out
{
    std::string name;
    std::string payerId;
};

// A 277CA from the payer for the claims of one submitter and billing provider.
std::string write277ca(const AckEnvelope& envelope, const Payer277Out& payer, const std::string& submitterName,
                       const std::string& billingName, const std::string& billingNpi,
                       const std::vector<Claim277Out>& claims);

} // namespace practica::core
