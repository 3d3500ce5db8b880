#include "SyncEngine.h"

#include "core/audit/AuditLog.h"
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"
#include "core/chart/EncounterStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/util/Uuid.h"

#include <algorithm>
#include <future>
#include <iterator>

namespace practica::sync {

using core::ErrorCode;
using core::fail;

Status SyncEngine::rememberTokens(const ClientTokens& tokens)
{
    m_haveToken = true;
    return m_replica.setSetting("sync_refresh_token", tokens.refreshToken);
}

Result<ClientTokens> SyncEngine::enroll(const std::string& password, const std::string& deviceName,
                                        const std::string& secondFactor)
{
    auto clinic = core::ClinicStore(m_session).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    auto tokens = m_client.login(clinic->id, m_session.actor().username, password, m_session.deviceId(), deviceName,
                                 secondFactor);
    if (!tokens)
        return tokens;
    if (tokens->clinicId != clinic->id)
        return fail(ErrorCode::ProtocolError, "clinic", "the server answered for another clinic");
    if (Status s = rememberTokens(*tokens); !s)
        return std::unexpected(s.error());
    // Another server (or store) numbers its changes afresh: pull it from the start.
    auto previous = m_replica.setting("sync_server");
    if (!previous)
        return std::unexpected(previous.error());
    if (*previous && **previous != m_client.options().serverUrl) {
        if (Status s = m_replica.setSetting("sync_cursor", "0"); !s)
            return std::unexpected(s.error());
        // The new server holds none of this workstation's audit chain yet.
        if (Status s = core::AuditLog(m_session.db()).setAcknowledgedSeq(0); !s)
            return std::unexpected(s.error());
    }
    // The server's workstation number keeps this desk's new MRNs apart from every other desk's.
    if (tokens->workstationNumber > 0)
        if (Status s = m_replica.setSetting("workstation_number", std::to_string(tokens->workstationNumber)); !s)
            return std::unexpected(s.error());
    if (Status s = m_replica.setSetting("sync_server", m_client.options().serverUrl); !s)
        return std::unexpected(s.error());
    if (Status s = m_replica.setSetting("sync_clinic", clinic->id); !s)
        return std::unexpected(s.error());
    if (!m_client.options().caFile.empty())
        if (Status s = m_replica.setSetting("sync_ca_file", m_client.options().caFile); !s)
            return std::unexpected(s.error());
    return tokens;
}

Result<std::unique_ptr<core::Session>> SyncEngine::join(SyncClient& client, const std::string& databasePath,
                                                        const std::string& clinicId, const std::string& username,
                                                        const std::string& password, const std::string& deviceName,
                                                        const core::Clock& clock, core::KdfCost cost,
                                                        const std::string& secondFactor)
{
    const std::string deviceId = core::uuidV7(clock.nowMs());
    auto tokens = client.login(clinicId, username, password, deviceId, deviceName, secondFactor);
    if (!tokens)
        return std::unexpected(tokens.error());
    auto role = core::roleFromName(tokens->role);
    if (!role)
        return fail(ErrorCode::ProtocolError, "role", tokens->role);
    core::Actor actor{tokens->userId, username, tokens->displayName, *role};
    auto session = core::Vault::joinClinic(databasePath, actor, password, tokens->keyMaterial, deviceId,
                                           tokens->workstationNumber, clock, cost);
    if (!session)
        return session;
    SyncEngine engine(**session, client);
    for (auto [key, value] :
         {std::pair{"sync_server", client.options().serverUrl}, std::pair{"sync_clinic", clinicId},
          std::pair{"sync_ca_file", client.options().caFile}, std::pair{"sync_refresh_token", tokens->refreshToken}})
        if (Status s = engine.m_replica.setSetting(key, value); !s)
            return std::unexpected(s.error());
    return session;
}

Status SyncEngine::authenticate()
{
    auto refresh = m_replica.setting("sync_refresh_token");
    if (!refresh)
        return std::unexpected(refresh.error());
    if (!*refresh || (*refresh)->empty())
        return fail(ErrorCode::NotAuthorized, "sync", "this workstation is not enrolled; run sync enroll");
    auto tokens = m_client.refresh(**refresh);
    if (!tokens)
        return std::unexpected(tokens.error());
    return rememberTokens(*tokens);
}

template <class Call> auto SyncEngine::withToken(Call&& call) -> decltype(call())
{
    if (!m_haveToken)
        if (Status s = authenticate(); !s)
            return std::unexpected(s.error());
    auto result = call();
    if (!result && result.error().code == ErrorCode::NotAuthorized) {
        // The access token expired: one refresh, one retry.
        m_haveToken = false;
        if (Status s = authenticate(); !s)
            return std::unexpected(s.error());
        result = call();
    }
    return result;
}

Result<SyncReport> SyncEngine::syncNow(const std::function<void(const SyncProgress&)>& progress)
{
    SyncReport report;
    SyncProgress shown;
    // The signed-in user's account as this desk knew it before the sync: only a change that arrives
    // ends their session (their own desk's unsynced edit of it is the server's to refuse).
    auto ownBefore = core::UserStore::findByUsername(m_session.db(), m_session.actor().username);
    auto run = [&]() -> Status {
        while (true) {
            auto batch = m_replica.outgoing(kPushBatch);
            if (!batch)
                return std::unexpected(batch.error());
            if (batch->empty())
                break;
            PushRequest request{m_session.deviceId(), std::move(*batch)};
            auto answer = withToken([&] { return m_client.push(request); });
            if (!answer)
                return std::unexpected(answer.error());
            if (Status s = m_replica.acknowledge(answer->results); !s)
                return s;
            for (const auto& r : answer->results) {
                if (r.outcome == PushOutcome::Applied && r.params.contains("redirected_field"))
                    ++report.redirected;
                ++(r.outcome == PushOutcome::Applied     ? report.pushed
                   : r.outcome == PushOutcome::Duplicate ? report.duplicates
                                                         : report.conflicts);
            }
            shown.pushed = report.pushed + report.duplicates + report.conflicts;
            if (progress)
                progress(shown);
        }
        auto status = m_replica.status();
        if (!status)
            return std::unexpected(status.error());
        std::int64_t cursor = status->cursor;
        auto unfinished = m_replica.snapshotMark();
        if (!unfinished)
            return std::unexpected(unfinished.error());
        if (cursor == 0 || *unfinished) {
            auto through = pullSnapshot(report, shown, progress);
            if (!through)
                return std::unexpected(through.error());
            cursor = through->value_or(cursor);
        }
        // The next page downloads while this one is applied: server, network and local disk overlap.
        // Only the prefetch touches the client meanwhile; token refreshes happen on this thread.
        auto fetch = [this](std::int64_t after) {
            return std::async(std::launch::async, [this, after] { return m_client.pull(after, kPullPage); });
        };
        auto pending = fetch(cursor);
        while (true) {
            auto page = pending.get();
            if (!page && page.error().code == ErrorCode::NotAuthorized)
                page = withToken([&] { return m_client.pull(cursor, kPullPage); });
            if (!page)
                return std::unexpected(page.error());
            // Each page names the scope it was served for; a wider one than this desk holds means
            // records it was never given: pull again from the start.
            auto wider = m_replica.takeScope(page->scope);
            if (!wider)
                return std::unexpected(wider.error());
            if (*wider && cursor > 0) {
                report.pulledAgain = true;
                auto through = pullSnapshot(report, shown, progress);
                if (!through)
                    return std::unexpected(through.error());
                cursor = through->value_or(0);
                pending = fetch(cursor);
                continue;
            }
            if (page->more)
                pending = fetch(page->next);
            if (Status s = m_replica.applyPulled(page->changes, page->next); !s) {
                if (pending.valid())
                    (void)pending.get();
                return s;
            }
            for (const auto& c : page->changes)
                if (c.deviceId != m_session.deviceId())
                    ++report.pulled; // this desk's own changes come back too; they are not news
            cursor = page->next;
            shown.pulled = report.pulled + report.snapshotRows;
            shown.cursor = cursor;
            shown.highestSeq = page->highestSeq;
            if (progress)
                progress(shown);
            if (!page->more)
                break;
            if (m_client.cancelled()) {
                (void)pending.get();
                return fail(ErrorCode::Offline, "sync", core::Rule::Cancelled);
            }
        }
        report.cursor = cursor;
        // What a narrower scope no longer reads leaves this disk once the server has it.
        auto purged = m_replica.purgeOutsideScope();
        if (!purged)
            return std::unexpected(purged.error());
        report.purged = *purged;
        // Users added, deactivated or given new passwords elsewhere take effect here now.
        auto slots = core::UserStore::followUserKeys(m_session);
        if (!slots)
            return std::unexpected(slots.error());
        report.keySlots = *slots;
        if (report.keySlots.sessionEnded && ownBefore) {
            auto ownAfter = core::UserStore::findByUsername(m_session.db(), m_session.actor().username);
            report.keySlots.sessionEnded =
                !ownAfter || ownAfter->role != ownBefore->role || ownAfter->active != ownBefore->active;
        }
        // After the pull, so the events of this sync's merges go up too.
        if (Status s = pushAudit(report); !s)
            return s;
        return m_replica.recordSuccess();
    };
    if (Status s = run(); !s) {
        (void)m_replica.recordError(s.error());
        return std::unexpected(s.error());
    }
    return report;
}

Result<std::optional<std::int64_t>> SyncEngine::pullSnapshot(SyncReport& report, SyncProgress& shown,
                                                             const std::function<void(const SyncProgress&)>& progress)
{
    while (true) {
        auto start = withToken([&] { return m_client.snapshotStart(); });
        if (!start && start.error().code == ErrorCode::NotFound)
            return std::optional<std::int64_t>{};
        if (!start)
            return std::unexpected(start.error());
        auto wider = m_replica.takeScope(start->scope);
        if (!wider)
            return std::unexpected(wider.error());
        auto held = m_replica.snapshotMark();
        if (!held)
            return std::unexpected(held.error());
        // An unfinished snapshot taken through a narrower scope lacks what this one reads: start afresh.
        if (*wider)
            held->reset();
        // A resumed snapshot keeps its number: a row read now holds at least every change up to it.
        core::SnapshotMark mark = held->value_or(core::SnapshotMark{start->seq, {}, {}});
        if (!*held)
            if (Status s = m_replica.beginSnapshot(mark.seq); !s)
                return std::unexpected(s.error());
        std::vector<std::string> served;
        std::int64_t total = 0;
        for (const auto& [entity, rows] : start->rows) {
            served.push_back(entity);
            total += rows;
        }
        const std::vector<std::string> order = m_replica.snapshotOrder(served);
        // Where the mark stands; a type no longer served starts the snapshot over (rows merge again harmlessly).
        std::size_t from = 0;
        std::string after;
        if (auto it = std::find(order.begin(), order.end(), mark.entity); !mark.entity.empty() && it != order.end()) {
            from = static_cast<std::size_t>(it - order.begin());
            after = mark.after;
        }
        std::int64_t done = 0;
        for (std::size_t i = 0; i < from; ++i)
            done += start->rows.at(order[i]);
        auto show = [&] {
            shown.pulled = report.pulled + report.snapshotRows;
            shown.snapshotRows = done;
            shown.snapshotTotal = total;
            shown.highestSeq = mark.seq;
            shown.cursor = total > 0 ? mark.seq * std::min(done, total) / total : mark.seq;
            if (progress)
                progress(shown);
        };
        // Rows applied are freed on the download thread, which made them: freed here, among the inserts,
        // their thousands of small blocks cost the applying thread about a tenth of its time.
        std::vector<core::SyncRow> spent;
        auto fetch = [this, &spent](const std::string& entity, const std::string& afterRow) {
            return std::async(std::launch::async, [this, entity, afterRow, old = std::move(spent)]() mutable {
                old = {};
                return m_client.snapshotPage(entity, afterRow, kPullPage);
            });
        };
        // The next page downloads while this one is applied, across the ends of record types too.
        bool widened = false;
        std::size_t at = from;
        std::future<Result<SnapshotPage>> pending;
        std::vector<core::SyncRow> batch;
        if (at < order.size())
            pending = fetch(order[at], after);
        while (at < order.size()) {
            const std::string entity = order[at];
            auto page = pending.get();
            if (!page && page.error().code == ErrorCode::NotAuthorized)
                page = withToken([&] { return m_client.snapshotPage(entity, after, kPullPage); });
            if (!page)
                return std::unexpected(page.error());
            auto widens = m_replica.takeScope(page->scope);
            if (!widens)
                return std::unexpected(widens.error());
            if (*widens) {
                // Rows taken so far lack what the wider scope reads: start over.
                widened = true;
                break;
            }
            const std::size_t next = page->more ? at : at + 1;
            const std::string nextAfter = page->more ? page->after : std::string();
            if (next < order.size())
                pending = fetch(order[next], nextAfter);
            mark.entity = entity;
            mark.after = page->after;
            // Small record types share a transaction: a commit for a dozen rows costs as much as the rows.
            if (batch.empty())
                batch = std::move(page->rows);
            else
                std::move(page->rows.begin(), page->rows.end(), std::back_inserter(batch));
            if (batch.size() < static_cast<std::size_t>(kPullPage) && next < order.size()) {
                at = next;
                after = nextAfter;
                continue;
            }
            const auto received = static_cast<std::int64_t>(batch.size());
            if (Status s = m_replica.applySnapshotRows(batch, mark); !s) {
                if (pending.valid())
                    (void)pending.get();
                return std::unexpected(s.error());
            }
            spent = std::move(batch);
            batch.clear();
            report.snapshotRows += received;
            done += received;
            at = next;
            after = nextAfter;
            show();
            if (at < order.size() && m_client.cancelled()) {
                (void)pending.get();
                return fail(ErrorCode::Offline, "sync", core::Rule::Cancelled);
            }
        }
        if (widened) {
            if (Status s = m_replica.beginSnapshot(0); !s)
                return std::unexpected(s.error());
            if (Status s = m_replica.finishSnapshot(); !s) // forgets the mark; the cursor is 0
                return std::unexpected(s.error());
            continue;
        }
        if (Status s = m_replica.finishSnapshot(); !s)
            return std::unexpected(s.error());
        shown.snapshotRows = shown.snapshotTotal = 0;
        return std::optional<std::int64_t>(mark.seq);
    }
}

Status SyncEngine::pushAudit(SyncReport& report)
{
    core::AuditLog log(m_session.db());
    auto acknowledged = log.acknowledgedSeq();
    if (!acknowledged)
        return std::unexpected(acknowledged.error());
    std::int64_t through = *acknowledged;
    while (true) {
        auto events = log.after(through, kAuditPage);
        if (!events)
            return std::unexpected(events.error());
        if (events->empty())
            return {};
        const std::int64_t last = events->back().seq;
        AuditPushRequest request{std::move(*events)};
        auto answer = withToken([&] { return m_client.pushAudit(request); });
        // A server from before audit upload has no such endpoint: the events wait for its update.
        if (!answer && answer.error().code == ErrorCode::NotFound && through == *acknowledged)
            return {};
        if (!answer)
            return std::unexpected(answer.error());
        report.auditFindings += static_cast<std::int64_t>(answer->findings.size());
        // The server may hold more of this chain than was sent (a restored workstation): go on from what
        // was sent, so every event of this log reaches the server once and is checked against what it holds.
        const std::int64_t next = std::min(answer->acknowledged, last);
        if (next <= through)
            return fail(ErrorCode::ProtocolError, "audit", "the server acknowledged none of the events sent");
        report.auditSent += next - through;
        through = next;
        if (Status s = log.setAcknowledgedSeq(through); !s)
            return s;
    }
}

Status SyncEngine::resolveConflict(const std::string& conflictId, bool retry)
{
    if (retry)
        return m_replica.resolveByRetry(conflictId);
    auto conflicts = m_replica.openConflicts();
    if (!conflicts)
        return std::unexpected(conflicts.error());
    for (const auto& c : *conflicts) {
        if (c.id != conflictId)
            continue;
        // Take the server's version as it is now, not as it was when the change was refused.
        auto row = withToken([&] { return m_client.row(c.entity, c.rowId); });
        if (!row)
            return std::unexpected(row.error());
        return m_replica.resolveByDiscard(conflictId, *row);
    }
    return fail(ErrorCode::NotFound, "conflict", conflictId);
}

Result<std::string> SyncEngine::resolveAsAddendum(const std::string& conflictId)
{
    auto conflicts = m_replica.openConflicts();
    if (!conflicts)
        return std::unexpected(conflicts.error());
    for (const auto& c : *conflicts) {
        if (c.id != conflictId)
            continue;
        auto row = withToken([&] { return m_client.row(c.entity, c.rowId); });
        if (!row)
            return std::unexpected(row.error());
        auto addendum = core::NoteStore(m_session).addendumFromRefusedEdit(m_replica, c, *row);
        if (!addendum)
            return std::unexpected(addendum.error());
        return addendum->id;
    }
    return fail(ErrorCode::NotFound, "conflict", conflictId);
}

Result<std::string> SyncEngine::serverDigest()
{
    return withToken([&] { return m_client.digest(); });
}

} // namespace practica::sync
