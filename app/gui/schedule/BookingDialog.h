// Books one appointment: the patient found inline as the desk types, provider, type (which sets the length
// and the default room), room, date, time and reason; then BookingFlow checks and writes it.
#pragma once

#include "ScheduleDay.h"
#include "core/model/Schedule.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimeEdit;

namespace practica::app {

class PatientPicker;
class Workspace;

struct BookingRequest
{
    std::optional<std::string> patientId;
    QString patientName;
    std::optional<std::string> providerId;
    std::optional<std::string> roomId;
    std::optional<std::string> typeId;
    std::string date;
    int minuteOfDay = 9 * 60;
    int gridMinutes = 5;
    std::optional<std::string> waitlistEntryId; // marked booked when the booking is made
};

class BookingDialog : public QDialog
{
    Q_OBJECT

public:
    BookingDialog(Workspace& workspace, const ScheduleSetup& setup, const BookingRequest& request,
                  QWidget* parent = nullptr);
    const std::optional<core::Appointment>& booked() const { return m_booked; }

private:
    void typeChanged();
    void book();
    void showMessage(const QString& text);

    Workspace& m_workspace;
    const ScheduleSetup& m_setup;
    std::optional<core::Appointment> m_booked;
    PatientPicker* m_patient;
    QComboBox* m_provider;
    QComboBox* m_type;
    QComboBox* m_room;
    QDateEdit* m_date;
    QTimeEdit* m_time;
    QSpinBox* m_minutes;
    QLineEdit* m_reason;
    QLabel* m_message;
};

} // namespace practica::app
