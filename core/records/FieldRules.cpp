#include "FieldRules.h"

#include "core/crypto/UserKey.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <charconv>

namespace practica::core {

namespace {

std::optional<std::int64_t> parseInteger(const std::string& text)
{
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return v;
}

bool isDayList(const std::string& text)
{
    if (text.empty())
        return true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool digitPlace = i % 2 == 0;
        if (digitPlace ? (text[i] < '1' || text[i] > '7') : text[i] != ',')
            return false;
    }
    return text.size() % 2 == 1;
}

bool formatHolds(TextFormat format, const std::string& v)
{
    switch (format) {
    case TextFormat::Any:
        return true;
    case TextFormat::UsState:
        return isUsState(v);
    case TextFormat::Zip:
        return isZip(v);
    case TextFormat::Phone:
        return normalizePhone(v).has_value();
    case TextFormat::Email:
        return isEmail(v);
    case TextFormat::Npi:
        return isNpi(v);
    case TextFormat::TaxId:
        return isTaxId(v);
    case TextFormat::TimeZone:
        return isTimeZone(v);
    case TextFormat::Color:
        return isColor(v);
    case TextFormat::DayList:
        return isDayList(v);
    case TextFormat::UserName:
        return isUserName(v);
    case TextFormat::UserKey:
        return UserKey::isValid(v);
    case TextFormat::UtcTime:
        return isUtcTimestamp(v);
    case TextFormat::Sha256:
        return v.size() == 64 &&
               std::all_of(v.begin(), v.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    case TextFormat::SshHostKey:
        return isSshHostKey(v);
    case TextFormat::RemotePath:
        return isRemotePath(v);
    }
    return false;
}

std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& v : values)
        out.append(out.empty() ? "" : ",").append(v);
    return out;
}

RuleViolation broken(const FieldRule& rule, std::string code, std::map<std::string, std::string> params = {})
{
    return RuleViolation{rule.name, std::move(code), std::move(params)};
}

// The first rule a present value breaks (references aside).
std::optional<RuleViolation> checkValue(const FieldRule& rule, const std::string& v, const RuleContext& context)
{
    switch (rule.kind) {
    case FieldKind::Text:
        if (rule.maxLength && (v.size() > *rule.maxLength || !isValidUtf8(v)))
            return broken(rule, "text", {{"max_length", std::to_string(*rule.maxLength)}});
        if (!formatHolds(rule.format, v))
            return broken(rule, "format", {{"format", std::string(textFormatName(rule.format))}});
        return std::nullopt;
    case FieldKind::Integer: {
        auto n = parseInteger(v);
        if (!n)
            return broken(rule, "not_integer");
        if ((rule.min && *n < *rule.min) || (rule.max && *n > *rule.max)) {
            std::map<std::string, std::string> p;
            if (rule.min)
                p["min"] = std::to_string(*rule.min);
            if (rule.max)
                p["max"] = std::to_string(*rule.max);
            return broken(rule, "range", std::move(p));
        }
        return std::nullopt;
    }
    case FieldKind::Flag:
        if (v != "0" && v != "1")
            return broken(rule, "not_flag");
        return std::nullopt;
    case FieldKind::Date:
        if (!isIsoDate(v))
            return broken(rule, "not_date");
        if (!rule.minDate.empty() && v < rule.minDate)
            return broken(rule, "too_early", {{"min", rule.minDate}});
        if (rule.notInFuture && !context.todayIso.empty() && v > context.todayIso)
            return broken(rule, "future_date", {{"today", context.todayIso}});
        return std::nullopt;
    case FieldKind::Choice:
        if (std::find(rule.choices.begin(), rule.choices.end(), v) == rule.choices.end())
            return broken(rule, "choice", {{"allowed", joined(rule.choices)}});
        return std::nullopt;
    case FieldKind::Reference:
        return std::nullopt;
    }
    return std::nullopt;
}

const std::optional<std::string>* valueIn(const SyncRow& row, const std::string& field)
{
    auto it = row.values.find(field);
    return it == row.values.end() ? nullptr : &it->second;
}

