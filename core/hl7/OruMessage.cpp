#include "OruMessage.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <span>

namespace practica::core {

namespace {

bool allDigits(std::string_view s)
{
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

int number(std::string_view digits)
{
    int n = 0;
    for (char c : digits)
        n = n * 10 + (c - '0');
    return n;
}

bool isBlank(std::string_view s)
{
    return s.find_first_not_of(" \t") == std::string_view::npos;
}

// HL7 NM: an optional sign, digits and at most one decimal point, at least one digit. The text is kept (a leading
// "+" dropped) so that no precision is lost on the way to the chart.
std::optional<std::string> decimalText(std::string_view s)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    std::string out;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        if (s.front() == '-')
            out += '-';
        s.remove_prefix(1);
    }
    bool digit = false, point = false;
    for (char c : s) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c == '.' && !point)
            point = true;
        else
            return std::nullopt;
        out += c;
    }
    return digit ? std::optional(out) : std::nullopt;
}

// The message being read: its segments and, once read, its control id for every issue.
class MessageReader
{
public:
    MessageReader(const Hl7Message& message, int lastLineOfFile) : m_message(message), m_lastLine(lastLineOfFile) {}
    OruOutcome read();

private:
    std::unexpected<OruIssue> issue(OruProblem problem, const Hl7Segment& s, int field = 0, std::string value = {})
    {
        return std::unexpected(
            OruIssue{problem, std::string(s.name()), m_index, s.line(), field, std::move(value), m_controlId});
    }
    // A required field left empty: the file was cut off if this is its last segment, otherwise a bad field.
    std::optional<std::unexpected<OruIssue>> require(const Hl7Segment& s, std::initializer_list<int> fields,
                                                     OruProblem otherwise = OruProblem::BadField)
    {
        for (int f : fields)
            if (!s.has(static_cast<std::size_t>(f)))
                return issue(s.line() == m_lastLine ? OruProblem::Truncated : otherwise, s, f);
        return std::nullopt;
    }
    std::optional<std::unexpected<OruIssue>> timestamp(const Hl7Segment& s, int field, std::optional<Hl7Timestamp>& out)
    {
        const std::string text = s.component(static_cast<std::size_t>(field), 1);
        if (text.empty())
            return std::nullopt;
        out = parseHl7Timestamp(text);
        if (!out)
            return issue(OruProblem::BadTimestamp, s, field, text);
        return std::nullopt;
    }
    std::optional<std::unexpected<OruIssue>> readHeader(const Hl7Segment& msh, OruResult& r);
    std::optional<std::unexpected<OruIssue>> readPatient(const Hl7Segment& pid, OruPatient& p);
    std::optional<std::unexpected<OruIssue>> readOrder(const Hl7Segment& obr, OruOrder& o);
    std::optional<std::unexpected<OruIssue>> readObservation(const Hl7Segment& obx, OruObservation& o);
    std::optional<std::unexpected<OruIssue>> readValue(const Hl7Segment& obx, OruObservation& o);

    const Hl7Message& m_message;
    int m_lastLine = 0;
    int m_index = 0;
    std::string m_controlId;
};

Hl7Coded coded(const Hl7Segment& s, std::size_t field, std::size_t repetition = 0)
{
    return {s.component(field, 1, repetition), s.component(field, 2, repetition), s.component(field, 3, repetition)};
}

std::string joinedRepetitions(const Hl7Segment& s, std::size_t field)
{
    std::string text;
    for (std::size_t r = 0; r < s.repetitionCount(field); ++r) {
        if (r > 0)
            text += '\n';
        text += s.field(field, r);
    }
    return text;
}

std::optional<std::unexpected<OruIssue>> MessageReader::readHeader(const Hl7Segment& msh, OruResult& r)
{
    if (auto bad = require(msh, {9, 10, 12}, OruProblem::BadHeader))
        return bad;
    m_controlId = r.controlId = msh.field(10);
    if (msh.component(9, 1) != "ORU" || msh.component(9, 2) != "R01")
        return issue(OruProblem::WrongMessageType, msh, 9, msh.field(9));
    r.version = msh.component(12, 1);
    static constexpr std::array<std::string_view, 5> kVersions = {"2.3", "2.3.1", "2.4", "2.5", "2.5.1"};
    if (std::find(kVersions.begin(), kVersions.end(), r.version) == kVersions.end())
        return issue(OruProblem::UnsupportedVersion, msh, 12, r.version);
    r.sendingApplication = msh.component(3, 1);
    r.sendingFacility = msh.component(4, 1);
    r.firstLine = msh.line();
    return timestamp(msh, 7, r.sentAt);
}

