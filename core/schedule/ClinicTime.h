// Wall-clock times in the clinic's IANA time zone and the UTC instants behind them, correct across DST:
// a time in the spring gap does not exist, a time in the autumn overlap happens twice.
#pragma once

#include "core/Error.h"

#include <cstdint>
#include <string>

namespace date {
class time_zone;
}

namespace practica::core {

// Which of the two instants to take for a wall-clock time that happens twice (the autumn hour).
enum class RepeatedTime
{
    Earlier,
    Later
};

struct LocalDateTime
{
    std::string date;    // YYYY-MM-DD
    int minuteOfDay = 0; // 0..1439
    int weekday = 1;     // ISO 1 Monday .. 7 Sunday
    int utcOffsetMinutes = 0;

    std::string text() const; // "YYYY-MM-DDTHH:MM"
};

class ClinicTime
{
public:
    static Result<ClinicTime> forZone(const std::string& ianaName);

    // UTC milliseconds for a wall-clock time. Validation error "nonexistent" for a time in the spring gap;
    // for a repeated time, the choice picks one of the two instants.
    Result<std::int64_t> toUtc(const std::string& date, int minuteOfDay,
                               RepeatedTime choice = RepeatedTime::Earlier) const;
    // "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD HH:MM".
    Result<std::int64_t> parseLocal(const std::string& text, RepeatedTime choice = RepeatedTime::Earlier) const;
    LocalDateTime toLocal(std::int64_t utcMs) const;
    // Whether this wall-clock time happens twice (the repeated autumn hour).
    bool isRepeated(const std::string& date, int minuteOfDay) const;
    // UTC instants of the start of a local day and of the next one (23, 24 or 25 hours apart).
    Result<std::pair<std::int64_t, std::int64_t>> dayBounds(const std::string& date) const;
    const std::string& zoneName() const { return m_name; }

    static std::string addDays(const std::string& date, int days);
    static int weekdayOf(const std::string& date); // ISO 1..7

private:
    ClinicTime(const date::time_zone* zone, std::string name) : m_zone(zone), m_name(std::move(name)) {}
    const date::time_zone* m_zone;
    std::string m_name;
};

} // namespace practica::core
