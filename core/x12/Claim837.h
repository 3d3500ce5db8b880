// The 837P (005010X222A1) batch writer. It takes plain values (core/billing builds them from its records)
// and writes one interchange: ISA/GS/ST/BHT, submitter and receiver (1000A/B), and per claim the billing
// provider (2000A/2010AA, one per run of claims from the same provider), the subscriber and payer
// (2000B/2010BA/2010BB), the patient when not the subscriber (2000C/2010CA), the claim (2300 CLM/REF/HI),
// the rendering provider when not the billing one (2310B) and its lines (2400 LX/SV1/DTP). Counts and
// trailers are computed; control numbers are given (the caller persists them and never reuses one).
// Text is folded to the X12 character set (accented Latin letters to their base letters); a value that
// still holds a delimiter or a character X12 cannot carry is refused, naming the claim and field, and no
// text is written at all.
#pragma once

#include "core/x12/X12Reader.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace practica::core {

struct X12Address
{
    std::string line1, line2, city, state, zip; // zip: 5 or 9 digits
};

// A person (NM102 1) or an organization (NM102 2: lastOrOrganization only).
struct X12Name
{
    std::string lastOrOrganization;
    std::string first;
    std::string middle;
    bool person = true;
};

struct Claim837Provider
{
    X12Name name;
    std::string npi;
    std::string taxId;    // nine digits (EIN or SSN), REF*EI on the billing provider
    std::string taxonomy; // PRV, optional
    X12Address address;
};

struct Claim837Person
{
    X12Name name;
    std::string birthDate; // ISO 8601 date
    std::string sex;       // F, M or U
    X12Address address;
};

struct Claim837Line
{
    std::string code;                   // CPT/HCPCS
    std::vector<std::string> modifiers; // up to 4
    std::int64_t chargeCents = 0;
    std::string units = "1";    // a decimal, e.g. "1" or "1.5"
    std::vector<int> pointers;  // 1-based into the claim's diagnoses, up to 4
    std::string serviceDate;    // ISO 8601 date
    std::string placeOfService; // only when it differs from the claim's
};

struct Claim837
{
    std::string patientControlNumber; // CLM01, up to 20 characters: how 999/277CA/835 name the claim
    std::string placeOfService = "11";
    std::string frequency = "1";           // 1 original, 7 replacement, 8 void
    std::string payerClaimNumber;          // REF*F8, required for 7 and 8
    std::string payerResponsibility = "P"; // SBR01: P, S, T
    std::string filingIndicator = "CI";    // SBR09: CI commercial, MB Medicare B, MC Medicaid, BL, HM, ...
    std::string groupNumber;               // SBR03
    std::string memberId;                  // NM109 of 2010BA
    Claim837Person subscriber;
    bool patientIsSubscriber = true;
    Claim837Person patient;          // when not the subscriber
    std::string relationship = "19"; // PAT01 when not the subscriber: 01 spouse, 19 child, G8 other, ...
    std::string payerName;
    std::string payerId;
    Claim837Provider billing;
    std::optional<Claim837Provider> rendering; // 2310B when it differs from the billing provider
    std::vector<std::string> diagnoses;        // ICD-10-CM, with or without the dot; the first is principal
    std::vector<Claim837Line> lines;
};

struct Batch837
{
    X12Delimiters delimiters;
    std::string senderQualifier = "ZZ", senderId;     // ISA05/06 and GS02
    std::string receiverQualifier = "ZZ", receiverId; // ISA07/08 and GS03
    bool production = false;                          // ISA15 P or T
    std::int64_t interchangeControl = 0;              // ISA13, 1 to 999,999,999
    std::int64_t groupControl = 0;                    // GS06
    std::string setControl = "0001";                  // ST02, 4 to 9 characters
    std::string batchId;                              // BHT03
    std::string date;                                 // CCYYMMDD (BHT04, GS04; ISA09 takes YYMMDD)
    std::string time;                                 // HHMM
    X12Name submitter;                                // 1000A
    std::string submitterId;
    std::string contactName, contactPhone; // PER
    std::string receiverName;              // 1000B
    std::vector<Claim837> claims;
};

// Which claim and field a segment of the transaction set came from, by its position (ST is 1), so that a
// 999's IK3/IK4 (segment position, element) can be turned back into the claim and field to fix.
struct SegmentOrigin
{
    int claim = -1;                    // index into Batch837::claims; -1 for the envelope and headers
    std::string loop;                  // e.g. "2010BA"
    std::map<int, std::string> fields; // element number -> field, e.g. 9 -> "member_id"
};

struct Written837
{
    std::string text;
    std::map<int, SegmentOrigin> origins; // by position in the transaction set
    int segmentCount = 0;                 // SE01
};

enum class Claim837Problem
{
    NoClaims, // a batch needs at least one claim
    TooMany,  // more than 12 diagnoses, 50 lines, 4 modifiers or 4 pointers; field says which
    Missing,  // a required value is empty: field says which
    BadValue, // a value not of its X12 type (control numbers, amounts, dates, pointers): field, value
    Character // a value holds a delimiter or a character X12 cannot carry: field, value
};
std::string_view claim837ProblemName(Claim837Problem problem);

struct Claim837Issue
{
    Claim837Problem problem = Claim837Problem::Missing;
    int claim = -1;    // index into the batch's claims; -1 for the batch's own values
    std::string field; // e.g. "subscriber.name.last", "lines[2].code", "submitter_id"
    std::string value;
};

std::expected<Written837, Claim837Issue> write837(const Batch837& batch);

// The X12 form of an amount in cents: no currency sign, no trailing zeros beyond the cents (150, 150.5, 150.55).
std::string x12Amount(std::int64_t cents);
// Cents from a decimal amount of dollars as people and X12 write it ("125", "125.5", "125.50", "$1,250.00"
// without the sign and commas is the caller's); nullopt when it is not one (at most 2 decimals, 9 digits).
std::optional<std::int64_t> parseCents(std::string_view amount);
// Text folded to the X12 extended character set (accented Latin letters to base letters, other controls
// refused); nullopt when a character cannot be carried or a delimiter remains.
std::optional<std::string> x12Text(std::string_view utf8, const X12Delimiters& delimiters);

} // namespace practica::core
