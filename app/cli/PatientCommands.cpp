// patients: register, look up, search and merge patients through PatientStore.
#include "Commands.h"
#include "JsonOutput.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientStore.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <ostream>

namespace practica::app {

const char* const kPatientsHelp = R"(Usage: practica-cli patients <verb> [options]

  add --family NAME --given NAME --dob DATE --sex female|male|other|unknown [fields]
        registers a patient and prints the new MRN. Refuses when the patient looks like one
        already registered (same name and birth date, or same phone) unless --allow-duplicate.
        Optional fields: --middle --suffix --preferred-name --gender-identity --pronouns
        --address --address2 --city --state --zip --phone (mobile) --phone-home --phone-work
        --email --language --emergency-name --emergency-relationship --emergency-phone
        --guarantor-name --guarantor-relationship --guarantor-phone
        --status active|inactive|deceased --deceased-date DATE
  show --mrn MRN | --id ID
        shows one patient's demographics and coverage
  search --query TEXT [--limit N]
        finds patients by name parts ("smi jo"), birth date, MRN or phone
  merge --survivor MRN --merged MRN
        moves every record of the merged patient to the survivor and retires the merged MRN

Dates are YYYY-MM-DD or MM/DD/YYYY. With --json, search prints an array and show an object.
)";

namespace {

using OptionalField = std::optional<std::string> core::Patient::*;

constexpr std::pair<const char*, OptionalField> kOptionalFields[] = {
    {"middle", &core::Patient::middleName},
    {"suffix", &core::Patient::suffix},
    {"preferred-name", &core::Patient::preferredName},
    {"gender-identity", &core::Patient::genderIdentity},
    {"pronouns", &core::Patient::pronouns},
    {"address", &core::Patient::addressLine1},
    {"address2", &core::Patient::addressLine2},
    {"city", &core::Patient::city},
    {"state", &core::Patient::state},
    {"zip", &core::Patient::zip},
    {"phone", &core::Patient::phoneMobile},
    {"phone-home", &core::Patient::phoneHome},
    {"phone-work", &core::Patient::phoneWork},
    {"email", &core::Patient::email},
    {"language", &core::Patient::preferredLanguage},
    {"emergency-name", &core::Patient::emergencyName},
    {"emergency-relationship", &core::Patient::emergencyRelationship},
    {"emergency-phone", &core::Patient::emergencyPhone},
    {"guarantor-name", &core::Patient::guarantorName},
    {"guarantor-relationship", &core::Patient::guarantorRelationship},
    {"guarantor-phone", &core::Patient::guarantorPhone},
    {"deceased-date", &core::Patient::deceasedDate},
};

std::string phoneText(const std::optional<std::string>& digits)
{
    return digits ? core::formatPhone(*digits) : std::string();
}

std::set<std::string> addOptions()
{
    std::set<std::string> accepted = {"family", "given", "dob", "sex", "status", "allow-duplicate"};
    for (const auto& [option, field] : kOptionalFields)
        accepted.insert(option);
    return accepted;
}

Outcome addPatient(CliContext& ctx, core::Session& session)
{
    core::Patient p;
    p.familyName = ctx.value("family");
    p.givenName = ctx.value("given");
    p.dateOfBirth = ctx.value("dob");
    p.sex = ctx.value("sex");
    std::transform(p.sex.begin(), p.sex.end(), p.sex.begin(), [](unsigned char c) { return std::tolower(c); });
    if (p.sex == "f")
        p.sex = "female";
    else if (p.sex == "m")
        p.sex = "male";
    for (const auto& [option, field] : kOptionalFields)
        p.*field = ctx.option(option);
    if (auto status = ctx.option("status")) {
        auto parsed = core::patientStatusFromName(*status);
        if (!parsed || *parsed == core::PatientStatus::Merged)
            return usageError("--status must be active, inactive or deceased");
        p.status = *parsed;
    }

    core::PatientStore store(session);
    if (!ctx.args().has("allow-duplicate")) {
        auto duplicates = core::PatientSearch(session).findDuplicates(p);
        if (!duplicates)
            return failure(duplicates.error());
        if (!duplicates->empty()) {
            const auto& d = duplicates->front();
            return std::unexpected(
                Failure{kExitInvalid, "possible duplicate of " + d.patient.displayName() + ", MRN " + d.patient.mrn +
                                          " (" + (d.reason == "phone" ? "same phone" : "same name and date of birth") +
                                          "); pass --allow-duplicate to register anyway"});
        }
    }
    auto created = store.create(std::move(p));
    if (!created)
        return failure(created.error());
    if (ctx.json())
        ctx.printJson(patientJson(*created));
    else
        ctx.out() << "Registered " << created->displayName() << ", MRN " << created->mrn << ".\n";
    return {};
}

void printPatient(std::ostream& out, const core::Patient& p, const std::vector<core::Coverage>& coverage)
{
    auto line = [&](const char* label, const std::string& value) {
        if (!value.empty())
            out << label << value << "\n";
    };
    line("MRN:            ", p.mrn);
    line("Name:           ", p.displayName());
    line("Middle name:    ", p.middleName.value_or(""));
    line("Suffix:         ", p.suffix.value_or(""));
    line("Date of birth:  ", p.dateOfBirth);
    line("Sex:            ", p.sex);
    line("Gender:         ", p.genderIdentity.value_or(""));
    line("Pronouns:       ", p.pronouns.value_or(""));
    line("Status:         ",
         core::patientStatusName(p.status) + (p.deceasedDate ? " (" + *p.deceasedDate + ")" : std::string()));
    std::string address = p.addressLine1.value_or("");
    if (p.addressLine2)
        address += ", " + *p.addressLine2;
    if (p.city)
        address += (address.empty() ? "" : ", ") + *p.city + " " + p.state.value_or("") + " " + p.zip.value_or("");
    line("Address:        ", address);
    line("Mobile phone:   ", phoneText(p.phoneMobile));
    line("Home phone:     ", phoneText(p.phoneHome));
    line("Work phone:     ", phoneText(p.phoneWork));
    line("E-mail:         ", p.email.value_or(""));
    line("Language:       ", p.preferredLanguage.value_or(""));
    if (p.emergencyName)
        line("Emergency:      ", *p.emergencyName + " (" + p.emergencyRelationship.value_or("contact") + ") " +
                                     phoneText(p.emergencyPhone));
    if (p.guarantorName)
        line("Guarantor:      ", *p.guarantorName + " (" + p.guarantorRelationship.value_or("guarantor") + ") " +
                                     phoneText(p.guarantorPhone));
    line("Merged into:    ", p.mergedInto.value_or(""));
    line("Id:             ", p.id);
    for (const auto& c : coverage)
        out << "Coverage:       " << c.rank << ": " << c.payerName << (c.planName ? " " + *c.planName : "")
            << ", member " << c.memberId << ", " << c.relationship << " of " << c.subscriberName << ", from "
            << c.effectiveDate << (c.active ? "" : " (inactive)") << "\n";
}

Outcome showPatient(CliContext& ctx, core::Session& session)
{
    const auto mrn = ctx.option("mrn");
    const auto id = ctx.option("id");
    if (mrn.has_value() == id.has_value())
        return usageError("pass either --mrn or --id");
    core::PatientStore store(session);
    auto patient = mrn ? store.getByMrn(*mrn) : store.get(*id);
    if (!patient)
        return failure(patient.error());
    std::vector<core::Coverage> coverage;
    if (session.can(core::Permission::CoverageRead)) {
        auto policies = core::CoverageStore(session).forPatient(patient->id);
        if (!policies)
            return failure(policies.error());
        coverage = std::move(*policies);
    }
    if (!ctx.json()) {
        printPatient(ctx.out(), *patient, coverage);
        return {};
    }
    auto o = patientJson(*patient);
    if (session.can(core::Permission::CoverageRead)) {
        Poco::JSON::Array::Ptr policies = new Poco::JSON::Array;
        for (const auto& c : coverage)
            policies->add(coverageJson(c));
        o->set("coverage", policies);
    }
    ctx.printJson(o);
    return {};
}

Outcome searchPatients(CliContext& ctx, core::Session& session)
{
    const std::string query = ctx.value("query");
    auto limit = integerOption(ctx, "limit", 50, 1, 1000);
    if (!limit)
        return std::unexpected(limit.error());
    auto found = core::PatientSearch(session).search(query, static_cast<int>(*limit));
    if (!found)
        return failure(found.error());
    if (ctx.json()) {
        Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
        for (const auto& p : *found)
            array->add(patientSummaryJson(p));
        ctx.printJson(array);
        return {};
    }
    if (found->empty()) {
        ctx.out() << "No patients match '" << query << "'.\n";
        return {};
    }
    for (const auto& p : *found) {
        std::string phone = phoneText(p.phone);
        phone.resize(14, ' ');
        ctx.out() << p.mrn << "  " << p.dateOfBirth << "  " << p.sex.substr(0, 1) << "  " << phone << "  "
                  << p.displayName()
                  << (p.status == core::PatientStatus::Active ? "" : " [" + core::patientStatusName(p.status) + "]")
                  << "\n";
    }
    return {};
}

Outcome mergePatients(CliContext& ctx, core::Session& session)
{
    if (auto allowed = session.require(core::Permission::PatientMerge); !allowed)
        return failure(allowed.error());
    core::PatientStore store(session);
    auto survivor = store.getByMrn(ctx.value("survivor"));
    if (!survivor)
        return failure(survivor.error());
    auto merged = store.getByMrn(ctx.value("merged"));
    if (!merged)
        return failure(merged.error());
    auto outcome = store.merge(survivor->id, merged->id);
    if (!outcome)
        return failure(outcome.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("merge_id", outcome->mergeId);
        o->set("survivor", survivor->mrn);
        o->set("merged", merged->mrn);
        o->set("moved_records", outcome->movedRecords);
        ctx.printJson(o);
    } else {
        ctx.out() << "Merged MRN " << merged->mrn << " into MRN " << survivor->mrn << " (" << outcome->movedRecords
                  << " records moved).\n";
    }
    return {};
}

} // namespace

Outcome runPatients(CliContext& ctx)
{
    static const std::vector<Verb> kPatientVerbs = {
        {.name = "add", .options = addOptions(), .required = {"family", "given", "dob", "sex"}, .unlocked = addPatient},
        {.name = "show", .options = {"mrn", "id"}, .unlocked = showPatient},
        {.name = "search", .options = {"query", "limit"}, .required = {"query"}, .unlocked = searchPatients},
        {.name = "merge",
         .options = {"survivor", "merged"},
         .required = {"survivor", "merged"},
         .unlocked = mergePatients},
    };
    return runVerb(ctx, kPatientVerbs);
}

} // namespace practica::app
