// encounters and notes: visits and their SOAP notes through EncounterStore and NoteStore.
#include "ChartJson.h"
#include "Commands.h"
#include "JsonOutput.h"
#include "ScheduleLookup.h"
#include "core/chart/ChartReader.h"
#include "core/chart/EncounterStore.h"

#include <Poco/JSON/Array.h>
#include <ostream>

namespace practica::app {

const char* const kEncountersHelp = R"(Usage: practica-cli encounters <verb> [options]

  list --mrn MRN
        the patient's visits, newest first
  start --appointment ID [--visit-type TYPE]
        starts the visit of an arrived appointment (which moves on to "with provider"); starting it
        again shows the visit already started
  walk-in --mrn MRN --provider NAME|ID [--visit-type TYPE] [--reason TEXT]
        starts a visit without an appointment
  close --id ID
        closes the visit; its appointment, if any, is checked out

Visit types (each with its note template): office (default), new_patient, follow_up, annual_physical,
acute, telehealth, procedure. Clinicians start and close visits.
)";

const char* const kNotesHelp = R"(Usage: practica-cli notes <verb> [options]

  list --mrn MRN | --unsigned
        the patient's notes and addenda, oldest first; or the acting clinician's unsigned ones
  show --id ID
        a note's text, who wrote and signed it, and whether its text still matches the signature
  new --encounter ID [--template KEY]
        a draft note for the visit, filled from the visit type's template (or KEY's) with the
        patient's age, sex, latest vitals, problems, allergies and medications
  edit --id ID [--subjective T] [--objective T] [--assessment T] [--plan T] [--body T]
        replaces the given sections of the acting clinician's own draft
  sign --id ID
        signs the acting clinician's own draft; a signed note never changes
  addendum --id ID --text T
        a draft addendum to a signed note; prints its id (sign it with 'notes sign')
  verify --id ID
        checks a signed note's text against its signature: exit 7 when they no longer match

Only clinicians read and write notes (exit 4 for other roles).
)";

