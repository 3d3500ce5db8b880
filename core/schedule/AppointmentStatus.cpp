#include "core/model/Schedule.h"

namespace practica::core {

std::string appointmentStatusName(AppointmentStatus s)
{
    switch (s) {
    case AppointmentStatus::Scheduled:
        return "scheduled";
    case AppointmentStatus::Confirmed:
        return "confirmed";
    case AppointmentStatus::Arrived:
        return "arrived";
    case AppointmentStatus::InRoom:
        return "in_room";
    case AppointmentStatus::WithProvider:
        return "with_provider";
    case AppointmentStatus::CheckedOut:
        return "checked_out";
    case AppointmentStatus::Cancelled:
        return "cancelled";
    case AppointmentStatus::NoShow:
        return "no_show";
    }
    return "scheduled";
}

std::optional<AppointmentStatus> appointmentStatusFromName(const std::string& name)
{
    for (auto s : {AppointmentStatus::Scheduled, AppointmentStatus::Confirmed, AppointmentStatus::Arrived,
                   AppointmentStatus::InRoom, AppointmentStatus::WithProvider, AppointmentStatus::CheckedOut,
                   AppointmentStatus::Cancelled, AppointmentStatus::NoShow})
        if (appointmentStatusName(s) == name)
            return s;
    return std::nullopt;
}

bool canTransition(AppointmentStatus from, AppointmentStatus to)
{
    using S = AppointmentStatus;
    switch (from) {
    case S::Scheduled:
        return to == S::Confirmed || to == S::Arrived || to == S::Cancelled || to == S::NoShow;
    case S::Confirmed:
        return to == S::Scheduled || to == S::Arrived || to == S::Cancelled || to == S::NoShow;
    case S::Arrived:
        // Back to confirmed undoes a check-in made on the wrong appointment.
        return to == S::Confirmed || to == S::InRoom || to == S::WithProvider || to == S::CheckedOut;
    case S::InRoom:
        return to == S::WithProvider || to == S::CheckedOut;
    case S::WithProvider:
        return to == S::CheckedOut;
    case S::CheckedOut:
    case S::Cancelled:
        return false;
    case S::NoShow:
        // A patient marked no-show who turns up late can still be seen.
        return to == S::Arrived;
    }
    return false;
}

bool occupiesSlot(AppointmentStatus s)
{
    return s != AppointmentStatus::Cancelled && s != AppointmentStatus::NoShow;
}

} // namespace practica::core
