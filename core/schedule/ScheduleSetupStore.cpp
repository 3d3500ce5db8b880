#include "ScheduleSetupStore.h"

#include "core/auth/Session.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/schedule/ClinicTime.h"
#include "core/schedule/ScheduleRows.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

namespace practica::core {

namespace {

Status validateProvider(Provider& p)
{
    p.name = trimmed(p.name);
    if (p.name.empty())
        return fail(ErrorCode::Validation, "name", Rule::Required);
    if (p.npi && !isNpi(*p.npi))
        return fail(ErrorCode::Validation, "npi", Rule::Format, {{"format", "npi"}});
    if (!isColor(p.color))
        return fail(ErrorCode::Validation, "color", Rule::Format, {{"format", "color"}});
    return {};
}

Status validateType(AppointmentType& t)
{
    t.name = trimmed(t.name);
    if (t.name.empty())
        return fail(ErrorCode::Validation, "name", Rule::Required);
    if (t.defaultMinutes < 5 || t.defaultMinutes > 480 || t.defaultMinutes % 5 != 0)
        return fail(ErrorCode::Validation, "default_minutes", Rule::Range,
                    {{"min", "5"}, {"max", "480"}, {"step", "5"}});
    if (!isColor(t.color))
        return fail(ErrorCode::Validation, "color", Rule::Format, {{"format", "color"}});
    return {};
}

} // namespace

namespace {
template <class T> Result<T> createRow(Session& s, const RowBinding<T>& binding, T row)
{
    const std::string& table = binding.table();
    const std::vector<FieldValue> fields = binding.fields(row);
    Transaction tx(s.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto hlc = s.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status st = s.journal().writeRow(table, row.id, fields, true, *hlc); !st)
        return std::unexpected(st.error());
    if (Status st = tx.commit(); !st)
        return std::unexpected(st.error());
    return row;
}

Status updateRow(Session& s, const std::string& table, const std::string& id, const std::vector<FieldValue>& fields)
{
    Transaction tx(s.db());
    if (!tx.begun())
        return tx.begun();
    auto hlc = s.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status st = s.journal().writeRow(table, id, fields, false, *hlc); !st)
        return st;
    return tx.commit();
}

template <class T> Status updateRow(Session& s, const RowBinding<T>& binding, const T& row)
{
    return updateRow(s, binding.table(), row.id, binding.fields(row));
}

template <class T>
Result<std::vector<T>> listRows(Session& s, const RowBinding<T>& binding, const char* order, bool includeInactive)
{
    if (Status perm = s.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = s.db().prepare("SELECT " + binding.columns() + " FROM " + binding.table() +
                               " WHERE active = 1 OR ? ORDER BY " + order + ";");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, includeInactive ? 1 : 0);
    return stmt->template all<T>([&](const Statement& r) { return binding.read(r); });
}
} // namespace

Result<Provider> ScheduleSetupStore::addProvider(Provider p)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return std::unexpected(perm.error());
    if (Status v = validateProvider(p); !v)
        return std::unexpected(v.error());
    p.id = m_session.newId();
    return createRow(m_session, providerRow(), p);
}

Status ScheduleSetupStore::updateProvider(const Provider& provider)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return perm;
    Provider p = provider;
    if (Status v = validateProvider(p); !v)
        return v;
    return updateRow(m_session, providerRow(), p);
}

Result<std::vector<Provider>> ScheduleSetupStore::providers(bool includeInactive)
{
    return listRows(m_session, providerRow(), "name", includeInactive);
}

Result<Room> ScheduleSetupStore::addRoom(Room r)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return std::unexpected(perm.error());
    r.name = trimmed(r.name);
    if (r.name.empty())
        return fail(ErrorCode::Validation, "name", Rule::Required);
    r.id = m_session.newId();
    return createRow(m_session, roomRow(), r);
}

Status ScheduleSetupStore::updateRoom(const Room& room)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return perm;
    if (trimmed(room.name).empty())
        return fail(ErrorCode::Validation, "name", Rule::Required);
    return updateRow(m_session, roomRow(), room);
}

Result<std::vector<Room>> ScheduleSetupStore::rooms(bool includeInactive)
{
    return listRows(m_session, roomRow(), "name", includeInactive);
}

Result<AppointmentType> ScheduleSetupStore::addType(AppointmentType t)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return std::unexpected(perm.error());
    if (Status v = validateType(t); !v)
        return std::unexpected(v.error());
    t.id = m_session.newId();
    return createRow(m_session, appointmentTypeRow(), t);
}

Status ScheduleSetupStore::updateType(const AppointmentType& type)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return perm;
    AppointmentType t = type;
    if (Status v = validateType(t); !v)
        return v;
    return updateRow(m_session, appointmentTypeRow(), t);
}

Result<std::vector<AppointmentType>> ScheduleSetupStore::types(bool includeInactive)
{
    return listRows(m_session, appointmentTypeRow(), "name", includeInactive);
}

Result<AppointmentType> ScheduleSetupStore::type(const std::string& id)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    const auto& row = appointmentTypeRow();
    auto stmt = m_session.db().prepare("SELECT " + row.columns() + " FROM " + row.table() + " WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, id).one<AppointmentType>([&](const Statement& r) { return row.read(r); }, "type_id", id);
}

