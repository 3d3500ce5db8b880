#include "ScheduleText.h"

#include "app/gui/common/UiText.h"

#include <QDate>
#include <QLocale>
#include <QTime>

namespace practica::app {

QString ScheduleText::status(core::AppointmentStatus status)
{
    using S = core::AppointmentStatus;
    switch (status) {
    case S::Scheduled:
        return tr("Scheduled");
    case S::Confirmed:
        return tr("Confirmed");
    case S::Arrived:
        return tr("Arrived");
    case S::InRoom:
        return tr("In room");
    case S::WithProvider:
        return tr("With provider");
    case S::CheckedOut:
        return tr("Checked out");
    case S::Cancelled:
        return tr("Cancelled");
    case S::NoShow:
        return tr("No-show");
    }
    return tr("Unknown");
}

QColor ScheduleText::statusColor(core::AppointmentStatus status)
{
    using S = core::AppointmentStatus;
    switch (status) {
    case S::Scheduled:
        return QColor(0x64748b);
    case S::Confirmed:
        return QColor(0x2563eb);
    case S::Arrived:
        return QColor(0xd97706);
    case S::InRoom:
        return QColor(0x7c3aed);
    case S::WithProvider:
        return QColor(0x0f766e);
    case S::CheckedOut:
        return QColor(0x475569);
    case S::Cancelled:
        return QColor(0x94a3b8);
    case S::NoShow:
        return QColor(0xb91c1c);
    }
    return QColor(0x64748b);
}

QString ScheduleText::time(int minuteOfDay)
{
    return QTime(minuteOfDay / 60 % 24, minuteOfDay % 60).toString(QStringLiteral("h:mm AP"));
}

int ScheduleText::minuteOf(const std::string& startLocal)
{
    if (startLocal.size() < 16)
        return 0;
    return std::stoi(startLocal.substr(11, 2)) * 60 + std::stoi(startLocal.substr(14, 2));
}

std::string ScheduleText::dateOf(const std::string& startLocal)
{
    return startLocal.substr(0, 10);
}

QString ScheduleText::localTime(const std::string& startLocal, bool withDate)
{
    const QString t = time(minuteOf(startLocal));
    if (!withDate)
        return t;
    const QDate d = QDate::fromString(qs(dateOf(startLocal)), Qt::ISODate);
    return tr("%1 %2 %3").arg(weekday(d.dayOfWeek()).left(3), UiText::usDate(dateOf(startLocal)), t);
}

QString ScheduleText::weekday(int isoWeekday)
{
    static const char* const names[] = {QT_TR_NOOP("Monday"),   QT_TR_NOOP("Tuesday"), QT_TR_NOOP("Wednesday"),
                                        QT_TR_NOOP("Thursday"), QT_TR_NOOP("Friday"),  QT_TR_NOOP("Saturday"),
                                        QT_TR_NOOP("Sunday")};
    if (isoWeekday < 1 || isoWeekday > 7)
        return {};
    return tr(names[isoWeekday - 1]);
}

QString ScheduleText::longDate(const std::string& isoDate)
{
    const QDate d = QDate::fromString(qs(isoDate), Qt::ISODate);
    if (!d.isValid())
        return qs(isoDate);
    return tr("%1, %2").arg(weekday(d.dayOfWeek()),
                            QLocale(QLocale::English).toString(d, QStringLiteral("MMMM d, yyyy")));
}

QString ScheduleText::conflict(const core::ScheduleConflict& c, const QString& providerName, const QString& roomName,
                               const std::string& proposedDate)
{
    const bool sameDay = dateOf(c.startLocal) == proposedDate;
    const QString when = localTime(c.startLocal, !sameDay);
    const QString other = qs(c.patientName);
    if (c.kind == "provider")
        return tr("Provider %1 already sees %2 at %3 (%n min).", nullptr, c.minutes).arg(providerName, other, when);
    if (c.kind == "room")
        return tr("Room %1 is taken by %2 at %3 (%n min).", nullptr, c.minutes).arg(roomName, other, when);
    if (c.kind == "patient")
        return tr("The patient %1 already has an appointment at %2 (%n min).", nullptr, c.minutes).arg(other, when);
    return tr("%1 at %2 (%n min).", nullptr, c.minutes).arg(other, when);
}

QString ScheduleText::warning(const core::ScheduleWarning& w, const QString& providerName)
{
    if (w.kind == "outside_hours")
        return tr("The time is outside %1's working hours.").arg(providerName);
    if (w.kind == "break")
        return tr("The time falls in %1's break.").arg(providerName);
    if (w.kind == "blocked")
        return w.detail.empty() ? tr("The time is blocked.") : tr("The time is blocked: %1.").arg(qs(w.detail));
    if (w.kind == "vacation")
        return tr("%1 is on vacation: %2.").arg(providerName, qs(w.detail));
    if (w.kind == "holiday")
        return tr("The clinic is closed for a holiday: %1.").arg(qs(w.detail));
    return qs(w.detail.empty() ? w.kind : w.detail);
}

QString ScheduleText::error(const core::Error& e)
{
    using core::ErrorCode;
    using core::Rule;
    const auto rule = e.rule();
    if (e.code == ErrorCode::Validation && rule == Rule::Range && e.field == "minutes")
        return tr("An appointment lasts from 5 minutes to 12 hours.");
    if (e.code == ErrorCode::Validation && rule == Rule::MissingReference) {
        if (e.field == "patient_id")
            return tr("Choose a patient.");
        if (e.field == "provider_id")
            return tr("Choose a provider who is still bookable.");
        if (e.field == "type_id")
            return tr("Choose a type of visit.");
        if (e.field == "room_id")
            return tr("Choose a room that is in use, or no room.");
    }
    if (e.code == ErrorCode::Validation && rule == Rule::Required && e.field == "reason")
        return tr("Enter a reason for the cancellation.");
    if (e.code == ErrorCode::Conflict && rule == Rule::Merged)
        return tr("This patient record was merged into another; book the surviving record.");
    if (e.code == ErrorCode::Conflict && rule == Rule::NeedsConfirmation)
        return warning(core::ScheduleWarning{e.param("warning"), {}}, tr("the provider"));
    return UiText::error(e);
}

} // namespace practica::app
