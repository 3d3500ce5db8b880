// Visits and their notes. A visit starts from an arrived appointment (which moves on to "with
// provider") or as a walk-in. A note is written from its visit type's template, signed by its author
// (which locks it: signer, time and the SHA-256 of its content are stored) and corrected only by
// addenda, each signed on its own. Every operation checks the acting user's permission here.
#pragma once

#include "core/Error.h"
#include "core/model/Chart.h"
#include "core/model/Schedule.h"
#include "core/sync/Replica.h"

#include <optional>
#include <string>
#include <vector>

namespace practica::core {

class Session;

// A clinician's day: one of their appointments, with its patient and what is done of the visit.
struct DayPatient
{
    Appointment appointment;
    std::string patientName; // "Family, Given"
    std::string mrn;
    std::optional<Encounter> encounter;
    int unsignedNotes = 0;
};

class EncounterStore
{
public:
    explicit EncounterStore(Session& session) : m_session(session) {}

    // The visit of an arrived (or roomed) appointment; the appointment moves on to "with provider". Starting
    // it again returns the visit already started.
    Result<Encounter> startFromAppointment(const std::string& appointmentId, const std::string& visitType = "office");
    Result<Encounter> startWalkIn(const std::string& patientId, const std::string& providerId,
                                  const std::string& visitType, const std::optional<std::string>& chiefComplaint);
    // A past visit as another system recorded it (an import): stored as given (date, start, visit type,
    // status), under its id when it has one (derived from its source) else a new one, checked by the
    // record's rules; no appointment moves.
    Result<Encounter> recordPast(Encounter encounter);
    Status update(const Encounter& encounter);
    // Closes the visit; its appointment, if any, is checked out.
    Status close(const std::string& encounterId);

    Result<Encounter> get(const std::string& id);
    // Newest first. Readers without ClinicalRead get them without the chief complaint.
    Result<std::vector<Encounter>> forPatient(const std::string& patientId);
    // The provider's appointments on a date (clinic's time zone) that a clinician sees, by start time.
    Result<std::vector<DayPatient>> providerDay(const std::string& providerId, const std::string& date);

private:
    Session& m_session;
};

class NoteStore
{
public:
    explicit NoteStore(Session& session) : m_session(session) {}

    // A draft note for the visit by the acting clinician, filled from the visit type's template (the
    // clinic's own, else the built-in one) with the patient's age, sex, latest vitals, active problems,
    // allergies and medications.
    Result<ClinicalNote> startNote(const std::string& encounterId, const std::optional<std::string>& templateKey = {});
    // Fills the author's draft again from another visit type's template, replacing its four sections (the
    // front end asks before it discards what was written). An addendum has no template.
    Result<ClinicalNote> applyTemplate(const std::string& noteId, const std::string& templateKey);
    // Saves a draft's SOAP text (or an addendum's body). Only its author edits it; a signed note never
    // changes (Conflict, rule signed).
    Status saveDraft(const ClinicalNote& note);
    // Signs the author's own draft: it is locked from now on, on every workstation and at the server.
    Result<ClinicalNote> sign(const std::string& noteId);
    // An addendum to a signed note, as a draft of the acting clinician (sign it on its own).
    Result<ClinicalNote> addAddendum(const std::string& noteId, const std::string& text);

    // The fix for an edit the server refused because the note was signed elsewhere meanwhile (conflict
    // locked_record): this workstation takes the signed note as the server holds it (serverRow) and the
    // edit's changed text becomes a draft addendum of the acting clinician, to read and sign. One
    // transaction: the conflict is closed only with the addendum written.
    Result<ClinicalNote> addendumFromRefusedEdit(Replica& replica, const SyncConflict& conflict,
                                                 const std::optional<SyncRow>& serverRow);

    Result<ClinicalNote> get(const std::string& id);
    // The visit's notes and addenda, oldest first.
    Result<std::vector<ClinicalNote>> forEncounter(const std::string& encounterId);
    Result<std::vector<ClinicalNote>> forPatient(const std::string& patientId);
    // The author's unsigned notes and addenda, oldest first: their queue.
    Result<std::vector<ClinicalNote>> unsignedBy(const std::string& authorId);
    // Whether a signed note's content still hashes to what was signed (tampering shows here).
    static bool contentIntact(const ClinicalNote& note);
    static std::string contentHash(const ClinicalNote& note);

private:
    Result<ClinicalNote> ownDraft(const std::string& noteId);
    // The note's template key and SOAP sections from the template for the key, its fields filled in.
    Status fillFromTemplate(ClinicalNote& note, const std::string& key);
    Session& m_session;
};

} // namespace practica::core
