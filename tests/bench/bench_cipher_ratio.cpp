// Runs the same storage workload on SQLCipher and on plain SQLite (separate processes) and prints the
// time of each phase and the SQLCipher/SQLite ratio. Usage: bench_cipher_ratio [ROWS] [RUNS]
#include "BenchUtil.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

namespace {

std::map<std::string, double> runWorkload(const char* binary, const std::string& db, const std::string& rows)
{
    std::map<std::string, double> phases;
    const std::string command = std::string(binary) + " '" + db + "' " + rows;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return phases;
    char name[64];
    double ms = 0;
    while (std::fscanf(pipe, "%63s %lf", name, &ms) == 2)
        phases[name] += ms;
    if (::pclose(pipe) != 0)
        phases.clear();
    return phases;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string rows = argc > 1 ? argv[1] : "200000";
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    const std::string db = (std::filesystem::temp_directory_path() / "practica-bench-storage.db").string();
    std::map<std::string, double> cipher, plain;
    for (int i = 0; i < runs; ++i) {
        // Alternate the order so neither side always runs on a warmer machine.
        auto a = i % 2 ? runWorkload(PLAIN_BENCH, db, rows) : runWorkload(CIPHER_BENCH, db, rows);
        auto b = i % 2 ? runWorkload(CIPHER_BENCH, db, rows) : runWorkload(PLAIN_BENCH, db, rows);
        auto& c = i % 2 ? b : a;
        auto& p = i % 2 ? a : b;
        if (c.empty() || p.empty()) {
            std::fprintf(stderr, "a workload run failed\n");
            return 1;
        }
        for (auto& [k, v] : c)
            cipher[k] += v / runs;
        for (auto& [k, v] : p)
            plain[k] += v / runs;
    }
    std::printf("rows: %s, runs: %d (mean ms per run)\n\n", rows.c_str(), runs);
    const std::vector<int> widths = {14, 12, 12, 8};
    practica::bench::printHeader({"phase", "SQLCipher ms", "SQLite ms", "ratio"}, widths);
    double totalC = 0, totalP = 0;
    for (const char* phase : {"insert", "point_query", "prefix_query"}) {
        totalC += cipher[phase];
        totalP += plain[phase];
        practica::bench::printRow({phase, practica::bench::fixed(cipher[phase], 1),
                                   practica::bench::fixed(plain[phase], 1),
                                   practica::bench::fixed(cipher[phase] / plain[phase])},
                                  widths);
    }
    practica::bench::printRow({"total", practica::bench::fixed(totalC, 1), practica::bench::fixed(totalP, 1),
                               practica::bench::fixed(totalC / totalP)},
                              widths);
    return 0;
}
