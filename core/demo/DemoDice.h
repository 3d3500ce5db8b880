// The demo clinic's randomness and calendar arithmetic: draws that are the same for a seed on every
// platform, and dates as the clinic writes them.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>
#include <span>
#include <string>
#include <string_view>

namespace practica::core::demo {

// Draws from std::mt19937_64, whose output the standard fixes; the library's distributions are not
// portable, so the same seed would give different clinics on different platforms.
class Dice
{
public:
    explicit Dice(std::uint64_t seed) : m_engine(seed) {}
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : m_engine() % n; }
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
    bool percent(int p) { return static_cast<int>(below(1000)) < p * 10; }
    bool permille(int p) { return static_cast<int>(below(1000)) < p; }
    template <class T> const T& pick(std::span<const T> items) { return items[below(items.size())]; }
    template <class T, std::size_t N> const T& pick(const T (&items)[N]) { return items[below(N)]; }
    std::string digits(int count)
    {
        std::string s;
        for (int i = 0; i < count; ++i)
            s += static_cast<char>('0' + below(10));
        return s;
    }
    char letter(std::string_view from = "ABCDEFGHIJKLMNOPQRSTUVWXYZ") { return from[below(from.size())]; }

private:
    std::mt19937_64 m_engine;
};

inline std::string isoDate(std::chrono::sys_days day)
{
    const std::chrono::year_month_day ymd{day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

// Expects a validated YYYY-MM-DD.
inline std::chrono::sys_days parseIso(const std::string& iso)
{
    const int y = std::stoi(iso.substr(0, 4));
    const auto m = static_cast<unsigned>(std::stoi(iso.substr(5, 2)));
    const auto d = static_cast<unsigned>(std::stoi(iso.substr(8, 2)));
    return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

inline int yearOf(std::chrono::sys_days day)
{
    return static_cast<int>(std::chrono::year_month_day{day}.year());
}

inline std::chrono::sys_days janFirst(int year)
{
    return std::chrono::sys_days{std::chrono::year{year} / std::chrono::January / 1};
}

// Completed years between two days.
inline int ageOn(std::chrono::sys_days birth, std::chrono::sys_days on)
{
    const std::chrono::year_month_day b{birth}, o{on};
    int age = static_cast<int>(o.year()) - static_cast<int>(b.year());
    if (std::chrono::month_day{o.month(), o.day()} < std::chrono::month_day{b.month(), b.day()})
        --age;
    return age;
}

} // namespace practica::core::demo
