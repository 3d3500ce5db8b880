// Sync figures (issue: sync). Four modes, each printing a table:
//
//   bench_sync pull   [--patients N] [--appointments M] [--store embedded|postgresql]
//       A clinic of N patients and M appointments on the server; a fresh workstation joins and pulls it
//       over loopback HTTP. Compared with bulk-inserting the same rows into a local database directly.
//   bench_sync steady [--rounds R] [--store ...]
//       One workstation edits 100 records and syncs (push 100, pull), R times: latency p50/p95/p99.
//   bench_sync load   [--workstations W] [--rate C] [--seconds S] [--store ...]
//       W workstations each push C changes a second (one push a second) and pull after it, against one
//       server: sustained throughput, push and pull p95, errors.
//   bench_sync demo   [--patients N] [--seed S] [--store ...]
//       The demo clinic with its charts (bench_sync_demo.cpp) pulled by a fresh workstation, compared
//       with bulk-inserting the same rows.
//
// The server runs in this process on 127.0.0.1 (HTTP); with --store postgresql a private PostgreSQL
// cluster is started in a temporary folder (PostgresFixture).
#include "BenchSync.h"
#include "BenchUtil.h"
#include "core/auth/Vault.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/util/Uuid.h"
#include "sync/client/SyncEngine.h"

#include <atomic>
#include <filesystem>
#include <libpq-fe.h>
#include <map>
#include <mutex>
#include <random>
#include <thread>

using namespace practica;
using bench::fixed;
using bench::kPassword;
using bench::msSince;
using bench::must;
using bench::percentile;
using bench::Server;

namespace {

// A source clinic: a real workstation (clinic, admin, providers, types) whose outbox is pushed to the
// server in process, followed by synthetic patients and appointments shaped like the stores' rows.
struct SourceClinic
{
    QTemporaryDir dir{QDir::tempPath() + "/bench_sync-XXXXXX"};
    core::SystemClock clock;
    std::unique_ptr<core::Session> session;
    std::vector<std::string> providers, types;
    std::string clinicId;

    SourceClinic(int providerCount)
    {
        core::Clinic c;
        c.name = "Lakeside Family Medicine";
        c.npi = "1234567893";
        c.taxId = "361234567";
        c.addressLine1 = "100 Main St";
        c.city = "Chicago";
        c.state = "IL";
        c.zip = "60601";
        c.timeZone = "America/Chicago";
        session = must(core::Vault::createClinic(dir.filePath("source.db").toStdString(), c,
                                                 {"admin", "Admin", kPassword}, clock, core::KdfCost::minimal()),
                       "source clinic");
        clinicId = must(core::ClinicStore(*session).get(), "clinic").id;
        core::ScheduleSetupStore setup(*session);
        for (int i = 0; i < providerCount; ++i) {
            core::Provider p;
            p.name = "Provider " + std::to_string(i + 1);
            p.credentials = "MD";
            providers.push_back(must(setup.addProvider(p), "provider").id);
        }
        types.push_back(must(setup.addType({"", "Follow-up", 15, "#457b9d", false, std::nullopt, true}), "type").id);
        types.push_back(must(setup.addType({"", "New patient", 30, "#1d3557", false, std::nullopt, true}), "type").id);
    }
};

class Generator
{
public:
    explicit Generator(const std::string& device) : m_device(device) {}

