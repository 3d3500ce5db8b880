// The PostgreSQL server store against a private PostgreSQL server: migrations (also from several
// processes at once), accounts, devices and refresh tokens, push transactions, rows, bookings and
// unique claims, tenant isolation, and the proof that concurrent pushes never let a puller skip a change.
#include "sync/protocol/Protocol.h"
#include "sync/server/PostgresStore.h"
#include "tests/support/PostgresFixture.h"
#include "tests/support/TestSupport.h"

#include <QtTest>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <libpq-fe.h>
#include <numeric>
#include <random>
#include <set>
#include <thread>

using namespace practica;
using namespace practica::sync;
using core::ErrorCode;

namespace {

std::string nextId(const std::string& prefix)
{
    static std::atomic<int> counter{0};
    return prefix + "-" + std::to_string(++counter);
}

SyncChange change(const std::string& id, std::int64_t seq, const std::string& rowId = "row-1")
{
    SyncChange c;
    c.id = id;
    c.entity = "patient";
    c.rowId = rowId;
    c.hlc = "000001763700000-00000000-ws1";
    c.fields = {{"family_name", "Núñez"}, {"middle_name", std::nullopt}};
    c.deviceId = "ws-1";
    c.seq = seq;
    return c;
}

SyncRow sampleRow(const std::string& entity, const std::string& rowId)
{
    SyncRow row;
    row.entity = entity;
    row.rowId = rowId;
    row.values = {{"family_name", "Rivera"}, {"note", std::nullopt}};
    row.fieldHlc = {{"family_name", "000001763700000-00000000-ws1"}, {"note", "000001763700000-00000000-ws1"}};
    return row;
}

Booking booking(const std::string& id, const std::string& provider, const std::string& room, const std::string& patient,
                std::int64_t start, std::int64_t end)
{
    return Booking{id, provider, room, patient, start, end, false};
}

// One value from the server, over a connection of the test's own; $1 is bound to param.
std::int64_t scalar(const std::string& conninfo, const char* sql, const std::string& param = {})
{
    PGconn* conn = PQconnectdb(conninfo.c_str());
    std::int64_t value = -1;
    if (PQstatus(conn) == CONNECTION_OK) {
        const char* values[] = {param.c_str()};
        PGresult* res = PQexecParams(conn, sql, param.empty() ? 0 : 1, nullptr, values, nullptr, nullptr, 0);
        if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
            value = std::stoll(PQgetvalue(res, 0, 0));
        PQclear(res);
    }
    PQfinish(conn);
    return value;
}

} // namespace

class tst_PostgresStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void migrateTwiceIsFine();
    void concurrentMigrationsTakeTurns();
    void unreachableServerIsOffline();
    void clinicRoundTrip();
    void userRoundTrip();
    void deviceRoundTrip();
    void concurrentEnrolmentsGetDistinctNumbers();
    void refreshTokenIsSingleUse();
    void pushCommitIsDurable();
    void pushWithoutCommitLeavesNothing();
    void pushToUnknownClinicIsNotFound();
    void acceptedSeqFindsAppendedChanges();
    void rowsRoundTripAndPage();
    void overlap_data();
    void overlap();
    void bookingsMoveAndGo();
    void uniqueClaims();
    void clinicsAreIsolated();
    void pushesToOtherClinicsDoNotWait();
    void smallPoolServesManyThreads();
    void concurrentPushesNeverLetAPullerSkip();

private:
    std::string newClinic();

    std::unique_ptr<test::PostgresFixture> m_pg;
    std::unique_ptr<PostgresStore> m_store;
};

void tst_PostgresStore::initTestCase()
{
    m_pg = std::make_unique<test::PostgresFixture>();
    if (!m_pg->available())
        PRACTICA_NEEDS_POSTGRES(m_pg->error());
    QVERIFY2(m_pg->running(), qPrintable(m_pg->error()));
    auto store = PostgresStore::open(m_pg->conninfo());
    QVERIFY2(store, store ? "" : store.error().detail.c_str());
    m_store = std::move(*store);
    auto migrated = m_store->migrate();
    QVERIFY2(migrated, migrated ? "" : migrated.error().detail.c_str());
}

void tst_PostgresStore::cleanupTestCase()
{
    m_store.reset();
    m_pg.reset();
}

std::string tst_PostgresStore::newClinic()
{
    const std::string id = nextId("clinic");
    if (!m_store->createClinic({id, "Riverside Family Practice", 1'763'700'000'000}))
        qFatal("cannot create clinic %s", id.c_str());
    return id;
}

void tst_PostgresStore::migrateTwiceIsFine()
{
    QVERIFY(m_store->migrate());
    QVERIFY(m_store->migrate());
    QCOMPARE(scalar(m_pg->conninfo(), "SELECT count(*) FROM schema_migration"),
             static_cast<std::int64_t>(postgresStoreMigrations().size()));
    QCOMPARE(scalar(m_pg->conninfo(), "SELECT max(version) FROM schema_migration"),
             static_cast<std::int64_t>(postgresStoreMigrations().back().version));
}

