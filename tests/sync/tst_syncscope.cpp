// A workstation's sync scope (minimum necessary on every disk), with test-only record types: a note only
// clinical roles read, and a visit whose chief complaint they alone read. Over raw HTTP against the
// server (in this process, which knows the test types): a front desk's pull never holds a note or a
// chief complaint while an all-scoped desk's does, its cursor passes what it was not given, and rows and
// digests follow the scope. With two workstations: a front desk and an all-scoped desk converge, each
// through its own scope; a wider scope brings the protected records, a narrower one purges them.
// With PRACTICA_SERVER_STORE=postgresql the server keeps its records in a private PostgreSQL cluster.
#include "PostgresFixture.h"
#include "RecordSamples.h"
#include "ScheduleFixture.h"
#include "SyncFixture.h"
#include "core/audit/AuditLog.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/records/FieldRules.h"
#include "core/sync/SyncScope.h"
#include "core/util/Uuid.h"
#include "sync/server/PostgresStore.h"
#include "sync/server/SyncService.h"
#include "words/ErrorWords.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <QTemporaryDir>
#include <QtTest>

using practica::test::must;

using namespace practica;
using namespace practica::test;
using Poco::JSON::Object;

namespace {

std::string text(const Object& o)
{
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

// The built-in types and two of the tests' own: test_note, read by clinical roles only, and test_visit,
// whose chief complaint only they read.
core::RecordTypes scopedTypes()
{
    core::RecordTypes types = core::RecordTypes::builtIn();
    core::RecordType note;
    note.name = "test_note";
    note.create = note.edit = core::Permission::PatientWrite;
    note.read = core::Permission::ClinicalRead;
    note.fields = {core::reference("patient_id", "patient").required(), core::text("body").required()};
    types.add(note);
    core::RecordType visit;
    visit.name = "test_visit";
    visit.create = visit.edit = core::Permission::PatientWrite;
    visit.fields = {core::reference("patient_id", "patient").required(), core::text("reason"),
                    core::text("chief_complaint")};
    visit.readGuarded = {{"chief_complaint", core::Permission::ClinicalRead}};
    types.add(visit);
    return types;
}

constexpr const char* kMigration =
    "CREATE TABLE test_note (id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patient (id), body TEXT NOT "
    "NULL, created_hlc TEXT NOT NULL, updated_hlc TEXT NOT NULL, field_hlc TEXT NOT NULL DEFAULT '{}');"
    "CREATE TABLE test_visit (id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patient (id), reason TEXT, "
    "chief_complaint TEXT, created_hlc TEXT NOT NULL, updated_hlc TEXT NOT NULL, field_hlc TEXT NOT NULL DEFAULT "
    "'{}');";

// Written through the one write path, as a store of the type would.
core::Status write(core::Session& s, const std::string& table, const std::string& id,
                   std::vector<core::FieldValue> fields, bool creating)
{
    core::Transaction tx(s.db());
    auto hlc = s.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (core::Status w = s.journal().writeRow(table, id, fields, creating, *hlc); !w)
        return w;
    return tx.commit();
}

std::int64_t count(core::Session& s, const std::string& sql)
{
    auto stmt = s.db().prepare(sql);
    if (!stmt)
        qFatal("%s: %s", sql.c_str(), words::errorSentence(stmt.error()).c_str());
    return must(stmt->scalar(), sql.c_str());
}

// A signed-in device of the clinic, spoken to by hand.
struct Device
{
    std::string id;
    std::string token;
};

struct Pulled
{
    std::vector<Object::Ptr> changes;
    std::set<std::string> scopes;
    int pages = 0;
    int emptyPagesWithMore = 0;
    std::int64_t next = 0;
    std::int64_t highest = -1;
};

} // namespace

class tst_SyncScope : public QObject
{
    Q_OBJECT

    std::unique_ptr<PostgresFixture> m_pg;
    int m_databases = 0;
    const core::RecordTypes m_types = scopedTypes();

