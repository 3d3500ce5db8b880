#include "AppointmentStore.h"

#include "core/auth/Session.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/schedule/ScheduleRows.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/schedule/WaitlistStore.h"
#include "core/util/Text.h"

#include <algorithm>

namespace practica::core {

namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr int kMaxMinutes = 720; // the longest appointment; bounds the overlap searches

// What a schedule screen shows next to an appointment, read after the appointment's own columns.
constexpr const char* kViewColumns = ", p.family_name || ', ' || p.given_name, p.mrn, p.date_of_birth, t.name, "
                                     "t.color, pr.name, r.name";
constexpr const char* kViewJoins = " a JOIN patient p ON p.id = a.patient_id "
                                   "JOIN appointment_type t ON t.id = a.type_id "
                                   "JOIN provider pr ON pr.id = a.provider_id LEFT JOIN room r ON r.id = a.room_id";

// "SELECT <appointment columns>, <view columns> FROM appointment a JOIN ...", for a WHERE to follow.
std::string viewSelect()
{
    const auto& row = appointmentRow();
    return "SELECT " + row.columns("a") + kViewColumns + " FROM " + row.table() + kViewJoins;
}

AppointmentView readView(const Statement& s)
{
    const auto& row = appointmentRow();
    const int v = row.width();
    return {row.read(s),   s.text(v),     s.text(v + 1), s.text(v + 2),
            s.text(v + 3), s.text(v + 4), s.text(v + 5), s.optionalText(v + 6)};
}

} // namespace

AppointmentStore::AppointmentStore(Session& session) : m_session(session)
{
    if (auto clinic = ClinicStore(session).get())
        if (auto time = ClinicTime::forZone(clinic->timeZone))
            m_time = *time;
}

Result<Appointment> AppointmentStore::get(const std::string& id)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    const auto& row = appointmentRow();
    auto stmt = m_session.db().prepare("SELECT " + row.columns() + " FROM " + row.table() + " WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, id).one<Appointment>([&](const Statement& r) { return row.read(r); }, row.table(), id);
}

