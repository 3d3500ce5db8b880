// Moves one appointment to another day, time or provider, typed in or found with Find a slot, through the same
// checks as a drag on the schedule (BookingFlow). Used where there is no schedule grid to drag on, such as
// fixing a double booking the sync server refused.
#pragma once

#include "ScheduleDay.h"
#include "core/model/Schedule.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QTimeEdit;

namespace practica::app {

class Workspace;

class MoveAppointmentDialog : public QDialog
{
    Q_OBJECT

public:
    // hint: a line under the summary saying why the appointment needs another time (may be empty).
    MoveAppointmentDialog(Workspace& workspace, const core::AppointmentView& appointment, ScheduleSetup setup,
                          const QString& hint, QWidget* parent = nullptr);
    const std::optional<core::Appointment>& moved() const { return m_moved; }

private:
    void findSlot();
    void move();
    void showMessage(const QString& text);

    Workspace& m_workspace;
    core::AppointmentView m_appointment;
    ScheduleSetup m_setup;
    std::optional<core::Appointment> m_moved;
    QComboBox* m_provider;
    QDateEdit* m_date;
    QTimeEdit* m_time;
    QLabel* m_message;
};

} // namespace practica::app
