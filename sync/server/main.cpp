// practica-server: the clinic's sync server, and its admin commands.
#include "AccountService.h"
#include "AuditCommands.h"
#include "EmbeddedStore.h"
#include "PostgresStore.h"
#include "SyncServer.h"
#include "SyncService.h"
#include "core/changes/HybridClock.h"
#include "core/crypto/SecretKey.h"
#include "core/util/Uuid.h"
#include "words/ErrorWords.h"

#include <Poco/Util/PropertyFileConfiguration.h>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sodium.h>
#include <sys/stat.h>
#include <vector>

using namespace practica;
using namespace practica::sync;

namespace {

constexpr const char* kUsage = R"(practica-server: the sync server for Practica workstations.

Usage:
  practica-server serve [options]
  practica-server clinic create --name NAME --admin USER [--admin-name NAME] [--id UUID] [options]
  practica-server user add --clinic ID --username USER --role ROLE [--display-name NAME] [--temporary] [options]
  practica-server device list --clinic ID [options]
  practica-server device approve --clinic ID --device ID [options]
  practica-server device scope --clinic ID --device ID --scope all|front_desk|clinician|biller|admin [options]
  practica-server audit verify --clinic ID [options]
  practica-server audit export --clinic ID --from YYYY-MM-DD --to YYYY-MM-DD
                               [--format csv|jsonl] [--out FILE] [options]

Options (also read from the file given by --config, one "name = value" per line):
  --store PATH|URL        the embedded store file (default ./practica-server.db) or
                          postgresql://user@host:port/db for PostgreSQL
  --listen HOST:PORT      address to serve on (default 127.0.0.1:8443)
  --cert FILE --key FILE  TLS certificate and private key (PEM); TLS 1.2 or newer
  --insecure-http         serve plain HTTP (tests only; never on a network)
  --allow-weak-keys       accept user keys made at libsodium's least cost (tests only;
                          by default a key must cost at least 2 passes over 64 MiB)
  --store-key-file F      the embedded store's key (created with the store; default:
                          the systemd credential "store-key" when the service has one,
                          else STORE.key beside the store): keep it on another disk or
                          in a credential, readable only by the service's user
  --token-secret-file F   the secret that signs access tokens (created when absent);
                          every server process of one store must share it
  --threads N             request threads (default 32)
  --max-connections-per-address N
                          connections one client address may hold (default 16; keep it
                          above the number of desks that share one NAT address)
  --request-deadline S    seconds a request's headers may take, and a body's base
                          allowance (plus 1 s per 256 KiB declared; default 5)
  --idle-timeout S        seconds a kept-alive connection may wait between requests
                          (default 10)
  --config FILE           read options from FILE; flags override it
  --help                  this text

Audit: every workstation pushes its hash-chained audit log at each sync; the server keeps one
chain per workstation and checks each event on arrival. 'audit verify' walks every chain of the
clinic and exits 1 when one is broken, naming the device, its first bad seq and the problem
(hash_mismatch, broken_link, gap, out_of_order, rewritten, device_mismatch). 'audit export' writes
the events from --from through --to (both days included, in UTC) ordered by time: CSV (RFC 4180,
the default) or JSON lines, to --out FILE (written atomically) or standard output.

Devices: 'device list' prints each workstation's id, status, number, scope and name. A workstation
receives what its scope reads: 'all', or the records and fields one role may read (minimum
necessary). A new workstation's scope is its enrolling user's role; an admin's enrolment gets 'all'.
'device scope' changes it: the workstation pulls again what a wider scope adds, and removes from its
disk what a narrower one leaves out, at its next sync.

Passwords come from PRACTICA_PASSWORD or, with --password-stdin, from standard input.
Roles: admin, front_desk, clinician, biller.
)";

struct Args
{
    std::vector<std::string> words;
    std::map<std::string, std::string> options;
    bool has(const std::string& k) const { return options.contains(k); }
    std::string get(const std::string& k, const std::string& fallback = {}) const
    {
        auto it = options.find(k);
        return it == options.end() ? fallback : it->second;
    }
};

