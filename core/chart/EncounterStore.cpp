#include "EncounterStore.h"

#include "core/auth/Session.h"
#include "core/chart/ChartReader.h"
#include "core/records/RecordIo.h"
#include "core/chart/ChartRows.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/NoteTemplates.h"
#include "core/chart/Vitals.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientRows.h"
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ScheduleRows.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <map>

namespace practica::core {

using records::listRecords;
using records::loadRecord;
using records::writeRecord;

namespace {

Result<std::string> clinicToday(Session& session)
{
    auto clinic = ClinicStore(session).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    return isoDateIn(session.clock().nowMs(), clinic->timeZone);
}

template <class T> Result<T> committed(Transaction& tx, T value)
{
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return value;
}

// What a reader without ClinicalRead may see of a visit.
Encounter forReader(const Session& session, Encounter e)
{
    if (!session.can(Permission::ClinicalRead))
        e.chiefComplaint.reset();
    return e;
}

std::string joinedOrNone(const std::vector<std::string>& items, const std::string& none)
{
    if (items.empty())
        return none;
    std::string out;
    for (const std::string& i : items)
        out.append(out.empty() ? "" : "; ").append(i);
    return out;
}

} // namespace

Result<Encounter> EncounterStore::startFromAppointment(const std::string& appointmentId, const std::string& visitType)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto existing = listRecords(m_session, encounterRow(), "appointment_id = ? AND status <> 'entered_in_error'",
                                appointmentId, "started_at_ms");
    if (!existing)
        return std::unexpected(existing.error());
    if (!existing->empty())
        return existing->front();
    auto appointment = loadRecord(m_session, appointmentRow(), appointmentId);
    if (!appointment)
        return std::unexpected(appointment.error());
    const AppointmentStatus status = appointment->status;
    if (status != AppointmentStatus::Arrived && status != AppointmentStatus::InRoom &&
        status != AppointmentStatus::WithProvider)
        return fail(ErrorCode::Conflict, "status", Rule::StatusTransition,
                    {{"from", appointmentStatusName(status)}, {"to", "with_provider"}});
    const std::int64_t now = m_session.clock().nowMs();
    if (status != AppointmentStatus::WithProvider) {
        Appointment moved = *appointment;
        moved.status = AppointmentStatus::WithProvider;
        moved.withProviderAtMs = now;
        if (Status s = writeRecord(m_session, appointmentRow(), moved.id, moved, *appointment); !s)
            return std::unexpected(s.error());
    }
    auto today = clinicToday(m_session);
    if (!today)
        return std::unexpected(today.error());
    Encounter e;
    e.id = m_session.newId();
    e.patientId = appointment->patientId;
    e.providerId = appointment->providerId;
    e.appointmentId = appointment->id;
    e.date = *today;
    e.startedAtMs = now;
    e.visitType = visitType;
    e.chiefComplaint = appointment->reason;
    if (Status s = writeRecord(m_session, encounterRow(), e.id, e, std::nullopt); !s)
        return std::unexpected(s.error());
    return committed(tx, e);
}

Result<Encounter> EncounterStore::startWalkIn(const std::string& patientId, const std::string& providerId,
                                              const std::string& visitType,
                                              const std::optional<std::string>& chiefComplaint)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    auto today = clinicToday(m_session);
    if (!today)
        return std::unexpected(today.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    Encounter e;
    e.id = m_session.newId();
    e.patientId = patientId;
    e.providerId = providerId;
    e.date = *today;
    e.startedAtMs = m_session.clock().nowMs();
    e.visitType = visitType;
    e.chiefComplaint = chiefComplaint;
    if (Status s = writeRecord(m_session, encounterRow(), e.id, e, std::nullopt); !s)
        return std::unexpected(s.error());
    return committed(tx, e);
}

Result<Encounter> EncounterStore::recordPast(Encounter e)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    if (e.id.empty())
        e.id = m_session.newId();
    e.appointmentId.reset();
    if (Status s = writeRecord(m_session, encounterRow(), e.id, e, std::nullopt); !s)
        return std::unexpected(s.error());
    return committed(tx, e);
}

Status EncounterStore::update(const Encounter& encounter)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return perm;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto before = loadRecord(m_session, encounterRow(), encounter.id);
    if (!before)
        return std::unexpected(before.error());
    if (Status s = writeRecord(m_session, encounterRow(), encounter.id, encounter, *before); !s)
        return s;
    return tx.commit();
}

