// Patient search latency (p50/p95/p99) by kind of query, on a demo clinic of N patients.
// Usage: bench_patient_search [--patients N] [--db PATH] [--queries Q]
//   With --db, an existing bench database is reused (made on the first run), so 1M needs generating once.
#include "BenchUtil.h"
#include "core/auth/Vault.h"
#include "core/db/Statement.h"
#include "core/demo/DemoClinic.h"
#include "core/patients/PatientStore.h"
#include "core/util/Text.h"
#include "words/ErrorWords.h"

#include <filesystem>
#include <map>
#include <random>

using namespace practica;

namespace {
constexpr const char* kPassword = "bench-admin-1";

struct Sample
{
    std::string family;
    std::string given;
    std::string dob;
    std::string phone;
    std::string mrn;
};

std::vector<Sample> samplePatients(core::Session& s, int count)
{
    std::vector<Sample> out;
    auto stmt = s.db().prepare("SELECT family_name, given_name, date_of_birth, coalesce(phone_mobile, phone_home, ''), "
                               "mrn FROM patient ORDER BY random() LIMIT ?;");
    if (!stmt)
        return out;
    stmt->bind(1, count);
    while (true) {
        auto row = stmt->step();
        if (!row || !*row)
            break;
        out.push_back({stmt->text(0), stmt->text(1), stmt->text(2), stmt->text(3), stmt->text(4)});
    }
    return out;
}
} // namespace

int main(int argc, char** argv)
{
    const int patients = std::stoi(bench::option(argc, argv, "--patients", "100000"));
    const int queries = std::stoi(bench::option(argc, argv, "--queries", "300"));
    const std::string defaultDb =
        (std::filesystem::temp_directory_path() / ("practica-bench-search-" + std::to_string(patients) + ".db"))
            .string();
    const std::string db = bench::option(argc, argv, "--db", defaultDb);
    core::SystemClock clock;

    std::unique_ptr<core::Session> session;
    if (!std::filesystem::exists(db)) {
        std::fprintf(stderr, "generating %d patients into %s ...\n", patients, db.c_str());
        core::DemoOptions options;
        options.patients = patients;
        options.seed = 7;
        options.adminPassword = kPassword;
        options.cost = core::KdfCost::minimal();
        options.schedule = false; // patients only, as the figures in RESULTS.md were measured
        const auto start = std::chrono::steady_clock::now();
        auto clinic = core::createDemoClinic(db, options, clock);
        if (!clinic) {
            std::fprintf(stderr, "demo generation failed: %s\n", words::errorSentence(clinic.error()).c_str());
            return 1;
        }
        std::fprintf(stderr, "generated in %.1f s\n", bench::msSince(start) / 1000.0);
        session = std::move(clinic->session);
    } else {
        auto unlocked = core::Vault::unlock(db, "admin", kPassword, clock);
        if (!unlocked) {
            std::fprintf(stderr, "cannot open %s: %s\n", db.c_str(), words::errorSentence(unlocked.error()).c_str());
            return 1;
        }
        session = std::move(*unlocked);
    }

    const auto samples = samplePatients(*session, queries);
    std::map<std::string, std::vector<std::string>> byKind;
    for (const Sample& s : samples) {
        const auto family = core::searchTokens(s.family);
        const auto given = core::searchTokens(s.given);
        if (family.empty() || given.empty())
            continue;
        byKind["name prefix (3)"].push_back(family[0].substr(0, 3));
        byKind["family + given prefixes"].push_back(family[0].substr(0, 3) + " " + given[0].substr(0, 2));
        byKind["given + family full"].push_back(s.given + " " + s.family);
        byKind["date of birth"].push_back(s.dob);
        if (!s.phone.empty())
            byKind["phone"].push_back(s.phone);
        byKind["mrn"].push_back(s.mrn);
    }

    core::PatientSearch store(*session);
    const std::vector<int> widths = {26, 8, 9, 9, 9, 12};
    std::printf("patients: %d\n\n", patients);
    bench::printHeader({"query kind", "queries", "p50 ms", "p95 ms", "p99 ms", "avg results"}, widths);
    std::vector<double> all;
    for (const auto& [kind, list] : byKind) {
        std::vector<double> times;
        double results = 0;
        for (const std::string& q : list) {
            const auto start = std::chrono::steady_clock::now();
            auto r = store.search(q);
            times.push_back(bench::msSince(start));
            if (!r) {
                std::fprintf(stderr, "search failed: %s\n", words::errorSentence(r.error()).c_str());
                return 1;
            }
            results += static_cast<double>(r->size());
        }
        all.insert(all.end(), times.begin(), times.end());
        bench::printRow({kind, std::to_string(list.size()), bench::fixed(bench::percentile(times, 50), 3),
                         bench::fixed(bench::percentile(times, 95), 3), bench::fixed(bench::percentile(times, 99), 3),
                         bench::fixed(results / static_cast<double>(list.size()), 1)},
                        widths);
    }
    bench::printRow({"all", std::to_string(all.size()), bench::fixed(bench::percentile(all, 50), 3),
                     bench::fixed(bench::percentile(all, 95), 3), bench::fixed(bench::percentile(all, 99), 3), ""},
                    widths);
    return 0;
}
