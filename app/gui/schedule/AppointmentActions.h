// What the front desk does to one appointment: status steps, cancel (offering the waitlist patients who fit
// the freed time), no-show, details, and calendar files for the appointment or the patient's upcoming visits.
#pragma once

#include "ScheduleDay.h"

#include <QObject>
#include <QPoint>

class QWidget;

namespace practica::app {

class Workspace;
struct BookingRequest;

class AppointmentActions : public QObject
{
    Q_OBJECT

public:
    AppointmentActions(Workspace& workspace, const ScheduleSetup& setup, QWidget* parent);

    void showMenu(const core::AppointmentView& view, const QPoint& globalPos);
    void openDetails(const QString& appointmentId);
    void setStatus(const core::AppointmentView& view, core::AppointmentStatus status);
    void cancel(const core::AppointmentView& view);
    void markNoShow(const core::AppointmentView& view);

Q_SIGNALS:
    void changed(const QString& message);
    void failed(const QString& message);
    void bookRequested(const BookingRequest& request);

private:
    void offerWaitlist(const core::Appointment& freed, const std::vector<core::WaitlistEntry>& matches);

    Workspace& m_workspace;
    const ScheduleSetup& m_setup;
    QWidget* m_parent;
};

} // namespace practica::app
