#include "DemoBilling.h"

#include "core/auth/Session.h"
#include "core/billing/BillingRows.h"
#include "core/billing/ClaimAnswerStore.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/patients/PatientRows.h"
#include "core/records/RecordIo.h"
#include "core/x12/AckWriter.h"
#include "core/x12/Claim837.h"

#include <array>
#include <map>

namespace practica::core::demo {

namespace {

struct FeeRow
{
    const char* code;
    std::int64_t cents;
};

constexpr std::array<FeeRow, 16> kFees{{{"99202", 11000},
                                        {"99203", 16500},
                                        {"99204", 25000},
                                        {"99212", 8000},
                                        {"99213", 12500},
                                        {"99214", 18500},
                                        {"99215", 25500},
                                        {"99395", 21000},
                                        {"99396", 22500},
                                        {"36415", 1500},
                                        {"81002", 1200},
                                        {"83036", 3500},
                                        {"87880", 2800},
                                        {"93000", 6000},
                                        {"96372", 4500},
                                        {"90471", 3000}}};

// A visit's charges and diagnoses, by the visit's place in the list (the demo's visits vary by type).
struct Coding
{
    std::vector<std::string> diagnoses;
    std::vector<ChargeEntry> charges;
};

Coding codingFor(std::size_t i)
{
    switch (i % 6) {
    case 0:
        return {{"I10", "E78.5"}, {{"99214", {}, "1", {}, {1, 2}}, {"36415", {}, "1", {}, {2}}}};
    case 1:
        return {{"E11.9", "I10"}, {{"99214", {"25"}, "1", {}, {1, 2}}, {"83036", {}, "1", {}, {1}}}};
    case 2:
        return {{"J02.9"}, {{"99213", {}, "1", {}, {1}}, {"87880", {}, "1", {}, {1}}}};
    case 3:
        return {{"Z00.00", "E66.9"}, {{"99396", {}, "1", {}, {1, 2}}, {"93000", {}, "1", {}, {1}}}};
    case 4:
        return {{"M54.50"}, {{"99213", {}, "1", {}, {1}}, {"96372", {}, "1", {}, {1}}}};
    default:
        return {{"K21.9", "F41.1"}, {{"99212", {}, "1", {}, {1, 2}}}};
    }
}

// The clearinghouse's and payer's answers to a batch, as they would send them.
Status answer(Session& biller, const Clinic& clinic, const BatchOutcome& batch,
              const std::vector<std::string>& rejectMemberOf, const std::map<std::string, std::string>& payerAnswers,
              std::int64_t control)
{
    auto x = readX12(batch.text);
    if (!x)
        return fail(ErrorCode::Internal, "demo", "the demo's own 837 does not read back");
    AckEnvelope e;
    e.receiverId = x->senderId;
    e.interchangeControl = control;
    e.groupControl = control;
    e.date = x->groups[0].date;
    e.time = x->groups[0].time;
    std::vector<Ack999ErrorOut> errors;
    const auto& segments = x->groups[0].sets[0].segments;
    for (const std::string& pcn : rejectMemberOf) {
        // The subscriber's NM1 of the claim: the last NM1*IL before its CLM.
        int position = 0;
        for (const auto& seg : segments) {
            if (seg.id == "NM1" && seg.element(1) == "IL")
                position = seg.setPosition;
            if (seg.id == "CLM" && seg.element(1) == pcn)
                break;
        }
        errors.push_back({"NM1", position, "2010", "8", 9, "7", "INVALID"});
    }
    ClaimAnswerStore answers(biller);
    auto applied = answers.importFile(write999(*x, e, errors));
    if (!applied)
        return std::unexpected(applied.error().error.value_or(
            Error::make(ErrorCode::Internal, "demo", std::string(x12ProblemName(applied.error().issue->problem)))));
    if (payerAnswers.empty() || !errors.empty())
        return {};
    // The payer's 277CA for the claims it was asked about.
    std::vector<Claim277Out> claims;
    for (const auto& seg : segments)
        if (seg.id == "CLM") {
            auto it = payerAnswers.find(seg.element(1));
            if (it == payerAnswers.end())
                continue;
            Claim277Out c;
            c.patientControlNumber = seg.element(1);
            c.chargeAmount = seg.element(2);
            if (it->second == "accept") {
                c.payerClaimNumber = "ACM" + seg.element(1);
            } else {
                c.category = "A7";
                c.status = "21";
                c.action = "U";
            }
            claims.push_back(c);
        }
    Payer277Out payer{"Payer", "PAYER"};
    for (const auto& seg : segments)
        if (seg.id == "NM1" && seg.element(1) == "PR") {
            payer = {seg.element(3), seg.element(9)};
            break;
        }
    e.interchangeControl = control + 1;
    e.groupControl = control + 1;
    auto paid = answers.importFile(write277ca(e, payer, clinic.name, clinic.name, clinic.npi, claims));
    if (!paid)
        return std::unexpected(paid.error().error.value_or(
            Error::make(ErrorCode::Internal, "demo", std::string(x12ProblemName(paid.error().issue->problem)))));
    return {};
}

} // namespace

Result<BillingCounts> writeDemoBilling(Session& biller)
{
    BillingCounts counts;
    auto clinic = ClinicStore(biller).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    ClaimBatchStore batches(biller);
    Clearinghouse ch;
    ch.name = "Availity (sandbox)";
    ch.submitterId = "RIVERBEND01";
    ch.receiverId = "030240928";
    ch.receiverQualifier = "01";
    ch.contactName = "Priya Raman";
    ch.contactPhone = "6145550104";
    ch.transport = "caqh";
    ch.endpoint = "http://127.0.0.1:8484/core";
    ch.username = "riverbend";
    if (auto saved = batches.saveClearinghouse(ch); !saved)
        return std::unexpected(saved.error());
    FeeStore fees(biller);
    for (const FeeRow& f : kFees)
        if (auto set = fees.set(std::nullopt, f.code, std::nullopt, f.cents); !set)
            return std::unexpected(set.error());

    ClaimStore claims(biller);
    auto visits = claims.unbilledEncounters(30);
    if (!visits)
        return std::unexpected(visits.error());
    // Claims the scrubber finds nothing in go on through the states; the others stay drafts to fix (a
    // patient without an address, a pointer past the diagnoses).
    std::vector<Claim> made;
    std::int64_t drafts = 0;
    for (std::size_t i = 0; i < visits->size(); ++i) {
        Coding coding = codingFor(i);
        if (i == visits->size() - 1)
            coding.charges.front().pointers = {1, 3}; // one draft the scrubber stops: a pointer past its diagnoses
        auto claim = claims.captureFromEncounter((*visits)[i], coding.diagnoses, coding.charges);
        if (!claim) {
            // A visit whose patient has no policy is not billed to insurance.
            if (claim.error().code == ErrorCode::Validation && claim.error().field == "coverage_id")
                continue;
            return std::unexpected(claim.error());
        }
        auto findings = claims.scrub(claim->id);
        if (!findings)
            return std::unexpected(findings.error());
        if (findings->empty())
            made.push_back(*claim);
        else
            ++drafts;
    }
    counts.claims = static_cast<std::int64_t>(made.size()) + drafts;
    if (made.size() < 12)
        return counts; // a small demo: drafts only

    const std::size_t n = made.size();
    auto ready = [&](std::size_t from, std::size_t to) -> Status {
        for (std::size_t i = from; i < to && i < n; ++i) {
            auto findings = claims.markReady(made[i].id);
            if (!findings)
                return std::unexpected(findings.error());
        }
        return {};
    };
    auto batchOf = [&](std::size_t from, std::size_t to) -> Result<BatchOutcome> {
        std::vector<std::string> chosen;
        for (std::size_t i = from; i < to && i < n; ++i)
            chosen.push_back(made[i].id);
        if (Status s = ready(from, to); !s)
            return std::unexpected(s.error());
        auto outcome = batches.createBatch(chosen);
        if (!outcome)
            return outcome;
        ++counts.batches;
        // The demo's batches went to the clearinghouse when they were made.
        if (Status s = batches.markSent(outcome->batch.id); !s)
            return std::unexpected(s.error());
        return outcome;
    };
    // Batch 1: accepted by the clearinghouse; the payer accepts six, rejects two and has not answered for two.
    auto first = batchOf(0, 10);
    if (!first)
        return std::unexpected(first.error());
    std::map<std::string, std::string> payer;
    for (std::size_t i = 0; i < 8; ++i)
        payer[made[i].patientControlNumber] = i < 6 ? "accept" : "reject";
    if (Status s = answer(biller, *clinic, *first, {}, payer, 900001); !s)
        return std::unexpected(s.error());
    // Batch 2: rejected by the clearinghouse for one claim's member id.
    auto second = batchOf(10, 13);
    if (!second)
        return std::unexpected(second.error());
    if (Status s = answer(biller, *clinic, *second, {made[11].patientControlNumber}, {}, 900003); !s)
        return std::unexpected(s.error());
    // Batch 3: sent, not answered yet.
    if (n > 16)
        if (auto third = batchOf(13, 16); !third)
            return std::unexpected(third.error());
    // Queued and ready claims wait for the next batch; the rest stay drafts.
    if (Status s = ready(16, std::min<std::size_t>(n - 4, 22)); !s)
        return std::unexpected(s.error());
    for (std::size_t i = 16; i < std::min<std::size_t>(n - 4, 19); ++i)
        if (Status s = claims.queue(made[i].id); !s)
            return std::unexpected(s.error());
    // A replacement of a claim the payer rejected (a draft to finish), and a void the payer accepted.
    if (auto replacement = claims.correct(made[6].id, "7", "ACM-REJECTED-" + made[6].patientControlNumber);
        !replacement)
        return std::unexpected(replacement.error());
    auto voiding = claims.correct(made[0].id, "8");
    if (!voiding)
        return std::unexpected(voiding.error());
    if (auto findings = claims.markReady(voiding->id); !findings)
        return std::unexpected(findings.error());
    auto fourth = batches.createBatch(std::vector<std::string>{voiding->id});
    if (!fourth)
        return std::unexpected(fourth.error());
    if (Status s = batches.markSent(fourth->batch.id); !s)
        return std::unexpected(s.error());
    ++counts.batches;
    counts.claims += 2;
    if (Status s = answer(biller, *clinic, *fourth, {}, {{voiding->patientControlNumber, "accept"}}, 900005); !s)
        return std::unexpected(s.error());
    return counts;
}

} // namespace practica::core::demo
