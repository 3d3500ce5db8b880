// Records made from the record-type declarations alone: a valid new record of any type, the values that
// break each field rule, and an order in which a type's references exist before it. Tests that cover
// every record type read these, so a new type is covered the day it is declared.
#pragma once

#include "core/records/RecordType.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace practica::test {

using SampleFields = std::map<std::string, std::optional<std::string>>;

// A valid value of the field; references is record type -> id of a live record of that type.
std::string sampleValue(const core::FieldRule& rule, const std::map<std::string, std::string>& references, int serial);
// Every field of a valid new record (optional references left empty when none is given); serial keeps
// unique fields unique and bookings apart.
SampleFields sampleRecord(const core::RecordType& type, const std::map<std::string, std::string>& references,
                          int serial);
// One plain field an edit can change without touching a guard, a unique value or one's own role, and a
// value for it.
std::pair<std::string, std::string> sampleEdit(const core::RecordType& type, int serial);

struct BadValue
{
    std::optional<std::string> value; // nullopt: null
    std::string rule;                 // the rule code the server must answer with
};
// The values that break the field's rules, each with the rule it breaks.
std::vector<BadValue> badValues(const core::FieldRule& rule);

// The types with each one's required references before it.
std::vector<const core::RecordType*> creationOrder(const core::RecordTypes& types);

} // namespace practica::test
