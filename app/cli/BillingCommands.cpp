// claims and x12: charges of a signed visit into a claim, the scrubber's findings, claims by state, and
// every ready claim out as one 837P batch.
#include "Commands.h"
#include "JsonOutput.h"
#include "core/billing/BillingRows.h"
#include "core/billing/ClaimAnswerStore.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/patients/CoverageStore.h"
#include "core/sync/Replica.h"
#include "core/util/AtomicFile.h"
#include "core/x12/Claim837.h"
#include "sync/client/ClaimTransmitter.h"
#include "sync/client/Connection.h"
#include "sync/client/SyncEngine.h"
#include "words/BillingWords.h"
#include "words/ErrorWords.h"

#include <charconv>
#include <fstream>
#include <ostream>
#include <sstream>

namespace practica::app {

const char* const kClaimsHelp = R"(Usage: practica-cli claims <verb> [options]

  build --encounter ID --dx CODES --charges CHARGES [--coverage ID]
        a draft claim from a visit whose note is signed. CODES are ICD-10-CM codes, the principal first,
        comma-separated ("E11.9,I10"). CHARGES are comma-separated, each CODE[-MOD[-MOD...]][*UNITS]
        [@POINTER[:POINTER...]][$AMOUNT]: "99213-25@1:2,36415@1". Without $AMOUNT the fee schedule's
        fee (the payer's, else the clinic's) is charged; without @ the line points to diagnosis 1.
  scrub --claim PCN
        lists what would stop the claim, each with the record and field to fix; exit 6 when any.
  submit --claim PCN
        scrubs the claim and, when it is clean, queues it to leave with the next batch
        (x12 export-837, or the clearinghouse connection when online).
  list [--state STATE] [--patient MRN] [--from DATE] [--to DATE] [--limit N]
        claims by date of service, newest first. STATE is one of draft, ready, queued, submitted,
        clearinghouse_accepted, clearinghouse_rejected, payer_accepted, payer_rejected, voided.
  history --claim PCN
        each step of the claim's life: when, what state, who or which answer moved it.
  correct --claim PCN --as replacement|void [--payer-claim-number N]
        a replacement (frequency 7) or void (8) of a claim that was sent, as a new draft with its lines;
        the payer's claim number is the one its 277CA gave, unless given.
  clearinghouse [--name N --submitter-id ID --receiver-id ID --contact-name N --contact-phone P
                 --endpoint URL --username U --transport caqh|sftp|file --production yes|no
                 --timely-filing-days N --sender-qualifier Q --receiver-qualifier Q]
        shows the clinic's clearinghouse settings, or changes the ones given (the first time, name,
        submitter id, receiver id, contact name and phone are needed).
  fees [--payer PAYER_CODE] [--set CODE[-MOD]=AMOUNT]
        lists the fee schedule (the clinic's, or a payer's by its payer code), or sets one fee.
  transmit [--ca-file FILE] [--remember]
        sends the queued claims to the clearinghouse (CAQH CORE, the endpoint and user of the clinic's
        clearinghouse settings, the password from PRACTICA_CLEARINGHOUSE_PASSWORD, or the one this
        workstation remembers: --remember keeps it, in the encrypted database only), and any batch not
        sent before; then retrieves and applies the 999s and 277CAs waiting there. Offline: exit 8, and
        the batch goes at the next transmit.

PCN is the claim's patient control number (as claims list shows it). Needs the biller role (--user);
list and history also the administrator's. With --json, list prints [{"id", "patient_control_number",
"state", "mrn", "patient", "payer", "service_date", "billed", "paid", "patient_responsibility",
"adjustments": [{"group", "reason_code", "amount"}]}] with amounts as decimal dollars ("125.50"); paid,
patient responsibility and adjustments come from remittances.
)";

