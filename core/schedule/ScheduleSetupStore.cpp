#include "ScheduleSetupStore.h"

#include "core/auth/Session.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/schedule/ClinicTime.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

namespace practica::core {

namespace {

std::vector<FieldValue> providerFields(const Provider& p)
{
    return {{"name", p.name},   {"credentials", p.credentials},  {"npi", p.npi}, {"specialty", p.specialty},
            {"color", p.color}, {"active", p.active ? "1" : "0"}};
}

std::vector<FieldValue> roomFields(const Room& r)
{
    return {{"name", r.name}, {"active", r.active ? "1" : "0"}};
}

std::vector<FieldValue> typeFields(const AppointmentType& t)
{
    return {{"name", t.name},
            {"default_minutes", std::to_string(t.defaultMinutes)},
            {"color", t.color},
            {"allow_overbook", t.allowOverbook ? "1" : "0"},
            {"default_room_id", t.defaultRoomId},
            {"active", t.active ? "1" : "0"}};
}

Provider readProvider(const Statement& s)
{
    return {s.text(0), s.text(1), s.optionalText(2), s.optionalText(3), s.optionalText(4), s.text(5), s.int64(6) != 0};
}

Room readRoom(const Statement& s)
{
    return {s.text(0), s.text(1), s.int64(2) != 0};
}

AppointmentType readType(const Statement& s)
{
    return {s.text(0),         s.text(1),      static_cast<int>(s.int64(2)), s.text(3), s.int64(4) != 0,
            s.optionalText(5), s.int64(6) != 0};
}

constexpr const char* kProviderSelect = "SELECT id, name, credentials, npi, specialty, color, active FROM provider";
constexpr const char* kRoomSelect = "SELECT id, name, active FROM room";
constexpr const char* kTypeSelect =
    "SELECT id, name, default_minutes, color, allow_overbook, default_room_id, active FROM appointment_type";

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
template <class T> Result<T> createRow(Session& s, const char* table, T row, const std::vector<FieldValue>& fields)
{
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

Status updateRow(Session& s, const char* table, const std::string& id, const std::vector<FieldValue>& fields)
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

template <class T, class Read>
Result<std::vector<T>> listRows(Session& s, const char* select, const char* order, bool includeInactive, Read read)
{
    if (Status perm = s.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = s.db().prepare(std::string(select) + " WHERE active = 1 OR ? ORDER BY " + order + ";");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, includeInactive ? 1 : 0);
    return stmt->all<T>(read);
}
} // namespace

Result<Provider> ScheduleSetupStore::addProvider(Provider p)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return std::unexpected(perm.error());
    if (Status v = validateProvider(p); !v)
        return std::unexpected(v.error());
    p.id = m_session.newId();
    return createRow(m_session, "provider", p, providerFields(p));
}

Status ScheduleSetupStore::updateProvider(const Provider& provider)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return perm;
    Provider p = provider;
    if (Status v = validateProvider(p); !v)
        return v;
    return updateRow(m_session, "provider", p.id, providerFields(p));
}

Result<std::vector<Provider>> ScheduleSetupStore::providers(bool includeInactive)
{
    return listRows<Provider>(m_session, kProviderSelect, "name", includeInactive, readProvider);
}

Result<Room> ScheduleSetupStore::addRoom(Room r)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return std::unexpected(perm.error());
    r.name = trimmed(r.name);
    if (r.name.empty())
        return fail(ErrorCode::Validation, "name", Rule::Required);
    r.id = m_session.newId();
    return createRow(m_session, "room", r, roomFields(r));
}

Status ScheduleSetupStore::updateRoom(const Room& room)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return perm;
    if (trimmed(room.name).empty())
        return fail(ErrorCode::Validation, "name", Rule::Required);
    return updateRow(m_session, "room", room.id, roomFields(room));
}

Result<std::vector<Room>> ScheduleSetupStore::rooms(bool includeInactive)
{
    return listRows<Room>(m_session, kRoomSelect, "name", includeInactive, readRoom);
}

Result<AppointmentType> ScheduleSetupStore::addType(AppointmentType t)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return std::unexpected(perm.error());
    if (Status v = validateType(t); !v)
        return std::unexpected(v.error());
    t.id = m_session.newId();
    return createRow(m_session, "appointment_type", t, typeFields(t));
}

