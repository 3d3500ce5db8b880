#include "ClaimAnswerStore.h"

#include "core/auth/Session.h"
#include "core/billing/BillingRows.h"
#include "core/billing/ClaimStore.h"
#include "core/crypto/Sha256.h"
#include "core/db/Transaction.h"
#include "core/records/RecordIo.h"
#include "core/util/Validators.h"
#include "core/x12/Acknowledgments.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace practica::core {

using records::listRecords;
using records::loadRecord;
using records::writeRecord;

namespace {

std::unexpected<AnswerFailure> refused(const X12Issue& issue)
{
    return std::unexpected(AnswerFailure{issue, std::nullopt});
}

std::unexpected<AnswerFailure> failed(const Error& error)
{
    return std::unexpected(AnswerFailure{std::nullopt, error});
}

struct SegmentTrace
{
    std::string claim; // patient control number; empty for headers
    std::string loop;
    std::map<int, std::string> fields;
};

// The batch's segment map (ClaimBatchStore): position -> claim and fields.
std::map<int, SegmentTrace> parseSegmentMap(const std::string& text)
{
    std::map<int, SegmentTrace> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> parts;
        std::size_t start = 0;
        for (int i = 0; i < 3; ++i) {
            const auto tab = line.find('\t', start);
            if (tab == std::string::npos)
                break;
            parts.push_back(line.substr(start, tab - start));
            start = tab + 1;
        }
        if (parts.size() != 3)
            continue;
        SegmentTrace trace{parts[1], parts[2], {}};
        for (const std::string& pair : splitList(line.substr(start))) {
            const auto eq = pair.find('=');
            if (eq != std::string::npos)
                trace.fields[std::atoi(pair.substr(0, eq).c_str())] = pair.substr(eq + 1);
        }
        out[std::atoi(parts[0].c_str())] = std::move(trace);
    }
    return out;
}

// Whether this very file was applied before (its SHA-256 among the files received).
Result<bool> appliedBefore(Session& session, const std::string& sha)
{
    auto seen = session.db().prepare("SELECT count(*) FROM x12_file WHERE direction = 'in' AND sha256 = ?;");
    if (!seen)
        return std::unexpected(seen.error());
    auto count = seen->bind(1, sha).scalar();
    if (!count)
        return std::unexpected(count.error());
    return *count > 0;
}

// Keeps a received file with what it answered; its id.
Result<std::string> keepFile(Session& session, const std::optional<std::string>& batchId, const std::string& kind,
                             const std::string& interchange, const std::string& at, const std::string& sha,
                             std::string_view text)
{
    auto keep = session.db().prepare("INSERT INTO x12_file (id, batch_id, kind, direction, interchange_control, at, "
                                     "sha256, content) VALUES (?, ?, ?, 'in', ?, ?, ?, ?);");
    if (!keep)
        return std::unexpected(keep.error());
    const std::string id = session.newId();
    keep->bind(1, id).bind(2, batchId).bind(3, kind).bind(4, interchange).bind(5, at).bind(6, sha).bind(7, text);
    if (Status s = keep->run(); !s)
        return std::unexpected(s.error());
    return id;
}

std::string errorDetail(const Ack999Error& e)
{
    std::string d = "IK3:" + e.segmentId + ":" + std::to_string(e.position) + ":" + e.loop + ":" + e.segmentCode;
    if (e.element > 0)
        d += ";IK4:" + std::to_string(e.element) + (e.component > 0 ? "-" + std::to_string(e.component) : "") + ":" +
             e.elementCode + (e.badData.empty() ? "" : ":" + e.badData);
    return d;
}

} // namespace

