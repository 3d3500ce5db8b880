// The registration rules: the first broken one comes back as a Validation error naming the field.
#pragma once

#include "core/Error.h"
#include "core/model/Coverage.h"
#include "core/model/Patient.h"

#include <vector>

namespace practica::core {

class PatientValidator
{
public:
    // Normalises what can be normalised (trims text, phones to 10 digits, states upper-case, dates to ISO)
    // and checks the rest. todayIso is the clinic's date, for "not in the future".
    static Status normalizeAndValidate(Patient& patient, const std::string& todayIso);
    // Every broken rule, for forms that show all messages at once.
    static std::vector<Error> allProblems(Patient patient, const std::string& todayIso);
    static Status normalizeAndValidate(Coverage& coverage);
    static Status normalizeAndValidate(Payer& payer);
};

} // namespace practica::core
