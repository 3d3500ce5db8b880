// Fees and claims. A biller captures the charges of a signed visit into a draft claim (lines with codes,
// modifiers, units, charges from the fee schedule, and pointers into the claim's diagnoses), fixes what
// the scrubber finds, and marks it ready; a ready claim is queued to leave with the next batch
// (ClaimBatchStore). Every step is a claim_event, so each claim has its history. Every operation checks
// the acting user's permission here: BillingWrite to change, BillingRead to read.
#pragma once

#include "core/Error.h"
#include "core/billing/ClaimScrubber.h"
#include "core/model/Billing.h"
#include "core/records/FieldRules.h"

#include <optional>
#include <string>
#include <vector>

namespace practica::core {

class Session;

class FeeStore
{
public:
    explicit FeeStore(Session& session) : m_session(session) {}
    // Sets the fee of a code (with a modifier, for a payer): changes the one there is, else adds one.
    Result<Fee> set(const std::optional<std::string>& payerId, const std::string& code,
                    const std::optional<std::string>& modifier, std::int64_t amountCents);
    // The payer's fee for the code with the modifier, else without it, else the clinic's default.
    Result<std::optional<std::int64_t>> feeFor(const std::optional<std::string>& payerId, const std::string& code,
                                               const std::optional<std::string>& modifier);
    Result<std::vector<Fee>> list(const std::optional<std::string>& payerId);

private:
    Session& m_session;
};

// One charge of a visit as a biller enters it.
struct ChargeEntry
{
    std::string code;
    std::vector<std::string> modifiers;
    std::string units = "1";
    std::optional<std::int64_t> chargeCents; // the fee schedule's when absent
    std::vector<int> pointers{1};
};

// A claim with what a list shows of it.
struct ClaimSummary
{
    Claim claim;
    std::string state;       // see claimStates()
    std::string patientName; // "Family, Given"
    std::string mrn;
    std::string payerName;
    int lineCount = 0;
};

struct ClaimFilter
{
    std::optional<std::string> state;
    std::optional<std::string> patientId;
    std::optional<std::string> fromDate, toDate; // dates of service, inclusive
    int limit = 500;
};

class ClaimStore
{
public:
    explicit ClaimStore(Session& session) : m_session(session) {}

    // A draft claim from a visit with a signed note: the patient's active primary policy (or the one given),
    // the visit's provider, date and the clinic's place of service, the diagnoses (ICD-10-CM, principal
    // first) and a line per charge. A visit billed already is refused (Conflict, rule unique).
    Result<Claim> captureFromEncounter(const std::string& encounterId, const std::vector<std::string>& diagnoses,
                                       const std::vector<ChargeEntry>& charges,
                                       const std::optional<std::string>& coverageId = {});
    // Changes a claim that has not left; a ready or queued claim goes back to draft (it is scrubbed again).
    Status update(const Claim& claim);
    // Adds a line (empty id) or changes one, and the claim's total with it.
    Result<ClaimLine> saveLine(ClaimLine line);
    Status removeLine(const std::string& lineId);

    // What stands between the claim and the clearinghouse; nothing when it is clean.
    Result<std::vector<ScrubFinding>> scrub(const std::string& claimId);
    // Scrubs the claim and, when clean, marks it ready; the findings otherwise (and it stays a draft).
    Result<std::vector<ScrubFinding>> markReady(const std::string& claimId);
    // A ready claim leaves with the next batch; unqueue takes it back to ready.
    Status queue(const std::string& claimId);
    Status unqueue(const std::string& claimId);
    // A replacement (frequency 7) or void (8) of a claim that left, as a new draft with its lines; the
    // payer's claim number is the one its 277CA gave, else the one given.
    Result<Claim> correct(const std::string& claimId, const std::string& frequency,
                          const std::optional<std::string>& payerClaimNumber = {});

    Result<Claim> get(const std::string& claimId);
    Result<std::optional<Claim>> byControlNumber(const std::string& patientControlNumber);
    Result<std::vector<ClaimLine>> lines(const std::string& claimId);    // active ones, by line number
    Result<std::vector<ClaimEvent>> history(const std::string& claimId); // oldest first
    Result<std::string> state(const std::string& claimId);
    Result<std::vector<ClaimSummary>> list(const ClaimFilter& filter);
    // Signed visits without a claim, newest first: what is ready to bill.
    Result<std::vector<std::string>> unbilledEncounters(int limit = 200);

    // Records a step of the claim's life inside the caller's transaction (the batch store and the
    // acknowledgment readers use it too). One writing thousands passes the rule context it read once and
    // audits the whole operation itself (audited false).
    Status addEvent(ClaimEvent event, const RuleContext* context = nullptr, bool audited = true);

private:
    Result<Claim> loadForChange(const std::string& claimId);
    Status setStage(Claim claim, const std::string& stage);
    Status refreshTotal(const std::string& claimId);
    Session& m_session;
};

// The clinic's next patient control number from this workstation: its two-digit number, then eight digits
// of its own sequence, so that no two workstations hand out the same one.
Result<std::string> nextPatientControlNumber(Session& session);

} // namespace practica::core
