// A deterministic synthetic clinic for demos, training, tests and benchmarks: the same seed gives the
// same clinic. Everything is written through the stores, in batches.
#pragma once

#include "core/Error.h"
#include "core/auth/Session.h"
#include "core/crypto/KeyFile.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace practica::core {

struct DemoOptions
{
    int patients = 500;
    std::uint64_t seed = 1;
    std::string adminPassword = "practica-admin"; // the CLI passes PRACTICA_PASSWORD when it is set
    KdfCost cost = KdfCost::standard();
    // Providers, rooms, appointment types, hours, holidays, and appointments from six months back to six
    // months ahead, with series and a waitlist.
    bool schedule = true;
    // On a provider's full working day (half days get half); each patient is booked at most once a day,
    // so small clinics get fewer. 0 sets up the schedule without appointments.
    int appointmentsPerProviderDay = 20;
    // Charts, written by the demo's clinician: every patient's problems, medications, allergies and
    // immunizations; with a schedule, the clinician's seen visits (encounters, vitals, signed notes, labs)
    // and, from 60 active patients on, three patients with hundreds of visits. Not cancellable once
    // started (the progress total counts patients and appointments).
    bool charts = true;
    // Called now and then with (done, total): patients first, then appointments (done past patients means
    // appointments booked). Return false to cancel (the half-made files are removed).
    std::function<bool(std::int64_t done, std::int64_t total)> progress;
};

struct DemoLogin
{
    std::string username;
    std::string password;
    Role role;
    std::string displayName;
};

struct DemoClinic
{
    std::unique_ptr<Session> session; // the admin's session
    std::vector<DemoLogin> logins;    // admin first
    std::int64_t appointments = 0;    // booked by the schedule, series included
    std::int64_t encounters = 0;      // charted by the clinician
    std::int64_t claims = 0;          // billed by the biller, in every state
};

Result<DemoClinic> createDemoClinic(const std::string& databasePath, const DemoOptions& options, const Clock& clock);

} // namespace practica::core