const char* const kX12Help = R"(Usage: practica-cli x12 <verb> [options]

  export-837 --out FILE
        every ready and queued claim, scrubbed once more, as one 837P (005010X222A1) interchange written
        to FILE (replaced whole or not at all). The claims are submitted: locked, with a "submitted"
        step in their history; a claim the scrubber stops stays where it is and is listed. The batch's
        interchange control number is never used again by any workstation of the clinic.

  import FILE
        applies a 999 (the clearinghouse's acceptance or rejection of a batch, with the claims and fields
        in error) or a 277CA (each claim accepted or rejected by the payer, with the payer's claim number)
        to the claims it answers. A damaged or truncated file is refused with its line and reason and
        changes nothing (exit 6); a file applied before changes nothing.

Both need the biller role (--user); export-837 also the clinic's clearinghouse settings. With --json,
export-837 prints {"file", "interchange_control", "claims", "billed", "held": [{"patient_control_number",
"findings": [...]}]} and import prints {"kind", "already_applied", "accepted", "rejected", "pending",
"unknown_claims"}.
)";

namespace {

std::string dollars(std::int64_t cents)
{
    const bool negative = cents < 0;
    const std::int64_t abs = negative ? -cents : cents;
    const std::string rest = std::to_string(abs % 100);
    return (negative ? "-" : "") + std::to_string(abs / 100) + "." + (rest.size() < 2 ? "0" : "") + rest;
}

CliResult<std::int64_t> centsOf(const std::string& amount)
{
    const auto dot = amount.find('.');
    const std::string whole = amount.substr(0, dot);
    std::string cents = dot == std::string::npos ? "00" : amount.substr(dot + 1);
    if (cents.size() == 1)
        cents += "0";
    std::int64_t w = 0, c = 0;
    auto digits = [](const std::string& s) {
        return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
    };
    if (!digits(whole) || !digits(cents) || cents.size() != 2 || whole.size() > 9)
        return usageError("an amount is dollars and cents: " + amount);
    std::from_chars(whole.data(), whole.data() + whole.size(), w);
    std::from_chars(cents.data(), cents.data() + cents.size(), c);
    return w * 100 + c;
}

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find(separator, start);
        std::string item = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!item.empty())
            out.push_back(item);
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return out;
}

// CODE[-MOD...][*UNITS][@P[:P...]][$AMOUNT]
CliResult<core::ChargeEntry> parseCharge(std::string text)
{
    core::ChargeEntry charge;
    if (auto at = text.find('$'); at != std::string::npos) {
        auto cents = centsOf(text.substr(at + 1));
        if (!cents)
            return std::unexpected(cents.error());
        charge.chargeCents = *cents;
        text.erase(at);
    }
    if (auto at = text.find('@'); at != std::string::npos) {
        charge.pointers.clear();
        for (const std::string& p : split(text.substr(at + 1), ':')) {
            int n = 0;
            auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), n);
            if (ec != std::errc() || ptr != p.data() + p.size())
                return usageError("a diagnosis pointer is a number: " + p);
            charge.pointers.push_back(n);
        }
        text.erase(at);
    }
    if (auto at = text.find('*'); at != std::string::npos) {
        charge.units = text.substr(at + 1);
        text.erase(at);
    }
    auto parts = split(text, '-');
    if (parts.empty())
        return usageError("a charge needs a procedure code");
    charge.code = parts.front();
    charge.modifiers.assign(parts.begin() + 1, parts.end());
    return charge;
}

CliResult<core::Claim> claimByNumber(CliContext& ctx, core::Session& session)
{
    core::ClaimStore claims(session);
    const std::string which = ctx.value("claim");
    auto found = claims.byControlNumber(which);
    if (!found)
        return failure(found.error());
    if (*found)
        return **found;
    auto byId = claims.get(which);
    if (!byId)
        return std::unexpected(Failure{kExitNotFound, "no claim has the patient control number " + which});
    return *byId;
}

Poco::JSON::Array::Ptr findingsJson(const std::vector<core::ScrubFinding>& findings)
{
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
    for (const auto& f : findings) {
        auto o = newJsonObject();
        o->set("rule", std::string(core::scrubRuleName(f.rule)));
        o->set("record", f.record);
        o->set("record_id", f.recordId);
        o->set("field", f.field);
        auto params = newJsonObject();
        for (const auto& [k, v] : f.params)
            params->set(k, v);
        o->set("params", params);
        o->set("message", words::scrubFindingSentence(f));
        out->add(o);
    }
    return out;
}

