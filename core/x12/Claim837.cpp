#include "core/x12/Claim837.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace practica::core {

namespace {

// U+00C0..U+00FF folded to ASCII; empty where the character is no letter (x and / signs).
constexpr std::array<const char*, 64> kLatin1Fold{
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",  "I",  //
    "D", "N", "O", "O", "O", "O", "O",  "",  "O", "U", "U", "U", "U", "Y", "TH", "ss", //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",  //
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// U+0100..U+017F (Latin Extended-A: Polish, Czech, Turkish, Vietnamese D with stroke, ...).
constexpr std::array<const char*, 128> kLatinAFold{
    "A", "a", "A",  "a",  "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d", //
    "D", "d", "E",  "e",  "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g", //
    "G", "g", "G",  "g",  "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i", //
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L", //
    "l", "L", "l",  "N",  "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o", //
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s", //
    "S", "s", "T",  "t",  "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u", //
    "U", "u", "U",  "u",  "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s"};

// A Latin letter with marks as its base letter(s); nullptr when the character is none.
const char* foldLatin(char32_t code)
{
    if (code >= 0xC0 && code <= 0xFF)
        return kLatin1Fold[code - 0xC0];
    if (code >= 0x100 && code <= 0x17F)
        return kLatinAFold[code - 0x100];
    switch (code) {
    case 0x1A0:
        return "O"; // Vietnamese horned O and U
    case 0x1A1:
        return "o";
    case 0x1AF:
        return "U";
    case 0x1B0:
        return "u";
    default:
        break;
    }
    // U+1EA0..U+1EF9: Vietnamese vowels with tone marks, capital then small.
    if (code >= 0x1EA0 && code <= 0x1EF9) {
        const bool small = (code - 0x1EA0) % 2 == 1;
        const char* base = code <= 0x1EB7   ? "Aa"
                           : code <= 0x1EC7 ? "Ee"
                           : code <= 0x1ECB ? "Ii"
                           : code <= 0x1EE3 ? "Oo"
                           : code <= 0x1EF1 ? "Uu"
                                            : "Yy";
        static const char* const letters[] = {"A", "a", "E", "e", "I", "i", "O", "o", "U", "u", "Y", "y"};
        const std::string_view all = "AaEeIiOoUuYy";
        return letters[all.find(base[small ? 1 : 0])];
    }
    return nullptr;
}

bool isDate(std::string_view iso)
{
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(iso[i])))
            return false;
    return true;
}

std::string compactDate(std::string_view iso)
{
    return std::string(iso.substr(0, 4)) + std::string(iso.substr(5, 2)) + std::string(iso.substr(8, 2));
}

bool isDecimal(std::string_view s)
{
    if (s.empty() || s.size() > 15)
        return false;
    bool dot = false, digit = false;
    for (char c : s) {
        if (c == '.' && !dot)
            dot = true;
        else if (std::isdigit(static_cast<unsigned char>(c)))
            digit = true;
        else
            return false;
    }
    return digit && s.back() != '.';
}

std::string padded(std::string_view s, std::size_t width)
{
    std::string out(s.substr(0, width));
    out.resize(width, ' ');
    return out;
}

