// The demo clinic's charts, written by its clinician's own session through the chart's stores: every
// patient's problems (ICD-10-CM), medications, allergies (some "no known allergies", some never asked),
// immunizations (CVX); the clinician's seen visits as encounters with vitals, signed notes from the visit
// type's templates and some labs (LOINC), a few of the latest left unsigned in the clinician's queue; and
// a few patients with years of frequent visits (hundreds of encounters). The clinician's clock is set to
// each visit's time, so that the records carry the times they would have had.
#pragma once

#include "core/Error.h"
#include "core/demo/DemoSchedule.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace practica::core {

class Session;
class ManualClock;

namespace demo {

struct ChartCounts
{
    std::int64_t encounters = 0;
    std::int64_t notes = 0;
    std::int64_t unsignedNotes = 0;
    std::int64_t vitals = 0;
    std::int64_t labs = 0;
};

class DemoChart
{
public:
    // clinician's session reads its time from clock, which the chart sets to each visit's time.
    DemoChart(Session& clinician, ManualClock& clock, std::int64_t nowMs, std::uint64_t seed, std::string providerId);

    // Each patient's lists, then the visits in time order, then the frequent visitors' histories;
    // batchDone is called after each transaction and returns false to cancel.
    Status write(const std::vector<std::string>& patientIds, const std::vector<DemoSchedule::SeenVisit>& visits,
                 const std::function<bool()>& batchDone);
    const ChartCounts& counts() const { return m_counts; }

private:
    Status writeLists(const std::string& patientId);
    Status writeVisit(const std::string& patientId, const std::optional<std::string>& appointmentId,
                      std::int64_t startMs, std::int64_t endMs, const std::string& visitType,
                      const std::optional<std::string>& reason, bool leaveOpen, bool leaveUnsigned);
    Status writeHistory(const std::string& patientId, int visits);
    Status writeLabs(const std::string& patientId, const std::optional<std::string>& encounterId, std::int64_t atMs,
                     bool anticoagulated);

    Session& m_session;
    ManualClock& m_clock;
    std::int64_t m_nowMs;
    Dice m_dice;
    std::string m_providerId;
    std::map<std::string, std::vector<std::string>> m_problemCodes; // patient id -> active problem codes
    ChartCounts m_counts;
};

} // namespace demo
} // namespace practica::core