Status ScheduleSetupStore::updateType(const AppointmentType& type)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return perm;
    AppointmentType t = type;
    if (Status v = validateType(t); !v)
        return v;
    return updateRow(m_session, "appointment_type", t.id, typeFields(t));
}

Result<std::vector<AppointmentType>> ScheduleSetupStore::types(bool includeInactive)
{
    return listRows<AppointmentType>(m_session, kTypeSelect, "name", includeInactive, readType);
}

Result<AppointmentType> ScheduleSetupStore::type(const std::string& id)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(std::string(kTypeSelect) + " WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, id).one<AppointmentType>(readType, "type_id", id);
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
    for (const std::string& id : *oldIds)
        if (Status st = m_session.journal().writeRow("working_hours", id, {{"active", std::string("0")}}, false, *hlc);
            !st)
            return st;
    for (const WorkingHours& h : hours) {
        const std::vector<FieldValue> fields = {{"provider_id", providerId},
                                                {"weekday", std::to_string(h.weekday)},
                                                {"start_minute", std::to_string(h.startMinute)},
                                                {"end_minute", std::to_string(h.endMinute)},
                                                {"is_break", h.isBreak ? "1" : "0"},
                                                {"active", std::string("1")}};
        if (Status st = m_session.journal().writeRow("working_hours", m_session.newId(), fields, true, *hlc); !st)
            return st;
    }
    return tx.commit();
}

Result<std::vector<WorkingHours>> ScheduleSetupStore::workingHours(const std::string& providerId)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare("SELECT id, provider_id, weekday, start_minute, end_minute, is_break "
                                       "FROM working_hours WHERE provider_id = ? AND active = 1 "
                                       "ORDER BY weekday, start_minute;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, providerId).all<WorkingHours>([](const Statement& r) {
        return WorkingHours{r.text(0),
                            r.text(1),
                            static_cast<int>(r.int64(2)),
                            static_cast<int>(r.int64(3)),
                            static_cast<int>(r.int64(4)),
                            r.int64(5) != 0};
    });
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
    return createRow(m_session, "schedule_block", b,
                     {{"provider_id", b.providerId},
                      {"start_local", b.startLocal},
                      {"end_local", b.endLocal},
                      {"start_utc_ms", std::to_string(*start)},
                      {"end_utc_ms", std::to_string(*end)},
                      {"reason", b.reason},
                      {"kind", b.kind},
                      {"active", std::string("1")}});
}

Status ScheduleSetupStore::removeBlock(const std::string& blockId)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return perm;
    return updateRow(m_session, "schedule_block", blockId, {{"active", std::string("0")}});
}

Result<std::vector<ScheduleBlock>> ScheduleSetupStore::blocks(const std::string& fromDate, const std::string& toDate)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare("SELECT id, provider_id, start_local, end_local, reason, kind FROM "
                                       "schedule_block WHERE active = 1 AND start_local < ? AND end_local > ? "
                                       "ORDER BY start_local;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, ClinicTime::addDays(toDate, 1)).bind(2, fromDate);
    return stmt->all<ScheduleBlock>([](const Statement& r) {
        return ScheduleBlock{r.text(0), r.optionalText(1), r.text(2), r.text(3), r.text(4), r.text(5)};
    });
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
    return createRow(m_session, "clinic_holiday", h,
                     {{"date", h.date}, {"name", h.name}, {"active", std::string("1")}});
}

Status ScheduleSetupStore::removeHoliday(const std::string& holidayId)
{
    if (Status perm = m_session.require(Permission::ScheduleSetup); !perm)
        return perm;
    return updateRow(m_session, "clinic_holiday", holidayId, {{"active", std::string("0")}});
}

Result<std::vector<ClinicHoliday>> ScheduleSetupStore::holidays(const std::string& fromDate, const std::string& toDate)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare("SELECT id, date, name FROM clinic_holiday WHERE active = 1 AND date >= ? "
                                       "AND date <= ? ORDER BY date;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, fromDate).bind(2, toDate);
    return stmt->all<ClinicHoliday>([](const Statement& r) { return ClinicHoliday{r.text(0), r.text(1), r.text(2)}; });
}

} // namespace practica::core
