// bench_sync demo [--patients N] [--seed S] [--store embedded|postgresql]
//
// The demo clinic (core/demo, with its charts) made in a temporary folder, enrolled with the in-process
// server and its whole outbox pushed; then a fresh workstation joined by the admin (sync scope all) pulls
// it over loopback HTTP (the server's row snapshot, then the changes after it). The floor it is compared with: the rows
// the server holds at the end, inserted straight into an empty database of the same schema, every synced table alike,
// as bench_sync pull defines it (5,000 rows per transaction, no foreign key checks, the patient search index included).
#include "BenchSync.h"
#include "BenchUtil.h"
#include "core/auth/Vault.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/demo/DemoClinic.h"
#include "core/util/Uuid.h"
#include "sync/client/SyncEngine.h"
#include "sync/server/SyncService.h"

#include <map>

namespace practica::bench {

namespace {

struct TableCounts
{
    std::int64_t changes = 0;      // in the server's change log (a first sync from before snapshots pulled them all)
    std::int64_t pulledRows = 0;   // on the fresh workstation afterwards
    std::int64_t insertedRows = 0; // by the bulk insert
};

// Pushes the demo's outbox in process, in outbox order, as the admin whose desk it is: each change carries
// its author's signature (the clinical records the demo's clinician's), and the server authorizes it as
// them. A change the server refuses becomes one of the demo's conflicts (it and the later changes of its
// row stay out of the server's clinic); the refusals are counted by code.
std::map<std::string, std::int64_t> pushOutbox(sync::SyncService& service, core::Session& admin,
                                               const std::string& clinicId)
{
    std::map<std::string, std::int64_t> refused;
    const sync::Pusher adminPusher{clinicId, "bench-admin", "admin", core::Role::Admin};
    core::Replica replica(admin);
    std::int64_t pushed = 0;
    while (true) {
        auto batch = must(replica.outgoing(sync::kMaxPushChanges), "outbox");
        if (batch.empty())
            break;
        auto r = must(service.push(adminPusher, sync::PushRequest{admin.deviceId(), std::move(batch)}), "push");
        for (const auto& res : r.results)
            if (res.outcome == core::PushOutcome::Conflict)
                ++refused[res.conflictCode];
        must(replica.acknowledge(r.results), "acknowledge");
        pushed += static_cast<std::int64_t>(r.results.size());
    }
    std::fprintf(stderr, "pushed %lld changes\n", static_cast<long long>(pushed));
    return refused;
}

// The rows the server holds, not deleted, in (entity, row id) order.
std::vector<core::SyncRow> serverRows(sync::ServerStore& store, const std::string& clinicId)
{
    std::vector<core::SyncRow> rows;
    std::string entity, rowId;
    while (true) {
        auto page = must(store.rowsAfter(clinicId, entity, rowId, 2000), "rows");
        if (page.empty())
            break;
        entity = page.back().entity;
        rowId = page.back().rowId;
        for (auto& row : page)
            if (!row.isDeleted())
                rows.push_back(std::move(row));
    }
    return rows;
}

// Inserts the rows straight into an empty database of the workstation's schema (a joined one, before its
// first sync): one INSERT per row with the same bookkeeping columns a pulled row gets, derived columns
// empty then rebuilt by the type's hook (the patient search index). Bare: foreign keys off and no per-field
// stamps (the floor of earlier runs). As stored: the rows exactly as a synced desk holds them, their
// per-field stamps included, with the foreign keys the workstation's database always checks.
enum class Floor
{
    Bare,
    AsStored
};

double bulkInsert(std::vector<core::SyncRow> rows, const std::string& path, std::map<std::string, TableCounts>& counts,
                  Floor floor)
{
    core::SystemClock clock;
    const core::Actor admin{core::uuidV7(clock.nowMs()), "admin", "Admin", core::Role::Admin};
    auto session = must(core::Vault::joinClinic(path, admin, kPassword, {}, core::uuidV7(clock.nowMs()), 1, clock,
                                                core::KdfCost::minimal()),
                        "bulk db");
    if (floor == Floor::Bare)
        must(session->db().execute("PRAGMA foreign_keys = OFF;"), "fk off");
    const core::RecordTypes types = core::RecordTypes::builtIn();
    if (floor == Floor::AsStored) {
        // Referenced types first, as a snapshot comes (before the clock starts).
        std::vector<std::string> entities;
        for (const core::SyncRow& row : rows)
            if (std::find(entities.begin(), entities.end(), row.entity) == entities.end())
                entities.push_back(row.entity);
        const std::vector<std::string> order = core::Replica(*session).snapshotOrder(entities);
        auto rank = [&](const std::string& e) { return std::find(order.begin(), order.end(), e) - order.begin(); };
        std::stable_sort(rows.begin(), rows.end(), [&](const core::SyncRow& a, const core::SyncRow& b) {
            return rank(a.entity) < rank(b.entity);
        });
    }
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t from = 0; from < rows.size(); from += 5000) {
        core::Transaction tx(session->db());
        if (floor == Floor::AsStored) // a record may refer to one later in its own page
            must(session->db().execute("PRAGMA defer_foreign_keys = ON;"), "defer");
        for (std::size_t i = from; i < std::min(rows.size(), from + 5000); ++i) {
            const core::SyncRow& row = rows[i];
            const core::RecordType* type = types.find(row.entity);
            std::string updated = row.createdHlc.value_or("");
            for (const auto& [field, hlc] : row.fieldHlc)
                updated = std::max(updated, hlc);
            std::string oldest = updated;
            for (const auto& [field, hlc] : row.fieldHlc)
                oldest = std::min(oldest, hlc);
            const std::string created = row.createdHlc.value_or(oldest);
            // A field's own stamp where it differs from the row's creation, as the merger keeps them.
            std::map<std::string, std::string> own;
            if (floor == Floor::AsStored)
                for (const auto& [field, hlc] : row.fieldHlc)
                    if (hlc != created && row.values.contains(field))
                        own.emplace(field, hlc);
            std::string sql = "INSERT INTO " + row.entity + " (id, created_hlc, updated_hlc, field_hlc";
            std::string values = ") VALUES (?, ?, ?, ?";
            if (type)
                for (const auto& d : type->derivedColumns) {
                    sql += ", " + d;
                    values += ", ''";
                }
            for (const auto& [field, value] : row.values) {
                sql += ", " + field;
                values += ", ?";
            }
            auto stmt = must(session->db().prepare(sql + values + ");"), "prepare");
            stmt.bind(1, row.rowId).bind(2, created).bind(3, updated);
            stmt.bind(4, own.empty() ? std::string("{}") : core::fieldStampsToJson(own));
            int k = 5;
            for (const auto& [field, value] : row.values)
                stmt.bind(k++, value);
            must(stmt.run(), "insert");
            if (type && type->derive)
                must(type->derive(*session, row.rowId, true), "derive");
            if (floor == Floor::Bare)
                ++counts[row.entity].insertedRows;
        }
        must(tx.commit(), "commit");
    }
    return msSince(start);
}

} // namespace

