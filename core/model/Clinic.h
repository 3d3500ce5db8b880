// The clinic this database belongs to.
#pragma once

#include <optional>
#include <string>

namespace practica::core {

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
};

} // namespace practica::core
