// What can be booked and when: providers, rooms, appointment types, weekly working hours with breaks,
// one-off blocks (vacation, blocked time) and clinic holidays. Writes need ScheduleSetup (admins);
// reads need ScheduleRead.
#pragma once

#include "core/Error.h"
#include "core/model/Schedule.h"

#include <string>
#include <vector>

namespace practica::core {

class Session;

class ScheduleSetupStore
{
public:
    explicit ScheduleSetupStore(Session& session) : m_session(session) {}

    Result<Provider> addProvider(Provider provider);
    Status updateProvider(const Provider& provider);
    Result<std::vector<Provider>> providers(bool includeInactive = false);

    Result<Room> addRoom(Room room);
    Status updateRoom(const Room& room);
    Result<std::vector<Room>> rooms(bool includeInactive = false);

    Result<AppointmentType> addType(AppointmentType type);
    Status updateType(const AppointmentType& type);
    Result<std::vector<AppointmentType>> types(bool includeInactive = false);
    Result<AppointmentType> type(const std::string& id);

    // Replaces a provider's whole weekly template (work intervals and breaks).
    Status setWorkingHours(const std::string& providerId, const std::vector<WorkingHours>& hours);
    Result<std::vector<WorkingHours>> workingHours(const std::string& providerId);

    Result<ScheduleBlock> addBlock(ScheduleBlock block);
    Status removeBlock(const std::string& blockId);
    // Blocks overlapping [fromDate, toDate] (inclusive dates), for one provider (and the clinic-wide ones).
    Result<std::vector<ScheduleBlock>> blocks(const std::string& fromDate, const std::string& toDate);

    Result<ClinicHoliday> addHoliday(ClinicHoliday holiday);
    Status removeHoliday(const std::string& holidayId);
    Result<std::vector<ClinicHoliday>> holidays(const std::string& fromDate, const std::string& toDate);

private:
    Session& m_session;
};

} // namespace practica::core
