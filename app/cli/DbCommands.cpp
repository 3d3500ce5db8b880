// audit and db: the admin's checks on the audit chain and the database file, re-keying, and the digest
// that shows two workstations hold the same records.
#include "Commands.h"
#include "JsonOutput.h"
#include "core/audit/AuditLog.h"
#include "core/auth/Vault.h"
#include "core/db/Transaction.h"
#include "core/sync/Replica.h"

#include <ostream>

namespace practica::app {

const char* const kAuditHelp = R"(Usage: practica-cli audit verify

Walks the append-only audit log and checks every event's hash and its link to the one before.
Prints "intact, N events" and exits 0, or names the first event that does not fit the chain
(its seq and the problem) and exits 7. Needs a role with audit access (admin).
)";

const char* const kDbHelp = R"(Usage: practica-cli db <verb>

  check   runs SQLite's and SQLCipher's integrity checks: prints "ok", or the problems and exits 7
  rekey   generates a new data key, re-encrypts the database with it and re-seals it in every
          user's key slot; passwords do not change
  digest  prints the canonical digest (hex) of the records that sync: two workstations and the
          server that are caught up print the same one

check and rekey need a role with database administration (admin).
)";

namespace {

Outcome verifyAudit(CliContext& ctx, core::Session& s)
{
    if (auto allowed = s.require(core::Permission::AuditRead); !allowed)
        return failure(allowed.error());
    auto result = core::AuditLog(s.db()).verify();
    if (!result)
        return failure(result.error());
    const std::string summary =
        result->intact ? "intact, " + std::to_string(result->eventsChecked) + " events"
                       : "broken at event seq " + std::to_string(result->firstBadSeq) + ": " + result->problem;
    {
        core::Transaction tx(s.db());
        if (!tx.begun())
            return failure(tx.begun().error());
        if (auto st = s.journal().audit(core::AuditAction::Verify, "audit_event", "", summary); !st)
            return failure(st.error());
        if (auto st = tx.commit(); !st)
            return failure(st.error());
    }
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("intact", result->intact);
        o->set("events", result->eventsChecked);
        if (!result->intact) {
            o->set("first_bad_seq", result->firstBadSeq);
            o->set("problem", result->problem);
        }
        ctx.printJson(o);
    } else if (result->intact) {
        ctx.out() << summary << "\n";
    }
    if (!result->intact)
        return std::unexpected(Failure{kExitDamaged, "audit log " + summary});
    return {};
}

Outcome checkDatabase(CliContext& ctx, core::Session& s)
{
    if (auto allowed = s.require(core::Permission::DatabaseAdmin); !allowed)
        return failure(allowed.error());
    auto problems = s.db().integrityCheck();
    if (!problems)
        return failure(problems.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("ok", problems->empty());
        o->set("cipher_version", s.db().cipherVersion());
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& p : *problems)
            list->add(p);
        o->set("problems", list);
        ctx.printJson(o);
    } else if (problems->empty()) {
        ctx.out() << "ok\n";
    } else {
        for (const auto& p : *problems)
            ctx.out() << p << "\n";
    }
    if (!problems->empty())
        return std::unexpected(Failure{kExitDamaged, "the integrity check found " + std::to_string(problems->size()) +
                                                         (problems->size() == 1 ? " problem" : " problems")});
    return {};
}

Outcome rekeyDatabase(CliContext& ctx, core::Session& session)
{
    if (auto s = core::Vault::rotateDataKey(session); !s)
        return failure(s.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("database", session.db().path());
        o->set("rekeyed", true);
        ctx.printJson(o);
    } else {
        ctx.out() << "Re-encrypted " << session.db().path() << " with a new data key; every key slot now holds it.\n";
    }
    return {};
}

Outcome printDigest(CliContext& ctx, core::Session& session)
{
    // --scope: the records as a workstation of that sync scope holds them, to compare with such a desk.
    std::optional<core::SyncScope> scope;
    if (auto name = ctx.args().value("scope")) {
        scope = core::SyncScope::fromName(*name);
        if (!scope)
            return usageError("--scope is all or a role (admin, front_desk, clinician, biller), not '" + *name + "'");
    }
    core::Replica replica(session);
    auto digest = scope ? replica.digest(*scope) : replica.digest();
    if (!digest)
        return failure(digest.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("digest", *digest);
        ctx.printJson(o);
    } else {
        ctx.out() << *digest << "\n";
    }
    return {};
}

} // namespace

Outcome runAudit(CliContext& ctx)
{
    static const std::vector<Verb> kAuditVerbs = {
        {.name = "verify", .unlocked = verifyAudit},
    };
    // A wrong verb is pointed at the only one there is rather than at the help.
    if (const std::string& verb = ctx.args().verb(); !verb.empty() && verb != "verify")
        return usageError("unknown verb 'audit " + verb + "'; try audit verify");
    return runVerb(ctx, kAuditVerbs);
}

Outcome runDb(CliContext& ctx)
{
    static const std::vector<Verb> kDbVerbs = {
        {.name = "check", .unlocked = checkDatabase},
        {.name = "rekey", .unlocked = rekeyDatabase},
        {.name = "digest", .options = {"scope"}, .unlocked = printDigest},
    };
    return runVerb(ctx, kDbVerbs);
}

} // namespace practica::app
