// The words and colours the schedule screens use for core's statuses, conflicts, warnings and booking errors,
// and the clinic's wall-clock times as the front desk reads them ("9:30 AM").
#pragma once

#include "core/Error.h"
#include "core/model/Schedule.h"
#include "core/schedule/AppointmentStore.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>
#include <string>

namespace practica::app {

class ScheduleText
{
    Q_DECLARE_TR_FUNCTIONS(ScheduleText)

public:
    static QString status(core::AppointmentStatus status);
    // The badge colour of a status (background); text on it is white.
    static QColor statusColor(core::AppointmentStatus status);
    // "9:30 AM" for a minute of the day.
    static QString time(int minuteOfDay);
    // "9:30 AM" from "YYYY-MM-DDTHH:MM"; with the date ("Mon 03/09/2026 9:30 AM") when withDate.
    static QString localTime(const std::string& startLocal, bool withDate = false);
    // "Monday, March 9, 2026".
    static QString longDate(const std::string& isoDate);
    // One sentence naming what collides: who or what is busy, the other patient and their time.
    static QString conflict(const core::ScheduleConflict& conflict, const QString& providerName,
                            const QString& roomName, const std::string& proposedDate);
    static QString warning(const core::ScheduleWarning& warning, const QString& providerName);
    // Booking errors first (the spring gap, conflicts, refused status steps), then UiText::error.
    static QString error(const core::Error& error);
    static QString weekday(int isoWeekday);
    static int minuteOf(const std::string& startLocal);
    static std::string dateOf(const std::string& startLocal);
};

} // namespace practica::app
