// A test clinic with a small schedule: two providers working Monday to Friday 8:00-17:00 with lunch
// at 12:00-13:00, two rooms, and a follow-up (15 min), a new-patient (30 min) and a sick-visit type
// (15 min, overbooking allowed), plus a few patients. Times are in America/Chicago.
#pragma once

#include "TestSupport.h"
#include "core/model/Schedule.h"

#include <string>
#include <vector>

namespace practica::test {

class ScheduleFixture
{
public:
    ScheduleFixture();
    TempClinic& clinic() { return m_clinic; }
    core::Session& admin() { return m_clinic.admin(); }

    core::Provider providerA, providerB;
    core::Room roomA, roomB;
    core::AppointmentType followUp, newPatient, sickVisit;
    std::vector<std::string> patients; // ids of five patients

    // A bookable appointment: patient index, provider, local "YYYY-MM-DD HH:MM", minutes (0: the type's).
    core::Appointment appointment(int patient, const core::Provider& provider, const std::string& startLocal,
                                  const core::AppointmentType& type, int minutes = 0) const;

private:
    TempClinic m_clinic;
};

} // namespace practica::test
