// init and demo: the two ways a clinic database comes into being.
#include "Commands.h"
#include "JsonOutput.h"
#include "core/auth/Vault.h"
#include "core/demo/DemoClinic.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <unistd.h>

namespace practica::app {

const char* const kInitHelp = R"(Usage: practica-cli init --db PATH --name NAME --npi NPI --tax-id EIN --address LINE
                        --city CITY --state ST --zip ZIP [options]

Creates a new encrypted clinic database (and its key file PATH.keys) with its first admin.
The admin's password comes from $PRACTICA_PASSWORD or --password-stdin (at least 8 characters).

  --name NAME            the clinic's name
  --npi NPI              the clinic's organisation (type 2) NPI, 10 digits with a valid check digit
  --tax-id EIN           the employer identification number, NN-NNNNNNN
  --address LINE         street address; --address2 LINE for a suite or floor
  --city CITY --state ST --zip ZIP
  --phone PHONE          the clinic's phone (optional)
  --time-zone ZONE       IANA time zone for appointments (default America/New_York)
  --mrn-prefix TEXT      up to 4 characters put before every MRN (optional)
  --user NAME            the admin's user name (default admin)
  --display-name NAME    the admin's name as others see it (default Administrator)
  --kdf standard|minimal key-slot cost; minimal is for tests and throwaway clinics only
)";

const char* const kDemoHelp = R"(Usage: practica-cli demo --db PATH [--patients N] [--seed S] [--kdf standard|minimal]

Creates a demo clinic full of synthetic patients, coverage and payers, and its schedule: providers,
rooms, appointment types, working hours, holidays, and appointments from six months back to six
months ahead; the same seed gives the same clinic. Prints the demo logins (user name, role,
password); progress goes to stderr and Ctrl+C stops and removes the half-made clinic.

  --patients N                how many patients (default 500)
  --seed S                    the random seed (default 1)
  --appointments-per-day N    per provider and full working day (default 20; each patient at most
                              once a day); 0 sets up the schedule without appointments
  --no-schedule               no providers, schedule or appointments at all
  --no-charts                 no clinical records (visits, notes, vitals, problems, allergies, labs)

The admin's password is $PRACTICA_PASSWORD (or the first line of --password-stdin) when given,
else the default demo password.
)";

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int)
{
    g_interrupted = 1;
}

Outcome createClinic(CliContext& ctx)
{
    auto path = ctx.databasePath();
    if (!path)
        return std::unexpected(path.error());
    core::Clinic clinic;
    clinic.name = ctx.value("name");
    clinic.npi = ctx.value("npi");
    clinic.taxId = ctx.value("tax-id");
    clinic.addressLine1 = ctx.value("address");
    clinic.city = ctx.value("city");
    clinic.state = ctx.value("state");
    clinic.zip = ctx.value("zip");
    clinic.addressLine2 = ctx.option("address2");
    clinic.phone = ctx.option("phone");
    clinic.timeZone = ctx.optionOr("time-zone", clinic.timeZone);
    clinic.mrnPrefix = ctx.optionOr("mrn-prefix", "");
    auto cost = ctx.kdfCost();
    if (!cost)
        return std::unexpected(cost.error());
    auto password = ctx.password();
    if (!password)
        return std::unexpected(password.error());
    const core::FirstAdmin admin{ctx.actingUser(), ctx.optionOr("display-name", "Administrator"), *password};
    auto session = core::Vault::createClinic(*path, clinic, admin, ctx.clock(), *cost);
    if (!session)
        return failure(session.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("database", *path);
        o->set("key_file", core::KeyFile::pathFor(*path));
        o->set("clinic", clinic.name);
        o->set("admin", admin.username);
        ctx.printJson(o);
    } else {
        ctx.out() << "Created " << clinic.name << " in " << *path << " (key file " << core::KeyFile::pathFor(*path)
                  << "); admin user '" << admin.username << "'.\n";
    }
    return {};
}