void tst_PostgresStore::concurrentMigrationsTakeTurns()
{
    // Server processes starting together on an empty database: one migrates, the others wait and find it done.
    const std::string uri = m_pg->createDatabase("fresh_migrate");
    QVERIFY2(!uri.empty(), qPrintable(m_pg->error()));
    constexpr int kProcesses = 4;
    std::vector<std::string> errors(kProcesses);
    std::vector<std::thread> threads;
    for (int i = 0; i < kProcesses; ++i) {
        threads.emplace_back([&, i] {
            auto store = PostgresStore::open(uri);
            if (!store) {
                errors[i] = store.error().detail;
                return;
            }
            if (auto s = (*store)->migrate(); !s)
                errors[i] = s.error().detail;
        });
    }
    for (auto& t : threads)
        t.join();
    for (const auto& e : errors)
        QVERIFY2(e.empty(), e.c_str());
    QCOMPARE(scalar(uri, "SELECT count(*) FROM schema_migration"),
             static_cast<std::int64_t>(postgresStoreMigrations().size()));
}

void tst_PostgresStore::unreachableServerIsOffline()
{
    auto refused = PostgresStore::open("postgresql://postgres@127.0.0.1:1/practica");
    QVERIFY(!refused);
    QCOMPARE(test::failureOf(refused).code, ErrorCode::Offline);
    auto garbage = PostgresStore::open("host=127.0.0.1 password");
    QVERIFY(!garbage);
    QCOMPARE(test::failureOf(garbage).code, ErrorCode::Validation);
}

void tst_PostgresStore::clinicRoundTrip()
{
    const std::string id = nextId("clinic");
    QVERIFY(m_store->createClinic({id, "Lakeside Pediatrics", 1'763'700'000'123}));
    auto found = m_store->clinic(id);
    QVERIFY(found && *found);
    QCOMPARE((*found)->name, std::string("Lakeside Pediatrics"));
    QCOMPARE((*found)->createdMs, std::int64_t(1'763'700'000'123));
    QCOMPARE(*m_store->highestSeq(id), std::int64_t(0));

    auto again = m_store->createClinic({id, "Another", 1});
    QVERIFY(!again);
    QCOMPARE(test::failureOf(again).code, ErrorCode::AlreadyExists);

    auto missing = m_store->clinic("no-such-clinic");
    QVERIFY(missing && !*missing);
    auto seq = m_store->highestSeq("no-such-clinic");
    QVERIFY(!seq);
    QCOMPARE(test::failureOf(seq).code, ErrorCode::NotFound);
}

void tst_PostgresStore::userRoundTrip()
{
    const std::string clinicId = newClinic();
    ServerUser u;
    u.id = nextId("user");
    u.clinicId = clinicId;
    u.username = "frontdesk";
    u.displayName = "Fran Desk";
    u.role = "front_desk";
    u.passwordHash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    QVERIFY(m_store->createUser(u));

    auto byName = m_store->user(clinicId, "frontdesk");
    QVERIFY(byName && *byName);
    QCOMPARE((*byName)->id, u.id);
    QCOMPARE((*byName)->displayName, u.displayName);
    QCOMPARE((*byName)->role, u.role);
    QCOMPARE((*byName)->passwordHash, u.passwordHash);
    QVERIFY((*byName)->active);
    QCOMPARE((*byName)->failedLogins, 0);

    QVERIFY(m_store->recordLogin(u.id, 3, 1'763'700'900'000));
    auto byId = m_store->userById(u.id);
    QVERIFY(byId && *byId);
    QCOMPARE((*byId)->failedLogins, 3);
    QCOMPARE((*byId)->lockedUntilMs, std::int64_t(1'763'700'900'000));

    QVERIFY(m_store->setPassword(u.id, "$argon2id$new"));
    byId = m_store->userById(u.id);
    QCOMPARE((*byId)->passwordHash, std::string("$argon2id$new"));
    QCOMPARE((*byId)->failedLogins, 0);
    QCOMPARE((*byId)->lockedUntilMs, std::int64_t(0));

    ServerUser twin = u;
    twin.id = nextId("user");
    auto duplicate = m_store->createUser(twin);
    QVERIFY(!duplicate);
    QCOMPARE(test::failureOf(duplicate).code, ErrorCode::AlreadyExists);

    ServerUser inactive = u;
    inactive.id = nextId("user");
    inactive.username = "former";
    inactive.active = false;
    QVERIFY(m_store->createUser(inactive));
    QVERIFY(!(*m_store->user(clinicId, "former"))->active);

    // The same user name in another clinic is another account.
    ServerUser elsewhere = u;
    elsewhere.id = nextId("user");
    elsewhere.clinicId = newClinic();
    QVERIFY(m_store->createUser(elsewhere));

    ServerUser orphan = u;
    orphan.id = nextId("user");
    orphan.clinicId = "no-such-clinic";
    auto refused = m_store->createUser(orphan);
    QVERIFY(!refused);
    QCOMPARE(test::failureOf(refused).code, ErrorCode::NotFound);

    auto unknown = m_store->setPassword("no-such-user", "x");
    QVERIFY(!unknown);
    QCOMPARE(test::failureOf(unknown).code, ErrorCode::NotFound);
    QVERIFY(!*m_store->user(clinicId, "nobody"));
    QVERIFY(!*m_store->userById("no-such-user"));
}