Result<BookingCheck> AppointmentStore::check(const Appointment& a, const std::optional<std::string>& ignoreId)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    if (!m_time)
        return fail(ErrorCode::NotFound, "clinic", "the clinic's time zone");
    BookingCheck result;
    Database& db = m_session.db();
    const std::int64_t start = a.startUtcMs;
    const std::int64_t end = a.endUtcMs();
    const std::string ignore = ignoreId.value_or("");

    // One indexed query per resource: column = ? and start in (start - longest appointment, end).
    auto collide = [&](const char* kind, const char* column, const std::string& value) -> Status {
        std::string sql = std::string("SELECT a.id, a.start_local, a.minutes, p.family_name || ', ' || p.given_name "
                                      "FROM appointment a JOIN patient p ON p.id = a.patient_id WHERE a.") +
                          column;
        sql.append(" = ? AND a.start_utc_ms > ? AND a.start_utc_ms < ? AND a.end_utc_ms > ? AND a.id != ? "
                   "AND a.status NOT IN ('cancelled', 'no_show') ORDER BY a.start_utc_ms;");
        auto stmt = db.prepare(sql);
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, value).bind(2, start - kMaxMinutes * kMinuteMs).bind(3, end).bind(4, start).bind(5, ignore);
        auto rows = stmt->all<ScheduleConflict>([&](const Statement& r) {
            return ScheduleConflict{kind, r.text(0), r.text(3), r.text(1), static_cast<int>(r.int64(2))};
        });
        if (!rows)
            return std::unexpected(rows.error());
        result.conflicts.insert(result.conflicts.end(), rows->begin(), rows->end());
        return {};
    };
    if (Status s = collide("provider", "provider_id", a.providerId); !s)
        return std::unexpected(s.error());
    if (a.roomId)
        if (Status s = collide("room", "room_id", *a.roomId); !s)
            return std::unexpected(s.error());
    if (Status s = collide("patient", "patient_id", a.patientId); !s)
        return std::unexpected(s.error());

    const LocalDateTime local = m_time->toLocal(start);
    const LocalDateTime localEnd = m_time->toLocal(end - 1);
    const int startMinute = local.minuteOfDay;
    const int endMinute = localEnd.date == local.date ? localEnd.minuteOfDay + 1 : 24 * 60 + 1;
    const auto& hoursRow = workingHoursRow();
    auto hours = db.prepare("SELECT " + hoursRow.columns() + " FROM " + hoursRow.table() +
                            " WHERE provider_id = ? AND weekday = ? AND active = 1;");
    if (!hours)
        return std::unexpected(hours.error());
    hours->bind(1, a.providerId).bind(2, local.weekday);
    auto intervals = hours->all<WorkingHours>([&](const Statement& r) { return hoursRow.read(r); });
    if (!intervals)
        return std::unexpected(intervals.error());
    const bool inside = std::any_of(intervals->begin(), intervals->end(), [&](const WorkingHours& h) {
        return !h.isBreak && h.startMinute <= startMinute && endMinute <= h.endMinute;
    });
    if (!inside)
        result.warnings.push_back({"outside_hours", {}});
    for (const WorkingHours& h : *intervals)
        if (h.isBreak && h.startMinute < endMinute && startMinute < h.endMinute)
            result.warnings.push_back({"break", {}});

    auto blocks = db.prepare("SELECT reason FROM schedule_block WHERE active = 1 AND start_utc_ms < ? AND "
                             "end_utc_ms > ? AND (provider_id IS NULL OR provider_id = ?);");
    if (!blocks)
        return std::unexpected(blocks.error());
    blocks->bind(1, end).bind(2, start).bind(3, a.providerId);
    auto reasons = blocks->all<std::string>([](const Statement& r) { return r.text(0); });
    if (!reasons)
        return std::unexpected(reasons.error());
    for (const std::string& reason : *reasons)
        result.warnings.push_back({"blocked", reason});

    auto holiday = db.prepare("SELECT name FROM clinic_holiday WHERE active = 1 AND date = ?;");
    if (!holiday)
        return std::unexpected(holiday.error());
    auto names = holiday->bind(1, local.date).all<std::string>([](const Statement& r) { return r.text(0); });
    if (!names)
        return std::unexpected(names.error());
    for (const std::string& name : *names)
        result.warnings.push_back({"holiday", name});

    if (!result.conflicts.empty() && m_session.can(Permission::ScheduleOverbook)) {
        auto type = ScheduleSetupStore(m_session).type(a.typeId);
        const bool resourcesOnly = std::none_of(result.conflicts.begin(), result.conflicts.end(),
                                                [](const ScheduleConflict& c) { return c.kind == "patient"; });
        result.overbookPossible = type && type->allowOverbook && resourcesOnly;
    }
    return result;
}

Error clashError(const ScheduleConflict& c, const std::string& occurrence)
{
    ErrorParams params{{"resource", c.kind},
                       {"other_appointment", c.appointmentId},
                       {"from", c.startLocal},
                       {"minutes", std::to_string(c.minutes)},
                       {"patient_name", c.patientName}};
    if (!occurrence.empty())
        params["time"] = occurrence;
    return Error::make(ErrorCode::Conflict, c.kind, Rule::Clash, std::move(params));
}

namespace {
// Turns a check into the error the options do not let through, if any.
Status admit(const BookingCheck& check, const BookingOptions& options, bool& overbooked)
{
    overbooked = false;
    if (!check.conflicts.empty()) {
        if (!options.overbook || !check.overbookPossible) {
            return std::unexpected(clashError(check.conflicts.front()));
        }
        overbooked = true;
    }
    if (!check.warnings.empty() && !options.acceptWarnings)
        return fail(ErrorCode::Conflict, "warning", Rule::NeedsConfirmation,
                    {{"warning", check.warnings.front().kind}});
    return {};
}
} // namespace

namespace {

// A record that is not there breaks a booking rule; a database that cannot answer (busy, I/O, disk
// full) is its own error, never a validation error.
Status ruleOrError(const Error& lookup, const char* field, const char* references)
{
    if (lookup.code == ErrorCode::NotFound)
        return fail(ErrorCode::Validation, field, Rule::MissingReference, {{"references", references}});
    return std::unexpected(lookup);
}

} // namespace