Outcome createDemo(CliContext& ctx)
{
    auto path = ctx.databasePath();
    if (!path)
        return std::unexpected(path.error());
    auto patients = integerOption(ctx, "patients", 500, 0, 10'000'000);
    if (!patients)
        return std::unexpected(patients.error());
    auto seed = integerOption(ctx, "seed", 1, 0, INT64_MAX);
    if (!seed)
        return std::unexpected(seed.error());
    auto perDay = integerOption(ctx, "appointments-per-day", core::DemoOptions().appointmentsPerProviderDay, 0, 60);
    if (!perDay)
        return std::unexpected(perDay.error());
    auto cost = ctx.kdfCost();
    if (!cost)
        return std::unexpected(cost.error());

    core::DemoOptions options;
    options.patients = static_cast<int>(*patients);
    options.schedule = !ctx.args().has("no-schedule");
    options.charts = !ctx.args().has("no-charts");
    options.appointmentsPerProviderDay = static_cast<int>(*perDay);
    options.seed = static_cast<std::uint64_t>(*seed);
    options.cost = *cost;
    const char* envPassword = std::getenv("PRACTICA_PASSWORD");
    const bool ownPassword = ctx.args().has("password-stdin") || (envPassword && *envPassword);
    if (ownPassword) {
        auto password = ctx.password();
        if (!password)
            return std::unexpected(password.error());
        options.adminPassword = *password;
    }
    const bool terminal = isatty(STDERR_FILENO);
    bool booking = false;
    options.progress = [&](std::int64_t done, std::int64_t total) {
        // Patients come first, then appointments: done past the patients counts appointments booked.
        const std::int64_t patientCount = options.patients;
        if (done <= patientCount && patientCount > 0) {
            ctx.err() << "Generating patients: " << done << " of " << patientCount << " (" << done * 100 / patientCount
                      << "%)" << (terminal ? "\r" : "\n") << std::flush;
        } else if (done > patientCount) {
            if (terminal && !booking)
                ctx.err() << "\n";
            booking = true;
            ctx.err() << "Booking appointments: " << done - patientCount << " of " << total - patientCount << " ("
                      << (done - patientCount) * 100 / (total - patientCount) << "%)" << (terminal ? "\r" : "\n")
                      << std::flush;
        }
        return g_interrupted == 0;
    };
    g_interrupted = 0;
    auto previous = std::signal(SIGINT, onInterrupt);
    const auto started = std::chrono::steady_clock::now();
    auto demo = core::createDemoClinic(*path, options, ctx.clock());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::signal(SIGINT, previous);
    if (terminal && options.patients > 0)
        ctx.err() << "\n";
    if (!demo && g_interrupted)
        return std::unexpected(
            Failure{kExitCancelled, "demo generation interrupted; the half-made clinic was removed"});
    if (!demo)
        return failure(demo.error());
    char rate[128];
    std::snprintf(rate, sizeof rate, "Generated %d patients, %lld appointments and %lld charted visits in %.1f s.",
                  options.patients, static_cast<long long>(demo->appointments),
                  static_cast<long long>(demo->encounters), seconds);
    ctx.err() << rate << "\n";

    auto shownPassword = [&](const core::DemoLogin& login) {
        return login.role == core::Role::Admin && ownPassword ? std::string() : login.password;
    };
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("database", *path);
        o->set("patients", options.patients);
        o->set("seed", static_cast<Poco::UInt64>(options.seed));
        o->set("appointments", static_cast<Poco::Int64>(demo->appointments));
        o->set("encounters", static_cast<Poco::Int64>(demo->encounters));
        Poco::JSON::Array::Ptr logins = new Poco::JSON::Array;
        for (const auto& login : demo->logins) {
            auto l = newJsonObject();
            l->set("username", login.username);
            l->set("role", std::string(core::roleName(login.role)));
            l->set("display_name", login.displayName);
            const std::string shown = shownPassword(login);
            l->set("password", shown.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(shown));
            logins->add(l);
        }
        o->set("logins", logins);
        ctx.printJson(o);
        return {};
    }
    ctx.out() << "Demo clinic with " << options.patients << " patients (seed " << options.seed << ") in " << *path
              << "\n\nLogins:\n";
    for (const auto& login : demo->logins) {
        const std::string shown = shownPassword(login);
        char line[160];
        std::snprintf(line, sizeof line, "  %-10s %-11s %-22s ", login.username.c_str(),
                      std::string(core::roleName(login.role)).c_str(),
                      shown.empty() ? "(the password you gave)" : shown.c_str());
        ctx.out() << line << login.displayName << "\n";
    }
    return {};
}

} // namespace

Outcome runInit(CliContext& ctx)
{
    static const std::vector<Verb> kInitVerbs = {
        {.options = {"name", "npi", "tax-id", "address", "address2", "city", "state", "zip", "phone", "time-zone",
                     "mrn-prefix", "display-name", "kdf"},
         .required = {"name", "npi", "tax-id", "address", "city", "state", "zip"},
         .run = createClinic},
    };
    return runVerb(ctx, kInitVerbs);
}

Outcome runDemo(CliContext& ctx)
{
    static const std::vector<Verb> kDemoVerbs = {
        {.options = {"patients", "seed", "kdf", "appointments-per-day", "no-schedule", "no-charts"}, .run = createDemo},
    };
    return runVerb(ctx, kDemoVerbs);
}

} // namespace practica::app