void tst_PostgresStore::deviceRoundTrip()
{
    const std::string clinicId = newClinic();
    ServerDevice d{clinicId, "ws-front", "Front desk PC", DeviceStatus::Pending, "user-1", 1000, "", 0};
    d.scope = "front_desk";
    QVERIFY(m_store->requestDevice(d));
    ServerDevice renamed = d;
    renamed.name = "Renamed";
    renamed.requestedMs = 5000;
    QVERIFY(m_store->requestDevice(renamed)); // already there: left as it is
    QVERIFY(m_store->requestDevice({clinicId, "ws-exam", "Exam room 1", DeviceStatus::Pending, "user-1", 2000, "", 0}));

    auto found = m_store->device(clinicId, "ws-front");
    QVERIFY(found && *found);
    QCOMPARE((*found)->name, std::string("Front desk PC"));
    QCOMPARE((*found)->requestedMs, std::int64_t(1000));
    QCOMPARE((*found)->status, DeviceStatus::Pending);
    QCOMPARE((*found)->number, 1);
    QCOMPARE((*m_store->device(clinicId, "ws-exam"))->number, 2);

    QVERIFY(m_store->setDeviceStatus(clinicId, "ws-front", DeviceStatus::Approved, "admin-1", 3000));
    found = m_store->device(clinicId, "ws-front");
    QCOMPARE((*found)->status, DeviceStatus::Approved);
    QCOMPARE((*found)->approvedBy, std::string("admin-1"));
    QCOMPARE((*found)->approvedMs, std::int64_t(3000));
    // What it receives: as requested, then as an admin sets it.
    QCOMPARE((*found)->scope, std::string("front_desk"));
    QCOMPARE((*m_store->device(clinicId, "ws-exam"))->scope, std::string("all"));
    QVERIFY(m_store->setDeviceScope(clinicId, "ws-front", "clinician", "admin-1", 3500));
    found = m_store->device(clinicId, "ws-front");
    QCOMPARE((*found)->scope, std::string("clinician"));
    QCOMPARE((*found)->scopeSetBy, std::string("admin-1"));
    QCOMPARE((*found)->scopeSetMs, std::int64_t(3500));
    QCOMPARE(test::failureOf(m_store->setDeviceScope(clinicId, "ws-none", "all", "admin-1", 3600)).code,
             ErrorCode::NotFound);

    auto all = m_store->devices(clinicId);
    QVERIFY(all);
    QCOMPARE(all->size(), std::size_t(2));
    QCOMPARE(all->at(0).deviceId, std::string("ws-front"));
    QCOMPARE(all->at(1).deviceId, std::string("ws-exam"));

    auto unknown = m_store->setDeviceStatus(clinicId, "ws-none", DeviceStatus::Revoked, "admin-1", 4000);
    QVERIFY(!unknown);
    QCOMPARE(test::failureOf(unknown).code, ErrorCode::NotFound);
    QVERIFY(!*m_store->device(clinicId, "ws-none"));
    QVERIFY(m_store->devices(newClinic())->empty());

    // Numbers count per clinic.
    const std::string other = newClinic();
    QVERIFY(m_store->requestDevice({other, "ws-front", "Front desk PC", DeviceStatus::Pending, "user-1", 1000, "", 0}));
    QCOMPARE((*m_store->device(other, "ws-front"))->number, 1);
    auto orphan = m_store->requestDevice({"no-such-clinic", "ws-1", "PC", DeviceStatus::Pending, "user-1", 1, "", 0});
    QVERIFY(!orphan);
    QCOMPARE(test::failureOf(orphan).code, ErrorCode::NotFound);
}

void tst_PostgresStore::concurrentEnrolmentsGetDistinctNumbers()
{
    // Workstation numbers go into the MRNs a workstation hands out: two must never share one.
    const std::string clinicId = newClinic();
    constexpr int kDevices = 12;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kDevices; ++i) {
        threads.emplace_back([&, i] {
            const ServerDevice d{clinicId, "ws-" + std::to_string(i), "PC", DeviceStatus::Pending, "user-1", i, "", 0};
            // Each workstation asks twice, as a retrying client would.
            if (!m_store->requestDevice(d) || !m_store->requestDevice(d))
                ++failures;
        });
    }
    for (auto& t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    auto all = m_store->devices(clinicId);
    QVERIFY(all);
    QCOMPARE(all->size(), std::size_t(kDevices));
    std::set<int> numbers;
    for (const ServerDevice& d : *all)
        numbers.insert(d.number);
    QCOMPARE(numbers.size(), std::size_t(kDevices));
    QCOMPARE(*numbers.begin(), 1);
    QCOMPARE(*numbers.rbegin(), kDevices);
}

