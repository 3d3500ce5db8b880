#include "Cli.h"

#include "Commands.h"

#include <charconv>
#include <map>
#include <ostream>

#ifndef PRACTICA_VERSION
#define PRACTICA_VERSION "0.0.0"
#endif

namespace practica::app {

namespace {

constexpr const char* kGlobalHelp = R"(Usage: practica-cli <noun> <verb> [options]

Practica's records from the command line, for admins, scripts and tests.

Commands:
  init                       create a new clinic database and its first admin
  demo                       create a demo clinic with synthetic patients
  users add|passwd|reset|list|deactivate|set-role|totp-enrol|totp-remove
  patients add|show|search|merge
  appointments book|move|cancel|status|list|export
  schedule free-slots        the first openings for an appointment type
  waitlist add|list          patients waiting for an earlier appointment
  encounters list|start|walk-in|close
                             a patient's visits (clinicians)
  notes list|show|new|edit|sign|addendum|verify
                             SOAP notes from templates, signing and addenda (clinicians)
  vitals add|list            vital signs with units, BMI and flags (clinicians)
  problems list|add|resolve|search
                             the problem list in ICD-10-CM (clinicians; search: anyone)
  allergies list|add|none    allergies and "no known allergies" (clinicians)
  labs list|import|held|release|discard
                             lab results and HL7 ORU^R01 imports (clinicians)
  fhir export|import         a patient's record as a FHIR R4 JSON Bundle, or a Bundle into the records
  claims build|scrub|submit|list|history|correct|transmit|clearinghouse|fees|payers
                             claims from signed visits, the scrubber, queuing (billers)
  x12 export-837|import|unread
                             every ready claim out as one 837P batch file; a 999 or 277CA in; the
                             clearinghouse's files that are neither (billers)
  audit verify               check the hash chain of the audit log
  db check|rekey|digest      integrity check; re-encrypt with a new key; digest of the synced records
                             (--scope SCOPE: as a desk of that sync scope holds them)
  sync enroll|join|now|status|conflicts|resolve
                             the clinic's sync server: connect, sync, and resolve refused changes

Options every command takes:
  --db PATH                  the clinic database (default: $PRACTICA_DB)
  --user NAME                who is acting (default: $PRACTICA_USER, else admin)
  --password-stdin           read the password from the first line of stdin
                             (default: $PRACTICA_PASSWORD, else a prompt on a terminal)
  --totp CODE                the authenticator code, for users with two-step sign-in
                             (default: $PRACTICA_TOTP)
  --json                     machine-readable output on stdout; errors stay one line on stderr
  --help                     help for the command; --version prints the version

Exit codes:
  0  success
  1  internal error
  2  the command line is wrong (unknown command or option, missing value)
  3  wrong user name, password or two-step code, the account is locked, or the sync server does not accept
     this workstation (not enrolled, not approved yet, or its certificate is not trusted)
  4  the acting user's role does not allow the operation
  5  no such record, database or key file
  6  a value breaks a rule, the record's state forbids it, it already exists, an
     appointment collides with another, a lab import held a message, or a FHIR bundle was
     refused (nothing was imported)
  7  the database, key file or audit log is damaged, the integrity check found problems, or a
     signed note's text no longer matches its signature
  8  disk full, read-only, busy or another I/O error, or the sync server cannot be reached
  130  interrupted (demo generation); nothing was kept

Run 'practica-cli <noun> --help' for a command's options.
)";

struct Noun
{
    Outcome (*run)(CliContext&);
    const char* help;
};

const std::map<std::string, Noun>& nouns()
{
    static const std::map<std::string, Noun> table = {
        {"init", {runInit, kInitHelp}},
        {"demo", {runDemo, kDemoHelp}},
        {"users", {runUsers, kUsersHelp}},
        {"patients", {runPatients, kPatientsHelp}},
        {"audit", {runAudit, kAuditHelp}},
        {"db", {runDb, kDbHelp}},
        {"appointments", {runAppointments, kAppointmentsHelp}},
        {"schedule", {runSchedule, kScheduleHelp}},
        {"waitlist", {runWaitlist, kWaitlistHelp}},
        {"sync", {runSync, kSyncHelp}},
        {"encounters", {runEncounters, kEncountersHelp}},
        {"notes", {runNotes, kNotesHelp}},
        {"vitals", {runVitals, kVitalsHelp}},
        {"problems", {runProblems, kProblemsHelp}},
        {"allergies", {runAllergies, kAllergiesHelp}},
        {"labs", {runLabs, kLabsHelp}},
        {"fhir", {runFhir, kFhirHelp}},
        {"claims", {runClaims, kClaimsHelp}},
        {"x12", {runX12, kX12Help}},
    };
    return table;
}

int report(std::ostream& err, const Failure& f)
{
    err << "practica-cli: " << f.message << "\n";
    return f.exitCode;
}

} // namespace

CliResult<std::int64_t> integerOption(const CliContext& ctx, const std::string& name, std::int64_t fallback,
                                      std::int64_t min, std::int64_t max)
{
    auto text = ctx.option(name);
    if (!text)
        return fallback;
    std::int64_t value = 0;
    const char* end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end || value < min || value > max)
        return usageError("--" + name + " must be a whole number from " + std::to_string(min) + " to " +
                          std::to_string(max));
    return value;
}

int runCli(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out, std::ostream& err)
{
    std::string problem;
    auto args = CliArgs::parse(arguments, problem);
    if (!args)
        return report(err, {kExitUsage, problem + "; see practica-cli --help"});
    if (args->has("version")) {
        out << "practica-cli " << PRACTICA_VERSION << "\n";
        return kExitOk;
    }
    if (args->noun().empty() && !args->wantsHelp())
        return report(err, {kExitUsage, "no command given; see practica-cli --help"});
    if (args->noun().empty() || args->noun() == "help") {
        const auto topic = nouns().find(args->verb());
        out << (topic != nouns().end() ? topic->second.help : kGlobalHelp);
        return kExitOk;
    }
    const auto noun = nouns().find(args->noun());
    if (noun == nouns().end())
        return report(err, {kExitUsage, "unknown command '" + args->noun() + "'; see practica-cli --help"});
    if (args->wantsHelp()) {
        out << noun->second.help;
        return kExitOk;
    }
    core::SystemClock clock;
    CliContext ctx(std::move(*args), in, out, err, clock);
    if (Outcome result = noun->second.run(ctx); !result)
        return report(err, result.error());
    return kExitOk;
}

} // namespace practica::app
