#include "DemoChart.h"

#include "core/auth/Session.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/EncounterStore.h"
#include "core/chart/Vitals.h"
#include "core/codes/CodeSets.h"
#include "core/db/Transaction.h"
#include "core/demo/DemoScheduleSeeds.h"
#include "core/patients/PatientStore.h"
#include "core/util/Clock.h"

#include <algorithm>
#include <cstdio>

namespace practica::core::demo {

namespace {

namespace chr = std::chrono;

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 86'400'000;
constexpr int kPatientsPerTransaction = 200;
constexpr int kVisitsPerTransaction = 200;

struct ProblemSeed
{
    const char* code;
    int percent; // of adults
    const char* medication;
    const char* dose;
    const char* frequency;
};

// Common outpatient problems and the medication each usually brings (none for a few).
constexpr ProblemSeed kProblems[] = {
    {"I10", 28, "Lisinopril", "10 mg", "once daily"},
    {"E78.5", 22, "Atorvastatin", "20 mg", "at bedtime"},
    {"E11.9", 11, "Metformin", "500 mg", "twice daily"},
    {"E66.9", 15, nullptr, nullptr, nullptr},
    {"K21.9", 9, "Omeprazole", "20 mg", "once daily"},
    {"F41.1", 8, "Sertraline", "50 mg", "once daily"},
    {"J45.909", 7, "Albuterol HFA", "2 puffs", "every 4-6 hours as needed"},
    {"E03.9", 6, "Levothyroxine", "50 mcg", "once daily"},
    {"M54.50", 8, nullptr, nullptr, nullptr},
    {"J30.9", 10, "Fluticasone nasal", "2 sprays", "once daily"},
    {"G43.909", 5, "Sumatriptan", "50 mg", "as needed"},
    {"M17.11", 4, nullptr, nullptr, nullptr},
    {"I48.91", 2, "Warfarin", "5 mg", "once daily"},
};

struct AllergySeed
{
    const char* substance;
    const char* category;
    const char* reaction;
    const char* severity;
};

constexpr AllergySeed kAllergies[] = {
    {"Penicillin", "drug", "Hives", "moderate"},
    {"Sulfonamide antibiotics", "drug_class", "Rash", "mild"},
    {"Peanut", "food", "Anaphylaxis", "severe"},
    {"Shellfish", "food", "Lip swelling", "moderate"},
    {"Latex", "environmental", "Contact dermatitis", "mild"},
    {"Codeine", "drug", "Nausea and vomiting", "mild"},
    {"Bee venom", "environmental", "Anaphylaxis", "severe"},
    {"Aspirin", "drug", "Wheezing", "moderate"},
};

struct LabSeed
{
    const char* loinc;
    double low;
    double high;
    int decimals;
};

constexpr LabSeed kMetabolic[] = {
    {"2345-7", 70, 99, 0}, {"2951-2", 135, 145, 0}, {"2823-3", 3.5, 5.1, 1}, {"2160-0", 0.6, 1.3, 2}};
constexpr LabSeed kBloodCount[] = {{"6690-2", 4.0, 11.0, 1}, {"718-7", 12.0, 16.0, 1}, {"777-3", 150, 400, 0}};
constexpr LabSeed kInr = {"6301-6", 2.0, 3.0, 1};

std::string visitTypeOf(int type)
{
    switch (type) {
    case kNewPatient:
        return "new_patient";
    case kFollowUp:
        return "follow_up";
    case kAnnual:
        return "annual_physical";
    case kSick:
        return "acute";
    case kTelehealth:
        return "telehealth";
    case kProcedure:
        return "procedure";
    default:
        return "office";
    }
}

std::string fixed(double value, int decimals)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

} // namespace

DemoChart::DemoChart(Session& clinician, ManualClock& clock, std::int64_t nowMs, std::uint64_t seed,
                     std::string providerId)
    : m_session(clinician), m_clock(clock), m_nowMs(nowMs), m_dice(seed ^ 0xc4a27c4a27c4a27ULL),
      m_providerId(std::move(providerId))
{
}

Status DemoChart::write(const std::vector<std::string>& patientIds, const std::vector<DemoSchedule::SeenVisit>& visits,
                        const std::function<bool()>& batchDone)
{
    auto inBatches = [&](std::size_t count, int perTransaction,
                         const std::function<Status(std::size_t)>& one) -> Status {
        for (std::size_t i = 0; i < count;) {
            Transaction tx(m_session.db());
            if (!tx.begun())
                return tx.begun();
            for (const std::size_t end = std::min(count, i + static_cast<std::size_t>(perTransaction)); i < end; ++i)
                if (Status s = one(i); !s)
                    return s;
            if (Status s = tx.commit(); !s)
                return s;
            if (batchDone && !batchDone())
                return fail(ErrorCode::Conflict, "demo", Rule::Cancelled);
        }
        return {};
    };
    m_clock.set(m_nowMs);
    if (Status s = inBatches(patientIds.size(), kPatientsPerTransaction,
                             [&](std::size_t i) { return writeLists(patientIds[i]); });
        !s)
        return s;
    std::vector<DemoSchedule::SeenVisit> ordered = visits;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.startUtcMs < b.startUtcMs; });
    if (Status s = inBatches(ordered.size(), kVisitsPerTransaction,
                             [&](std::size_t i) {
                                 const auto& v = ordered[i];
                                 // The latest visits' notes are still being written: some wait to be signed.
                                 const bool recent = m_nowMs - v.startUtcMs < 10 * kDayMs;
                                 return writeVisit(v.patientId, v.appointmentId, v.startUtcMs, v.endUtcMs,
                                                   visitTypeOf(v.type), v.reason, v.inProgress,
                                                   v.inProgress || (recent && m_dice.percent(15)));
                             });
        !s)
        return s;
    // A few patients seen every week or two for years (anticoagulation, diabetes and wound care).
    if (patientIds.size() >= 60 && !m_providerId.empty()) {
        const int histories[] = {320, 210, 140};
        for (std::size_t h = 0; h < std::size(histories); ++h) {
            Transaction tx(m_session.db());
            if (!tx.begun())
                return tx.begun();
            if (Status s = writeHistory(patientIds[h * 7 + 1], histories[h]); !s)
                return s;
            if (Status s = tx.commit(); !s)
                return s;
            if (batchDone && !batchDone())
                return fail(ErrorCode::Conflict, "demo", Rule::Cancelled);
        }
    }
    m_clock.set(m_nowMs);
    return {};
}