Status AppointmentStore::validate(Appointment& a)
{
    if (!m_time)
        return fail(ErrorCode::NotFound, "clinic", "the clinic's time zone");
    Database& db = m_session.db();
    auto status = db.prepare("SELECT status FROM patient WHERE id = ?;");
    if (!status)
        return std::unexpected(status.error());
    auto patient = status->bind(1, a.patientId)
                       .one<std::string>([](const Statement& r) { return r.text(0); }, "patient_id", "no such patient");
    if (!patient)
        return ruleOrError(patient.error(), "patient_id", "patient");
    if (*patient == "merged")
        return fail(ErrorCode::Conflict, "patient_id", Rule::Merged);
    if (*patient == "deceased")
        return fail(ErrorCode::Validation, "patient_id", Rule::Deceased);
    auto provider = db.prepare("SELECT active FROM provider WHERE id = ?;");
    if (!provider)
        return std::unexpected(provider.error());
    auto active = provider->bind(1, a.providerId)
                      .one<bool>([](const Statement& r) { return r.int64(0) != 0; }, "provider_id", "no such provider");
    if (!active)
        return ruleOrError(active.error(), "provider_id", "provider");
    if (!*active)
        return fail(ErrorCode::Validation, "provider_id", Rule::MissingReference, {{"references", "provider"}});
    auto type = ScheduleSetupStore(m_session).type(a.typeId);
    if (!type)
        return ruleOrError(type.error(), "type_id", "appointment_type");
    if (a.minutes <= 0)
        a.minutes = type->defaultMinutes;
    if (a.minutes < 5 || a.minutes > kMaxMinutes)
        return fail(ErrorCode::Validation, "minutes", Rule::Range, {{"min", "5"}, {"max", "720"}});
    if (!a.roomId)
        a.roomId = type->defaultRoomId;
    if (a.roomId) {
        auto room = db.prepare("SELECT count(*) FROM room WHERE id = ? AND active = 1;");
        if (!room)
            return std::unexpected(room.error());
        auto found = room->bind(1, *a.roomId).scalar();
        if (!found)
            return std::unexpected(found.error());
        if (*found == 0)
            return fail(ErrorCode::Validation, "room_id", Rule::MissingReference, {{"references", "room"}});
    }
    if (a.coverageId) {
        auto coverage = db.prepare("SELECT count(*) FROM coverage WHERE id = ? AND patient_id = ?;");
        if (!coverage)
            return std::unexpected(coverage.error());
        auto found = coverage->bind(1, *a.coverageId).bind(2, a.patientId).scalar();
        if (!found)
            return std::unexpected(found.error());
        if (*found == 0)
            return fail(ErrorCode::Validation, "coverage_id", Rule::ForeignPolicy);
    }
    if (a.startUtcMs == 0) {
        auto start = m_time->parseLocal(a.startLocal);
        if (!start)
            return std::unexpected(start.error());
        a.startUtcMs = *start;
    }
    a.startLocal = m_time->toLocal(a.startUtcMs).text();
    for (auto* text : {&a.reason, &a.note})
        if (*text && trimmed(**text).empty())
            text->reset();
    return {};
}

Status AppointmentStore::write(const Appointment& a, const std::optional<Appointment>& before, AuditAction)
{
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    const auto& row = appointmentRow();
    if (!before)
        return m_session.journal().writeRow(row.table(), a.id, row.fields(a), true, *hlc);
    const auto changed = changedFields(row.fields(*before), row.fields(a));
    if (changed.empty())
        return {};
    return m_session.journal().writeRow(row.table(), a.id, changed, false, *hlc);
}