std::optional<std::unexpected<OruIssue>> MessageReader::readPatient(const Hl7Segment& pid, OruPatient& p)
{
    if (auto bad = require(pid, {3, 5}))
        return bad;
    for (std::size_t r = 0; r < pid.repetitionCount(3); ++r) {
        OruPatientId id{pid.component(3, 1, r), pid.subcomponent(3, 4, 1, r), pid.component(3, 5, r)};
        if (!id.id.empty())
            p.identifiers.push_back(std::move(id));
    }
    if (p.identifiers.empty())
        return issue(OruProblem::BadField, pid, 3, pid.field(3));
    p.familyName = pid.subcomponent(5, 1, 1);
    p.givenName = pid.component(5, 2);
    p.sex = pid.field(8);
    std::optional<Hl7Timestamp> birth;
    if (auto bad = timestamp(pid, 7, birth))
        return bad;
    if (birth)
        p.birthDate = birth->isoDate();
    return std::nullopt;
}

std::optional<std::unexpected<OruIssue>> MessageReader::readOrder(const Hl7Segment& obr, OruOrder& o)
{
    if (auto bad = require(obr, {4}))
        return bad;
    o.placerOrderNumber = obr.component(2, 1);
    o.fillerOrderNumber = obr.component(3, 1);
    o.service = coded(obr, 4);
    o.resultStatus = obr.field(25);
    o.line = obr.line();
    return timestamp(obr, 7, o.observedAt);
}

std::optional<std::unexpected<OruIssue>> MessageReader::readValue(const Hl7Segment& obx, OruObservation& o)
{
    const std::string& type = o.valueType;
    if (type == "NM") {
        const std::string raw = obx.field(5);
        auto value = decimalText(raw);
        if (!value)
            return issue(OruProblem::BadField, obx, 5, raw);
        o.value = *value;
    } else if (type == "SN") {
        static constexpr std::array<std::string_view, 7> kComparators = {"", "<", ">", "<=", ">=", "=", "<>"};
        o.comparator = obx.component(5, 1);
        const std::string first = obx.component(5, 2), separator = obx.component(5, 3), second = obx.component(5, 4);
        auto n1 = decimalText(first);
        auto n2 = decimalText(second);
        if (std::find(kComparators.begin(), kComparators.end(), o.comparator) == kComparators.end() || !n1 ||
            (!separator.empty() && !n2))
            return issue(OruProblem::BadField, obx, 5, obx.field(5));
        o.value = separator.empty() ? *n1 : *n1 + separator + *n2;
    } else if (type == "CE" || type == "CWE" || type == "CNE") {
        o.coded = coded(obx, 5);
        o.value = o.coded.code.empty() ? o.coded.text : o.coded.code;
    } else if (type == "ST" || type == "TX" || type == "FT") {
        o.value = joinedRepetitions(obx, 5);
    } else {
        o.value = obx.field(5);
    }
    return std::nullopt;
}

std::optional<std::unexpected<OruIssue>> MessageReader::readObservation(const Hl7Segment& obx, OruObservation& o)
{
    if (auto bad = require(obx, obx.has(5) ? std::initializer_list<int>{2, 3, 11} : std::initializer_list<int>{3, 11}))
        return bad;
    const std::string setId = obx.field(1);
    o.setId = allDigits(setId) && setId.size() < 9 ? number(setId) : 0;
    o.valueType = obx.field(2);
    o.identifier = coded(obx, 3);
    o.line = obx.line();
    if (obx.has(5)) {
        if (auto bad = readValue(obx, o))
            return bad;
    }
    o.units = obx.component(6, 1);
    if (o.units.empty())
        o.units = obx.component(6, 2);
    o.referenceRange = obx.field(7);
    for (std::size_t r = 0; r < obx.repetitionCount(8); ++r)
        if (std::string flag = obx.field(8, r); !flag.empty())
            o.abnormalFlags.push_back(std::move(flag));
    o.resultStatus = obx.field(11);
    return timestamp(obx, 14, o.observedAt);
}