Status DemoChart::writeLists(const std::string& patientId)
{
    auto patient = PatientStore(m_session).get(patientId);
    if (!patient)
        return std::unexpected(patient.error());
    const chr::sys_days today{chr::floor<chr::days>(chr::sys_time<chr::milliseconds>(chr::milliseconds(m_nowMs)))};
    const chr::sys_days birth = parseIso(patient->dateOfBirth);
    const int age = ageOn(birth, today);
    auto pastDay = [&](int maxYearsBack) {
        const int span = std::max(1, std::min(maxYearsBack * 365, static_cast<int>((today - birth).count())));
        return isoDate(today - chr::days{m_dice.between(1, span)});
    };
    ClinicalListStore lists(m_session);
    const auto& icd = CodeSet::builtin(CodeSystem::Icd10Cm);

    // Problems and their medications: adults mostly; their number grows with age.
    std::vector<std::string>& codes = m_problemCodes[patientId];
    for (const ProblemSeed& p : kProblems) {
        const int chance = age < 18 ? (std::string_view(p.code) == "J45.909" ? 9 : 0) : p.percent * (age >= 60 ? 2 : 1);
        if (!m_dice.percent(std::min(chance, 80)))
            continue;
        auto entry = icd.find(p.code);
        if (!entry)
            continue;
        Problem problem;
        problem.patientId = patientId;
        problem.code = entry->code;
        problem.display = entry->description;
        problem.onsetDate = pastDay(15);
        if (auto saved = lists.saveProblem(std::move(problem)); !saved)
            return std::unexpected(saved.error());
        codes.push_back(p.code);
        if (!p.medication)
            continue;
        Medication m;
        m.patientId = patientId;
        m.name = p.medication;
        m.dose = p.dose;
        m.frequency = p.frequency;
        m.route = std::string_view(p.medication).find("nasal") != std::string_view::npos ? "nasal"
                  : std::string_view(p.medication).find("HFA") != std::string_view::npos ? "inhaled"
                                                                                         : "oral";
        m.startDate = pastDay(10);
        m.source = m_dice.percent(70) ? "prescribed" : "reported";
        if (m.source == "prescribed" && !m_providerId.empty())
            m.prescriberId = m_providerId;
        if (auto saved = lists.saveMedication(std::move(m)); !saved)
            return std::unexpected(saved.error());
    }
    if (!codes.empty() && m_dice.percent(15)) {
        // An old problem, resolved.
        Problem resolved;
        resolved.patientId = patientId;
        resolved.code = "J06.9";
        resolved.display = icd.find("J06.9") ? icd.find("J06.9")->description : "Acute upper respiratory infection";
        resolved.onsetDate = pastDay(3);
        resolved.resolvedDate = resolved.onsetDate;
        resolved.status = "resolved";
        if (auto saved = lists.saveProblem(std::move(resolved)); !saved)
            return std::unexpected(saved.error());
    }

    // Allergies: some never asked, many none known, the rest one or two.
    const int roll = static_cast<int>(m_dice.below(100));
    if (roll >= 20 && roll < 62) {
        if (Status s = lists.recordNoKnownAllergies(patientId); !s)
            return s;
    } else if (roll >= 62) {
        const int n = m_dice.percent(25) ? 2 : 1;
        std::size_t first = m_dice.below(std::size(kAllergies));
        for (int i = 0; i < n; ++i) {
            const AllergySeed& seed = kAllergies[(first + static_cast<std::size_t>(i) * 3) % std::size(kAllergies)];
            Allergy a;
            a.patientId = patientId;
            a.substance = seed.substance;
            a.category = seed.category;
            a.reaction = seed.reaction;
            a.severity = seed.severity;
            if (auto saved = lists.saveAllergy(std::move(a)); !saved)
                return std::unexpected(saved.error());
        }
    }

    // Immunizations: a season's influenza for most, and what the age calls for.
    const auto& cvx = CodeSet::builtin(CodeSystem::Cvx);
    std::vector<const char*> shots;
    if (m_dice.percent(65))
        shots.push_back("150");
    if (age < 18)
        shots.insert(shots.end(), {"03", "21", "83"});
    else if (m_dice.percent(40))
        shots.push_back("115");
    if (age >= 65)
        shots.insert(shots.end(), {"33", "187"});
    if (age >= 19 && age < 60 && m_dice.percent(20))
        shots.push_back("43");
    for (const char* code : shots) {
        auto entry = cvx.find(code);
        if (!entry)
            continue;
        Immunization i;
        i.patientId = patientId;
        i.cvxCode = entry->code;
        i.vaccine = entry->description;
        i.administeredOn = std::string_view(code) == "150" ? isoDate(today - chr::days{m_dice.between(10, 120)})
                                                           : pastDay(age < 18 ? 17 : 8);
        i.lotNumber = std::string(1, m_dice.letter()) + m_dice.digits(5);
        i.route = "im";
        i.site = m_dice.percent(50) ? "left_deltoid" : "right_deltoid";
        if (auto saved = lists.saveImmunization(std::move(i)); !saved)
            return std::unexpected(saved.error());
    }
    return {};
}