    // A fresh store for one test: nullptr (the fixture's embedded store) or a new PostgreSQL database.
    std::unique_ptr<sync::ServerStore> newStore()
    {
        if (!m_pg)
            return nullptr;
        const std::string uri = m_pg->createDatabase("practica_scope_" + std::to_string(++m_databases));
        if (uri.empty())
            qFatal("PostgreSQL database: %s", qPrintable(m_pg->error()));
        auto store = must(sync::PostgresStore::open(uri), "PostgreSQL store");
        must(store->migrate(), "migrate");
        return store;
    }

    static Device signIn(ServerFixture& server, const std::string& clinic, const std::string& username,
                         const std::string& device, const std::string& password = kAdminPassword)
    {
        Object body;
        body.set("clinic", clinic);
        body.set("username", username);
        body.set("password", password);
        body.set("device", device);
        auto answer = request(server.port(), "POST", "/v1/login", text(body));
        if (answer.status != 200 || !answer.json)
            qFatal("login %s: HTTP %d", username.c_str(), answer.status);
        return {device, answer.json->getValue<std::string>("access_token")};
    }

    // Pushes one change stamped by the server's clock; returns its id, empty when it was not applied.
    std::string push(ServerFixture& server, const Device& who, const std::string& entity, const std::string& rowId,
                     const SampleFields& fields, bool edit)
    {
        static int counter = 0;
        char hlc[128];
        std::snprintf(hlc, sizeof hlc, "%015lld-%08d-%s", static_cast<long long>(server.clock().nowMs()), ++counter,
                      who.id.c_str());
        Object change(Poco::JSON_PRESERVE_KEY_ORDER);
        const std::string id = core::uuidV7(server.clock().nowMs());
        change.set("id", id);
        change.set("entity", entity);
        change.set("row", rowId);
        change.set("op", "upsert");
        change.set("hlc", std::string(hlc));
        change.set("base", edit ? Poco::Dynamic::Var(std::string(hlc)) : Poco::Dynamic::Var());
        Object::Ptr values = new Object;
        for (const auto& [k, v] : fields)
            values->set(k, v ? Poco::Dynamic::Var(*v) : Poco::Dynamic::Var());
        change.set("fields", values);
        Poco::JSON::Array::Ptr changes = new Poco::JSON::Array;
        changes->add(change);
        Object body;
        body.set("device", who.id);
        body.set("changes", changes);
        auto answer = request(server.port(), "POST", "/v1/push", text(body), who.token);
        if (answer.status != 200 || !answer.json)
            return {};
        auto result = answer.json->getArray("results")->getObject(0);
        return result->getValue<std::string>("outcome") == "applied" ? id : std::string();
    }

    // Every page from the start, limit changes at a time.
    static Pulled pullAll(ServerFixture& server, const Device& who, int limit)
    {
        Pulled p;
        while (true) {
            auto answer = request(server.port(), "GET",
                                  "/v1/changes?after=" + std::to_string(p.next) + "&limit=" + std::to_string(limit), {},
                                  who.token);
            if (answer.status != 200 || !answer.json)
                qFatal("pull: HTTP %d", answer.status);
            ++p.pages;
            p.scopes.insert(answer.json->optValue<std::string>("scope", "(none)"));
            auto changes = answer.json->getArray("changes");
            for (const auto& v : *changes)
                p.changes.push_back(v.extract<Object::Ptr>());
            const bool more = answer.json->getValue<bool>("more");
            if (changes->size() == 0 && more)
                ++p.emptyPagesWithMore;
            const std::int64_t next = answer.json->getValue<std::int64_t>("next");
            if (next <= p.next && more)
                qFatal("pull: the cursor did not move");
            p.next = next;
            p.highest = answer.json->getValue<std::int64_t>("highest_seq");
            if (!more)
                return p;
        }
    }

    static std::string digestOf(ServerFixture& server, const Device& who)
    {
        auto answer = request(server.port(), "GET", "/v1/digest", {}, who.token);
        return answer.status == 200 && answer.json ? answer.json->getValue<std::string>("digest") : std::string();
    }

    static Answer setScope(ServerFixture& server, const Device& who, const std::string& device,
                           const std::string& scope)
    {
        Object body;
        body.set("device", device);
        body.set("scope", scope);
        return request(server.port(), "POST", "/v1/devices/scope", text(body), who.token);
    }

