#include "ScheduleDay.h"

#include "ScheduleText.h"
#include "app/gui/common/UiText.h"
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ClinicTime.h"
#include "core/schedule/ScheduleSetupStore.h"

#include <QCoreApplication>
#include <algorithm>
#include <map>

namespace practica::app {

namespace {

// Minutes of `date` covered by a block from startLocal to endLocal (clipped to the day).
std::optional<std::pair<int, int>> blockOnDay(const core::ScheduleBlock& b, const std::string& date)
{
    const std::string from = ScheduleText::dateOf(b.startLocal);
    const std::string to = ScheduleText::dateOf(b.endLocal);
    if (from > date || to < date)
        return std::nullopt;
    const int start = from < date ? 0 : ScheduleText::minuteOf(b.startLocal);
    const int end = to > date ? 24 * 60 : ScheduleText::minuteOf(b.endLocal);
    if (end <= start)
        return std::nullopt;
    return std::pair{start, end};
}

void addHours(ScheduleColumn& column, const std::vector<core::WorkingHours>& hours, int weekday)
{
    for (const auto& h : hours) {
        if (h.weekday != weekday)
            continue;
        if (h.isBreak)
            column.shades.push_back(
                {h.startMinute, h.endMinute, QCoreApplication::translate("ScheduleDay", "Break"), true});
        else
            column.working.emplace_back(h.startMinute, h.endMinute);
    }
}

void addBlocks(ScheduleColumn& column, const std::vector<core::ScheduleBlock>& blocks)
{
    for (const auto& b : blocks) {
        if (b.providerId && (!column.providerId || *b.providerId != *column.providerId))
            continue;
        if (auto span = blockOnDay(b, column.date)) {
            QString label = qs(b.reason);
            if (label.isEmpty())
                label = b.kind == "vacation" ? QCoreApplication::translate("ScheduleDay", "Vacation")
                                             : QCoreApplication::translate("ScheduleDay", "Blocked");
            column.shades.push_back({span->first, span->second, label, false});
        }
    }
}

// Side-by-side lanes for appointments that overlap in one column (overbooked ones).
void assignLanes(std::vector<ScheduleItem>& items)
{
    std::map<int, std::vector<ScheduleItem*>> byColumn;
    for (auto& item : items)
        byColumn[item.column].push_back(&item);
    for (auto& [column, list] : byColumn) {
        std::sort(list.begin(), list.end(), [](const ScheduleItem* a, const ScheduleItem* b) {
            return a->startMinute != b->startMinute ? a->startMinute < b->startMinute : a->minutes > b->minutes;
        });
        std::size_t clusterStart = 0;
        int clusterEnd = -1;
        std::vector<int> laneEnds;
        auto closeCluster = [&](std::size_t end) {
            const int lanes = std::max<int>(1, static_cast<int>(laneEnds.size()));
            for (std::size_t i = clusterStart; i < end; ++i)
                list[i]->lanes = lanes;
        };
        for (std::size_t i = 0; i < list.size(); ++i) {
            ScheduleItem* item = list[i];
            if (item->startMinute >= clusterEnd) {
                closeCluster(i);
                clusterStart = i;
                laneEnds.clear();
            }
            int lane = 0;
            while (lane < static_cast<int>(laneEnds.size()) &&
                   laneEnds[static_cast<std::size_t>(lane)] > item->startMinute)
                ++lane;
            if (lane == static_cast<int>(laneEnds.size()))
                laneEnds.push_back(0);
            laneEnds[static_cast<std::size_t>(lane)] = item->startMinute + item->minutes;
            item->lane = lane;
            clusterEnd = std::max(clusterEnd, item->startMinute + item->minutes);
        }
        closeCluster(list.size());
    }
}

} // namespace

const core::Provider* ScheduleSetup::provider(const std::string& id) const
{
    for (const auto& p : providers)
        if (p.id == id)
            return &p;
    return nullptr;
}

const core::Room* ScheduleSetup::room(const std::string& id) const
{
    for (const auto& r : rooms)
        if (r.id == id)
            return &r;
    return nullptr;
}

const core::AppointmentType* ScheduleSetup::type(const std::string& id) const
{
    for (const auto& t : types)
        if (t.id == id)
            return &t;
    return nullptr;
}

QString ScheduleSetup::providerName(const std::optional<std::string>& id) const
{
    const core::Provider* p = id ? provider(*id) : nullptr;
    return p ? qs(p->name) : QString();
}

QString ScheduleSetup::roomName(const std::optional<std::string>& id) const
{
    const core::Room* r = id ? room(*id) : nullptr;
    return r ? qs(r->name) : QString();
}

core::Result<ScheduleSetup> ScheduleLoader::loadSetup(core::Session& session)
{
    core::ScheduleSetupStore store(session);
    ScheduleSetup setup;
    auto providers = store.providers(true);
    if (!providers)
        return std::unexpected(providers.error());
    auto rooms = store.rooms(true);
    if (!rooms)
        return std::unexpected(rooms.error());
    auto types = store.types(true);
    if (!types)
        return std::unexpected(types.error());
    setup.providers = std::move(*providers);
    setup.rooms = std::move(*rooms);
    setup.types = std::move(*types);
    return setup;
}

std::string ScheduleLoader::weekStart(const std::string& date)
{
    return core::ClinicTime::addDays(date, 1 - core::ClinicTime::weekdayOf(date));
}

core::Result<ScheduleDay> ScheduleLoader::load(core::Session& session, const ScheduleSetup& setup, ScheduleMode mode,
                                               const std::string& date, const std::string& providerId,
                                               const std::string& todayIso)
{
    core::ScheduleSetupStore setupStore(session);
    core::AppointmentStore appointments(session);
    ScheduleDay day;
    day.mode = mode;
    const std::string first = mode == ScheduleMode::ProviderWeek ? weekStart(date) : date;
    const std::string last = mode == ScheduleMode::ProviderWeek ? core::ClinicTime::addDays(first, 6) : date;
    auto blocks = setupStore.blocks(first, last);
    if (!blocks)
        return std::unexpected(blocks.error());
    auto holidays = setupStore.holidays(first, last);
    if (!holidays)
        return std::unexpected(holidays.error());
    auto holidayOn = [&](const std::string& d) {
        for (const auto& h : *holidays)
            if (h.date == d)
                return qs(h.name);
        return QString();
    };

    if (mode == ScheduleMode::ProvidersDay || mode == ScheduleMode::ProviderWeek) {
        std::vector<const core::Provider*> shown;
        for (const auto& p : setup.providers)
            if (mode == ScheduleMode::ProvidersDay ? p.active : p.id == providerId)
                shown.push_back(&p);
        for (const core::Provider* p : shown) {
            auto hours = setupStore.workingHours(p->id);
            if (!hours)
                return std::unexpected(hours.error());
            const int days = mode == ScheduleMode::ProviderWeek ? 7 : 1;
            for (int i = 0; i < days; ++i) {
                ScheduleColumn column;
                column.date = core::ClinicTime::addDays(first, i);
                column.providerId = p->id;
                column.accent = QColor(qs(p->color));
                if (mode == ScheduleMode::ProviderWeek) {
                    const QString dayName = ScheduleText::weekday(core::ClinicTime::weekdayOf(column.date));
                    column.title = dayName.left(3) + QLatin1Char(' ') + UiText::usDate(column.date).left(5);
                    column.subtitle = qs(p->name);
                } else {
                    column.title = qs(p->name);
                    column.subtitle = qs(p->credentials ? *p->credentials : p->specialty.value_or(std::string()));
                }
                addHours(column, *hours, core::ClinicTime::weekdayOf(column.date));
                addBlocks(column, *blocks);
                column.holiday = holidayOn(column.date);
                day.columns.push_back(std::move(column));
            }
        }
    } else {
        for (const auto& r : setup.rooms) {
            if (!r.active)
                continue;
            ScheduleColumn column;
            column.date = date;
            column.roomId = r.id;
            column.roomColumn = true;
            column.title = qs(r.name);
            column.accent = QColor(0x0f766e);
            column.working.emplace_back(0, 24 * 60);
            column.holiday = holidayOn(date);
            day.columns.push_back(std::move(column));
        }
        ScheduleColumn none;
        none.date = date;
        none.roomColumn = true;
        none.title = QCoreApplication::translate("ScheduleDay", "No room");
        none.accent = QColor(0x94a3b8);
        none.working.emplace_back(0, 24 * 60);
        none.holiday = holidayOn(date);
        day.columns.push_back(std::move(none));
    }

    auto views =
        mode == ScheduleMode::ProviderWeek ? appointments.range(first, last, providerId) : appointments.dayView(date);
    if (!views)
        return std::unexpected(views.error());
    for (auto& v : *views) {
        const core::Appointment& a = v.appointment;
        if (a.status == core::AppointmentStatus::Cancelled)
            continue;
        const std::string aDate = ScheduleText::dateOf(a.startLocal);
        int column = -1;
        for (std::size_t i = 0; i < day.columns.size() && column < 0; ++i) {
            const ScheduleColumn& c = day.columns[i];
            const bool match = c.roomColumn ? c.roomId == a.roomId : c.providerId == a.providerId && c.date == aDate;
            if (match)
                column = static_cast<int>(i);
        }
        if (column < 0)
            continue;
        ScheduleItem item;
        item.column = column;
        item.startMinute = ScheduleText::minuteOf(a.startLocal);
        item.minutes = std::max(5, a.minutes);
        item.age = UiText::age(v.patientBirthDate, todayIso);
        item.view = std::move(v);
        day.items.push_back(std::move(item));
    }
    assignLanes(day.items);

    // The visible hours: the working day with an hour either side, and every appointment.
    int lo = 24 * 60, hi = 0;
    for (const auto& c : day.columns)
        for (const auto& [s, e] : c.working)
            if (e - s < 24 * 60) {
                lo = std::min(lo, s);
                hi = std::max(hi, e);
            }
    for (const auto& item : day.items) {
        lo = std::min(lo, item.startMinute);
        hi = std::max(hi, item.startMinute + item.minutes);
    }
    if (lo >= hi) {
        lo = 8 * 60;
        hi = 18 * 60;
    }
    day.firstMinute = std::max(0, (lo / 60 - 1) * 60);
    day.lastMinute = std::min(24 * 60, ((hi + 59) / 60 + 1) * 60);
    return day;
}

} // namespace practica::app
