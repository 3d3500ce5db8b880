// vitals, problems, allergies and labs: the lists a clinician keeps for each patient, through
// ClinicalListStore, the ICD-10-CM code set and LabImport.
#include "ChartJson.h"
#include "Commands.h"
#include "JsonOutput.h"
#include "ScheduleLookup.h"
#include "core/codes/CodeSets.h"
#include "core/patients/PatientStore.h"
#include "words/LabWords.h"

#include <Poco/JSON/Array.h>
#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

namespace practica::app {

const char* const kVitalsHelp = R"(Usage: practica-cli vitals <verb> [options]

  add --mrn MRN [--encounter ID] [--height 69in|175cm] [--weight 180lb|81.6kg] [--bp 120/80]
      [--pulse N] [--temp 98.6F|37C] [--rr N] [--spo2 N] [--pain 0-10]
        records a set of vital signs (at least one), each stored in one canonical unit
  list --mrn MRN [--units us|metric]
        the patient's vital signs, oldest first, with units, BMI and flags outside the usual adult
        ranges (marked ! low or high)
)";

const char* const kProblemsHelp = R"(Usage: practica-cli problems <verb> [options]

  list --mrn MRN
        the patient's problems, active first
  add --mrn MRN --code ICD10 [--display TEXT] [--onset DATE]
        adds an active problem; the display defaults to the ICD-10-CM code set's description
  resolve --mrn MRN --id ID --date DATE
        marks a problem resolved on DATE
  search TEXT [--limit N]
        finds ICD-10-CM codes by code or by words of their description ("diab typ 2")
)";

const char* const kAllergiesHelp = R"(Usage: practica-cli allergies <verb> [options]

  list --mrn MRN
        the allergy banner (not recorded, no known allergies, or the allergies) and every allergy
  add --mrn MRN --substance TEXT [--category drug|drug_class|food|environmental|other]
      [--reaction TEXT] [--severity mild|moderate|severe|unknown] [--onset DATE]
        records an active allergy (category drug, severity unknown when not given)
  none --mrn MRN
        records that the patient was asked and has no known allergies
)";

const char* const kLabsHelp = R"(Usage: practica-cli labs <verb> [options]

  list --mrn MRN
        the patient's lab results, newest first, flagged ones marked !
  import FILE
        imports a file of HL7 v2 ORU^R01 messages: each is filed under its patient (MRN, else the one
        patient with the same name and birth date) or held with its reason; a message imported
        before is skipped. Prints one line per message. Exit 6 when any message was held.
  held
        the messages held by imports, with why
  release --id ID --mrn MRN
        files a held message under the patient
  discard --id ID
        removes a held message from the list (it stays in the log)
)";

