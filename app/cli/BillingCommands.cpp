// claims and x12: charges of a signed visit into a claim, the scrubber's findings, claims by state, and
// every ready claim out as one 837P batch.
#include "BillingCliText.h"
#include "BillingVerbs.h"
#include "Commands.h"
#include "JsonOutput.h"
#include "core/billing/BillingRows.h"
#include "core/billing/ClaimStore.h"
#include "words/BillingWords.h"

#include <charconv>
#include <ostream>

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
                 --timely-filing-days N --sender-qualifier Q --receiver-qualifier Q
                 --upload-dir DIR --download-dir DIR --host-key SHA256:... --key-file FILE|none]
        shows the clinic's clearinghouse settings, or changes the ones given (the first time, name,
        submitter id, receiver id, contact name and phone are needed). CAQH CORE: an https:// endpoint.
        SFTP: endpoint sftp://HOST[:PORT], the user name, the folder 837s are put in (--upload-dir) and
        the one the 999s and 277CAs wait in (--download-dir), and the server's host key fingerprint as
        ssh-keygen -l prints it (--host-key; a server showing another key is sent nothing). --key-file
        is this workstation's private key for the SFTP server (kept here only; none forgets it); its
        passphrase, or without a key the SFTP password, is the password transmit uses.
  fees [--payer PAYER_CODE] [--set CODE[-MOD]=AMOUNT]
        lists the fee schedule (the clinic's, or a payer's by its payer code), or sets one fee.
  payers [--code PAYER_CODE [--filing-indicator CODE] [--timely-filing-days N|none]]
        lists the payers with what their claims say they are (the 837's claim filing indicator: CI
        commercial, MB Medicare Part B, MC Medicaid, BL Blue Cross Blue Shield, CH TRICARE, HM HMO, ...)
        and their timely filing window (none: the clearinghouse settings'), or changes one payer's.
  transmit [--ca-file FILE] [--remember]
        sends the queued claims to the clearinghouse (CAQH CORE or SFTP, as the clinic's clearinghouse
        settings say; the password from PRACTICA_CLEARINGHOUSE_PASSWORD, or the one this workstation
        remembers: --remember keeps it, in the encrypted database only), and any batch not sent before;
        then retrieves and applies the 999s and 277CAs waiting there (over SFTP each is removed there
        once applied; a file that is not one is left and named). Offline: exit 8, and the batch goes at
        the next transmit.

PCN is the claim's patient control number (as claims list shows it). Needs the biller role (--user);
list and history also the administrator's. With --json, list prints [{"id", "patient_control_number",
"state", "mrn", "patient", "payer", "service_date", "billed", "paid", "patient_responsibility",
"adjustments": [{"group", "reason_code", "amount"}]}] with amounts as decimal dollars ("125.50"); paid,
patient responsibility and adjustments come from remittances.
)";

namespace {

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
                     "transport", "production", "timely-filing-days", "sender-qualifier", "receiver-qualifier",
                     "upload-dir", "download-dir", "host-key", "key-file"},
         .unlocked = clearinghouse},
        {.name = "fees", .options = {"payer", "set"}, .unlocked = fees},
        {.name = "payers", .options = {"code", "filing-indicator", "timely-filing-days"}, .unlocked = payers},
    };
    return runVerb(ctx, kVerbs);
}

} // namespace practica::app
