// sync: connects this workstation to the clinic's sync server, runs sync, shows its state and its conflicts.
#include "Commands.h"
#include "ConflictText.h"
#include "JsonOutput.h"
#include "ScheduleLookup.h"
#include "TotpCommands.h"
#include "core/auth/Vault.h"
#include "core/clinic/ClinicStore.h"
#include "core/sync/Replica.h"
#include "sync/client/Connection.h"
#include "sync/client/SyncEngine.h"
#include "words/ErrorWords.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <limits>
#include <ostream>
#include <unistd.h>

namespace practica::app {

const char* const kSyncHelp = R"(Usage: practica-cli sync <verb> [options]

  enroll --server URL [--ca-file PEM] [--device-name NAME]
        connects this clinic database to the clinic's sync server, where the acting user's
        password is checked too; prints the workstation's number and whether it is approved
  join --server URL --clinic ID --db NEWPATH [--ca-file PEM] [--device-name NAME] [--kdf standard|minimal]
        a new workstation: creates NEWPATH for the acting user from the clinic on the server and
        pulls every record (progress on stderr)
  now   pushes this workstation's changes and pulls the others' until caught up
  status
        pending changes, pull cursor, last success and error, open conflicts, parked changes,
        server and clinic (the id practica-server clinic create --id wants)
  conflicts
        the changes the server refused (a double booking, a duplicate) and why
  parked
        the changes pulled from the server that this workstation could not merge (an unknown
        record type from a newer Practica, a value its rules refuse, a record it refers to that
        has not arrived) and why
  resolve --conflict ID --retry|--discard
        --retry sends the record as it is now here (fix it first, e.g. move the appointment);
        --discard takes the server's version and drops the refused change

URLs are https://HOST:PORT. --ca-file trusts the clinic server's own certificate (see
installer/make-server-cert.sh); enroll and join remember the server and the CA file.
A workstation that waits for approval resumes with 'sync now' once an admin approved it.
Every verb prints one JSON document with --json; conflicts and parked print an array.
)";

namespace {

constexpr std::int64_t kSecond = 1000;

std::string deviceName(const CliContext& ctx)
{
    if (auto name = ctx.option("device-name"); name && !name->empty())
        return *name;
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0 || !*host)
        return "practica-cli";
    return std::string("practica-cli on ") + host;
}

// The failures a person can act on get their own sentence; the rest use the shared wording.
std::unexpected<Failure> syncFailure(const core::Error& error, const core::Session* session = nullptr)
{
    const int code = exitCodeFor(error.code);
    if (error.field == "certificate")
        return std::unexpected(Failure{code, "the sync server's certificate is not trusted (" + error.detail +
                                                 "); give its certificate with --ca-file"});
    if (error.code == core::ErrorCode::NotAuthorized)
        return std::unexpected(Failure{code, "the sync server no longer accepts this workstation's sign-in; enroll "
                                             "it again with 'practica-cli sync enroll --server URL'"});
    if (error.code != core::ErrorCode::DeviceNotApproved)
        return failure(error);
    const std::string device = session ? " (device " + session->deviceId() + ")" : "";
    return std::unexpected(Failure{code, "an admin must approve this workstation" + device +
                                             " on the sync server; then 'practica-cli sync now' resumes"});
}

CliResult<sync::ClientOptions> clientOptions(const std::string& server, const std::string& caFile)
{
    auto options = sync::connectionOptions(server, caFile);
    if (options) {
        options->connectTimeoutMs = 5 * kSecond;
        options->timeoutMs = 60 * kSecond;
        return *options;
    }
    if (options.error().field == "server_url")
        return usageError("--server must be a URL like https://HOST:PORT");
    if (options.error().field == "ca_file")
        return std::unexpected(Failure{kExitNotFound, "no certificate file at " + caFile});
    return failure(options.error());
}

// The server and CA file that enroll or join stored in the workstation's settings.
CliResult<sync::ClientOptions> storedOptions(core::Replica& replica)
{
    auto stored = sync::storedConnection(replica);
    if (!stored)
        return failure(stored.error());
    if (!*stored)
        return std::unexpected(Failure{kExitAuth, "this workstation is not enrolled with a sync server; run "
                                                  "'practica-cli sync enroll --server URL'"});
    sync::ClientOptions options = **stored;
    options.connectTimeoutMs = 5 * kSecond;
    options.timeoutMs = 60 * kSecond;
    return options;
}

