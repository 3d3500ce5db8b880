#include "ConflictDescriber.h"

#include "app/gui/common/UiText.h"
#include "app/gui/schedule/ScheduleText.h"
#include "core/auth/Session.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/AppointmentStore.h"

#include <QRegularExpression>
#include <optional>

namespace practica::app {

namespace {

// The server names the rule and the other record in its reason, e.g.
// "provider <id> is already booked by appointment <id> from <ms> to <ms>".
struct BookingClash
{
    QString kind;
    QString otherAppointmentId;
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
};

std::optional<BookingClash> parseClash(const std::string& reason)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(provider|room|patient) \S* ?is already booked by appointment (\S+) from (-?\d+) to (-?\d+))"));
    const auto match = pattern.match(qs(reason));
    if (!match.hasMatch())
        return std::nullopt;
    return BookingClash{match.captured(1), match.captured(2), match.captured(3).toLongLong(),
                        match.captured(4).toLongLong()};
}

std::optional<core::AppointmentView> findView(const std::vector<core::AppointmentView>& views, const std::string& id)
{
    for (const auto& v : views)
        if (v.appointment.id == id)
            return v;
    return std::nullopt;
}

QString span(const std::string& startLocal, int minutes)
{
    const int start = ScheduleText::minuteOf(startLocal);
    return ConflictDescriber::tr("%1 – %2").arg(ScheduleText::time(start), ScheduleText::time(start + minutes));
}

} // namespace

QString ConflictDescriber::recordName(const std::string& entity)
{
    if (entity == "appointment")
        return tr("appointment");
    if (entity == "patient")
        return tr("patient record");
    if (entity == "coverage")
        return tr("insurance coverage");
    if (entity == "payer")
        return tr("payer");
    if (entity == "user_account")
        return tr("user");
    if (entity == "provider")
        return tr("provider");
    if (entity == "room")
        return tr("room");
    if (entity == "appointment_type")
        return tr("appointment type");
    if (entity == "waitlist_entry")
        return tr("waitlist entry");
    if (entity == "clinic")
        return tr("clinic settings");
    return tr("record");
}

ConflictSummary ConflictDescriber::describe(core::Session& session, const core::SyncConflict& c)
{
    ConflictSummary s;
    s.conflictId = qs(c.id);
    s.entity = c.entity;
    s.rowId = c.rowId;
    s.serverHasRow = c.current.has_value() && !c.current->isDeleted();
    if (c.code == "double_booking" && c.entity == "appointment")
        return doubleBooking(session, c, s);
    if (c.code == "unique")
        return duplicate(session, c, s);
    if (c.code == "unknown_row") {
        s.title = tr("A change to a %1 the server does not have").arg(recordName(c.entity));
        s.detail = tr("This workstation changed a %1 that the server has never received, or that was removed "
                      "there. Send it again to add it as it is on this computer, or take the server's version to "
                      "drop the change.")
                       .arg(recordName(c.entity));
        return s;
    }
    s.title = tr("The server refused a change to a %1").arg(recordName(c.entity));
    s.detail = tr("The server's reason: %1").arg(qs(c.reason));
    return s;
}

ConflictSummary ConflictDescriber::doubleBooking(core::Session& session, const core::SyncConflict& c, ConflictSummary s)
{
    s.appointment = true;
    core::AppointmentStore store(session);
    const auto clash = parseClash(c.reason);
    auto mine = store.get(c.rowId);
    std::optional<core::AppointmentView> mineView, otherView;
    if (mine) {
        if (auto views = store.day(ScheduleText::dateOf(mine->startLocal))) {
            mineView = findView(*views, c.rowId);
            if (clash)
                otherView = findView(*views, clash->otherAppointmentId.toStdString());
        }
    }
    if (!mine || !mineView) {
        s.title = tr("Double booking");
        s.detail = tr("The server refused an appointment booked on this workstation because the time was "
                      "already taken. The server's reason: %1")
                       .arg(qs(c.reason));
        return s;
    }
    const core::Appointment& a = mineView->appointment;
    const QString patient = qs(mineView->patientName);
    s.title = tr("Double booking: %1 — %2 with %3")
                  .arg(patient, ScheduleText::localTime(a.startLocal, true), qs(mineView->providerName));

    // Who or what is taken, and by which appointment.
    QString other;
    if (otherView) {
        other = tr("%1 (%2, %3)")
                    .arg(qs(otherView->patientName), qs(otherView->typeName),
                         span(otherView->appointment.startLocal, otherView->appointment.minutes));
    } else if (clash && clash->toMs > clash->fromMs) {
        const auto from = store.clinicTime().toLocal(clash->fromMs);
        other = tr("another appointment (%1)")
                    .arg(span(from.text(), static_cast<int>((clash->toMs - clash->fromMs) / 60'000)));
    } else {
        other = tr("another appointment");
    }
    const QString kind = clash ? clash->kind : QString();
    QString taken;
    if (kind == QLatin1String("room"))
        taken = tr("%1 is already in use at that time by %2, booked on another workstation.")
                    .arg(qs(mineView->roomName.value_or(std::string())), other);
    else if (kind == QLatin1String("patient"))
        taken = tr("%1 already has %2 at that time, booked on another workstation.").arg(patient, other);
    else
        taken = tr("%1 is already booked at that time with %2, booked on another workstation.")
                    .arg(qs(mineView->providerName), other);
    const QString mineText = tr("This workstation's %1 appointment for %2 (%3) has not been accepted.")
                                 .arg(qs(mineView->typeName), patient, span(a.startLocal, a.minutes));
    const QString choice = s.serverHasRow
                               ? tr("Pick another time for it, or keep the other booking and put this "
                                    "appointment back where the server has it.")
                               : tr("Pick another time for it, or keep the other booking and remove this one.");
    s.detail = taken + QLatin1Char(' ') + mineText + QLatin1Char('\n') + choice;
    return s;
}

ConflictSummary ConflictDescriber::duplicate(core::Session& session, const core::SyncConflict& c, ConflictSummary s)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^(\w+) (.+) is already used by (\w+) (\S+)$)"));
    const auto match = pattern.match(qs(c.reason));
    const QString field = match.hasMatch() ? match.captured(1) : QString();
    const QString value = match.hasMatch() ? match.captured(2) : QString();
    if (c.entity == "patient" && field == QLatin1String("mrn")) {
        QString whose = tr("a patient registered on this workstation");
        if (session.can(core::Permission::PatientRead))
            if (auto p = core::PatientStore(session).get(c.rowId))
                whose = qs(p->displayName());
        s.title = tr("Duplicate MRN %1").arg(value);
        s.detail = tr("The MRN %1 given to %2 on this workstation is already used by another patient on the "
                      "server. Change this patient's MRN and send it again, or take the server's version.")
                       .arg(value, whose);
        return s;
    }
    if (c.entity == "user_account" && field == QLatin1String("username")) {
        s.title = tr("User name %1 already taken").arg(value);
        s.detail = tr("The user name %1 was created on this workstation while another workstation gave it to a "
                      "different person. Change the user name and send it again, or take the server's version.")
                       .arg(value);
        return s;
    }
    s.title = tr("A %1 duplicates another one on the server").arg(recordName(c.entity));
    s.detail = tr("The server's reason: %1").arg(qs(c.reason));
    return s;
}

} // namespace practica::app
