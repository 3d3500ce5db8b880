// Patients waiting for an earlier or a particular appointment, and which of them fit a freed slot.
#pragma once

#include "core/Error.h"
#include "core/model/Schedule.h"

#include <cstdint>
#include <string>
#include <vector>

namespace practica::core {

class Session;

class WaitlistStore
{
public:
    explicit WaitlistStore(Session& session) : m_session(session) {}

    Result<WaitlistEntry> add(WaitlistEntry entry);
    Status setStatus(const std::string& id, const std::string& status); // "booked" or "removed"
    // Waiting entries, oldest first.
    Result<std::vector<WaitlistEntry>> waiting();
    // Waiting entries whose provider, type, weekday, time window and end date fit the slot.
    Result<std::vector<WaitlistEntry>> matchesFor(const std::string& providerId, const std::string& typeId,
                                                  std::int64_t startUtcMs, int minutes);

private:
    Session& m_session;
};

} // namespace practica::core
