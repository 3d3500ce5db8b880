#include "Hl7Message.h"

#include <algorithm>

namespace practica::core {

namespace {

bool isSegmentNameChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool usableAsSeparator(char c)
{
    return !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != ' ' && c != '\t' &&
           c != '\r' && c != '\n';
}

} // namespace

std::string_view hl7Piece(std::string_view text, char sep, std::size_t n)
{
    std::size_t start = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t next = text.find(sep, start);
        if (next == std::string_view::npos)
            return {};
        start = next + 1;
    }
    const std::size_t end = text.find(sep, start);
    return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

std::optional<Hl7Separators> Hl7Separators::fromHeader(std::string_view mshLine)
{
    if (mshLine.size() < 8 || mshLine.substr(0, 3) != "MSH")
        return std::nullopt;
    Hl7Separators s;
    s.field = mshLine[3];
    const std::size_t end = mshLine.find(s.field, 4);
    const std::string_view encoding =
        mshLine.substr(4, end == std::string_view::npos ? std::string_view::npos : end - 4);
    if (encoding.size() < 4 || encoding.size() > 5)
        return std::nullopt;
    s.component = encoding[0];
    s.repetition = encoding[1];
    s.escape = encoding[2];
    s.subcomponent = encoding[3];
    const std::string all = std::string(1, s.field) + std::string(encoding);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (!usableAsSeparator(all[i]) || all.find(all[i], i + 1) != std::string::npos)
            return std::nullopt;
    }
    return s;
}

std::string Hl7Separators::decode(std::string_view raw) const
{
    std::string out;
    out.reserve(raw.size());
    std::size_t i = 0;
    while (i < raw.size()) {
        if (raw[i] != escape) {
            out += raw[i++];
            continue;
        }
        const std::size_t close = raw.find(escape, i + 1);
        if (close == std::string_view::npos) {
            out.append(raw.substr(i));
            break;
        }
        const std::string_view name = raw.substr(i + 1, close - i - 1);
        if (name == "F")
            out += field;
        else if (name == "S")
            out += component;
        else if (name == "T")
            out += subcomponent;
        else if (name == "R")
            out += repetition;
        else if (name == "E")
            out += escape;
        else if (name == ".br")
            out += '\n';
        else
            out.append(raw.substr(i, close - i + 1));
        i = close + 1;
    }
    return out;
}

std::vector<Hl7Line> splitHl7Lines(std::string_view text)
{
    std::vector<Hl7Line> lines;
    int number = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool atEnd = i == text.size();
        if (!atEnd && text[i] != '\r' && text[i] != '\n')
            continue;
        const std::string_view line = text.substr(start, i - start);
        if (!line.empty())
            lines.push_back({line, number, !atEnd});
        if (atEnd)
            break;
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            ++i;
        ++number;
        start = i + 1;
    }
    return lines;
}

Hl7Segment::Hl7Segment(const Hl7Line& line, const Hl7Separators& separators)
    : m_separators(separators), m_text(line.text), m_line(line.number), m_ended(line.ended)
{
    const std::string_view text = m_text;
    std::size_t nameEnd = 0;
    while (nameEnd < text.size() && nameEnd < 3 && isSegmentNameChar(text[nameEnd]))
        ++nameEnd;
    if (nameEnd != 3 || (text.size() > 3 && text[3] != separators.field))
        return;
    m_nameLength = 3;
    m_fields.emplace_back(0, 3);
    if (text.size() <= 3)
        return;
    // MSH-1 is the field separator itself, so MSH-2 is the text right after it.
    if (name() == "MSH")
        m_fields.emplace_back(3, 1);
    std::size_t start = 4;
    for (;;) {
        const std::size_t end = text.find(separators.field, start);
        m_fields.emplace_back(start, (end == std::string_view::npos ? text.size() : end) - start);
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
}

std::string_view Hl7Segment::rawField(std::size_t field) const
{
    if (field >= m_fields.size())
        return {};
    return std::string_view(m_text).substr(m_fields[field].first, m_fields[field].second);
}

std::size_t Hl7Segment::repetitionCount(std::size_t field) const
{
    const std::string_view raw = rawField(field);
    if (raw.empty())
        return 0;
    // MSH-2 holds the repetition character itself and is never split.
    if (name() == "MSH" && field <= 2)
        return 1;
    std::size_t n = 1;
    for (char c : raw)
        n += c == m_separators.repetition;
    return n;
}

std::string_view Hl7Segment::rawRepetition(std::size_t field, std::size_t repetition) const
{
    const std::string_view raw = rawField(field);
    if (name() == "MSH" && field <= 2)
        return repetition == 0 ? raw : std::string_view();
    return hl7Piece(raw, m_separators.repetition, repetition);
}

std::string_view Hl7Segment::rawComponent(std::size_t field, std::size_t component, std::size_t repetition) const
{
    if (component == 0)
        return {};
    const std::string_view rep = rawRepetition(field, repetition);
    if (name() == "MSH" && field <= 2)
        return component == 1 ? rep : std::string_view();
    return hl7Piece(rep, m_separators.component, component - 1);
}

std::string Hl7Segment::field(std::size_t field, std::size_t repetition) const
{
    if (name() == "MSH" && field <= 2)
        return std::string(rawRepetition(field, repetition));
    return m_separators.decode(rawRepetition(field, repetition));
}

std::string Hl7Segment::component(std::size_t field, std::size_t component, std::size_t repetition) const
{
    if (name() == "MSH" && field <= 2)
        return std::string(rawComponent(field, component, repetition));
    return m_separators.decode(rawComponent(field, component, repetition));
}

std::string Hl7Segment::subcomponent(std::size_t field, std::size_t component, std::size_t subcomponent,
                                     std::size_t repetition) const
{
    if (subcomponent == 0)
        return {};
    return m_separators.decode(
        hl7Piece(rawComponent(field, component, repetition), m_separators.subcomponent, subcomponent - 1));
}

std::optional<Hl7Message> Hl7Message::fromLines(std::span<const Hl7Line> lines)
{
    if (lines.empty())
        return std::nullopt;
    auto separators = Hl7Separators::fromHeader(lines.front().text);
    if (!separators)
        return std::nullopt;
    Hl7Message message;
    message.m_separators = *separators;
    for (const Hl7Line& line : lines)
        message.m_segments.emplace_back(line, *separators);
    return message;
}

std::optional<Hl7Message> Hl7Message::parse(std::string_view text)
{
    const std::vector<Hl7Line> lines = splitHl7Lines(text);
    std::size_t end = 1;
    while (end < lines.size() && lines[end].text.substr(0, 3) != "MSH")
        ++end;
    return fromLines(std::span<const Hl7Line>(lines.data(), std::min(end, lines.size())));
}

const Hl7Segment* Hl7Message::first(std::string_view name) const
{
    for (const Hl7Segment& s : m_segments)
        if (s.name() == name)
            return &s;
    return nullptr;
}

} // namespace practica::core
