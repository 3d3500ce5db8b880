// The front desk's rules in front of every schedule write: the wall-clock time turned into an instant
// (asking which one in the repeated autumn hour, refusing the spring gap), AppointmentStore::check() first,
// the collisions named in a dialog with "Overbook" when core allows it, warnings confirmed, then the write.
#pragma once

#include "ScheduleDay.h"
#include "core/schedule/AppointmentStore.h"

#include <QCoreApplication>
#include <QString>
#include <functional>
#include <optional>

class QWidget;

namespace practica::app {

class BookingFlow
{
    Q_DECLARE_TR_FUNCTIONS(BookingFlow)

public:
    using Write = std::function<core::Result<core::Appointment>(const core::BookingOptions&)>;

    BookingFlow(const ScheduleSetup& setup, QWidget* parent) : m_setup(setup), m_parent(parent) {}

    // The UTC instant of a wall-clock time; nullopt when it does not exist or the user cancelled the question.
    std::optional<std::int64_t> startFor(const core::ClinicTime& time, const std::string& date, int minuteOfDay);
    // Checks, asks, writes. nullopt when nothing was written: error() says why (empty if the user chose not to).
    std::optional<core::Appointment> run(core::AppointmentStore& store, const core::Appointment& proposed,
                                         const std::optional<std::string>& ignoreId, const Write& write,
                                         const QString& verb);
    QString error() const { return m_error; }

private:
    const ScheduleSetup& m_setup;
    QWidget* m_parent;
    QString m_error;
};

} // namespace practica::app
