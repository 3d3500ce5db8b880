#include "DemoSchedule.h"

#include "core/auth/Session.h"
#include "core/db/Transaction.h"
#include "core/demo/DemoScheduleSeeds.h"
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/schedule/WaitlistStore.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace practica::core::demo {

namespace {

namespace chr = std::chrono;

constexpr int kPlanDaysEachWay = 182;
constexpr int kFullDayMinutes = 8 * 60; // 8:00-17:00 less an hour for lunch
constexpr int kGridMinutes = 5;

int isoWeekday(chr::sys_days day)
{
    return static_cast<int>(chr::weekday{day}.iso_encoding());
}

std::string localText(const std::string& date, int minute)
{
    char buf[24];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d", date.c_str(), minute / 60, minute % 60);
    return buf;
}

// Working hours: Monday to Friday 8:00-17:00 with lunch 12:00-13:00; the half-day provider works Friday
// mornings only.
std::vector<WorkingHours> weeklyTemplate(int provider)
{
    std::vector<WorkingHours> hours;
    for (int weekday = 1; weekday <= 5; ++weekday) {
        if (provider == kHalfDayProvider && weekday == 5) {
            hours.push_back({{}, {}, weekday, 8 * 60, 12 * 60, false});
            continue;
        }
        hours.push_back({{}, {}, weekday, 8 * 60, 17 * 60, false});
        hours.push_back({{}, {}, weekday, 12 * 60, 13 * 60, true});
    }
    return hours;
}

void subtract(std::vector<std::pair<int, int>>& intervals, int from, int to)
{
    std::vector<std::pair<int, int>> out;
    for (auto [a, b] : intervals) {
        if (to <= a || from >= b) {
            out.push_back({a, b});
            continue;
        }
        if (a < from)
            out.push_back({a, from});
        if (to < b)
            out.push_back({to, b});
    }
    intervals = std::move(out);
}

chr::sys_days mondayOnOrBefore(chr::sys_days day)
{
    return day - chr::days{isoWeekday(day) - 1};
}

} // namespace

DemoSchedule::DemoSchedule(const ClinicTime& time, std::int64_t nowMs, std::uint64_t seed,
                           int appointmentsPerProviderDay)
    : m_time(time), m_nowMs(nowMs), m_dice(seed ^ 0x5c4ed0e5c4ed0e5ULL),
      m_perDay(std::max(0, appointmentsPerProviderDay))
{
    const LocalDateTime now = time.toLocal(nowMs);
    m_today = now.date;
    m_nowMinute = now.minuteOfDay;
    const chr::sys_days today = parseIso(m_today);
    const chr::sys_days first = today - chr::days{kPlanDaysEachWay};
    const chr::sys_days last = today + chr::days{kPlanDaysEachWay};
    for (int year = yearOf(first); year <= yearOf(last); ++year)
        planHolidays(year);
    planBlocks();
    if (m_perDay == 0)
        return;
    planSeries();
    for (chr::sys_days day = first; day <= last; day += chr::days{1})
        planDay(day);
}

void DemoSchedule::planHolidays(int year)
{
    const chr::year y{year};
    // A Saturday holiday is observed on the Friday before, a Sunday one on the Monday after.
    auto observed = [](chr::sys_days d) {
        const int w = isoWeekday(d);
        return w == 6 ? d - chr::days{1} : w == 7 ? d + chr::days{1} : d;
    };
    auto add = [&](chr::sys_days d, const char* name) { m_holidays[isoDate(d)] = name; };
    add(observed(y / chr::January / 1), "New Year's Day");
    add(chr::sys_days{y / chr::January / chr::Monday[3]}, "Martin Luther King Jr. Day");
    add(chr::sys_days{y / chr::February / chr::Monday[3]}, "Washington's Birthday");
    add(chr::sys_days{y / chr::May / chr::Monday[chr::last]}, "Memorial Day");
    add(observed(y / chr::June / 19), "Juneteenth National Independence Day");
    add(observed(y / chr::July / 4), "Independence Day");
    add(chr::sys_days{y / chr::September / chr::Monday[1]}, "Labor Day");
    add(chr::sys_days{y / chr::October / chr::Monday[2]}, "Columbus Day");
    add(observed(y / chr::November / 11), "Veterans Day");
    add(chr::sys_days{y / chr::November / chr::Thursday[4]}, "Thanksgiving Day");
    add(observed(y / chr::December / 25), "Christmas Day");
}

void DemoSchedule::planBlocks()
{
    const chr::sys_days today = parseIso(m_today);
    // A week of vacation for everyone in the past half year, and for every other provider one ahead.
    for (int p = 0; p < kProviderCount; ++p) {
        const auto past = mondayOnOrBefore(today - chr::days{m_dice.between(21, kPlanDaysEachWay - 14)});
        m_blocks.push_back({p, isoDate(past), 0, isoDate(past + chr::days{5}), 0, "Vacation", "vacation"});
        if (p % 2 == 0) {
            const auto ahead = mondayOnOrBefore(today + chr::days{m_dice.between(28, kPlanDaysEachWay - 14)});
            m_blocks.push_back({p, isoDate(ahead), 0, isoDate(ahead + chr::days{5}), 0, "Vacation", "vacation"});
        }
    }
    auto weekdayNear = [&](int offset) {
        auto d = today + chr::days{offset};
        while (isoWeekday(d) > 5 || m_holidays.contains(isoDate(d)))
            d += chr::days{1};
        return isoDate(d);
    };
    const std::string training = weekdayNear(-m_dice.between(30, 90));
    m_blocks.push_back({-1, training, 13 * 60, training, 17 * 60, "All-staff training", "blocked"});
    const std::string meeting = weekdayNear(m_dice.between(20, 60));
    m_blocks.push_back({-1, meeting, 16 * 60, meeting, 17 * 60, "Quality improvement meeting", "blocked"});
    const std::string rounds = weekdayNear(m_dice.between(3, 14));
    m_blocks.push_back({0, rounds, 8 * 60, rounds, 10 * 60, "Hospital rounds", "blocked"});
}

std::vector<std::pair<int, int>> DemoSchedule::openIntervals(int provider, chr::sys_days day) const
{
    const int weekday = isoWeekday(day);
    const std::string date = isoDate(day);
    if (weekday > 5 || m_holidays.contains(date))
        return {};
    std::vector<std::pair<int, int>> open;
    for (const WorkingHours& h : weeklyTemplate(provider))
        if (h.weekday == weekday && !h.isBreak)
            open.push_back({h.startMinute, h.endMinute});
    for (const WorkingHours& h : weeklyTemplate(provider))
        if (h.weekday == weekday && h.isBreak)
            subtract(open, h.startMinute, h.endMinute);
    for (const Block& b : m_blocks) {
        if ((b.provider != -1 && b.provider != provider) || date < b.startDate || date > b.endDate)
            continue;
        subtract(open, date == b.startDate ? b.startMinute : 0, date == b.endDate ? b.endMinute : 24 * 60);
    }
    if (auto reserved = m_seriesVisits.find(date); reserved != m_seriesVisits.end())
        for (const Visit& v : reserved->second)
            if (v.provider == provider)
                subtract(open, v.startMinute, v.startMinute + v.minutes);
    return open;
}

void DemoSchedule::planSeries()
{
    const chr::sys_days today = parseIso(m_today);
    constexpr int kStarts[] = {8 * 60, 8 * 60 + 15, 16 * 60, 16 * 60 + 30};
    constexpr int kEvery[] = {1, 2, 2, 4};
    for (int wanted = 0; wanted < 6; ++wanted) {
        for (int attempt = 0; attempt < 10; ++attempt) {
            Series s;
            s.provider = static_cast<int>(m_dice.below(kProviderCount));
            s.type = m_dice.percent(70) ? kFollowUp : kTelehealth;
            s.everyWeeks = m_dice.pick(kEvery);
            s.count = m_dice.between(4, 8);
            s.startMinute = m_dice.pick(kStarts);
            auto first = today + chr::days{m_dice.between(2, 21)};
            while (isoWeekday(first) > 4) // Monday to Thursday: everyone works all day
                first += chr::days{1};
            s.firstDate = isoDate(first);
            const int minutes = kTypes[s.type].minutes;
            bool fits = true;
            for (int i = 0; i < s.count && fits; ++i) {
                const auto day = first + chr::days{7 * s.everyWeeks * i};
                fits = false;
                for (auto [a, b] : openIntervals(s.provider, day))
                    fits = fits || (a <= s.startMinute && s.startMinute + minutes <= b);
            }
            if (!fits)
                continue;
            for (int i = 0; i < s.count; ++i) {
                const auto day = first + chr::days{7 * s.everyWeeks * i};
                m_seriesVisits[isoDate(day)].push_back(
                    {s.provider, s.startMinute, minutes, s.type, s.type == kTelehealth ? -1 : s.provider, false});
            }
            m_series.push_back(s);
            break;
        }
    }
}

void DemoSchedule::planDay(chr::sys_days day)
{
    const std::string date = isoDate(day);
    std::vector<Visit> visits;
    std::vector<std::pair<int, int>> procedureRoomBusy;
    if (auto reserved = m_seriesVisits.find(date); reserved != m_seriesVisits.end())
        for (const Visit& v : reserved->second)
            if (v.room == kProcedureRoom)
                procedureRoomBusy.push_back({v.startMinute, v.startMinute + v.minutes});
    for (int p = 0; p < kProviderCount; ++p) {
        const auto open = openIntervals(p, day);
        int capacity = 0;
        for (auto [a, b] : open)
            capacity += b - a;
        if (capacity == 0)
            continue;
        const int target = (m_perDay * capacity + kFullDayMinutes / 2) / kFullDayMinutes;
        std::vector<int> types;
        int used = 0;
        for (int i = 0; i < target; ++i) {
            int roll = static_cast<int>(m_dice.below(100));
            int type = 0;
            while (roll >= kTypes[type].weight) {
                roll -= kTypes[type].weight;
                ++type;
            }
            if (used + kTypes[type].minutes > capacity)
                break;
            types.push_back(type);
            used += kTypes[type].minutes;
        }
        int slack = capacity - used;
        std::size_t interval = 0;
        int cursor = open.front().first;
        const std::size_t firstOfProvider = visits.size();
        for (int type : types) {
            const int minutes = kTypes[type].minutes;
            if (slack > 0 && m_dice.percent(25)) {
                const int gap = std::min(slack, kGridMinutes * m_dice.between(1, 4));
                cursor += gap;
                slack -= gap;
            }
            while (interval < open.size() && cursor + minutes > open[interval].second) {
                if (++interval < open.size())
                    cursor = std::max(cursor, open[interval].first);
            }
            if (interval == open.size())
                break;
            int room = type == kTelehealth ? -1 : p;
            if (type == kProcedure) {
                const bool busy = std::any_of(procedureRoomBusy.begin(), procedureRoomBusy.end(), [&](auto busyAt) {
                    return cursor < busyAt.second && busyAt.first < cursor + minutes;
                });
                if (!busy) {
                    room = kProcedureRoom;
                    procedureRoomBusy.push_back({cursor, cursor + minutes});
                }
            }
            visits.push_back({p, cursor, minutes, type, room, false});
            cursor += minutes;
        }
        // Now and then a sick patient is squeezed in over someone else's visit.
        if (visits.size() > firstOfProvider && m_dice.percent(25)) {
            const auto& over = visits[firstOfProvider + m_dice.below(visits.size() - firstOfProvider)];
            if (over.room != kProcedureRoom)
                visits.push_back({p, over.startMinute, kTypes[kSick].minutes, kSick, p, true});
        }
    }
    if (!visits.empty()) {
        m_visitCount += visits.size();
        m_days[date] = std::move(visits);
    }
}

Status DemoSchedule::write(Session& session, const std::vector<std::string>& patientIds, int batchSize,
                           const std::function<bool(std::int64_t)>& progress)
{
    std::optional<Transaction> tx;
    tx.emplace(session.db());
    if (!tx->begun())
        return std::unexpected(tx->begun().error());
    if (Status s = writeSetup(session); !s)
        return s;
    if (Status s = writeSeries(session, patientIds); !s)
        return s;
    if (Status s = writeWaitlist(session, patientIds); !s)
        return s;
    std::int64_t booked = 0, sinceCommit = 0;
    for (const auto& [date, visits] : m_days) {
        if (!tx) {
            tx.emplace(session.db());
            if (!tx->begun())
                return std::unexpected(tx->begun().error());
        }
        const std::int64_t before = booked;
        if (Status s = writeDay(session, date, visits, patientIds, booked); !s)
            return s;
        sinceCommit += booked - before;
        if (sinceCommit >= batchSize) {
            if (Status s = tx->commit(); !s)
                return s;
            tx.reset();
            sinceCommit = 0;
            if (progress && !progress(booked))
                return fail(ErrorCode::Conflict, "demo", Rule::Cancelled);
        }
    }
    if (tx) {
        if (Status s = tx->commit(); !s)
            return s;
    }
    m_booked += booked;
    if (progress && !progress(booked))
        return fail(ErrorCode::Conflict, "demo", Rule::Cancelled);
    return {};
}

Status DemoSchedule::writeSetup(Session& session)
{
    ScheduleSetupStore setup(session);
    for (const Room& seed : [] {
             std::vector<Room> rooms;
             for (const char* name : kRooms)
                 rooms.push_back({{}, name, true});
             return rooms;
         }()) {
        auto room = setup.addRoom(seed);
        if (!room)
            return std::unexpected(room.error());
        m_roomIds.push_back(room->id);
    }
    for (const ProviderSeed& seed : kProviders) {
        Provider p;
        p.name = seed.name;
        p.credentials = seed.credentials;
        p.npi = std::string(seed.npiBody) + luhnCheckDigit(std::string("80840") + seed.npiBody);
        p.specialty = seed.specialty;
        p.color = seed.color;
        auto added = setup.addProvider(std::move(p));
        if (!added)
            return std::unexpected(added.error());
        m_providerIds.push_back(added->id);
        if (Status s = setup.setWorkingHours(added->id, weeklyTemplate(static_cast<int>(m_providerIds.size() - 1))); !s)
            return s;
    }
    for (const TypeSeed& seed : kTypes) {
        AppointmentType t;
        t.name = seed.name;
        t.defaultMinutes = seed.minutes;
        t.color = seed.color;
        t.allowOverbook = seed.allowOverbook;
        if (&seed == &kTypes[kProcedure])
            t.defaultRoomId = m_roomIds[kProcedureRoom];
        auto added = setup.addType(std::move(t));
        if (!added)
            return std::unexpected(added.error());
        m_typeIds.push_back(added->id);
    }
    for (const auto& [date, name] : m_holidays)
        if (auto added = setup.addHoliday({{}, date, name}); !added)
            return std::unexpected(added.error());
    for (const Block& b : m_blocks) {
        ScheduleBlock block;
        if (b.provider >= 0)
            block.providerId = m_providerIds[static_cast<std::size_t>(b.provider)];
        block.startLocal = localText(b.startDate, b.startMinute);
        block.endLocal = localText(b.endDate, b.endMinute);
        block.reason = b.reason;
        block.kind = b.kind;
        if (auto added = setup.addBlock(std::move(block)); !added)
            return std::unexpected(added.error());
    }
    return {};
}

int DemoSchedule::pickPatient(const std::string& date, std::size_t patientCount)
{
    std::vector<int>& taken = m_patientsByDate[date];
    for (int attempt = 0; attempt < 40 && patientCount > taken.size(); ++attempt) {
        const int index = static_cast<int>(m_dice.below(patientCount));
        if (std::find(taken.begin(), taken.end(), index) == taken.end()) {
            taken.push_back(index);
            return index;
        }
    }
    return -1;
}

Appointment DemoSchedule::appointmentFor(const Visit& v, const std::string& patientId, std::int64_t startUtcMs)
{
    Appointment a;
    a.patientId = patientId;
    a.providerId = m_providerIds[static_cast<std::size_t>(v.provider)];
    if (v.room >= 0)
        a.roomId = m_roomIds[static_cast<std::size_t>(v.room)];
    a.typeId = m_typeIds[static_cast<std::size_t>(v.type)];
    a.startUtcMs = startUtcMs;
    a.minutes = v.minutes;
    a.reason = std::string(reasonFor(v.type, m_dice));
    return a;
}

Status DemoSchedule::writeSeries(Session& session, const std::vector<std::string>& patientIds)
{
    AppointmentStore store(session);
    for (const Series& s : m_series) {
        std::vector<std::string> dates;
        for (int i = 0; i < s.count; ++i)
            dates.push_back(isoDate(parseIso(s.firstDate) + chr::days{7 * s.everyWeeks * i}));
        int patient = -1;
        for (int attempt = 0; attempt < 40 && patient < 0 && !patientIds.empty(); ++attempt) {
            const int candidate = static_cast<int>(m_dice.below(patientIds.size()));
            if (std::none_of(dates.begin(), dates.end(), [&](const std::string& d) {
                    const auto& taken = m_patientsByDate[d];
                    return std::find(taken.begin(), taken.end(), candidate) != taken.end();
                }))
                patient = candidate;
        }
        if (patient < 0)
            continue;
        auto start = m_time.toUtc(s.firstDate, s.startMinute);
        if (!start)
            return std::unexpected(start.error());
        const Visit v{
            s.provider, s.startMinute, kTypes[s.type].minutes, s.type, s.type == kTelehealth ? -1 : s.provider, false};
        Recurrence rule;
        rule.kind = Recurrence::Kind::EveryNWeeks;
        rule.interval = s.everyWeeks;
        rule.count = s.count;
        auto series = store.bookSeries(appointmentFor(v, patientIds[static_cast<std::size_t>(patient)], *start), rule);
        if (!series)
            return std::unexpected(series.error());
        m_booked += static_cast<std::int64_t>(series->size());
        for (const std::string& d : dates)
            m_patientsByDate[d].push_back(patient);
    }
    return {};
}

Status DemoSchedule::writeDay(Session& session, const std::string& date, const std::vector<Visit>& visits,
                              const std::vector<std::string>& patientIds, std::int64_t& booked)
{
    AppointmentStore store(session);
    for (const Visit& v : visits) {
        const int patient = pickPatient(date, patientIds.size());
        if (patient < 0)
            continue;
        auto start = m_time.toUtc(date, v.startMinute);
        if (!start)
            return std::unexpected(start.error());
        BookingOptions options;
        options.overbook = v.overbook;
        auto appointment =
            store.book(appointmentFor(v, patientIds[static_cast<std::size_t>(patient)], *start), options);
        if (!appointment)
            return std::unexpected(appointment.error());
        ++booked;
        if (Status s = advance(store, *appointment); !s)
            return s;
    }
    return {};
}

// Moves an appointment along the day it had: past ones were seen, missed or cancelled; today's are at the
// stage the clock says; future ones are scheduled, confirmed or (a few) cancelled.
Status DemoSchedule::advance(AppointmentStore& store, const Appointment& a)
{
    using S = AppointmentStatus;
    auto step = [&](std::initializer_list<S> statuses) -> Status {
        for (S s : statuses)
            if (auto changed = store.setStatus(a.id, s); !changed)
                return std::unexpected(changed.error());
        return {};
    };
    auto cancel = [&](bool byPatient) -> Status {
        auto done = byPatient ? store.cancel(a.id, std::string(m_dice.pick(kPatientCancelReasons)), "patient")
                              : store.cancel(a.id, std::string(m_dice.pick(kClinicCancelReasons)), "clinic");
        if (!done)
            return std::unexpected(done.error());
        return {};
    };
    const int roll = static_cast<int>(m_dice.below(1000));
    const bool charted =
        m_chartProvider >= 0 && a.providerId == m_providerIds[static_cast<std::size_t>(m_chartProvider)];
    auto leaveForChart = [&](bool inProgress) {
        int type = 0;
        for (std::size_t i = 0; i < m_typeIds.size(); ++i)
            if (m_typeIds[i] == a.typeId)
                type = static_cast<int>(i);
        m_seen.push_back({a.id, a.patientId, a.startUtcMs, a.endUtcMs(), type, a.reason, inProgress});
    };
    if (a.endUtcMs() <= m_nowMs) {
        if (roll < 50) {
            if (auto missed = store.markNoShow(a.id); !missed)
                return std::unexpected(missed.error());
            return {};
        }
        if (roll < 110)
            return cancel(true);
        if (roll < 130)
            return cancel(false);
        if (charted) {
            leaveForChart(false);
            return roll < 700 ? step({S::Confirmed, S::Arrived, S::InRoom, S::WithProvider})
                              : step({S::Arrived, S::InRoom, S::WithProvider});
        }
        if (roll < 700)
            return step({S::Confirmed, S::Arrived, S::InRoom, S::WithProvider, S::CheckedOut});
        return step({S::Arrived, S::InRoom, S::WithProvider, S::CheckedOut});
    }
    if (a.startUtcMs <= m_nowMs) {
        if (roll < 300)
            return step({S::Confirmed, S::Arrived});
        if (roll < 600)
            return step({S::Confirmed, S::Arrived, S::InRoom});
        if (charted)
            leaveForChart(true);
        return step({S::Confirmed, S::Arrived, S::InRoom, S::WithProvider});
    }
    const bool thisWeek = a.startUtcMs - m_nowMs < 7LL * 24 * 3600 * 1000;
    if (roll < 30)
        return cancel(true);
    if (roll < (thisWeek ? 700 : 300))
        return step({S::Confirmed});
    return {};
}

Status DemoSchedule::writeWaitlist(Session& session, const std::vector<std::string>& patientIds)
{
    if (patientIds.empty())
        return {};
    WaitlistStore waitlist(session);
    constexpr std::string_view kNotes[] = {"Wants an earlier appointment", "Can come on short notice",
                                           "Needs a Spanish interpreter"};
    const chr::sys_days today = parseIso(m_today);
    std::vector<std::size_t> waiting;
    for (int i = 0; i < 12; ++i) {
        const std::size_t patient = m_dice.below(patientIds.size());
        if (std::find(waiting.begin(), waiting.end(), patient) != waiting.end())
            continue; // once on the list is enough
        waiting.push_back(patient);
        WaitlistEntry e;
        e.patientId = patientIds[patient];
        if (m_dice.percent(60))
            e.providerId = m_providerIds[m_dice.below(m_providerIds.size())];
        if (m_dice.percent(70))
            e.typeId = m_typeIds[m_dice.percent(50) ? kFollowUp : m_dice.percent(50) ? kAnnual : kNewPatient];
        if (m_dice.percent(40))
            e.weekdays = {m_dice.between(1, 3), m_dice.between(4, 5)};
        if (m_dice.percent(60))
            e.note = std::string(m_dice.pick(kNotes));
        if (m_dice.percent(50)) {
            const bool mornings = m_dice.percent(50);
            e.earliestMinute = mornings ? 8 * 60 : 13 * 60;
            e.latestMinute = mornings ? 12 * 60 : 17 * 60;
            e.note = mornings ? "Mornings only, before work" : "Afternoons only, after school";
        }
        e.untilDate = isoDate(today + chr::days{m_dice.between(14, 90)});
        if (auto added = waitlist.add(std::move(e)); !added)
            return std::unexpected(added.error());
    }
    return {};
}

} // namespace practica::core::demo