void printFindings(CliContext& ctx, const std::vector<core::ScrubFinding>& findings)
{
    for (const auto& f : findings)
        ctx.out() << "  - " << words::scrubFindingSentence(f) << "\n";
}

Outcome build(CliContext& ctx, core::Session& session)
{
    std::vector<core::ChargeEntry> charges;
    for (const std::string& text : split(ctx.value("charges"), ',')) {
        auto charge = parseCharge(text);
        if (!charge)
            return std::unexpected(charge.error());
        charges.push_back(*charge);
    }
    if (charges.empty())
        return usageError("--charges needs at least one procedure code");
    auto claim = core::ClaimStore(session).captureFromEncounter(ctx.value("encounter"), split(ctx.value("dx"), ','),
                                                                charges, ctx.option("coverage"));
    if (!claim)
        return failure(claim.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("id", claim->id);
        o->set("patient_control_number", claim->patientControlNumber);
        o->set("billed", dollars(claim->totalCents));
        ctx.printJson(o);
    } else {
        ctx.out() << "Draft claim " << claim->patientControlNumber << " for " << dollars(claim->totalCents) << " ("
                  << charges.size() << " line" << (charges.size() == 1 ? "" : "s") << ").\n";
    }
    return {};
}

Outcome scrub(CliContext& ctx, core::Session& session)
{
    auto claim = claimByNumber(ctx, session);
    if (!claim)
        return std::unexpected(claim.error());
    auto findings = core::ClaimStore(session).scrub(claim->id);
    if (!findings)
        return failure(findings.error());
    if (ctx.json())
        ctx.printJson(findingsJson(*findings));
    else if (findings->empty())
        ctx.out() << "Claim " << claim->patientControlNumber << " is clean.\n";
    else {
        ctx.out() << "Claim " << claim->patientControlNumber << " cannot go yet:\n";
        printFindings(ctx, *findings);
    }
    if (!findings->empty())
        return std::unexpected(Failure{kExitInvalid, std::to_string(findings->size()) + " thing(s) to fix first"});
    return {};
}

Outcome submit(CliContext& ctx, core::Session& session)
{
    auto claim = claimByNumber(ctx, session);
    if (!claim)
        return std::unexpected(claim.error());
    core::ClaimStore claims(session);
    if (claim->stage == "draft") {
        auto findings = claims.markReady(claim->id);
        if (!findings)
            return failure(findings.error());
        if (!findings->empty()) {
            if (ctx.json())
                ctx.printJson(findingsJson(*findings));
            else {
                ctx.out() << "Claim " << claim->patientControlNumber << " cannot go yet:\n";
                printFindings(ctx, *findings);
            }
            return std::unexpected(Failure{kExitInvalid, std::to_string(findings->size()) + " thing(s) to fix first"});
        }
    }
    if (auto queued = claims.queue(claim->id); !queued)
        return failure(queued.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("patient_control_number", claim->patientControlNumber);
        o->set("state", std::string("queued"));
        ctx.printJson(o);
    } else {
        ctx.out() << "Claim " << claim->patientControlNumber << " is queued to leave with the next batch.\n";
    }
    return {};
}

