#include "core/x12/X12Reader.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace practica::core {

namespace {

// ISA01..ISA16: every element has a fixed width, so the ISA is 106 characters with its terminator.
constexpr std::array<std::size_t, 16> kIsaWidths{2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
constexpr std::size_t kIsaLength = 106;

bool printableDelimiter(char c)
{
    const auto u = static_cast<unsigned char>(c);
    // A line end may end segments; anything else must be a visible non-alphanumeric character.
    if (c == '\n' || c == '\r')
        return true;
    return u > 0x20 && u < 0x7f && !std::isalnum(u);
}

bool digitsOnly(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string trimmed(std::string_view s)
{
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    return std::string(s);
}

bool validId(std::string_view id)
{
    if (id.size() < 2 || id.size() > 3)
        return false;
    if (!std::isupper(static_cast<unsigned char>(id[0])))
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
    });
}

X12Issue issue(X12Problem problem, std::string segment = {}, int element = 0, int line = 0, int position = 0,
               std::string value = {}, std::string expected = {})
{
    return X12Issue{problem, std::move(segment), element, line, position, std::move(value), std::move(expected)};
}

struct RawSegment
{
    std::string_view text;
    int line = 0;
};

} // namespace

std::string_view x12ProblemName(X12Problem problem)
{
    switch (problem) {
    case X12Problem::Empty:
        return "empty";
    case X12Problem::NotX12:
        return "not_x12";
    case X12Problem::BadIsa:
        return "bad_isa";
    case X12Problem::BadSegment:
        return "bad_segment";
    case X12Problem::Truncated:
        return "truncated";
    case X12Problem::OutOfPlace:
        return "out_of_place";
    case X12Problem::ControlMismatch:
        return "control_mismatch";
    case X12Problem::CountMismatch:
        return "count_mismatch";
    case X12Problem::UnsupportedVersion:
        return "unsupported_version";
    case X12Problem::WrongTransaction:
        return "wrong_transaction";
    case X12Problem::MissingSegment:
        return "missing_segment";
    case X12Problem::BadElement:
        return "bad_element";
    }
    return "unknown";
}

std::optional<X12Problem> x12ProblemFromName(std::string_view name)
{
    for (int p = 0; p <= static_cast<int>(X12Problem::BadElement); ++p)
        if (x12ProblemName(static_cast<X12Problem>(p)) == name)
            return static_cast<X12Problem>(p);
    return std::nullopt;
}

bool X12Delimiters::valid() const
{
    const std::array<char, 4> all{element, component, repetition, segment};
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (!printableDelimiter(all[i]) || ((all[i] == '\n' || all[i] == '\r') && i != 3))
            return false;
        for (std::size_t j = i + 1; j < all.size(); ++j)
            if (all[i] == all[j])
                return false;
    }
    return true;
}

std::optional<X12Delimiters> X12Delimiters::fromIsa(std::string_view text)
{
    if (text.size() < kIsaLength || text.substr(0, 3) != "ISA")
        return std::nullopt;
    X12Delimiters d;
    d.element = text[3];
    d.repetition = text[82];
    d.component = text[104];
    d.segment = text[105];
    // The separators sit where the fixed widths put them.
    std::size_t at = 3;
    for (std::size_t width : kIsaWidths) {
        if (text[at] != d.element)
            return std::nullopt;
        at += 1 + width;
    }
    if (!d.valid())
        return std::nullopt;
    return d;
}

const std::string& X12Segment::element(std::size_t n) const
{
    static const std::string kEmpty;
    return n < elements.size() ? elements[n] : kEmpty;
}

