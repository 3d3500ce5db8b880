#include "core/x12/Acknowledgments.h"

#include <charconv>

namespace practica::core {

namespace {

bool toInt(const std::string& text, int& out)
{
    if (text.empty())
        return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

// The transaction sets of an interchange that must hold the given one only.
X12Result<std::vector<const X12TransactionSet*>> setsOf(const X12Interchange& x, const std::string& setId)
{
    std::vector<const X12TransactionSet*> out;
    for (const X12Group& g : x.groups)
        for (const X12TransactionSet& s : g.sets) {
            if (s.id != setId)
                return std::unexpected(x12Issue(X12Problem::WrongTransaction, s.segments.front(), 1, s.id));
            out.push_back(&s);
        }
    if (out.empty())
        return std::unexpected(X12Issue{X12Problem::MissingSegment, "ST", 0, 0, 0, {}, setId});
    return out;
}

// A segment the transaction needs is absent: named in expected, found missing at the segment given.
X12Issue missing(const X12Segment& at, std::string name)
{
    X12Issue issue = x12Issue(X12Problem::MissingSegment, at);
    issue.expected = std::move(name);
    return issue;
}

std::vector<Ack277Status> statusesOf(const X12Segment& stc, char component)
{
    // STC01 is the status; STC10 and STC11 may hold more, in the same form.
    std::vector<Ack277Status> out;
    for (std::size_t n : {1, 10, 11}) {
        if (stc.element(n).empty())
            continue;
        out.push_back({stc.component(n, 1, component), stc.component(n, 2, component), stc.component(n, 3, component)});
    }
    return out;
}

} // namespace

X12Result<Ack999> read999(std::string_view text)
{
    auto x = readX12(text);
    if (!x)
        return std::unexpected(x.error());
    return read999(*x);
}

X12Result<Ack999> read999(const X12Interchange& interchange)
{
    const X12Interchange* x = &interchange;
    auto sets = setsOf(*x, "999");
    if (!sets)
        return std::unexpected(sets.error());
    const char component = x->delimiters.component;
    Ack999 out;
    out.interchangeControl = x->control;
    bool sawAk1 = false, sawAk9 = false;
    for (const X12TransactionSet* s : *sets) {
        Ack999Set* current = nullptr;
        const X12Segment* ik3 = nullptr;
        bool ik3HasElements = false;
        auto closeIk3 = [&] {
            if (ik3 && !ik3HasElements)
                current->errors.push_back({ik3->element(1), 0, ik3->element(3), ik3->element(4), 0, 0, {}, {}});
            ik3 = nullptr;
        };
        for (const X12Segment& seg : s->segments) {
            if (seg.id == "AK1") {
                sawAk1 = true;
                out.groupId = seg.element(1);
                out.groupControl = seg.element(2);
                out.version = seg.element(3);
                if (out.groupId.empty() || out.groupControl.empty())
                    return std::unexpected(x12Issue(X12Problem::BadElement, seg, out.groupId.empty() ? 1 : 2));
            } else if (seg.id == "AK2") {
                if (current)
                    return std::unexpected(missing(seg, "IK5"));
                if (seg.element(2).empty())
                    return std::unexpected(x12Issue(X12Problem::BadElement, seg, 2));
                out.sets.push_back({seg.element(1), seg.element(2), {}, {}, {}});
                current = &out.sets.back();
            } else if (seg.id == "IK3") {
                if (!current)
                    return std::unexpected(x12Issue(X12Problem::OutOfPlace, seg));
                closeIk3();
                int position = 0;
                if (!toInt(seg.element(2), position))
                    return std::unexpected(x12Issue(X12Problem::BadElement, seg, 2, seg.element(2)));
                ik3 = &seg;
                ik3HasElements = false;
            } else if (seg.id == "IK4") {
                if (!ik3)
                    return std::unexpected(x12Issue(X12Problem::OutOfPlace, seg));
                int element = 0, componentAt = 0;
                if (!toInt(seg.component(1, 1, component), element))
                    return std::unexpected(x12Issue(X12Problem::BadElement, seg, 1, seg.element(1)));
                const std::string c = seg.component(1, 2, component);
                if (!c.empty() && !toInt(c, componentAt))
                    return std::unexpected(x12Issue(X12Problem::BadElement, seg, 1, seg.element(1)));
                int position = 0;
                toInt(ik3->element(2), position);
                current->errors.push_back({ik3->element(1), position, ik3->element(3), ik3->element(4), element,
                                           componentAt, seg.element(3), seg.element(4)});
                ik3HasElements = true;
            } else if (seg.id == "IK5") {
                if (!current)
                    return std::unexpected(x12Issue(X12Problem::OutOfPlace, seg));
                closeIk3();
                const std::string& status = seg.element(1);
                if (status != "A" && status != "E" && status != "R" && status != "M" && status != "W" && status != "X")
                    return std::unexpected(x12Issue(X12Problem::BadElement, seg, 1, status));
                current->status = status;
                for (std::size_t n = 2; n <= 6; ++n)
                    if (!seg.element(n).empty())
                        current->codes.push_back(seg.element(n));
                current = nullptr;
            } else if (seg.id == "AK9") {
                if (current)
                    return std::unexpected(missing(seg, "IK5"));
                sawAk9 = true;
                out.groupStatus = seg.element(1);
                if (out.groupStatus != "A" && out.groupStatus != "E" && out.groupStatus != "P" &&
                    out.groupStatus != "R")
                    return std::unexpected(x12Issue(X12Problem::BadElement, seg, 1, out.groupStatus));
                for (std::size_t n = 2; n <= 4; ++n) {
                    int* target = n == 2 ? &out.setsIncluded : n == 3 ? &out.setsReceived : &out.setsAccepted;
                    if (!toInt(seg.element(n), *target))
                        return std::unexpected(
                            x12Issue(X12Problem::BadElement, seg, static_cast<int>(n), seg.element(n)));
                }
            }
        }
        if (current)
            return std::unexpected(missing(s->segments.back(), "IK5"));
    }
    if (!sawAk1 || !sawAk9) {
        const X12Segment& last = (*sets).back()->segments.back();
        return std::unexpected(missing(last, sawAk1 ? "AK9" : "AK1"));
    }
    return out;
}

Ack277Outcome ack277CategoryOutcome(std::string_view category)
{
    if (category == "A0" || category == "A1" || category == "A2" || category == "A5")
        return Ack277Outcome::Accepted;
    if (category == "A3" || category == "A4" || category == "A6" || category == "A7" || category == "A8")
        return Ack277Outcome::Rejected;
    return Ack277Outcome::Pending;
}

Ack277Outcome Ack277Claim::outcome() const
{
    bool accepted = false;
    for (const Ack277Status& s : statuses) {
        const Ack277Outcome o = ack277CategoryOutcome(s.category);
        if (o == Ack277Outcome::Rejected)
            return o;
        accepted = accepted || o == Ack277Outcome::Accepted;
    }
    return accepted ? Ack277Outcome::Accepted : Ack277Outcome::Pending;
}

X12Result<Ack277> read277(std::string_view text)
{
    auto x = readX12(text);
    if (!x)
        return std::unexpected(x.error());
    return read277(*x);
}

X12Result<Ack277> read277(const X12Interchange& interchange)
{
    const X12Interchange* x = &interchange;
    auto sets = setsOf(*x, "277");
    if (!sets)
        return std::unexpected(sets.error());
    const char component = x->delimiters.component;
    Ack277 out;
    out.interchangeControl = x->control;
    for (const X12TransactionSet* s : *sets) {
        std::string level; // HL03 of the current level: 20 source, 21 receiver, 19 provider, PT patient (the claim)
        Ack277Claim* claim = nullptr;
        Ack277Line* line = nullptr;
        for (const X12Segment& seg : s->segments) {
            if (seg.id == "HL") {
                level = seg.element(3);
                claim = nullptr;
                line = nullptr;
                if (level.empty())
                    return std::unexpected(x12Issue(X12Problem::BadElement, seg, 3));
            } else if (seg.id == "NM1" && level == "20" && out.sourceName.empty()) {
                out.sourceName = seg.element(3);
            } else if (seg.id == "TRN" && level == "PT") {
                if (seg.element(2).empty())
                    return std::unexpected(x12Issue(X12Problem::BadElement, seg, 2));
                out.claims.push_back({});
                claim = &out.claims.back();
                claim->patientControlNumber = seg.element(2);
                claim->line = seg.line;
                line = nullptr;
            } else if (seg.id == "STC" && level == "PT") {
                if (!claim)
                    return std::unexpected(missing(seg, "TRN"));
                auto statuses = statusesOf(seg, component);
                if (statuses.empty() || statuses.front().category.empty())
                    return std::unexpected(x12Issue(X12Problem::BadElement, seg, 1, seg.element(1)));
                auto& target = line ? line->statuses : claim->statuses;
                target.insert(target.end(), statuses.begin(), statuses.end());
                if (!line) {
                    claim->statusDate = seg.element(2);
                    claim->chargeAmount = seg.element(4);
                }
            } else if (seg.id == "REF" && claim && !line) {
                if (seg.element(1) == "1K")
                    claim->payerClaimNumber = seg.element(2);
                else if (seg.element(1) == "D9")
                    claim->clearinghouseTrace = seg.element(2);
            } else if (seg.id == "DTP" && claim && !line && seg.element(1) == "472") {
                const std::string& when = seg.element(3);
                if (seg.element(2) == "RD8" && when.size() == 17) {
                    claim->serviceFrom = when.substr(0, 8);
                    claim->serviceTo = when.substr(9);
                } else {
                    claim->serviceFrom = claim->serviceTo = when;
                }
            } else if (seg.id == "SVC" && claim) {
                claim->lines.push_back({seg.component(1, 2, component), seg.element(2), {}});
                line = &claim->lines.back();
            }
        }
        for (const Ack277Claim& c : out.claims)
            if (c.statuses.empty())
                return std::unexpected(
                    X12Issue{X12Problem::MissingSegment, "TRN", 0, c.line, 0, c.patientControlNumber, "STC"});
    }
    return out;
}

} // namespace practica::core
