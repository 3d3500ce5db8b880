// Administrators set up what can be booked: providers with their colour, rooms, appointment types (length,
// colour, overbooking, default room), each provider's weekly hours with breaks, blocked time and holidays.
#pragma once

#include "ScheduleDay.h"

#include <QWidget>

class QLabel;
class QTableWidget;
class QTabWidget;

namespace practica::app {

class Workspace;
class WorkingHoursEditor;

class ScheduleSetupPage : public QWidget
{
    Q_OBJECT

public:
    explicit ScheduleSetupPage(Workspace& workspace, QWidget* parent = nullptr);
    void refresh();

private:
    QWidget* buildTab(QTableWidget* table, const QString& addText, const std::function<void()>& add,
                      const QString& editText, const std::function<void()>& edit);
    void editProvider(bool add);
    void editRoom(bool add);
    void editType(bool add);
    void addBlock();
    void removeBlock();
    void addHoliday();
    void removeHoliday();
    void showResult(const QString& text, bool error);
    void done(const core::Status& status, const QString& message);

    Workspace& m_workspace;
    ScheduleSetup m_setup;
    std::vector<core::ScheduleBlock> m_blocks;
    std::vector<core::ClinicHoliday> m_holidays;
    QTabWidget* m_tabs;
    QTableWidget* m_providers;
    QTableWidget* m_rooms;
    QTableWidget* m_types;
    QTableWidget* m_blockTable;
    QTableWidget* m_holidayTable;
    WorkingHoursEditor* m_hours;
    QLabel* m_message;
};

} // namespace practica::app
