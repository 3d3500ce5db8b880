// fhir: a patient's record out as a FHIR R4 JSON Bundle, and a Bundle into the clinic's records.
#include "Commands.h"
#include "JsonOutput.h"
#include "core/fhir/FhirExport.h"
#include "core/fhir/FhirImport.h"
#include "core/patients/PatientStore.h"
#include "core/util/AtomicFile.h"

#include <fstream>
#include <ostream>
#include <sstream>

namespace practica::app {

const char* const kFhirHelp = R"(Usage: practica-cli fhir <verb> [options]

  export --mrn MRN --out FILE
        writes the patient's record as a FHIR R4 JSON Bundle (type collection): demographics, visits
        and their providers, problems, allergies, medications, immunizations, vital signs, lab results
        and signed notes. The file is replaced whole or not at all.
  import FILE
        reads a FHIR R4 JSON Bundle (transaction, batch, collection or searchset) into the records, all
        of it in one transaction, and prints what was imported and what was skipped, by resource type.
        Patients are matched by this clinic's MRN, else by name and date of birth, else registered.
        A resource imported before (its id or fullUrl, for the same patient) is left as it is and
        counted as already present: importing a bundle twice adds nothing twice.
        A bundle that cannot be imported whole changes nothing: exit 6, naming the entry and field.

Both need the clinician role (--user). With --json, export prints {"mrn", "file", "bytes"} and import
prints {"entries", "imported": {type: n}, "already_present": {type: n}, "skipped": {type: n},
"patients": [{"id", "mrn", "how"}],
"encounters_with_default_provider"}.
)";

namespace {

Outcome exportRecord(CliContext& ctx, core::Session& session)
{
    auto patient = core::PatientStore(session).getByMrn(ctx.value("mrn"));
    if (!patient)
        return failure(patient.error());
    auto bundle = core::FhirExport(session).patientBundle(patient->id);
    if (!bundle)
        return failure(bundle.error());
    const std::string path = ctx.value("out");
    if (auto written = core::writeFileAtomically(path, *bundle); !written)
        return failure(written.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("mrn", patient->mrn);
        o->set("file", path);
        o->set("bytes", static_cast<std::int64_t>(bundle->size()));
        ctx.printJson(o);
    } else {
        ctx.out() << "Wrote the record of " << patient->displayName() << ", MRN " << patient->mrn << ", to " << path
                  << ".\n";
    }
    return {};
}

std::string countList(const std::map<std::string, int>& counts)
{
    std::string out;
    for (const auto& [type, n] : counts)
        out += (out.empty() ? "" : ", ") + type + " " + std::to_string(n);
    return out.empty() ? "none" : out;
}

Poco::JSON::Object::Ptr countJson(const std::map<std::string, int>& counts)
{
    auto o = newJsonObject();
    for (const auto& [type, n] : counts)
        o->set(type, n);
    return o;
}

Outcome importBundle(CliContext& ctx, core::Session& session)
{
    const std::string path = ctx.args().operand().value_or("");
    auto text = ctx.operandFile();
    if (!text)
        return std::unexpected(text.error());
    auto report = core::FhirImport(session).importBundle(*text);
    if (!report)
        return failure(report.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("entries", report->entries);
        o->set("imported", countJson(report->imported));
        o->set("already_present", countJson(report->alreadyPresent));
        o->set("skipped", countJson(report->skipped));
        Poco::JSON::Array::Ptr patients = new Poco::JSON::Array;
        for (const auto& p : report->patients) {
            auto po = newJsonObject();
            po->set("id", p.id);
            po->set("mrn", p.mrn);
            po->set("how", p.how);
            patients->add(po);
        }
        o->set("patients", patients);
        o->set("encounters_with_default_provider", report->encountersWithDefaultProvider);
        ctx.printJson(o);
        return {};
    }
    ctx.out() << "Imported " << path << " (" << report->entries << " entries).\n";
    for (const auto& p : report->patients)
        ctx.out() << "Patient MRN " << p.mrn
                  << (p.how == "created"       ? " (registered)"
                      : p.how == "matched_mrn" ? " (already registered, same MRN)"
                                               : " (already registered, same name and date of birth)")
                  << "\n";
    ctx.out() << "Imported: " << countList(report->imported) << "\n";
    if (!report->alreadyPresent.empty())
        ctx.out() << "Already present (imported before): " << countList(report->alreadyPresent) << "\n";
    ctx.out() << "Skipped:  " << countList(report->skipped) << "\n";
    if (report->encountersWithDefaultProvider > 0)
        ctx.out() << report->encountersWithDefaultProvider
                  << " encounter(s) named no provider of this clinic (by NPI) and went to the first one.\n";
    return {};
}

} // namespace

Outcome runFhir(CliContext& ctx)
{
    static const std::vector<Verb> kFhirVerbs = {
        {.name = "export", .options = {"mrn", "out"}, .required = {"mrn", "out"}, .unlocked = exportRecord},
        {.name = "import", .operand = "FILE", .unlocked = importBundle},
    };
    return runVerb(ctx, kFhirVerbs);
}

} // namespace practica::app
