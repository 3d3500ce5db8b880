#include "WaitlistStore.h"

#include "core/auth/Session.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/schedule/ClinicTime.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <sstream>

namespace practica::core {

namespace {

std::string joinDays(const std::vector<int>& days)
{
    std::string out;
    for (int d : days)
        out.append(out.empty() ? "" : ",").append(std::to_string(d));
    return out;
}

std::vector<int> splitDays(const std::string& text)
{
    std::vector<int> days;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty())
            days.push_back(std::stoi(part));
    return days;
}

constexpr const char* kSelect =
    "SELECT w.id, w.patient_id, w.provider_id, w.type_id, w.weekdays, w.earliest_minute, w.latest_minute, "
    "w.until_date, w.note, w.status, p.family_name || ', ' || p.given_name FROM waitlist_entry w "
    "JOIN patient p ON p.id = w.patient_id";

WaitlistEntry readEntry(const Statement& r)
{
    WaitlistEntry e;
    e.id = r.text(0);
    e.patientId = r.text(1);
    e.providerId = r.optionalText(2);
    e.typeId = r.optionalText(3);
    e.weekdays = splitDays(r.text(4));
    e.earliestMinute = static_cast<int>(r.int64(5));
    e.latestMinute = static_cast<int>(r.int64(6));
    e.untilDate = r.text(7);
    e.note = r.optionalText(8);
    e.status = r.text(9);
    e.patientName = r.text(10);
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
    const std::vector<FieldValue> fields = {{"patient_id", e.patientId},
                                            {"provider_id", e.providerId},
                                            {"type_id", e.typeId},
                                            {"weekdays", joinDays(e.weekdays)},
                                            {"earliest_minute", std::to_string(e.earliestMinute)},
                                            {"latest_minute", std::to_string(e.latestMinute)},
                                            {"until_date", e.untilDate},
                                            {"note", e.note},
                                            {"status", e.status},
                                            {"created_ms", std::to_string(m_session.clock().nowMs())}};
    if (Status s = m_session.journal().writeRow("waitlist_entry", e.id, fields, true, *hlc); !s)
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
    if (Status s = m_session.journal().writeRow("waitlist_entry", id, {{"status", status}}, false, *hlc); !s)
        return s;
    return tx.commit();
}

Result<std::vector<WaitlistEntry>> WaitlistStore::waiting()
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(std::string(kSelect) + " WHERE w.status = 'waiting' ORDER BY w.created_ms;");
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