OruOutcome MessageReader::read()
{
    OruResult result;
    bool havePatient = false;
    bool haveObservation = false;
    enum class Last
    {
        Patient,
        Order,
        Observation
    } last = Last::Patient;
    for (const Hl7Segment& s : m_message.segments()) {
        ++m_index;
        if (s.name().empty())
            return issue(OruProblem::BadSegment, s, 0, std::string(s.text().substr(0, 40)));
        if (m_index == 1) {
            if (auto bad = readHeader(s, result))
                return *bad;
        } else if (s.name() == "PID") {
            if (havePatient)
                return issue(OruProblem::SeveralPatients, s);
            if (auto bad = readPatient(s, result.patient))
                return *bad;
            havePatient = true;
            last = Last::Patient;
        } else if (s.name() == "OBR") {
            OruOrder order;
            if (auto bad = readOrder(s, order))
                return *bad;
            result.orders.push_back(std::move(order));
            last = Last::Order;
        } else if (s.name() == "OBX") {
            if (result.orders.empty())
                return issue(OruProblem::OutOfOrder, s);
            OruObservation observation;
            if (auto bad = readObservation(s, observation))
                return *bad;
            if (!observation.observedAt)
                observation.observedAt = result.orders.back().observedAt;
            result.orders.back().observations.push_back(std::move(observation));
            haveObservation = true;
            last = Last::Observation;
        } else if (s.name() == "NTE") {
            std::string note = joinedRepetitions(s, 3);
            if (last == Last::Observation)
                result.orders.back().observations.back().notes.push_back(std::move(note));
            else if (last == Last::Order)
                result.orders.back().notes.push_back(std::move(note));
            else
                result.notes.push_back(std::move(note));
        }
        // Other segments (PD1, PV1, ORC, TQ1, SPM, Z-segments) carry nothing the chart keeps.
    }
    const Hl7Segment& msh = m_message.segments().front();
    m_index = 0;
    if (!havePatient)
        return std::unexpected(OruIssue{OruProblem::MissingSegment, "PID", 0, msh.line(), 0, {}, m_controlId});
    if (result.orders.empty())
        return std::unexpected(OruIssue{OruProblem::MissingSegment, "OBR", 0, msh.line(), 0, {}, m_controlId});
    if (!haveObservation)
        return std::unexpected(OruIssue{OruProblem::NoObservations, "OBX", 0, msh.line(), 0, {}, m_controlId});
    return result;
}

bool isBatchSegment(std::string_view line)
{
    const std::string_view name = line.substr(0, 3);
    return name == "FHS" || name == "BHS" || name == "BTS" || name == "FTS";
}

} // namespace

std::string Hl7Timestamp::isoDate() const
{
    // From the text as written: the date a person was born on does not move with a time zone.
    std::string date = text.substr(0, 4);
    if (precision >= Precision::Month)
        date += "-" + text.substr(4, 2);
    if (precision >= Precision::Day)
        date += "-" + text.substr(6, 2);
    return date;
}