Outcome list(CliContext& ctx, core::Session& session)
{
    core::ClaimFilter filter;
    filter.state = ctx.option("state");
    filter.fromDate = ctx.option("from");
    filter.toDate = ctx.option("to");
    auto limit = integerOption(ctx, "limit", 500, 1, 100'000);
    if (!limit)
        return std::unexpected(limit.error());
    filter.limit = static_cast<int>(*limit);
    if (filter.state) {
        const auto& states = core::claimStates();
        if (std::find(states.begin(), states.end(), *filter.state) == states.end())
            return usageError("--state is one of draft, ready, queued, submitted, clearinghouse_accepted, "
                              "clearinghouse_rejected, payer_accepted, payer_rejected, voided");
    }
    auto claims = core::ClaimStore(session).list(filter);
    if (!claims)
        return failure(claims.error());
    if (auto mrn = ctx.option("patient"))
        std::erase_if(*claims, [&](const core::ClaimSummary& c) { return c.mrn != *mrn; });
    if (ctx.json()) {
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& c : *claims) {
            auto o = newJsonObject();
            o->set("id", c.claim.id);
            o->set("patient_control_number", c.claim.patientControlNumber);
            o->set("state", c.state);
            o->set("mrn", c.mrn);
            o->set("patient", c.patientName);
            o->set("payer", c.payerName);
            o->set("service_date", c.claim.serviceDate);
            o->set("frequency", c.claim.frequency);
            o->set("billed", dollars(c.claim.totalCents));
            o->set("paid", dollars(0));
            o->set("patient_responsibility", dollars(0));
            o->set("adjustments", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
            out->add(o);
        }
        ctx.printJson(out);
        return {};
    }
    if (claims->empty()) {
        ctx.out() << "No claims.\n";
        return {};
    }
    for (const auto& c : *claims)
        ctx.out() << c.claim.patientControlNumber << "  " << c.claim.serviceDate << "  " << c.state << "  "
                  << dollars(c.claim.totalCents) << "  " << c.patientName << " (MRN " << c.mrn << ")  " << c.payerName
                  << "\n";
    return {};
}

Outcome history(CliContext& ctx, core::Session& session)
{
    auto claim = claimByNumber(ctx, session);
    if (!claim)
        return std::unexpected(claim.error());
    auto events = core::ClaimStore(session).history(claim->id);
    if (!events)
        return failure(events.error());
    if (ctx.json()) {
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& e : *events) {
            auto o = newJsonObject();
            o->set("at", e.at);
            o->set("state", e.state);
            o->set("source", e.source);
            o->set("detail", e.detail.value_or(""));
            o->set("field", e.field.value_or(""));
            o->set("payer_claim_number", e.payerClaimNumber.value_or(""));
            out->add(o);
        }
        ctx.printJson(out);
        return {};
    }
    for (const auto& e : *events)
        ctx.out() << e.at << "  " << e.state << "  (" << (e.source == "user" ? "by a biller" : "from a " + e.source)
                  << ")" << (e.detail ? "  " + *e.detail : "") << "\n";
    return {};
}

Outcome correct(CliContext& ctx, core::Session& session)
{
    auto claim = claimByNumber(ctx, session);
    if (!claim)
        return std::unexpected(claim.error());
    const std::string as = ctx.value("as");
    if (as != "replacement" && as != "void")
        return usageError("--as is replacement or void");
    auto made =
        core::ClaimStore(session).correct(claim->id, as == "replacement" ? "7" : "8", ctx.option("payer-claim-number"));
    if (!made)
        return failure(made.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("patient_control_number", made->patientControlNumber);
        o->set("frequency", made->frequency);
        o->set("payer_claim_number", made->payerClaimNumber.value_or(""));
        ctx.printJson(o);
    } else {
        ctx.out() << "Draft " << as << " claim " << made->patientControlNumber << " of claim "
                  << claim->patientControlNumber
                  << (made->payerClaimNumber ? " (payer's claim number " + *made->payerClaimNumber + ")"
                                             : std::string(" (no payer claim number yet: add it before it goes)"))
                  << ".\n";
    }
    return {};
}