void tst_PostgresStore::refreshTokenIsSingleUse()
{
    const std::string clinicId = newClinic();
    const RefreshToken token{nextId("hash"), clinicId, "user-1", "ws-1", 1'763'800'000'000};
    QVERIFY(m_store->saveRefreshToken(token));
    auto taken = m_store->takeRefreshToken(token.tokenHash);
    QVERIFY(taken && *taken);
    QCOMPARE((*taken)->clinicId, clinicId);
    QCOMPARE((*taken)->userId, std::string("user-1"));
    QCOMPARE((*taken)->deviceId, std::string("ws-1"));
    QCOMPARE((*taken)->expiresMs, token.expiresMs);
    auto again = m_store->takeRefreshToken(token.tokenHash);
    QVERIFY(again && !*again);

    // Racing refreshes with one token: exactly one wins.
    const RefreshToken raced{nextId("hash"), clinicId, "user-1", "ws-1", 1'763'800'000'000};
    QVERIFY(m_store->saveRefreshToken(raced));
    std::atomic<int> winners{0}, failures{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            auto t = m_store->takeRefreshToken(raced.tokenHash);
            if (!t)
                ++failures;
            else if (*t)
                ++winners;
        });
    }
    for (auto& t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(winners.load(), 1);
}

void tst_PostgresStore::pushCommitIsDurable()
{
    const std::string clinicId = newClinic();
    {
        auto tx = m_store->beginPush(clinicId);
        QVERIFY(tx);
        QCOMPARE((*tx)->highestSeq(), std::int64_t(0));
        SyncChange first = change(nextId("chg"), 1);
        SyncChange second = change(nextId("chg"), 2);
        second.deleted = true;
        second.baseHlc = first.hlc;
        second.fields.clear();
        QVERIFY((*tx)->appendChange(first));
        QVERIFY((*tx)->appendChange(second));
        QVERIFY((*tx)->saveRow(sampleRow("patient", "row-1")));
        QVERIFY((*tx)->commit(2));
        auto after = (*tx)->appendChange(change(nextId("chg"), 3));
        QVERIFY(!after); // an ended push takes no more changes
    }
    QCOMPARE(*m_store->highestSeq(clinicId), std::int64_t(2));
    auto changes = m_store->changesAfter(clinicId, 0, 100);
    QVERIFY(changes);
    QCOMPARE(changes->size(), std::size_t(2));
    const SyncChange& c = changes->at(0);
    QCOMPARE(c.seq, std::int64_t(1));
    QCOMPARE(c.deviceId, std::string("ws-1"));
    QCOMPARE(c.entity, std::string("patient"));
    QCOMPARE(c.rowId, std::string("row-1"));
    QVERIFY(!c.deleted);
    QVERIFY(!c.baseHlc);
    QCOMPARE(*practica::sync::decodeFields(c.fieldsJson), change("x", 1).fields);
    QCOMPARE(changes->at(1).seq, std::int64_t(2));
    QVERIFY(changes->at(1).deleted);
    QCOMPARE(changes->at(1).baseHlc, std::optional<std::string>(c.hlc));
    QVERIFY(practica::sync::decodeFields(changes->at(1).fieldsJson)->empty());

    auto page = m_store->changesAfter(clinicId, 1, 100);
    QCOMPARE(page->size(), std::size_t(1));
    QCOMPARE(page->front().seq, std::int64_t(2));
    QVERIFY(m_store->changesAfter(clinicId, 0, 0)->empty());
    QCOMPARE(m_store->changesAfter(clinicId, 0, 1)->size(), std::size_t(1));

    auto next = m_store->beginPush(clinicId);
    QVERIFY(next);
    QCOMPARE((*next)->highestSeq(), std::int64_t(2));
    auto lower = (*next)->appendChange(change(nextId("chg"), 2));
    QVERIFY(!lower);
    QCOMPARE(test::failureOf(lower).code, ErrorCode::Validation);
}

void tst_PostgresStore::pushWithoutCommitLeavesNothing()
{
    const std::string clinicId = newClinic();
    const std::string changeId = nextId("chg");
    {
        auto tx = m_store->beginPush(clinicId);
        QVERIFY(tx);
        QVERIFY((*tx)->appendChange(change(changeId, 1)));
        QVERIFY((*tx)->saveRow(sampleRow("patient", "row-1")));
        QVERIFY((*tx)->saveBooking(booking("appt-1", "prov-1", "room-1", "pat-1", 1000, 2000)));
        QVERIFY((*tx)->claimUnique("patient", "mrn", "MRN-1", "row-1"));
        // No commit: the destructor rolls back.
    }
    QCOMPARE(*m_store->highestSeq(clinicId), std::int64_t(0));
    QVERIFY(m_store->changesAfter(clinicId, 0, 100)->empty());
    QVERIFY(m_store->rowsAfter(clinicId, "", "", 100)->empty());
    auto tx = m_store->beginPush(clinicId);
    QVERIFY(tx);
    QCOMPARE((*tx)->highestSeq(), std::int64_t(0));
    QVERIFY(!*(*tx)->acceptedSeq(changeId));
    QVERIFY(!*(*tx)->row("patient", "row-1"));
    QVERIFY((*tx)->overlapping(BookingResource::Provider, "prov-1", 0, 5000, "")->empty());
    QVERIFY(!*(*tx)->uniqueOwner("patient", "mrn", "MRN-1"));
}

