#include "Validators.h"

#include "Text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <date/date.h>
#include <date/tz.h>
#include <regex>

namespace practica::core {

bool isIsoDate(std::string_view t)
{
    if (t.size() != 10 || t[4] != '-' || t[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (t[i] < '0' || t[i] > '9')
            return false;
    const int y = std::stoi(std::string(t.substr(0, 4)));
    const unsigned m = static_cast<unsigned>(std::stoi(std::string(t.substr(5, 2))));
    const unsigned d = static_cast<unsigned>(std::stoi(std::string(t.substr(8, 2))));
    return date::year_month_day{date::year{y}, date::month{m}, date::day{d}}.ok() && y >= 1800;
}

bool isUtcTimestamp(std::string_view t)
{
    if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z' || !isIsoDate(t.substr(0, 10)))
        return false;
    for (std::size_t i : {11, 12, 14, 15, 17, 18})
        if (t[i] < '0' || t[i] > '9')
            return false;
    const int h = (t[11] - '0') * 10 + (t[12] - '0');
    const int m = (t[14] - '0') * 10 + (t[15] - '0');
    const int s = (t[17] - '0') * 10 + (t[18] - '0');
    return h < 24 && m < 60 && s < 60;
}

std::string utcTimestamp(std::int64_t unixMs)
{
    const auto at =
        date::floor<std::chrono::seconds>(date::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(unixMs)));
    return date::format("%FT%TZ", at);
}

std::string isoDateUtc(std::int64_t unixMs)
{
    const auto days =
        date::floor<date::days>(date::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(unixMs)));
    return date::format("%F", date::year_month_day{days});
}

std::string isoDateIn(std::int64_t unixMs, const std::string& timeZone)
{
    try {
        const auto* zone = date::locate_zone(timeZone);
        const date::zoned_time<std::chrono::milliseconds> zt(
            zone, date::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(unixMs)));
        return date::format("%F", date::floor<date::days>(zt.get_local_time()));
    } catch (const std::exception&) {
        return isoDateUtc(unixMs);
    }
}

std::optional<std::string> parseDate(std::string_view text)
{
    const std::string t = trimmed(text);
    if (isIsoDate(t))
        return t;
    static const std::regex us(R"(^(\d{1,2})/(\d{1,2})/(\d{4})$)");
    std::smatch m;
    if (std::regex_match(t, m, us)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", std::stoi(m[3]), std::stoi(m[1]), std::stoi(m[2]));
        if (isIsoDate(buf))
            return std::string(buf);
    }
    return std::nullopt;
}

bool isUsState(std::string_view code)
{
    static constexpr std::array<std::string_view, 57> kCodes = {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
        "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
        "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
        "VA", "WA", "WV", "WI", "WY", "DC", "PR", "VI", "GU", "AS", "MP", "AA"};
    for (auto c : kCodes)
        if (c == code)
            return true;
    return code == "AE" || code == "AP";
}

bool isZip(std::string_view zip)
{
    static const std::regex re(R"(^\d{5}(-\d{4})?$)");
    return std::regex_match(std::string(zip), re);
}

std::optional<std::string> normalizePhone(std::string_view text)
{
    for (char c : text) {
        const bool allowed =
            (c >= '0' && c <= '9') || c == ' ' || c == '(' || c == ')' || c == '-' || c == '.' || c == '+';
        if (!allowed)
            return std::nullopt;
    }
    std::string d = digitsOnly(text);
    if (d.size() == 11 && d[0] == '1')
        d.erase(0, 1);
    if (d.size() != 10 || d[0] < '2' || d[3] < '2')
        return std::nullopt;
    return d;
}

std::string formatPhone(std::string_view d)
{
    if (d.size() != 10)
        return std::string(d);
    return "(" + std::string(d.substr(0, 3)) + ") " + std::string(d.substr(3, 3)) + "-" + std::string(d.substr(6));
}

bool isEmail(std::string_view text)
{
    static const std::regex re(R"(^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$)");
    return text.size() <= 254 && std::regex_match(std::string(text), re);
}

char luhnCheckDigit(std::string_view digits)
{
    int sum = 0;
    bool doubleIt = true; // the digit next to the (future) check digit is doubled
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int v = *it - '0';
        if (doubleIt) {
            v *= 2;
            if (v > 9)
                v -= 9;
        }
        sum += v;
        doubleIt = !doubleIt;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool isNpi(std::string_view npi)
{
    if (npi.size() != 10 || digitsOnly(npi).size() != 10)
        return false;
    // Luhn over "80840" + the first nine digits; the tenth is the check digit.
    return luhnCheckDigit("80840" + std::string(npi.substr(0, 9))) == npi[9];
}

bool isTaxId(std::string_view taxId)
{
    static const std::regex re(R"(^\d{2}-?\d{7}$)");
    return std::regex_match(std::string(taxId), re);
}

bool isTimeZone(const std::string& name)
{
    try {
        return date::locate_zone(name) != nullptr;
    } catch (const std::exception&) {
        return false;
    }
}

bool isColor(std::string_view text)
{
    if (text.size() != 7 || text[0] != '#')
        return false;
    return std::all_of(text.begin() + 1, text.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

bool isSshHostKey(std::string_view text)
{
    constexpr std::string_view prefix = "SHA256:";
    if (text.size() != prefix.size() + 43 || text.substr(0, prefix.size()) != prefix)
        return false;
    return std::all_of(text.begin() + prefix.size(), text.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/'; });
}

bool isRemotePath(std::string_view text)
{
    if (text.empty() || text.size() > 200 || text[0] != '/' || text.find("..") != std::string_view::npos)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c <= '~' && c != '"' && c != '\\'; });
}

bool isUserName(std::string_view text)
{
    if (text.size() < 2 || text.size() > 32 || text[0] < 'a' || text[0] > 'z')
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

} // namespace practica::core
