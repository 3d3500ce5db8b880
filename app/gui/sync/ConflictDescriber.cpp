#include "ConflictDescriber.h"

#include "RuleText.h"
#include "app/gui/common/UiText.h"
#include "app/gui/schedule/ScheduleText.h"
#include "core/auth/Session.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/AppointmentStore.h"

#include <optional>

namespace practica::app {

namespace {

std::string param(const core::SyncConflict& c, const std::string& name)
{
    auto it = c.params.find(name);
    return it == c.params.end() ? std::string() : it->second;
}

// Which provider, room or patient is taken, and by which appointment, from the refusal's params.
struct BookingClash
{
    QString kind;
    QString otherAppointmentId;
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
};

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
    if (entity == "user_totp")
        return tr("two-step sign-in");
    return tr("record");
}

ConflictSummary ConflictDescriber::describe(core::Session& session, const core::SyncConflict& c)
{
    ConflictSummary s;
    s.conflictId = qs(c.id);
    s.entity = c.entity;
    s.rowId = c.rowId;
    s.serverHasRow = c.current.has_value() && !c.current->isDeleted();
    if (c.params.empty() && c.code != "unknown_row") {
        // An older server sends its reason in English only.
        s.title = tr("The server refused a change to a %1").arg(recordName(c.entity));
        s.detail = tr("The server's reason: %1").arg(qs(c.reason));
        return s;
    }
    if (c.code == "double_booking" && c.entity == "appointment")
        return doubleBooking(session, c, s);
    if (c.code == "unique")
        return duplicate(session, c, s);
    if (c.code == "permission_denied")
        return refusedByRole(c, s);
    if (c.code == "clock_skew" || c.code == "impossible_stamp")
        return wrongClock(c, s);
    if (c.code == "unknown_row") {
        s.title = tr("A change to a %1 the server does not have").arg(recordName(c.entity));
        s.detail = tr("This workstation changed a %1 that the server has never received, or that was removed "
                      "there. Send it again to add it as it is on this computer, or take the server's version to "
                      "drop the change.")
                       .arg(recordName(c.entity));
        return s;
    }
    if (c.code == "locked_record" && c.entity == "clinical_note") {
        s.sendAgain = false;
        s.signedNote = true;
        s.title = tr("The note was signed before this edit arrived");
        s.detail = tr("The note was signed on another workstation while it was being edited here, and a signed "
                      "note never changes. Turn this edit into an addendum (you read and sign it), or take the "
                      "signed note as it is.");
        return s;
    }
    if (c.code == "locked_record") {
        s.sendAgain = false;
        s.title = tr("The %1 was locked before this change arrived").arg(recordName(c.entity));
        s.detail = tr("Another workstation locked this %1 (signed, transmitted or submitted it) while this "
                      "workstation was changing it. A locked record takes no more changes; take the server's "
                      "version.")
                       .arg(recordName(c.entity));
        return s;
    }
    if (c.code == "invalid_field") {
        s.title = tr("The server refused a %1: %2").arg(recordName(c.entity), RuleText::fieldName(param(c, "field")));
        s.detail = tr("%1 Correct the %2 on this workstation, then send it again, or take the server's version.")
                       .arg(RuleText::rule(c.params), recordName(c.entity));
        return s;
    }
    if (c.code == "unknown_record_type") {
        s.title = tr("The server does not know this kind of record");
        s.detail = tr("The clinic's server is older than this workstation and does not accept %1 records yet. "
                      "Ask whoever looks after the server to update it, then send the change again.")
                       .arg(recordName(c.entity));
        return s;
    }
    s.title = tr("The server refused a change to a %1").arg(recordName(c.entity));
    s.detail = c.reason.empty() ? tr("The server gave the code %1.").arg(qs(c.code))
                                : tr("The server's reason: %1").arg(qs(c.reason));
    return s;
}

ConflictSummary ConflictDescriber::refusedByRole(const core::SyncConflict& c, ConflictSummary s)
{
    s.sendAgain = false;
    const QString record = recordName(c.entity);
    const QString field = qs(param(c, "field"));
    const std::string op = param(c, "operation");
    s.title = tr("Not allowed: a change to a %1").arg(record);
    if (param(c, "owner_only") == "1") {
        s.detail = tr("Only the person a %1 belongs to may set it up or change it; an administrator may only remove "
                      "it. Take the server's version to drop this change.")
                       .arg(record);
        return s;
    }
    if (param(c, "own_record") == "1") {
        s.detail = tr("Nobody may change the %1 of their own user account, not even an administrator. Ask another "
                      "administrator to do it. Take the server's version to drop this change.")
                       .arg(field);
        return s;
    }
    if (op == "delete" && param(c, "permission").empty()) {
        s.detail = tr("A %1 is never deleted: make it inactive instead. Take the server's version to put it "
                      "back.")
                       .arg(record);
        return s;
    }
    const auto role = core::roleFromName(param(c, "role"));
    const QString roleText = role ? UiText::role(*role) : qs(param(c, "role"));
    QString what;
    if (!field.isEmpty())
        what = tr("set the %1 of a %2").arg(field, record);
    else if (op == "create")
        what = tr("add a %1").arg(record);
    else if (op == "delete")
        what = tr("delete a %1").arg(record);
    else
        what = tr("change a %1").arg(record);
    s.detail = tr("The server does not allow the %1 role to %2, so the change was not shared with the clinic. "
                  "Take the server's version to drop it, and ask an administrator if it is needed.")
                   .arg(roleText, what);
    return s;
}

ConflictSummary ConflictDescriber::wrongClock(const core::SyncConflict& c, ConflictSummary s)
{
    if (c.code == "impossible_stamp") {
        s.sendAgain = false;
        s.title = tr("This computer's clock was wrong");
        s.detail = tr("A change to a %1 is dated before the %2 existed, so the server refused it. Check this "
                      "computer's date and time, take the server's version, and make the change again.")
                       .arg(recordName(c.entity), param(c, "before") == "clinic" ? tr("clinic") : recordName(c.entity));
        return s;
    }
    const qint64 aheadMs = QString::fromStdString(param(c, "ahead_ms")).toLongLong();
    const qint64 minutes = (aheadMs + 59'999) / 60'000;
    QString by;
    if (minutes < 120)
        by = tr("%n minute(s)", nullptr, static_cast<int>(minutes));
    else if (minutes < 48 * 60)
        by = tr("%n hour(s)", nullptr, static_cast<int>((minutes + 59) / 60));
    else
        by = tr("%n day(s)", nullptr, static_cast<int>((minutes + 24 * 60 - 1) / (24 * 60)));
    s.title = tr("This computer's clock is %1 ahead").arg(by);
    s.detail = tr("The server refused a change to a %1 because this computer's clock is %2 ahead of the "
                  "server's. Set the correct date and time on this computer, then send the change again.")
                   .arg(recordName(c.entity), by);
    return s;
}

ConflictSummary ConflictDescriber::doubleBooking(core::Session& session, const core::SyncConflict& c, ConflictSummary s)
{
    s.appointment = true;
    core::AppointmentStore store(session);
    const std::optional<BookingClash> clash =
        param(c, "other_appointment").empty()
            ? std::nullopt
            : std::optional<BookingClash>(BookingClash{qs(param(c, "resource")), qs(param(c, "other_appointment")),
                                                       qs(param(c, "from_ms")).toLongLong(),
                                                       qs(param(c, "to_ms")).toLongLong()});
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
    const QString field = qs(param(c, "field"));
    const QString value = qs(param(c, "value"));
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
    if (c.entity == "coverage" && field == QLatin1String("rank")) {
        s.title = tr("Two active %1 insurance policies").arg(value);
        s.detail = tr("The patient already has an active %1 policy on the server, added on another workstation. "
                      "Make this policy secondary or end the other one, then send it again, or take the "
                      "server's version.")
                       .arg(value);
        return s;
    }
    if (!param(c, "within").empty()) {
        s.title = tr("A %1 duplicates another one on the server").arg(recordName(c.entity));
        s.detail = tr("Another %1 with the same %2 already has the %3 %4 on the server. Change it and send it "
                      "again, or take the server's version.")
                       .arg(recordName(c.entity), RuleText::fieldName(param(c, "within")), field, value);
        return s;
    }
    s.title = tr("A %1 duplicates another one on the server").arg(recordName(c.entity));
    s.detail = tr("The %1 %2 is already used by another %3 on the server. Change it and send it again, or take "
                  "the server's version.")
                   .arg(field, value, recordName(c.entity));
    return s;
}

} // namespace practica::app