Outcome export837(CliContext& ctx, core::Session& session)
{
    auto outcome = core::ClaimBatchStore(session).createBatch();
    if (!outcome)
        return failure(outcome.error());
    const std::string path = ctx.value("out");
    // The batch is made and kept with its file; a file that cannot be written here is written again from it.
    if (auto written = core::writeFileAtomically(path, outcome->text); !written)
        return failure(written.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("file", path);
        o->set("interchange_control", outcome->batch.interchangeControl);
        o->set("claims", outcome->batch.claimCount);
        o->set("billed", dollars(outcome->batch.totalCents));
        Poco::JSON::Array::Ptr held = new Poco::JSON::Array;
        for (const auto& h : outcome->held) {
            auto ho = newJsonObject();
            ho->set("patient_control_number", h.patientControlNumber);
            ho->set("findings", findingsJson(h.findings));
            held->add(ho);
        }
        o->set("held", held);
        ctx.printJson(o);
        return {};
    }
    ctx.out() << "Wrote " << outcome->batch.claimCount << " claim(s) for " << dollars(outcome->batch.totalCents)
              << " to " << path << " (interchange " << outcome->batch.interchangeControl << ").\n";
    for (const auto& h : outcome->held) {
        ctx.out() << "Held back: claim " << h.patientControlNumber << (h.findings.empty() ? " is a draft" : "") << "\n";
        printFindings(ctx, h.findings);
    }
    return {};
}

Outcome importAnswer(CliContext& ctx, core::Session& session)
{
    const std::string path = ctx.args().operand().value_or("");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::unexpected(Failure{kExitNotFound, "cannot read " + path});
    std::ostringstream text;
    text << in.rdbuf();
    auto report = core::ClaimAnswerStore(session).importFile(text.str());
    if (!report) {
        if (report.error().error)
            return failure(*report.error().error);
        return std::unexpected(
            Failure{kExitInvalid, path + " was not applied: " + words::x12IssueSentence(*report.error().issue)});
    }
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("kind", report->kind);
        o->set("already_applied", report->alreadyApplied);
        o->set("accepted", report->accepted);
        o->set("rejected", report->rejected);
        o->set("pending", report->pending);
        Poco::JSON::Array::Ptr unknown = new Poco::JSON::Array;
        for (const auto& n : report->unknownClaims)
            unknown->add(n);
        o->set("unknown_claims", unknown);
        ctx.printJson(o);
        return {};
    }
    const std::string what = report->kind == "999" ? "999 acknowledgment" : "277CA claim acknowledgment";
    if (report->alreadyApplied) {
        ctx.out() << "This " << what << " was applied before; nothing changed.\n";
        return {};
    }
    ctx.out() << "Applied the " << what << ": " << report->accepted << " claim(s) accepted, " << report->rejected
              << " rejected" << (report->pending > 0 ? ", " + std::to_string(report->pending) + " pending" : "")
              << ".\n";
    for (const auto& n : report->unknownClaims)
        ctx.out() << "Claim " << n << " is not one of this clinic's; it was left out.\n";
    return {};
}

Outcome clearinghouse(CliContext& ctx, core::Session& session)
{
    core::ClaimBatchStore store(session);
    auto current = store.clearinghouse();
    if (!current && current.error().code != core::ErrorCode::NotFound)
        return failure(current.error());
    core::Clearinghouse c = current ? *current : core::Clearinghouse{};
    bool changed = false;
    auto take = [&](const char* option, std::string& field) {
        if (auto v = ctx.option(option)) {
            field = *v;
            changed = true;
        }
    };
    take("name", c.name);
    take("submitter-id", c.submitterId);
    take("receiver-id", c.receiverId);
    take("contact-name", c.contactName);
    take("contact-phone", c.contactPhone);
    take("transport", c.transport);
    take("sender-qualifier", c.senderQualifier);
    take("receiver-qualifier", c.receiverQualifier);
    if (auto v = ctx.option("endpoint"))
        c.endpoint = *v, changed = true;
    if (auto v = ctx.option("username"))
        c.username = *v, changed = true;
    if (auto v = ctx.option("production")) {
        if (*v != "yes" && *v != "no")
            return usageError("--production is yes or no");
        c.production = *v == "yes";
        changed = true;
    }
    if (ctx.option("timely-filing-days")) {
        auto days = integerOption(ctx, "timely-filing-days", 365, 30, 3650);
        if (!days)
            return std::unexpected(days.error());
        c.timelyFilingDays = static_cast<int>(*days);
        changed = true;
    }
    if (changed) {
        auto saved = store.saveClearinghouse(c);
        if (!saved)
            return failure(saved.error());
        c = *saved;
    } else if (!current) {
        return std::unexpected(Failure{kExitNotFound, "the clinic has no clearinghouse settings yet"});
    }
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("name", c.name);
        o->set("submitter_id", c.submitterId);
        o->set("receiver_id", c.receiverId);
        o->set("transport", c.transport);
        o->set("endpoint", c.endpoint.value_or(""));
        o->set("username", c.username.value_or(""));
        o->set("production", c.production);
        o->set("timely_filing_days", c.timelyFilingDays);
        ctx.printJson(o);
    } else {
        ctx.out() << c.name << (c.production ? " (production)" : " (test)") << "\n"
                  << "  submitter " << c.senderQualifier << ":" << c.submitterId << ", receiver " << c.receiverQualifier
                  << ":" << c.receiverId << "\n"
                  << "  transport " << c.transport << (c.endpoint ? " to " + *c.endpoint : std::string())
                  << (c.username ? " as " + *c.username : std::string()) << "\n"
                  << "  contact " << c.contactName << ", " << c.contactPhone << "; timely filing " << c.timelyFilingDays
                  << " days\n";
    }
    return {};
}

