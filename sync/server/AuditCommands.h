// practica-server's audit commands: verify a clinic's audit chains, export its events for a review.
#pragma once

#include "ServerStore.h"

#include <ostream>
#include <string>

namespace practica::sync {

// Prints one line per workstation chain; returns 0 when every chain is intact, 1 when one is not
// (stderr then names the device, its first bad seq and the problem code), 3 when the store fails.
int auditVerify(ServerStore& store, const std::string& clinicId, std::ostream& out, std::ostream& err);

struct AuditExportOptions
{
    std::string clinicId;
    std::string from;           // YYYY-MM-DD, UTC, inclusive
    std::string to;             // YYYY-MM-DD, UTC, inclusive
    std::string format = "csv"; // csv or jsonl
    std::string outFile;        // empty: standard output
};

// Writes the events to options.outFile (atomically) or to out; returns 0, 2 on bad options, 3 on failure.
int auditExport(ServerStore& store, const AuditExportOptions& options, std::ostream& out, std::ostream& err);

// A field quoted for CSV as RFC 4180 says: in quotes when it holds a comma, a quote or a line break,
// its quotes doubled.
std::string csvField(const std::string& value);

} // namespace practica::sync
