#include "ChartReader.h"

#include "core/auth/Session.h"
#include "core/records/RecordIo.h"
#include "core/chart/ChartRows.h"
#include "core/chart/EncounterStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientRows.h"
#include "core/util/Validators.h"

#include <algorithm>

namespace practica::core {

namespace {

// Midnight UTC of a date: the time a dated entry without a time sorts by.
std::int64_t dateMs(const std::string& date)
{
    if (!isIsoDate(date))
        return 0;
    const int y = std::stoi(date.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(date.substr(5, 2)));
    const unsigned d = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
    // Days from civil (Howard Hinnant's algorithm).
    const int yy = y - (m <= 2);
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(yy - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
    return days * 86'400'000;
}

} // namespace

int ageInYears(const std::string& dateOfBirth, const std::string& onDate)
{
    if (!isIsoDate(dateOfBirth) || !isIsoDate(onDate))
        return 0;
    int age = std::stoi(onDate.substr(0, 4)) - std::stoi(dateOfBirth.substr(0, 4));
    if (onDate.substr(5) < dateOfBirth.substr(5))
        --age;
    return std::max(age, 0);
}

Result<ChartHeader> ChartReader::header(const std::string& patientId)
{
    if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    auto patient = records::loadRecord(m_session, patientRow(), patientId);
    if (!patient)
        return std::unexpected(patient.error());
    auto clinic = ClinicStore(m_session).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    auto allergies = ClinicalListStore(m_session).allergyStatus(patientId);
    if (!allergies)
        return std::unexpected(allergies.error());
    ChartHeader h;
    h.patient = std::move(*patient);
    h.ageYears = ageInYears(h.patient.dateOfBirth, isoDateIn(m_session.clock().nowMs(), clinic->timeZone));
    h.allergies = std::move(*allergies);
    return h;
}

Result<ChartSummary> ChartReader::open(const std::string& patientId)
{
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto h = header(patientId);
    if (!h)
        return std::unexpected(h.error());
    ChartSummary s;
    s.header = std::move(*h);
    ClinicalListStore lists(m_session);
    auto problems = lists.problems(patientId);
    if (!problems)
        return std::unexpected(problems.error());
    for (Problem& p : *problems)
        if (p.status == "active")
            s.activeProblems.push_back(std::move(p));
    auto meds = lists.medications(patientId);
    if (!meds)
        return std::unexpected(meds.error());
    for (Medication& m : *meds)
        if (m.status == "active")
            s.activeMedications.push_back(std::move(m));
    const auto& v = vitalSignsRow();
    auto latest =
        records::listRecords(m_session, v, "patient_id = ? AND status = 'final'", patientId, "taken_at_ms DESC LIMIT 1");
    if (!latest)
        return std::unexpected(latest.error());
    if (!latest->empty())
        s.latestVitals = latest->front();
    auto encounters =
        records::listRecords(m_session, encounterRow(), "patient_id = ?", patientId, "started_at_ms DESC LIMIT 10");
    if (!encounters)
        return std::unexpected(encounters.error());
    s.recentEncounters = std::move(*encounters);
    auto count = m_session.db().prepare("SELECT count(*) FROM encounter WHERE patient_id = ?;");
    if (!count)
        return std::unexpected(count.error());
    auto n = count->bind(1, patientId).scalar();
    if (!n)
        return std::unexpected(n.error());
    s.encounterCount = static_cast<int>(*n);
    auto unsignedNotes = records::listRecords(m_session, clinicalNoteRow(), "patient_id = ? AND signed_at IS NULL",
                                            patientId, "created_at_ms");
    if (!unsignedNotes)
        return std::unexpected(unsignedNotes.error());
    s.unsignedNotes = std::move(*unsignedNotes);
    if (Status a = m_session.journal().audit(AuditAction::Read, "chart", patientId); !a)
        return std::unexpected(a.error());
    if (Status c = tx.commit(); !c)
        return std::unexpected(c.error());
    return s;
}

Result<std::map<std::string, std::string>> ChartReader::staffNames()
{
    if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare("SELECT id, display_name FROM user_account;");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto rows = stmt->all<std::pair<std::string, std::string>>(
        [](const Statement& s) { return std::pair(s.text(0), s.text(1)); });
    if (!rows)
        return std::unexpected(rows.error());
    return std::map<std::string, std::string>(rows->begin(), rows->end());
}

Result<std::vector<TimelineEntry>> ChartReader::timeline(const std::string& patientId)
{
    if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    std::vector<TimelineEntry> out;
    // One query per record type, each through its patient index; entries are merged by time below.
    auto encounters = records::listRecords(m_session, encounterRow(), "patient_id = ?", patientId, "started_at_ms");
    auto notes = records::listRecords(m_session, clinicalNoteRow(), "patient_id = ?", patientId, "created_at_ms");
    auto vitals = records::listRecords(m_session, vitalSignsRow(), "patient_id = ?", patientId, "taken_at_ms");
    auto problems = records::listRecords(m_session, problemRow(), "patient_id = ?", patientId, "id");
    auto allergies = records::listRecords(m_session, allergyRow(), "patient_id = ?", patientId, "id");
    auto meds = records::listRecords(m_session, medicationRow(), "patient_id = ?", patientId, "id");
    auto shots = records::listRecords(m_session, immunizationRow(), "patient_id = ?", patientId, "id");
    auto labs = records::listRecords(m_session, labResultRow(), "patient_id = ?", patientId, "collected_at_ms");
    for (const Error* e : {encounters ? nullptr : &encounters.error(), notes ? nullptr : &notes.error(),
                           vitals ? nullptr : &vitals.error(), problems ? nullptr : &problems.error(),
                           allergies ? nullptr : &allergies.error(), meds ? nullptr : &meds.error(),
                           shots ? nullptr : &shots.error(), labs ? nullptr : &labs.error()})
        if (e)
            return std::unexpected(*e);
    out.reserve(encounters->size() + notes->size() + vitals->size() + labs->size() + problems->size());
    for (const Encounter& e : *encounters)
        out.push_back({e.startedAtMs, "encounter", e.id, e.visitType, e.chiefComplaint.value_or(""), false});
    for (const ClinicalNote& n : *notes)
        out.push_back({n.createdAtMs, "clinical_note", n.id, n.kind, n.signedAt.value_or(""), !n.isSigned()});
    for (const VitalSigns& v : *vitals)
        if (v.status == "final")
            out.push_back({v.takenAtMs, "vital_signs", v.id, "vitals", "", false});
    for (const Problem& p : *problems)
        out.push_back(
            {dateMs(p.onsetDate.value_or("")), "problem", p.id, p.display, p.code + " " + p.status, false, true});
    for (const Allergy& a : *allergies)
        out.push_back(
            {dateMs(a.onsetDate.value_or("")), "allergy", a.id, a.substance, a.reaction.value_or(""), false, true});
    for (const Medication& m : *meds)
        out.push_back({dateMs(m.startDate.value_or("")), "medication", m.id, m.name, m.status, false, true});
    for (const Immunization& i : *shots)
        out.push_back({dateMs(i.administeredOn), "immunization", i.id, i.vaccine, i.cvxCode, false, true});
    for (const LabResult& l : *labs)
        out.push_back({l.collectedAtMs, "lab_result", l.id, l.name, l.value + (l.unit ? " " + *l.unit : ""),
                       l.abnormalFlag && *l.abnormalFlag != "N"});
    std::stable_sort(out.begin(), out.end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.atMs > b.atMs; });
    return out;
}

} // namespace practica::core