Outcome fees(CliContext& ctx, core::Session& session)
{
    std::optional<std::string> payerId;
    if (auto code = ctx.option("payer")) {
        auto payers = core::PayerStore(session).list(true);
        if (!payers)
            return failure(payers.error());
        for (const auto& p : *payers)
            if (p.payerCode == *code)
                payerId = p.id;
        if (!payerId)
            return std::unexpected(Failure{kExitNotFound, "no payer has the payer code " + *code});
    }
    core::FeeStore store(session);
    if (auto set = ctx.option("set")) {
        const auto eq = set->find('=');
        if (eq == std::string::npos)
            return usageError("--set is CODE[-MOD]=AMOUNT, e.g. 99213=125.00");
        auto parts = split(set->substr(0, eq), '-');
        auto cents = centsOf(set->substr(eq + 1));
        if (!cents)
            return std::unexpected(cents.error());
        if (parts.empty() || parts.size() > 2)
            return usageError("--set is CODE[-MOD]=AMOUNT, e.g. 99213=125.00");
        auto saved = store.set(payerId, parts[0], parts.size() == 2 ? std::optional(parts[1]) : std::nullopt, *cents);
        if (!saved)
            return failure(saved.error());
    }
    auto all = store.list(payerId);
    if (!all)
        return failure(all.error());
    if (ctx.json()) {
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& f : *all) {
            auto o = newJsonObject();
            o->set("code", f.code);
            o->set("modifier", f.modifier.value_or(""));
            o->set("amount", dollars(f.amountCents));
            out->add(o);
        }
        ctx.printJson(out);
        return {};
    }
    for (const auto& f : *all)
        ctx.out() << f.code << (f.modifier ? "-" + *f.modifier : std::string()) << "  " << dollars(f.amountCents)
                  << "\n";
    return {};
}

