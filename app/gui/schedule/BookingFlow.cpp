#include "BookingFlow.h"

#include "ConflictDialog.h"
#include "ScheduleText.h"

#include <QMessageBox>
#include <QPushButton>

namespace practica::app {

std::optional<std::int64_t> BookingFlow::startFor(const core::ClinicTime& time, const std::string& date,
                                                  int minuteOfDay)
{
    m_error.clear();
    core::RepeatedTime choice = core::RepeatedTime::Earlier;
    if (time.isRepeated(date, minuteOfDay)) {
        QMessageBox box(QMessageBox::Question, tr("Which %1?").arg(ScheduleText::time(minuteOfDay)),
                        tr("On %1 the clocks fall back, so %2 happens twice. Which one is the appointment?")
                            .arg(ScheduleText::longDate(date), ScheduleText::time(minuteOfDay)),
                        QMessageBox::Cancel, m_parent);
        box.setObjectName(QStringLiteral("repeatedTimeDialog"));
        QPushButton* first = box.addButton(tr("The first (daylight time)"), QMessageBox::AcceptRole);
        first->setObjectName(QStringLiteral("repeatedFirstButton"));
        QPushButton* second = box.addButton(tr("The second (standard time)"), QMessageBox::AcceptRole);
        second->setObjectName(QStringLiteral("repeatedSecondButton"));
        box.setDefaultButton(first);
        box.exec();
        if (box.clickedButton() == second)
            choice = core::RepeatedTime::Later;
        else if (box.clickedButton() != first)
            return std::nullopt;
    }
    auto utc = time.toUtc(date, minuteOfDay, choice);
    if (!utc) {
        m_error = ScheduleText::error(utc.error());
        if (utc.error().rule() == core::Rule::NonexistentTime)
            m_error = tr("%1 does not exist on %2: the clocks spring forward an hour that night. Choose a time "
                         "after the change.")
                          .arg(ScheduleText::time(minuteOfDay), ScheduleText::longDate(date));
        return std::nullopt;
    }
    return *utc;
}

std::optional<core::Appointment> BookingFlow::run(core::AppointmentStore& store, const core::Appointment& proposed,
                                                  const std::optional<std::string>& ignoreId, const Write& write,
                                                  const QString& verb)
{
    m_error.clear();
    auto check = store.check(proposed, ignoreId);
    if (!check) {
        m_error = ScheduleText::error(check.error());
        return std::nullopt;
    }
    core::BookingOptions options;
    options.ignoreAppointmentId = ignoreId;
    if (!check->clear()) {
        const std::string date = store.clinicTime().toLocal(proposed.startUtcMs).date;
        ConflictDialog dialog(*check, m_setup.providerName(proposed.providerId), m_setup.roomName(proposed.roomId),
                              date, verb, m_parent);
        dialog.exec();
        switch (dialog.choice()) {
        case ConflictDialog::Cancel:
            return std::nullopt;
        case ConflictDialog::Overbook:
            options.overbook = true;
            options.acceptWarnings = !check->warnings.empty();
            break;
        case ConflictDialog::Proceed:
            options.acceptWarnings = true;
            break;
        }
    }
    auto written = write(options);
    if (!written) {
        m_error = ScheduleText::error(written.error());
        return std::nullopt;
    }
    return *written;
}

} // namespace practica::app
