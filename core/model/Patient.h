// A registered patient's demographics, as the front desk records them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace practica::core {

enum class PatientStatus
{
    Active,
    Inactive,
    Deceased,
    Merged
};

struct Patient
{
    std::string id;
    std::string mrn;
    std::string familyName;
    std::string givenName;
    std::optional<std::string> middleName;
    std::optional<std::string> suffix;
    std::optional<std::string> preferredName;
    std::string dateOfBirth;     // YYYY-MM-DD
    std::string sex = "unknown"; // administrative sex: female, male, other, unknown
    std::optional<std::string> genderIdentity;
    std::optional<std::string> pronouns;
    std::optional<std::string> addressLine1;
    std::optional<std::string> addressLine2;
    std::optional<std::string> city;
    std::optional<std::string> state;
    std::optional<std::string> zip;
    std::optional<std::string> phoneHome; // phones are stored as 10 digits
    std::optional<std::string> phoneMobile;
    std::optional<std::string> phoneWork;
    std::optional<std::string> email;
    std::optional<std::string> preferredLanguage;
    std::optional<std::string> emergencyName;
    std::optional<std::string> emergencyRelationship;
    std::optional<std::string> emergencyPhone;
    std::optional<std::string> guarantorName; // empty: the patient is their own guarantor
    std::optional<std::string> guarantorRelationship;
    std::optional<std::string> guarantorPhone;
    PatientStatus status = PatientStatus::Active;
    std::optional<std::string> deceasedDate;
    std::optional<std::string> mergedInto;
    std::string updatedHlc;

    std::string displayName() const; // "Smith, John (Johnny)"
};

// The trail a merge leaves: the patient kept, the patient retired into it and the rows moved.
struct PatientMerge
{
    std::string id;
    std::string survivorId;
    std::string mergedId;
    std::int64_t mergedAtMs = 0;
    std::string mergedBy; // the user who merged
    std::string moved;    // JSON: each table's moved row ids, {"coverage": ["..."], ...}
};

std::string patientStatusName(PatientStatus status);
std::optional<PatientStatus> patientStatusFromName(const std::string& name);

} // namespace practica::core