    // Every page of one record type's snapshot rows, limit at a time.
    static std::vector<Object::Ptr> snapshotRows(ServerFixture& server, const Device& who, const std::string& entity,
                                                 int limit, int* pages = nullptr)
    {
        std::vector<Object::Ptr> rows;
        std::string after;
        while (true) {
            auto answer = request(
                server.port(), "GET",
                "/v1/snapshot?entity=" + entity + "&after=" + after + "&limit=" + std::to_string(limit), {}, who.token);
            if (answer.status != 200 || !answer.json)
                qFatal("snapshot page: HTTP %d", answer.status);
            if (pages)
                ++*pages;
            for (const auto& v : *answer.json->getArray("rows"))
                rows.push_back(v.extract<Object::Ptr>());
            const std::string next = answer.json->getValue<std::string>("after");
            if (!answer.json->getValue<bool>("more"))
                return rows;
            if (next <= after)
                qFatal("snapshot: the cursor did not move");
            after = next;
        }
    }

private slots:
    void initTestCase();
    void pullsRowsAndDigestsFollowTheDeviceScope();
    void snapshotPagesFollowTheDeviceScope();
    void aFrontDeskAndAnAllDeskConvergeEachThroughItsScope();
    void aWiderScopeBringsTheRecordsANarrowerOnePurges();
};

void tst_SyncScope::initTestCase()
{
    core::initCrypto();
    if (qEnvironmentVariable("PRACTICA_SERVER_STORE") == QLatin1String("postgresql")) {
        m_pg = std::make_unique<PostgresFixture>("practica_syncscope");
        if (!m_pg->available() || !m_pg->running())
            PRACTICA_NEEDS_POSTGRES(m_pg->error());
    }
}

void tst_SyncScope::pullsRowsAndDigestsFollowTheDeviceScope()
{
    ServerFixture server(newStore(), {}, m_types);
    const std::string clinic = "0190f0e2-0000-7000-8000-00000000c1a0";
    server.createClinic(clinic);
    must(server.accounts().addUser(clinic, "desk", "Dana Desk", "front_desk", kAdminPassword), "desk");
    Device all = signIn(server, clinic, "admin", "desk-all");
    // A front desk's first sign-in asks for its device, which then receives what a front desk reads.
    signIn(server, clinic, "desk", "desk-front");
    must(server.accounts().approveDevice(clinic, "desk-front", "test-admin"), "approve");
    Device front = signIn(server, clinic, "desk", "desk-front");

    std::map<std::string, std::string> refs;
    const std::string patient = core::uuidV7(server.clock().nowMs());
    QVERIFY(!push(server, all, "patient", patient, sampleRecord(*m_types.find("patient"), refs, 1), false).empty());
    const std::string note = core::uuidV7(server.clock().nowMs()), visit = core::uuidV7(server.clock().nowMs());
    const std::string noteMade =
        push(server, all, "test_note", note, {{"patient_id", patient}, {"body", "Sore"}}, false);
    const std::string visitMade =
        push(server, all, "test_visit", visit,
             {{"patient_id", patient}, {"reason", "Follow-up"}, {"chief_complaint", "Chest pain at night"}}, false);
    server.clock().advance(1000);
    const std::string complaintOnly =
        push(server, all, "test_visit", visit, {{"chief_complaint", "Chest pain, worse lying down"}}, true);
    const std::string both =
        push(server, all, "test_visit", visit, {{"reason", "Review"}, {"chief_complaint", "Chest pain, better"}}, true);
    const std::string noteEdit = push(server, all, "test_note", note, {{"body", "Sore, better"}}, true);
    for (const std::string& id : {noteMade, visitMade, complaintOnly, both, noteEdit})
        QVERIFY(!id.empty());

    // The front desk: no note, no chief complaint, no edit that changed only the complaint; the cursor
    // passes them all, page by page, to the clinic's last change.
    Pulled seen = pullAll(server, front, 1);
    QCOMPARE(seen.scopes, std::set<std::string>{"front_desk"});
    QCOMPARE(seen.next, seen.highest);
    QCOMPARE(seen.emptyPagesWithMore, 2); // the first note and the complaint's edit; the last page ends
    std::set<std::string> ids;
    for (const auto& c : seen.changes) {
        ids.insert(c->getValue<std::string>("id"));
        QVERIFY(c->getValue<std::string>("entity") != "test_note");
        QVERIFY(!c->getObject("fields")->has("chief_complaint"));
    }
    QVERIFY(ids.contains(visitMade));
    QVERIFY(ids.contains(both));
    QVERIFY(!ids.contains(complaintOnly));
    QVERIFY(!ids.contains(noteMade) && !ids.contains(noteEdit));
    for (const auto& c : seen.changes)
        if (c->getValue<std::string>("id") == both)
            QCOMPARE(c->getObject("fields")->getValue<std::string>("reason"), std::string("Review"));
    // A workstation of the first protocol would take a cursor past its page's last change for a broken
    // page: a scoped one is told to update; one that receives everything still syncs.
    auto olderPull = [&](const Device& who) {
        Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server.port()));
        Poco::Net::HTTPRequest req("GET", "/v1/changes?after=0", Poco::Net::HTTPMessage::HTTP_1_1);
        req.set("Practica-Protocol", "1");
        req.set("Authorization", "Bearer " + who.token);
        session.sendRequest(req);
        Poco::Net::HTTPResponse response;
        session.receiveResponse(response).ignore(std::numeric_limits<std::streamsize>::max());
        return static_cast<int>(response.getStatus());
    };
    QCOMPARE(olderPull(front), 426);
    QCOMPARE(olderPull(all), 200);
    // In larger pages the same changes arrive.
    Pulled paged = pullAll(server, front, 1000);
    QCOMPARE(paged.pages, 1);
    QCOMPARE(paged.changes.size(), seen.changes.size());

    // The all-scoped desk receives every change as it was pushed.
    Pulled everything = pullAll(server, all, 1000);
    QCOMPARE(everything.scopes, std::set<std::string>{"all"});
    QCOMPARE(static_cast<std::int64_t>(everything.changes.size()), everything.highest);
    int complaints = 0;
    for (const auto& c : everything.changes)
        complaints += c->getObject("fields")->has("chief_complaint") ? 1 : 0;
    QCOMPARE(complaints, 3);

    // One row: a note is not there for the front desk; a visit is, without its complaint.
    QCOMPARE(request(server.port(), "GET", "/v1/rows/test_note/" + note, {}, front.token).status, 404);
    QCOMPARE(request(server.port(), "GET", "/v1/rows/test_note/" + note, {}, all.token).status, 200);
    auto frontVisit = request(server.port(), "GET", "/v1/rows/test_visit/" + visit, {}, front.token);
    QCOMPARE(frontVisit.status, 200);
    QVERIFY(!frontVisit.json->getObject("values")->has("chief_complaint"));
    QCOMPARE(frontVisit.json->getObject("values")->getValue<std::string>("reason"), std::string("Review"));
    auto allVisit = request(server.port(), "GET", "/v1/rows/test_visit/" + visit, {}, all.token);
    QCOMPARE(allVisit.json->getObject("values")->getValue<std::string>("chief_complaint"),
             std::string("Chest pain, better"));

    // Digests: each scope's covers what it reads; the same scope gives the same digest on any device.
    const std::string frontDigest = digestOf(server, front), allDigest = digestOf(server, all);
    QVERIFY(!frontDigest.empty() && !allDigest.empty());
    QVERIFY(frontDigest != allDigest);
    sync::SyncService service(server.store(), m_types, server.clock());
    QCOMPARE(must(service.digest(clinic, core::SyncScope::of(core::Role::FrontDesk)), "front desk digest"),
             frontDigest);
    QCOMPARE(must(service.digest(clinic, core::SyncScope::all()), "digest"), allDigest);
    // A biller reads no note and no complaint either; a clinician reads everything of these.
    QCOMPARE(must(service.digest(clinic, core::SyncScope::of(core::Role::Biller)), "biller"), frontDigest);
    QCOMPARE(must(service.digest(clinic, core::SyncScope::of(core::Role::Clinician)), "clinician"), allDigest);

    // Only an admin changes a scope; the device's next pull is served through the new one.
    QCOMPARE(setScope(server, front, front.id, "all").status, 403);
    QCOMPARE(digestOf(server, front), frontDigest);
    QCOMPARE(setScope(server, all, front.id, "all").status, 200);
    QCOMPARE(digestOf(server, front), allDigest);
    Pulled widened = pullAll(server, front, 1000);
    QCOMPARE(widened.scopes, std::set<std::string>{"all"});
    QCOMPARE(widened.changes.size(), everything.changes.size());
    QCOMPARE(setScope(server, all, all.id, "front_desk").status, 200);
    QCOMPARE(digestOf(server, all), frontDigest);
}