Status EncounterStore::close(const std::string& encounterId)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return perm;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto before = loadRecord(m_session, encounterRow(), encounterId);
    if (!before)
        return std::unexpected(before.error());
    Encounter closed = *before;
    closed.status = "closed";
    if (Status s = writeRecord(m_session, encounterRow(), closed.id, closed, *before); !s)
        return s;
    if (before->appointmentId) {
        auto appointment = loadRecord(m_session, appointmentRow(), *before->appointmentId);
        if (!appointment)
            return std::unexpected(appointment.error());
        if (appointment->status == AppointmentStatus::WithProvider) {
            Appointment out = *appointment;
            out.status = AppointmentStatus::CheckedOut;
            out.checkedOutAtMs = m_session.clock().nowMs();
            if (Status s = writeRecord(m_session, appointmentRow(), out.id, out, *appointment); !s)
                return s;
        }
    }
    return tx.commit();
}

Result<Encounter> EncounterStore::get(const std::string& id)
{
    if (!m_session.can(Permission::ClinicalRead) && !m_session.can(Permission::BillingRead))
        if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
            return std::unexpected(perm.error());
    auto e = loadRecord(m_session, encounterRow(), id);
    if (!e)
        return std::unexpected(e.error());
    return forReader(m_session, *e);
}

Result<std::vector<Encounter>> EncounterStore::forPatient(const std::string& patientId)
{
    if (Status perm = m_session.require(Permission::PatientRead); !perm)
        return std::unexpected(perm.error());
    auto list = listRecords(m_session, encounterRow(), "patient_id = ?", patientId, "started_at_ms DESC");
    if (!list)
        return std::unexpected(list.error());
    for (Encounter& e : *list)
        e = forReader(m_session, std::move(e));
    return list;
}