Status DemoChart::writeVisit(const std::string& patientId, const std::optional<std::string>& appointmentId,
                             std::int64_t startMs, std::int64_t endMs, const std::string& visitType,
                             const std::optional<std::string>& reason, bool leaveOpen, bool leaveUnsigned)
{
    EncounterStore encounters(m_session);
    NoteStore notes(m_session);
    ClinicalListStore lists(m_session);
    m_clock.set(startMs + 2 * kMinuteMs);
    auto encounter = appointmentId ? encounters.startFromAppointment(*appointmentId, visitType)
                                   : encounters.startWalkIn(patientId, m_providerId, visitType, reason);
    if (!encounter)
        return std::unexpected(encounter.error());
    ++m_counts.encounters;

    const auto& codes = m_problemCodes[patientId];
    const bool hypertensive = std::find(codes.begin(), codes.end(), "I10") != codes.end();
    if (visitType != "telehealth") {
        m_clock.set(startMs + 4 * kMinuteMs);
        VitalSigns v;
        v.patientId = patientId;
        v.encounterId = encounter->id;
        v.heightMm = 1500 + static_cast<int>(m_dice.below(400));
        v.weightG = 50'000 + static_cast<int>(m_dice.below(60'000));
        v.systolic = hypertensive && m_dice.percent(35) ? m_dice.between(142, 168) : m_dice.between(104, 134);
        v.diastolic = *v.systolic > 140 ? m_dice.between(88, 100) : m_dice.between(62, 84);
        v.pulse = m_dice.percent(3) ? m_dice.between(104, 118) : m_dice.between(58, 96);
        v.temperatureDeciC =
            visitType == "acute" && m_dice.percent(30) ? m_dice.between(381, 392) : m_dice.between(362, 374);
        v.respiratoryRate = m_dice.between(12, 18);
        v.spo2 = m_dice.percent(2) ? m_dice.between(89, 92) : m_dice.between(95, 100);
        if (m_dice.percent(25))
            v.pain = m_dice.between(1, 7);
        if (auto saved = lists.saveVitals(std::move(v)); !saved)
            return std::unexpected(saved.error());
        ++m_counts.vitals;
    }
    if (m_dice.percent(visitType == "annual_physical" ? 80 : 12))
        if (Status s = writeLabs(patientId, encounter->id, startMs + 20 * kMinuteMs, false); !s)
            return s;

    m_clock.set(startMs + 10 * kMinuteMs);
    auto note = notes.startNote(encounter->id);
    if (!note)
        return std::unexpected(note.error());
    ++m_counts.notes;
    if (leaveUnsigned) {
        ++m_counts.unsignedNotes;
    } else {
        m_clock.set(std::max(endMs, startMs + 15 * kMinuteMs));
        if (auto signedNote = notes.sign(note->id); !signedNote)
            return std::unexpected(signedNote.error());
    }
    if (leaveOpen)
        return {};
    m_clock.set(std::max(endMs, startMs + 16 * kMinuteMs));
    return encounters.close(encounter->id);
}