// The rows a first sync is served from: numbered before any row is read, paged by record type, through
// the device's scope (no note for a front desk, no chief complaint), deleted rows kept as tombstones.
void tst_SyncScope::snapshotPagesFollowTheDeviceScope()
{
    ServerFixture server(newStore(), {}, m_types);
    const std::string clinic = "0190f0e2-0000-7000-8000-00000000c1a1";
    server.createClinic(clinic);
    must(server.accounts().addUser(clinic, "desk", "Dana Desk", "front_desk", kAdminPassword), "desk");
    Device all = signIn(server, clinic, "admin", "desk-all");
    signIn(server, clinic, "desk", "desk-front");
    must(server.accounts().approveDevice(clinic, "desk-front", "test-admin"), "approve");
    Device front = signIn(server, clinic, "desk", "desk-front");

    std::map<std::string, std::string> refs;
    std::vector<std::string> patients;
    for (int i = 0; i < 5; ++i) {
        patients.push_back(core::uuidV7(server.clock().nowMs()));
        QVERIFY(!push(server, all, "patient", patients.back(), sampleRecord(*m_types.find("patient"), refs, i), false)
                     .empty());
    }
    const std::string note = core::uuidV7(server.clock().nowMs()), visit = core::uuidV7(server.clock().nowMs());
    QVERIFY(!push(server, all, "test_note", note, {{"patient_id", patients[0]}, {"body", "Sore"}}, false).empty());
    QVERIFY(!push(server, all, "test_visit", visit,
                  {{"patient_id", patients[0]}, {"reason", "Follow-up"}, {"chief_complaint", "Chest pain"}}, false)
                 .empty());
    server.clock().advance(1000);
    QVERIFY(!push(server, all, "test_visit", visit, {{"reason", "Review"}}, true).empty());

    // The start: the number to pull changes from afterwards, and what there is to read.
    auto start = request(server.port(), "GET", "/v1/snapshot", {}, all.token);
    QCOMPARE(start.status, 200);
    const std::int64_t seq = start.json->getValue<std::int64_t>("seq");
    QCOMPARE(seq, pullAll(server, all, 1000).highest);
    QCOMPARE(start.json->getObject("rows")->getValue<std::int64_t>("patient"), std::int64_t(5));
    QVERIFY(start.json->getObject("rows")->has("test_note"));
    auto frontStart = request(server.port(), "GET", "/v1/snapshot", {}, front.token);
    QCOMPARE(frontStart.json->getValue<std::string>("scope"), std::string("front_desk"));
    QVERIFY(!frontStart.json->getObject("rows")->has("test_note"));
    QVERIFY(frontStart.json->getObject("rows")->has("test_visit"));

    // Paged one, two or a hundred at a time: the same rows, in id order, each once.
    for (int limit : {1, 2, 5, 100}) {
        int pages = 0;
        auto rows = snapshotRows(server, all, "patient", limit, &pages);
        QCOMPARE(rows.size(), std::size_t(5));
        QCOMPARE(pages, limit >= 100 ? 1 : 5 / limit + 1); // a full last page says more: one empty page ends it
        for (std::size_t i = 0; i < rows.size(); ++i)
            QCOMPARE(rows[i]->getValue<std::string>("row"), patients[i]);
    }
    auto allVisits = snapshotRows(server, all, "test_visit", 100);
    QCOMPARE(allVisits.size(), std::size_t(1));
    QCOMPARE(allVisits[0]->getObject("values")->getValue<std::string>("chief_complaint"), std::string("Chest pain"));
    QCOMPARE(allVisits[0]->getObject("values")->getValue<std::string>("reason"), std::string("Review"));
    // Stamped when the visit was made: the stamp is implied by created_hlc rather than repeated.
    QVERIFY(!allVisits[0]->getObject("field_hlc")->has("chief_complaint"));
    QVERIFY(allVisits[0]->has("created_hlc"));
    QCOMPARE(snapshotRows(server, all, "test_note", 100).size(), std::size_t(1));

    // The front desk: no note at all, a visit without its complaint (value and stamp).
    QCOMPARE(snapshotRows(server, front, "test_note", 100).size(), std::size_t(0));
    auto frontVisits = snapshotRows(server, front, "test_visit", 100);
    QCOMPARE(frontVisits.size(), std::size_t(1));
    QVERIFY(!frontVisits[0]->getObject("values")->has("chief_complaint"));
    QVERIFY(!frontVisits[0]->getObject("field_hlc")->has("chief_complaint"));
    QCOMPARE(frontVisits[0]->getObject("values")->getValue<std::string>("reason"), std::string("Review"));

    // A change accepted after the start is numbered after it: the pull from the snapshot's number brings it.
    server.clock().advance(1000);
    const std::string late = push(server, all, "test_visit", visit, {{"reason", "Late change"}}, true);
    QVERIFY(!late.empty());
    auto after =
        request(server.port(), "GET", "/v1/changes?after=" + std::to_string(seq) + "&limit=100", {}, front.token);
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json->getArray("changes")->size(), std::size_t(1));
    QCOMPARE(after.json->getArray("changes")->getObject(0)->getValue<std::string>("id"), late);

    // Bad requests are refused; an unknown type has no rows.
    QCOMPARE(request(server.port(), "GET", "/v1/snapshot?entity=Patient;DROP", {}, all.token).status, 400);
    QCOMPARE(request(server.port(), "GET", "/v1/snapshot?entity=patient&limit=0", {}, all.token).status, 400);
    QCOMPARE(request(server.port(), "GET", "/v1/snapshot", {}, {}).status, 401);
    QCOMPARE(snapshotRows(server, all, "no_such_type", 10).size(), std::size_t(0));
}