namespace {

CliResult<std::string> patientIdOf(CliContext& ctx, core::Session& s)
{
    auto patient = findPatientByMrn(s, ctx.value("mrn"));
    if (!patient)
        return std::unexpected(patient.error());
    return patient->id;
}

void printEncounter(CliContext& ctx, const core::Encounter& e, const core::ClinicTime& time)
{
    ctx.out() << e.date << "  " << localText(time, e.startedAtMs).substr(11) << "  " << e.visitType << "  " << e.status
              << (e.chiefComplaint ? "  " + *e.chiefComplaint : "") << "  (" << e.id << ")\n";
}

Outcome encounterOut(CliContext& ctx, core::Session& s, const core::Encounter& e, const char* what)
{
    if (ctx.json()) {
        ctx.printJson(encounterJson(e));
        return {};
    }
    auto time = clinicTime(s);
    if (!time)
        return std::unexpected(time.error());
    ctx.out() << what << ": ";
    printEncounter(ctx, e, *time);
    return {};
}

Outcome listEncounters(CliContext& ctx, core::Session& s)
{
    auto patientId = patientIdOf(ctx, s);
    if (!patientId)
        return std::unexpected(patientId.error());
    auto list = core::EncounterStore(s).forPatient(*patientId);
    if (!list)
        return failure(list.error());
    if (ctx.json()) {
        ctx.printJson(jsonArray(*list, encounterJson));
        return {};
    }
    if (list->empty()) {
        ctx.out() << "No visits.\n";
        return {};
    }
    auto time = clinicTime(s);
    if (!time)
        return std::unexpected(time.error());
    for (const auto& e : *list)
        printEncounter(ctx, e, *time);
    return {};
}

Outcome startEncounter(CliContext& ctx, core::Session& s)
{
    auto e =
        core::EncounterStore(s).startFromAppointment(ctx.value("appointment"), ctx.optionOr("visit-type", "office"));
    if (!e)
        return failure(e.error());
    return encounterOut(ctx, s, *e, "Visit started");
}

Outcome walkIn(CliContext& ctx, core::Session& s)
{
    auto patientId = patientIdOf(ctx, s);
    if (!patientId)
        return std::unexpected(patientId.error());
    auto provider = findProvider(s, ctx.value("provider"));
    if (!provider)
        return std::unexpected(provider.error());
    auto e = core::EncounterStore(s).startWalkIn(*patientId, provider->id, ctx.optionOr("visit-type", "office"),
                                                 ctx.option("reason"));
    if (!e)
        return failure(e.error());
    return encounterOut(ctx, s, *e, "Walk-in visit started");
}

Outcome closeEncounter(CliContext& ctx, core::Session& s)
{
    core::EncounterStore store(s);
    if (auto closed = store.close(ctx.value("id")); !closed)
        return failure(closed.error());
    auto e = store.get(ctx.value("id"));
    if (!e)
        return failure(e.error());
    return encounterOut(ctx, s, *e, "Visit closed");
}

void printNoteLine(CliContext& ctx, const core::ClinicalNote& n, const core::ClinicTime& time,
                   const std::map<std::string, std::string>& names)
{
    auto name = [&](const std::string& id) {
        auto it = names.find(id);
        return it == names.end() ? id : it->second;
    };
    ctx.out() << localText(time, n.createdAtMs) << "  " << n.kind << "  " << name(n.authorId) << "  "
              << (n.isSigned() ? "signed " + *n.signedAt : std::string("unsigned")) << "  (" << n.id << ")\n";
}

Outcome listNotes(CliContext& ctx, core::Session& s)
{
    const bool queue = ctx.args().has("unsigned");
    if (queue == ctx.option("mrn").has_value())
        return usageError("notes list needs --mrn MRN or --unsigned");
    core::NoteStore store(s);
    core::Result<std::vector<core::ClinicalNote>> notes;
    if (queue) {
        notes = store.unsignedBy(s.actor().userId);
    } else {
        auto patientId = patientIdOf(ctx, s);
        if (!patientId)
            return std::unexpected(patientId.error());
        notes = store.forPatient(*patientId);
    }
    if (!notes)
        return failure(notes.error());
    if (ctx.json()) {
        ctx.printJson(jsonArray(*notes, noteJson));
        return {};
    }
    if (notes->empty()) {
        ctx.out() << (queue ? "No unsigned notes.\n" : "No notes.\n");
        return {};
    }
    auto time = clinicTime(s);
    auto names = core::ChartReader(s).staffNames();
    if (!time)
        return std::unexpected(time.error());
    if (!names)
        return failure(names.error());
    for (const auto& n : *notes)
        printNoteLine(ctx, n, *time, *names);
    return {};
}

Outcome showNote(CliContext& ctx, core::Session& s)
{
    auto note = core::NoteStore(s).get(ctx.value("id"));
    if (!note)
        return failure(note.error());
    if (ctx.json()) {
        auto o = noteJson(*note);
        o->set("content_intact",
               note->isSigned() ? Poco::Dynamic::Var(core::NoteStore::contentIntact(*note)) : Poco::Dynamic::Var());
        ctx.printJson(o);
        return {};
    }
    auto time = clinicTime(s);
    auto names = core::ChartReader(s).staffNames();
    if (!time)
        return std::unexpected(time.error());
    if (!names)
        return failure(names.error());
    printNoteLine(ctx, *note, *time, *names);
    for (const auto& [label, text] :
         {std::pair{"Subjective", note->subjective}, std::pair{"Objective", note->objective},
          std::pair{"Assessment", note->assessment}, std::pair{"Plan", note->plan}, std::pair{"Addendum", note->body}})
        if (text)
            ctx.out() << "\n" << label << ":\n" << *text << "\n";
    if (note->isSigned())
        ctx.out() << "\nSigned " << *note->signedAt << "; the text "
                  << (core::NoteStore::contentIntact(*note) ? "matches" : "no longer matches") << " its signature.\n";
    return {};
}

Outcome newNote(CliContext& ctx, core::Session& s)
{
    auto note = core::NoteStore(s).startNote(ctx.value("encounter"), ctx.option("template"));
    if (!note)
        return failure(note.error());
    if (ctx.json())
        ctx.printJson(noteJson(*note));
    else
        ctx.out() << "Draft note " << note->id << " from the " << note->templateKey.value_or("office")
                  << " template.\n";
    return {};
}

Outcome editNote(CliContext& ctx, core::Session& s)
{
    core::NoteStore store(s);
    auto note = store.get(ctx.value("id"));
    if (!note)
        return failure(note.error());
    for (const auto& [option, member] :
         {std::pair{"subjective", &core::ClinicalNote::subjective},
          std::pair{"objective", &core::ClinicalNote::objective},
          std::pair{"assessment", &core::ClinicalNote::assessment}, std::pair{"plan", &core::ClinicalNote::plan},
          std::pair{"body", &core::ClinicalNote::body}})
        if (auto text = ctx.option(option))
            (*note).*member = *text;
    if (auto saved = store.saveDraft(*note); !saved)
        return failure(saved.error());
    if (ctx.json())
        ctx.printJson(noteJson(*note));
    else
        ctx.out() << "Saved draft " << note->id << ".\n";
    return {};
}

Outcome signNote(CliContext& ctx, core::Session& s)
{
    auto note = core::NoteStore(s).sign(ctx.value("id"));
    if (!note)
        return failure(note.error());
    if (ctx.json())
        ctx.printJson(noteJson(*note));
    else
        ctx.out() << "Signed " << note->id << " at " << *note->signedAt << " (SHA-256 " << *note->contentSha256
                  << ").\n";
    return {};
}

Outcome addendum(CliContext& ctx, core::Session& s)
{
    auto note = core::NoteStore(s).addAddendum(ctx.value("id"), ctx.value("text"));
    if (!note)
        return failure(note.error());
    if (ctx.json())
        ctx.printJson(noteJson(*note));
    else
        ctx.out() << note->id << "\n";
    return {};
}

Outcome verifyNote(CliContext& ctx, core::Session& s)
{
    auto note = core::NoteStore(s).get(ctx.value("id"));
    if (!note)
        return failure(note.error());
    if (!note->isSigned())
        return failure(core::Error::make(core::ErrorCode::Conflict, "signed_at", core::Rule::NotSigned));
    const bool intact = core::NoteStore::contentIntact(*note);
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("id", note->id);
        o->set("content_intact", intact);
        o->set("content_sha256", *note->contentSha256);
        o->set("computed_sha256", core::NoteStore::contentHash(*note));
        ctx.printJson(o);
    } else if (intact) {
        ctx.out() << "The text of " << note->id << " matches its signature.\n";
    }
    if (!intact)
        return std::unexpected(Failure{kExitDamaged, "the text of note " + note->id +
                                                         " no longer matches the signature it was signed with"});
    return {};
}

} // namespace