std::optional<Hl7Timestamp> parseHl7Timestamp(std::string_view text)
{
    Hl7Timestamp t;
    t.text = std::string(text);
    std::string_view s = text;
    const std::size_t sign = s.find_first_of("+-");
    if (sign != std::string_view::npos) {
        const std::string_view offset = s.substr(sign + 1);
        if (offset.size() != 4 || !allDigits(offset) || number(offset.substr(0, 2)) > 23 ||
            number(offset.substr(2, 2)) > 59)
            return std::nullopt;
        t.hasOffset = true;
        t.offsetMinutes = (s[sign] == '-' ? -1 : 1) * (number(offset.substr(0, 2)) * 60 + number(offset.substr(2, 2)));
        s = s.substr(0, sign);
    }
    std::string_view fraction;
    if (const std::size_t point = s.find('.'); point != std::string_view::npos) {
        fraction = s.substr(point + 1);
        s = s.substr(0, point);
        if (s.size() != 14 || fraction.empty() || fraction.size() > 4 || !allDigits(fraction))
            return std::nullopt;
    }
    static constexpr std::array<std::size_t, 6> kLengths = {4, 6, 8, 10, 12, 14};
    const auto length = std::find(kLengths.begin(), kLengths.end(), s.size());
    if (length == kLengths.end() || !allDigits(s))
        return std::nullopt;
    t.precision = fraction.empty() ? static_cast<Hl7Timestamp::Precision>(length - kLengths.begin())
                                   : Hl7Timestamp::Precision::FractionOfSecond;
    auto part = [&](std::size_t at, int absent) { return s.size() > at ? number(s.substr(at, 2)) : absent; };
    const int year = number(s.substr(0, 4));
    const int month = part(4, 1), day = part(6, 1), hour = part(8, 0), minute = part(10, 0), second = part(12, 0);
    using namespace std::chrono;
    const year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                              std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok() || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    int ms = 0;
    for (std::size_t i = 0; i < 3; ++i)
        ms = ms * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    const auto local = sys_days(date) + hours(hour) + minutes(minute) + seconds(second) + milliseconds(ms);
    t.epochMs = (local - minutes(t.offsetMinutes)).time_since_epoch().count();
    return t;
}

std::string_view oruProblemName(OruProblem problem)
{
    switch (problem) {
    case OruProblem::EmptyFile:
        return "empty_file";
    case OruProblem::NotHl7:
        return "not_hl7";
    case OruProblem::BadHeader:
        return "bad_header";
    case OruProblem::MissingSegment:
        return "missing_segment";
    case OruProblem::WrongMessageType:
        return "wrong_message_type";
    case OruProblem::UnsupportedVersion:
        return "unsupported_version";
    case OruProblem::BadSegment:
        return "bad_segment";
    case OruProblem::OutOfOrder:
        return "out_of_order";
    case OruProblem::SeveralPatients:
        return "several_patients";
    case OruProblem::BadField:
        return "bad_field";
    case OruProblem::BadTimestamp:
        return "bad_timestamp";
    case OruProblem::Truncated:
        return "truncated";
    case OruProblem::NoObservations:
        return "no_observations";
    }
    return "";
}

std::vector<OruOutcome> parseOruFile(std::string_view text)
{
    std::vector<Hl7Line> lines;
    for (const Hl7Line& line : splitHl7Lines(text))
        if (!isBlank(line.text))
            lines.push_back(line);
    if (lines.empty())
        return {std::unexpected(OruIssue{OruProblem::EmptyFile, {}, 0, 1, 0, {}, {}})};
    const bool anyHeader =
        std::any_of(lines.begin(), lines.end(), [](const Hl7Line& l) { return l.text.starts_with("MSH"); });
    const int lastLine = lines.back().number;

    std::vector<OruOutcome> out;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (isBatchSegment(lines[i].text)) {
            ++i;
            continue;
        }
        // A message runs from its MSH to the next MSH or batch segment.
        std::size_t end = i + 1;
        while (end < lines.size() && !lines[end].text.starts_with("MSH") && !isBatchSegment(lines[end].text))
            ++end;
        const Hl7Line& head = lines[i];
        if (!head.text.starts_with("MSH")) {
            const OruProblem problem = anyHeader ? OruProblem::MissingSegment : OruProblem::NotHl7;
            out.push_back(std::unexpected(OruIssue{
                problem, anyHeader ? "MSH" : "", 0, head.number, 0, std::string(head.text.substr(0, 40)), {}}));
        } else if (auto message = Hl7Message::fromLines(std::span<const Hl7Line>(lines.data() + i, end - i))) {
            out.push_back(MessageReader(*message, lastLine).read());
        } else {
            const std::string_view encoding =
                head.text.size() > 4 ? hl7Piece(head.text.substr(4), head.text[3], 0) : std::string_view();
            const OruProblem problem =
                head.number == lastLine && !head.ended ? OruProblem::Truncated : OruProblem::BadHeader;
            out.push_back(std::unexpected(OruIssue{problem, "MSH", 1, head.number, 2, std::string(encoding), {}}));
        }
        i = end;
    }
    return out;
}

} // namespace practica::core
