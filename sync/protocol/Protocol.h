// The sync protocol's wire format (JSON over HTTP, version 1): push and pull bodies, their limits
// and the protocol version both sides negotiate. A new record type needs no change here: changes
// carry the table name and a field map.
#pragma once

#include "core/Error.h"
#include "core/sync/SyncChange.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace practica::sync {

using core::Result;
using core::Status;
using core::SyncChange;
using core::SyncRow;

// 2: a pull page's cursor may pass changes the device's sync scope left out, and the page names the scope.
inline constexpr int kProtocolVersion = 2;
// The first protocol whose clients follow a scoped pull (a cursor past the page's last change); an older
// client on a workstation with a narrower scope than everything is told to update.
inline constexpr int kScopedPullProtocol = 2;
// The oldest client protocol this build's server still serves.
inline constexpr int kMinProtocolVersion = 1;
inline constexpr const char* kProtocolHeader = "Practica-Protocol";

// Limits a server enforces on every request (a client keeps its batches under them).
inline constexpr std::size_t kMaxRequestBytes = 4 * 1024 * 1024;   // on the wire, compressed or not
inline constexpr std::size_t kMaxInflatedBytes = 32 * 1024 * 1024; // after gunzip
inline constexpr int kMaxPushChanges = 2000;
inline constexpr int kMaxPullPage = 5000;
inline constexpr int kMaxFieldsPerChange = 200;
inline constexpr std::size_t kMaxFieldBytes = 256 * 1024;

using core::PushOutcome;
using core::PushResult;

struct PushRequest
{
    std::string deviceId;
    std::vector<SyncChange> changes;
};

struct PushResponse
{
    std::vector<PushResult> results;
    std::int64_t highestSeq = 0;
};

struct PullResponse
{
    std::vector<SyncChange> changes; // in sequence order, each with seq and device
    std::int64_t next = 0;           // the cursor to ask from next (at or past the last seq in the page)
    bool more = false;
    std::int64_t highestSeq = 0; // lets a client show progress of a first sync
    // What the device receives (core::SyncScope's name: "all" or a role's name); a server from before
    // scopes sends none, and serves everything.
    std::string scope = "all";
};

// A workstation's first sync (or its pull from the start after its scope widened) is served as the
// clinic's rows rather than its change log: a record edited five times travels once. The snapshot opens
// with the highest sequence number accepted before any row was read; the workstation then takes each
// record type's rows in pages, and pulls the changes after that number as usual (re-merging a change a
// row already holds changes nothing). A server from before snapshots answers 404: the change log it is.
inline constexpr int kMaxSnapshotPage = 5000;

struct SnapshotStart
{
    std::int64_t seq = 0;                       // the pull cursor once every row is in
    std::map<std::string, std::int64_t> rows{}; // rows held per record type the scope reads (tombstones too)
    std::string scope = "all";
};

// One page of one record type's rows as the scope sees them (withheld fields left out), tombstones
// included: a deleted row's stamp must keep refusing older changes of it.
struct SnapshotPage
{
    std::string entity;
    std::vector<SyncRow> rows;
    // More rows as the store keeps them (encodeRow's JSON), passed through unread; a reader gets them in rows.
    std::vector<std::string> rowsJson{};
    std::string after; // the last row id read (rows the scope left out included): the next page starts past it
    bool more = false;
    std::string scope = "all";
};

std::string encodePush(const PushRequest& request);
Result<PushRequest> decodePush(const std::string& body);
std::string encodePushResponse(const PushResponse& response);
Result<PushResponse> decodePushResponse(const std::string& body);
std::string encodePull(const PullResponse& response);
Result<PullResponse> decodePull(const std::string& body);
std::string encodeSnapshotStart(const SnapshotStart& start);
Result<SnapshotStart> decodeSnapshotStart(const std::string& body);
std::string encodeSnapshotPage(const SnapshotPage& page);
Result<SnapshotPage> decodeSnapshotPage(const std::string& body);
std::string encodeRow(const SyncRow& row);
Result<SyncRow> decodeRow(const std::string& body);

// A change's field map as JSON text {"field": "value" | null}, as stores keep it.
std::string encodeFields(const std::vector<core::SyncField>& fields);
Result<std::vector<core::SyncField>> decodeFields(const std::string& json);

std::string_view outcomeName(PushOutcome outcome);

// A refusal's params as stores keep them: a JSON object of strings, and back (unreadable text reads as none).
std::string encodeParams(const std::map<std::string, std::string>& params);
std::map<std::string, std::string> decodeParams(const std::string& json);

// gzip (RFC 1952), for request and response bodies with Content-Encoding: gzip. level: zlib's 1 (fastest)
// to 9 (smallest).
std::string gzip(const std::string& data, int level = 6);
// Fails with ProtocolError on a damaged stream and with Validation when the result would exceed limit.
Result<std::string> gunzip(const std::string& data, std::size_t limit);

// Whether an identifier from the wire can name a table or a field: [a-z][a-z0-9_]{0,62}.
bool isIdentifier(const std::string& name);

} // namespace practica::sync
