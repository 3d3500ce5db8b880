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
    // Called now and then with (done, total); return false to cancel (the half-made files are removed).
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
};

Result<DemoClinic> createDemoClinic(const std::string& databasePath, const DemoOptions& options, const Clock& clock);

} // namespace practica::core