Result<Appointment> AppointmentStore::book(Appointment a, const BookingOptions& options)
{
    if (Status perm = m_session.require(Permission::ScheduleWrite); !perm)
        return std::unexpected(perm.error());
    a.status = AppointmentStatus::Scheduled;
    if (Status v = validate(a); !v)
        return std::unexpected(v.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto checked = check(a, options.ignoreAppointmentId);
    if (!checked)
        return std::unexpected(checked.error());
    if (Status s = admit(*checked, options, a.overbooked); !s)
        return std::unexpected(s.error());
    a.id = m_session.newId();
    if (Status s = write(a, std::nullopt, AuditAction::Create); !s)
        return std::unexpected(s.error());
    if (a.overbooked) {
        // The override is its own audit event, naming what the appointment was booked over.
        std::string over;
        for (const ScheduleConflict& c : checked->conflicts)
            over.append(over.empty() ? "overbooked over " : ", ").append(c.kind + " " + c.appointmentId);
        if (Status s = m_session.journal().audit(AuditAction::Create, "appointment", a.id, over); !s)
            return std::unexpected(s.error());
    }
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return a;
}

Result<Appointment> AppointmentStore::reschedule(const std::string& id, const std::function<void(Appointment&)>& edit,
                                                 const BookingOptions& options)
{
    if (Status perm = m_session.require(Permission::ScheduleWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto before = get(id);
    if (!before)
        return std::unexpected(before.error());
    if (!occupiesSlot(before->status) || before->status == AppointmentStatus::CheckedOut)
        return fail(ErrorCode::Conflict, "status", Rule::StatusTransition,
                    {{"from", std::string(appointmentStatusName(before->status))}});
    Appointment a = *before;
    edit(a);
    a.startLocal.clear();
    if (Status v = validate(a); !v)
        return std::unexpected(v.error());
    auto checked = check(a, id);
    if (!checked)
        return std::unexpected(checked.error());
    if (Status s = admit(*checked, options, a.overbooked); !s)
        return std::unexpected(s.error());
    if (Status s = write(a, *before, AuditAction::Update); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return a;
}

Result<Appointment> AppointmentStore::move(const std::string& id, std::int64_t newStartUtcMs,
                                           std::optional<std::string> providerId, std::optional<std::string> roomId,
                                           const BookingOptions& options)
{
    return reschedule(
        id,
        [&](Appointment& a) {
            a.startUtcMs = newStartUtcMs;
            if (providerId)
                a.providerId = *providerId;
            if (roomId)
                a.roomId = roomId->empty() ? std::nullopt : roomId;
        },
        options);
}

Result<Appointment> AppointmentStore::resize(const std::string& id, int minutes, const BookingOptions& options)
{
    if (minutes < 5 || minutes > kMaxMinutes)
        return fail(ErrorCode::Validation, "minutes", Rule::Range, {{"min", "5"}, {"max", "720"}});
    return reschedule(
        id, [&](Appointment& a) { a.minutes = minutes; }, options);
}

Status AppointmentStore::updateDetails(const std::string& id, const std::optional<std::string>& reason,
                                       const std::optional<std::string>& note,
                                       const std::optional<std::string>& coverageId)
{
    auto r = reschedule(
        id,
        [&](Appointment& a) {
            a.reason = reason;
            a.note = note;
            a.coverageId = coverageId;
        },
        BookingOptions{true, true, std::nullopt});
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<Appointment> AppointmentStore::setStatus(const std::string& id, AppointmentStatus status)
{
    if (Status perm = m_session.require(Permission::ScheduleWrite); !perm)
        return std::unexpected(perm.error());
    if (status == AppointmentStatus::Cancelled)
        return fail(ErrorCode::Validation, "status", Rule::UseCancel);
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto before = get(id);
    if (!before)
        return std::unexpected(before.error());
    if (!canTransition(before->status, status))
        return fail(ErrorCode::Conflict, "status", Rule::StatusTransition,
                    {{"from", std::string(appointmentStatusName(before->status))},
                     {"to", std::string(appointmentStatusName(status))}});
    Appointment a = *before;
    a.status = status;
    const std::int64_t now = m_session.clock().nowMs();
    switch (status) {
    case AppointmentStatus::Scheduled:
        a.confirmedAtMs.reset();
        break;
    case AppointmentStatus::Confirmed:
        if (before->status == AppointmentStatus::Arrived)
            a.arrivedAtMs.reset(); // an undone check-in
        else
            a.confirmedAtMs = now;
        break;
    case AppointmentStatus::Arrived:
        a.arrivedAtMs = now;
        a.noShowAtMs.reset();
        break;
    case AppointmentStatus::InRoom:
        a.inRoomAtMs = now;
        break;
    case AppointmentStatus::WithProvider:
        a.withProviderAtMs = now;
        break;
    case AppointmentStatus::CheckedOut:
        a.checkedOutAtMs = now;
        break;
    case AppointmentStatus::NoShow:
        a.noShowAtMs = now;
        break;
    case AppointmentStatus::Cancelled:
        break;
    }
    if (status == AppointmentStatus::Arrived && before->status == AppointmentStatus::NoShow) {
        // A late arrival takes the slot back: it must still be free.
        auto checked = check(a, id);
        if (!checked)
            return std::unexpected(checked.error());
        if (!checked->conflicts.empty())
            return std::unexpected(clashError(checked->conflicts.front()));
    }
    if (Status s = write(a, *before, AuditAction::Update); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return a;
}

Result<Appointment> AppointmentStore::markNoShow(const std::string& id)
{
    return setStatus(id, AppointmentStatus::NoShow);
}

Result<CancelOutcome> AppointmentStore::cancel(const std::string& id, const std::string& reason, const std::string& by)
{
    if (Status perm = m_session.require(Permission::ScheduleWrite); !perm)
        return std::unexpected(perm.error());
    if (trimmed(reason).empty())
        return fail(ErrorCode::Validation, "reason", Rule::Required);
    if (by != "patient" && by != "clinic")
        return fail(ErrorCode::Validation, "cancelled_by", Rule::Choice, {{"allowed", "patient,clinic"}});
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto before = get(id);
    if (!before)
        return std::unexpected(before.error());
    if (!canTransition(before->status, AppointmentStatus::Cancelled))
        return fail(ErrorCode::Conflict, "status", Rule::StatusTransition,
                    {{"from", std::string(appointmentStatusName(before->status))}, {"to", "cancelled"}});
    Appointment a = *before;
    a.status = AppointmentStatus::Cancelled;
    a.cancelledAtMs = m_session.clock().nowMs();
    a.cancelReason = trimmed(reason);
    a.cancelledBy = by;
    if (Status s = write(a, *before, AuditAction::Update); !s)
        return std::unexpected(s.error());
    auto matches = WaitlistStore(m_session).matchesFor(a.providerId, a.typeId, a.startUtcMs, a.minutes);
    if (!matches)
        return std::unexpected(matches.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return CancelOutcome{a, std::move(*matches)};
}

Result<std::vector<AppointmentView>> AppointmentStore::between(std::int64_t fromUtc, std::int64_t toUtc,
                                                               const std::vector<std::string>& providerIds)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    std::string sql = viewSelect();
    sql.append(" WHERE a.start_utc_ms >= ? AND a.start_utc_ms < ?");
    if (!providerIds.empty()) {
        sql.append(" AND a.provider_id IN (?");
        for (std::size_t i = 1; i < providerIds.size(); ++i)
            sql.append(", ?");
        sql.append(")");
    }
    sql.append(" ORDER BY a.start_utc_ms, pr.name;");
    auto stmt = m_session.db().prepare(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, fromUtc).bind(2, toUtc);
    for (std::size_t i = 0; i < providerIds.size(); ++i)
        stmt->bind(static_cast<int>(i + 3), providerIds[i]);
    return stmt->all<AppointmentView>(readView);
}

Result<std::vector<AppointmentView>> AppointmentStore::day(const std::string& date,
                                                           const std::vector<std::string>& providerIds)
{
    if (!m_time)
        return fail(ErrorCode::NotFound, "clinic", "the clinic's time zone");
    auto bounds = m_time->dayBounds(date);
    if (!bounds)
        return std::unexpected(bounds.error());
    return between(bounds->first, bounds->second, providerIds);
}

Status auditDayView(Session& session, const std::string& date, const std::vector<std::string>& patientIds)
{
    std::string detail = "day view " + date + ":";
    for (const std::string& id : patientIds)
        detail.append(" ").append(id);
    return session.journal().audit(AuditAction::Search, "patient", "", detail);
}

Result<std::vector<AppointmentView>> AppointmentStore::dayView(const std::string& date,
                                                               const std::vector<std::string>& providerIds)
{
    auto views = day(date, providerIds);
    if (!views)
        return views;
    std::vector<std::string> patients;
    for (const AppointmentView& v : *views)
        if (std::find(patients.begin(), patients.end(), v.appointment.patientId) == patients.end())
            patients.push_back(v.appointment.patientId);
    if (Status s = auditDayView(m_session, date, patients); !s)
        return std::unexpected(s.error());
    return views;
}

Result<std::vector<AppointmentView>> AppointmentStore::range(const std::string& fromDate, const std::string& toDate,
                                                             const std::optional<std::string>& providerId)
{
    if (!m_time)
        return fail(ErrorCode::NotFound, "clinic", "the clinic's time zone");
    auto first = m_time->dayBounds(fromDate);
    auto last = m_time->dayBounds(toDate);
    if (!first)
        return std::unexpected(first.error());
    if (!last)
        return std::unexpected(last.error());
    return between(first->first, last->second,
                   providerId ? std::vector<std::string>{*providerId} : std::vector<std::string>{});
}

Result<std::vector<AppointmentView>> AppointmentStore::forPatient(const std::string& patientId)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(viewSelect() + " WHERE a.patient_id = ? ORDER BY a.start_utc_ms;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, patientId).all<AppointmentView>(readView);
}

} // namespace practica::core
