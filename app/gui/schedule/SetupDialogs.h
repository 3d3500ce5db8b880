// The small forms of Schedule setup: a provider, an appointment type, a block of time, a holiday.
// Each edits a copy of the value and returns whether the user saved it; core validates on write.
#pragma once

#include "core/model/Schedule.h"

#include <QCoreApplication>
#include <vector>

class QWidget;

namespace practica::app {

class SetupDialogs
{
    Q_DECLARE_TR_FUNCTIONS(SetupDialogs)

public:
    static bool editProvider(QWidget* parent, core::Provider& provider);
    static bool editRoom(QWidget* parent, core::Room& room);
    static bool editType(QWidget* parent, core::AppointmentType& type, const std::vector<core::Room>& rooms);
    static bool editBlock(QWidget* parent, core::ScheduleBlock& block, const std::vector<core::Provider>& providers);
    static bool editHoliday(QWidget* parent, core::ClinicHoliday& holiday);
};

} // namespace practica::app
