// Reads a pull page straight into changes, without building a JSON document first: a first sync reads
// a million changes, and a document of each page of 5,000 cost as much as merging it. It reads the
// same JSON as decodePull (any key order, whitespace, escapes, unknown keys skipped) and checks the
// same limits; anything else is a ProtocolError naming where the page went wrong.
#pragma once

#include "sync/protocol/Protocol.h"

#include <string_view>

namespace practica::sync {

Result<PullResponse> readPullPage(std::string_view body);
// A snapshot page (decodeSnapshotPage), read the same way. Its rows keep the stamps as sent: a value
// without a stamp of its own carries created_hlc (SyncRow::fillStamps), as ChangeMerger::applyRow reads it.
Result<SnapshotPage> readSnapshotPage(std::string_view body);
// A row as encodeRow writes it (and stores keep it), read the same way, every field with its stamp.
Result<SyncRow> readRow(std::string_view body);

} // namespace practica::sync
