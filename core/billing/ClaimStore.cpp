#include "ClaimStore.h"

#include "core/auth/Session.h"
#include "core/billing/BillingRows.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/chart/ChartRows.h"
#include "core/clinic/ClinicStore.h"
#include "core/codes/CodeSets.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientRows.h"
#include "core/records/RecordIo.h"
#include "core/schedule/ScheduleRows.h"
#include "core/util/Validators.h"

#include <algorithm>

namespace practica::core {

using records::listRecords;
using records::loadRecord;
using records::writeRecord;

namespace {

template <class T> Result<T> committed(Transaction& tx, T value)
{
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return value;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& i : items)
        out.append(out.empty() ? "" : ",").append(i);
    return out;
}

std::string pointerList(const std::vector<int>& pointers)
{
    std::vector<std::string> items;
    for (int p : pointers)
        items.push_back(std::to_string(p));
    return joined(items);
}

// The SQL giving a claim's state: its newest step, the batch's 999 answer counting as a step of each of its
// claims (a claim's own step at the same time, from the same 999, says more and wins); else its stage.
const char* const kStateSql =
    "COALESCE((SELECT CASE WHEN b.answered_at IS NOT NULL AND (e.at IS NULL OR e.at < b.answered_at OR (e.at = "
    "b.answered_at AND e.state IN ('draft', 'ready', 'queued', 'submitted'))) THEN "
    "CASE b.state WHEN 'rejected' THEN 'clearinghouse_rejected' ELSE 'clearinghouse_accepted' END ELSE e.state END "
    "FROM (SELECT 1) LEFT JOIN claim_event e ON e.id = (SELECT e2.id FROM claim_event e2 WHERE e2.claim_id = c.id "
    "ORDER BY e2.at DESC, e2.rowid DESC LIMIT 1) LEFT JOIN claim_batch b ON b.id = c.batch_id), c.stage)";

Result<std::string> settingNumber(Session& session, const std::string& key)
{
    auto read = session.db().prepare("SELECT (SELECT value FROM workstation_setting WHERE key = 'workstation_number'), "
                                     "(SELECT value FROM workstation_setting WHERE key = ?);");
    if (!read)
        return std::unexpected(read.error());
    read->bind(1, key);
    auto row = read->step();
    if (!row)
        return std::unexpected(row.error());
    const std::string workstation = read->optionalText(0).value_or("1");
    const std::string next = read->optionalText(1).value_or("1");
    read->reset();
    return workstation + ":" + next;
}

} // namespace

Result<std::string> nextPatientControlNumber(Session& session)
{
    auto numbers = settingNumber(session, "next_claim_number");
    if (!numbers)
        return std::unexpected(numbers.error());
    const std::string workstation = numbers->substr(0, numbers->find(':'));
    const std::int64_t next = std::stoll(numbers->substr(numbers->find(':') + 1));
    if (next > 99'999'999 || workstation.size() > 2)
        return fail(ErrorCode::Conflict, "patient_control_number", Rule::NumbersUsedUp);
    auto save = session.db().prepare(
        "INSERT OR REPLACE INTO workstation_setting (key, value) VALUES ('next_claim_number', ?);");
    if (!save)
        return std::unexpected(save.error());
    if (Status s = save->bind(1, std::to_string(next + 1)).run(); !s)
        return std::unexpected(s.error());
    const std::string seq = std::to_string(next);
    return std::string(2 - workstation.size(), '0') + workstation + std::string(8 - seq.size(), '0') + seq;
}

// ---- claims

Status ClaimStore::addEvent(ClaimEvent event, const RuleContext* context, bool audited)
{
    if (event.id.empty())
        event.id = m_session.newId();
    if (event.at.empty())
        event.at = utcTimestamp(m_session.clock().nowMs());
    if (event.source == "user" && !event.userId)
        event.userId = m_session.actor().userId;
    return writeRecord(m_session, claimEventRow(), event.id, event, std::nullopt,
                       records::WriteOptions{.audited = audited, .context = context});
}

