// The --json shapes of patients, coverage and users: snake_case keys, absent values as null.
#pragma once

#include "core/model/Coverage.h"
#include "core/model/Patient.h"
#include "core/model/User.h"
#include "core/patients/PatientStore.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace practica::app {

Poco::JSON::Object::Ptr newJsonObject();
Poco::JSON::Object::Ptr patientJson(const core::Patient& patient);
Poco::JSON::Object::Ptr patientSummaryJson(const core::PatientSummary& patient);
Poco::JSON::Object::Ptr coverageJson(const core::Coverage& coverage);
Poco::JSON::Object::Ptr userJson(const core::User& user);

} // namespace practica::app
