// The wire format of POST /v1/audit: a workstation's audit events, in seq order, and the server's
// answer (how far it holds the workstation's chain, and what it found wrong on arrival). The device
// is never in the body: the server takes it from the access token.
#pragma once

#include "core/Error.h"
#include "core/audit/AuditLog.h"

#include <cstdint>
#include <string>
#include <vector>

namespace practica::sync {

inline constexpr int kMaxAuditEvents = 1000;

struct AuditPushRequest
{
    std::vector<core::AuditEvent> events;
};

// A problem found in a pushed event (codes: see AuditProblem in sync/server/AuditStore.h).
struct AuditProblemNote
{
    std::int64_t seq = 0;
    std::string problem;
};

struct AuditPushResponse
{
    std::int64_t acknowledged = 0; // the highest seq of this workstation's chain the server holds
    std::vector<AuditProblemNote> findings;
};

// One event as JSON text, as a server keeps a finding's event.
std::string encodeAuditEvent(const core::AuditEvent& event);
core::Result<core::AuditEvent> decodeAuditEvent(const std::string& json);

std::string encodeAuditPush(const AuditPushRequest& request);
core::Result<AuditPushRequest> decodeAuditPush(const std::string& body);
std::string encodeAuditPushResponse(const AuditPushResponse& response);
core::Result<AuditPushResponse> decodeAuditPushResponse(const std::string& body);

} // namespace practica::sync