Result<Claim> ClaimStore::captureFromEncounter(const std::string& encounterId,
                                               const std::vector<std::string>& diagnoses,
                                               const std::vector<ChargeEntry>& charges,
                                               const std::optional<std::string>& coverageId)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return std::unexpected(perm.error());
    auto encounter = loadRecord(m_session, encounterRow(), encounterId);
    if (!encounter)
        return std::unexpected(encounter.error());
    if (encounter->status == "entered_in_error")
        return fail(ErrorCode::Conflict, "encounter_id", Rule::StatusTransition);
    // Billing reads that the visit's note is signed, never the note.
    if (!encounter->noteSignedAt)
        return fail(ErrorCode::Conflict, "encounter_id", Rule::NotSigned);
    auto billed = m_session.db().prepare("SELECT id FROM claim WHERE encounter_id = ? AND frequency = '1' LIMIT 1;");
    if (!billed)
        return std::unexpected(billed.error());
    billed->bind(1, encounterId);
    auto existing = billed->all<std::string>([](const Statement& s) { return s.text(0); });
    if (!existing)
        return std::unexpected(existing.error());
    if (!existing->empty())
        return std::unexpected(Error::make(ErrorCode::Conflict, "encounter_id", Rule::Unique,
                                           {{"value", encounterId}, {"other", existing->front()}}));

    std::string coverage = coverageId.value_or("");
    if (coverage.empty()) {
        auto policies =
            listRecords(m_session, coverageRow(), "patient_id = ? AND status = 'active'", encounter->patientId,
                        "CASE rank WHEN 'primary' THEN 1 WHEN 'secondary' THEN 2 ELSE 3 END");
        if (!policies)
            return std::unexpected(policies.error());
        if (policies->empty())
            return fail(ErrorCode::Validation, "coverage_id", Rule::Required);
        coverage = policies->front().id;
    }
    auto policy = loadRecord(m_session, coverageRow(), coverage);
    if (!policy)
        return std::unexpected(policy.error());
    if (policy->patientId != encounter->patientId)
        return fail(ErrorCode::Validation, "coverage_id", Rule::ForeignPolicy);
    auto payer = loadRecord(m_session, payerRow(), policy->payerId);
    if (!payer)
        return std::unexpected(payer.error());

    std::vector<std::string> dx;
    for (const std::string& d : diagnoses) {
        auto normal = normalizeIcd10Cm(d);
        if (!normal)
            return std::unexpected(
                Error::make(ErrorCode::Validation, "diagnoses", Rule::Format, {{"format", "icd10cm"}}));
        dx.push_back(*normal);
    }

    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto number = nextPatientControlNumber(m_session);
    if (!number)
        return std::unexpected(number.error());
    Claim claim;
    claim.id = m_session.newId();
    claim.patientId = encounter->patientId;
    claim.encounterId = encounterId;
    claim.coverageId = coverage;
    claim.renderingProviderId = encounter->providerId;
    claim.patientControlNumber = *number;
    claim.diagnoses = joined(dx);
    claim.serviceDate = encounter->date;
    claim.filingIndicator = payer->filingIndicator;
    claim.createdAtMs = m_session.clock().nowMs();
    claim.createdBy = m_session.actor().userId;
    FeeStore fees(m_session);
    std::vector<ClaimLine> lines;
    for (const ChargeEntry& charge : charges) {
        ClaimLine line;
        line.id = m_session.newId();
        line.claimId = claim.id;
        line.lineNumber = static_cast<int>(lines.size()) + 1;
        line.code = charge.code;
        line.modifiers = joined(charge.modifiers);
        line.units = charge.units;
        line.pointers = pointerList(charge.pointers);
        line.serviceDate = encounter->date;
        std::int64_t amount = charge.chargeCents.value_or(0);
        if (!charge.chargeCents) {
            auto fee = fees.feeFor(policy->payerId, charge.code,
                                   charge.modifiers.empty() ? std::nullopt : std::optional(charge.modifiers.front()));
            if (!fee)
                return std::unexpected(fee.error());
            amount = fee->value_or(0); // no fee yet: the scrubber asks for a charge
        }
        // A charge is per unit in the fee schedule; units multiply it (whole units; fractions are billed as given).
        line.chargeCents = amount;
        claim.totalCents += amount;
        lines.push_back(std::move(line));
    }
    if (Status s = writeRecord(m_session, claimRow(), claim.id, claim, std::nullopt); !s)
        return std::unexpected(s.error());
    for (const ClaimLine& line : lines)
        if (Status s = writeRecord(m_session, claimLineRow(), line.id, line, std::nullopt); !s)
            return std::unexpected(s.error());
    if (Status s = addEvent({{}, claim.id, "draft", {}, "user", {}, {}, {}, {}, {}}); !s)
        return std::unexpected(s.error());
    return committed(tx, claim);
}

Result<Claim> ClaimStore::loadForChange(const std::string& claimId)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return std::unexpected(perm.error());
    auto claim = loadRecord(m_session, claimRow(), claimId);
    if (!claim)
        return std::unexpected(claim.error());
    if (claim->submittedAt)
        return std::unexpected(Error::make(ErrorCode::Conflict, "submitted_at", Rule::Fixed));
    return claim;
}