void tst_PostgresStore::pushToUnknownClinicIsNotFound()
{
    auto tx = m_store->beginPush("no-such-clinic");
    QVERIFY(!tx);
    QCOMPARE(test::failureOf(tx).code, ErrorCode::NotFound);
    // The connection went back to the pool in a usable state.
    QVERIFY(m_store->clinic("no-such-clinic"));
}

void tst_PostgresStore::acceptedSeqFindsAppendedChanges()
{
    const std::string clinicId = newClinic();
    const std::string a = nextId("chg"), b = nextId("chg");
    {
        auto tx = m_store->beginPush(clinicId);
        QVERIFY(tx);
        QVERIFY((*tx)->appendChange(change(a, 1)));
        QCOMPARE(*(*tx)->acceptedSeq(a), std::optional<std::int64_t>(1)); // seen inside its own push
        QVERIFY((*tx)->appendChange(change(b, 2)));
        // A change id accepted before is refused without spoiling the rest of the push.
        auto duplicate = (*tx)->appendChange(change(a, 3));
        QVERIFY(!duplicate);
        QCOMPARE(test::failureOf(duplicate).code, ErrorCode::AlreadyExists);
        QVERIFY((*tx)->commit(2));
    }
    auto tx = m_store->beginPush(clinicId);
    QVERIFY(tx);
    QCOMPARE(*(*tx)->acceptedSeq(a), std::optional<std::int64_t>(1));
    QCOMPARE(*(*tx)->acceptedSeq(b), std::optional<std::int64_t>(2));
    QCOMPARE(*(*tx)->acceptedSeq("never-sent"), std::optional<std::int64_t>());
}

void tst_PostgresStore::rowsRoundTripAndPage()
{
    const std::string clinicId = newClinic();
    // Byte order, as SQLite sorts: upper case before lower case, whatever the server's locale.
    const std::vector<std::string> entities = {"appointment", "patient", "provider"};
    const std::vector<std::string> ids = {"A-1", "B-2", "a-1", "b-2", "c-3", "d-4", "e-5", "f-6"};
    std::vector<std::pair<std::string, std::string>> expected;
    {
        auto tx = m_store->beginPush(clinicId);
        QVERIFY(tx);
        for (const auto& e : entities) {
            for (const auto& id : ids) {
                QVERIFY((*tx)->saveRow(sampleRow(e, id)));
                expected.emplace_back(e, id);
            }
        }
        SyncRow changed = sampleRow("patient", "c-3");
        changed.values["family_name"] = "Okafor";
        changed.deletedHlc = "000001763700001-00000000-ws2";
        QVERIFY((*tx)->saveRow(changed)); // an upsert replaces the row
        auto loaded = (*tx)->row("patient", "c-3");
        QVERIFY(loaded && *loaded);
        QCOMPARE((*loaded)->values, changed.values);
        QCOMPARE((*loaded)->fieldHlc, changed.fieldHlc);
        QCOMPARE((*loaded)->deletedHlc, changed.deletedHlc);
        QVERIFY(!*(*tx)->row("patient", "zz-none"));
        QVERIFY((*tx)->commit(0));
    }
    // Committed, the row reads back outside a push with the same values and stamps.
    auto committed = m_store->row(clinicId, "patient", "c-3");
    QVERIFY(committed && *committed);
    QCOMPARE((*committed)->values.at("family_name"), std::optional<std::string>("Okafor"));
    QCOMPARE((*committed)->deletedHlc, std::optional<std::string>("000001763700001-00000000-ws2"));
    QVERIFY(!*m_store->row(clinicId, "patient", "zz-none"));
    std::sort(expected.begin(), expected.end());
    std::vector<std::pair<std::string, std::string>> seen;
    std::string entity, rowId;
    int pages = 0;
    while (true) {
        auto page = m_store->rowsAfter(clinicId, entity, rowId, 7);
        QVERIFY(page);
        if (page->empty())
            break;
        QVERIFY(page->size() <= 7);
        ++pages;
        for (const auto& r : *page)
            seen.emplace_back(r.entity, r.rowId);
        entity = page->back().entity;
        rowId = page->back().rowId;
    }
    QCOMPARE(pages, 4); // 24 rows in pages of 7
    QCOMPARE(seen, expected);
    auto tail = m_store->rowsAfter(clinicId, "patient", "f-6", 100);
    QCOMPARE(tail->size(), ids.size());
    QCOMPARE(tail->front().entity, std::string("provider"));
    QCOMPARE(tail->front().rowId, std::string("A-1"));
}

