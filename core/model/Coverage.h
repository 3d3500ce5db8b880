// Insurance: the payers the clinic bills and the policies that cover a patient.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace practica::core {

struct Payer
{
    std::string id;
    std::string name;
    std::string payerCode; // the payer id the clearinghouse routes claims by
    std::optional<std::string> addressLine1;
    std::optional<std::string> city;
    std::optional<std::string> state;
    std::optional<std::string> zip;
    std::optional<std::string> phone;
    // What a claim to this payer says it is (837 SBR09): CI commercial, MB Medicare Part B, MC Medicaid, BL
    // Blue Cross Blue Shield, HM HMO, ... (claimFilingIndicators()).
    std::string filingIndicator = "CI";
    // How long after the date of service the payer takes a first claim; none: the clearinghouse settings'.
    std::optional<int> timelyFilingDays;
    bool active = true;
};

// The claim filing indicator codes of the 837P (SBR09).
const std::vector<std::string>& claimFilingIndicators();

struct Coverage
{
    std::string id;
    std::string patientId;
    std::string payerId;
    std::string rank = "primary"; // primary, secondary, tertiary
    std::string memberId;
    std::optional<std::string> groupNumber;
    std::optional<std::string> planName;
    std::string subscriberName;
    std::optional<std::string> subscriberBirthDate;
    std::string relationship = "self"; // the patient's relationship to the subscriber: self, spouse, child, other
    std::string effectiveDate;         // YYYY-MM-DD
    std::optional<std::string> endDate;
    bool active = true;
    std::string payerName; // read-only, filled when listing
};

} // namespace practica::core
