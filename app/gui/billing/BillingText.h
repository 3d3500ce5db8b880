// The words the billing workbench shows for core's billing codes: claim states, the scrubber's findings
// and the clearinghouse's and payers' answers (999 and 277CA codes), translated.
#pragma once

#include "core/Error.h"
#include "core/billing/ClaimScrubber.h"

#include <QCoreApplication>
#include <QString>

namespace practica::app {

class BillingText
{
    Q_DECLARE_TR_FUNCTIONS(BillingText)

public:
    static QString state(const std::string& state);
    // "Line 1, modifiers: “5” is not a modifier (two letters or digits)." (line: the line's number, for a
    // finding of a claim line)
    static QString finding(const core::ScrubFinding& finding, int line = 0);
    // A history step's answer in words: "Rejected by the clearinghouse: member id is wrong (code 7)".
    static QString answer(const std::string& source, const std::string& state, const std::string& detail);
    static QString dollars(std::int64_t cents);
    // "Medicare Part B (MB)": a claim filing indicator (837 SBR09) in words, with its code.
    static QString filingIndicator(const std::string& code);
    // Why claims could not go to the clearinghouse or its answers come back (sync/client/ClaimTransport.h);
    // other errors as UiText words them.
    static QString transportError(const core::Error& error);
};

} // namespace practica::app