Status DemoChart::writeLabs(const std::string& patientId, const std::optional<std::string>& encounterId,
                            std::int64_t atMs, bool anticoagulated)
{
    const auto& loinc = CodeSet::builtin(CodeSystem::Loinc);
    std::vector<LabSeed> panel;
    if (anticoagulated)
        panel.push_back(kInr);
    else if (m_dice.percent(60))
        panel.assign(std::begin(kMetabolic), std::end(kMetabolic));
    else
        panel.assign(std::begin(kBloodCount), std::end(kBloodCount));
    const std::string accession = "DL" + m_dice.digits(8);
    std::vector<LabResult> results;
    for (const LabSeed& seed : panel) {
        auto entry = loinc.find(seed.loinc);
        const double span = seed.high - seed.low;
        // Mostly within range; one in ten a little outside it.
        const int roll = static_cast<int>(m_dice.below(100));
        double value = seed.low + span * static_cast<double>(m_dice.below(1000)) / 1000.0;
        if (roll < 5)
            value = seed.low - span * 0.2;
        else if (roll < 10)
            value = seed.high + span * 0.3;
        LabResult r;
        r.patientId = patientId;
        r.encounterId = encounterId;
        r.loincCode = seed.loinc;
        r.name = entry ? entry->description : seed.loinc;
        r.value = fixed(value, seed.decimals);
        if (entry && !entry->unit.empty())
            r.unit = entry->unit;
        r.referenceRange = fixed(seed.low, seed.decimals) + "-" + fixed(seed.high, seed.decimals);
        r.abnormalFlag = roll < 5 ? "L" : roll < 10 ? "H" : "N";
        r.collectedAtMs = atMs;
        r.accession = accession;
        r.source = "Riverbend Diagnostic Lab";
        results.push_back(std::move(r));
    }
    auto saved = ClinicalListStore(m_session).saveLabResults(std::move(results));
    if (!saved)
        return std::unexpected(saved.error());
    m_counts.labs += static_cast<std::int64_t>(saved->size());
    return {};
}

Status DemoChart::writeHistory(const std::string& patientId, int visits)
{
    const auto& codes = m_problemCodes[patientId];
    const bool anticoagulated = std::find(codes.begin(), codes.end(), "I48.91") != codes.end() || visits > 300;
    // Weekly or fortnightly, back from last week, at 10:30 clinic time (15:30 UTC, close enough either side of DST).
    const std::int64_t lastDay = (m_nowMs / kDayMs - 7) * kDayMs;
    std::vector<std::int64_t> starts;
    std::int64_t day = lastDay;
    for (int i = 0; i < visits; ++i) {
        starts.push_back(day + 15 * 60 * kMinuteMs + 30 * kMinuteMs);
        day -= (m_dice.percent(70) ? 7 : 14) * kDayMs;
    }
    std::reverse(starts.begin(), starts.end());
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::int64_t start = starts[i];
        if (Status s =
                writeVisit(patientId, std::nullopt, start, start + 15 * kMinuteMs, "follow_up",
                           anticoagulated ? std::optional<std::string>("INR check") : std::nullopt, false, false);
            !s)
            return s;
        if (anticoagulated || i % 4 == 0)
            if (Status s = writeLabs(patientId, std::nullopt, start + 5 * kMinuteMs, anticoagulated); !s)
                return s;
    }
    return {};
}

} // namespace practica::core::demo
