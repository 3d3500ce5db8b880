#include "ReminderList.h"

#include "core/patients/PatientStore.h"
#include "core/schedule/AppointmentStore.h"
#include "core/util/Validators.h"

namespace practica::core {

Result<ReminderList> remindersDue(Session& session, const std::string& fromDate, const std::string& toDate,
                                  const std::optional<std::string>& providerId)
{
    auto range = AppointmentStore(session).range(fromDate, toDate, providerId);
    if (!range)
        return std::unexpected(range.error());
    ReminderList list;
    PatientStore patients(session);
    for (auto& v : *range) {
        if (!occupiesSlot(v.appointment.status))
            continue;
        const std::string& id = v.appointment.patientId;
        if (!list.phoneByPatientId.contains(id)) {
            auto p = patients.get(id);
            if (!p)
                return std::unexpected(p.error());
            const auto& phone = p->phoneMobile ? p->phoneMobile : p->phoneHome ? p->phoneHome : p->phoneWork;
            list.phoneByPatientId[id] = phone ? formatPhone(*phone) : std::string();
        }
        list.appointments.push_back(std::move(v));
    }
    return list;
}

} // namespace practica::core
