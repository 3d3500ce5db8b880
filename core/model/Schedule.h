// The clinic's schedule: who and what can be booked, when they work, and the appointments themselves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace practica::core {

struct Provider
{
    std::string id;
    std::string name;                       // "Samuel Okafor"
    std::optional<std::string> credentials; // "MD", "NP"
    std::optional<std::string> npi;         // individual (type 1) NPI
    std::optional<std::string> specialty;
    std::string color = "#2a9d8f"; // #rrggbb, the provider's column accent
    bool active = true;
};

struct Room
{
    std::string id;
    std::string name;
    bool active = true;
};

struct AppointmentType
{
    std::string id;
    std::string name; // "Follow-up"
    int defaultMinutes = 15;
    std::string color = "#457b9d";
    bool allowOverbook = false; // whether a permitted user may book it over another appointment
    std::optional<std::string> defaultRoomId;
    bool active = true;
};

// One interval of a provider's weekly template. Breaks are subtracted from work intervals.
struct WorkingHours
{
    std::string id;
    std::string providerId;
    int weekday = 1;          // ISO: 1 Monday .. 7 Sunday
    int startMinute = 8 * 60; // minutes after local midnight
    int endMinute = 17 * 60;
    bool isBreak = false;
    bool active = true;
};

// A one-off exception: vacation or blocked time for a provider (or, with no provider, the whole clinic).
struct ScheduleBlock
{
    std::string id;
    std::optional<std::string> providerId;
    std::string startLocal; // "YYYY-MM-DDTHH:MM" in the clinic's time zone
    std::string endLocal;
    std::string reason;
    std::string kind = "blocked"; // "vacation" or "blocked"
    std::int64_t startUtcMs = 0;  // the local times as instants, set when the block is added
    std::int64_t endUtcMs = 0;
    bool active = true;
};

struct ClinicHoliday
{
    std::string id;
    std::string date; // YYYY-MM-DD
    std::string name;
    bool active = true;
};

enum class AppointmentStatus
{
    Scheduled,
    Confirmed,
    Arrived,
    InRoom,
    WithProvider,
    CheckedOut,
    Cancelled,
    NoShow
};

std::string appointmentStatusName(AppointmentStatus status); // "scheduled", "in_room", "no_show", ...
std::optional<AppointmentStatus> appointmentStatusFromName(const std::string& name);
// Whether core allows moving from one status to the other.
bool canTransition(AppointmentStatus from, AppointmentStatus to);
// Statuses that hold the slot (everything but cancelled and no-show).
bool occupiesSlot(AppointmentStatus status);

struct Appointment
{
    std::string id;
    std::string patientId;
    std::string providerId;
    std::optional<std::string> roomId;
    std::string typeId;
    std::int64_t startUtcMs = 0; // the truth; wall-clock views are derived in the clinic's time zone
    int minutes = 15;
    std::string startLocal;            // "YYYY-MM-DDTHH:MM", filled by the store
    std::optional<std::string> reason; // reason for visit
    std::optional<std::string> note;
    std::optional<std::string> coverageId; // coverage to bill
    AppointmentStatus status = AppointmentStatus::Scheduled;
    std::optional<std::int64_t> confirmedAtMs, arrivedAtMs, inRoomAtMs, withProviderAtMs, checkedOutAtMs, cancelledAtMs,
        noShowAtMs;
    std::optional<std::string> cancelReason;
    std::optional<std::string> cancelledBy; // "patient" or "clinic"
    bool overbooked = false;                // booked over another appointment by an explicit override
    std::optional<std::string> seriesId;
    std::optional<int> seriesIndex; // 0-based position in its series

    std::int64_t endUtcMs() const { return startUtcMs + static_cast<std::int64_t>(minutes) * 60'000; }
};

// A recurring series: the row its occurrences name in series_id, holding the rule they were made from as
// text ("weeks;interval=2;count=6").
struct AppointmentSeries
{
    std::string id;
    std::string rule;
};

// An appointment with what a schedule screen shows next to it.
struct AppointmentView
{
    Appointment appointment;
    std::string patientName; // "Smith, John"
    std::string patientMrn;
    std::string patientBirthDate;
    std::string typeName;
    std::string typeColor;
    std::string providerName;
    std::optional<std::string> roomName;
};

struct WaitlistEntry
{
    std::string id;
    std::string patientId;
    std::optional<std::string> providerId; // any provider when empty
    std::optional<std::string> typeId;
    std::vector<int> weekdays; // ISO weekdays wanted; empty means any day
    int earliestMinute = 0;    // preferred time of day window, minutes after midnight
    int latestMinute = 24 * 60;
    std::string untilDate; // YYYY-MM-DD, last day the entry is wanted
    std::optional<std::string> note;
    std::string status = "waiting"; // waiting, booked, removed
    std::string patientName;        // read-only, filled when listing
    std::int64_t createdMs = 0;     // when it was added, set by the store; the list is oldest first
};

} // namespace practica::core
