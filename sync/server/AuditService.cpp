#include "AuditService.h"

namespace practica::sync {

namespace problem = audit_problem;

namespace {

constexpr int kVerifyPage = 5000;

// What is wrong with an event whose seq is free, given the chain's head and the previous seq of this push.
std::string problemOf(const core::AuditEvent& e, const std::optional<std::pair<std::int64_t, std::string>>& head,
                      std::int64_t previousInPush, const std::string& chainDevice)
{
    const std::int64_t headSeq = head ? head->first : 0;
    if (e.seq < previousInPush || e.seq < headSeq)
        return problem::kOutOfOrder;
    if (e.seq > headSeq + 1)
        return problem::kGap;
    const std::string expectedPrev = head ? head->second : core::AuditLog::kGenesisHash;
    if (e.prevHash != expectedPrev)
        return problem::kBrokenLink;
    if (core::AuditLog::computeHash(e) != e.hash)
        return problem::kHashMismatch;
    if (e.deviceId != chainDevice)
        return problem::kDeviceMismatch;
    return {};
}

} // namespace

Result<AuditReceipt> AuditService::receive(const AuditPusher& pusher, const AuditPushRequest& request)
{
    auto tx = m_store.beginAudit(pusher.clinicId, pusher.deviceId);
    if (!tx)
        return std::unexpected(tx.error());
    auto head = (*tx)->head();
    if (!head)
        return std::unexpected(head.error());
    AuditReceipt receipt;
    const std::int64_t now = m_clock.nowMs();
    std::int64_t previousInPush = 0;
    for (const core::AuditEvent& e : request.events) {
        AuditFinding finding{pusher.clinicId, pusher.deviceId, e.seq, {}, e, {}, pusher.userId, pusher.username, now};
        auto stored = (*tx)->event(e.seq);
        if (!stored)
            return std::unexpected(stored.error());
        if (*stored) {
            // A resend of what is held is the answer to a lost acknowledgement; anything else under a held seq
            // is a rewritten log (or an altered resend) and never replaces what is held.
            const bool same = (*stored)->event.hash == e.hash && core::AuditLog::computeHash(e) == e.hash;
            if (!same) {
                finding.problem = (*stored)->event.hash == e.hash ? problem::kHashMismatch : problem::kRewritten;
                finding.storedHash = (*stored)->event.hash;
            }
        } else {
            finding.problem = problemOf(e, *head, previousInPush, pusher.deviceId);
            StoredAuditEvent s{pusher.clinicId, pusher.deviceId, e, pusher.userId, pusher.username, now,
                               finding.problem};
            if (Status st = (*tx)->append(s); !st)
                return std::unexpected(st.error());
            if (!*head || e.seq > (*head)->first)
                *head = std::pair{e.seq, e.hash};
        }
        previousInPush = std::max(previousInPush, e.seq);
        if (finding.problem.empty())
            continue;
        receipt.response.findings.push_back({e.seq, finding.problem});
        auto fresh = (*tx)->recordFinding(finding);
        if (!fresh)
            return std::unexpected(fresh.error());
        if (*fresh)
            receipt.newFindings.push_back(std::move(finding));
    }
    if (Status s = (*tx)->commit(); !s)
        return std::unexpected(s.error());
    receipt.response.acknowledged = *head ? (*head)->first : 0;
    return receipt;
}

Result<std::vector<AuditChainReport>> AuditService::verify(const std::string& clinicId)
{
    auto devices = m_store.auditDevices(clinicId);
    if (!devices)
        return std::unexpected(devices.error());
    std::vector<AuditChainReport> reports;
    for (const std::string& device : *devices) {
        AuditChainReport report;
        report.deviceId = device;
        auto mark = [&](std::int64_t seq, const std::string& code) {
            if (report.intact || seq < report.firstBadSeq) {
                report.intact = false;
                report.firstBadSeq = seq;
                report.problem = code;
            }
        };
        auto findings = m_store.auditFindings(clinicId, device);
        if (!findings)
            return std::unexpected(findings.error());
        report.findings = static_cast<std::int64_t>(findings->size());
        for (const AuditFinding& f : *findings)
            mark(f.seq, f.problem);
        // The stored chain walked again: a row changed in the store itself shows here.
        std::string previous = core::AuditLog::kGenesisHash;
        std::int64_t expected = 1;
        bool walking = true;
        while (walking) {
            auto page = m_store.auditChain(clinicId, device, expected - 1, kVerifyPage);
            if (!page)
                return std::unexpected(page.error());
            for (const StoredAuditEvent& s : *page) {
                const core::AuditEvent& e = s.event;
                report.events += 1;
                report.headSeq = e.seq;
                if (!s.problem.empty())
                    mark(e.seq, s.problem);
                else if (e.seq != expected)
                    mark(e.seq, problem::kGap);
                else if (e.prevHash != previous)
                    mark(e.seq, problem::kBrokenLink);
                else if (core::AuditLog::computeHash(e) != e.hash)
                    mark(e.seq, problem::kHashMismatch);
                previous = e.hash;
                expected = e.seq + 1;
            }
            walking = page->size() == static_cast<std::size_t>(kVerifyPage);
        }
        reports.push_back(std::move(report));
    }
    return reports;
}

} // namespace practica::sync
