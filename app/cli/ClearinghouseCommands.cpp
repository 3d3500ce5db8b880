// claims transmit, clearinghouse and fees: the clinic's clearinghouse, its fee schedule, and sending to it.
#include "BillingCliText.h"
#include "BillingVerbs.h"
#include "Commands.h"
#include "JsonOutput.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/patients/CoverageStore.h"
#include "sync/client/ClaimTransmitter.h"
#include "words/BillingWords.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace practica::app {

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
    if (auto v = ctx.option("upload-dir"))
        c.uploadDir = *v, changed = true;
    if (auto v = ctx.option("download-dir"))
        c.downloadDir = *v, changed = true;
    if (auto v = ctx.option("host-key"))
        c.hostKey = *v, changed = true;
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
    // The key is this workstation's, not the clinic's: kept beside the remembered password.
    if (auto v = ctx.option("key-file")) {
        std::optional<std::string> path;
        if (*v != "none")
            path = std::filesystem::absolute(*v).lexically_normal().string();
        if (path && !std::filesystem::is_regular_file(*path))
            return std::unexpected(Failure{kExitNotFound, "no key file at " + *path});
        if (auto kept = store.setKeyFile(path); !kept)
            return failure(kept.error());
    }
    auto keyFile = store.keyFile();
    if (!keyFile)
        return failure(keyFile.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("name", c.name);
        o->set("submitter_id", c.submitterId);
        o->set("receiver_id", c.receiverId);
        o->set("transport", c.transport);
        o->set("endpoint", c.endpoint.value_or(""));
        o->set("username", c.username.value_or(""));
        o->set("upload_dir", c.uploadDir.value_or(""));
        o->set("download_dir", c.downloadDir.value_or(""));
        o->set("host_key", c.hostKey.value_or(""));
        o->set("key_file", keyFile->value_or(""));
        o->set("production", c.production);
        o->set("timely_filing_days", c.timelyFilingDays);
        ctx.printJson(o);
    } else {
        ctx.out() << c.name << (c.production ? " (production)" : " (test)") << "\n"
                  << "  submitter " << c.senderQualifier << ":" << c.submitterId << ", receiver " << c.receiverQualifier
                  << ":" << c.receiverId << "\n"
                  << "  transport " << c.transport << (c.endpoint ? " to " + *c.endpoint : std::string())
                  << (c.username ? " as " + *c.username : std::string()) << "\n";
        if (c.transport == "sftp")
            ctx.out() << "  claims to " << c.uploadDir.value_or("(no upload folder)") << ", answers from "
                      << c.downloadDir.value_or("(no download folder)") << "\n"
                      << "  host key " << c.hostKey.value_or("(not set: nothing is sent)") << "\n"
                      << "  this workstation's key " << keyFile->value_or("(none: password sign-in)") << "\n";
        ctx.out() << "  contact " << c.contactName << ", " << c.contactPhone << "; timely filing " << c.timelyFilingDays
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

Outcome payers(CliContext& ctx, core::Session& session)
{
    core::PayerStore store(session);
    if (auto code = ctx.option("code")) {
        auto all = store.list(true);
        if (!all)
            return failure(all.error());
        auto it = std::find_if(all->begin(), all->end(), [&](const core::Payer& p) { return p.payerCode == *code; });
        if (it == all->end())
            return std::unexpected(Failure{kExitNotFound, "no payer has the payer code " + *code});
        core::Payer payer = *it;
        if (auto v = ctx.option("filing-indicator"))
            payer.filingIndicator = *v;
        if (auto v = ctx.option("timely-filing-days")) {
            if (*v == "none") {
                payer.timelyFilingDays.reset();
            } else {
                auto days = integerOption(ctx, "timely-filing-days", 365, 30, 3650);
                if (!days)
                    return std::unexpected(days.error());
                payer.timelyFilingDays = static_cast<int>(*days);
            }
        }
        if (auto saved = store.update(payer); !saved)
            return failure(saved.error());
    } else if (ctx.option("filing-indicator") || ctx.option("timely-filing-days")) {
        return usageError("--filing-indicator and --timely-filing-days change the payer given with --code");
    }
    auto all = store.list(true);
    if (!all)
        return failure(all.error());
    if (ctx.json()) {
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& p : *all) {
            auto o = newJsonObject();
            o->set("name", p.name);
            o->set("payer_code", p.payerCode);
            o->set("filing_indicator", p.filingIndicator);
            if (p.timelyFilingDays)
                o->set("timely_filing_days", *p.timelyFilingDays);
            else
                o->set("timely_filing_days", Poco::Dynamic::Var());
            o->set("active", p.active);
            out->add(o);
        }
        ctx.printJson(out);
        return {};
    }
    for (const auto& p : *all)
        ctx.out() << p.payerCode << "  " << p.name << "  claims as " << p.filingIndicator << ", timely filing "
                  << (p.timelyFilingDays ? std::to_string(*p.timelyFilingDays) + " days"
                                         : std::string("as the clearinghouse"))
                  << (p.active ? "" : "  (inactive)") << "\n";
    return {};
}