Outcome runEncounters(CliContext& ctx)
{
    static const std::vector<Verb> kVerbs = {
        {.name = "list", .options = {"mrn"}, .required = {"mrn"}, .unlocked = listEncounters},
        {.name = "start",
         .options = {"appointment", "visit-type"},
         .required = {"appointment"},
         .unlocked = startEncounter},
        {.name = "walk-in",
         .options = {"mrn", "provider", "visit-type", "reason"},
         .required = {"mrn", "provider"},
         .unlocked = walkIn},
        {.name = "close", .options = {"id"}, .required = {"id"}, .unlocked = closeEncounter},
    };
    return runVerb(ctx, kVerbs);
}

Outcome runNotes(CliContext& ctx)
{
    static const std::vector<Verb> kVerbs = {
        {.name = "list", .options = {"mrn", "unsigned"}, .unlocked = listNotes},
        {.name = "show", .options = {"id"}, .required = {"id"}, .unlocked = showNote},
        {.name = "new", .options = {"encounter", "template"}, .required = {"encounter"}, .unlocked = newNote},
        {.name = "edit",
         .options = {"id", "subjective", "objective", "assessment", "plan", "body"},
         .required = {"id"},
         .unlocked = editNote},
        {.name = "sign", .options = {"id"}, .required = {"id"}, .unlocked = signNote},
        {.name = "addendum", .options = {"id", "text"}, .required = {"id", "text"}, .unlocked = addendum},
        {.name = "verify", .options = {"id"}, .required = {"id"}, .unlocked = verifyNote},
    };
    return runVerb(ctx, kVerbs);
}

} // namespace practica::app
