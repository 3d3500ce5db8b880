// Billing: fees, claims, their lines, each claim's state history and its batches. Billers write them;
// administrators read them (A/R is theirs to watch); clinicians and the front desk never hold them.
// A submitted claim and its lines are locked (lock field submitted_at): the first workstation whose
// submission reaches the server sends the claim, and any other's is refused as a change to a locked
// record, so no claim leaves twice.
#include "core/billing/BillingRows.h"
#include "core/model/Coverage.h"
#include "core/records/FieldRules.h"

namespace practica::core {

namespace {

constexpr std::size_t kShortText = 200;

RecordType billing(const std::string& name, std::vector<FieldRule> fields)
{
    RecordType t;
    t.name = name;
    t.create = t.edit = Permission::BillingWrite;
    t.read = Permission::BillingRead;
    t.fields = std::move(fields);
    return t;
}

} // namespace

const std::vector<std::string>& claimStates()
{
    static const std::vector<std::string> states = {
        "draft",          "ready",          "queued", "submitted", "clearinghouse_accepted", "clearinghouse_rejected",
        "payer_accepted", "payer_rejected", "voided"};
    return states;
}

const RowBinding<Fee>& feeRow()
{
    using F = Fee;
    static const RowBinding<F> row = [] {
        RowBinding<F> r("fee", &F::id);
        r.field(reference("payer_id", "payer"), &F::payerId)
            .field(text("code").required().maxLength(5), &F::code)
            .field(text("modifier").maxLength(2), &F::modifier)
            .field(integer("amount_cents").required().range(1, 100'000'000), &F::amountCents)
            .field(flag("active"), &F::active);
        return r;
    }();
    return row;
}

const RowBinding<Claim>& claimRow()
{
    using C = Claim;
    static const RowBinding<C> row = [] {
        RowBinding<C> r("claim", &C::id);
        r.field(reference("patient_id", "patient").required(), &C::patientId)
            .field(reference("encounter_id", "encounter"), &C::encounterId)
            .field(reference("coverage_id", "coverage").required(), &C::coverageId)
            .field(reference("rendering_provider_id", "provider").required(), &C::renderingProviderId)
            .field(text("patient_control_number").required().maxLength(20), &C::patientControlNumber)
            .field(choice("frequency", {"1", "7", "8"}).required(), &C::frequency)
            .field(reference("replaces_claim_id", "claim"), &C::replacesClaimId)
            .field(text("payer_claim_number").maxLength(50), &C::payerClaimNumber)
            .field(text("place_of_service").required().maxLength(2), &C::placeOfService)
            .field(text("diagnoses").required().maxLength(12 * 9), &C::diagnoses)
            .field(date("service_date").required(), &C::serviceDate)
            .field(integer("total_cents").required().range(0, 100'000'000'000), &C::totalCents)
            .field(choice("filing_indicator", claimFilingIndicators()).required(), &C::filingIndicator)
            .field(choice("stage", {"draft", "ready", "queued"}).required(), &C::stage)
            .field(reference("batch_id", "claim_batch"), &C::batchId)
            .field(text("submitted_at").format(TextFormat::UtcTime), &C::submittedAt)
            .field(integer("created_at_ms").required().min(0), &C::createdAtMs)
            .field(reference("created_by", "user_account").required(), &C::createdBy);
        return r;
    }();
    return row;
}

const RowBinding<ClaimLine>& claimLineRow()
{
    using L = ClaimLine;
    static const RowBinding<L> row = [] {
        RowBinding<L> r("claim_line", &L::id);
        r.field(reference("claim_id", "claim").required(), &L::claimId)
            .field(integer("line_number").required().range(1, 50), &L::lineNumber)
            .field(text("code").required().maxLength(5), &L::code)
            .field(text("modifiers").notNull().maxLength(11), &L::modifiers)
            .field(text("units").required().maxLength(10), &L::units)
            .field(integer("charge_cents").required().range(0, 10'000'000'000), &L::chargeCents)
            .field(text("pointers").required().maxLength(11), &L::pointers)
            .field(date("service_date").required(), &L::serviceDate)
            .field(text("place_of_service").maxLength(2), &L::placeOfService)
            .field(choice("status", {"active", "removed"}).required(), &L::status)
            .field(text("submitted_at").format(TextFormat::UtcTime), &L::submittedAt);
        return r;
    }();
    return row;
}

const RowBinding<ClaimEvent>& claimEventRow()
{
    using E = ClaimEvent;
    static const RowBinding<E> row = [] {
        RowBinding<E> r("claim_event", &E::id);
        r.field(reference("claim_id", "claim").required(), &E::claimId)
            .field(choice("state", claimStates()).required(), &E::state)
            .field(text("at").required().format(TextFormat::UtcTime), &E::at)
            .field(choice("source", {"user", "999", "277ca"}).required(), &E::source)
            .field(reference("batch_id", "claim_batch"), &E::batchId)
            .field(reference("user_id", "user_account"), &E::userId)
            .field(text("detail").maxLength(4000), &E::detail)
            .field(text("field").maxLength(kShortText), &E::field)
            .field(text("payer_claim_number").maxLength(50), &E::payerClaimNumber);
        return r;
    }();
    return row;
}

const RowBinding<ClaimBatch>& claimBatchRow()
{
    using B = ClaimBatch;
    static const RowBinding<B> row = [] {
        RowBinding<B> r("claim_batch", &B::id);
        r.field(integer("interchange_control").required().range(1, 999'999'999), &B::interchangeControl)
            .field(integer("group_control").required().range(1, 999'999'999), &B::groupControl)
            .field(text("set_control").required().maxLength(9), &B::setControl)
            .field(text("created_at").required().format(TextFormat::UtcTime), &B::createdAt)
            .field(reference("created_by", "user_account").required(), &B::createdBy)
            .field(integer("claim_count").required().range(1, 100'000), &B::claimCount)
            .field(integer("total_cents").required().min(0), &B::totalCents)
            .field(text("sha256").required().format(TextFormat::Sha256), &B::sha256)
            .field(choice("state", {"created", "sent", "accepted", "partially_accepted", "rejected"}).required(),
                   &B::state)
            .field(text("answered_at").format(TextFormat::UtcTime), &B::answeredAt)
            .field(text("answer").maxLength(4000), &B::answer);
        return r;
    }();
    return row;
}

const RowBinding<Clearinghouse>& clearinghouseRow()
{
    using H = Clearinghouse;
    static const RowBinding<H> row = [] {
        RowBinding<H> r("clearinghouse", &H::id);
        const std::vector<std::string> qualifiers = {"01", "14", "20", "27", "28", "29", "30", "33", "ZZ"};
        r.field(text("name").required().maxLength(60), &H::name)
            .field(choice("sender_qualifier", qualifiers).required(), &H::senderQualifier)
            .field(text("submitter_id").required().maxLength(15), &H::submitterId)
            .field(choice("receiver_qualifier", qualifiers).required(), &H::receiverQualifier)
            .field(text("receiver_id").required().maxLength(15), &H::receiverId)
            .field(flag("production"), &H::production)
            .field(text("contact_name").required().maxLength(60), &H::contactName)
            .field(text("contact_phone").required().format(TextFormat::Phone), &H::contactPhone)
            .field(choice("transport", {"caqh", "sftp", "file"}).required(), &H::transport)
            .field(text("endpoint").maxLength(500), &H::endpoint)
            .field(text("username").maxLength(100), &H::username)
            .field(text("upload_dir").format(TextFormat::RemotePath), &H::uploadDir)
            .field(text("download_dir").format(TextFormat::RemotePath), &H::downloadDir)
            .field(text("host_key").format(TextFormat::SshHostKey), &H::hostKey)
            .field(integer("timely_filing_days").required().range(30, 3650), &H::timelyFilingDays)
            .field(flag("active"), &H::active);
        return r;
    }();
    return row;
}

void addBillingRecordTypes(RecordTypes& types)
{
    types.add(billing(clearinghouseRow().table(), clearinghouseRow().rules()));
    types.add(billing(feeRow().table(), feeRow().rules()));

    RecordType claim = billing(claimRow().table(), claimRow().rules());
    claim.lock = LockRule{"submitted_at"};
    claim.unique = {"patient_control_number"};
    claim.fixed = {"patient_id",        "patient_control_number", "frequency",
                   "replaces_claim_id", "created_at_ms",          "created_by"};
    types.add(std::move(claim));

    RecordType line = billing(claimLineRow().table(), claimLineRow().rules());
    line.lock = LockRule{"submitted_at"};
    line.fixed = {"claim_id"};
    types.add(std::move(line));

    // History is written once and kept: no field of an event ever changes.
    RecordType event = billing(claimEventRow().table(), claimEventRow().rules());
    for (const FieldRule& f : event.fields)
        event.fixed.push_back(f.name);
    types.add(std::move(event));

    RecordType batch = billing(claimBatchRow().table(), claimBatchRow().rules());
    batch.unique = {"interchange_control"};
    batch.fixed = {"interchange_control", "group_control", "set_control", "created_at",
                   "created_by",          "claim_count",   "total_cents", "sha256"};
    types.add(std::move(batch));
}

} // namespace practica::core