void tst_PostgresStore::overlap_data()
{
    QTest::addColumn<int>("resource");
    QTest::addColumn<QString>("resourceId");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<QString>("except");
    QTest::addColumn<QStringList>("expected");

    const int provider = static_cast<int>(BookingResource::Provider);
    const int room = static_cast<int>(BookingResource::Room);
    const int patient = static_cast<int>(BookingResource::Patient);
    // Held: appt-1 prov-1/room-1/pat-1 [1000, 2000); appt-2 prov-2/no room/pat-2 [1000, 2000);
    // appt-3 prov-1/room-2/pat-3 [3000, 4000).
    QTest::newRow("inside") << provider << "prov-1" << qint64(1200) << qint64(1500) << "" << QStringList{"appt-1"};
    QTest::newRow("covering both") << provider << "prov-1" << qint64(0) << qint64(5000) << ""
                                   << QStringList{"appt-1", "appt-3"};
    QTest::newRow("overlaps start") << provider << "prov-1" << qint64(900) << qint64(1001) << ""
                                    << QStringList{"appt-1"};
    QTest::newRow("overlaps end") << provider << "prov-1" << qint64(1999) << qint64(2500) << ""
                                  << QStringList{"appt-1"};
    QTest::newRow("ends as it starts") << provider << "prov-1" << qint64(500) << qint64(1000) << "" << QStringList{};
    QTest::newRow("starts as it ends") << provider << "prov-1" << qint64(2000) << qint64(3000) << "" << QStringList{};
    QTest::newRow("other provider") << provider << "prov-9" << qint64(1000) << qint64(2000) << "" << QStringList{};
    QTest::newRow("itself excluded") << provider << "prov-1" << qint64(1000) << qint64(2000) << "appt-1"
                                     << QStringList{};
    QTest::newRow("room") << room << "room-1" << qint64(1500) << qint64(1600) << "" << QStringList{"appt-1"};
    QTest::newRow("other room") << room << "room-2" << qint64(1500) << qint64(1600) << "" << QStringList{};
    QTest::newRow("no room clashes with nothing") << room << "" << qint64(0) << qint64(5000) << "" << QStringList{};
    QTest::newRow("patient") << patient << "pat-2" << qint64(1500) << qint64(1600) << "" << QStringList{"appt-2"};
    QTest::newRow("patient after") << patient << "pat-3" << qint64(4000) << qint64(4100) << "" << QStringList{};
}

void tst_PostgresStore::overlap()
{
    QFETCH(int, resource);
    QFETCH(QString, resourceId);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(QString, except);
    QFETCH(QStringList, expected);

    auto tx = m_store->beginPush(newClinic());
    QVERIFY(tx);
    QVERIFY((*tx)->saveBooking(booking("appt-1", "prov-1", "room-1", "pat-1", 1000, 2000)));
    QVERIFY((*tx)->saveBooking(booking("appt-2", "prov-2", "", "pat-2", 1000, 2000)));
    QVERIFY((*tx)->saveBooking(booking("appt-3", "prov-1", "room-2", "pat-3", 3000, 4000)));
    auto found = (*tx)->overlapping(static_cast<BookingResource>(resource), resourceId.toStdString(), start, end,
                                    except.toStdString());
    QVERIFY(found);
    QStringList ids;
    for (const Booking& b : *found)
        ids << QString::fromStdString(b.appointmentId);
    QCOMPARE(ids, expected);
}

