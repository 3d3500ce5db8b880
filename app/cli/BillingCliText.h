// What practica-cli's billing commands share: amounts in dollars, a claim named by its patient control
// number, and the scrubber's findings as JSON and as lines of English.
#pragma once

#include "CliContext.h"
#include "core/billing/ClaimScrubber.h"
#include "core/model/Billing.h"

#include <Poco/JSON/Array.h>
#include <string>
#include <vector>

namespace practica::app {

// "125.50" from 12550.
std::string dollars(std::int64_t cents);
// Cents from "125.50", "125.5" or "125"; a usage error otherwise.
CliResult<std::int64_t> centsOf(const std::string& amount);
// The non-empty items of text between separators.
std::vector<std::string> split(const std::string& text, char separator);
// The claim --claim names, by its patient control number (or id).
CliResult<core::Claim> claimByNumber(CliContext& ctx, core::Session& session);
Poco::JSON::Array::Ptr findingsJson(const std::vector<core::ScrubFinding>& findings);
void printFindings(CliContext& ctx, const std::vector<core::ScrubFinding>& findings);

} // namespace practica::app