std::string X12Segment::component(std::size_t n, std::size_t c, char separator) const
{
    const std::string& e = element(n);
    std::size_t start = 0;
    for (std::size_t i = 1; i < c; ++i) {
        start = e.find(separator, start);
        if (start == std::string::npos)
            return {};
        ++start;
    }
    const std::size_t end = e.find(separator, start);
    return e.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

X12Issue x12Issue(X12Problem problem, const X12Segment& segment, int element, std::string value)
{
    return issue(problem, segment.id, element, segment.line, segment.position, std::move(value));
}

X12Result<X12Interchange> readX12(std::string_view text)
{
    // Leading white space (a blank line, a byte-order mark's absence aside) is tolerated.
    std::size_t start = 0;
    int line = 1;
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) {
        if (text[start] == '\n')
            ++line;
        ++start;
    }
    text.remove_prefix(start);
    if (text.empty())
        return std::unexpected(issue(X12Problem::Empty));
    if (text.substr(0, 3) != "ISA")
        return std::unexpected(issue(X12Problem::NotX12, {}, 0, line, 1, std::string(text.substr(0, 3))));
    if (text.size() < kIsaLength)
        return std::unexpected(issue(X12Problem::Truncated, "ISA", 0, line, 1));
    auto delimiters = X12Delimiters::fromIsa(text);
    // An older version (4010's ISA11 is a letter, not a delimiter) is named as such.
    std::string_view version = text.substr(0, kIsaLength);
    for (int n = 0; n < 12 && !version.empty(); ++n) {
        const std::size_t sep = version.find(text[3]);
        version = sep == std::string_view::npos ? std::string_view() : version.substr(sep + 1);
    }
    version = version.substr(0, version.find(text[3]));
    if (!version.empty() && version != "00501")
        return std::unexpected(
            issue(X12Problem::UnsupportedVersion, "ISA", 12, line, 1, std::string(version), "00501"));
    if (!delimiters)
        return std::unexpected(issue(X12Problem::BadIsa, "ISA", 0, line, 1, std::string(text.substr(0, kIsaLength))));
    const X12Delimiters d = *delimiters;

    // Segments, each with the line it starts on; line ends after a terminator are not part of the next one.
    std::vector<RawSegment> raw;
    bool endedCleanly = true;
    for (std::size_t at = 0; at < text.size();) {
        while (at < text.size() && (text[at] == '\n' || text[at] == '\r') && text[at] != d.segment) {
            if (text[at] == '\n')
                ++line;
            ++at;
        }
        if (at >= text.size())
            break;
        const std::size_t end = text.find(d.segment, at);
        const std::string_view body =
            text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        raw.push_back({body, line});
        line += static_cast<int>(std::count(body.begin(), body.end(), '\n'));
        if (end == std::string_view::npos) {
            endedCleanly = false;
            break;
        }
        if (d.segment == '\n')
            ++line;
        at = end + 1;
    }

    X12Interchange out;
    out.delimiters = d;
    enum class Where
    {
        Interchange,
        Group,
        Set,
        Done
    } where = Where::Interchange;
    X12Group* group = nullptr;
    X12TransactionSet* set = nullptr;
    int position = 0;
    for (const RawSegment& r : raw) {
        X12Segment seg;
        seg.position = ++position;
        seg.line = r.line;
        std::size_t from = 0;
        while (true) {
            const std::size_t sep = r.text.find(d.element, from);
            seg.elements.emplace_back(
                r.text.substr(from, sep == std::string_view::npos ? std::string_view::npos : sep - from));
            if (sep == std::string_view::npos)
                break;
            from = sep + 1;
        }
        seg.id = seg.elements.front();
        if (!validId(seg.id))
            return std::unexpected(issue(X12Problem::BadSegment, {}, 0, seg.line, seg.position, std::string(r.text)));
        if (where == Where::Done)
            return std::unexpected(issue(X12Problem::OutOfPlace, seg.id, 0, seg.line, seg.position));

        if (seg.id == "ISA") {
            if (seg.position != 1)
                return std::unexpected(issue(X12Problem::OutOfPlace, "ISA", 0, seg.line, seg.position));
            if (seg.elementCount() != 16)
                return std::unexpected(issue(X12Problem::BadIsa, "ISA", 0, seg.line, 1));
            if (seg.element(12) != "00501")
                return std::unexpected(
                    issue(X12Problem::UnsupportedVersion, "ISA", 12, seg.line, 1, seg.element(12), "00501"));
            if (!digitsOnly(seg.element(13)) || seg.element(13).size() != 9)
                return std::unexpected(issue(X12Problem::BadIsa, "ISA", 13, seg.line, 1, seg.element(13)));
            if (seg.element(15) != "P" && seg.element(15) != "T")
                return std::unexpected(issue(X12Problem::BadIsa, "ISA", 15, seg.line, 1, seg.element(15)));
            out.senderQualifier = trimmed(seg.element(5));
            out.senderId = trimmed(seg.element(6));
            out.receiverQualifier = trimmed(seg.element(7));
            out.receiverId = trimmed(seg.element(8));
            out.date = seg.element(9);
            out.time = seg.element(10);
            out.control = seg.element(13);
            out.usage = seg.element(15);
            continue;
        }
        if (seg.id == "GS") {
            if (where != Where::Interchange)
                return std::unexpected(issue(X12Problem::OutOfPlace, "GS", 0, seg.line, seg.position));
            if (!digitsOnly(seg.element(6)))
                return std::unexpected(issue(X12Problem::BadElement, "GS", 6, seg.line, seg.position, seg.element(6)));
            X12Group g;
            g.functionalId = seg.element(1);
            g.sender = seg.element(2);
            g.receiver = seg.element(3);
            g.date = seg.element(4);
            g.time = seg.element(5);
            g.control = seg.element(6);
            g.version = seg.element(8);
            out.groups.push_back(std::move(g));
            group = &out.groups.back();
            where = Where::Group;
            continue;
        }
        if (seg.id == "GE") {
            if (where != Where::Group)
                return std::unexpected(issue(X12Problem::OutOfPlace, "GE", 0, seg.line, seg.position));
            if (seg.element(2) != group->control)
                return std::unexpected(issue(X12Problem::ControlMismatch, "GE", 2, seg.line, seg.position,
                                             seg.element(2), group->control));
            if (seg.element(1) != std::to_string(group->sets.size()))
                return std::unexpected(issue(X12Problem::CountMismatch, "GE", 1, seg.line, seg.position, seg.element(1),
                                             std::to_string(group->sets.size())));
            where = Where::Interchange;
            continue;
        }
        if (seg.id == "IEA") {
            if (where != Where::Interchange)
                return std::unexpected(issue(X12Problem::OutOfPlace, "IEA", 0, seg.line, seg.position));
            if (seg.element(2) != out.control)
                return std::unexpected(
                    issue(X12Problem::ControlMismatch, "IEA", 2, seg.line, seg.position, seg.element(2), out.control));
            if (seg.element(1) != std::to_string(out.groups.size()))
                return std::unexpected(issue(X12Problem::CountMismatch, "IEA", 1, seg.line, seg.position,
                                             seg.element(1), std::to_string(out.groups.size())));
            where = Where::Done;
            continue;
        }
        if (seg.id == "ST") {
            if (where != Where::Group)
                return std::unexpected(issue(X12Problem::OutOfPlace, "ST", 0, seg.line, seg.position));
            if (seg.element(1).empty() || seg.element(2).size() < 4 || seg.element(2).size() > 9)
                return std::unexpected(issue(X12Problem::BadElement, "ST", seg.element(1).empty() ? 1 : 2, seg.line,
                                             seg.position, seg.element(2)));
            X12TransactionSet s;
            s.id = seg.element(1);
            s.control = seg.element(2);
            s.version = seg.element(3);
            seg.setPosition = 1;
            s.segments.push_back(std::move(seg));
            group->sets.push_back(std::move(s));
            set = &group->sets.back();
            where = Where::Set;
            continue;
        }
        if (where != Where::Set)
            return std::unexpected(issue(X12Problem::OutOfPlace, seg.id, 0, seg.line, seg.position));
        seg.setPosition = static_cast<int>(set->segments.size()) + 1;
        if (seg.id == "SE") {
            if (seg.element(2) != set->control)
                return std::unexpected(
                    issue(X12Problem::ControlMismatch, "SE", 2, seg.line, seg.position, seg.element(2), set->control));
            if (seg.element(1) != std::to_string(seg.setPosition))
                return std::unexpected(issue(X12Problem::CountMismatch, "SE", 1, seg.line, seg.position, seg.element(1),
                                             std::to_string(seg.setPosition)));
            set->segments.push_back(std::move(seg));
            where = Where::Group;
            continue;
        }
        set->segments.push_back(std::move(seg));
    }
    if (where != Where::Done || !endedCleanly) {
        const int lastLine = raw.empty() ? line : raw.back().line;
        const std::string lastId =
            raw.empty() ? std::string() : std::string(raw.back().text.substr(0, raw.back().text.find(d.element)));
        return std::unexpected(issue(X12Problem::Truncated, lastId, 0, lastLine, position));
    }
    return out;
}

} // namespace practica::core
