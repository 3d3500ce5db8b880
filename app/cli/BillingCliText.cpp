#include "BillingCliText.h"

#include "JsonOutput.h"
#include "core/billing/ClaimStore.h"
#include "core/x12/Claim837.h"
#include "words/BillingWords.h"

#include <charconv>
#include <ostream>

namespace practica::app {

std::string dollars(std::int64_t cents)
{
    const bool negative = cents < 0;
    const std::int64_t abs = negative ? -cents : cents;
    const std::string rest = std::to_string(abs % 100);
    return (negative ? "-" : "") + std::to_string(abs / 100) + "." + (rest.size() < 2 ? "0" : "") + rest;
}

CliResult<std::int64_t> centsOf(const std::string& amount)
{
    auto cents = core::parseCents(amount);
    if (!cents)
        return usageError("an amount is dollars and cents: " + amount);
    return *cents;
}

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find(separator, start);
        std::string item = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!item.empty())
            out.push_back(item);
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return out;
}

CliResult<core::Claim> claimByNumber(CliContext& ctx, core::Session& session)
{
    core::ClaimStore claims(session);
    const std::string which = ctx.value("claim");
    auto found = claims.byControlNumber(which);
    if (!found)
        return failure(found.error());
    if (*found)
        return **found;
    auto byId = claims.get(which);
    if (!byId)
        return std::unexpected(Failure{kExitNotFound, "no claim has the patient control number " + which});
    return *byId;
}

Poco::JSON::Array::Ptr findingsJson(const std::vector<core::ScrubFinding>& findings)
{
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
    for (const auto& f : findings) {
        auto o = newJsonObject();
        o->set("rule", std::string(core::scrubRuleName(f.rule)));
        o->set("record", f.record);
        o->set("record_id", f.recordId);
        o->set("field", f.field);
        auto params = newJsonObject();
        for (const auto& [k, v] : f.params)
            params->set(k, v);
        o->set("params", params);
        o->set("message", words::scrubFindingSentence(f));
        out->add(o);
    }
    return out;
}

void printFindings(CliContext& ctx, const std::vector<core::ScrubFinding>& findings)
{
    for (const auto& f : findings)
        ctx.out() << "  - " << words::scrubFindingSentence(f) << "\n";
}

} // namespace practica::app