Outcome transmit(CliContext& ctx, core::Session& session)
{
    auto settings = core::ClaimBatchStore(session).clearinghouse();
    if (!settings)
        return failure(settings.error());
    if (settings->transport != "caqh" || !settings->endpoint)
        return std::unexpected(Failure{kExitInvalid, "the clinic's clearinghouse is not set up for CAQH CORE "
                                                     "(transport caqh and an endpoint)"});
    core::ClaimBatchStore batches(session);
    std::string password;
    if (const char* given = std::getenv("PRACTICA_CLEARINGHOUSE_PASSWORD"); given && *given) {
        password = given;
        if (ctx.args().has("remember"))
            if (auto kept = batches.rememberPassword(password); !kept)
                return failure(kept.error());
    } else {
        auto remembered = batches.rememberedPassword();
        if (!remembered)
            return failure(remembered.error());
        if (!*remembered)
            return usageError("set PRACTICA_CLEARINGHOUSE_PASSWORD to the clearinghouse password (add --remember "
                              "to keep it on this workstation)");
        password = **remembered;
    }
    sync::ClearinghouseOptions options;
    options.endpoint = *settings->endpoint;
    options.userName = settings->username.value_or("");
    options.password = password;
    options.caFile = ctx.optionOr("ca-file", "");
    sync::ClearinghouseClient client(options);
    // A workstation that syncs sends a batch only once the clinic's server took its submission: a claim
    // another workstation submitted first is not sent twice.
    core::Replica replica(session);
    auto stored = sync::storedConnection(replica);
    if (!stored)
        return failure(stored.error());
    std::unique_ptr<sync::SyncClient> syncClient;
    std::unique_ptr<sync::SyncEngine> engine;
    sync::SubmissionGate gate;
    if (*stored) {
        syncClient = std::make_unique<sync::SyncClient>(**stored);
        engine = std::make_unique<sync::SyncEngine>(session, *syncClient);
        gate = sync::syncGate(*engine, session);
    }
    auto report = sync::ClaimTransmitter(session, client, gate).run([&](int done, int total) {
        if (!ctx.json())
            ctx.err() << "Sending batches: " << done << " of " << total << "\n";
    });
    if (!report)
        return failure(report.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("batches_sent", report->batchesSent);
        o->set("claims_sent", report->claimsSent);
        o->set("answers_applied", report->answersApplied);
        o->set("offline", report->offline);
        o->set("retry_after_seconds", report->retryDelaySeconds);
        ctx.printJson(o);
    } else {
        ctx.out() << "Sent " << report->claimsSent << " claim(s) in " << report->batchesSent << " batch(es); applied "
                  << report->answersApplied << " answer(s) from the clearinghouse.\n";
        for (const auto& code : report->refusedBatches)
            ctx.out() << "A batch was refused by the clearinghouse: " << code << "\n";
        for (const auto& n : report->supersededClaims)
            ctx.out() << "Claim " << n << " was submitted first from another workstation; it was not sent from here.\n";
    }
    if (report->offline)
        return std::unexpected(Failure{kExitIo, "the clearinghouse cannot be reached; the claims wait and go at the "
                                                "next transmit (in " +
                                                    std::to_string(report->retryDelaySeconds) + " s or later)"});
    return {};
}

} // namespace

Outcome runClaims(CliContext& ctx)
{
    static const std::vector<Verb> kVerbs = {
        {.name = "build",
         .options = {"encounter", "dx", "charges", "coverage"},
         .required = {"encounter", "dx", "charges"},
         .unlocked = build},
        {.name = "scrub", .options = {"claim"}, .required = {"claim"}, .unlocked = scrub},
        {.name = "submit", .options = {"claim"}, .required = {"claim"}, .unlocked = submit},
        {.name = "list", .options = {"state", "patient", "from", "to", "limit"}, .unlocked = list},
        {.name = "history", .options = {"claim"}, .required = {"claim"}, .unlocked = history},
        {.name = "correct",
         .options = {"claim", "as", "payer-claim-number"},
         .required = {"claim", "as"},
         .unlocked = correct},
        {.name = "transmit", .options = {"ca-file", "remember"}, .unlocked = transmit},
        {.name = "clearinghouse",
         .options = {"name", "submitter-id", "receiver-id", "contact-name", "contact-phone", "endpoint", "username",
                     "transport", "production", "timely-filing-days", "sender-qualifier", "receiver-qualifier"},
         .unlocked = clearinghouse},
        {.name = "fees", .options = {"payer", "set"}, .unlocked = fees},
    };
    return runVerb(ctx, kVerbs);
}

Outcome runX12(CliContext& ctx)
{
    static const std::vector<Verb> kVerbs = {
        {.name = "export-837", .options = {"out"}, .required = {"out"}, .unlocked = export837},
        {.name = "import", .operand = "FILE", .unlocked = importAnswer},
    };
    return runVerb(ctx, kVerbs);
}

} // namespace practica::app
