// The schedule's records as rows: each field declared once, with its rules and its member
// (core/records/RowBinding.h). The record types (ScheduleRecords.cpp), ScheduleSetupStore, AppointmentStore
// and WaitlistStore read these.
#pragma once

#include "core/model/Schedule.h"
#include "core/records/RowBinding.h"

namespace practica::core {

const RowBinding<Provider>& providerRow();
const RowBinding<Room>& roomRow();
const RowBinding<AppointmentType>& appointmentTypeRow();
const RowBinding<ClinicHoliday>& clinicHolidayRow();
const RowBinding<WorkingHours>& workingHoursRow();
const RowBinding<ScheduleBlock>& scheduleBlockRow();
const RowBinding<Appointment>& appointmentRow();
const RowBinding<AppointmentSeries>& appointmentSeriesRow();
const RowBinding<WaitlistEntry>& waitlistEntryRow();

} // namespace practica::core