Status ScheduleSetupStore::setWorkingHours(const std::string& providerId, const std::vector<WorkingHours>& hours)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return perm;
    for (const WorkingHours& h : hours) {
        if (h.weekday < 1 || h.weekday > 7)
            return fail(ErrorCode::Validation, "weekday", Rule::Range, {{"min", "1"}, {"max", "7"}});
        if (h.startMinute < 0 || h.endMinute > 24 * 60 || h.startMinute >= h.endMinute)
            return fail(ErrorCode::Validation, "hours", Rule::Order, {{"after", "start"}});
    }
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    // The old template's rows are retired (status change, synced), the new ones inserted.
    auto old = m_session.db().prepare("SELECT id FROM working_hours WHERE provider_id = ? AND active = 1;");
    if (!old)
        return std::unexpected(old.error());
    auto oldIds = old->bind(1, providerId).all<std::string>([](const Statement& r) { return r.text(0); });
    if (!oldIds)
        return std::unexpected(oldIds.error());
    const auto& row = workingHoursRow();
    for (const std::string& id : *oldIds)
        if (Status st = m_session.journal().writeRow(row.table(), id, {{"active", std::string("0")}}, false, *hlc); !st)
            return st;
    for (WorkingHours h : hours) {
        h.providerId = providerId;
        h.active = true;
        if (Status st = m_session.journal().writeRow(row.table(), m_session.newId(), row.fields(h), true, *hlc); !st)
            return st;
    }
    return tx.commit();
}

Result<std::vector<WorkingHours>> ScheduleSetupStore::workingHours(const std::string& providerId)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    const auto& row = workingHoursRow();
    auto stmt = m_session.db().prepare("SELECT " + row.columns() + " FROM " + row.table() +
                                       " WHERE provider_id = ? AND active = 1 ORDER BY weekday, start_minute;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, providerId).all<WorkingHours>([&](const Statement& r) { return row.read(r); });
}

Result<ScheduleBlock> ScheduleSetupStore::addBlock(ScheduleBlock b)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return std::unexpected(perm.error());
    auto clinic = ClinicStore(m_session).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    auto time = ClinicTime::forZone(clinic->timeZone);
    if (!time)
        return std::unexpected(time.error());
    b.reason = trimmed(b.reason);
    if (b.reason.empty())
        return fail(ErrorCode::Validation, "reason", Rule::Required);
    if (b.kind != "vacation" && b.kind != "blocked")
        return fail(ErrorCode::Validation, "kind", Rule::Choice, {{"allowed", "vacation,blocked"}});
    auto start = time->parseLocal(b.startLocal);
    if (!start)
        return std::unexpected(Error{start.error().code, "start", start.error().detail, start.error().params});
    auto end = time->parseLocal(b.endLocal, RepeatedTime::Later);
    if (!end)
        return std::unexpected(Error{end.error().code, "end", end.error().detail, end.error().params});
    if (*end <= *start)
        return fail(ErrorCode::Validation, "end", Rule::Order, {{"after", "start"}});
    b.startLocal[10] = 'T';
    b.endLocal[10] = 'T';
    b.id = m_session.newId();
    b.startUtcMs = *start;
    b.endUtcMs = *end;
    b.active = true;
    return createRow(m_session, scheduleBlockRow(), b);
}

Status ScheduleSetupStore::removeBlock(const std::string& blockId)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return perm;
    return updateRow(m_session, scheduleBlockRow().table(), blockId, {{"active", std::string("0")}});
}

Result<std::vector<ScheduleBlock>> ScheduleSetupStore::blocks(const std::string& fromDate, const std::string& toDate)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    const auto& row = scheduleBlockRow();
    auto stmt = m_session.db().prepare("SELECT " + row.columns() + " FROM " + row.table() +
                                       " WHERE active = 1 AND start_local < ? AND end_local > ? ORDER BY start_local;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, ClinicTime::addDays(toDate, 1)).bind(2, fromDate);
    return stmt->all<ScheduleBlock>([&](const Statement& r) { return row.read(r); });
}

Result<ClinicHoliday> ScheduleSetupStore::addHoliday(ClinicHoliday h)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return std::unexpected(perm.error());
    h.name = trimmed(h.name);
    if (!isIsoDate(h.date))
        return fail(ErrorCode::Validation, "date", Rule::NotDate);
    if (h.name.empty())
        return fail(ErrorCode::Validation, "name", Rule::Required);
    h.id = m_session.newId();
    h.active = true;
    return createRow(m_session, clinicHolidayRow(), h);
}

Status ScheduleSetupStore::removeHoliday(const std::string& holidayId)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return perm;
    return updateRow(m_session, clinicHolidayRow().table(), holidayId, {{"active", std::string("0")}});
}

Result<std::vector<ClinicHoliday>> ScheduleSetupStore::holidays(const std::string& fromDate, const std::string& toDate)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    const auto& row = clinicHolidayRow();
    auto stmt = m_session.db().prepare("SELECT " + row.columns() + " FROM " + row.table() +
                                       " WHERE active = 1 AND date >= ? AND date <= ? ORDER BY date;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, fromDate).bind(2, toDate);
    return stmt->all<ClinicHoliday>([&](const Statement& r) { return row.read(r); });
}

} // namespace practica::core