    core::SyncChange patient(int i, std::string& idOut)
    {
        static const char* families[] = {"Garcia", "Nguyen", "Smith",  "Johnson", "Okafor", "Kowalski",
                                         "Rossi",  "Haddad", "Tanaka", "Dubois",  "Müller", "O'Brien"};
        static const char* givens[] = {"Ana", "Wei", "Liam", "Sofia", "Noah", "Amara", "Jonas", "Mei", "Iker", "Zoe"};
        core::SyncChange c = base("patient");
        idOut = c.rowId;
        char mrn[16];
        std::snprintf(mrn, sizeof mrn, "90%08d", i);
        char dob[16];
        std::snprintf(dob, sizeof dob, "19%02d-%02d-%02d", 30 + i % 70, 1 + i % 12, 1 + i % 28);
        c.fields = {{"mrn", mrn},
                    {"family_name", families[i % 12]},
                    {"given_name", givens[(i / 12) % 10]},
                    {"date_of_birth", dob},
                    {"sex", i % 2 ? "female" : "male"},
                    {"address_line1", std::to_string(100 + i % 900) + " Lake Shore Dr"},
                    {"city", "Chicago"},
                    {"state", "IL"},
                    {"zip", "60611"},
                    {"phone_mobile", "(312) 555-" + std::to_string(1000 + i % 9000)},
                    {"email", "patient" + std::to_string(i) + "@example.org"},
                    {"preferred_language", "en"},
                    {"status", "active"}};
        return c;
    }

