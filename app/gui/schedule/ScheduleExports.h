// Files the schedule hands out: a day sheet per provider as PDF, iCalendar files (core::icalendarFor) for an
// appointment or a patient's upcoming visits, and a CSV reminder list for a range of dates
// (core::reminderCsv). Written atomically with QSaveFile.
#pragma once

#include "ScheduleDay.h"

#include <QCoreApplication>
#include <QString>
#include <vector>

class QWidget;

namespace practica::app {

class Workspace;

struct ExportResult
{
    QString message; // empty when the user cancelled
    bool error = false;
};

class ScheduleExports
{
    Q_DECLARE_TR_FUNCTIONS(ScheduleExports)

public:
    // Ask for a file name, then write.
    static ExportResult printDaySheets(Workspace& workspace, const ScheduleSetup& setup, const std::string& date,
                                       QWidget* parent);
    static ExportResult saveCalendar(Workspace& workspace, const std::vector<core::AppointmentView>& appointments,
                                     const QString& name, QWidget* parent);
    static ExportResult savePatientCalendar(Workspace& workspace, const core::AppointmentView& any, QWidget* parent);
    static ExportResult exportReminderList(Workspace& workspace, const std::string& date, QWidget* parent);

    // The writers behind them, for a known path.
    static ExportResult writeDaySheets(Workspace& workspace, const ScheduleSetup& setup, const std::string& date,
                                       const QString& path);
    static ExportResult writeCalendar(Workspace& workspace, const std::vector<core::AppointmentView>& appointments,
                                      const QString& path);
    static ExportResult writeReminderList(Workspace& workspace, const std::string& fromDate, const std::string& toDate,
                                          const QString& path);

private:
    static ExportResult saveBytes(const QString& path, const QByteArray& bytes, const QString& done);
};

} // namespace practica::app
