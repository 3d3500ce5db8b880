#include "WaitlistStore.h"

#include "core/auth/Session.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/schedule/ClinicTime.h"
#include "core/schedule/ScheduleRows.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

#include <algorithm>

namespace practica::core {

namespace {

// The entry's columns and, after them, the patient's name.
std::string listSelect()
{
    const auto& row = waitlistEntryRow();
    return "SELECT " + row.columns("w") + ", p.family_name || ', ' || p.given_name FROM " + row.table() +
           " w JOIN patient p ON p.id = w.patient_id";
}

WaitlistEntry readEntry(const Statement& r)
{
    const auto& row = waitlistEntryRow();
    WaitlistEntry e = row.read(r);
    e.patientName = r.text(row.width());
    return e;
}

} // namespace

Result<WaitlistEntry> WaitlistStore::add(WaitlistEntry e)
{
    if (Status perm = m_session.require(Permission::ScheduleWrite); !perm)
        return std::unexpected(perm.error());
    if (!isIsoDate(e.untilDate))
        return fail(ErrorCode::Validation, "until_date", Rule::NotDate);
    if (e.earliestMinute < 0 || e.latestMinute > 24 * 60 || e.earliestMinute >= e.latestMinute)
        return fail(ErrorCode::Validation, "time_window", Rule::Order, {{"after", "earliest"}});
    for (int d : e.weekdays)
        if (d < 1 || d > 7)
            return fail(ErrorCode::Validation, "weekdays", Rule::Range, {{"min", "1"}, {"max", "7"}});
    auto patient = m_session.db().prepare("SELECT count(*) FROM patient WHERE id = ? AND status = 'active';");
    if (!patient)
        return std::unexpected(patient.error());
    auto found = patient->bind(1, e.patientId).scalar();
    if (!found)
        return std::unexpected(found.error()); // a database that cannot answer is not a broken rule
    if (*found == 0)
        return fail(ErrorCode::Validation, "patient_id", Rule::MissingReference, {{"references", "patient"}});
    std::sort(e.weekdays.begin(), e.weekdays.end());
    e.status = "waiting";
    if (e.note && trimmed(*e.note).empty())
        e.note.reset();
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    e.id = m_session.newId();
    e.createdMs = m_session.clock().nowMs();
    const auto& row = waitlistEntryRow();
    if (Status s = m_session.journal().writeRow(row.table(), e.id, row.fields(e), true, *hlc); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return e;
}

Status WaitlistStore::setStatus(const std::string& id, const std::string& status)
{
    if (Status perm = m_session.require(Permission::ScheduleWrite); !perm)
        return perm;
    if (status != "waiting" && status != "booked" && status != "removed")
        return fail(ErrorCode::Validation, "status", Rule::Choice, {{"allowed", "waiting,booked,removed"}});
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status s = m_session.journal().writeRow(waitlistEntryRow().table(), id, {{"status", status}}, false, *hlc); !s)
        return s;
    return tx.commit();
}

Result<std::vector<WaitlistEntry>> WaitlistStore::waiting()
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(listSelect() + " WHERE w.status = 'waiting' ORDER BY w.created_ms;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->all<WaitlistEntry>(readEntry);
}

Result<std::vector<WaitlistEntry>> WaitlistStore::matchesFor(const std::string& providerId, const std::string& typeId,
                                                             std::int64_t startUtcMs, int minutes)
{
    auto clinic = ClinicStore(m_session).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    auto time = ClinicTime::forZone(clinic->timeZone);
    if (!time)
        return std::unexpected(time.error());
    const LocalDateTime local = time->toLocal(startUtcMs);
    auto all = waiting();
    if (!all)
        return std::unexpected(all.error());
    std::vector<WaitlistEntry> out;
    for (WaitlistEntry& e : *all) {
        const bool provider = !e.providerId || *e.providerId == providerId;
        const bool type = !e.typeId || *e.typeId == typeId;
        const bool day =
            e.weekdays.empty() || std::find(e.weekdays.begin(), e.weekdays.end(), local.weekday) != e.weekdays.end();
        const bool window = e.earliestMinute <= local.minuteOfDay && local.minuteOfDay + minutes <= e.latestMinute;
        const bool current = local.date <= e.untilDate;
        if (provider && type && day && window && current)
            out.push_back(std::move(e));
    }
    return out;
}

} // namespace practica::core
