// The append-only, hash-chained audit log: every write and every read of a patient's record.
#pragma once

#include "core/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

class Database;

enum class AuditAction
{
    Create,
    Update,
    Read,
    Search,
    Merge,
    Login,
    LoginFailed,
    Lock,
    Unlock,
    Export,
    Rekey,
    Verify,
    SyncApply,   // changes from other workstations merged into this one
    SyncResolve, // a refused change resolved (retried or discarded)
    SyncPurge    // records and fields the workstation's sync scope does not read removed from it
};
std::string_view auditActionName(AuditAction action);

struct AuditEvent
{
    std::int64_t seq = 0;
    std::string id;
    std::int64_t atMs = 0;
    std::string userId;
    std::string username;
    std::string role;
    std::string deviceId;
    std::string action;
    std::string entity;
    std::string recordId;
    std::string detail;
    std::string prevHash;
    std::string hash;
};

struct AuditVerification
{
    bool intact = true;
    std::int64_t eventsChecked = 0;
    std::int64_t firstBadSeq = 0; // the first event that does not fit the chain
    std::string problem;          // "hash mismatch", "gap before", "broken link", "head mismatch"
};

class AuditLog
{
public:
    static constexpr const char* kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    explicit AuditLog(Database& db) : m_db(db) {}

    // Appends inside the caller's open transaction; the event's seq, prev_hash and hash are filled here.
    Status append(AuditEvent event);
    Result<AuditVerification> verify();
    Result<std::vector<AuditEvent>> recent(int limit, std::int64_t beforeSeq = 0);
    Result<std::vector<AuditEvent>> forRecord(std::string_view entity, const std::string& recordId);
    // Events with seq > afterSeq in seq order, at most limit: the next page to push to the server.
    Result<std::vector<AuditEvent>> after(std::int64_t afterSeq, int limit);
    // How far the clinic's server has acknowledged this workstation's chain (0: nothing yet).
    Result<std::int64_t> acknowledgedSeq();
    Status setAcknowledgedSeq(std::int64_t seq);

    static std::string computeHash(const AuditEvent& event);

private:
    Database& m_db;
};

} // namespace practica::core