// Unlocks with a password already read, so a prompt is not shown twice.
// The current code of the user's authenticator app, for the server's sign-in of a user who set up
// two-step sign-in: --totp or PRACTICA_TOTP.
std::string secondFactorCode(CliContext& ctx)
{
    std::string code = ctx.value("totp");
    if (code.empty())
        if (const char* env = std::getenv("PRACTICA_TOTP"))
            code = env;
    return code;
}

CliResult<std::unique_ptr<core::Session>> unlockWith(CliContext& ctx, const std::string& password)
{
    auto path = ctx.databasePath();
    if (!path)
        return std::unexpected(path.error());
    auto session = core::Vault::unlock(*path, ctx.actingUser(), password, ctx.clock());
    if (!session)
        return failure(session.error());
    if (auto given = giveSecondFactor(ctx, **session); !given)
        return std::unexpected(given.error());
    return std::move(*session);
}

// "pushed N changes" and "pulled N of M changes" on stderr, one line each (rewritten in place on a terminal).
std::function<void(const sync::SyncProgress&)> progressPrinter(CliContext& ctx, std::int64_t startCursor)
{
    const bool terminal = isatty(STDERR_FILENO);
    // Every push batch raises the pushed count; pull pages leave it as it was.
    return [&ctx, startCursor, terminal, pushed = std::int64_t(0)](const sync::SyncProgress& p) mutable {
        const char* end = terminal ? "\r" : "\n";
        if (p.pushed > pushed) {
            pushed = p.pushed;
            ctx.err() << "pushed " << p.pushed << " changes" << end << std::flush;
            return;
        }
        if (p.snapshotTotal > 0) {
            ctx.err() << "received " << p.snapshotRows << " of " << p.snapshotTotal << " records" << end << std::flush;
            return;
        }
        const std::int64_t total = std::max(p.highestSeq - startCursor, p.pulled);
        ctx.err() << "pulled " << p.pulled << " of " << total << " changes" << end << std::flush;
    };
}

Poco::JSON::Object::Ptr reportJson(const sync::SyncReport& r)
{
    auto o = newJsonObject();
    o->set("pushed", r.pushed);
    o->set("duplicates", r.duplicates);
    o->set("conflicts", r.conflicts);
    o->set("redirected", r.redirected);
    o->set("pulled", r.pulled);
    o->set("snapshot_rows", r.snapshotRows);
    o->set("cursor", r.cursor);
    return o;
}

std::string reportText(const sync::SyncReport& r)
{
    std::string text = "Pushed " + std::to_string(r.pushed) + ", pulled " + std::to_string(r.pulled) + " changes; " +
                       std::to_string(r.conflicts) + (r.conflicts == 1 ? " conflict" : " conflicts");
    text += r.conflicts > 0 ? " (see practica-cli sync conflicts).\n" : ".\n";
    if (r.snapshotRows > 0)
        text += "Received " + std::to_string(r.snapshotRows) + " records from the server's snapshot.\n";
    if (r.redirected > 0)
        text += std::to_string(r.redirected) +
                (r.redirected == 1 ? " change referred to a merged patient and was moved"
                                   : " changes referred to merged patients and were moved") +
                " to the surviving record.\n";
    return text;
}

// Opens the session itself: the password it unlocks with also signs in to the server.
Outcome enrollWorkstation(CliContext& ctx)
{
    auto options = clientOptions(ctx.value("server"), ctx.optionOr("ca-file", ""));
    if (!options)
        return std::unexpected(options.error());
    auto password = ctx.password();
    if (!password)
        return std::unexpected(password.error());
    auto session = unlockWith(ctx, *password);
    if (!session)
        return std::unexpected(session.error());
    sync::SyncClient client(*options);
    sync::SyncEngine engine(**session, client);
    auto tokens = engine.enroll(*password, deviceName(ctx), secondFactorCode(ctx));
    if (!tokens)
        return syncFailure(tokens.error(), session->get());
    const bool approved = tokens->deviceStatus == "approved";
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("server", client.options().serverUrl);
        o->set("clinic", tokens->clinicId);
        o->set("device", (*session)->deviceId());
        o->set("workstation_number", tokens->workstationNumber);
        o->set("device_status", tokens->deviceStatus);
        ctx.printJson(o);
    } else {
        ctx.out() << "Enrolled with " << client.options().serverUrl << " as workstation " << tokens->workstationNumber
                  << " (device " << (*session)->deviceId() << "): "
                  << (approved ? "approved; run practica-cli sync now.\n"
                               : "waiting for approval by an admin on the sync server.\n");
    }
    return {};
}

