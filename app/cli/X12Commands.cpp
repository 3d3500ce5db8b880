// x12: every ready claim out as one 837P file, and a 999 or 277CA file in.
#include "BillingCliText.h"
#include "Commands.h"
#include "JsonOutput.h"
#include "core/billing/ClaimAnswerStore.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/UnreadAnswerStore.h"
#include "core/util/AtomicFile.h"
#include "words/BillingWords.h"
#include "words/ErrorWords.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace practica::app {

const char* const kX12Help = R"(Usage: practica-cli x12 <verb> [options]

  export-837 --out FILE [--batch INTERCHANGE]
        every ready and queued claim, scrubbed once more, as one 837P (005010X222A1) interchange written
        to FILE (replaced whole or not at all). The claims are submitted: locked, with a "submitted"
        step in their history; a claim the scrubber stops stays where it is and is listed. The batch's
        interchange control number is never used again by any workstation of the clinic. Once the file
        is written the batch counts as handed to the clearinghouse, so claims transmit does not send it
        too. --batch writes the file of a batch made before on this workstation again (one whose file
        could not be written, say), by its interchange control number.

  import FILE
        applies a 999 (the clearinghouse's acceptance or rejection of a batch, with the claims and fields
        in error) or a 277CA (each claim accepted or rejected by the payer, with the payer's claim number)
        to the claims it answers. A damaged or truncated file is refused with its line and reason and
        changes nothing (exit 6); a file applied before changes nothing.

  unread [--save DIR]
        the files the clearinghouse sent that are not a 999 or 277CA Practica reads (a TA1, a report, a
        damaged file), kept on this workstation when claims transmit fetched them: name, when, and why
        they were not read. --save writes each to DIR under its name.

All need the biller role (--user); export-837 also the clinic's clearinghouse settings. With --json,
export-837 prints {"file", "interchange_control", "claims", "billed", "held": [{"patient_control_number",
"findings": [...]}]} and import prints {"kind", "already_applied", "accepted", "rejected", "pending",
"unknown_claims"}.
)";

namespace {

Outcome exportKept(CliContext& ctx, core::ClaimBatchStore& store, const std::string& path)
{
    auto control = integerOption(ctx, "batch", 0, 1, 999'999'999);
    if (!control)
        return std::unexpected(control.error());
    auto all = store.batches(100'000);
    if (!all)
        return failure(all.error());
    auto it = std::find_if(all->begin(), all->end(),
                           [&](const core::ClaimBatch& b) { return b.interchangeControl == *control; });
    if (it == all->end())
        return std::unexpected(
            Failure{kExitNotFound, "no batch has the interchange control number " + std::to_string(*control)});
    auto text = store.fileOf(it->id);
    if (!text)
        return text.error().code == core::ErrorCode::NotFound
                   ? std::unexpected(Failure{kExitNotFound, "the file of that batch is kept on the workstation "
                                                            "that made it, not here"})
                   : failure(text.error());
    if (auto written = core::writeFileAtomically(path, *text); !written)
        return failure(written.error());
    if (auto sent = store.markSent(it->id); !sent)
        return failure(sent.error());
    ctx.out() << "Wrote batch " << it->interchangeControl << " (" << it->claimCount << " claim(s)) to " << path
              << ".\n";
    return {};
}

Outcome export837(CliContext& ctx, core::Session& session)
{
    core::ClaimBatchStore store(session);
    const std::string path = ctx.value("out");
    if (ctx.option("batch"))
        return exportKept(ctx, store, path);
    auto outcome = store.createBatch();
    if (!outcome)
        return failure(outcome.error());
    // The batch is made and kept with its file; a file that cannot be written here is written again from it.
    if (auto written = core::writeFileAtomically(path, outcome->text); !written) {
        std::string why = words::errorSentence(written.error());
        if (!why.empty() && why.back() != '.')
            why += '.';
        return std::unexpected(Failure{exitCodeFor(written.error().code),
                                       why + " The batch (interchange " +
                                           std::to_string(outcome->batch.interchangeControl) +
                                           ") is made and kept: write it with x12 export-837 --batch " +
                                           std::to_string(outcome->batch.interchangeControl) + " --out FILE."});
    }
    // Handed over by hand: the transmitter does not send it again.
    if (auto sent = store.markSent(outcome->batch.id); !sent)
        return failure(sent.error());
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

Outcome unread(CliContext& ctx, core::Session& session)
{
    auto files = core::UnreadAnswerStore(session).list();
    if (!files)
        return failure(files.error());
    if (auto dir = ctx.option("save")) {
        std::error_code made;
        std::filesystem::create_directories(*dir, made);
        if (made)
            return std::unexpected(Failure{kExitIo, "cannot make the folder " + *dir + ": " + made.message()});
        for (const auto& f : *files) {
            // Its name at the clearinghouse, never a path: nothing is written outside DIR.
            const std::string name = std::filesystem::path(f.name).filename().string();
            const std::string path = (std::filesystem::path(*dir) / (name.empty() ? f.sha256 : name)).string();
            if (auto written = core::writeFileAtomically(path, f.content); !written)
                return failure(written.error());
        }
    }
    if (ctx.json()) {
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& f : *files) {
            auto o = newJsonObject();
            o->set("name", f.name);
            o->set("received_at", f.receivedAt);
            o->set("problem", std::string(core::x12ProblemName(f.issue.problem)));
            o->set("line", f.issue.line);
            o->set("bytes", static_cast<Poco::Int64>(f.content.size()));
            out->add(o);
        }
        ctx.printJson(out);
        return {};
    }
    if (files->empty())
        ctx.out() << "No file from the clearinghouse was left unread.\n";
    for (const auto& f : *files)
        ctx.out() << f.receivedAt << "  " << f.name << "  " << words::x12IssueSentence(f.issue) << "\n";
    return {};
}

Outcome importAnswer(CliContext& ctx, core::Session& session)
{
    const std::string path = ctx.args().operand().value_or("");
    auto text = ctx.operandFile();
    if (!text)
        return std::unexpected(text.error());
    auto report = core::ClaimAnswerStore(session).importFile(*text);
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

} // namespace

Outcome runX12(CliContext& ctx)
{
    static const std::vector<Verb> kVerbs = {
        {.name = "export-837", .options = {"out", "batch"}, .required = {"out"}, .unlocked = export837},
        {.name = "import", .operand = "FILE", .unlocked = importAnswer},
        {.name = "unread", .options = {"save"}, .unlocked = unread},
    };
    return runVerb(ctx, kVerbs);
}

} // namespace practica::app
