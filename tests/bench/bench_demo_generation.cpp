// Demo generation rate: patients (with coverage, search index, change log and audit) per second.
// Usage: bench_demo_generation [--patients N] [--seed S] [--dir DIR]
#include "BenchUtil.h"
#include "core/demo/DemoClinic.h"
#include "words/ErrorWords.h"

#include <filesystem>

using namespace practica;

int main(int argc, char** argv)
{
    const int patients = std::stoi(bench::option(argc, argv, "--patients", "20000"));
    const auto seed = std::stoull(bench::option(argc, argv, "--seed", "1"));
    const std::filesystem::path dir =
        bench::option(argc, argv, "--dir", std::filesystem::temp_directory_path() / "practica-bench-demo");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string db = (dir / "clinic.db").string();

    core::SystemClock clock;
    core::DemoOptions options;
    options.patients = patients;
    options.seed = seed;
    options.cost = core::KdfCost::minimal(); // key derivation is measured separately
    options.schedule = false;                // patients only; bench_schedule measures the schedule
    options.charts = false;                  // and no charts (measured through the demo command)
    const auto start = std::chrono::steady_clock::now();
    auto clinic = core::createDemoClinic(db, options, clock);
    const double ms = bench::msSince(start);
    if (!clinic) {
        std::fprintf(stderr, "demo generation failed: %s\n", words::errorSentence(clinic.error()).c_str());
        return 1;
    }
    clinic->session.reset();
    const auto bytes = std::filesystem::file_size(db);
    bench::printHeader({"patients", "seconds", "patients/s", "database MB"}, {10, 10, 12, 12});
    bench::printRow({std::to_string(patients), bench::fixed(ms / 1000.0), bench::fixed(patients / (ms / 1000.0), 0),
                     bench::fixed(static_cast<double>(bytes) / 1e6, 1)},
                    {10, 10, 12, 12});
    std::filesystem::remove_all(dir);
    return 0;
}