Outcome transmit(CliContext& ctx, core::Session& session)
{
    auto settings = core::ClaimBatchStore(session).clearinghouse();
    if (!settings)
        return failure(settings.error());
    if (settings->transport == "file")
        return std::unexpected(Failure{kExitInvalid, "the clinic's clearinghouse takes files by hand (transport "
                                                     "file): write them with x12 export-837"});
    core::ClaimBatchStore batches(session);
    auto keyFile = batches.keyFile();
    if (!keyFile)
        return failure(keyFile.error());
    // Over SFTP a key without a passphrase needs no password.
    const bool passwordNeeded = !(settings->transport == "sftp" && *keyFile);
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
        if (!*remembered && passwordNeeded)
            return usageError("set PRACTICA_CLEARINGHOUSE_PASSWORD to the clearinghouse password (add --remember "
                              "to keep it on this workstation)");
        password = remembered->value_or("");
    }
    sync::TransportSecrets secrets;
    secrets.password = password;
    secrets.keyFile = *keyFile;
    secrets.caFile = ctx.optionOr("ca-file", "");
    auto transport = sync::openClaimTransport(*settings, secrets);
    if (!transport)
        return std::unexpected(
            Failure{exitCodeFor(transport.error().code), words::transportErrorSentence(transport.error())});
    // A workstation that syncs sends a batch only once the clinic's server took its submission: a claim
    // another workstation submitted first is not sent twice.
    auto gate = sync::WorkstationGate::open(session);
    if (!gate)
        return failure(gate.error());
    auto report = sync::ClaimTransmitter(session, **transport, gate->gate()).run([&](int done, int total) {
        if (!ctx.json())
            ctx.err() << "Sending batches: " << done << " of " << total << "\n";
    });
    if (!report)
        return std::unexpected(
            Failure{exitCodeFor(report.error().code), words::transportErrorSentence(report.error())});
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("batches_sent", report->batchesSent);
        o->set("claims_sent", report->claimsSent);
        o->set("answers_applied", report->answersApplied);
        o->set("offline", report->offline);
        o->set("retry_after_seconds", report->retryDelaySeconds);
        Poco::JSON::Array::Ptr unread = new Poco::JSON::Array;
        for (const auto& u : report->unreadAnswers)
            unread->add(u.name);
        o->set("unread_answers", unread);
        ctx.printJson(o);
    } else {
        ctx.out() << "Sent " << report->claimsSent << " claim(s) in " << report->batchesSent << " batch(es); applied "
                  << report->answersApplied << " answer(s) from the clearinghouse.\n";
        for (const auto& code : report->refusedBatches)
            ctx.out() << "A batch was refused by the clearinghouse: " << code << "\n";
        for (const auto& unread : report->unreadAnswers)
            ctx.out() << "Not an answer Practica reads (kept: x12 unread): " << unread.name << " ("
                      << words::x12IssueSentence(unread.issue) << ")\n";
        for (const auto& n : report->supersededClaims)
            ctx.out() << "Claim " << n << " was submitted first from another workstation; it was not sent from here.\n";
    }
    if (report->offline)
        return std::unexpected(Failure{kExitIo, "the clearinghouse cannot be reached; the claims wait and go at the "
                                                "next transmit (in " +
                                                    std::to_string(report->retryDelaySeconds) + " s or later)"});
    return {};
}

} // namespace practica::app
