// What one screen of the schedule holds: its columns (providers, rooms or the days of a provider's week)
// with their working hours, breaks, blocks and holidays, and the appointments laid out in them.
#pragma once

#include "core/Error.h"
#include "core/model/Schedule.h"

#include <QColor>
#include <QString>
#include <optional>
#include <string>
#include <vector>

namespace practica::core {
class Session;
}

namespace practica::app {

enum class ScheduleMode
{
    ProvidersDay, // a column per provider
    RoomsDay,     // a column per room (and one for appointments without a room)
    ProviderWeek  // a column per day of one provider's week
};

struct ScheduleShade
{
    int startMinute = 0;
    int endMinute = 0;
    QString label;
    bool isBreak = false;
};

struct ScheduleColumn
{
    QString title;
    QString subtitle;
    QColor accent;
    std::string date;
    std::optional<std::string> providerId; // the provider this column books for (provider and week columns)
    std::optional<std::string> roomId;     // room columns; empty for the "no room" column
    bool roomColumn = false;
    std::vector<std::pair<int, int>> working; // minutes of the day the provider works (breaks are shades)
    std::vector<ScheduleShade> shades;        // breaks, blocks, vacation
    QString holiday;
};

struct ScheduleItem
{
    core::AppointmentView view;
    int column = 0;
    int startMinute = 0;
    int minutes = 15;
    int lane = 0;
    int lanes = 1;
    QString age;
};

// The setup the schedule screens choose from, loaded once per refresh.
struct ScheduleSetup
{
    std::vector<core::Provider> providers;
    std::vector<core::Room> rooms;
    std::vector<core::AppointmentType> types;

    const core::Provider* provider(const std::string& id) const;
    const core::Room* room(const std::string& id) const;
    const core::AppointmentType* type(const std::string& id) const;
    QString providerName(const std::optional<std::string>& id) const;
    QString roomName(const std::optional<std::string>& id) const;
};

struct ScheduleDay
{
    ScheduleMode mode = ScheduleMode::ProvidersDay;
    std::vector<ScheduleColumn> columns;
    std::vector<ScheduleItem> items;
    int firstMinute = 7 * 60;
    int lastMinute = 19 * 60;
};

class ScheduleLoader
{
public:
    static core::Result<ScheduleSetup> loadSetup(core::Session& session);
    // The screen for `date` (any day of the week in week mode); `providerId` picks the week's provider.
    static core::Result<ScheduleDay> load(core::Session& session, const ScheduleSetup& setup, ScheduleMode mode,
                                          const std::string& date, const std::string& providerId,
                                          const std::string& todayIso);
    // Monday of the ISO week that holds date.
    static std::string weekStart(const std::string& date);
};

} // namespace practica::app
