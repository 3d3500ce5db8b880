// Small helpers shared by the benchmarks: timing, percentiles, a table printer, arguments.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace practica::bench {

inline double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

// "--name value" from argv, or the fallback.
inline std::string option(int argc, char** argv, const char* name, const std::string& fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return argv[i + 1];
    return fallback;
}

inline void printRow(const std::vector<std::string>& cells, const std::vector<int>& widths)
{
    std::string line = "|";
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::string c = cells[i];
        const int w = i < widths.size() ? widths[i] : 12;
        if (static_cast<int>(c.size()) < w)
            c += std::string(static_cast<std::size_t>(w) - c.size(), ' ');
        line += " " + c + " |";
    }
    std::puts(line.c_str());
}

inline void printHeader(const std::vector<std::string>& cells, const std::vector<int>& widths)
{
    printRow(cells, widths);
    std::vector<std::string> rule;
    for (int w : widths)
        rule.push_back(std::string(static_cast<std::size_t>(w), '-'));
    printRow(rule, widths);
}

inline std::string fixed(double v, int decimals = 2)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

} // namespace practica::bench