int demoBench(int argc, char** argv)
{
    const int patients = std::stoi(option(argc, argv, "--patients", "500"));
    const auto seed = static_cast<std::uint64_t>(std::stoull(option(argc, argv, "--seed", "1")));
    const std::string kind = option(argc, argv, "--store", "embedded");
    Server server(kind);
    QTemporaryDir dir{QDir::tempPath() + "/bench_sync-XXXXXX"};
    core::SystemClock clock;

    core::DemoOptions options;
    options.patients = patients;
    options.seed = seed;
    options.adminPassword = kPassword;
    options.cost = core::KdfCost::minimal();
    const auto generateStart = std::chrono::steady_clock::now();
    core::DemoClinic demo = must(core::createDemoClinic(dir.filePath("demo.db").toStdString(), options, clock), "demo");
    const double generateMs = msSince(generateStart);
    const std::string clinicId = must(core::ClinicStore(*demo.session).get(), "clinic").id;
    std::fprintf(stderr, "demo clinic: %.1f s, %lld appointments, %lld encounters\n", generateMs / 1000.0,
                 static_cast<long long>(demo.appointments), static_cast<long long>(demo.encounters));

    must(server.accounts->createClinic(clinicId, "Riverbend Family Health"), "clinic");
    must(server.accounts->addUser(clinicId, "admin", "Admin", "admin", kPassword), "user");
    sync::SyncClient demoClient({server.url(), {}, 5000, 600000});
    sync::SyncEngine demoEngine(*demo.session, demoClient);
    must(demoEngine.enroll(kPassword, "Front desk"), "enroll");
    const core::RecordTypes types = core::RecordTypes::builtIn();
    sync::SyncService service(*server.store, types, clock);
    service.setMinimumKeyCost(core::KdfCost::minimal()); // the demo's users' keys, as the server's options allow
    const auto pushStart = std::chrono::steady_clock::now();
    const auto refused = pushOutbox(service, *demo.session, clinicId);
    const double pushMs = msSince(pushStart);

    std::map<std::string, TableCounts> counts;
    for (std::int64_t after = 0;;) {
        auto page = must(service.pull(clinicId, after, sync::kMaxPullPage, core::SyncScope::all()), "changes");
        for (const auto& c : page.changes)
            ++counts[c.entity].changes;
        after = page.next;
        if (!page.more)
            break;
    }

    sync::SyncClient client({server.url(), {}, 5000, 600000});
    const auto joinStart = std::chrono::steady_clock::now();
    auto session = must(sync::SyncEngine::join(client, dir.filePath("fresh.db").toStdString(), clinicId, "admin",
                                               kPassword, "Fresh desk", clock, core::KdfCost::minimal()),
                        "join");
    const double joinMs = msSince(joinStart);
    sync::SyncEngine engine(*session, client);
    const auto pullStart = std::chrono::steady_clock::now();
    auto report = must(engine.syncNow(), "first sync");
    const double pullMs = msSince(pullStart);
    const std::string digest = must(engine.replica().digest(), "digest");
    const std::string serverDigest = must(service.digest(clinicId, core::SyncScope::all()), "server digest");
    const auto parked = must(engine.replica().status(), "status").parked;
    for (const auto& table : must(engine.replica().syncedTables(), "tables"))
        counts[table].pulledRows =
            must(must(session->db().prepare("SELECT count(*) FROM " + table + ";"), "count").scalar(), "count");

    const std::vector<core::SyncRow> rows = serverRows(*server.store, clinicId);
    const double bulkMs = bulkInsert(rows, dir.filePath("bulk.db").toStdString(), counts, Floor::Bare);
    const double storedMs = bulkInsert(rows, dir.filePath("stored.db").toStdString(), counts, Floor::AsStored);

    std::printf("\nFirst sync of the demo clinic with its charts (%s store, %d patients, seed %llu)\n\n", kind.c_str(),
                patients, static_cast<unsigned long long>(seed));
    const std::vector<int> tw{22, 10, 12, 12};
    printHeader({"table", "changes", "rows pulled", "rows bulk"}, tw);
    TableCounts total;
    for (const auto& [table, c] : counts) {
        if (c.changes == 0 && c.pulledRows == 0 && c.insertedRows == 0)
            continue;
        printRow({table, std::to_string(c.changes), std::to_string(c.pulledRows), std::to_string(c.insertedRows)}, tw);
        total.changes += c.changes;
        total.pulledRows += c.pulledRows;
        total.insertedRows += c.insertedRows;
    }
    printRow(
        {"total", std::to_string(total.changes), std::to_string(total.pulledRows), std::to_string(total.insertedRows)},
        tw);
    std::printf("\n");
    const std::vector<int> w{44, 14};
    printHeader({"figure", "value"}, w);
    printRow({"demo generation, s", fixed(generateMs / 1000.0, 1)}, w);
    printRow({"push of its outbox (in process), s", fixed(pushMs / 1000.0, 1)}, w);
    printRow({"join (online login, key slot), ms", fixed(joinMs, 0)}, w);
    printRow({"first sync: rows from the snapshot", std::to_string(report.snapshotRows)}, w);
    printRow({"first sync: changes pulled after it", std::to_string(report.pulled)}, w);
    printRow({"first sync over loopback HTTP, s", fixed(pullMs / 1000.0, 2)}, w);
    printRow({"rows/s", fixed(static_cast<double>(report.snapshotRows + report.pulled) / (pullMs / 1000.0), 0)}, w);
    printRow({"bulk insert, bare (no stamps, no FK), s", fixed(bulkMs / 1000.0, 2)}, w);
    printRow({"first sync / bare bulk insert", fixed(pullMs / bulkMs, 2) + "x"}, w);
    printRow({"join + first sync / bare bulk insert", fixed((joinMs + pullMs) / bulkMs, 2) + "x"}, w);
    printRow({"bulk insert as stored (stamps, FK), s", fixed(storedMs / 1000.0, 2)}, w);
    printRow({"first sync / bulk insert as stored", fixed(pullMs / storedMs, 2) + "x"}, w);
    for (const auto& [code, n] : refused)
        printRow({"demo changes refused at push: " + code, std::to_string(n)}, w);
    printRow({"changes parked", std::to_string(parked)}, w);
    printRow({"digest equals the server's", digest == serverDigest ? "yes" : "NO"}, w);
    return digest == serverDigest && parked == 0 ? 0 : 1;
}

} // namespace practica::bench
