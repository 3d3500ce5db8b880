// The --json shapes of the chart's records (snake_case keys, absent values as null, times as ISO-8601 UTC)
// and what the chart commands share: the clinic's clock for local times.
#pragma once

#include "CliContext.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/LabImport.h"
#include "core/chart/Vitals.h"
#include "core/model/Chart.h"
#include "core/schedule/ClinicTime.h"

#include <Poco/JSON/Object.h>

namespace practica::app {

// The clinic's time zone, for showing times as the clinic's wall-clock time.
CliResult<core::ClinicTime> clinicTime(core::Session& session);

Poco::JSON::Object::Ptr encounterJson(const core::Encounter& e);
Poco::JSON::Object::Ptr noteJson(const core::ClinicalNote& n);
Poco::JSON::Object::Ptr vitalsJson(const core::VitalSigns& v, core::UnitSystem units);
Poco::JSON::Object::Ptr problemJson(const core::Problem& p);
Poco::JSON::Object::Ptr allergyJson(const core::Allergy& a);
Poco::JSON::Object::Ptr labJson(const core::LabResult& l);
Poco::JSON::Object::Ptr labOutcomeJson(const core::LabMessageOutcome& m);
Poco::JSON::Object::Ptr heldLabJson(const core::HeldLabMessage& h);

std::string allergyStateName(core::AllergyState state);
std::string vitalFlagName(core::VitalFlag flag);

} // namespace practica::app