std::string zeroPadded(std::int64_t n, std::size_t width)
{
    std::string s = std::to_string(n);
    return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

class Writer
{
public:
    explicit Writer(const Batch837& batch) : m_batch(batch), m_d(batch.delimiters) {}

    std::expected<Written837, Claim837Issue> write()
    {
        const Batch837& b = m_batch;
        if (!m_d.valid())
            return fail(Claim837Problem::BadValue, "delimiters",
                        std::string{m_d.element, m_d.component, m_d.repetition, m_d.segment});
        if (b.claims.empty())
            return fail(Claim837Problem::NoClaims, "claims", {});
        if (b.interchangeControl < 1 || b.interchangeControl > 999999999)
            return fail(Claim837Problem::BadValue, "interchange_control", std::to_string(b.interchangeControl));
        if (b.groupControl < 1 || b.groupControl > 999999999)
            return fail(Claim837Problem::BadValue, "group_control", std::to_string(b.groupControl));
        if (b.setControl.size() < 4 || b.setControl.size() > 9 ||
            !std::all_of(b.setControl.begin(), b.setControl.end(), [](char c) { return std::isdigit(c) != 0; }))
            return fail(Claim837Problem::BadValue, "set_control", b.setControl);
        if (b.date.size() != 8 || b.time.size() != 4)
            return fail(Claim837Problem::BadValue, "date", b.date + " " + b.time);
        for (const auto& [value, field] :
             {std::pair{&b.senderId, "sender_id"}, std::pair{&b.receiverId, "receiver_id"},
              std::pair{&b.submitterId, "submitter_id"}, std::pair{&b.batchId, "batch_id"}})
            if (value->empty())
                return fail(Claim837Problem::Missing, field, {});
        if (b.senderId.size() > 15 || b.receiverId.size() > 15)
            return fail(Claim837Problem::BadValue, "sender_id", b.senderId.size() > 15 ? b.senderId : b.receiverId);

        // The ISA is fixed width; its values are checked like any other.
        const std::string sender = text(b.senderId, "sender_id"), receiver = text(b.receiverId, "receiver_id");
        if (m_issue)
            return std::unexpected(*m_issue);
        const std::string e(1, m_d.element);
        m_out += "ISA" + e + "00" + e + padded("", 10) + e + "00" + e + padded("", 10) + e +
                 padded(b.senderQualifier, 2) + e + padded(sender, 15) + e + padded(b.receiverQualifier, 2) + e +
                 padded(receiver, 15) + e + b.date.substr(2) + e + b.time + e + m_d.repetition + e + "00501" + e +
                 zeroPadded(b.interchangeControl, 9) + e + "0" + e + (b.production ? "P" : "T") + e + m_d.component +
                 m_d.segment;
        lineEnd();
        plain("GS", {"HC", sender, receiver, b.date, b.time, std::to_string(b.groupControl), "X", "005010X222A1"});
        m_setPosition = 0;
        segment("ST", {{"837"}, {b.setControl}, {"005010X222A1"}}, "");
        segment("BHT", {{"0019"}, {"00"}, {text(b.batchId, "batch_id")}, {b.date}, {b.time}, {"CH"}}, "");
        // 1000A submitter, 1000B receiver.
        segment("NM1", nameElements("41", b.submitter, "submitter", "46", b.submitterId, "submitter_id"), "1000A");
        if (b.contactName.empty() || b.contactPhone.empty())
            return fail(Claim837Problem::Missing, b.contactName.empty() ? "contact_name" : "contact_phone", {});
        segment("PER",
                {{"IC"},
                 {text(b.contactName, "contact_name"), "contact_name"},
                 {"TE"},
                 {text(b.contactPhone, "contact_phone"), "contact_phone"}},
                "1000A");
        segment(
            "NM1",
            nameElements("40", X12Name{b.receiverName, {}, {}, false}, "receiver", "46", b.receiverId, "receiver_id"),
            "1000B");

        int hl = 0;
        int providerHl = 0;
        const Claim837Provider* lastBilling = nullptr;
        for (std::size_t i = 0; i < b.claims.size() && !m_issue; ++i) {
            m_claim = static_cast<int>(i);
            const Claim837& c = b.claims[i];
            if (!lastBilling || !sameProvider(*lastBilling, c.billing)) {
                providerHl = ++hl;
                billingProvider(providerHl, c.billing);
                lastBilling = &c.billing;
            }
            const int subscriberHl = ++hl;
            subscriber(subscriberHl, providerHl, c);
            if (!c.patientIsSubscriber)
                patient(++hl, subscriberHl, c);
            claim(c);
        }
        m_claim = -1;
        if (m_issue)
            return std::unexpected(*m_issue);
        const int count = m_setPosition + 1;
        segment("SE", {{std::to_string(count)}, {b.setControl}}, "");
        plain("GE", {"1", std::to_string(b.groupControl)});
        plain("IEA", {"1", zeroPadded(b.interchangeControl, 9)});
        if (m_issue)
            return std::unexpected(*m_issue);
        Written837 out;
        out.text = std::move(m_out);
        out.origins = std::move(m_origins);
        out.segmentCount = count;
        return out;
    }

private:
    struct Element
    {
        Element(std::string v = {}, std::string f = {}) : value(std::move(v)), field(std::move(f)) {}
        std::string value;
        std::string field; // for the origin map; empty for fixed codes
    };

    std::unexpected<Claim837Issue> fail(Claim837Problem p, std::string field, std::string value)
    {
        return std::unexpected(Claim837Issue{p, m_claim, std::move(field), std::move(value)});
    }

    void note(Claim837Problem p, const std::string& field, std::string value = {})
    {
        if (!m_issue)
            m_issue = Claim837Issue{p, m_claim, field, std::move(value)};
    }

    // A value made fit for X12, or an issue noted (the first one wins; writing carries on harmlessly).
    std::string text(std::string_view value, const std::string& field)
    {
        auto folded = x12Text(value, m_d);
        if (!folded) {
            note(Claim837Problem::Character, field, std::string(value));
            return {};
        }
        return *folded;
    }

    std::string required(std::string_view value, const std::string& field)
    {
        if (value.empty())
            note(Claim837Problem::Missing, field);
        return text(value, field);
    }

    std::string composite(std::initializer_list<std::string> parts)
    {
        std::vector<std::string> v(parts);
        while (!v.empty() && v.back().empty())
            v.pop_back();
        std::string out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i)
                out += m_d.component;
            out += v[i];
        }
        return out;
    }

    void plain(const std::string& id, std::vector<std::string> elements)
    {
        m_out += id;
        for (const auto& e : elements)
            m_out.append(1, m_d.element).append(e);
        m_out += m_d.segment;
        lineEnd();
    }

    // A line end after each segment, for people reading the file, unless line ends are the terminator.
    void lineEnd()
    {
        if (m_d.segment != '\n' && m_d.segment != '\r')
            m_out += '\n';
    }

    void segment(const std::string& id, std::vector<Element> elements, const std::string& loop)
    {
        while (!elements.empty() && elements.back().value.empty())
            elements.pop_back();
        SegmentOrigin origin{m_claim, loop, {}};
        m_out += id;
        for (std::size_t i = 0; i < elements.size(); ++i) {
            m_out.append(1, m_d.element).append(elements[i].value);
            if (!elements[i].field.empty())
                origin.fields[static_cast<int>(i) + 1] = elements[i].field;
        }
        m_out += m_d.segment;
        lineEnd();
        m_origins[++m_setPosition] = std::move(origin);
    }

    std::vector<Element> nameElements(const std::string& entity, const X12Name& n, const std::string& prefix,
                                      const std::string& qualifier, const std::string& id, const std::string& idField)
    {
        std::vector<Element> out{{entity},
                                 {n.person ? "1" : "2"},
                                 {required(n.lastOrOrganization, prefix + ".name.last"), prefix + ".name.last"}};
        if (n.person) {
            out.push_back({text(n.first, prefix + ".name.first"), prefix + ".name.first"});
            out.push_back({text(n.middle, prefix + ".name.middle"), prefix + ".name.middle"});
        } else {
            out.push_back({});
            out.push_back({});
        }
        out.push_back({});
        out.push_back({});
        if (!qualifier.empty()) {
            out.push_back({qualifier});
            out.push_back({required(id, idField), idField});
        }
        return out;
    }

    void address(const X12Address& a, const std::string& prefix, const std::string& loop)
    {
        segment("N3",
                {{required(a.line1, prefix + ".address.line1"), prefix + ".address.line1"},
                 {text(a.line2, prefix + ".address.line2"), prefix + ".address.line2"}},
                loop);
        const std::string zip = required(a.zip, prefix + ".address.zip");
        if (!zip.empty() && ((zip.size() != 5 && zip.size() != 9) ||
                             !std::all_of(zip.begin(), zip.end(), [](char c) { return std::isdigit(c) != 0; })))
            note(Claim837Problem::BadValue, prefix + ".address.zip", zip);
        segment("N4",
                {{required(a.city, prefix + ".address.city"), prefix + ".address.city"},
                 {required(a.state, prefix + ".address.state"), prefix + ".address.state"},
                 {zip, prefix + ".address.zip"}},
                loop);
    }

    void demographics(const Claim837Person& p, const std::string& prefix, const std::string& loop)
    {
        if (!isDate(p.birthDate))
            note(p.birthDate.empty() ? Claim837Problem::Missing : Claim837Problem::BadValue, prefix + ".birth_date",
                 p.birthDate);
        if (p.sex != "F" && p.sex != "M" && p.sex != "U")
            note(Claim837Problem::BadValue, prefix + ".sex", p.sex);
        segment("DMG",
                {{"D8"},
                 {isDate(p.birthDate) ? compactDate(p.birthDate) : "", prefix + ".birth_date"},
                 {p.sex, prefix + ".sex"}},
                loop);
    }

    static bool sameProvider(const Claim837Provider& a, const Claim837Provider& b)
    {
        return a.npi == b.npi && a.taxId == b.taxId && a.name.lastOrOrganization == b.name.lastOrOrganization &&
               a.address.line1 == b.address.line1 && a.address.zip == b.address.zip && a.taxonomy == b.taxonomy;
    }

    void billingProvider(int hl, const Claim837Provider& p)
    {
        segment("HL", {{std::to_string(hl)}, {}, {"20"}, {"1"}}, "2000A");
        if (!p.taxonomy.empty())
            segment("PRV", {{"BI"}, {"PXC"}, {text(p.taxonomy, "billing.taxonomy"), "billing.taxonomy"}}, "2000A");
        segment("NM1", nameElements("85", p.name, "billing", "XX", p.npi, "billing.npi"), "2010AA");
        address(p.address, "billing", "2010AA");
        segment("REF", {{"EI"}, {required(p.taxId, "billing.tax_id"), "billing.tax_id"}}, "2010AA");
    }

    void subscriber(int hl, int parent, const Claim837& c)
    {
        segment("HL", {{std::to_string(hl)}, {std::to_string(parent)}, {"22"}, {c.patientIsSubscriber ? "0" : "1"}},
                "2000B");
        segment("SBR",
                {{c.payerResponsibility, "payer_responsibility"},
                 {c.patientIsSubscriber ? "18" : ""},
                 {text(c.groupNumber, "group_number"), "group_number"},
                 {},
                 {},
                 {},
                 {},
                 {},
                 {c.filingIndicator, "filing_indicator"}},
                "2000B");
        segment("NM1", nameElements("IL", c.subscriber.name, "subscriber", "MI", c.memberId, "member_id"), "2010BA");
        if (c.patientIsSubscriber || !c.subscriber.address.line1.empty())
            address(c.subscriber.address, "subscriber", "2010BA");
        if (c.patientIsSubscriber || !c.subscriber.birthDate.empty())
            demographics(c.subscriber, "subscriber", "2010BA");
        segment("NM1", nameElements("PR", X12Name{c.payerName, {}, {}, false}, "payer", "PI", c.payerId, "payer_id"),
                "2010BB");
    }

    void patient(int hl, int parent, const Claim837& c)
    {
        segment("HL", {{std::to_string(hl)}, {std::to_string(parent)}, {"23"}, {"0"}}, "2000C");
        segment("PAT", {{c.relationship, "relationship"}}, "2000C");
        segment("NM1", nameElements("QC", c.patient.name, "patient", "", "", ""), "2010CA");
        address(c.patient.address, "patient", "2010CA");
        demographics(c.patient, "patient", "2010CA");
    }

    void claim(const Claim837& c)
    {
        if (c.patientControlNumber.empty() || c.patientControlNumber.size() > 20)
            note(c.patientControlNumber.empty() ? Claim837Problem::Missing : Claim837Problem::BadValue,
                 "patient_control_number", c.patientControlNumber);
        if (c.lines.empty())
            note(Claim837Problem::Missing, "lines");
        if (c.lines.size() > 50)
            note(Claim837Problem::TooMany, "lines", std::to_string(c.lines.size()));
        if (c.diagnoses.empty())
            note(Claim837Problem::Missing, "diagnoses");
        if (c.diagnoses.size() > 12)
            note(Claim837Problem::TooMany, "diagnoses", std::to_string(c.diagnoses.size()));
        if (c.frequency != "1" && c.frequency != "7" && c.frequency != "8")
            note(Claim837Problem::BadValue, "frequency", c.frequency);
        std::int64_t total = 0;
        for (const auto& l : c.lines)
            total += l.chargeCents;
        segment("CLM",
                {{text(c.patientControlNumber, "patient_control_number"), "patient_control_number"},
                 {x12Amount(total), "total_charge"},
                 {},
                 {},
                 {composite({text(c.placeOfService, "place_of_service"), "B", c.frequency}), "place_of_service"},
                 {"Y"},
                 {"A"},
                 {"Y"},
                 {"Y"}},
                "2300");
        if (c.frequency != "1") {
            if (c.payerClaimNumber.empty())
                note(Claim837Problem::Missing, "payer_claim_number");
            segment("REF", {{"F8"}, {text(c.payerClaimNumber, "payer_claim_number"), "payer_claim_number"}}, "2300");
        }
        std::vector<Element> hi;
        for (std::size_t i = 0; i < c.diagnoses.size() && i < 12; ++i) {
            std::string code = c.diagnoses[i];
            code.erase(std::remove(code.begin(), code.end(), '.'), code.end());
            const std::string field = "diagnoses[" + std::to_string(i) + "]";
            hi.push_back({composite({i == 0 ? "ABK" : "ABF", required(code, field)}), field});
        }
        segment("HI", std::move(hi), "2300");
        if (c.rendering) {
            segment("NM1", nameElements("82", c.rendering->name, "rendering", "XX", c.rendering->npi, "rendering.npi"),
                    "2310B");
            if (!c.rendering->taxonomy.empty())
                segment("PRV",
                        {{"PE"}, {"PXC"}, {text(c.rendering->taxonomy, "rendering.taxonomy"), "rendering.taxonomy"}},
                        "2310B");
        }
        for (std::size_t i = 0; i < c.lines.size() && i < 50; ++i)
            line(c, i);
    }

    void line(const Claim837& c, std::size_t i)
    {
        const Claim837Line& l = c.lines[i];
        const std::string at = "lines[" + std::to_string(i) + "]";
        segment("LX", {{std::to_string(i + 1)}}, "2400");
        if (l.modifiers.size() > 4)
            note(Claim837Problem::TooMany, at + ".modifiers", std::to_string(l.modifiers.size()));
        if (l.pointers.empty() || l.pointers.size() > 4)
            note(l.pointers.empty() ? Claim837Problem::Missing : Claim837Problem::TooMany, at + ".pointers");
        if (l.chargeCents <= 0)
            note(Claim837Problem::BadValue, at + ".charge", x12Amount(l.chargeCents));
        if (!isDecimal(l.units) || l.units.find_first_not_of("0.") == std::string::npos)
            note(Claim837Problem::BadValue, at + ".units", l.units);
        std::string procedure = "HC";
        procedure += m_d.component;
        procedure += required(l.code, at + ".code");
        for (std::size_t m = 0; m < l.modifiers.size() && m < 4; ++m)
            procedure.append(1, m_d.component)
                .append(text(l.modifiers[m], at + ".modifiers[" + std::to_string(m) + "]"));
        std::string pointers;
        for (std::size_t p = 0; p < l.pointers.size() && p < 4; ++p) {
            if (l.pointers[p] < 1 || l.pointers[p] > static_cast<int>(std::min<std::size_t>(c.diagnoses.size(), 12)))
                note(Claim837Problem::BadValue, at + ".pointers", std::to_string(l.pointers[p]));
            if (p)
                pointers += m_d.component;
            pointers += std::to_string(l.pointers[p]);
        }
        segment("SV1",
                {{procedure, at + ".code"},
                 {x12Amount(l.chargeCents), at + ".charge"},
                 {"UN"},
                 {l.units, at + ".units"},
                 {text(l.placeOfService, at + ".place_of_service"), at + ".place_of_service"},
                 {},
                 {pointers, at + ".pointers"}},
                "2400");
        if (!isDate(l.serviceDate))
            note(l.serviceDate.empty() ? Claim837Problem::Missing : Claim837Problem::BadValue, at + ".service_date",
                 l.serviceDate);
        segment("DTP",
                {{"472"}, {"D8"}, {isDate(l.serviceDate) ? compactDate(l.serviceDate) : "", at + ".service_date"}},
                "2400");
    }

    const Batch837& m_batch;
    X12Delimiters m_d;
    std::string m_out;
    std::map<int, SegmentOrigin> m_origins;
    int m_setPosition = 0;
    int m_claim = -1;
    std::optional<Claim837Issue> m_issue;
};

} // namespace

