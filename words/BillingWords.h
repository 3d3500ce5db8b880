// The command lines' English for billing: a scrubber finding (core/billing/ClaimScrubber.h) and an X12
// file's problem (core/x12/X12Reader.h), with their particulars.
#pragma once

#include "core/Error.h"
#include "core/billing/ClaimScrubber.h"
#include "core/x12/X12Reader.h"

#include <string>

namespace practica::words {

// "clinic zip: the billing provider's ZIP needs all nine digits (62701)": what to fix and where.
std::string scrubFindingSentence(const core::ScrubFinding& finding);
// "line 27 (SV1): the file ends before its IEA": why a file was refused, and where.
std::string x12IssueSentence(const core::X12Issue& issue);
// Why claims could not go to the clearinghouse or its answers come back (sync/client/ClaimTransport.h):
// "The clearinghouse's SFTP server showed another host key than the settings name; nothing was sent."
// Errors that are not the transport's are worded as errorSentence words them.
std::string transportErrorSentence(const core::Error& error);

} // namespace practica::words