// Creates the database it then opens.
Outcome joinClinic(CliContext& ctx)
{
    auto path = ctx.databasePath();
    auto cost = ctx.kdfCost();
    if (!path || !cost)
        return std::unexpected(!path ? path.error() : cost.error());
    std::error_code ec;
    // Checked before the login, so the server does not register a device for a database never made.
    if (std::filesystem::exists(*path, ec) || std::filesystem::exists(core::KeyFile::pathFor(*path), ec))
        return std::unexpected(Failure{kExitInvalid, *path + " already exists; join makes a new database"});
    auto options = clientOptions(ctx.value("server"), ctx.optionOr("ca-file", ""));
    if (!options)
        return std::unexpected(options.error());
    auto password = ctx.password();
    if (!password)
        return std::unexpected(password.error());
    sync::SyncClient client(*options);
    auto session = sync::SyncEngine::join(client, *path, ctx.value("clinic"), ctx.actingUser(), *password,
                                          deviceName(ctx), ctx.clock(), *cost, secondFactorCode(ctx));
    if (!session)
        return syncFailure(session.error());
    sync::SyncEngine engine(**session, client);
    auto report = engine.syncNow(ctx.json() ? nullptr : progressPrinter(ctx, 0));
    if (!ctx.json() && isatty(STDERR_FILENO))
        ctx.err() << "\n";
    if (!report)
        return syncFailure(report.error(), session->get());
    if (ctx.json()) {
        auto o = reportJson(*report);
        o->set("database", *path);
        o->set("device", (*session)->deviceId());
        ctx.printJson(o);
    } else {
        ctx.out() << "Joined the clinic in " << *path << ". " << reportText(*report);
    }
    return {};
}

Outcome syncNow(CliContext& ctx, core::Session& session)
{
    core::Replica replica(session);
    auto options = storedOptions(replica);
    if (!options)
        return std::unexpected(options.error());
    auto before = replica.status();
    if (!before)
        return failure(before.error());
    const bool showProgress = !ctx.json() && isatty(STDERR_FILENO);
    sync::SyncClient client(*options);
    sync::SyncEngine engine(session, client);
    auto report = engine.syncNow(showProgress ? progressPrinter(ctx, before->cursor) : nullptr);
    if (showProgress)
        ctx.err() << "\n";
    if (!report)
        return syncFailure(report.error(), &session);
    if (ctx.json())
        ctx.printJson(reportJson(*report));
    else
        ctx.out() << reportText(*report);
    return {};
}

Poco::JSON::Object::Ptr parkedJson(const core::ParkedChange& p)
{
    auto o = newJsonObject();
    o->set("change_id", p.changeId);
    o->set("seq", p.seq);
    o->set("entity", p.entity);
    o->set("row_id", p.rowId);
    o->set("code", p.code);
    auto params = newJsonObject();
    for (const auto& [k, v] : p.params)
        params->set(k, v);
    o->set("params", params);
    o->set("reason", parkedSentence(p));
    o->set("parked", utcText(p.parkedMs));
    o->set("author", p.author);
    o->set("device", p.deviceId);
    return o;
}

Outcome showStatus(CliContext& ctx, core::Session& session)
{
    core::Replica replica(session);
    auto st = replica.status();
    if (!st)
        return failure(st.error());
    auto parked = replica.parkedChanges(100);
    if (!parked)
        return failure(parked.error());
    if (st->clinicId.empty()) {
        // Not enrolled yet: the database's own clinic, which the server must be told about.
        auto clinic = core::ClinicStore(session).get();
        if (!clinic)
            return failure(clinic.error());
        st->clinicId = clinic->id;
    }
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("pending", st->pending);
        o->set("cursor", st->cursor);
        o->set("last_success_ms", st->lastSuccessMs > 0 ? Poco::Dynamic::Var(st->lastSuccessMs) : Poco::Dynamic::Var());
        o->set("last_error",
               st->lastError ? Poco::Dynamic::Var(words::errorSentence(*st->lastError)) : Poco::Dynamic::Var());
        o->set("last_error_code", st->lastError
                                      ? Poco::Dynamic::Var(std::string(core::errorCodeName(st->lastError->code)))
                                      : Poco::Dynamic::Var());
        o->set("open_conflicts", st->openConflicts);
        o->set("parked", st->parked);
        Poco::JSON::Array::Ptr parkedList = new Poco::JSON::Array;
        for (const auto& p : *parked)
            parkedList->add(parkedJson(p));
        o->set("parked_changes", parkedList); // the oldest 100; 'sync parked' lists them all
        o->set("server", st->server.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(st->server));
        o->set("clinic", st->clinicId);
        ctx.printJson(o);
        return {};
    }
    ctx.out() << "Server:          " << (st->server.empty() ? "(not enrolled)" : st->server) << "\n"
              << "Clinic:          " << st->clinicId << "\n"
              << "Pending changes: " << st->pending << "\n"
              << "Pull cursor:     " << st->cursor << "\n"
              << "Last success:    " << (st->lastSuccessMs > 0 ? utcText(st->lastSuccessMs) : "never") << "\n"
              << "Last error:      " << (st->lastError ? words::errorSentence(*st->lastError) : "none") << "\n"
              << "Open conflicts:  " << st->openConflicts << "\n"
              << "Parked changes:  " << st->parked << (st->parked > 0 ? " (see practica-cli sync parked)" : "") << "\n";
    return {};
}