Result<std::vector<DayPatient>> EncounterStore::providerDay(const std::string& providerId, const std::string& date)
{
    if (Status perm = m_session.require(Permission::ScheduleRead); !perm)
        return std::unexpected(perm.error());
    const auto& a = appointmentRow();
    auto stmt = m_session.db().prepare(
        "SELECT " + a.columns("a") + ", p.family_name || ', ' || p.given_name, p.mrn FROM " + a.table() +
        " a JOIN patient p ON p.id = a.patient_id WHERE a.provider_id = ? AND substr(a.start_local, 1, 10) = ? "
        "AND a.status NOT IN ('cancelled', 'no_show') ORDER BY a.start_utc_ms;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, providerId).bind(2, date);
    auto rows = stmt->all<DayPatient>([&](const Statement& s) {
        DayPatient d;
        d.appointment = a.read(s);
        d.patientName = s.text(a.width());
        d.mrn = s.text(a.width() + 1);
        return d;
    });
    if (!rows)
        return std::unexpected(rows.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    for (DayPatient& d : *rows) {
        auto encounters =
            listRecords(m_session, encounterRow(), "appointment_id = ?", d.appointment.id, "started_at_ms");
        if (!encounters)
            return std::unexpected(encounters.error());
        if (!encounters->empty())
            d.encounter = forReader(m_session, encounters->front());
        if (d.encounter && m_session.can(Permission::ClinicalRead)) {
            auto count = m_session.db().prepare(
                "SELECT count(*) FROM clinical_note WHERE encounter_id = ? AND signed_at IS NULL;");
            if (!count)
                return std::unexpected(count.error());
            auto n = count->bind(1, d.encounter->id).scalar();
            if (!n)
                return std::unexpected(n.error());
            d.unsignedNotes = static_cast<int>(*n);
        }
    }
    std::vector<std::string> patients;
    for (const DayPatient& d : *rows)
        patients.push_back(d.appointment.patientId);
    if (Status s = auditDayView(m_session, date, patients); !s)
        return std::unexpected(s.error());
    return committed(tx, std::move(*rows));
}

// ---- Notes ----

std::string NoteStore::contentHash(const ClinicalNote& note)
{
    const auto& row = clinicalNoteRow();
    const auto fields = row.fields(note);
    return signedContentHash(*records::typeOf(row.table()).sign, row.table(), note.id,
                             [&](const std::string& name) -> std::optional<std::string> {
                                 for (const auto& f : fields)
                                     if (f.name == name)
                                         return f.value;
                                 return std::nullopt;
                             });
}

bool NoteStore::contentIntact(const ClinicalNote& note)
{
    return note.contentSha256 && *note.contentSha256 == contentHash(note);
}

Result<ClinicalNote> NoteStore::startNote(const std::string& encounterId, const std::optional<std::string>& templateKey)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    auto encounter = loadRecord(m_session, encounterRow(), encounterId);
    if (!encounter)
        return std::unexpected(encounter.error());
    ClinicalNote note;
    note.id = m_session.newId();
    note.encounterId = encounter->id;
    note.patientId = encounter->patientId;
    note.authorId = m_session.actor().userId;
    note.createdAtMs = m_session.clock().nowMs();
    if (Status s = fillFromTemplate(note, templateKey.value_or(encounter->visitType)); !s)
        return std::unexpected(s.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    if (Status s = writeRecord(m_session, clinicalNoteRow(), note.id, note, std::nullopt); !s)
        return std::unexpected(s.error());
    return committed(tx, note);
}

Result<ClinicalNote> NoteStore::applyTemplate(const std::string& noteId, const std::string& templateKey)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto before = ownDraft(noteId);
    if (!before)
        return std::unexpected(before.error());
    if (before->kind == "addendum")
        return fail(ErrorCode::Validation, "kind", Rule::Choice, {{"allowed", "note"}});
    ClinicalNote note = *before;
    if (Status s = fillFromTemplate(note, templateKey); !s)
        return std::unexpected(s.error());
    if (Status s = writeRecord(m_session, clinicalNoteRow(), note.id, note, *before); !s)
        return std::unexpected(s.error());
    return committed(tx, note);
}

Status NoteStore::fillFromTemplate(ClinicalNote& note, const std::string& key)
{
    // The clinic's own template for the visit type, else the built-in one, else the office visit's.
    std::optional<NoteTemplate> chosen;
    auto own = listRecords(m_session, noteTemplateRow(), "visit_type = ? AND active = 1", key, "name");
    if (!own)
        return std::unexpected(own.error());
    if (!own->empty())
        chosen = own->front();
    for (const NoteTemplate& t : builtInNoteTemplates())
        if (!chosen && t.visitType == key)
            chosen = t;
    if (!chosen)
        chosen = builtInNoteTemplates().front();

    auto header = ChartReader(m_session).header(note.patientId);
    if (!header)
        return std::unexpected(header.error());
    ClinicalListStore lists(m_session);
    auto vitals = lists.vitals(note.patientId);
    auto problems = lists.problems(note.patientId);
    auto meds = lists.medications(note.patientId);
    if (!vitals || !problems || !meds)
        return std::unexpected(!vitals ? vitals.error() : !problems ? problems.error() : meds.error());
    std::vector<std::string> active;
    for (const Problem& p : *problems)
        if (p.status == "active")
            active.push_back(p.display + " (" + p.code + ")");
    std::vector<std::string> medications;
    for (const Medication& m : *meds)
        if (m.status == "active")
            medications.push_back(m.name + (m.dose ? " " + *m.dose : "") + (m.frequency ? " " + *m.frequency : ""));
    std::vector<std::string> allergies;
    for (const Allergy& a : header->allergies.active)
        allergies.push_back(a.substance + (a.reaction ? " (" + *a.reaction + ")" : ""));
    std::string vitalsText = "none recorded";
    for (auto it = vitals->rbegin(); it != vitals->rend(); ++it)
        if (it->status == "final") {
            vitalsText = vitalsLine(*it, UnitSystem::Us);
            break;
        }
    const std::string allergyText = header->allergies.state == AllergyState::NotRecorded ? "not recorded"
                                    : header->allergies.state == AllergyState::NoKnownAllergies
                                        ? "no known allergies"
                                        : joinedOrNone(allergies, "none");
    const std::map<std::string, std::string> values = {{"age", std::to_string(header->ageYears)},
                                                       {"sex", header->patient.sex},
                                                       {"vitals", vitalsText},
                                                       {"problems", joinedOrNone(active, "none")},
                                                       {"medications", joinedOrNone(medications, "none")},
                                                       {"allergies", allergyText}};
    note.templateKey = chosen->visitType;
    note.subjective = fillTemplate(chosen->subjective, values);
    note.objective = fillTemplate(chosen->objective, values);
    note.assessment = fillTemplate(chosen->assessment, values);
    note.plan = fillTemplate(chosen->plan, values);
    return {};
}

Result<ClinicalNote> NoteStore::ownDraft(const std::string& noteId)
{
    auto note = loadRecord(m_session, clinicalNoteRow(), noteId);
    if (!note)
        return std::unexpected(note.error());
    if (note->isSigned())
        return fail(ErrorCode::Conflict, "signed_at", Rule::Signed);
    if (note->authorId != m_session.actor().userId)
        return fail(ErrorCode::PermissionDenied, "author_id", Rule::NotSigner);
    return note;
}

Status NoteStore::saveDraft(const ClinicalNote& edited)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return perm;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto before = ownDraft(edited.id);
    if (!before)
        return std::unexpected(before.error());
    ClinicalNote note = *before; // only the text changes here
    note.subjective = edited.subjective;
    note.objective = edited.objective;
    note.assessment = edited.assessment;
    note.plan = edited.plan;
    note.body = edited.body;
    if (Status s = writeRecord(m_session, clinicalNoteRow(), note.id, note, *before); !s)
        return s;
    return tx.commit();
}