namespace {

CliResult<std::string> patientIdOf(CliContext& ctx, core::Session& s)
{
    auto patient = findPatientByMrn(s, ctx.value("mrn"));
    if (!patient)
        return std::unexpected(patient.error());
    return patient->id;
}

std::optional<double> number(std::string_view text)
{
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

// "69in" with one of the units (first match by suffix); nullopt when the text is not a number and unit.
std::optional<std::pair<double, std::string>> measure(const std::string& text, std::initializer_list<const char*> units)
{
    for (const char* unit : units) {
        const std::string u = unit;
        if (text.size() > u.size() && text.ends_with(u))
            if (auto value = number(std::string_view(text).substr(0, text.size() - u.size())))
                return std::pair(*value, u);
    }
    return std::nullopt;
}

Outcome addVitals(CliContext& ctx, core::Session& s)
{
    auto patientId = patientIdOf(ctx, s);
    if (!patientId)
        return std::unexpected(patientId.error());
    core::VitalSigns v;
    v.patientId = *patientId;
    v.encounterId = ctx.option("encounter");
    if (auto h = ctx.option("height")) {
        auto m = measure(*h, {"in", "cm"});
        if (!m)
            return usageError("--height must be inches or centimetres, e.g. 69in or 175cm");
        v.heightMm = m->second == "in" ? core::heightMmFromInches(m->first) : core::heightMmFromCm(m->first);
    }
    if (auto w = ctx.option("weight")) {
        auto m = measure(*w, {"lb", "kg"});
        if (!m)
            return usageError("--weight must be pounds or kilograms, e.g. 180lb or 81.6kg");
        v.weightG = m->second == "lb" ? core::weightGFromPounds(m->first) : core::weightGFromKg(m->first);
    }
    if (auto t = ctx.option("temp")) {
        auto m = measure(*t, {"F", "C"});
        if (!m)
            return usageError("--temp must be Fahrenheit or Celsius, e.g. 98.6F or 37C");
        v.temperatureDeciC = m->second == "F" ? core::temperatureDeciCFromFahrenheit(m->first)
                                              : core::temperatureDeciCFromCelsius(m->first);
    }
    if (auto bp = ctx.option("bp")) {
        const auto slash = bp->find('/');
        auto sys = slash == std::string::npos ? std::nullopt : number(std::string_view(*bp).substr(0, slash));
        auto dia = slash == std::string::npos ? std::nullopt : number(std::string_view(*bp).substr(slash + 1));
        if (!sys || !dia)
            return usageError("--bp must be systolic/diastolic, e.g. 120/80");
        v.systolic = static_cast<int>(*sys);
        v.diastolic = static_cast<int>(*dia);
    }
    const std::pair<const char*, std::optional<int> core::VitalSigns::*> kCounts[] = {
        {"pulse", &core::VitalSigns::pulse},
        {"rr", &core::VitalSigns::respiratoryRate},
        {"spo2", &core::VitalSigns::spo2},
        {"pain", &core::VitalSigns::pain}};
    for (const auto& [name, member] : kCounts) {
        if (!ctx.option(name))
            continue;
        auto n = integerOption(ctx, name, 0, 0, 400);
        if (!n)
            return std::unexpected(n.error());
        v.*member = static_cast<int>(*n);
    }
    auto saved = core::ClinicalListStore(s).saveVitals(std::move(v));
    if (!saved)
        return failure(saved.error());
    if (ctx.json()) {
        ctx.printJson(vitalsJson(*saved, core::UnitSystem::Us));
        return {};
    }
    ctx.out() << "Recorded " << core::vitalsLine(*saved, core::UnitSystem::Us) << " (" << saved->id << ").\n";
    return {};
}

// The abbreviations a chart uses for each measurement.
std::string vitalLabel(const std::string& field)
{
    static const std::map<std::string, std::string> kLabels = {
        {"height_mm", "Ht"},     {"weight_g", "Wt"},         {"bmi", "BMI"},   {"blood_pressure", "BP"}, {"pulse", "P"},
        {"temperature_dc", "T"}, {"respiratory_rate", "RR"}, {"spo2", "SpO2"}, {"pain", "Pain"}};
    auto it = kLabels.find(field);
    return it == kLabels.end() ? field : it->second;
}

Outcome listVitals(CliContext& ctx, core::Session& s)
{
    const std::string unitName = ctx.optionOr("units", "us");
    if (unitName != "us" && unitName != "metric")
        return usageError("--units must be us or metric");
    const core::UnitSystem units = unitName == "us" ? core::UnitSystem::Us : core::UnitSystem::Metric;
    auto patientId = patientIdOf(ctx, s);
    if (!patientId)
        return std::unexpected(patientId.error());
    auto list = core::ClinicalListStore(s).vitals(*patientId);
    if (!list)
        return failure(list.error());
    if (ctx.json()) {
        Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
        for (const auto& v : *list)
            array->add(vitalsJson(v, units));
        ctx.printJson(array);
        return {};
    }
    if (list->empty()) {
        ctx.out() << "No vital signs recorded.\n";
        return {};
    }
    auto time = clinicTime(s);
    if (!time)
        return std::unexpected(time.error());
    for (const auto& v : *list) {
        ctx.out() << localText(*time, v.takenAtMs) << (v.status == "final" ? "" : "  [" + v.status + "]");
        for (const core::VitalReading& r : core::vitalReadings(v, units))
            ctx.out() << "  " << vitalLabel(r.field) << " " << r.text << " " << r.unit
                      << (r.flag == core::VitalFlag::Normal ? ""
                          : r.flag == core::VitalFlag::Low  ? " !low"
                                                            : " !high");
        ctx.out() << "\n";
    }
    return {};
}

Outcome listProblems(CliContext& ctx, core::Session& s)
{
    auto patientId = patientIdOf(ctx, s);
    if (!patientId)
        return std::unexpected(patientId.error());
    auto list = core::ClinicalListStore(s).problems(*patientId);
    if (!list)
        return failure(list.error());
    if (ctx.json()) {
        ctx.printJson(jsonArray(*list, problemJson));
        return {};
    }
    if (list->empty())
        ctx.out() << "No problems recorded.\n";
    for (const auto& p : *list)
        ctx.out() << p.code << "  " << p.display << "  " << p.status << (p.onsetDate ? "  since " + *p.onsetDate : "")
                  << (p.resolvedDate ? "  resolved " + *p.resolvedDate : "") << "  (" << p.id << ")\n";
    return {};
}

Outcome addProblem(CliContext& ctx, core::Session& s)
{
    auto patientId = patientIdOf(ctx, s);
    auto onset = dateOption(ctx, "onset");
    if (!patientId)
        return std::unexpected(patientId.error());
    if (!onset)
        return std::unexpected(onset.error());
    core::Problem p;
    p.patientId = *patientId;
    p.code = core::normalizeIcd10Cm(ctx.value("code")).value_or(ctx.value("code"));
    if (auto display = ctx.option("display")) {
        p.display = *display;
    } else if (auto entry = core::CodeSet::builtin(core::CodeSystem::Icd10Cm).find(p.code)) {
        p.display = entry->description;
    } else {
        return std::unexpected(Failure{kExitNotFound, "no ICD-10-CM code " + p.code +
                                                          " in Practica's code set; give --display to record it"});
    }
    if (!onset->empty())
        p.onsetDate = *onset;
    auto saved = core::ClinicalListStore(s).saveProblem(std::move(p));
    if (!saved)
        return failure(saved.error());
    if (ctx.json())
        ctx.printJson(problemJson(*saved));
    else
        ctx.out() << "Added " << saved->code << " " << saved->display << " (" << saved->id << ").\n";
    return {};
}

Outcome resolveProblem(CliContext& ctx, core::Session& s)
{
    auto patientId = patientIdOf(ctx, s);
    auto date = requiredDate(ctx, "date");
    if (!patientId)
        return std::unexpected(patientId.error());
    if (!date)
        return std::unexpected(date.error());
    core::ClinicalListStore lists(s);
    auto list = lists.problems(*patientId);
    if (!list)
        return failure(list.error());
    auto it = std::find_if(list->begin(), list->end(), [&](const core::Problem& p) { return p.id == ctx.value("id"); });
    if (it == list->end())
        return failure(core::Error::make(core::ErrorCode::NotFound, "problem", ctx.value("id")));
    core::Problem p = *it;
    p.status = "resolved";
    p.resolvedDate = *date;
    auto saved = lists.saveProblem(std::move(p));
    if (!saved)
        return failure(saved.error());
    if (ctx.json())
        ctx.printJson(problemJson(*saved));
    else
        ctx.out() << "Resolved " << saved->code << " " << saved->display << " on " << *saved->resolvedDate << ".\n";
    return {};
}

Outcome searchProblems(CliContext& ctx)
{
    auto limit = integerOption(ctx, "limit", 20, 1, 500);
    if (!limit)
        return std::unexpected(limit.error());
    const auto found = core::CodeSet::builtin(core::CodeSystem::Icd10Cm)
                           .search(*ctx.args().operand(), static_cast<std::size_t>(*limit));
    if (ctx.json()) {
        Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
        for (const auto& e : found) {
            auto o = newJsonObject();
            o->set("code", e.code);
            o->set("description", e.description);
            o->set("billable", e.billable);
            array->add(o);
        }
        ctx.printJson(array);
        return {};
    }
    if (found.empty())
        ctx.out() << "No ICD-10-CM codes match.\n";
    for (const auto& e : found)
        ctx.out() << e.code << "  " << e.description << (e.billable ? "" : "  (heading, not billable)") << "\n";
    return {};
}

Outcome listAllergies(CliContext& ctx, core::Session& s)
{
    auto patientId = patientIdOf(ctx, s);
    if (!patientId)
        return std::unexpected(patientId.error());
    core::ClinicalListStore lists(s);
    auto status = lists.allergyStatus(*patientId);
    auto all = lists.allergies(*patientId);
    if (!status)
        return failure(status.error());
    if (!all)
        return failure(all.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("state", allergyStateName(status->state));
        o->set("contradicted", status->contradicted);
        Poco::JSON::Array::Ptr active = new Poco::JSON::Array;
        for (const auto& a : status->active)
            active->add(allergyJson(a));
        o->set("active", active);
        Poco::JSON::Array::Ptr every = new Poco::JSON::Array;
        for (const auto& a : *all)
            every->add(allergyJson(a));
        o->set("allergies", every);
        ctx.printJson(o);
        return {};
    }
    switch (status->state) {
    case core::AllergyState::NotRecorded:
        ctx.out() << "Allergies: not recorded (the patient has not been asked)\n";
        break;
    case core::AllergyState::NoKnownAllergies:
        ctx.out() << "Allergies: no known allergies\n";
        break;
    case core::AllergyState::Allergies:
        ctx.out() << "Allergies:";
        for (std::size_t i = 0; i < status->active.size(); ++i)
            ctx.out() << (i ? "," : "") << " " << status->active[i].substance;
        ctx.out() << (status->contradicted ? " (\"no known allergies\" was also recorded)" : "") << "\n";
        break;
    }
    for (const auto& a : *all)
        ctx.out() << "  " << a.substance << "  " << a.category << "  " << a.severity
                  << (a.reaction ? "  " + *a.reaction : "") << "  " << a.status << "  (" << a.id << ")\n";
    return {};
}

Outcome addAllergy(CliContext& ctx, core::Session& s)
{
    auto patientId = patientIdOf(ctx, s);
    auto onset = dateOption(ctx, "onset");
    if (!patientId)
        return std::unexpected(patientId.error());
    if (!onset)
        return std::unexpected(onset.error());
    core::Allergy a;
    a.patientId = *patientId;
    a.substance = ctx.value("substance");
    a.category = ctx.optionOr("category", "drug");
    a.reaction = ctx.option("reaction");
    a.severity = ctx.optionOr("severity", "unknown");
    if (!onset->empty())
        a.onsetDate = *onset;
    auto saved = core::ClinicalListStore(s).saveAllergy(std::move(a));
    if (!saved)
        return failure(saved.error());
    if (ctx.json())
        ctx.printJson(allergyJson(*saved));
    else
        ctx.out() << "Added allergy to " << saved->substance << " (" << saved->id << ").\n";
    return {};
}

Outcome noKnownAllergies(CliContext& ctx, core::Session& s)
{
    auto patientId = patientIdOf(ctx, s);
    if (!patientId)
        return std::unexpected(patientId.error());
    if (auto done = core::ClinicalListStore(s).recordNoKnownAllergies(*patientId); !done)
        return failure(done.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("state", "no_known_allergies");
        ctx.printJson(o);
    } else {
        ctx.out() << "Recorded: no known allergies.\n";
    }
    return {};
}

Outcome listLabs(CliContext& ctx, core::Session& s)
{
    auto patientId = patientIdOf(ctx, s);
    if (!patientId)
        return std::unexpected(patientId.error());
    auto list = core::ClinicalListStore(s).labResults(*patientId);
    if (!list)
        return failure(list.error());
    if (ctx.json()) {
        ctx.printJson(jsonArray(*list, labJson));
        return {};
    }
    if (list->empty()) {
        ctx.out() << "No lab results.\n";
        return {};
    }
    auto time = clinicTime(s);
    if (!time)
        return std::unexpected(time.error());
    for (const auto& l : *list) {
        const bool flagged = l.abnormalFlag && *l.abnormalFlag != "N";
        ctx.out() << localText(*time, l.collectedAtMs) << "  " << l.name << "  " << l.value
                  << (l.unit ? " " + *l.unit : "") << (l.referenceRange ? "  (" + *l.referenceRange + ")" : "")
                  << (flagged ? "  !" + *l.abnormalFlag : "")
                  << (l.resultStatus == "final" ? "" : "  " + l.resultStatus) << "\n";
    }
    return {};
}

void printOutcome(CliContext& ctx, const core::LabMessageOutcome& m, const std::string& who)
{
    using Kind = core::LabMessageOutcome::Kind;
    const std::string id = m.controlId.empty() ? "line " + std::to_string(m.line) : m.controlId;
    if (m.kind == Kind::Imported)
        ctx.out() << "imported  " << id << "  " << m.results << " result" << (m.results == 1 ? "" : "s") << " for "
                  << who << "\n";
    else if (m.kind == Kind::Duplicate)
        ctx.out() << "duplicate " << id << "  imported or held before; skipped\n";
    else
        ctx.out() << "held      " << id << "  " << words::heldLabSentence(m.reason, m.params) << " (" << m.heldId
                  << ")\n";
}

CliResult<std::string> patientLabel(core::Session& s, const std::string& patientId)
{
    auto p = core::PatientStore(s).get(patientId);
    if (!p)
        return failure(p.error());
    return p->displayName() + " " + p->mrn;
}

Outcome importLabs(CliContext& ctx, core::Session& s)
{
    const std::string path = *ctx.args().operand();
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return failure(core::Error::make(core::ErrorCode::NotFound, path, "file"));
    std::ostringstream text;
    text << file.rdbuf();
    auto report = core::LabImport(s).importFile(text.str(), path);
    if (!report)
        return failure(report.error());
    using Kind = core::LabMessageOutcome::Kind;
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("imported", report->count(Kind::Imported));
        o->set("duplicates", report->count(Kind::Duplicate));
        o->set("held", report->count(Kind::Held));
        Poco::JSON::Array::Ptr messages = new Poco::JSON::Array;
        for (const auto& m : report->messages)
            messages->add(labOutcomeJson(m));
        o->set("messages", messages);
        ctx.printJson(o);
    } else {
        for (const auto& m : report->messages) {
            std::string who;
            if (m.kind == Kind::Imported) {
                auto label = patientLabel(s, m.patientId);
                if (!label)
                    return std::unexpected(label.error());
                who = *label;
            }
            printOutcome(ctx, m, who);
        }
        ctx.out() << report->count(Kind::Imported) << " imported, " << report->count(Kind::Duplicate) << " duplicate, "
                  << report->count(Kind::Held) << " held.\n";
    }
    if (const int held = report->count(Kind::Held))
        return std::unexpected(Failure{kExitInvalid, std::to_string(held) + " message" +
                                                         (held == 1 ? " was" : "s were") +
                                                         " held; see 'practica-cli labs held'"});
    return {};
}

Outcome listHeld(CliContext& ctx, core::Session& s)
{
    auto held = core::LabImport(s).held();
    if (!held)
        return failure(held.error());
    if (ctx.json()) {
        ctx.printJson(jsonArray(*held, heldLabJson));
        return {};
    }
    if (held->empty()) {
        ctx.out() << "No held lab messages.\n";
        return {};
    }
    auto time = clinicTime(s);
    if (!time)
        return std::unexpected(time.error());
    for (const auto& h : *held)
        ctx.out() << h.id << "  " << localText(*time, h.receivedAtMs) << "  " << h.fileName << "  "
                  << h.controlId.value_or("-") << "  " << words::heldLabSentence(h.reason, h.params) << "\n";
    return {};
}

Outcome releaseHeld(CliContext& ctx, core::Session& s)
{
    auto patientId = patientIdOf(ctx, s);
    if (!patientId)
        return std::unexpected(patientId.error());
    auto released = core::LabImport(s).release(ctx.value("id"), *patientId);
    if (!released)
        return failure(released.error());
    if (ctx.json()) {
        ctx.printJson(labOutcomeJson(*released));
        return {};
    }
    auto label = patientLabel(s, *patientId);
    if (!label)
        return std::unexpected(label.error());
    printOutcome(ctx, *released, *label);
    return {};
}

Outcome discardHeld(CliContext& ctx, core::Session& s)
{
    if (auto done = core::LabImport(s).discardHeld(ctx.value("id")); !done)
        return failure(done.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("id", ctx.value("id"));
        o->set("status", "discarded");
        ctx.printJson(o);
    } else {
        ctx.out() << "Discarded held message " << ctx.value("id") << ".\n";
    }
    return {};
}

} // namespace

