#include "SlotFinder.h"

#include "core/auth/Session.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/schedule/ClinicTime.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <map>

namespace practica::core {

namespace {

struct Interval
{
    std::int64_t start;
    std::int64_t end;
};

// Removes busy intervals from free ones; both sorted by start.
std::vector<Interval> subtract(std::vector<Interval> free, std::vector<Interval> busy)
{
    std::sort(busy.begin(), busy.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
    for (const Interval& b : busy) {
        std::vector<Interval> next;
        for (const Interval& f : free) {
            if (b.end <= f.start || f.end <= b.start) {
                next.push_back(f);
                continue;
            }
            if (f.start < b.start)
                next.push_back({f.start, b.start});
            if (b.end < f.end)
                next.push_back({b.end, f.end});
        }
        free = std::move(next);
    }
    return free;
}

} // namespace

Result<std::vector<FreeSlot>> SlotFinder::find(const SlotQuery& q)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    auto clinic = ClinicStore(m_session).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    auto time = ClinicTime::forZone(clinic->timeZone);
    if (!time)
        return std::unexpected(time.error());
    ScheduleSetupStore setup(m_session);
    auto type = setup.type(q.typeId);
    if (!type)
        return fail(ErrorCode::Validation, "type_id", Rule::MissingReference, {{"references", "appointment_type"}});
    const int minutes = q.minutes.value_or(type->defaultMinutes);
    if (minutes < 5 || q.stepMinutes < 1 || q.days < 1 || q.days > 366 || q.limit < 1)
        return fail(ErrorCode::Validation, "query", Rule::Range, {{"min", "1"}});
    const std::string from = q.fromDate.empty() ? isoDateIn(m_session.clock().nowMs(), clinic->timeZone) : q.fromDate;
    if (!isIsoDate(from))
        return fail(ErrorCode::Validation, "from", Rule::NotDate);
    const std::string to = ClinicTime::addDays(from, q.days - 1);
    const std::int64_t notBefore = m_session.clock().nowMs();

    auto providers = setup.providers();
    if (!providers)
        return std::unexpected(providers.error());
    std::vector<Provider> wanted;
    for (const Provider& p : *providers)
        if (q.providerIds.empty() || std::find(q.providerIds.begin(), q.providerIds.end(), p.id) != q.providerIds.end())
            wanted.push_back(p);

    std::map<std::string, std::vector<WorkingHours>> templates;
    for (const Provider& p : wanted) {
        auto hours = setup.workingHours(p.id);
        if (!hours)
            return std::unexpected(hours.error());
        templates[p.id] = *hours;
    }
    auto holidays = setup.holidays(from, to);
    if (!holidays)
        return std::unexpected(holidays.error());
    auto range = time->dayBounds(from);
    auto rangeEnd = time->dayBounds(to);
    if (!range || !rangeEnd)
        return fail(ErrorCode::Validation, "from", Rule::NotDate);

    // Everything that takes time in the range, by provider (clinic-wide blocks under "").
    std::map<std::string, std::vector<Interval>> busy;
    auto appointments = m_session.db().prepare(
        "SELECT provider_id, start_utc_ms, end_utc_ms FROM appointment WHERE start_utc_ms >= ? AND start_utc_ms < ? "
        "AND status NOT IN ('cancelled', 'no_show');");
    if (!appointments)
        return std::unexpected(appointments.error());
    appointments->bind(1, range->first - 12 * 3'600'000).bind(2, rangeEnd->second);
    while (true) {
        auto row = appointments->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        busy[appointments->text(0)].push_back({appointments->int64(1), appointments->int64(2)});
    }
    auto blocks = m_session.db().prepare("SELECT coalesce(provider_id, ''), start_utc_ms, end_utc_ms FROM "
                                         "schedule_block WHERE active = 1 AND start_utc_ms < ? AND end_utc_ms > ?;");
    if (!blocks)
        return std::unexpected(blocks.error());
    blocks->bind(1, rangeEnd->second).bind(2, range->first);
    while (true) {
        auto row = blocks->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        busy[blocks->text(0)].push_back({blocks->int64(1), blocks->int64(2)});
    }

    std::vector<FreeSlot> found;
    for (std::string day = from; day <= to && static_cast<int>(found.size()) < q.limit;
         day = ClinicTime::addDays(day, 1)) {
        if (std::any_of(holidays->begin(), holidays->end(), [&](const ClinicHoliday& h) { return h.date == day; }))
            continue;
        const int weekday = ClinicTime::weekdayOf(day);
        if (!q.weekdays.empty() && std::find(q.weekdays.begin(), q.weekdays.end(), weekday) == q.weekdays.end())
            continue;
        std::vector<FreeSlot> today;
        for (const Provider& p : wanted) {
            std::vector<Interval> free, breaks;
            auto toUtc = [&](int minute) { return time->toUtc(day, std::min(minute, 24 * 60 - 1)); };
            for (const WorkingHours& h : templates[p.id]) {
                if (h.weekday != weekday)
                    continue;
                auto s = toUtc(h.startMinute);
                auto e = toUtc(h.endMinute);
                if (!s || !e)
                    continue; // a template edge inside a DST gap: skip that interval this day
                (h.isBreak ? breaks : free).push_back({*s, *e + (h.endMinute >= 24 * 60 ? 60'000 : 0)});
            }
            std::vector<Interval> taken = breaks;
            for (const char* key : {"", p.id.c_str()})
                if (auto it = busy.find(key); it != busy.end())
                    taken.insert(taken.end(), it->second.begin(), it->second.end());
            std::sort(free.begin(), free.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
            for (const Interval& gap : subtract(free, taken)) {
                // Starts on the grid in wall-clock minutes, inside the wanted window, fitting the length.
                const LocalDateTime first = time->toLocal(gap.start);
                // Openings that do not overlap one another: each one the length after the last, on the grid.
                const int step = ((minutes + q.stepMinutes - 1) / q.stepMinutes) * q.stepMinutes;
                int minute = ((first.minuteOfDay + q.stepMinutes - 1) / q.stepMinutes) * q.stepMinutes;
                if (first.date != day)
                    continue;
                for (; minute < q.latestMinute && minute < 24 * 60; minute += q.stepMinutes) {
                    if (minute < q.earliestMinute)
                        continue;
                    auto start = time->toUtc(day, minute);
                    if (!start || *start < gap.start)
                        continue;
                    const std::int64_t end = *start + static_cast<std::int64_t>(minutes) * 60'000;
                    if (end > gap.end)
                        break;
                    if (*start < notBefore)
                        continue;
                    today.push_back({p.id, p.name, *start, time->toLocal(*start).text(), minutes});
                    minute += step - q.stepMinutes;
                }
            }
        }
        std::sort(today.begin(), today.end(), [](const FreeSlot& a, const FreeSlot& b) {
            return a.startUtcMs != b.startUtcMs ? a.startUtcMs < b.startUtcMs : a.providerName < b.providerName;
        });
        for (FreeSlot& s : today) {
            if (static_cast<int>(found.size()) >= q.limit)
                break;
            found.push_back(std::move(s));
        }
    }
    return found;
}

} // namespace practica::core