void tst_SyncScope::aFrontDeskAndAnAllDeskConvergeEachThroughItsScope()
{
    ScheduleFixture fx;
    ServerFixture server(newStore(), {}, m_types);
    const std::string clinic = must(core::ClinicStore(fx.admin()).get(), "clinic").id;
    server.createClinic(clinic);
    must(fx.admin().db().execute(kMigration), "ws1 tables");
    auto ws1 = Workstation::enroll(fx.admin(), server.url());
    ws1->knowRecordTypes(m_types);
    must(ws1->sync(), "ws1");
    QTemporaryDir dir;
    auto ws2 = Workstation::join(server.url(), dir.filePath("front.db").toStdString(), clinic, fx.clinic().clock());
    must(ws2->session->db().execute(kMigration), "ws2 tables");
    ws2->knowRecordTypes(m_types);
    // An admin set the desk up and made it a front desk before its first pull.
    must(server.accounts().setDeviceScope(clinic, ws2->session->deviceId(), "front_desk", "test-admin"), "scope");
    auto first = must(ws2->sync(), "ws2 joins");
    QCOMPARE(first.purged, std::int64_t(0));
    QCOMPARE(must(ws2->engine->replica().scope(), "scope").name(), std::string("front_desk"));

    // The exam room writes notes and visits; the front desk writes a visit with a complaint and, for a
    // doctor standing at it, a note: both go out as usual.
    for (int i = 0; i < 3; ++i) {
        const std::string n = core::uuidV7(fx.clinic().clock().nowMs());
        must(write(*ws1->session, "test_note", n,
                   {{"patient_id", fx.patients.at(i)}, {"body", std::string("Note ") + std::to_string(i)}}, true),
             "ws1 note");
        const std::string v = core::uuidV7(fx.clinic().clock().nowMs());
        must(write(*ws1->session, "test_visit", v,
                   {{"patient_id", fx.patients.at(i)},
                    {"reason", std::string("Visit ") + std::to_string(i)},
                    {"chief_complaint", std::string("Cough")}},
                   true),
             "ws1 visit");
    }
    const std::string deskNote = core::uuidV7(fx.clinic().clock().nowMs());
    must(write(*ws2->session, "test_note", deskNote, {{"patient_id", fx.patients.at(4)}, {"body", "Written at desk"}},
               true),
         "ws2 note");
    const std::string deskVisit = core::uuidV7(fx.clinic().clock().nowMs());
    must(write(*ws2->session, "test_visit", deskVisit,
               {{"patient_id", fx.patients.at(4)}, {"reason", "Walk-in"}, {"chief_complaint", "Dizzy"}}, true),
         "ws2 visit");
    must(ws1->sync(), "ws1 pushes");
    auto pushed = must(ws2->sync(), "ws2 pushes and pulls");
    QCOMPARE(pushed.conflicts, std::int64_t(0));
    // What the desk wrote but does not read left its disk once the server had it: its note, its complaint.
    QCOMPARE(pushed.purged, std::int64_t(2));
    must(ws1->sync(), "ws1 pulls");

    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM test_note;"), std::int64_t(0));
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM test_visit;"), std::int64_t(4));
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM test_visit WHERE chief_complaint IS NOT NULL;"),
             std::int64_t(0));
    QCOMPARE(count(*ws1->session, "SELECT count(*) FROM test_note;"), std::int64_t(4));
    QCOMPARE(count(*ws1->session, "SELECT count(*) FROM test_visit WHERE chief_complaint IS NOT NULL;"),
             std::int64_t(4));
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM audit_event WHERE action = 'sync_purge' AND detail LIKE "
                                  "'2 rows %';"),
             std::int64_t(1));

    // Each desk matches the server through its own scope, and what both read is the same on both.
    QCOMPARE(must(ws1->engine->serverDigest(), "server for ws1"), ws1->digest());
    QCOMPARE(must(ws2->engine->serverDigest(), "server for ws2"), ws2->digest());
    QVERIFY(ws1->digest() != ws2->digest());
    sync::SyncService service(server.store(), m_types, server.clock());
    QCOMPARE(must(service.digest(clinic, core::SyncScope::of(core::Role::FrontDesk)), "front desk digest"),
             ws2->digest());
}

