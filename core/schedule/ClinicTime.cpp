#include "ClinicTime.h"

#include "core/util/Validators.h"

#include <cstdio>
#include <date/date.h>
#include <date/tz.h>

namespace practica::core {

namespace {

using Ms = std::chrono::milliseconds;

date::local_days localDay(const std::string& iso)
{
    const int y = std::stoi(iso.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(iso.substr(5, 2)));
    const unsigned d = static_cast<unsigned>(std::stoi(iso.substr(8, 2)));
    return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

std::string isoOf(date::sys_days day)
{
    return date::format("%F", day);
}

} // namespace

std::string LocalDateTime::text() const
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    return date + "T" + buf;
}

Result<ClinicTime> ClinicTime::forZone(const std::string& ianaName)
{
    try {
        return ClinicTime(date::locate_zone(ianaName), ianaName);
    } catch (const std::exception&) {
        return fail(ErrorCode::Validation, "time_zone", Rule::Format, {{"format", "time_zone"}, {"value", ianaName}});
    }
}

Result<std::int64_t> ClinicTime::toUtc(const std::string& day, int minuteOfDay, RepeatedTime choice) const
{
    if (!isIsoDate(day))
        return fail(ErrorCode::Validation, "date", Rule::NotDate);
    if (minuteOfDay < 0 || minuteOfDay >= 24 * 60)
        return fail(ErrorCode::Validation, "time", Rule::NotTime);
    const date::local_time<Ms> local = localDay(day) + std::chrono::minutes(minuteOfDay);
    const auto info = m_zone->get_info(date::floor<std::chrono::seconds>(local));
    switch (info.result) {
    case date::local_info::unique:
        return (local - info.first.offset).time_since_epoch().count();
    case date::local_info::nonexistent:
        return fail(ErrorCode::Validation, "time", Rule::NonexistentTime);
    case date::local_info::ambiguous: {
        const auto& offset = choice == RepeatedTime::Earlier ? info.first.offset : info.second.offset;
        return (local - offset).time_since_epoch().count();
    }
    }
    return fail(ErrorCode::Internal, "time", "time zone lookup");
}

Result<std::int64_t> ClinicTime::parseLocal(const std::string& text, RepeatedTime choice) const
{
    if (text.size() != 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':')
        return fail(ErrorCode::Validation, "time", Rule::NotDateTime);
    int hour = 0, minute = 0;
    if (std::sscanf(text.c_str() + 11, "%2d:%2d", &hour, &minute) != 2 || hour > 23 || minute > 59)
        return fail(ErrorCode::Validation, "time", Rule::NotTime);
    return toUtc(text.substr(0, 10), hour * 60 + minute, choice);
}

LocalDateTime ClinicTime::toLocal(std::int64_t utcMs) const
{
    const date::sys_time<Ms> instant{Ms(utcMs)};
    const auto info = m_zone->get_info(date::floor<std::chrono::seconds>(instant));
    const auto local = instant + info.offset;
    const auto day = date::floor<date::days>(local);
    LocalDateTime out;
    out.date = isoOf(day);
    out.minuteOfDay = static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count());
    out.weekday = static_cast<int>(date::weekday{day}.iso_encoding());
    out.utcOffsetMinutes = static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
    return out;
}

bool ClinicTime::isRepeated(const std::string& day, int minuteOfDay) const
{
    if (!isIsoDate(day))
        return false;
    const date::local_seconds local = localDay(day) + std::chrono::minutes(minuteOfDay);
    return m_zone->get_info(local).result == date::local_info::ambiguous;
}

Result<std::pair<std::int64_t, std::int64_t>> ClinicTime::dayBounds(const std::string& day) const
{
    if (!isIsoDate(day))
        return fail(ErrorCode::Validation, "date", Rule::NotDate);
    // Midnight exists in every zone the clinic can pick except a few that jump at 00:00; take the first
    // instant of the day in those (the end of the gap).
    auto start = [&](const std::string& d) -> std::int64_t {
        const date::local_seconds local = localDay(d);
        const auto info = m_zone->get_info(local);
        if (info.result == date::local_info::nonexistent)
            return date::sys_seconds(info.second.begin).time_since_epoch().count() * 1000;
        return (date::local_time<Ms>(local) - info.first.offset).time_since_epoch().count();
    };
    return std::pair{start(day), start(addDays(day, 1))};
}

std::string ClinicTime::addDays(const std::string& day, int days)
{
    return isoOf(date::sys_days{(localDay(day) + date::days{days}).time_since_epoch()});
}

int ClinicTime::weekdayOf(const std::string& day)
{
    return static_cast<int>(date::weekday{localDay(day)}.iso_encoding());
}

} // namespace practica::core