Status ClaimStore::setStage(Claim claim, const std::string& stage)
{
    auto before = loadRecord(m_session, claimRow(), claim.id);
    if (!before)
        return std::unexpected(before.error());
    claim.stage = stage;
    if (Status s = writeRecord(m_session, claimRow(), claim.id, claim, *before); !s)
        return s;
    if (before->stage == stage)
        return {};
    return addEvent({{}, claim.id, stage, {}, "user", {}, {}, {}, {}, {}});
}

Status ClaimStore::refreshTotal(const std::string& claimId)
{
    auto sum = m_session.db().prepare(
        "SELECT COALESCE(sum(charge_cents), 0) FROM claim_line WHERE claim_id = ? AND status = 'active';");
    if (!sum)
        return std::unexpected(sum.error());
    auto total = sum->bind(1, claimId).scalar();
    if (!total)
        return std::unexpected(total.error());
    auto claim = loadRecord(m_session, claimRow(), claimId);
    if (!claim)
        return std::unexpected(claim.error());
    Claim after = *claim;
    after.totalCents = *total;
    return setStage(after, "draft");
}

Status ClaimStore::update(const Claim& claim)
{
    auto before = loadForChange(claim.id);
    if (!before)
        return std::unexpected(before.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    Claim after = claim;
    after.batchId = before->batchId;
    after.submittedAt = before->submittedAt;
    after.totalCents = before->totalCents;
    if (Status s = setStage(after, "draft"); !s)
        return s;
    return tx.commit();
}

Result<ClaimLine> ClaimStore::saveLine(ClaimLine line)
{
    auto claim = loadForChange(line.claimId);
    if (!claim)
        return std::unexpected(claim.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    std::optional<ClaimLine> before;
    if (line.id.empty()) {
        line.id = m_session.newId();
        auto count = m_session.db().prepare("SELECT COALESCE(max(line_number), 0) FROM claim_line WHERE claim_id = ?;");
        if (!count)
            return std::unexpected(count.error());
        auto n = count->bind(1, line.claimId).scalar();
        if (!n)
            return std::unexpected(n.error());
        line.lineNumber = static_cast<int>(*n) + 1;
    } else {
        auto found = loadRecord(m_session, claimLineRow(), line.id);
        if (!found)
            return std::unexpected(found.error());
        if (found->claimId != line.claimId)
            return fail(ErrorCode::Validation, "claim_id", Rule::Fixed);
        before = *found;
    }
    if (line.serviceDate.empty())
        line.serviceDate = claim->serviceDate;
    if (Status s = writeRecord(m_session, claimLineRow(), line.id, line, before); !s)
        return std::unexpected(s.error());
    if (Status s = refreshTotal(line.claimId); !s)
        return std::unexpected(s.error());
    return committed(tx, line);
}

Status ClaimStore::removeLine(const std::string& lineId)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return perm;
    auto line = loadRecord(m_session, claimLineRow(), lineId);
    if (!line)
        return std::unexpected(line.error());
    ClaimLine removed = *line;
    removed.status = "removed";
    auto saved = saveLine(removed);
    if (!saved)
        return std::unexpected(saved.error());
    return {};
}

Result<std::vector<ScrubFinding>> ClaimStore::scrub(const std::string& claimId)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    ClaimForScrub in;
    auto claim = loadRecord(m_session, claimRow(), claimId);
    if (!claim)
        return std::unexpected(claim.error());
    in.claim = *claim;
    auto lines = this->lines(claimId);
    if (!lines)
        return std::unexpected(lines.error());
    in.lines = *lines;
    auto patient = loadRecord(m_session, patientRow(), claim->patientId);
    auto coverage = loadRecord(m_session, coverageRow(), claim->coverageId);
    auto provider = loadRecord(m_session, providerRow(), claim->renderingProviderId);
    auto clinic = ClinicStore(m_session).get();
    if (!patient || !coverage || !provider || !clinic)
        return std::unexpected(!patient    ? patient.error()
                               : !coverage ? coverage.error()
                               : !provider ? provider.error()
                                           : clinic.error());
    auto payer = loadRecord(m_session, payerRow(), coverage->payerId);
    if (!payer)
        return std::unexpected(payer.error());
    in.patient = *patient;
    in.coverage = *coverage;
    in.rendering = *provider;
    in.payer = *payer;
    in.clinic = *clinic;
    in.today = isoDateIn(m_session.clock().nowMs(), clinic->timeZone);
    // The payer's own window, else the one the clinic set for its clearinghouse, else a year.
    auto settings = ClaimBatchStore(m_session).clearinghouse();
    if (!settings && settings.error().code != ErrorCode::NotFound)
        return std::unexpected(settings.error());
    in.timelyFilingDays = payer->timelyFilingDays.value_or(settings ? settings->timelyFilingDays : 365);
    return scrubClaim(in);
}

