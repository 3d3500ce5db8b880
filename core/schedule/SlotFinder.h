// Finds the next openings for an appointment type: inside working hours, outside breaks, blocks,
// holidays and existing appointments, honouring the patient's preferences.
#pragma once

#include "core/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace practica::core {

class Session;

struct SlotQuery
{
    std::string typeId;
    std::vector<std::string> providerIds; // empty: every active provider
    std::vector<int> weekdays;            // ISO weekdays wanted; empty: any
    int earliestMinute = 0;               // time of day window
    int latestMinute = 24 * 60;           // the slot must start before this
    std::string fromDate;                 // YYYY-MM-DD; empty: today in the clinic
    int days = 30;                        // how far to look
    int limit = 10;
    int stepMinutes = 5;        // the schedule grid
    std::optional<int> minutes; // length; default: the type's
};

struct FreeSlot
{
    std::string providerId;
    std::string providerName;
    std::int64_t startUtcMs = 0;
    std::string startLocal;
    int minutes = 0;
};

class SlotFinder
{
public:
    explicit SlotFinder(Session& session) : m_session(session) {}
    // The first openings in time order (ties by provider name), at most query.limit.
    Result<std::vector<FreeSlot>> find(const SlotQuery& query);

private:
    Session& m_session;
};

} // namespace practica::core
