// Opening a chart: the header a clinician sees first (who the patient is, and their allergies), the
// summary and the timeline. Every opening is an audit event.
#pragma once

#include "core/Error.h"
#include "core/chart/ClinicalListStore.h"
#include "core/model/Chart.h"
#include "core/model/Patient.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace practica::core {

class Session;

struct ChartHeader
{
    Patient patient;
    int ageYears = 0;
    AllergyStatus allergies;
};

struct ChartSummary
{
    ChartHeader header;
    std::vector<Problem> activeProblems;
    std::vector<Medication> activeMedications;
    std::optional<VitalSigns> latestVitals;
    std::vector<Encounter> recentEncounters; // newest first, at most 10
    std::vector<ClinicalNote> unsignedNotes;
    int encounterCount = 0;
};

// One dated entry of the chart's history: what it is (the record type), its id, the time it happened and
// its own words (a problem's display, a lab's name and value); the front end words the rest.
struct TimelineEntry
{
    std::int64_t atMs = 0; // UTC; dates without a time count from the clinic's midnight
    std::string entity;
    std::string recordId;
    std::string label;
    std::string detail;
    bool flagged = false;  // an abnormal lab or an unsigned note
    bool dateOnly = false; // atMs is the UTC midnight of a date (a problem's onset, an immunization's day)
};

class ChartReader
{
public:
    explicit ChartReader(Session& session) : m_session(session) {}

    // The header and summary; audited as a read of the chart.
    Result<ChartSummary> open(const std::string& patientId);
    Result<ChartHeader> header(const std::string& patientId);
    // Everything dated in the chart, newest first.
    Result<std::vector<TimelineEntry>> timeline(const std::string& patientId);
    // The display names of the clinic's users by account id: who wrote and signed each note.
    Result<std::map<std::string, std::string>> staffNames();

private:
    Session& m_session;
};

int ageInYears(const std::string& dateOfBirth, const std::string& onDate);

} // namespace practica::core