Outcome runVitals(CliContext& ctx)
{
    static const std::vector<Verb> kVerbs = {
        {.name = "add",
         .options = {"mrn", "encounter", "height", "weight", "bp", "pulse", "temp", "rr", "spo2", "pain"},
         .required = {"mrn"},
         .unlocked = addVitals},
        {.name = "list", .options = {"mrn", "units"}, .required = {"mrn"}, .unlocked = listVitals},
    };
    return runVerb(ctx, kVerbs);
}

Outcome runProblems(CliContext& ctx)
{
    static const std::vector<Verb> kVerbs = {
        {.name = "list", .options = {"mrn"}, .required = {"mrn"}, .unlocked = listProblems},
        {.name = "add",
         .options = {"mrn", "code", "display", "onset"},
         .required = {"mrn", "code"},
         .unlocked = addProblem},
        {.name = "resolve",
         .options = {"mrn", "id", "date"},
         .required = {"mrn", "id", "date"},
         .unlocked = resolveProblem},
        {.name = "search", .options = {"limit"}, .operand = "TEXT", .run = searchProblems},
    };
    return runVerb(ctx, kVerbs);
}

Outcome runAllergies(CliContext& ctx)
{
    static const std::vector<Verb> kVerbs = {
        {.name = "list", .options = {"mrn"}, .required = {"mrn"}, .unlocked = listAllergies},
        {.name = "add",
         .options = {"mrn", "substance", "category", "reaction", "severity", "onset"},
         .required = {"mrn", "substance"},
         .unlocked = addAllergy},
        {.name = "none", .options = {"mrn"}, .required = {"mrn"}, .unlocked = noKnownAllergies},
    };
    return runVerb(ctx, kVerbs);
}

Outcome runLabs(CliContext& ctx)
{
    static const std::vector<Verb> kVerbs = {
        {.name = "list", .options = {"mrn"}, .required = {"mrn"}, .unlocked = listLabs},
        {.name = "import", .operand = "FILE", .unlocked = importLabs},
        {.name = "held", .unlocked = listHeld},
        {.name = "release", .options = {"id", "mrn"}, .required = {"id", "mrn"}, .unlocked = releaseHeld},
        {.name = "discard", .options = {"id"}, .required = {"id"}, .unlocked = discardHeld},
    };
    return runVerb(ctx, kVerbs);
}

} // namespace practica::app