std::string_view claim837ProblemName(Claim837Problem problem)
{
    switch (problem) {
    case Claim837Problem::NoClaims:
        return "no_claims";
    case Claim837Problem::TooMany:
        return "too_many";
    case Claim837Problem::Missing:
        return "missing";
    case Claim837Problem::BadValue:
        return "bad_value";
    case Claim837Problem::Character:
        return "character";
    }
    return "unknown";
}

std::expected<Written837, Claim837Issue> write837(const Batch837& batch)
{
    return Writer(batch).write();
}

std::string x12Amount(std::int64_t cents)
{
    const bool negative = cents < 0;
    const std::int64_t abs = negative ? -cents : cents;
    std::string out = (negative ? "-" : "") + std::to_string(abs / 100);
    const std::int64_t rest = abs % 100;
    if (rest != 0) {
        out += '.';
        out += static_cast<char>('0' + rest / 10);
        if (rest % 10 != 0)
            out += static_cast<char>('0' + rest % 10);
    }
    return out;
}

std::optional<std::int64_t> parseCents(std::string_view amount)
{
    const auto dot = amount.find('.');
    const std::string_view whole = amount.substr(0, dot);
    const std::string_view part = dot == std::string_view::npos ? std::string_view() : amount.substr(dot + 1);
    auto digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (whole.empty() || whole.size() > 9 || !digits(whole) || part.size() > 2 || !digits(part) ||
        (dot != std::string_view::npos && part.empty()))
        return std::nullopt;
    std::int64_t cents = 0;
    for (char c : whole)
        cents = cents * 10 + (c - '0');
    cents *= 100;
    if (!part.empty())
        cents += (part[0] - '0') * 10 + (part.size() == 2 ? part[1] - '0' : 0);
    return cents;
}

std::optional<std::string> x12Text(std::string_view utf8, const X12Delimiters& delimiters)
{
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7f || delimiters.isDelimiter(static_cast<char>(c)))
                return std::nullopt;
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        // A two- or three-byte sequence: a Latin letter with marks folds to its base letter.
        char32_t code = 0;
        std::size_t length = 0;
        if ((c & 0xE0) == 0xC0) {
            code = c & 0x1F;
            length = 2;
        } else if ((c & 0xF0) == 0xE0) {
            code = c & 0x0F;
            length = 3;
        } else {
            return std::nullopt;
        }
        if (i + length > utf8.size())
            return std::nullopt;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + k]);
            if ((next & 0xC0) != 0x80)
                return std::nullopt;
            code = (code << 6) | (next & 0x3F);
        }
        const char* folded = foldLatin(code);
        if (!folded || *folded == '\0')
            return std::nullopt;
        out += folded;
        i += length;
    }
    // Leading and trailing spaces carry nothing; X12 elements do not keep them.
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    out.erase(0, out.find_first_not_of(' ') == std::string::npos ? out.size() : out.find_first_not_of(' '));
    return out;
}

} // namespace practica::core
