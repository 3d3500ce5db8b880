// The clinic this database belongs to.
#pragma once

#include <optional>
#include <string>

namespace practica::core {

// Whose sign-ins need a second factor (a code from an authenticator app) after the password. A user who
// set one up gives it whatever this says.
enum class SecondFactorPolicy
{
    Nobody,
    Admins,
    Everyone
};

struct Clinic
{
    std::string id;
    std::string name;
    std::string npi;   // organisation (type 2) NPI
    std::string taxId; // EIN
    std::string addressLine1;
    std::optional<std::string> addressLine2;
    std::string city;
    std::string state;
    std::string zip;
    std::optional<std::string> phone;
    std::string timeZone = "America/New_York"; // IANA name; appointment times are wall-clock times here
    std::string mrnPrefix;
    SecondFactorPolicy secondFactor = SecondFactorPolicy::Nobody;
};

} // namespace practica::core