bool parseArgs(int argc, char** argv, Args& args, std::string& error)
{
    static const std::vector<std::string> flags = {"insecure-http", "allow-weak-keys", "password-stdin", "help"};
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) != 0) {
            args.words.push_back(a);
            continue;
        }
        a = a.substr(2);
        if (auto eq = a.find('='); eq != std::string::npos) {
            args.options[a.substr(0, eq)] = a.substr(eq + 1);
        } else if (std::find(flags.begin(), flags.end(), a) != flags.end()) {
            args.options[a] = "1";
        } else if (i + 1 < argc) {
            args.options[a] = argv[++i];
        } else {
            error = "--" + a + " needs a value";
            return false;
        }
    }
    if (args.has("config")) {
        try {
            Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file(
                new Poco::Util::PropertyFileConfiguration(args.get("config")));
            Poco::Util::AbstractConfiguration::Keys keys;
            file->keys(keys);
            for (const auto& k : keys)
                if (!args.has(k))
                    args.options[k] = file->getString(k);
        } catch (const Poco::Exception& e) {
            error = "cannot read the config file " + args.get("config") + ": " + e.displayText();
            return false;
        }
    }
    return true;
}

int failWith(const std::string& message, int code = 1)
{
    std::cerr << "practica-server: " << message << "\n";
    return code;
}

// Reads or creates a file of secret bytes readable only by the server's user.
bool secretFile(const std::string& path, std::size_t size, std::string& out, std::string& error)
{
    std::ifstream in(path, std::ios::binary);
    if (in) {
        out.assign(std::istreambuf_iterator<char>(in), {});
        if (out.size() != size) {
            error = path + " is damaged (wrong size)";
            return false;
        }
        return true;
    }
    out.resize(size);
    randombytes_buf(out.data(), size);
    const std::string tmp = path + ".tmp";
    {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        ::chmod(tmp.c_str(), 0600);
        file.write(out.data(), static_cast<std::streamsize>(size));
        file.flush();
        if (!file) {
            error = "cannot write " + path;
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        error = "cannot write " + path + ": " + ec.message();
        return false;
    }
    return true;
}

std::unique_ptr<ServerStore> openStore(const Args& args, std::string& error)
{
    const std::string where = args.get("store", "practica-server.db");
    if (where.rfind("postgresql://", 0) == 0 || where.rfind("postgres://", 0) == 0) {
        auto store = PostgresStore::open(where);
        if (!store) {
            error = "cannot open the PostgreSQL store: " + words::errorSentence(store.error());
            return nullptr;
        }
        if (Status s = (*store)->migrate(); !s) {
            error = "cannot prepare the PostgreSQL store: " + words::errorSentence(s.error());
            return nullptr;
        }
        return std::move(*store);
    }
    // The store's key: a file of its own (kept apart from the store, readable only by the service's
    // user), or a systemd credential named store-key (LoadCredential=), or beside the store by default.
    std::string keyPath = where + ".key";
    if (const char* credentials = std::getenv("CREDENTIALS_DIRECTORY"))
        if (std::filesystem::exists(std::string(credentials) + "/store-key"))
            keyPath = std::string(credentials) + "/store-key";
    keyPath = args.get("store-key-file", keyPath);
    std::error_code ec;
    if (std::filesystem::exists(where, ec) && !std::filesystem::exists(keyPath, ec)) {
        error = "the store " + where + " exists but its key " + keyPath + " does not (see --store-key-file)";
        return nullptr;
    }
    std::string keyBytes;
    if (!secretFile(keyPath, core::SecretKey::kSize, keyBytes, error))
        return nullptr;
    std::array<std::uint8_t, core::SecretKey::kSize> raw{};
    std::copy(keyBytes.begin(), keyBytes.end(), raw.begin());
    sodium_memzero(keyBytes.data(), keyBytes.size());
    core::SecretKey key = core::SecretKey::fromBytes(raw);
    sodium_memzero(raw.data(), raw.size());
    auto store = EmbeddedStore::open(where, key);
    if (!store) {
        error = "cannot open the store " + where + ": " + words::errorSentence(store.error());
        return nullptr;
    }
    return std::move(*store);
}

std::string tokenSecret(const Args& args, std::string& error)
{
    const std::string store = args.get("store", "practica-server.db");
    const bool remote = store.find("://") != std::string::npos;
    const std::string path = args.get("token-secret-file", remote ? "practica-server.secret" : store + ".secret");
    std::string secret;
    if (!secretFile(path, 32, secret, error))
        return {};
    return secret;
}

std::string readPassword(const Args& args)
{
    if (args.has("password-stdin")) {
        std::string line;
        std::getline(std::cin, line);
        return line;
    }
    const char* env = std::getenv("PRACTICA_PASSWORD");
    return env ? env : "";
}

int serve(const Args& args)
{
    std::string error;
    auto store = openStore(args, error);
    if (!store)
        return failWith(error);
    const std::string secret = tokenSecret(args, error);
    if (secret.empty())
        return failWith(error);
    ServerOptions options;
    const std::string listen = args.get("listen", "127.0.0.1:8443");
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos)
        return failWith("--listen wants HOST:PORT");
    options.host = listen.substr(0, colon);
    try {
        options.port = std::stoi(listen.substr(colon + 1));
        options.maxThreads = std::stoi(args.get("threads", "32"));
        options.maxConnectionsPerAddress = std::stoi(args.get("max-connections-per-address", "16"));
        options.requestDeadlineSeconds = std::stoi(args.get("request-deadline", "5"));
        options.idleTimeoutSeconds = std::stoi(args.get("idle-timeout", "10"));
    } catch (...) {
        return failWith("--listen port, --threads, --max-connections-per-address, --request-deadline and "
                        "--idle-timeout are numbers",
                        2);
    }
    if (options.maxThreads < 2 || options.maxConnectionsPerAddress < 1 || options.requestDeadlineSeconds < 1 ||
        options.idleTimeoutSeconds < 1)
        return failWith("--threads is at least 2; the other limits at least 1", 2);
    options.insecureHttp = args.has("insecure-http");
    if (args.has("allow-weak-keys"))
        options.minimumKeyCost = core::KdfCost::minimal();
    options.certificateFile = args.get("cert");
    options.privateKeyFile = args.get("key");
    if (!options.insecureHttp && (options.certificateFile.empty() || options.privateKeyFile.empty()))
        return failWith("TLS needs --cert and --key (installer/make-server-cert.sh makes a local pair)", 2);

    // Block the stop signals before threads start, so only the wait below receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    core::SystemClock clock;
    AccountService accounts(*store, clock, secret);
    SyncServer server(*store, accounts, options);
    if (Status s = server.start(); !s)
        return failWith("cannot listen on " + listen + ": " + s.error().detail);
    std::cerr << "practica-server: serving " << (options.insecureHttp ? "http" : "https") << "://" << options.host
              << ":" << server.port() << " (protocol " << kProtocolVersion << ")\n";
    int signal = 0;
    sigwait(&stopSignals, &signal);
    std::cerr << "practica-server: stopping\n";
    server.stop();
    return 0;
}