void tst_SyncScope::aWiderScopeBringsTheRecordsANarrowerOnePurges()
{
    ScheduleFixture fx;
    ServerFixture server(newStore(), {}, m_types);
    const std::string clinic = must(core::ClinicStore(fx.admin()).get(), "clinic").id;
    server.createClinic(clinic);
    must(fx.admin().db().execute(kMigration), "ws1 tables");
    auto ws1 = Workstation::enroll(fx.admin(), server.url());
    ws1->knowRecordTypes(m_types);
    std::vector<std::string> notes, visits;
    for (int i = 0; i < 4; ++i) {
        notes.push_back(core::uuidV7(fx.clinic().clock().nowMs()));
        must(write(*ws1->session, "test_note", notes.back(), {{"patient_id", fx.patients.at(i)}, {"body", "Well"}},
                   true),
             "note");
        visits.push_back(core::uuidV7(fx.clinic().clock().nowMs()));
        must(write(*ws1->session, "test_visit", visits.back(),
                   {{"patient_id", fx.patients.at(i)}, {"reason", "Check"}, {"chief_complaint", "Rash"}}, true),
             "visit");
    }
    must(ws1->sync(), "ws1");
    // A complaint corrected twice: each desk that reads it keeps the earlier words in its field history.
    fx.clinic().clock().advance(1000);
    must(write(*ws1->session, "test_visit", visits[0], {{"chief_complaint", "Rash, itchy"}}, false), "edit");
    fx.clinic().clock().advance(1000);
    must(write(*ws1->session, "test_visit", visits[0], {{"chief_complaint", "Rash, spreading"}}, false), "edit");
    must(ws1->sync(), "ws1 edits");

    QTemporaryDir dir;
    auto ws2 = Workstation::join(server.url(), dir.filePath("desk.db").toStdString(), clinic, fx.clinic().clock());
    must(ws2->session->db().execute(kMigration), "ws2 tables");
    ws2->knowRecordTypes(m_types);
    must(server.accounts().setDeviceScope(clinic, ws2->session->deviceId(), "front_desk", "test-admin"), "narrow");
    must(ws2->sync(), "ws2 as a front desk");
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM test_note;"), std::int64_t(0));
    QCOMPARE(must(ws2->engine->serverDigest(), "server"), ws2->digest());

    // Widened: the desk pulls again from the start and receives what it was not given.
    must(server.accounts().setDeviceScope(clinic, ws2->session->deviceId(), "clinician", "test-admin"), "widen");
    auto widened = must(ws2->sync(), "ws2 widened");
    QVERIFY(widened.pulledAgain);
    QCOMPARE(widened.purged, std::int64_t(0));
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM test_note;"), std::int64_t(4));
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM test_visit WHERE chief_complaint IS NOT NULL;"),
             std::int64_t(4));
    // The pull again was served as rows: the desk holds each complaint as it is now; the earlier words
    // stay in the server's change log and on the desks that saw them (no empty value is kept as history).
    QVERIFY(widened.snapshotRows > 0);
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM field_history WHERE field = 'chief_complaint';"),
             std::int64_t(0));
    QCOMPARE(ws2->digest(), ws1->digest()); // a clinician reads all of it
    QCOMPARE(must(ws2->engine->serverDigest(), "server"), ws2->digest());
    auto again = must(ws2->sync(), "ws2 once more");
    QVERIFY(!again.pulledAgain);

    // Narrowed while the desk holds an unsent edit of one note: the other notes, every complaint and
    // their history go; that note stays until the server has its edit, then goes too.
    must(write(*ws2->session, "test_note", notes[1], {{"body", "Well, seen again"}}, false), "ws2 edits a note");
    must(server.accounts().setDeviceScope(clinic, ws2->session->deviceId(), "front_desk", "test-admin"), "narrow");
    core::Replica& replica = ws2->engine->replica();
    QVERIFY(!must(replica.takeScope("front_desk"), "take scope"));
    QCOMPARE(must(replica.purgeOutsideScope(), "purge"), std::int64_t(3 + 4));
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM test_note;"), std::int64_t(1));
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM test_visit WHERE chief_complaint IS NOT NULL;"),
             std::int64_t(0));
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM field_history WHERE field = 'chief_complaint' OR entity = "
                                  "'test_note' AND row_id <> '" +
                                      notes[1] + "';"),
             std::int64_t(0));
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM test_visit;"), std::int64_t(4));
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM audit_event WHERE action = 'sync_purge' AND detail LIKE "
                                  "'7 rows %';"),
             std::int64_t(1));
    auto narrowed = must(ws2->sync(), "ws2 narrowed");
    QCOMPARE(narrowed.pushed, std::int64_t(1));
    QCOMPARE(narrowed.purged, std::int64_t(1));
    QCOMPARE(count(*ws2->session, "SELECT count(*) FROM test_note;"), std::int64_t(0));
    QCOMPARE(must(ws2->engine->serverDigest(), "server"), ws2->digest());
    must(ws1->sync(), "ws1 pulls the desk's edit");
    QCOMPARE(count(*ws1->session, "SELECT count(*) FROM test_note WHERE body = 'Well, seen again';"), std::int64_t(1));
    QCOMPARE(must(ws1->engine->serverDigest(), "server"), ws1->digest());

    // Back to everything: the same records as the exam room.
    must(server.accounts().setDeviceScope(clinic, ws2->session->deviceId(), "all", "test-admin"), "all");
    QVERIFY(must(ws2->sync(), "ws2 all").pulledAgain);
    QCOMPARE(ws2->digest(), ws1->digest());
}

QTEST_GUILESS_MAIN(tst_SyncScope)
#include "tst_syncscope.moc"
