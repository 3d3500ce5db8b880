// Who gets a reminder call or text for the visits between two dates: the appointments that still hold
// their slot (a cancelled or missed visit gets none), each with the patient's phone for the call. The
// one list the GUI and the CLI export.
#pragma once

#include "core/Error.h"
#include "core/model/Schedule.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace practica::core {

class Session;

struct ReminderList
{
    std::vector<AppointmentView> appointments;          // by start time
    std::map<std::string, std::string> phoneByPatientId; // mobile, else home, else work, formatted; "" when none
};

// [fromDate, toDate] inclusive, for one provider or all.
Result<ReminderList> remindersDue(Session& session, const std::string& fromDate, const std::string& toDate,
                                  const std::optional<std::string>& providerId = std::nullopt);

} // namespace practica::core
