// What the scheduling commands share: finding providers, types and rooms by name or id, patients by MRN,
// reading dates and wall-clock times in the clinic's zone, and the --json shapes of appointments.
#pragma once

#include "CliContext.h"
#include "core/model/Patient.h"
#include "core/model/Schedule.h"
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ClinicTime.h"
#include "core/schedule/SlotFinder.h"
#include "core/schedule/WaitlistStore.h"

#include <Poco/JSON/Object.h>
#include <optional>
#include <string>
#include <vector>

namespace practica::app {

// Looks up by id, then by name (case-insensitive, with or without credentials), then by a unique part
// of the name. None is NotFound (exit 5); several is a usage error listing them.
CliResult<core::Provider> findProvider(core::Session& session, const std::string& nameOrId);
CliResult<core::AppointmentType> findType(core::Session& session, const std::string& nameOrId);
CliResult<core::Room> findRoom(core::Session& session, const std::string& nameOrId);
CliResult<core::Patient> findPatientByMrn(core::Session& session, const std::string& mrn);

// --name as a date (YYYY-MM-DD or MM/DD/YYYY), or the fallback when absent.
CliResult<std::string> dateOption(const CliContext& ctx, const std::string& name, const std::string& fallback = {});
// A --name that must be given, as a date.
CliResult<std::string> requiredDate(const CliContext& ctx, const std::string& name);
// "HH:MM" as minutes after midnight (24:00 allowed for an end of day).
CliResult<int> minuteOption(const CliContext& ctx, const std::string& name, int fallback);
// "1,3,5" or "mon,wed,fri" as ISO weekdays.
CliResult<std::vector<int>> weekdaysOption(const CliContext& ctx, const std::string& name);
// --name "YYYY-MM-DD HH:MM" in the clinic's zone as a UTC instant. A time the spring change skips is
// refused by core; a time the autumn change repeats needs --repeated earlier|later.
CliResult<std::int64_t> localTimeOption(const CliContext& ctx, const core::ClinicTime& time, const std::string& name);

// The clinic's wall-clock time as "YYYY-MM-DD HH:MM".
std::string localText(const core::ClinicTime& time, std::int64_t utcMs);
// An ISO-8601 UTC instant, "2025-11-24T14:30:00Z".
std::string utcText(std::int64_t utcMs);

Poco::JSON::Object::Ptr appointmentJson(const core::Appointment& a, const core::ClinicTime& time);
Poco::JSON::Object::Ptr appointmentViewJson(const core::AppointmentView& v, const core::ClinicTime& time);
Poco::JSON::Object::Ptr freeSlotJson(const core::FreeSlot& slot, const core::ClinicTime& time);
Poco::JSON::Object::Ptr waitlistJson(const core::WaitlistEntry& e);

} // namespace practica::app
