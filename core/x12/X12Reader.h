// The one ASC X12 5010 reader every transaction set is read with (999, 277CA, and the 835 and 271 to come):
// the delimiters as the ISA declares them, segments and their elements, and the envelope checked whole
// (ISA/IEA, GS/GE, ST/SE: control numbers that agree, segment and set counts that add up). A file that breaks
// any of it is refused with one problem naming the line, segment and element (codes, never sentences), and
// nothing from it is read: the transaction readers built on this see complete, counted files only.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

struct X12Delimiters
{
    char element = '*';
    char component = ':';
    char repetition = '^';
    char segment = '~';

    // The delimiters an ISA declares: the element separator is its 4th character, the repetition separator
    // ISA11, the component separator ISA16 and the segment terminator the character after it (the 106th).
    // nullopt when the text does not start with a whole ISA or the four are not distinct printable
    // non-alphanumeric characters.
    static std::optional<X12Delimiters> fromIsa(std::string_view text);
    // Whether the four are usable together: distinct, printable and not letters, digits or spaces.
    bool valid() const;
    bool isDelimiter(char c) const { return c == element || c == component || c == repetition || c == segment; }
};

struct X12Segment
{
    std::string id;                    // "NM1"
    std::vector<std::string> elements; // [0] is the id, so NM103 is elements[3]
    int position = 0;                  // 1-based in the file
    int setPosition = 0;               // 1-based within its transaction set (ST is 1), as a 999's IK3 counts
    int line = 0;                      // 1-based line in the file (segments may share a line)

    // Element n as X12 numbers it (NM103 is element(3)); empty when absent.
    const std::string& element(std::size_t n) const;
    // Component c (1-based) of element n: SV101-2 is component(1, 2); empty when absent.
    std::string component(std::size_t n, std::size_t c, char separator) const;
    std::size_t elementCount() const { return elements.empty() ? 0 : elements.size() - 1; }
};

struct X12TransactionSet
{
    std::string id;                   // ST01: 837, 999, 277, 835
    std::string control;              // ST02
    std::string version;              // ST03 (the implementation guide), may be empty in older senders
    std::vector<X12Segment> segments; // ST through SE
};

struct X12Group
{
    std::string functionalId; // GS01: HC, FA, HN, HP
    std::string sender;       // GS02
    std::string receiver;     // GS03
    std::string date;         // GS04 CCYYMMDD
    std::string time;         // GS05
    std::string control;      // GS06
    std::string version;      // GS08
    std::vector<X12TransactionSet> sets;
};

struct X12Interchange
{
    X12Delimiters delimiters;
    std::string senderQualifier, senderId;     // ISA05, ISA06 (trimmed)
    std::string receiverQualifier, receiverId; // ISA07, ISA08 (trimmed)
    std::string date, time;                    // ISA09 YYMMDD, ISA10 HHMM
    std::string control;                       // ISA13, nine digits
    std::string usage;                         // ISA15: P production, T test
    std::vector<X12Group> groups;
};

enum class X12Problem
{
    Empty,              // no text at all
    NotX12,             // the text does not start with an ISA segment
    BadIsa,             // the ISA is not 106 characters, its delimiters are unusable or an element is wrong; element
    BadSegment,         // a segment without a valid id (two or three letters and digits)
    Truncated,          // the file ends before its IEA (or inside a segment)
    OutOfPlace,         // a segment where the envelope does not allow it: segment says which (GS outside an
                        // interchange, ST outside a group, data outside a set, a second ISA, text after the IEA)
    ControlMismatch,    // a trailer's control number differs from its header's: IEA02, GE02 or SE02; value holds it
    CountMismatch,      // a trailer's count differs from what it closes: IEA01, GE01 or SE01; value holds it,
                        // expected the right one
    UnsupportedVersion, // ISA12 is not 00501: value holds it
    WrongTransaction,   // the file holds another transaction set than the reader expects: value holds it
    MissingSegment,     // a transaction reader's required segment is absent: segment says which
    BadElement          // a transaction reader's required element is empty or not of its type: segment, element
};
std::string_view x12ProblemName(X12Problem problem);
// The problem a name of x12ProblemName's names; nullopt for any other text.
std::optional<X12Problem> x12ProblemFromName(std::string_view name);

struct X12Issue
{
    X12Problem problem = X12Problem::NotX12;
    std::string segment;  // e.g. "SE"; empty when none applies
    int element = 0;      // X12 element number; 0 when none applies
    int line = 0;         // 1-based line in the file; 0 when none applies
    int position = 0;     // 1-based segment number in the file; 0 when none applies
    std::string value;    // the offending value
    std::string expected; // what it should have been, where that is known
};

template <class T> using X12Result = std::expected<T, X12Issue>;

// The whole interchange, its envelope checked, or the first problem. Line ends between segments (\n, \r\n)
// are allowed and ignored, as most senders add them.
X12Result<X12Interchange> readX12(std::string_view text);

// An X12Issue for a segment a transaction reader found wrong.
X12Issue x12Issue(X12Problem problem, const X12Segment& segment, int element = 0, std::string value = {});

} // namespace practica::core