int admin(const Args& args)
{
    std::string error;
    auto store = openStore(args, error);
    if (!store)
        return failWith(error);
    core::SystemClock clock;
    AccountService accounts(*store, clock, "admin-commands-sign-no-tokens");
    const std::string noun = args.words[0], verb = args.words.size() > 1 ? args.words[1] : "";
    if (noun == "clinic" && verb == "create") {
        if (!args.has("name") || !args.has("admin"))
            return failWith("clinic create needs --name and --admin", 2);
        const std::string password = readPassword(args);
        auto id = accounts.createClinic(args.get("id"), args.get("name"));
        if (!id)
            return failWith(words::errorSentence(id.error()));
        auto user =
            accounts.addUser(*id, args.get("admin"), args.get("admin-name", args.get("admin")), "admin", password);
        if (!user)
            return failWith(words::errorSentence(user.error()));
        std::cout << *id << "\n";
        return 0;
    }
    if (noun == "user" && verb == "add") {
        if (!args.has("clinic") || !args.has("username") || !args.has("role"))
            return failWith("user add needs --clinic, --username and --role", 2);
        const std::string clinic = args.get("clinic"), username = args.get("username");
        const std::string displayName = args.get("display-name", username);
        auto user = accounts.addUser(clinic, username, displayName, args.get("role"), readPassword(args),
                                     core::uuidV7(clock.nowMs()));
        if (!user)
            return failWith(words::errorSentence(user.error()));
        // The account is a synced user record too, so every workstation learns of the user at its next
        // sync and can let them sign in, offline as well. The push path checks it like any other change.
        auto account = store->user(clinic, username);
        if (!account || !*account)
            return failWith("the new account cannot be read back");
        core::SyncChange change;
        change.id = core::uuidV7(clock.nowMs());
        change.entity = "user_account";
        change.rowId = *user;
        change.hlc = core::HybridClock(clock, "server").now().toString();
        change.fields = {{"username", username},
                         {"display_name", displayName},
                         {"role", args.get("role")},
                         {"active", "1"},
                         {"key_material", (*account)->passwordHash},
                         {"must_change_password", args.has("temporary") ? "1" : "0"}};
        const core::RecordTypes types = core::RecordTypes::builtIn();
        SyncService sync(*store, types, clock);
        auto pushed = sync.push(Pusher{clinic, "server-admin", "server-admin", core::Role::Admin},
                                PushRequest{"server", {change}});
        if (!pushed)
            return failWith(words::errorSentence(pushed.error()));
        if (pushed->results.empty() || pushed->results.front().outcome != core::PushOutcome::Applied) {
            const auto& r = pushed->results.front();
            const bool invalid = r.conflictCode == "invalid_field" && r.params.contains("rule");
            core::Error e{invalid ? core::ErrorCode::Validation : core::ErrorCode::Conflict,
                          r.params.contains("field") ? r.params.at("field") : "username",
                          invalid ? r.params.at("rule") : r.conflictCode, r.params};
            return failWith("the account was made, but the clinic's user list refused it: " + words::errorSentence(e));
        }
        std::cout << *user << "\n";
        return 0;
    }
    if (noun == "device" && verb == "list") {
        auto devices = store->devices(args.get("clinic"));
        if (!devices)
            return failWith(words::errorSentence(devices.error()));
        for (const auto& d : *devices)
            std::cout << d.deviceId << "\t" << deviceStatusName(d.status) << "\t" << d.number << "\t" << d.scope << "\t"
                      << d.name << "\n";
        return 0;
    }
    if (noun == "device" && verb == "scope") {
        if (!args.has("clinic") || !args.has("device") || !args.has("scope"))
            return failWith("device scope needs --clinic, --device and --scope", 2);
        auto before =
            accounts.setDeviceScope(args.get("clinic"), args.get("device"), args.get("scope"), "server-admin");
        if (!before)
            return failWith(words::errorSentence(before.error()));
        std::cerr << "practica-server: device scope: clinic " << args.get("clinic") << " device " << args.get("device")
                  << ": " << *before << " -> " << args.get("scope") << " (by server-admin)\n";
        return 0;
    }
    if (noun == "device" && verb == "approve") {
        if (Status s = accounts.approveDevice(args.get("clinic"), args.get("device"), "server-admin"); !s)
            return failWith(words::errorSentence(s.error()));
        return 0;
    }
    if (noun == "audit" && verb == "verify") {
        if (!args.has("clinic"))
            return failWith("audit verify needs --clinic", 2);
        return auditVerify(*store, args.get("clinic"), std::cout, std::cerr);
    }
    if (noun == "audit" && verb == "export") {
        if (!args.has("clinic") || !args.has("from") || !args.has("to"))
            return failWith("audit export needs --clinic, --from and --to", 2);
        AuditExportOptions options{args.get("clinic"), args.get("from"), args.get("to"), args.get("format", "csv"),
                                   args.get("out")};
        return auditExport(*store, options, std::cout, std::cerr);
    }
    return failWith("unknown command; see --help", 2);
}

} // namespace

int main(int argc, char** argv)
{
    if (sodium_init() < 0)
        return failWith("libsodium failed to initialise");
    Args args;
    std::string error;
    if (!parseArgs(argc, argv, args, error))
        return failWith(error, 2);
    if (args.has("help") || args.words.empty()) {
        std::cout << kUsage;
        return args.has("help") ? 0 : 2;
    }
    if (args.words[0] == "serve")
        return serve(args);
    return admin(args);
}