std::expected<AnswerReport, AnswerFailure> ClaimAnswerStore::importFile(std::string_view text)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return failed(perm.error());
    auto x = readX12(text);
    if (!x)
        return refused(x.error());
    const X12TransactionSet* first = nullptr;
    for (const auto& g : x->groups)
        for (const auto& s : g.sets)
            if (!first)
                first = &s;
    if (!first)
        return refused(X12Issue{X12Problem::MissingSegment, "GS", 0, 0, 0, {}, "ST"});
    if (first->id != "999" && first->id != "277")
        return refused(x12Issue(X12Problem::WrongTransaction, first->segments.front(), 1, first->id));
    // Whole or not at all, and once: a file applied before changes nothing.
    const std::string sha = sha256Hex(text);
    Transaction tx(m_session.db());
    if (!tx.begun())
        return failed(tx.begun().error());
    auto before = appliedBefore(m_session, sha);
    if (!before)
        return failed(before.error());
    if (*before) {
        AnswerReport report;
        report.kind = first->id;
        report.alreadyApplied = true;
        return report;
    }
    auto report = first->id == "999" ? apply999(*x, text, sha) : apply277(*x, text, sha);
    if (!report)
        return report;
    if (Status s = tx.commit(); !s)
        return failed(s.error());
    return report;
}

std::expected<AnswerReport, AnswerFailure> ClaimAnswerStore::apply999(const X12Interchange& x, std::string_view text,
                                                                      const std::string& sha)
{
    auto ack = read999(x);
    if (!ack)
        return refused(ack.error());
    AnswerReport report;
    report.kind = "999";
    auto batches =
        listRecords(m_session, claimBatchRow(), "group_control = CAST(? AS INTEGER)", ack->groupControl, "id");
    if (!batches)
        return failed(batches.error());
    if (batches->empty())
        return failed(Error::make(ErrorCode::NotFound, "group_control", ack->groupControl));
    ClaimBatch batch = batches->front();
    report.batchId = batch.id;
    auto claims = listRecords(m_session, claimRow(), "batch_id = ?", batch.id, "patient_control_number");
    if (!claims)
        return failed(claims.error());
    // The segment map is on the workstation that wrote the 837; elsewhere errors name the batch's claims whole.
    std::map<int, SegmentTrace> traces;
    auto mapStmt = m_session.db().prepare(
        "SELECT segment_map FROM x12_file WHERE batch_id = ? AND kind = '837' AND direction = 'out' LIMIT 1;");
    if (!mapStmt)
        return failed(mapStmt.error());
    mapStmt->bind(1, batch.id);
    auto maps = mapStmt->all<std::string>([](const Statement& s) { return s.text(0); });
    if (!maps)
        return failed(maps.error());
    const bool anyErrors =
        std::any_of(ack->sets.begin(), ack->sets.end(), [](const Ack999Set& set) { return !set.errors.empty(); });
    if (!maps->empty() && anyErrors)
        traces = parseSegmentMap(maps->front());

    ClaimStore store(m_session);
    const std::string at = utcTimestamp(m_session.clock().nowMs());
    auto context = records::ruleContext(m_session);
    if (!context)
        return failed(context.error());
    bool anyRejected = false, anyAccepted = false;
    std::string batchAnswer;
    for (const Ack999Set& set : ack->sets) {
        if (set.control != batch.setControl)
            continue;
        // Errors by claim; those of no claim (headers, the billing provider) concern them all.
        std::map<std::string, std::vector<const Ack999Error*>> byClaim;
        std::vector<const Ack999Error*> general;
        for (const Ack999Error& e : set.errors) {
            auto it = traces.find(e.position);
            if (it != traces.end() && !it->second.claim.empty())
                byClaim[it->second.claim].push_back(&e);
            else
                general.push_back(&e);
        }
        const std::string state = set.rejected() ? "clearinghouse_rejected" : "clearinghouse_accepted";
        std::string setDetail = "IK5:" + set.status;
        for (const std::string& code : set.codes)
            setDetail += ":" + code;
        for (const Ack999Error* e : general)
            setDetail += ";" + errorDetail(*e);
        batchAnswer = setDetail;
        // The answer is the batch's; a claim the 999 names in an error gets a step of its own with it.
        for (const Claim& claim : *claims) {
            auto own = byClaim.find(claim.patientControlNumber);
            (set.rejected() ? report.rejected : report.accepted) += 1;
            if (own == byClaim.end())
                continue;
            ClaimEvent event;
            event.claimId = claim.id;
            event.state = state;
            event.at = at;
            event.source = "999";
            event.batchId = batch.id;
            std::string detail = setDetail;
            for (const Ack999Error* e : own->second) {
                detail += ";" + errorDetail(*e);
                if (!event.field) {
                    auto trace = traces.find(e->position);
                    if (trace != traces.end() && trace->second.fields.contains(e->element))
                        event.field = trace->second.fields.at(e->element);
                }
            }
            event.detail = detail.substr(0, 4000);
            if (Status s = store.addEvent(event, &*context, false); !s)
                return failed(s.error());
        }
        (set.rejected() ? anyRejected : anyAccepted) = true;
    }
    ClaimBatch answered = batch;
    answered.state = anyRejected && anyAccepted ? "partially_accepted" : anyRejected ? "rejected" : "accepted";
    answered.answeredAt = at;
    answered.answer = batchAnswer.substr(0, 4000);
    const std::string summary = "999 " + ack->interchangeControl + ": " + std::to_string(report.accepted) +
                                " claims accepted, " + std::to_string(report.rejected) + " rejected";
    if (Status s = writeRecord(m_session, claimBatchRow(), batch.id, answered, batch, summary); !s)
        return failed(s.error());
    if (auto kept = keepFile(m_session, batch.id, "999", ack->interchangeControl, at, sha, text); !kept)
        return failed(kept.error());
    return report;
}

