// The server's sync logic over any ServerStore: accepts pushed changes (idempotent by change id),
// merges them field by field into the clinic's rows, enforces the domain rules that two offline
// workstations cannot check alone, numbers accepted changes, and serves pulls and digests.
#pragma once

#include "ServerStore.h"
#include "sync/protocol/Protocol.h"

namespace practica::sync {

class SyncService
{
public:
    explicit SyncService(ServerStore& store) : m_store(store) {}

    // All of one push in one store transaction: either every result is durable or none is.
    Result<PushResponse> push(const std::string& clinicId, const PushRequest& request);
    Result<PullResponse> pull(const std::string& clinicId, std::int64_t after, int limit);
    // The canonical digest of the clinic's records (see core/sync/Digest.h), equal to a workstation's
    // digest exactly when both hold the same records.
    Result<std::string> digest(const std::string& clinicId);
    Result<std::optional<SyncRow>> row(const std::string& clinicId, const std::string& entity,
                                       const std::string& rowId);

private:
    ServerStore& m_store;
};

} // namespace practica::sync