void tst_PostgresStore::bookingsMoveAndGo()
{
    const std::string clinicId = newClinic();
    {
        auto tx = m_store->beginPush(clinicId);
        QVERIFY(tx);
        Booking b = booking("appt-1", "prov-1", "room-1", "pat-1", 1000, 2000);
        b.overbooked = true;
        QVERIFY((*tx)->saveBooking(b));
        QVERIFY((*tx)->commit(0));
    }
    auto tx = m_store->beginPush(clinicId);
    QVERIFY(tx);
    auto held = (*tx)->overlapping(BookingResource::Patient, "pat-1", 0, 10'000, "");
    QCOMPARE(held->size(), std::size_t(1));
    QVERIFY(held->front().overbooked);
    QCOMPARE(held->front().roomId, std::string("room-1"));

    // Saving again moves it (one booking per appointment), removing frees the time.
    QVERIFY((*tx)->saveBooking(booking("appt-1", "prov-2", "", "pat-1", 5000, 6000)));
    QVERIFY((*tx)->overlapping(BookingResource::Provider, "prov-1", 0, 10'000, "")->empty());
    QVERIFY((*tx)->overlapping(BookingResource::Room, "room-1", 0, 10'000, "")->empty());
    held = (*tx)->overlapping(BookingResource::Provider, "prov-2", 0, 10'000, "");
    QCOMPARE(held->size(), std::size_t(1));
    QCOMPARE(held->front().startMs, std::int64_t(5000));
    QVERIFY(!held->front().overbooked);
    QVERIFY((*tx)->removeBooking("appt-1"));
    QVERIFY((*tx)->overlapping(BookingResource::Patient, "pat-1", 0, 10'000, "")->empty());
    QVERIFY((*tx)->removeBooking("appt-unknown"));
}

void tst_PostgresStore::uniqueClaims()
{
    const std::string clinicId = newClinic();
    {
        auto tx = m_store->beginPush(clinicId);
        QVERIFY(tx);
        QVERIFY(!*(*tx)->uniqueOwner("patient", "mrn", "MRN-100"));
        QVERIFY((*tx)->claimUnique("patient", "mrn", "MRN-100", "row-1"));
        QCOMPARE(*(*tx)->uniqueOwner("patient", "mrn", "MRN-100"), std::optional<std::string>("row-1"));
        QVERIFY((*tx)->commit(0));
    }
    auto tx = m_store->beginPush(clinicId);
    QVERIFY(tx);
    QCOMPARE(*(*tx)->uniqueOwner("patient", "mrn", "MRN-100"), std::optional<std::string>("row-1"));
    QVERIFY(!*(*tx)->uniqueOwner("patient", "mrn", "MRN-101"));
    QVERIFY(!*(*tx)->uniqueOwner("user", "mrn", "MRN-100")); // keyed by entity and field too
    // Only the owner releases a value.
    QVERIFY((*tx)->releaseUnique("patient", "mrn", "MRN-100", "row-2"));
    QCOMPARE(*(*tx)->uniqueOwner("patient", "mrn", "MRN-100"), std::optional<std::string>("row-1"));
    QVERIFY((*tx)->releaseUnique("patient", "mrn", "MRN-100", "row-1"));
    QVERIFY(!*(*tx)->uniqueOwner("patient", "mrn", "MRN-100"));
    // A claim replaces whatever held the value.
    QVERIFY((*tx)->claimUnique("patient", "mrn", "MRN-100", "row-2"));
    QVERIFY((*tx)->claimUnique("patient", "mrn", "MRN-100", "row-3"));
    QCOMPARE(*(*tx)->uniqueOwner("patient", "mrn", "MRN-100"), std::optional<std::string>("row-3"));
}

void tst_PostgresStore::clinicsAreIsolated()
{
    const std::string a = newClinic(), b = newClinic();
    const std::string changeId = nextId("chg");
    {
        auto tx = m_store->beginPush(a);
        QVERIFY(tx);
        QVERIFY((*tx)->appendChange(change(changeId, 1)));
        QVERIFY((*tx)->saveRow(sampleRow("patient", "row-1")));
        QVERIFY((*tx)->saveBooking(booking("appt-1", "prov-1", "room-1", "pat-1", 1000, 2000)));
        QVERIFY((*tx)->claimUnique("patient", "mrn", "MRN-1", "row-1"));
        QVERIFY((*tx)->commit(1));
    }
    QCOMPARE(*m_store->highestSeq(a), std::int64_t(1));
    QCOMPARE(*m_store->highestSeq(b), std::int64_t(0));
    QVERIFY(m_store->changesAfter(b, 0, 100)->empty());
    QVERIFY(m_store->rowsAfter(b, "", "", 100)->empty());
    {
        auto tx = m_store->beginPush(b);
        QVERIFY(tx);
        QVERIFY(!*(*tx)->acceptedSeq(changeId));
        QVERIFY(!*(*tx)->row("patient", "row-1"));
        QVERIFY((*tx)->overlapping(BookingResource::Provider, "prov-1", 0, 5000, "")->empty());
        QVERIFY(!*(*tx)->uniqueOwner("patient", "mrn", "MRN-1"));
        // Keys are per clinic: the same change id, seq and row are B's own.
        QVERIFY((*tx)->appendChange(change(changeId, 1)));
        QVERIFY((*tx)->saveRow(sampleRow("patient", "row-1")));
        QVERIFY((*tx)->commit(1));
    }
    QCOMPARE(m_store->changesAfter(a, 0, 100)->size(), std::size_t(1));
    QCOMPARE(m_store->changesAfter(b, 0, 100)->size(), std::size_t(1));
}

void tst_PostgresStore::pushesToOtherClinicsDoNotWait()
{
    const std::string a = newClinic(), b = newClinic();
    auto holding = m_store->beginPush(a);
    QVERIFY(holding);
    const auto started = std::chrono::steady_clock::now();
    auto other = m_store->beginPush(b);
    QVERIFY(other);
    QVERIFY((*other)->commit(0));
    QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    // Reading a clinic does not wait for its push either, nor does reading one of its rows (what a
    // workstation fetches to take the server's version of a record).
    QCOMPARE(*m_store->highestSeq(a), std::int64_t(0));
    QVERIFY(m_store->changesAfter(a, 0, 10));
    const auto read = std::chrono::steady_clock::now();
    auto none = m_store->row(a, "patient", "no-such-row");
    QVERIFY(none);
    QVERIFY(!*none);
    QVERIFY(std::chrono::steady_clock::now() - read < std::chrono::seconds(5));
}

void tst_PostgresStore::smallPoolServesManyThreads()
{
    auto small = PostgresStore::open(m_pg->conninfo(), 2);
    QVERIFY(small);
    const std::string clinicId = newClinic();
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            for (int n = 0; n < 25; ++n)
                if (!(*small)->clinic(clinicId) || !(*small)->highestSeq(clinicId))
                    ++failures;
        });
    }
    for (auto& t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);

    // A push keeps its connection, and the pool, alive after the store object is gone.
    auto tx = (*small)->beginPush(clinicId);
    QVERIFY(tx);
    small->reset();
    QVERIFY((*tx)->appendChange(change(nextId("chg"), 1)));
    QVERIFY((*tx)->commit(1));
    QCOMPARE(*m_store->highestSeq(clinicId), std::int64_t(1));
}

void tst_PostgresStore::concurrentPushesNeverLetAPullerSkip()
{
    // Pushers commit in whatever order the scheduler picks while pullers page through the log. With
    // seq handed out from a sequence, push 2 could commit before push 1 and a puller would move its
    // cursor past 1 for good. The counter row lock makes each push wait for the previous one's commit.
    constexpr int kPushers = 8;
    constexpr int kPushesEach = 50;
    constexpr int kPullers = 4;
    const std::string clinicId = newClinic();

    std::atomic<int> pushersLeft{kPushers};
    std::atomic<std::int64_t> pushed{0};
    std::vector<std::string> pushErrors(kPushers);
    std::vector<std::thread> threads;
    for (int p = 0; p < kPushers; ++p) {
        threads.emplace_back([&, p] {
            std::mt19937 rng(static_cast<unsigned>(p + 1));
            std::uniform_int_distribution<int> batch(1, 5);
            std::uniform_int_distribution<int> pause(0, 400);
            for (int i = 0; i < kPushesEach && pushErrors[p].empty(); ++i) {
                auto tx = m_store->beginPush(clinicId);
                if (!tx) {
                    pushErrors[p] = "begin: " + tx.error().detail;
                    break;
                }
                const int n = batch(rng);
                std::int64_t seq = (*tx)->highestSeq();
                for (int k = 0; k < n; ++k) {
                    const std::string id = "p" + std::to_string(p) + "-" + std::to_string(i) + "-" + std::to_string(k);
                    if (auto s = (*tx)->appendChange(change(id, ++seq, id)); !s)
                        pushErrors[p] = "append: " + s.error().detail;
                    std::this_thread::sleep_for(std::chrono::microseconds(pause(rng)));
                }
                if (auto s = (*tx)->commit(seq); !s)
                    pushErrors[p] = "commit: " + s.error().detail;
                pushed += n;
            }
            --pushersLeft;
        });
    }

    struct PullerLog
    {
        std::vector<std::int64_t> seqs;
        std::string error;
        int pagesWhilePushing = 0;
    };
    std::vector<PullerLog> logs(kPullers);
    for (int q = 0; q < kPullers; ++q) {
        threads.emplace_back([&, q] {
            PullerLog& log = logs[q];
            std::int64_t cursor = 0;
            while (true) {
                // Read before pulling: when every pusher had finished, an empty page means caught up.
                const bool pushersDone = pushersLeft.load() == 0;
                auto page = m_store->changesAfter(clinicId, cursor, 100);
                if (!page) {
                    log.error = page.error().detail;
                    return;
                }
                for (const SyncChange& c : *page) {
                    log.seqs.push_back(c.seq);
                    cursor = c.seq;
                }
                if (!page->empty() && !pushersDone)
                    ++log.pagesWhilePushing;
                if (page->empty()) {
                    if (pushersDone)
                        return;
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
                }
            }
        });
    }
    for (auto& t : threads)
        t.join();

    for (const auto& e : pushErrors)
        QVERIFY2(e.empty(), e.c_str());
    const std::int64_t total = pushed.load();
    QVERIFY(total >= kPushers * kPushesEach);
    QCOMPARE(*m_store->highestSeq(clinicId), total);

    std::vector<std::int64_t> everySeq(static_cast<std::size_t>(total));
    std::iota(everySeq.begin(), everySeq.end(), std::int64_t(1));
    for (int q = 0; q < kPullers; ++q) {
        QVERIFY2(logs[q].error.empty(), logs[q].error.c_str());
        // Exactly 1..N in order: no gap (a skipped change) and no repeat.
        QCOMPARE(logs[q].seqs.size(), everySeq.size());
        QVERIFY2(logs[q].seqs == everySeq, qPrintable(QString("puller %1 saw a gap or a repeat").arg(q)));
        QVERIFY2(logs[q].pagesWhilePushing > 0, "the puller never ran alongside the pushers");
    }

    std::set<std::string> ids;
    std::int64_t expectedSeq = 0;
    for (std::int64_t cursor = 0;;) {
        auto page = m_store->changesAfter(clinicId, cursor, 1000);
        QVERIFY(page);
        if (page->empty())
            break;
        for (const SyncChange& c : *page) {
            QCOMPARE(c.seq, ++expectedSeq);
            ids.insert(c.id);
        }
        cursor = page->back().seq;
    }
    QCOMPARE(static_cast<std::int64_t>(ids.size()), total);
    QCOMPARE(scalar(m_pg->conninfo(), "SELECT count(*) FROM srv_change WHERE clinic_id = $1", clinicId), total);
}

QTEST_GUILESS_MAIN(tst_PostgresStore)
#include "tst_postgresstore.moc"