bool blank(const std::optional<std::string>& v)
{
    return !v || trimmed(*v).empty();
}

// Integers compare as numbers, everything else (dates) as text.
bool inOrder(const FieldRule* rule, const std::string& a, const std::string& b, bool orEqual)
{
    if (rule && rule->kind == FieldKind::Integer) {
        auto x = parseInteger(a), y = parseInteger(b);
        if (!x || !y)
            return true; // reported as not_integer already
        return orEqual ? *x <= *y : *x < *y;
    }
    return orEqual ? a <= b : a < b;
}

} // namespace

const std::vector<std::string>& ruleCodes()
{
    static const std::vector<std::string> codes = {
        "unknown_field", "required", "not_integer", "not_flag", "not_date",          "too_early", "future_date",
        "format",        "text",     "choice",      "range",    "missing_reference", "order"};
    return codes;
}

std::string_view textFormatName(TextFormat format)
{
    switch (format) {
    case TextFormat::Any:
        return "text";
    case TextFormat::UsState:
        return "us_state";
    case TextFormat::Zip:
        return "zip";
    case TextFormat::Phone:
        return "phone";
    case TextFormat::Email:
        return "email";
    case TextFormat::Npi:
        return "npi";
    case TextFormat::TaxId:
        return "tax_id";
    case TextFormat::TimeZone:
        return "time_zone";
    case TextFormat::Color:
        return "color";
    case TextFormat::DayList:
        return "day_list";
    case TextFormat::UserName:
        return "user_name";
    case TextFormat::UserKey:
        return "user_key";
    case TextFormat::UtcTime:
        return "utc_time";
    case TextFormat::Sha256:
        return "sha256";
    case TextFormat::SshHostKey:
        return "ssh_host_key";
    case TextFormat::RemotePath:
        return "remote_path";
    }
    return "text";
}

Result<std::optional<RuleViolation>> checkFields(const RecordType& type, const SyncChange& change, bool creating,
                                                 const SyncRow& after, const RuleContext& context)
{
    using Found = std::optional<RuleViolation>;
    if (change.deleted)
        return Found{};
    for (const SyncField& f : change.fields) {
        const FieldRule* rule = type.field(f.name);
        if (!rule)
            return Found(RuleViolation{f.name, "unknown_field", {}});
        if (rule->allowBlank ? !f.value : blank(f.value)) {
            if (rule->required)
                return Found(broken(*rule, "required"));
            continue;
        }
        if (auto v = checkValue(*rule, *f.value, context))
            return Found(std::move(v));
        if (rule->kind == FieldKind::Reference && context.references) {
            auto exists = context.references(rule->references, *f.value);
            if (!exists)
                return std::unexpected(exists.error());
            if (!*exists)
                return Found(broken(*rule, "missing_reference", {{"references", rule->references}, {"id", *f.value}}));
        }
    }
    if (creating)
        for (const FieldRule& rule : type.fields)
            if (rule.required && !rule.hasDefault) {
                const auto* v = valueIn(after, rule.name);
                if (!v || (rule.allowBlank ? !*v : blank(*v)))
                    return Found(broken(rule, "required"));
            }
    for (const FieldOrder& o : type.order) {
        const bool touched = std::any_of(change.fields.begin(), change.fields.end(),
                                         [&](const SyncField& f) { return f.name == o.first || f.name == o.second; });
        if (!touched)
            continue;
        const auto* a = valueIn(after, o.first);
        const auto* b = valueIn(after, o.second);
        if (!a || !b || !*a || !*b)
            continue;
        if (!inOrder(type.field(o.second), **a, **b, o.orEqual))
            return Found(RuleViolation{o.second, "order", {{"after", o.first}, {"or_equal", o.orEqual ? "1" : "0"}}});
    }
    return Found{};
}

std::map<std::string, std::string> violationParams(const RecordType& type, const RuleViolation& violation)
{
    auto params = violation.params;
    params["record_type"] = type.name;
    params["field"] = violation.field;
    params["rule"] = violation.rule;
    return params;
}

} // namespace practica::core