Result<ClinicalNote> NoteStore::sign(const std::string& noteId)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto before = ownDraft(noteId);
    if (!before)
        return std::unexpected(before.error());
    ClinicalNote note = *before;
    note.signedAt = utcTimestamp(m_session.clock().nowMs());
    note.signedBy = m_session.actor().userId;
    note.contentSha256 = contentHash(note);
    if (Status s = writeRecord(m_session, clinicalNoteRow(), note.id, note, *before, "signed"); !s)
        return std::unexpected(s.error());
    // The visit says its note is signed, for billing, which reads visits and never notes.
    if (note.kind == "note") {
        auto visit = loadRecord(m_session, encounterRow(), note.encounterId);
        if (!visit)
            return std::unexpected(visit.error());
        if (!visit->noteSignedAt) {
            Encounter signedVisit = *visit;
            signedVisit.noteSignedAt = note.signedAt;
            if (Status s = writeRecord(m_session, encounterRow(), visit->id, signedVisit, *visit); !s)
                return std::unexpected(s.error());
        }
    }
    return committed(tx, note);
}

Result<ClinicalNote> NoteStore::addAddendum(const std::string& noteId, const std::string& text)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    auto target = loadRecord(m_session, clinicalNoteRow(), noteId);
    if (!target)
        return std::unexpected(target.error());
    if (!target->isSigned())
        return fail(ErrorCode::Conflict, "addendum_to", Rule::NotSigned);
    if (target->kind == "addendum" && target->addendumTo)
        return addAddendum(*target->addendumTo, text); // addenda are to the note itself
    ClinicalNote a;
    a.id = m_session.newId();
    a.encounterId = target->encounterId;
    a.patientId = target->patientId;
    a.authorId = m_session.actor().userId;
    a.kind = "addendum";
    a.addendumTo = target->id;
    a.body = text;
    a.createdAtMs = m_session.clock().nowMs();
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    if (Status s = writeRecord(m_session, clinicalNoteRow(), a.id, a, std::nullopt); !s)
        return std::unexpected(s.error());
    return committed(tx, a);
}

Result<ClinicalNote> NoteStore::addendumFromRefusedEdit(Replica& replica, const SyncConflict& conflict,
                                                        const std::optional<SyncRow>& serverRow)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    if (conflict.entity != clinicalNoteRow().table() || conflict.code != "locked_record" || !serverRow ||
        serverRow->isDeleted())
        return fail(ErrorCode::Conflict, "conflict", Rule::NotSigned);
    // The text the refused edit gave, where it differs from what was signed.
    static const std::pair<const char*, const char*> kSections[] = {{"subjective", "Subjective"},
                                                                    {"objective", "Objective"},
                                                                    {"assessment", "Assessment"},
                                                                    {"plan", "Plan"},
                                                                    {"body", "Addendum"}};
    std::string text;
    for (const auto& [field, label] : kSections)
        for (const SyncField& f : conflict.fields) {
            if (f.name != field || !f.value || trimmed(*f.value).empty())
                continue;
            auto signedValue = serverRow->values.find(field);
            if (signedValue != serverRow->values.end() && signedValue->second == f.value)
                continue;
            text.append(text.empty() ? "" : "\n\n").append(label).append(": ").append(*f.value);
        }
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    if (Status s = replica.resolveByDiscard(conflict.id, serverRow); !s)
        return std::unexpected(s.error());
    if (text.empty())
        return fail(ErrorCode::Conflict, "body", Rule::Required); // nothing of the edit is left to add
    auto addendum = addAddendum(conflict.rowId, text);
    if (!addendum)
        return addendum;
    return committed(tx, *addendum);
}

Result<ClinicalNote> NoteStore::get(const std::string& id)
{
    if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    return loadRecord(m_session, clinicalNoteRow(), id);
}

Result<std::vector<ClinicalNote>> NoteStore::forEncounter(const std::string& encounterId)
{
    if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    return listRecords(m_session, clinicalNoteRow(), "encounter_id = ?", encounterId, "created_at_ms, id");
}

Result<std::vector<ClinicalNote>> NoteStore::forPatient(const std::string& patientId)
{
    if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    return listRecords(m_session, clinicalNoteRow(), "patient_id = ?", patientId, "created_at_ms, id");
}

Result<std::vector<ClinicalNote>> NoteStore::unsignedBy(const std::string& authorId)
{
    if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    return listRecords(m_session, clinicalNoteRow(), "author_id = ? AND signed_at IS NULL", authorId,
                       "created_at_ms, id");
}

} // namespace practica::core
