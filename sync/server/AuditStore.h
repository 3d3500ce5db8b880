// Where the server keeps the workstations' audit chains, one per (clinic, device), and what it found
// wrong on their arrival. Append-only by construction: nothing here updates or deletes an event or a
// finding, and the stores' tables refuse it too.
#pragma once

#include "core/Error.h"
#include "core/audit/AuditLog.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace practica::sync {

using core::Result;
using core::Status;

// What can be wrong with a pushed event, as stored and reported (codes, worded by front ends).
namespace audit_problem {
inline constexpr const char* kHashMismatch = "hash_mismatch";     // its hash is not the hash of its content
inline constexpr const char* kBrokenLink = "broken_link";         // prev_hash is not the previous event's hash
inline constexpr const char* kGap = "gap";                        // events are missing before it
inline constexpr const char* kOutOfOrder = "out_of_order";        // it came after a later event
inline constexpr const char* kRewritten = "rewritten";            // its seq is held by a different event
inline constexpr const char* kDeviceMismatch = "device_mismatch"; // it names another device than the token's
} // namespace audit_problem

// One event of a chain as the server holds it: as the workstation sent it, plus who pushed it.
struct StoredAuditEvent
{
    std::string clinicId;
    std::string chainDevice; // the device of the pushing token: the chain it belongs to
    core::AuditEvent event;  // as sent (its user fields and device field untouched)
    std::string pushedById;  // the account that pushed it
    std::string pushedBy;    // that account's user name
    std::int64_t receivedMs = 0;
    std::string problem; // empty when it fitted the chain on arrival; otherwise an audit_problem code
};

// A problem found on arrival. For a rewritten seq the event as sent is kept here only: the stored
// one is never replaced.
struct AuditFinding
{
    std::string clinicId;
    std::string chainDevice;
    std::int64_t seq = 0;
    std::string problem;
    core::AuditEvent event; // as sent
    std::string storedHash; // the hash already held at that seq (rewritten), else empty
    std::string pushedById;
    std::string pushedBy;
    std::int64_t foundMs = 0;
};

// One device's chain, locked against other pushes to it from begin to commit.
class AuditTransaction
{
public:
    virtual ~AuditTransaction() = default;
    // The stored event with the highest seq: its seq and hash.
    virtual Result<std::optional<std::pair<std::int64_t, std::string>>> head() = 0;
    virtual Result<std::optional<StoredAuditEvent>> event(std::int64_t seq) = 0;
    // Fails with AlreadyExists when the seq is taken (nothing is ever replaced).
    virtual Status append(const StoredAuditEvent& event) = 0;
    // True when this finding is new (the same problem with the same event is recorded once).
    virtual Result<bool> recordFinding(const AuditFinding& finding) = 0;
    virtual Status commit() = 0;
};

class AuditStore
{
public:
    virtual ~AuditStore() = default;
    virtual Result<std::unique_ptr<AuditTransaction>> beginAudit(const std::string& clinicId,
                                                                 const std::string& chainDevice) = 0;
    // The clinic's devices that have a chain or a finding, in id order.
    virtual Result<std::vector<std::string>> auditDevices(const std::string& clinicId) = 0;
    // One chain's events with seq > afterSeq, in seq order, at most limit.
    virtual Result<std::vector<StoredAuditEvent>>
    auditChain(const std::string& clinicId, const std::string& chainDevice, std::int64_t afterSeq, int limit) = 0;
    // One chain's findings in seq order.
    virtual Result<std::vector<AuditFinding>> auditFindings(const std::string& clinicId,
                                                            const std::string& chainDevice) = 0;
    // The clinic's events with fromMs <= at < toMs in (at, device, seq) order, after the given key
    // (the last row of the previous page; start with an empty device), at most limit.
    virtual Result<std::vector<StoredAuditEvent>> auditEventsBetween(const std::string& clinicId, std::int64_t fromMs,
                                                                     std::int64_t toMs, std::int64_t afterAt,
                                                                     const std::string& afterDevice,
                                                                     std::int64_t afterSeq, int limit) = 0;
};

} // namespace practica::sync