Result<std::vector<ScrubFinding>> ClaimStore::markReady(const std::string& claimId)
{
    auto claim = loadForChange(claimId);
    if (!claim)
        return std::unexpected(claim.error());
    // A claim says what its payer is as the payer's settings say it now (they may have been set right since
    // the claim was drafted).
    auto coverage = loadRecord(m_session, coverageRow(), claim->coverageId);
    auto payer = coverage ? loadRecord(m_session, payerRow(), coverage->payerId) : std::unexpected(coverage.error());
    if (!payer)
        return std::unexpected(payer.error());
    claim->filingIndicator = payer->filingIndicator;
    auto findings = scrub(claimId);
    if (!findings || !findings->empty())
        return findings;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    if (Status s = setStage(*claim, "ready"); !s)
        return std::unexpected(s.error());
    return committed(tx, std::vector<ScrubFinding>{});
}

Status ClaimStore::queue(const std::string& claimId)
{
    auto claim = loadForChange(claimId);
    if (!claim)
        return std::unexpected(claim.error());
    if (claim->stage == "queued")
        return {};
    if (claim->stage != "ready")
        return std::unexpected(Error::make(ErrorCode::Conflict, "stage", Rule::StatusTransition,
                                           {{"from", claim->stage}, {"to", "queued"}}));
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    if (Status s = setStage(*claim, "queued"); !s)
        return s;
    return tx.commit();
}

Status ClaimStore::unqueue(const std::string& claimId)
{
    auto claim = loadForChange(claimId);
    if (!claim)
        return std::unexpected(claim.error());
    if (claim->stage != "queued")
        return {};
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    if (Status s = setStage(*claim, "ready"); !s)
        return s;
    return tx.commit();
}

Result<Claim> ClaimStore::correct(const std::string& claimId, const std::string& frequency,
                                  const std::optional<std::string>& payerClaimNumber)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return std::unexpected(perm.error());
    if (frequency != "7" && frequency != "8")
        return std::unexpected(Error::make(ErrorCode::Validation, "frequency", Rule::Choice, {{"allowed", "7,8"}}));
    auto original = loadRecord(m_session, claimRow(), claimId);
    if (!original)
        return std::unexpected(original.error());
    if (!original->submittedAt)
        return std::unexpected(
            Error::make(ErrorCode::Conflict, "submitted_at", Rule::StatusTransition,
                        {{"from", original->stage}, {"to", frequency == "7" ? "replaced" : "voided"}}));
    std::optional<std::string> number = payerClaimNumber;
    if (!number) {
        auto events = history(claimId);
        if (!events)
            return std::unexpected(events.error());
        for (const ClaimEvent& e : *events)
            if (e.payerClaimNumber)
                number = e.payerClaimNumber;
    }
    auto lines = this->lines(claimId);
    if (!lines)
        return std::unexpected(lines.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto control = nextPatientControlNumber(m_session);
    if (!control)
        return std::unexpected(control.error());
    Claim claim = *original;
    claim.id = m_session.newId();
    claim.patientControlNumber = *control;
    claim.frequency = frequency;
    claim.replacesClaimId = original->id;
    claim.payerClaimNumber = number;
    claim.stage = "draft";
    claim.batchId.reset();
    claim.submittedAt.reset();
    claim.createdAtMs = m_session.clock().nowMs();
    claim.createdBy = m_session.actor().userId;
    if (Status s = writeRecord(m_session, claimRow(), claim.id, claim, std::nullopt); !s)
        return std::unexpected(s.error());
    for (ClaimLine line : *lines) {
        line.id = m_session.newId();
        line.claimId = claim.id;
        line.submittedAt.reset();
        if (Status s = writeRecord(m_session, claimLineRow(), line.id, line, std::nullopt); !s)
            return std::unexpected(s.error());
    }
    if (Status s = addEvent({{}, claim.id, "draft", {}, "user", {}, {}, {}, {}, {}}); !s)
        return std::unexpected(s.error());
    return committed(tx, claim);
}

Result<Claim> ClaimStore::get(const std::string& claimId)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    return loadRecord(m_session, claimRow(), claimId);
}