Outcome listParked(CliContext& ctx, core::Session& session)
{
    auto parked = core::Replica(session).parkedChanges(std::numeric_limits<int>::max());
    if (!parked)
        return failure(parked.error());
    if (ctx.json()) {
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& p : *parked)
            list->add(parkedJson(p));
        ctx.printJson(list);
        return {};
    }
    if (parked->empty())
        ctx.out() << "No parked changes: every change pulled from the server is merged here.\n";
    for (const auto& p : *parked)
        ctx.out() << "#" << p.seq << "  " << utcText(p.parkedMs) << "  " << p.code << "  " << p.entity << " " << p.rowId
                  << (p.author.empty() ? "" : " (by " + p.author + ")") << ": " << parkedSentence(p) << "\n";
    return {};
}

Poco::JSON::Object::Ptr conflictJson(const core::SyncConflict& c)
{
    auto o = newJsonObject();
    o->set("id", c.id);
    o->set("change_id", c.changeId);
    o->set("entity", c.entity);
    o->set("row_id", c.rowId);
    o->set("code", c.code);
    auto params = newJsonObject();
    for (const auto& [k, v] : c.params)
        params->set(k, v);
    o->set("params", params);
    o->set("reason", conflictSentence(c));
    o->set("detected", utcText(c.detectedMs));
    auto fields = newJsonObject();
    for (const auto& f : c.fields)
        fields->set(f.name, f.value ? Poco::Dynamic::Var(*f.value) : Poco::Dynamic::Var());
    o->set("fields", fields);
    return o;
}

Outcome listConflicts(CliContext& ctx, core::Session& session)
{
    auto conflicts = core::Replica(session).openConflicts();
    if (!conflicts)
        return failure(conflicts.error());
    if (ctx.json()) {
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& c : *conflicts)
            list->add(conflictJson(c));
        ctx.printJson(list);
        return {};
    }
    if (conflicts->empty())
        ctx.out() << "No open conflicts.\n";
    for (const auto& c : *conflicts)
        ctx.out() << c.id << "  " << utcText(c.detectedMs) << "  " << c.code << "  " << c.entity << " " << c.rowId
                  << ": " << conflictSentence(c) << "\n";
    return {};
}

Outcome resolveConflict(CliContext& ctx, core::Session& session)
{
    const std::string id = ctx.value("conflict");
    const bool retry = ctx.args().has("retry");
    if (retry == ctx.args().has("discard"))
        return usageError("sync resolve needs either --retry or --discard");
    core::Replica replica(session);
    auto options = storedOptions(replica);
    if (!options)
        return std::unexpected(options.error());
    sync::SyncClient client(*options);
    sync::SyncEngine engine(session, client);
    if (core::Status s = engine.resolveConflict(id, retry); !s)
        return syncFailure(s.error(), &session);
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("conflict", id);
        o->set("resolution", retry ? "retry" : "discard");
        ctx.printJson(o);
    } else {
        ctx.out() << (retry ? "The record goes to the server again with the next 'practica-cli sync now'.\n"
                            : "The server's version of the record is kept; the refused change was dropped.\n");
    }
    return {};
}

} // namespace

Outcome runSync(CliContext& ctx)
{
    static const std::vector<Verb> kSyncVerbs = {
        {.name = "enroll",
         .options = {"server", "ca-file", "device-name"},
         .required = {"server"},
         .run = enrollWorkstation},
        {.name = "join",
         .options = {"server", "clinic", "ca-file", "device-name", "kdf"},
         .required = {"server", "clinic"},
         .run = joinClinic},
        {.name = "now", .unlocked = syncNow},
        {.name = "status", .unlocked = showStatus},
        {.name = "conflicts", .unlocked = listConflicts},
        {.name = "parked", .unlocked = listParked},
        {.name = "resolve",
         .options = {"conflict", "retry", "discard"},
         .required = {"conflict"},
         .unlocked = resolveConflict},
    };
    return runVerb(ctx, kSyncVerbs);
}

} // namespace practica::app
