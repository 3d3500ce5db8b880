// The --json shapes of patients, coverage and users: snake_case keys, absent values as null.
#pragma once

#include "core/model/Coverage.h"
#include "core/model/Patient.h"
#include "core/model/User.h"
#include "core/patients/PatientStore.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <vector>

namespace practica::app {

Poco::JSON::Object::Ptr newJsonObject();
// A JSON array of each item's object.
template <class T, class ToJson> Poco::JSON::Array::Ptr jsonArray(const std::vector<T>& items, ToJson toJson)
{
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const T& item : items)
        array->add(toJson(item));
    return array;
}
Poco::JSON::Object::Ptr patientJson(const core::Patient& patient);
Poco::JSON::Object::Ptr patientSummaryJson(const core::PatientSummary& patient);
Poco::JSON::Object::Ptr coverageJson(const core::Coverage& coverage);
Poco::JSON::Object::Ptr userJson(const core::User& user);

} // namespace practica::app
