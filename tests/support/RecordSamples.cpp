#include "RecordSamples.h"

#include "core/crypto/UserKey.h"

#include <algorithm>
#include <set>

namespace practica::test {

namespace {

using core::FieldKind;
using core::TextFormat;

constexpr std::int64_t kFirstSlotMs = 1'800'000'000'000; // 2027-01-15
constexpr std::int64_t kHourMs = 3'600'000;

std::string formatted(TextFormat format, int serial)
{
    switch (format) {
    case TextFormat::Any:
        return "Sample " + std::to_string(serial);
    case TextFormat::UsState:
        return "IL";
    case TextFormat::Zip:
        return "60601";
    case TextFormat::Phone:
        return "3125550100";
    case TextFormat::Email:
        return "front@example.org";
    case TextFormat::Npi:
        return "1234567893";
    case TextFormat::TaxId:
        return "12-3456789";
    case TextFormat::TimeZone:
        return "America/Chicago";
    case TextFormat::Color:
        return "#336699";
    case TextFormat::DayList:
        return "1,3";
    case TextFormat::UserName:
        return "user" + std::to_string(serial);
    case TextFormat::UserKey: {
        static const std::string key =
            core::UserKey::create("sample", "sample-password", core::KdfCost::minimal())->encode();
        return key;
    }
    case TextFormat::UtcTime:
        return "2026-01-02T03:04:05Z";
    case TextFormat::Sha256:
        return std::string(64, 'a');
    case TextFormat::SshHostKey:
        return "SHA256:" + std::string(43, 'A');
    case TextFormat::RemotePath:
        return "/inbound/" + std::to_string(serial);
    }
    return "x";
}

bool isOrderedSecond(const core::RecordType& type, const std::string& field)
{
    return std::any_of(type.order.begin(), type.order.end(),
                       [&](const core::FieldOrder& o) { return o.second == field; });
}

} // namespace

std::string sampleValue(const core::FieldRule& rule, const std::map<std::string, std::string>& references, int serial)
{
    switch (rule.kind) {
    case FieldKind::Text: {
        std::string text = formatted(rule.format, serial);
        if (rule.maxLength && text.size() > *rule.maxLength)
            text.resize(*rule.maxLength);
        return text;
    }
    case FieldKind::Integer:
        if (rule.min)
            return std::to_string(*rule.min);
        return std::to_string(kFirstSlotMs + serial * kHourMs);
    case FieldKind::Flag:
        return "1";
    case FieldKind::Date:
        return "1970-01-01";
    case FieldKind::Choice:
        return rule.choices.front();
    case FieldKind::Reference: {
        auto it = references.find(rule.references);
        return it == references.end() ? std::string() : it->second;
    }
    }
    return {};
}

SampleFields sampleRecord(const core::RecordType& type, const std::map<std::string, std::string>& references,
                          int serial)
{
    SampleFields fields;
    for (const core::FieldRule& rule : type.fields) {
        std::string value = sampleValue(rule, references, serial);
        if (std::find(type.unique.begin(), type.unique.end(), rule.name) != type.unique.end()) {
            // Distinct per serial, within the field's rules: a number from its minimum, or text kept to its length.
            if (rule.kind == FieldKind::Integer) {
                value = std::to_string(rule.min.value_or(0) + serial);
            } else {
                value = rule.name + "-" + std::to_string(serial);
                if (rule.maxLength && value.size() > *rule.maxLength)
                    value.erase(0, value.size() - *rule.maxLength);
            }
        }
        if (value.empty())
            fields[rule.name] = std::nullopt;
        else
            fields[rule.name] = value;
    }
    // The second field of each order comes just after the first.
    for (const core::FieldOrder& o : type.order) {
        const core::FieldRule* second = type.field(o.second);
        auto first = fields[o.first];
        if (!first || !second)
            continue;
        if (second->kind == FieldKind::Integer)
            fields[o.second] = std::to_string(std::max<std::int64_t>(std::stoll(*first) + 1, second->min.value_or(0)));
        else
            fields[o.second] = *first;
    }
    // Outside its unique-together groups (an inactive policy), so that any number of samples may refer to
    // the same records; tst_syncserver tests the groups themselves.
    for (const auto& group : type.uniqueTogether)
        if (const core::FieldRule* rule = type.field(group.whenField); rule && rule->kind == FieldKind::Choice)
            for (const std::string& c : rule->choices)
                if (c != group.whenValue) {
                    fields[group.whenField] = c;
                    break;
                }
    // A record that is not yet guarded: a patient is not born merged, an appointment not overbooked.
    for (const core::GuardedField& g : type.guarded)
        if (const core::FieldRule* rule = type.field(g.field); rule && !rule->required)
            fields[g.field] = rule->kind == FieldKind::Flag ? std::optional<std::string>("0") : std::nullopt;
    // Not yet signed or locked: a note starts as a draft (signing is tested on its own).
    if (type.lock)
        fields[type.lock->field] = std::nullopt;
    if (type.sign) {
        fields[type.sign->signerField] = std::nullopt;
        fields[type.sign->hashField] = std::nullopt;
    }
    return fields;
}

std::pair<std::string, std::string> sampleEdit(const core::RecordType& type, int serial)
{
    auto plain = [&](const core::FieldRule& r) {
        const bool guarded = std::any_of(type.guarded.begin(), type.guarded.end(),
                                         [&](const core::GuardedField& g) { return g.field == r.name; });
        const bool unique = std::find(type.unique.begin(), type.unique.end(), r.name) != type.unique.end();
        const bool own = std::find(type.notOnOwnRow.begin(), type.notOnOwnRow.end(), r.name) != type.notOnOwnRow.end();
        const bool fixed = std::find(type.fixed.begin(), type.fixed.end(), r.name) != type.fixed.end();
        return !guarded && !unique && !own && !fixed && !isOrderedSecond(type, r.name);
    };
    for (const core::FieldRule& r : type.fields)
        if (r.kind == FieldKind::Text && r.format == TextFormat::Any && plain(r) && r.maxLength.value_or(100) >= 20)
            return {r.name, "Edited " + std::to_string(serial)};
    for (const core::FieldRule& r : type.fields)
        if (r.kind == FieldKind::Flag && plain(r))
            return {r.name, serial % 2 ? "0" : "1"};
    for (const core::FieldRule& r : type.fields)
        if (r.kind == FieldKind::Choice && r.choices.size() > 1 && plain(r))
            return {r.name, r.choices.back()}; // a sample takes the first
    return {type.fields.front().name, sampleValue(type.fields.front(), {}, serial)};
}

std::vector<BadValue> badValues(const core::FieldRule& rule)
{
    std::vector<BadValue> out;
    if (rule.required) {
        out.push_back({std::nullopt, "required"});
        if (!rule.allowBlank)
            out.push_back({"  ", "required"});
    }
    switch (rule.kind) {
    case FieldKind::Text:
        if (rule.maxLength)
            out.push_back({std::string(*rule.maxLength + 1, 'x'), "text"});
        if (rule.format != TextFormat::Any)
            out.push_back({"zzz!", "format"});
        break;
    case FieldKind::Integer:
        out.push_back({"twelve", "not_integer"});
        out.push_back({"-30x", "not_integer"});
        if (rule.min)
            out.push_back({std::to_string(*rule.min - 1), "range"});
        if (rule.max)
            out.push_back({std::to_string(*rule.max + 1), "range"});
        break;
    case FieldKind::Flag:
        out.push_back({"2", "not_flag"});
        out.push_back({"yes", "not_flag"});
        break;
    case FieldKind::Date:
        out.push_back({"zzz", "not_date"});
        out.push_back({"2023-02-30", "not_date"});
        if (!rule.minDate.empty())
            out.push_back({"1800-01-01", "too_early"});
        if (rule.notInFuture)
            out.push_back({"2099-01-01", "future_date"});
        break;
    case FieldKind::Choice:
        out.push_back({"banana", "choice"});
        out.push_back({"teleported", "choice"});
        break;
    case FieldKind::Reference:
        out.push_back({"0190f0e2-0000-7000-8000-0000000dead0", "missing_reference"});
        break;
    }
    return out;
}

std::vector<const core::RecordType*> creationOrder(const core::RecordTypes& types)
{
    std::vector<const core::RecordType*> order;
    std::set<std::string> made;
    while (order.size() < types.all().size()) {
        const std::size_t before = order.size();
        for (const core::RecordType& t : types.all()) {
            if (made.contains(t.name))
                continue;
            const bool ready = std::all_of(t.fields.begin(), t.fields.end(), [&](const core::FieldRule& r) {
                return r.kind != FieldKind::Reference || !r.required || made.contains(r.references) ||
                       r.references == t.name;
            });
            if (ready) {
                order.push_back(&t);
                made.insert(t.name);
            }
        }
        if (order.size() == before)
            break; // a cycle of required references: the rest cannot be made
    }
    return order;
}

} // namespace practica::test