    // Appointment k: provider k % P, its (k / P)-th 15-minute slot of working time; the patient is
    // chosen so no patient is in two places at once.
    core::SyncChange appointment(std::int64_t k, const SourceClinic& src, const std::vector<std::string>& patients)
    {
        const auto providerCount = static_cast<std::int64_t>(src.providers.size());
        const std::int64_t provider = k % providerCount, slot = k / providerCount;
        const std::int64_t day = slot / 32, inDay = slot % 32; // 32 slots: 8:00-16:00
        const std::int64_t start = 1'735'740'000'000LL + day * 86'400'000LL + inDay * 900'000LL;
        core::SyncChange c = base("appointment");
        const auto patient =
            static_cast<std::size_t>((slot * providerCount + provider) % static_cast<std::int64_t>(patients.size()));
        char local[32];
        std::snprintf(local, sizeof local, "2025-%02lld-%02lld %02lld:%02lld",
                      static_cast<long long>(1 + day / 28 % 12), static_cast<long long>(1 + day % 28),
                      static_cast<long long>(8 + inDay / 4), static_cast<long long>(inDay % 4 * 15));
        c.fields = {{"patient_id", patients[patient]},
                    {"provider_id", src.providers[static_cast<std::size_t>(provider)]},
                    {"type_id", src.types[0]},
                    {"start_utc_ms", std::to_string(start)},
                    {"end_utc_ms", std::to_string(start + 900'000)},
                    {"minutes", "15"},
                    {"start_local", local},
                    {"reason", "Follow-up visit"},
                    {"status", k % 7 == 0 ? "checked_out" : "scheduled"},
                    {"overbooked", "0"}};
        return c;
    }

private:
    core::SyncChange base(const char* entity)
    {
        ++m_counter;
        core::SyncChange c;
        c.id = core::uuidV7(1'763'700'000'000 + m_counter / 1000);
        c.entity = entity;
        c.rowId = core::uuidV7(1'763'700'000'000 + m_counter / 1000);
        char hlc[96];
        // Stamped after the source clinic's own records: the server refuses a stamp older than the clinic.
        std::snprintf(hlc, sizeof hlc, "%015lld-%08lld-%s", static_cast<long long>(m_baseMs + m_counter / 4096),
                      static_cast<long long>(m_counter % 4096), m_device.c_str());
        c.hlc = hlc;
        c.deviceId = m_device;
        return c;
    }
    std::string m_device;
    std::int64_t m_counter = 0;
    std::int64_t m_baseMs = core::SystemClock().nowMs() + 1000;
};

void pushAll(sync::SyncService& service, const std::string& clinic, const std::string& device,
             std::vector<core::SyncChange>& batch)
{
    sync::PushRequest req{device, std::move(batch)};
    auto r = must(service.push(sync::Pusher{clinic, "bench-admin", "admin", core::Role::Admin}, req), "push");
    for (const auto& res : r.results)
        if (res.outcome == core::PushOutcome::Conflict) {
            std::fprintf(stderr, "unexpected conflict: %s\n", res.reason.c_str());
            std::exit(1);
        }
    batch.clear();
}

// Inserts the same rows straight into a fresh local database (the floor a sync cannot beat).
double bulkInsert(const std::vector<core::SyncChange>& changes, const std::string& path)
{
    core::SystemClock clock;
    core::Clinic c;
    c.name = "Bulk";
    c.npi = "1234567893";
    c.taxId = "361234567";
    c.addressLine1 = "1 Main";
    c.city = "Chicago";
    c.state = "IL";
    c.zip = "60601";
    c.timeZone = "America/Chicago";
    auto session = must(
        core::Vault::createClinic(path, c, {"admin", "Admin", kPassword}, clock, core::KdfCost::minimal()), "bulk db");
    must(session->db().execute("PRAGMA foreign_keys = OFF;"), "fk off");
    const auto start = std::chrono::steady_clock::now();
    core::PatientStore patients(*session);
    for (std::size_t from = 0; from < changes.size(); from += 5000) {
        core::Transaction tx(session->db());
        for (std::size_t i = from; i < std::min(changes.size(), from + 5000); ++i) {
            const auto& ch = changes[i];
            std::string sql = "INSERT INTO " + ch.entity + " (id, created_hlc, updated_hlc, field_hlc";
            if (ch.entity == "patient")
                sql += ", search_name";
            for (const auto& f : ch.fields)
                sql += ", " + f.name;
            sql += ") VALUES (?, ?, ?, '{}'";
            if (ch.entity == "patient")
                sql += ", ''";
            for (std::size_t k = 0; k < ch.fields.size(); ++k)
                sql += ", ?";
            sql += ");";
            auto stmt = must(session->db().prepare(sql), "prepare");
            stmt.bind(1, ch.rowId).bind(2, ch.hlc).bind(3, ch.hlc);
            int k = 4;
            for (const auto& f : ch.fields)
                stmt.bind(k++, f.value);
            must(stmt.run(), "insert");
            if (ch.entity == "patient")
                must(patients.reindexAfterSync(ch.rowId, true), "index");
        }
        must(tx.commit(), "commit");
    }
    return msSince(start);
}

int pullBench(int argc, char** argv)
{
    const int patientCount = std::stoi(bench::option(argc, argv, "--patients", "100000"));
    const std::int64_t appointmentCount = std::stoll(bench::option(argc, argv, "--appointments", "1000000"));
    const std::string kind = bench::option(argc, argv, "--store", "embedded");
    Server server(kind);
    SourceClinic src(20);
    must(server.accounts->createClinic(src.clinicId, "Bench clinic"), "clinic");
    must(server.accounts->addUser(src.clinicId, "admin", "Admin", "admin", kPassword), "user");
    const core::RecordTypes types = core::RecordTypes::builtIn();
    core::SystemClock clock;
    sync::SyncService service(*server.store, types, clock);
    service.setMinimumKeyCost(core::KdfCost::minimal()); // the source clinic's keys are made at the least cost

    // The source workstation's own outbox (clinic, admin, providers, types), then the synthetic rows.
    core::Replica replica(*src.session);
    auto own = must(replica.outgoing(100000), "outbox");
    pushAll(service, src.clinicId, src.session->deviceId(), own);
    Generator gen(src.session->deviceId());
    std::vector<core::SyncChange> all;
    all.reserve(static_cast<std::size_t>(patientCount + appointmentCount));
    std::vector<std::string> patientIds;
    for (int i = 0; i < patientCount; ++i) {
        std::string id;
        all.push_back(gen.patient(i, id));
        patientIds.push_back(id);
    }
    for (std::int64_t k = 0; k < appointmentCount; ++k)
        all.push_back(gen.appointment(k, src, patientIds));
    auto ingestStart = std::chrono::steady_clock::now();
    std::vector<core::SyncChange> batch;
    std::size_t done = 0;
    for (const auto& c : all) {
        batch.push_back(c);
        if (batch.size() == static_cast<std::size_t>(sync::kMaxPushChanges)) {
            pushAll(service, src.clinicId, src.session->deviceId(), batch);
            if ((done += sync::kMaxPushChanges) % 100000 == 0)
                std::fprintf(stderr, "ingested %zu changes, %.0f s\n", done, msSince(ingestStart) / 1000.0);
        }
    }
    if (!batch.empty())
        pushAll(service, src.clinicId, src.session->deviceId(), batch);
    const double ingestMs = msSince(ingestStart);
    std::fprintf(stderr, "server ingest: %.1f s\n", ingestMs / 1000.0);
    if (server.pg) {
        // A server that has been running has had autovacuum go over its tables; a freshly bulk-loaded
        // one has not, and its first reader would pay for setting every row's hint bits.
        PGconn* conn = PQconnectdb(server.pg->conninfo().c_str());
        PQclear(PQexec(conn, "VACUUM ANALYZE"));
        PQfinish(conn);
    }

    QTemporaryDir dir{QDir::tempPath() + "/bench_sync-XXXXXX"};
    sync::SyncClient client({server.url(), {}, 5000, 600000});
    const auto joinStart = std::chrono::steady_clock::now();
    auto session = must(sync::SyncEngine::join(client, dir.filePath("fresh.db").toStdString(), src.clinicId, "admin",
                                               kPassword, "Fresh desk", clock, core::KdfCost::minimal()),
                        "join");
    const double joinMs = msSince(joinStart);
    sync::SyncEngine engine(*session, client);
    const auto pullStart = std::chrono::steady_clock::now();
    auto report = must(engine.syncNow(), "first sync");
    const double pullMs = msSince(pullStart);
    std::fprintf(stderr, "first sync: %.1f s\n", pullMs / 1000.0);
    const std::string digest = must(engine.replica().digest(), "digest");
    const std::string serverDigest = must(service.digest(src.clinicId, core::SyncScope::all()), "server digest");

    const double bulkMs = bulkInsert(all, dir.filePath("bulk.db").toStdString());

    std::printf("\nFirst sync of a fresh workstation (%s store, %d patients, %lld appointments)\n\n", kind.c_str(),
                patientCount, static_cast<long long>(appointmentCount));
    const std::vector<int> w{44, 14};
    bench::printHeader({"figure", "value"}, w);
    bench::printRow({"server ingest (in process), s", fixed(ingestMs / 1000.0, 1)}, w);
    bench::printRow({"join (online login, key slot), ms", fixed(joinMs, 0)}, w);
    bench::printRow({"first sync: rows from the snapshot", std::to_string(report.snapshotRows)}, w);
    bench::printRow({"first sync: changes pulled after it", std::to_string(report.pulled)}, w);
    bench::printRow({"first sync over loopback HTTP, s", fixed(pullMs / 1000.0, 1)}, w);
    bench::printRow({"rows/s", fixed(static_cast<double>(report.snapshotRows + report.pulled) / (pullMs / 1000.0), 0)},
                    w);
    bench::printRow({"bulk insert of the same rows, s", fixed(bulkMs / 1000.0, 1)}, w);
    bench::printRow({"first sync / bulk insert", fixed(pullMs / bulkMs, 2) + "x"}, w);
    bench::printRow({"digest equals the server's", digest == serverDigest ? "yes" : "NO"}, w);
    return digest == serverDigest ? 0 : 1;
}

int steadyBench(int argc, char** argv)
{
    const int rounds = std::stoi(bench::option(argc, argv, "--rounds", "100"));
    const std::string kind = bench::option(argc, argv, "--store", "embedded");
    Server server(kind);
    SourceClinic src(4);
    must(server.accounts->createClinic(src.clinicId, "Bench clinic"), "clinic");
    must(server.accounts->addUser(src.clinicId, "admin", "Admin", "admin", kPassword), "user");
    core::PatientStore patients(*src.session);
    std::vector<std::string> ids;
    for (int i = 0; i < 500; ++i) {
        core::Patient p;
        p.familyName = "Steady";
        p.givenName = "Patient" + std::to_string(i);
        p.dateOfBirth = "1980-01-01";
        p.sex = "unknown";
        ids.push_back(must(patients.create(p), "patient").id);
    }
    sync::SyncClient client({server.url(), {}, 5000, 60000});
    sync::SyncEngine engine(*src.session, client);
    must(engine.enroll(kPassword, "Desk"), "enroll");
    must(engine.syncNow(), "initial sync");
    // A second desk pulls what the first pushed.
    QTemporaryDir dir;
    sync::SyncClient client2({server.url(), {}, 5000, 60000});
    core::SystemClock clock;
    auto other = must(sync::SyncEngine::join(client2, dir.filePath("b.db").toStdString(), src.clinicId, "admin",
                                             kPassword, "Desk 2", clock, core::KdfCost::minimal()),
                      "join");
    sync::SyncEngine engine2(*other, client2);
    must(engine2.syncNow(), "join sync");

    std::vector<double> pushPull, pullOnly;
    std::mt19937 rng(1);
    for (int r = 0; r < rounds; ++r) {
        {
            core::Transaction tx(src.session->db());
            for (int i = 0; i < 100; ++i) {
                auto p = must(patients.get(ids[rng() % ids.size()]), "get");
                p.email = "p" + std::to_string(rng() % 100000) + "@example.org";
                must(patients.update(p), "update");
            }
            must(tx.commit(), "commit");
        }
        const auto pending = must(engine.replica().status(), "status").pending;
        auto t0 = std::chrono::steady_clock::now();
        auto rep = must(engine.syncNow(), "sync");
        pushPull.push_back(msSince(t0));
        if (rep.pushed != pending) {
            std::fprintf(stderr, "pushed %lld of %lld\n", static_cast<long long>(rep.pushed),
                         static_cast<long long>(pending));
            return 1;
        }
        t0 = std::chrono::steady_clock::now();
        must(engine2.syncNow(), "pull");
        pullOnly.push_back(msSince(t0));
    }
    std::printf("\nSteady state: 100 changed records per sync, %d rounds (%s store)\n\n", rounds, kind.c_str());
    const std::vector<int> w{40, 10, 10, 10};
    bench::printHeader({"operation", "p50 ms", "p95 ms", "p99 ms"}, w);
    bench::printRow({"push 100 + pull (the editing desk)", fixed(percentile(pushPull, 50)),
                     fixed(percentile(pushPull, 95)), fixed(percentile(pushPull, 99))},
                    w);
    bench::printRow({"pull 100 (another desk)", fixed(percentile(pullOnly, 50)), fixed(percentile(pullOnly, 95)),
                     fixed(percentile(pullOnly, 99))},
                    w);
    return 0;
}

int loadBench(int argc, char** argv)
{
    const int workstations = std::stoi(bench::option(argc, argv, "--workstations", "50"));
    const int rate = std::stoi(bench::option(argc, argv, "--rate", "20"));
    const int seconds = std::stoi(bench::option(argc, argv, "--seconds", "30"));
    const std::string kind = bench::option(argc, argv, "--store", "postgresql");
    Server server(kind, 32);
    SourceClinic src(2);
    must(server.accounts->createClinic(src.clinicId, "Bench clinic"), "clinic");
    must(server.accounts->addUser(src.clinicId, "admin", "Admin", "admin", kPassword), "user");

    std::mutex mutex;
    std::map<std::string, int> errorKinds;
    std::vector<double> pushMs, pullMs;
    std::atomic<long> accepted{0}, errors{0}, pulled{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    const auto start = std::chrono::steady_clock::now();
    for (int w = 0; w < workstations; ++w) {
        threads.emplace_back([&, w] {
            const std::string device = core::uuidV7(1'763'700'000'000 + w);
            sync::SyncClient client({server.url(), {}, 5000, 30000});
            if (!client.login(src.clinicId, "admin", kPassword, device, "Load desk")) {
                ++errors;
                return;
            }
            Generator gen(device);
            std::int64_t cursor = 0;
            std::vector<double> myPush, myPull;
            auto next = std::chrono::steady_clock::now() + std::chrono::milliseconds(w * 1000 / workstations);
            int i = 0;
            while (!stop) {
                std::this_thread::sleep_until(next);
                next += std::chrono::seconds(1);
                sync::PushRequest req;
                req.deviceId = device;
                for (int k = 0; k < rate; ++k) {
                    std::string id;
                    req.changes.push_back(gen.patient(w * 1'000'000 + i++, id));
                }
                auto t0 = std::chrono::steady_clock::now();
                auto r = client.push(req);
                myPush.push_back(msSince(t0));
                if (!r) {
                    ++errors;
                    std::lock_guard lock(mutex);
                    ++errorKinds[words::errorSentence(r.error())];
                } else
                    accepted += static_cast<long>(r->results.size());
                t0 = std::chrono::steady_clock::now();
                bool more = true;
                while (more) {
                    auto page = client.pull(cursor, 1000);
                    if (!page) {
                        ++errors;
                        std::lock_guard lock(mutex);
                        ++errorKinds[words::errorSentence(page.error())];
                        break;
                    }
                    pulled += static_cast<long>(page->changes.size());
                    cursor = page->next;
                    more = page->more;
                }
                myPull.push_back(msSince(t0));
            }
            std::lock_guard lock(mutex);
            pushMs.insert(pushMs.end(), myPush.begin(), myPush.end());
            pullMs.insert(pullMs.end(), myPull.begin(), myPull.end());
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
    for (auto& t : threads)
        t.join();
    const double elapsed = msSince(start) / 1000.0;
    std::printf("\nLoad: %d workstations x %d changes/s for %d s (%s store, 2 cores shared by server, clients and "
                "database)\n\n",
                workstations, rate, seconds, kind.c_str());
    const std::vector<int> w{36, 14};
    bench::printHeader({"figure", "value"}, w);
    bench::printRow({"offered load, changes/s", std::to_string(workstations * rate)}, w);
    bench::printRow({"accepted, changes/s", fixed(static_cast<double>(accepted) / elapsed, 0)}, w);
    bench::printRow({"pulled by all desks, changes/s", fixed(static_cast<double>(pulled) / elapsed, 0)}, w);
    bench::printRow({"push p50 / p95 / p99, ms", fixed(percentile(pushMs, 50), 1) + " / " +
                                                     fixed(percentile(pushMs, 95), 1) + " / " +
                                                     fixed(percentile(pushMs, 99), 1)},
                    w);
    bench::printRow({"pull p50 / p95 / p99, ms", fixed(percentile(pullMs, 50), 1) + " / " +
                                                     fixed(percentile(pullMs, 95), 1) + " / " +
                                                     fixed(percentile(pullMs, 99), 1)},
                    w);
    bench::printRow({"errors", std::to_string(errors.load())}, w);
    for (const auto& [what, n] : errorKinds)
        std::printf("  %d x %s\n", n, what.c_str());
    return errors == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    core::initCrypto();
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "pull")
        return pullBench(argc, argv);
    if (mode == "steady")
        return steadyBench(argc, argv);
    if (mode == "load")
        return loadBench(argc, argv);
    if (mode == "demo")
        return bench::demoBench(argc, argv);
    std::fprintf(stderr, "usage: bench_sync pull|steady|load|demo [options] (see the file's header)\n");
    return 2;
}
