// The demo clinic's schedule: providers, rooms, appointment types, weekly hours, federal holidays,
// vacations, and a year of appointments around today (past ones checked out, cancelled or missed; future
// ones scheduled or confirmed), recurring series and a waitlist, all written through the scheduling stores.
#pragma once

#include "core/Error.h"
#include "core/demo/DemoDice.h"
#include "core/model/Schedule.h"
#include "core/schedule/ClinicTime.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace practica::core {

class AppointmentStore;
class Session;

namespace demo {

class DemoSchedule
{
public:
    // Plans every day from six months before the clinic's today to six months after; nothing is written yet.
    DemoSchedule(const ClinicTime& time, std::int64_t nowMs, std::uint64_t seed, int appointmentsPerProviderDay);

    // Appointments the plan books when there are enough patients (each patient at most once a day).
    std::int64_t plannedAppointments() const { return static_cast<std::int64_t>(m_visitCount); }

    // Writes the setup, then the appointments day by day in transactions of about batchSize appointments,
    // calling progress(booked so far) after each; progress returning false cancels.
    Status write(Session& session, const std::vector<std::string>& patientIds, int batchSize,
                 const std::function<bool(std::int64_t)>& progress);
    // Appointments write() booked, series occurrences included.
    std::int64_t booked() const { return m_booked; }

    // A visit of the charting provider that was seen (in the past) or is being seen now: write() leaves it
    // "with provider" so that the clinician's chart starts its encounter and checks it out.
    struct SeenVisit
    {
        std::string appointmentId;
        std::string patientId;
        std::int64_t startUtcMs = 0;
        std::int64_t endUtcMs = 0;
        int type = 0; // TypeIndex
        std::optional<std::string> reason;
        bool inProgress = false; // today's, still with the provider
    };
    // The provider (index into the demo's providers) whose seen visits are left for the chart; -1 for none.
    void leaveSeenVisitsOf(int provider) { m_chartProvider = provider; }
    const std::vector<SeenVisit>& seenVisits() const { return m_seen; }
    // The providers' ids once write() made them, in the order of the demo's providers.
    const std::vector<std::string>& providerIds() const { return m_providerIds; }

private:
    struct Visit
    {
        int provider = 0;
        int startMinute = 0;
        int minutes = 15;
        int type = 0;
        int room = -1; // index into the rooms; -1 for none (telehealth)
        bool overbook = false;
    };
    struct Series
    {
        int provider = 0;
        int type = 0;
        std::string firstDate;
        int startMinute = 0;
        int everyWeeks = 1;
        int count = 4;
    };
    struct Block
    {
        int provider = -1; // -1: the whole clinic
        std::string startDate;
        int startMinute = 0;
        std::string endDate;
        int endMinute = 0;
        std::string reason;
        std::string kind = "blocked";
    };

    void planHolidays(int year);
    void planBlocks();
    void planSeries();
    void planDay(std::chrono::sys_days day);
    // The provider's bookable intervals that day: working hours minus breaks, blocks and series.
    std::vector<std::pair<int, int>> openIntervals(int provider, std::chrono::sys_days day) const;

    Status writeSetup(Session& session);
    Status writeSeries(Session& session, const std::vector<std::string>& patientIds);
    Status writeDay(Session& session, const std::string& date, const std::vector<Visit>& visits,
                    const std::vector<std::string>& patientIds, std::int64_t& booked);
    Status writeWaitlist(Session& session, const std::vector<std::string>& patientIds);
    Status advance(AppointmentStore& store, const Appointment& appointment);
    // A patient not yet booked that day, or -1.
    int pickPatient(const std::string& date, std::size_t patientCount);
    Appointment appointmentFor(const Visit& visit, const std::string& patientId, std::int64_t startUtcMs);

    const ClinicTime& m_time;
    std::int64_t m_nowMs;
    std::string m_today;
    int m_nowMinute = 0;
    Dice m_dice;
    int m_perDay;
    std::map<std::string, std::string> m_holidays; // date -> name
    std::vector<Block> m_blocks;
    std::map<std::string, std::vector<Visit>> m_days;         // date -> visits, by provider and time
    std::map<std::string, std::vector<Visit>> m_seriesVisits; // date -> reserved series occurrences
    std::vector<Series> m_series;
    std::size_t m_visitCount = 0;
    std::int64_t m_booked = 0;
    int m_chartProvider = -1;
    std::vector<SeenVisit> m_seen;

    std::vector<std::string> m_providerIds, m_roomIds, m_typeIds;
    std::map<std::string, std::vector<int>> m_patientsByDate; // patients already booked that day
};

} // namespace demo
} // namespace practica::core
