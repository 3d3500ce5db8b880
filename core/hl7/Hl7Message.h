// A generic HL7 v2 reader: a message's segments, with the separators its MSH declares, and fields read by their
// HL7 numbers with escape sequences decoded. What a message means is for the readers built on it (OruMessage).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace practica::core {

struct Hl7Separators
{
    char field = '|';
    char component = '^';
    char repetition = '~';
    char escape = '\\';
    char subcomponent = '&';

    // The separators an MSH segment declares (MSH-1 and MSH-2). nullopt when the line is not an MSH header: not
    // "MSH" followed by a separator, fewer than the four encoding characters (component, repetition, escape,
    // subcomponent; v2.7's truncation character may follow), or characters that repeat or are letters, digits or
    // spaces.
    static std::optional<Hl7Separators> fromHeader(std::string_view mshLine);

    // Escape sequences decoded: \F\ \S\ \T\ \R\ \E\ to the separators, \.br\ to a line break. Others (\H\, \Xhh\,
    // ...) and an escape left open are kept as written, for the reader to see rather than lose.
    std::string decode(std::string_view raw) const;
};

struct Hl7Line
{
    std::string_view text;
    int number = 0;     // 1-based; \r\n counts as one line end
    bool ended = false; // a line end followed it (false for a last line cut off without one)
};

// The non-empty lines of a file; segments end in \r (the standard), \n or \r\n.
std::vector<Hl7Line> splitHl7Lines(std::string_view text);

class Hl7Segment
{
public:
    Hl7Segment(const Hl7Line& line, const Hl7Separators& separators);

    std::string_view name() const { return std::string_view(m_text).substr(0, m_nameLength); }
    std::string_view text() const { return m_text; }
    int line() const { return m_line; }
    bool ended() const { return m_ended; }
    // The highest field number present (MSH counts MSH-1 and MSH-2).
    std::size_t fieldCount() const { return m_fields.empty() ? 0 : m_fields.size() - 1; }
    bool has(std::size_t field) const { return !rawField(field).empty(); }

    // Field n as HL7 numbers it (MSH-1 is the field separator itself, MSH-2 the encoding characters), escapes not
    // decoded, every repetition; empty when absent.
    std::string_view rawField(std::size_t field) const;
    std::size_t repetitionCount(std::size_t field) const;
    // Decoded text of a repetition (0-based) of a field, of one of its components and of one subcomponent
    // (components and subcomponents 1-based, as HL7 numbers them).
    std::string field(std::size_t field, std::size_t repetition = 0) const;
    std::string component(std::size_t field, std::size_t component, std::size_t repetition = 0) const;
    std::string subcomponent(std::size_t field, std::size_t component, std::size_t subcomponent,
                             std::size_t repetition = 0) const;

private:
    std::string_view rawRepetition(std::size_t field, std::size_t repetition) const;
    std::string_view rawComponent(std::size_t field, std::size_t component, std::size_t repetition) const;

    Hl7Separators m_separators;
    std::string m_text;                                        // owned, so a message outlives the text it was read from
    std::size_t m_nameLength = 0;                              // 0 when the line is not a segment
    std::vector<std::pair<std::size_t, std::size_t>> m_fields; // offset and length in m_text; [0] is the name
    int m_line = 0;
    bool m_ended = false;
};

class Hl7Message
{
public:
    // A message from its lines, the first being its MSH; nullopt when that first line is not an MSH header.
    static std::optional<Hl7Message> fromLines(std::span<const Hl7Line> lines);
    // The first message of a text.
    static std::optional<Hl7Message> parse(std::string_view text);

    const Hl7Separators& separators() const { return m_separators; }
    const std::vector<Hl7Segment>& segments() const { return m_segments; }
    // The first segment of that name, or nullptr.
    const Hl7Segment* first(std::string_view name) const;

private:
    Hl7Separators m_separators;
    std::vector<Hl7Segment> m_segments;
};

// The piece of text between separators: the n-th (0-based) piece of text split at sep, empty past the last.
std::string_view hl7Piece(std::string_view text, char sep, std::size_t n);

} // namespace practica::core