std::expected<AnswerReport, AnswerFailure> ClaimAnswerStore::apply277(const X12Interchange& x, std::string_view text,
                                                                      const std::string& sha)
{
    auto ack = read277(x);
    if (!ack)
        return refused(ack.error());
    AnswerReport report;
    report.kind = "277";
    ClaimStore store(m_session);
    const std::string at = utcTimestamp(m_session.clock().nowMs());
    auto context = records::ruleContext(m_session);
    if (!context)
        return failed(context.error());
    for (const Ack277Claim& answer : ack->claims) {
        auto claim = store.byControlNumber(answer.patientControlNumber);
        if (!claim)
            return failed(claim.error());
        if (!*claim) {
            report.unknownClaims.push_back(answer.patientControlNumber);
            continue;
        }
        const Ack277Outcome outcome = answer.outcome();
        if (outcome == Ack277Outcome::Pending) {
            ++report.pending;
            continue;
        }
        ClaimEvent event;
        event.claimId = (*claim)->id;
        event.state = outcome == Ack277Outcome::Accepted ? "payer_accepted" : "payer_rejected";
        event.at = at;
        event.source = "277ca";
        event.batchId = (*claim)->batchId;
        std::string detail;
        for (const Ack277Status& s : answer.statuses)
            detail += (detail.empty() ? "" : ";") + std::string("STC:") + s.category + ":" + s.code +
                      (s.entity.empty() ? "" : ":" + s.entity);
        for (const Ack277Line& line : answer.lines)
            for (const Ack277Status& s : line.statuses)
                detail += ";SVC:" + line.code + ":STC:" + s.category + ":" + s.code;
        event.detail = detail.substr(0, 4000);
        if (!answer.payerClaimNumber.empty())
            event.payerClaimNumber = answer.payerClaimNumber;
        if (Status s = store.addEvent(event, &*context, false); !s)
            return failed(s.error());
        // A void the payer accepted voids the claim it names.
        if (outcome == Ack277Outcome::Accepted && (*claim)->frequency == "8" && (*claim)->replacesClaimId) {
            ClaimEvent voided = event;
            voided.id.clear();
            voided.claimId = *(*claim)->replacesClaimId;
            voided.state = "voided";
            if (Status s = store.addEvent(voided, &*context, false); !s)
                return failed(s.error());
        }
        (outcome == Ack277Outcome::Accepted ? report.accepted : report.rejected) += 1;
    }
    auto fileId = keepFile(m_session, std::nullopt, "277", ack->interchangeControl, at, sha, text);
    if (!fileId)
        return failed(fileId.error());
    if (Status s = m_session.journal().audit(AuditAction::Create, "claim_event", *fileId,
                                             "277CA " + ack->interchangeControl + ": " +
                                                 std::to_string(report.accepted) + " claims accepted, " +
                                                 std::to_string(report.rejected) + " rejected by the payer");
        !s)
        return failed(s.error());
    return report;
}

} // namespace practica::core
