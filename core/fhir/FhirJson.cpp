#include "FhirJson.h"

#include "core/util/Validators.h"

#include <charconv>
#include <cmath>

namespace practica::core::fhir {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<int> digitsAt(std::string_view text, std::size_t pos, std::size_t count)
{
    if (pos + count > text.size())
        return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

} // namespace

Object object()
{
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Array array()
{
    return new Poco::JSON::Array();
}

Object objectAt(const Object& o, const std::string& key)
{
    if (!o || !o->has(key))
        return nullptr;
    return o->getObject(key);
}

Array arrayAt(const Object& o, const std::string& key)
{
    if (!o || !o->has(key))
        return nullptr;
    return o->getArray(key);
}

Object objectIn(const Array& a, std::size_t index)
{
    if (!a || index >= a->size())
        return nullptr;
    return a->getObject(static_cast<unsigned>(index));
}

std::optional<std::string> textAt(const Object& o, const std::string& key)
{
    if (!o || !o->has(key))
        return std::nullopt;
    const Poco::Dynamic::Var v = o->get(key);
    if (!v.isString())
        return std::nullopt;
    return v.extract<std::string>();
}

std::optional<double> numberAt(const Object& o, const std::string& key)
{
    if (!o || !o->has(key))
        return std::nullopt;
    const Poco::Dynamic::Var v = o->get(key);
    if (!v.isNumeric() || v.isBoolean())
        return std::nullopt;
    try {
        return v.convert<double>();
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

std::optional<bool> flagAt(const Object& o, const std::string& key)
{
    if (!o || !o->has(key))
        return std::nullopt;
    const Poco::Dynamic::Var v = o->get(key);
    if (!v.isBoolean())
        return std::nullopt;
    return v.extract<bool>();
}

Object coding(const std::string& system, const std::string& code, const std::string& display)
{
    Object c = object();
    if (!system.empty())
        c->set("system", system);
    c->set("code", code);
    if (!display.empty())
        c->set("display", display);
    return c;
}

Object codeable(Object codingOrNull, const std::optional<std::string>& text)
{
    Object c = object();
    if (codingOrNull) {
        Array codings = array();
        codings->add(codingOrNull);
        c->set("coding", codings);
    }
    if (text && !text->empty())
        c->set("text", *text);
    return c;
}

Object conceptText(const std::string& text)
{
    Object c = object();
    c->set("text", text);
    return c;
}

Object referenceTo(const std::string& target, const std::optional<std::string>& display)
{
    Object r = object();
    r->set("reference", target);
    if (display && !display->empty())
        r->set("display", *display);
    return r;
}

Array textList(const std::string& text)
{
    Array a = array();
    a->add(conceptText(text));
    return a;
}

std::string numberText(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return std::to_string(static_cast<std::int64_t>(value));
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(value);
}

bool isDecimalText(std::string_view t)
{
    std::size_t i = 0;
    if (i < t.size() && t[i] == '-')
        ++i;
    const std::size_t intStart = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9')
        ++i;
    const std::size_t intDigits = i - intStart;
    if (intDigits == 0 || (intDigits > 1 && t[intStart] == '0'))
        return false;
    if (i == t.size())
        return true;
    if (t[i] != '.')
        return false;
    const std::size_t fracStart = ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9')
        ++i;
    return i > fracStart && i == t.size();
}

std::string instantText(std::int64_t unixMs)
{
    std::string text = utcTimestamp(unixMs); // YYYY-MM-DDTHH:MM:SSZ
    const std::int64_t ms = ((unixMs % 1000) + 1000) % 1000;
    if (ms != 0) {
        char frac[5];
        frac[0] = '.';
        frac[1] = static_cast<char>('0' + ms / 100);
        frac[2] = static_cast<char>('0' + ms / 10 % 10);
        frac[3] = static_cast<char>('0' + ms % 10);
        frac[4] = '\0';
        text.insert(text.size() - 1, frac);
    }
    return text;
}

std::optional<DateTime> parseDateTime(std::string_view t)
{
    // YYYY, YYYY-MM, YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss(.fff)?(Z|+hh:mm|-hh:mm)
    const auto year = digitsAt(t, 0, 4);
    if (!year)
        return std::nullopt;
    if (t.size() == 4)
        return DateTime{std::nullopt, daysFromCivil(*year, 1, 1) * 86'400'000, false};
    if (t.size() < 7 || t[4] != '-')
        return std::nullopt;
    const auto month = digitsAt(t, 5, 2);
    if (!month || *month < 1 || *month > 12)
        return std::nullopt;
    if (t.size() == 7)
        return DateTime{std::nullopt, daysFromCivil(*year, static_cast<unsigned>(*month), 1) * 86'400'000, false};
    if (t.size() < 10 || t[7] != '-' || !isIsoDate(t.substr(0, 10)))
        return std::nullopt;
    const auto day = digitsAt(t, 8, 2);
    DateTime out;
    out.date = std::string(t.substr(0, 10));
    const std::int64_t days = daysFromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
    out.utcMs = days * 86'400'000;
    if (t.size() == 10)
        return out;
    if (t[10] != 'T' || t.size() < 20 || t[13] != ':' || t[16] != ':')
        return std::nullopt;
    const auto hh = digitsAt(t, 11, 2), mm = digitsAt(t, 14, 2), ss = digitsAt(t, 17, 2);
    if (!hh || !mm || !ss || *hh > 23 || *mm > 59 || *ss > 60)
        return std::nullopt;
    std::size_t i = 19;
    std::int64_t ms = 0;
    if (t[i] == '.') {
        std::size_t digits = 0;
        for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++digits)
            if (digits < 3)
                ms = ms * 10 + (t[i] - '0');
        if (digits == 0)
            return std::nullopt;
        for (; digits < 3; ++digits)
            ms *= 10;
    }
    std::int64_t offsetMinutes = 0;
    if (i < t.size() && t[i] == 'Z' && i + 1 == t.size()) {
        offsetMinutes = 0;
    } else if (i + 6 == t.size() && (t[i] == '+' || t[i] == '-') && t[i + 3] == ':') {
        const auto oh = digitsAt(t, i + 1, 2), om = digitsAt(t, i + 4, 2);
        if (!oh || !om || *oh > 14 || *om > 59)
            return std::nullopt;
        offsetMinutes = (*oh * 60 + *om) * (t[i] == '-' ? -1 : 1);
    } else {
        return std::nullopt; // FHIR requires a time zone whenever a time is given
    }
    out.utcMs += ((*hh * 60 + *mm - offsetMinutes) * 60 + *ss) * 1000 + ms;
    out.hasTime = true;
    return out;
}

} // namespace practica::core::fhir
