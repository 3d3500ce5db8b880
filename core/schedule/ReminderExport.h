// Appointment reminders that leave the clinic: an iCalendar feed (RFC 5545) for a patient's own calendar
// and a CSV list (RFC 4180) for reminder calls and texts. Minimum necessary: no reason for visit and no note.
#pragma once

#include "core/model/Clinic.h"
#include "core/model/Schedule.h"
#include "core/schedule/ClinicTime.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

// One VCALENDAR with a VEVENT per appointment: times in UTC, CRLF line endings, lines folded at 75 octets.
// Cancelled and no-show appointments are CANCELLED events without an alarm, so a calendar that imported
// them earlier drops them; the others are CONFIRMED with a display alarm a day before.
std::string icalendarFor(const std::vector<AppointmentView>& appointments, const Clinic& clinic, const ClinicTime& time,
                         std::int64_t nowUtcMs);

// Header and one row per appointment: date, time (clinic's wall clock), patient, MRN, phone, provider, type,
// status. AppointmentView carries no phone numbers, so they come from phoneByPatientId (formatted as the
// caller wants; empty when absent). Cells that a spreadsheet would run as a formula get a leading apostrophe.
std::string reminderCsv(const std::vector<AppointmentView>& appointments, const ClinicTime& time,
                        const std::map<std::string, std::string>& phoneByPatientId = {});

// RFC 5545 3.3.11 TEXT escaping: backslash, semicolon, comma and newline; other control characters dropped.
std::string icalendarText(std::string_view text);
// Folds one content line (without its line break) into CRLF-terminated lines of at most 75 octets,
// never splitting a UTF-8 sequence.
std::string icalendarFold(std::string_view line);

} // namespace practica::core