Result<std::optional<Claim>> ClaimStore::byControlNumber(const std::string& patientControlNumber)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    auto found = listRecords(m_session, claimRow(), "patient_control_number = ?", patientControlNumber, "id LIMIT 1");
    if (!found)
        return std::unexpected(found.error());
    return found->empty() ? std::optional<Claim>() : std::optional<Claim>(found->front());
}

Result<std::vector<ClaimLine>> ClaimStore::lines(const std::string& claimId)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    return listRecords(m_session, claimLineRow(), "claim_id = ? AND status = 'active'", claimId, "line_number, id");
}

Result<std::vector<ClaimEvent>> ClaimStore::history(const std::string& claimId)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    auto events = listRecords(m_session, claimEventRow(), "claim_id = ?", claimId, "at, rowid");
    if (!events)
        return std::unexpected(events.error());
    auto claim = loadRecord(m_session, claimRow(), claimId);
    if (!claim)
        return std::unexpected(claim.error());
    if (!claim->batchId)
        return events;
    // The batch's 999 answer is a step of each of its claims, unless the 999 gave the claim a step of its own.
    auto batch = loadRecord(m_session, claimBatchRow(), *claim->batchId);
    if (!batch)
        return std::unexpected(batch.error());
    if (!batch->answeredAt)
        return events;
    const bool own = std::any_of(events->begin(), events->end(),
                                 [&](const ClaimEvent& e) { return e.source == "999" && e.at == *batch->answeredAt; });
    if (own)
        return events;
    ClaimEvent answer;
    answer.id = batch->id;
    answer.claimId = claimId;
    answer.state = batch->state == "rejected" ? "clearinghouse_rejected" : "clearinghouse_accepted";
    answer.at = *batch->answeredAt;
    answer.source = "999";
    answer.batchId = batch->id;
    answer.detail = batch->answer;
    // After the steps before it; a 277CA's step at the same moment comes after the 999 it follows.
    auto at = std::find_if(events->begin(), events->end(), [&](const ClaimEvent& e) {
        return e.at > answer.at || (e.at == answer.at && e.source == "277ca");
    });
    events->insert(at, answer);
    return events;
}

Result<std::string> ClaimStore::state(const std::string& claimId)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(std::string("SELECT ") + kStateSql + " FROM claim c WHERE c.id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, claimId);
    return stmt->one<std::string>([](const Statement& s) { return s.text(0); }, "claim", claimId);
}

Result<std::vector<ClaimSummary>> ClaimStore::list(const ClaimFilter& filter)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    std::string sql = "SELECT * FROM (SELECT " + claimRow().columns("c") + ", " + kStateSql +
                      " AS state, p.family_name || ', ' || p.given_name, p.mrn, COALESCE(y.name, ''), "
                      "(SELECT count(*) FROM claim_line l WHERE l.claim_id = c.id AND l.status = 'active') "
                      "FROM claim c JOIN patient p ON p.id = c.patient_id LEFT JOIN coverage v ON v.id = c.coverage_id "
                      "LEFT JOIN payer y ON y.id = v.payer_id "
                      "WHERE (?1 IS NULL OR c.patient_id = ?1) AND (?2 IS NULL OR c.service_date >= ?2) "
                      "AND (?3 IS NULL OR c.service_date <= ?3)) WHERE (?4 IS NULL OR state = ?4) "
                      "ORDER BY service_date DESC, patient_control_number DESC LIMIT ?5;";
    auto stmt = m_session.db().prepare(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, filter.patientId)
        .bind(2, filter.fromDate)
        .bind(3, filter.toDate)
        .bind(4, filter.state)
        .bind(5, static_cast<std::int64_t>(filter.limit));
    const int w = claimRow().width();
    return stmt->all<ClaimSummary>([w](const Statement& s) {
        ClaimSummary out;
        out.claim = claimRow().read(s);
        out.state = s.text(w);
        out.patientName = s.text(w + 1);
        out.mrn = s.text(w + 2);
        out.payerName = s.text(w + 3);
        out.lineCount = static_cast<int>(s.int64(w + 4));
        return out;
    });
}

Result<std::vector<std::string>> ClaimStore::unbilledEncounters(int limit)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(
        "SELECT e.id FROM encounter e WHERE e.status != 'entered_in_error' AND e.note_signed_at IS NOT NULL AND NOT "
        "EXISTS (SELECT 1 FROM claim c WHERE c.encounter_id = e.id) ORDER BY e.date DESC, e.started_at_ms DESC "
        "LIMIT ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, static_cast<std::int64_t>(limit));
    return stmt->all<std::string>([](const Statement& s) { return s.text(0); });
}

} // namespace practica::core
