// practica-server end to end over loopback HTTP: enrolment, push and pull between workstations,
// per-field merge, double-booking refused and resolved, tokens expiring and refreshing, tenant
// isolation, device approval, and hostile requests answered with a 4xx while the server keeps serving.
#include "ScheduleFixture.h"
#include "SyncFixture.h"
#include "core/auth/UserStore.h"
#include "core/changes/HybridClock.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/UserKey.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientStore.h"
#include "core/records/FieldRules.h"
#include "core/schedule/AppointmentStore.h"
#include "core/sync/Replica.h"
#include "core/util/Uuid.h"
#include "sync/server/SyncService.h"
#include "words/ErrorWords.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <QtTest>

using practica::test::must;

using namespace practica;
using namespace practica::test;

namespace {

std::string clinicId(core::Session& s)
{
    return must(core::ClinicStore(s).get(), "clinic").id;
}

struct Raw
{
    int status = 0;
    std::string body;
};

Raw rawRequest(int port, const std::string& method, const std::string& path, const std::string& body,
               std::map<std::string, std::string> headers = {{"Practica-Protocol", "1"}}, Poco::Int64 declared = -1)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [k, v] : headers)
        request.set(k, v);
    if (!body.empty() || method == "POST")
        request.setContentLength64(declared >= 0 ? declared : static_cast<Poco::Int64>(body.size()));
    Raw r;
    try {
        session.sendRequest(request) << body;
    } catch (const Poco::Exception&) {
        // The server may answer and close before a too-large body is sent; its answer still counts.
    }
    try {
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        r.status = response.getStatus();
        r.body.assign(std::istreambuf_iterator<char>(in), {});
    } catch (const Poco::Exception& e) {
        qWarning("no answer: %s", e.displayText().c_str());
        r.status = -1;
    }
    return r;
}

} // namespace

class tst_SyncServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { core::initCrypto(); }

    // A user key that makes a password guess cheaper than the server's minimum is refused: every
    // workstation seals its data key to each user's key, so one weak key would weaken them all.
    void weakUserKeysAreRefused()
    {
        ServerFixture server;
        const std::string clinic = "0190f0e2-0000-7000-8000-0000000000aa";
        server.createClinic(clinic);
        const core::RecordTypes types = core::RecordTypes::builtIn();
        sync::SyncService service(server.store(), types, server.clock()); // the default minimum
        core::HybridClock hlc(server.clock(), "test-device");
        auto account = [&](const std::string& name, core::KdfCost cost) {
            core::SyncChange c;
            c.id = core::uuidV7(server.clock().nowMs());
            c.entity = "user_account";
            c.rowId = core::uuidV7(server.clock().nowMs());
            c.hlc = hlc.now().toString();
            c.fields = {{"username", name},
                        {"display_name", name},
                        {"role", std::string("front_desk")},
                        {"active", std::string("1")},
                        {"key_material", core::UserKey::create(name, "a-password-1", cost)->encode()}};
            auto answer = service.push(sync::Pusher{clinic, "admin-account", "admin", core::Role::Admin},
                                       sync::PushRequest{"test-device", {c}});
            if (!answer || answer->results.size() != 1)
                qFatal("push failed");
            return answer->results.front();
        };
        const core::PushResult weak = account("weak", core::KdfCost::minimal());
        QCOMPARE(weak.outcome, core::PushOutcome::Conflict);
        QCOMPARE(weak.conflictCode, std::string("invalid_field"));
        QCOMPARE(weak.params.at("rule"), std::string("weak_key"));
        QCOMPARE(weak.params.at("min_mem_mib"), std::string("64"));
        const core::KdfCost interactive{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
        QCOMPARE(account("strong", interactive).outcome, core::PushOutcome::Applied);
        // Nothing of the refused one became an account.
        auto stored = server.store().user(clinic, "weak");
        QVERIFY(stored);
        QVERIFY(!*stored);
        auto made = server.store().user(clinic, "strong");
        QVERIFY(made && *made);
    }

    void healthAndMetrics()
    {
        ServerFixture server;
        auto health = rawRequest(server.port(), "GET", "/v1/health", {}, {});
        QCOMPARE(health.status, 200);
        QVERIFY(health.body.find("\"ok\"") != std::string::npos);
        auto metrics = rawRequest(server.port(), "GET", "/metrics", {}, {});
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.find("practica_http_requests_total{route=\"health\",status=\"200\"} 1") !=
                std::string::npos);
    }

    void twoWorkstationsConverge()
    {
        ScheduleFixture ws1Clinic;
        ServerFixture server;
        const std::string clinic = clinicId(ws1Clinic.admin());
        server.createClinic(clinic);
        auto ws1 = Workstation::enroll(ws1Clinic.admin(), server.url());
        auto first = must(ws1->sync(), "ws1 sync");
        QVERIFY(first.pushed > 10);
        QCOMPARE(first.conflicts, std::int64_t(0));

        QTemporaryDir dir;
        auto ws2 =
            Workstation::join(server.url(), dir.filePath("ws2.db").toStdString(), clinic, ws1Clinic.clinic().clock());
        // The first sync takes the clinic as rows from the server's snapshot: no change of it is replayed.
        auto pulled = must(ws2->sync(), "ws2 first sync");
        QCOMPARE(pulled.pulled, std::int64_t(0));
        QVERIFY(pulled.snapshotRows > 5);
        QCOMPARE(must(ws2->engine->replica().status(), "status").cursor,
                 must(ws1->engine->replica().status(), "status").cursor);
        QVERIFY(!must(ws2->engine->replica().snapshotMark(), "mark"));
        // Rows a desk holds are its own: nothing went to the outbox or to field history.
        QCOMPARE(must(ws2->engine->replica().status(), "status").pending, std::int64_t(0));
        QCOMPARE(must(must(ws2->session->db().prepare("SELECT count(*) FROM field_history;"), "history").scalar(),
                      "history"),
                 std::int64_t(0));
        QCOMPARE(must(ws2->engine->replica().status(), "status").parked, std::int64_t(0));
        QCOMPARE(ws2->digest(), ws1->digest());
        QCOMPARE(must(ws2->engine->serverDigest(), "server digest"), ws1->digest());

        // The joined workstation finds patients by name: the search index was rebuilt on merge.
        auto found = must(core::PatientStore(*ws2->session).count(), "count");
        QCOMPARE(found, std::int64_t(5));

        // Concurrent offline edits of different fields of one patient both survive.
        const std::string pid = ws1Clinic.patients[0];
        core::Patient a = must(core::PatientStore(*ws1->session).get(pid), "get");
        a.phoneMobile = "312-555-0101";
        must(core::PatientStore(*ws1->session).update(a), "ws1 edit");
        const auto phone = must(core::PatientStore(*ws1->session).get(pid), "get").phoneMobile;
        QVERIFY(phone);
        ws1Clinic.clinic().clock().advance(1000);
        core::Patient b = must(core::PatientStore(*ws2->session).get(pid), "get");
        b.email = "ana@example.org";
        must(core::PatientStore(*ws2->session).update(b), "ws2 edit");
        must(ws1->sync(), "ws1");
        must(ws2->sync(), "ws2");
        must(ws1->sync(), "ws1 again");
        auto merged = must(core::PatientStore(*ws1->session).get(pid), "get");
        QCOMPARE(merged.phoneMobile, phone);
        QCOMPARE(merged.email, std::optional<std::string>("ana@example.org"));
        QCOMPARE(ws1->digest(), ws2->digest());

        // The same field edited on both: the later stamp wins everywhere; the loser stays in history.
        a = must(core::PatientStore(*ws1->session).get(pid), "get");
        a.preferredName = "Annie";
        must(core::PatientStore(*ws1->session).update(a), "ws1 edit");
        ws1Clinic.clinic().clock().advance(1000);
        b = must(core::PatientStore(*ws2->session).get(pid), "get");
        b.preferredName = "Anita";
        must(core::PatientStore(*ws2->session).update(b), "ws2 edit");
        must(ws2->sync(), "ws2");
        must(ws1->sync(), "ws1");
        must(ws2->sync(), "ws2 again");
        QCOMPARE(must(core::PatientStore(*ws1->session).get(pid), "get").preferredName,
                 std::optional<std::string>("Anita"));
        QCOMPARE(ws1->digest(), ws2->digest());
        auto history = ws1->session->db().prepare(
            "SELECT count(*) FROM field_history WHERE field = 'preferred_name' AND value = 'Annie';");
        QCOMPARE(must(history->scalar(), "history"), std::int64_t(1));
        auto status = must(ws1->engine->replica().status(), "status");
        QCOMPARE(status.pending, std::int64_t(0));
        QVERIFY(status.lastSuccessMs > 0);
    }

    // A first sync cut off in the middle of its snapshot resumes from the last page it applied, and a
    // change the server accepts while the snapshot is under way still reaches the desk.
    void firstSyncCanBeCancelledAndResumed()
    {
        ScheduleFixture fx;
        ServerFixture server;
        const std::string clinic = clinicId(fx.admin());
        server.createClinic(clinic);
        core::PatientStore patients(fx.admin());
        for (int i = 0; i < 6000; ++i) {
            core::Patient p;
            p.familyName = "Family" + std::to_string(i % 97);
            p.givenName = "Given" + std::to_string(i);
            p.dateOfBirth = "1980-02-03";
            p.sex = "unknown";
            must(patients.create(p), "patient");
        }
        auto ws1 = Workstation::enroll(fx.admin(), server.url());
        must(ws1->sync(), "ws1");
        QTemporaryDir dir;
        auto ws2 = Workstation::join(server.url(), dir.filePath("ws2.db").toStdString(), clinic, fx.clinic().clock());
        auto patientsHeld = [&] {
            return must(must(ws2->session->db().prepare("SELECT count(*) FROM patient;"), "count").scalar(), "count");
        };
        // Cancel once the first page of patients is in.
        auto cancelled = ws2->engine->syncNow([&](const sync::SyncProgress& p) {
            if (p.snapshotTotal > 0 && patientsHeld() > 0)
                ws2->client->cancel();
        });
        QVERIFY(!cancelled);
        QCOMPARE(test::failureOf(cancelled).code, core::ErrorCode::Offline);
        auto status = must(ws2->engine->replica().status(), "status");
        QCOMPARE(status.cursor, std::int64_t(0));
        auto mark = must(ws2->engine->replica().snapshotMark(), "mark");
        QVERIFY(mark);
        QCOMPARE(mark->entity, std::string("patient"));
        QVERIFY(!mark->after.empty());
        const std::int64_t held = patientsHeld();
        QVERIFY(held > 0 && held < 6000);

        // Meanwhile the exam room renames a patient the desk already holds and adds one.
        const std::string first =
            must(must(ws2->session->db().prepare("SELECT id FROM patient ORDER BY id LIMIT 1;"), "first")
                     .one<std::string>([](const core::Statement& r) { return r.text(0); }, "patient", "first"),
                 "first");
        fx.clinic().clock().advance(1000);
        core::Patient renamed = must(patients.get(first), "get");
        renamed.familyName = "Renamed";
        must(patients.update(renamed), "rename");
        core::Patient added;
        added.familyName = "Late";
        added.givenName = "Arrival";
        added.dateOfBirth = "1990-05-06";
        added.sex = "unknown";
        must(patients.create(added), "late patient");
        must(ws1->sync(), "ws1 pushes during the snapshot");

        // What was applied stays; the next sync carries on from the mark, then pulls what came after.
        ws2->client->resetCancel();
        auto resumed = must(ws2->sync(), "resume");
        QVERIFY(resumed.snapshotRows > 0);
        QVERIFY(resumed.snapshotRows < 6000 + 100);
        QVERIFY(!must(ws2->engine->replica().snapshotMark(), "mark"));
        QCOMPARE(must(patients.get(first), "get").familyName, std::string("Renamed"));
        QCOMPARE(must(core::PatientStore(*ws2->session).get(first), "ws2 get").familyName, std::string("Renamed"));
        QCOMPARE(patientsHeld(),
                 must(must(fx.admin().db().prepare("SELECT count(*) FROM patient;"), "count").scalar(), "count"));
        QCOMPARE(ws2->digest(), ws1->digest());
        QCOMPARE(must(ws2->engine->serverDigest(), "server"), ws2->digest());
        QCOMPARE(must(ws2->engine->replica().status(), "status").parked, std::int64_t(0));
    }

    void doubleBookingIsRefusedAndResolved()
    {
        ScheduleFixture fx;
        ServerFixture server;
        const std::string clinic = clinicId(fx.admin());
        server.createClinic(clinic);
        auto ws1 = Workstation::enroll(fx.admin(), server.url());
        must(ws1->sync(), "ws1");
        QTemporaryDir dir;
        auto ws2 = Workstation::join(server.url(), dir.filePath("ws2.db").toStdString(), clinic, fx.clinic().clock());
        must(ws2->sync(), "ws2");

        // Both desks book Dr. Adams at 9:00 on the same Monday while offline.
        auto one = must(core::AppointmentStore(*ws1->session)
                            .book(fx.appointment(0, fx.providerA, "2025-12-01 09:00", fx.followUp)),
                        "ws1 book");
        auto two = must(core::AppointmentStore(*ws2->session)
                            .book(fx.appointment(1, fx.providerA, "2025-12-01 09:00", fx.followUp)),
                        "ws2 book");
        must(ws1->sync(), "ws1 push");
        auto report = must(ws2->sync(), "ws2 push");
        QCOMPARE(report.conflicts, std::int64_t(1));
        auto conflicts = must(ws2->engine->replica().openConflicts(), "conflicts");
        QCOMPARE(conflicts.size(), std::size_t(1));
        QCOMPARE(conflicts[0].code, std::string("double_booking"));
        QCOMPARE(conflicts[0].rowId, two.id);
        QVERIFY(conflicts[0].reason.find(one.id) != std::string::npos);
        // Until resolved, the refused booking is held back, and later edits of it are held too.
        QCOMPARE(must(ws2->engine->replica().outgoing(100), "outgoing").size(), std::size_t(0));

        // The desk picks another slot, then sends the appointment again.
        const auto tenOClock = one.startUtcMs + 60 * 60 * 1000;
        must(core::AppointmentStore(*ws2->session).move(two.id, tenOClock, std::nullopt, std::nullopt), "move");
        must(ws2->engine->resolveConflict(conflicts[0].id, true), "retry");
        report = must(ws2->sync(), "ws2 retry");
        QCOMPARE(report.conflicts, std::int64_t(0));
        must(ws1->sync(), "ws1 pull");
        QCOMPARE(must(core::AppointmentStore(*ws1->session).get(two.id), "moved").startUtcMs, tenOClock);
        QCOMPARE(ws1->digest(), ws2->digest());

        // A second clash, resolved by discarding: the booking the server never took goes away.
        must(core::AppointmentStore(*ws1->session)
                 .book(fx.appointment(3, fx.providerA, "2025-12-01 11:00", fx.followUp)),
             "ws1 book again");
        auto three = must(core::AppointmentStore(*ws2->session)
                              .book(fx.appointment(2, fx.providerA, "2025-12-01 11:00", fx.followUp)),
                          "ws2 book again");
        must(ws1->sync(), "ws1 push");
        must(ws2->sync(), "ws2 push");
        conflicts = must(ws2->engine->replica().openConflicts(), "conflicts");
        QCOMPARE(conflicts.size(), std::size_t(1));
        must(ws2->engine->resolveConflict(conflicts[0].id, false), "discard");
        QVERIFY(!core::AppointmentStore(*ws2->session).get(three.id));
        must(ws2->sync(), "ws2");
        must(ws1->sync(), "ws1");
        QCOMPARE(ws1->digest(), ws2->digest());
        QCOMPARE(must(ws2->engine->serverDigest(), "server"), ws2->digest());
    }

    // Two desks, offline, each give one patient an active primary policy: the server keeps the first and
    // refuses the second as a uniqueness clash within the patient; taking the server's version leaves
    // one primary everywhere.
    // An appointment beside an overbooking moves through its day (confirmed, arrived, ...): what it holds
    // does not change, so the overlap that was accepted is no reason to refuse it.
    void statusChangesBesideAnOverbookingAreAccepted()
    {
        ScheduleFixture fx;
        ServerFixture server;
        const std::string clinic = clinicId(fx.admin());
        server.createClinic(clinic);
        auto ws = Workstation::enroll(fx.admin(), server.url());
        core::AppointmentStore store(*ws->session);
        auto booked =
            must(store.book(fx.appointment(0, fx.providerA, "2025-12-01 09:00", fx.sickVisit)), "first booking");
        core::BookingOptions overbook;
        overbook.overbook = true;
        must(store.book(fx.appointment(1, fx.providerA, "2025-12-01 09:00", fx.sickVisit), overbook), "overbooked");
        auto pushed = must(ws->sync(), "push both");
        QCOMPARE(pushed.conflicts, std::int64_t(0));
        must(store.setStatus(booked.id, core::AppointmentStatus::Confirmed), "confirm the first");
        auto confirmed = must(ws->sync(), "push the status");
        QCOMPARE(confirmed.conflicts, std::int64_t(0));
        // Moving it onto another time that clashes is still refused.
        auto other =
            must(store.book(fx.appointment(2, fx.providerA, "2025-12-01 10:00", fx.followUp)), "another booking");
        must(ws->sync(), "push another");
        core::Transaction tx(ws->session->db());
        auto hlc = must(ws->session->journal().stamp(), "stamp");
        must(ws->session->journal().writeRow(
                 "appointment", booked.id,
                 {{"start_utc_ms", std::to_string(other.startUtcMs)}, {"end_utc_ms", std::to_string(other.endUtcMs())}},
                 false, hlc, hlc),
             "a tampered move onto the other booking");
        must(tx.commit(), "commit");
        auto moved = must(ws->sync(), "push the move");
        QCOMPARE(moved.conflicts, std::int64_t(1));
        QCOMPARE(must(ws->engine->replica().openConflicts(), "conflicts").at(0).code, std::string("double_booking"));
    }

    void onePrimaryPolicyPerPatient()
    {
        ScheduleFixture fx;
        ServerFixture server;
        const std::string clinic = clinicId(fx.admin());
        server.createClinic(clinic);
        core::Payer payer;
        payer.name = "Great Lakes Health";
        payer.payerCode = "GLH01";
        const std::string payerId = must(core::PayerStore(fx.admin()).create(payer), "payer").id;
        auto ws1 = Workstation::enroll(fx.admin(), server.url());
        must(ws1->sync(), "ws1");
        QTemporaryDir dir;
        auto ws2 = Workstation::join(server.url(), dir.filePath("ws2.db").toStdString(), clinic, fx.clinic().clock());
        must(ws2->sync(), "ws2");

        auto policy = [&](const char* member) {
            core::Coverage c;
            c.patientId = fx.patients[0];
            c.payerId = payerId;
            c.rank = "primary";
            c.memberId = member;
            c.subscriberName = "Ana Rivera";
            c.effectiveDate = "2025-01-01";
            return c;
        };
        must(core::CoverageStore(*ws1->session).add(policy("W111")), "ws1 policy");
        auto second = must(core::CoverageStore(*ws2->session).add(policy("W222")), "ws2 policy");
        must(ws1->sync(), "ws1 push");
        auto report = must(ws2->sync(), "ws2 push");
        QCOMPARE(report.conflicts, std::int64_t(1));
        auto conflicts = must(ws2->engine->replica().openConflicts(), "conflicts");
        QCOMPARE(conflicts.size(), std::size_t(1));
        QCOMPARE(conflicts[0].code, std::string("unique"));
        QCOMPARE(conflicts[0].rowId, second.id);
        QCOMPARE(conflicts[0].params.at("field"), std::string("rank"));
        QCOMPARE(conflicts[0].params.at("within"), std::string("patient_id"));

        // A secondary policy for the same patient is no clash.
        auto secondary = policy("W333");
        secondary.rank = "secondary";
        must(core::CoverageStore(*ws1->session).add(secondary), "ws1 secondary");
        QCOMPARE(must(ws1->sync(), "ws1 secondary push").conflicts, std::int64_t(0));

        must(ws2->engine->resolveConflict(conflicts[0].id, false), "take the server's version");
        must(ws2->sync(), "ws2");
        must(ws1->sync(), "ws1");
        QCOMPARE(ws1->digest(), ws2->digest());
        QCOMPARE(must(ws2->engine->serverDigest(), "server"), ws2->digest());
        int primaries = 0;
        for (const auto& c : must(core::CoverageStore(*ws2->session).forPatient(fx.patients[0]), "policies"))
            primaries += c.rank == "primary" && c.active;
        QCOMPARE(primaries, 1);
    }

    // Desk 1 merges a duplicate patient into the survivor while desk 2, offline, books the duplicate: the
    // booking ends up with the survivor on both desks and the server, whichever reaches the server first.
    void bookingsOfAMergedPatientFollowTheSurvivor_data()
    {
        QTest::addColumn<bool>("mergeFirst");
        QTest::newRow("the merge arrives first") << true;
        QTest::newRow("the booking arrives first") << false;
    }

    void bookingsOfAMergedPatientFollowTheSurvivor()
    {
        QFETCH(bool, mergeFirst);
        ScheduleFixture fx;
        ServerFixture server;
        const std::string clinic = clinicId(fx.admin());
        server.createClinic(clinic);
        auto ws1 = Workstation::enroll(fx.admin(), server.url());
        must(ws1->sync(), "ws1");
        QTemporaryDir dir;
        auto ws2 = Workstation::join(server.url(), dir.filePath("ws2.db").toStdString(), clinic, fx.clinic().clock());
        must(ws2->sync(), "ws2");
        const std::string survivor = fx.patients.at(0), duplicate = fx.patients.at(1);

        auto booking = must(core::AppointmentStore(*ws2->session)
                                .book(fx.appointment(1, fx.providerA, "2025-12-01 09:00", fx.followUp)),
                            "ws2 books the duplicate");
        must(core::PatientStore(*ws1->session).merge(survivor, duplicate), "ws1 merges");
        if (mergeFirst) {
            must(ws1->sync(), "ws1 pushes the merge");
            auto report = must(ws2->sync(), "ws2 pushes the booking");
            QCOMPARE(report.conflicts, std::int64_t(0));
            QCOMPARE(report.redirected, std::int64_t(1));
            must(ws1->sync(), "ws1 pulls the booking");
        } else {
            must(ws2->sync(), "ws2 pushes the booking");
            auto report = must(ws1->sync(), "ws1 pushes the merge");
            QCOMPARE(report.conflicts, std::int64_t(0));
            must(ws2->sync(), "ws2 pulls the merge");
        }
        for (auto* ws : {ws1.get(), ws2.get()}) {
            auto a = must(core::AppointmentStore(*ws->session).get(booking.id), "booking");
            QCOMPARE(a.patientId, survivor);
            QCOMPARE(must(core::Replica(*ws->session).parkedChanges(), "parked").size(), std::size_t(0));
        }
        QCOMPARE(ws1->digest(), ws2->digest());
        QCOMPARE(must(ws2->engine->serverDigest(), "server"), ws2->digest());
        if (mergeFirst) {
            // The desk that booked is told: its audit trail says where the booking went.
            auto stmt = ws2->session->db().prepare(
                "SELECT count(*) FROM audit_event WHERE entity = 'appointment' AND record_id = ? AND detail LIKE "
                "'patient_id redirected from %';");
            QCOMPARE(must(stmt->bind(1, booking.id).scalar(), "audit"), std::int64_t(1));
        }
    }

    // Adding a record type is one declaration and one migration: a test-only type syncs between two
    // workstations and the server, its field rules hold at the server, and offline edits of different
    // fields both survive, with nothing else changed.
    void aNewRecordTypeSyncsFromItsDeclaration()
    {
        core::RecordTypes types = core::RecordTypes::builtIn();
        core::RecordType sample;
        sample.name = "lab_sample";
        sample.create = sample.edit = core::Permission::PatientWrite;
        sample.fields = {core::reference("patient_id", "patient").required(), core::text("label").required(),
                         core::integer("volume_ml").range(1, 500), core::date("collected_on").past("2000-01-01")};
        types.add(sample);
        const char* migration = "CREATE TABLE lab_sample (id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES "
                                "patient (id), label TEXT NOT NULL, volume_ml INTEGER, collected_on TEXT, "
                                "created_hlc TEXT NOT NULL, updated_hlc TEXT NOT NULL, field_hlc TEXT NOT NULL "
                                "DEFAULT '{}');";

        ScheduleFixture fx;
        ServerFixture server(nullptr, {}, types);
        const std::string clinic = clinicId(fx.admin());
        server.createClinic(clinic);
        QVERIFY(fx.admin().db().execute(migration));
        auto ws1 = Workstation::enroll(fx.admin(), server.url());
        ws1->knowRecordTypes(types);
        must(ws1->sync(), "ws1");
        QTemporaryDir dir;
        auto ws2 = Workstation::join(server.url(), dir.filePath("ws2.db").toStdString(), clinic, fx.clinic().clock());
        QVERIFY(ws2->session->db().execute(migration));
        ws2->knowRecordTypes(types);
        must(ws2->sync(), "ws2");

        // Written through the one write path, as a store of the type would.
        auto write = [](core::Session& s, const std::string& id, std::vector<core::FieldValue> fields, bool creating) {
            core::Transaction tx(s.db());
            auto hlc = s.journal().stamp();
            if (!hlc)
                return core::Status(std::unexpected(hlc.error()));
            if (core::Status w = s.journal().writeRow("lab_sample", id, fields, creating, *hlc); !w)
                return w;
            return tx.commit();
        };
        const std::string id = "0190f0e2-0000-7000-8000-0000000a1b01";
        must(write(*ws1->session, id,
                   {{"patient_id", fx.patients.at(0)},
                    {"label", std::string("Serum A")},
                    {"volume_ml", std::string("5")},
                    {"collected_on", std::string("2025-01-15")}},
                   true),
             "ws1 writes a sample");
        auto pushed = must(ws1->sync(), "ws1 pushes");
        QCOMPARE(pushed.conflicts, std::int64_t(0));
        must(ws2->sync(), "ws2 pulls");
        QCOMPARE(must(ws2->engine->replica().parkedChanges(), "parked").size(), std::size_t(0));
        auto label = ws2->session->db().prepare("SELECT label || '/' || volume_ml FROM lab_sample WHERE id = ?;");
        QVERIFY(label);
        label->bind(1, id);
        QCOMPARE(must(label->one<std::string>([](const core::Statement& r) { return r.text(0); }, "lab_sample", id),
                      "ws2 has it"),
                 std::string("Serum A/5"));

        // Offline, each desk changes a different field; both survive.
        must(write(*ws1->session, id, {{"label", std::string("Serum A (haemolysed)")}}, false), "ws1 label");
        must(write(*ws2->session, id, {{"volume_ml", std::string("7")}}, false), "ws2 volume");
        must(ws1->sync(), "ws1");
        must(ws2->sync(), "ws2");
        must(ws1->sync(), "ws1 again");
        QCOMPARE(ws1->digest(), ws2->digest());
        QCOMPARE(must(ws2->engine->serverDigest(), "server"), ws2->digest());
        label->reset();
        label->bind(1, id);
        QCOMPARE(must(label->one<std::string>([](const core::Statement& r) { return r.text(0); }, "lab_sample", id),
                      "merged"),
                 std::string("Serum A (haemolysed)/7"));

        // The declaration's rules hold at the server.
        must(write(*ws1->session, id, {{"volume_ml", std::string("9000")}}, false), "ws1 writes a bad volume");
        auto report = must(ws1->sync(), "ws1 pushes it");
        QCOMPARE(report.conflicts, std::int64_t(1));
        auto conflicts = must(ws1->engine->replica().openConflicts(), "conflicts");
        QCOMPARE(conflicts.at(0).code, std::string("invalid_field"));
        QCOMPARE(conflicts.at(0).params.at("field"), std::string("volume_ml"));
        QCOMPARE(conflicts.at(0).params.at("rule"), std::string("range"));
    }

    void signedRecordsTakeNoEdits()
    {
        // The lock rule alone, on a test-only type (clinical notes add signatures: tst_chartsync).
        core::RecordTypes types = core::RecordTypes::builtIn();
        core::RecordType note;
        note.name = "signed_form";
        note.create = note.edit = core::Permission::PatientWrite;
        note.fields = {core::text("text"), core::integer("signed_at")};
        note.lock = core::LockRule{"signed_at"};
        types.add(note);
        ServerFixture server(nullptr, {}, types);
        const std::string clinic = "0190f0e2-0000-7000-8000-00000000c11a";
        server.createClinic(clinic);
        sync::SyncClient desk({server.url(), {}, 2000, 20000});
        must(desk.login(clinic, "admin", kAdminPassword, "desk-a", "A"), "login");
        auto push = [&](const std::string& id, const std::string& hlc, std::vector<core::FieldValue> fields) {
            sync::PushRequest req;
            req.deviceId = "desk-a";
            core::SyncChange c;
            c.id = id;
            c.entity = "signed_form";
            c.rowId = "0190f0e2-0000-7000-8000-0000000000a1";
            c.hlc = hlc;
            c.fields = std::move(fields);
            if (id != "n1")
                c.baseHlc = "001763700000000-00000000-desk-a";
            req.changes.push_back(c);
            return must(desk.push(req), "push").results.at(0);
        };
        QCOMPARE(push("n1", "001763700000000-00000000-desk-a", {{"text", "Draft"}}).outcome,
                 core::PushOutcome::Applied);
        QCOMPARE(push("n2", "001763700000100-00000000-desk-a", {{"text", "Final"}}).outcome,
                 core::PushOutcome::Applied);
        QCOMPARE(push("n3", "001763700000200-00000000-desk-a", {{"signed_at", "1763700000200"}}).outcome,
                 core::PushOutcome::Applied);
        // An edit made offline before the signature arrives after it: refused, the signed text stays.
        auto late = push("n4", "001763700000150-00000000-desk-b", {{"text", "Changed offline"}});
        QCOMPARE(late.outcome, core::PushOutcome::Conflict);
        QCOMPARE(late.conflictCode, std::string("locked_record"));
        QCOMPARE(late.params.at("field"), std::string("signed_at"));
        QCOMPARE(late.current->values.at("text"), std::optional<std::string>("Final"));
        // Repeating what the record already says is not an edit.
        QCOMPARE(push("n5", "001763700000300-00000000-desk-a", {{"text", "Final"}}).outcome,
                 core::PushOutcome::Applied);
    }

    // A front-desk workstation whose software was tampered with pushes its own account as admin, the
    // clinic's NPI and a patient's tombstone: the server refuses each, the admin's desk never sees them,
    // and the tampered desk gets its records back by taking the server's version.
    void frontDeskCannotEscalateThroughSync()
    {
        ScheduleFixture fx;
        ServerFixture server;
        const std::string clinic = clinicId(fx.admin());
        server.createClinic(clinic);
        must(core::UserStore(fx.admin())
                 .add("desk", "Dana Desk", core::Role::FrontDesk, "desk-password-1", core::KdfCost::minimal()),
             "desk user");
        must(server.accounts().addUser(clinic, "desk", "Dana Desk", "front_desk", "desk-password-1"), "desk account");
        auto admin = Workstation::enroll(fx.admin(), server.url());
        must(admin->sync(), "admin");
        QTemporaryDir dir;
        auto desk = Workstation::join(server.url(), dir.filePath("desk.db").toStdString(), clinic, fx.clinic().clock(),
                                      "desk", "desk-password-1");
        auto waiting = desk->sync();
        QVERIFY(!waiting);
        QCOMPARE(test::failureOf(waiting).code, core::ErrorCode::DeviceNotApproved);
        must(server.accounts().approveDevice(clinic, desk->session->deviceId(), "admin"), "approve");
        must(desk->sync(), "desk first sync");

        core::Session& s = *desk->session;
        auto rowOf = [&](const char* sql) {
            auto stmt = s.db().prepare(sql);
            return stmt->one<std::string>([](const core::Statement& r) { return r.text(0); }, "row", sql).value();
        };
        const std::string deskRow = rowOf("SELECT id FROM user_account WHERE username = 'desk';");
        const std::string patient = fx.patients.at(0);
        {
            core::Transaction tx(s.db());
            auto hlc = must(s.journal().stamp(), "stamp");
            must(s.journal().writeRow("user_account", deskRow, {{"role", std::string("admin")}}, false, hlc, hlc),
                 "own role");
            must(s.journal().writeRow("clinic", clinic, {{"npi", std::string("1245319599")}}, false, hlc, hlc),
                 "clinic npi");
            must(s.journal().recordChange("patient", patient, core::ChangeOp::Delete, {}, hlc, hlc), "tombstone");
            must(tx.commit(), "commit");
        }
        auto report = must(desk->sync(), "desk push");
        QCOMPARE(report.conflicts, std::int64_t(3));
        auto conflicts = must(desk->engine->replica().openConflicts(), "conflicts");
        std::set<std::string> refused;
        for (const auto& c : conflicts) {
            QCOMPARE(c.code, std::string("permission_denied"));
            QCOMPARE(c.params.at("role"), std::string("front_desk"));
            refused.insert(c.entity + ":" + c.params.at("operation"));
        }
        QCOMPARE(refused, (std::set<std::string>{"user_account:edit", "clinic:edit", "patient:delete"}));

        must(admin->sync(), "admin pull");
        bool deskIsFrontDesk = false;
        for (const auto& u : must(core::UserStore(fx.admin()).list(), "users"))
            if (u.username == "desk")
                deskIsFrontDesk = u.role == core::Role::FrontDesk;
        QVERIFY(deskIsFrontDesk);
        QVERIFY(core::PatientStore(fx.admin()).get(patient));

        // Anyone may take the server's version of their own refused change.
        for (const auto& c : conflicts)
            must(desk->engine->resolveConflict(c.id, false), "take the server's version");
        QCOMPARE(rowOf("SELECT role FROM user_account WHERE username = 'desk';"), std::string("front_desk"));
        must(desk->sync(), "desk");
        QCOMPARE(desk->digest(), admin->digest());
        QCOMPARE(must(admin->engine->serverDigest(), "server"), admin->digest());

        // What the desk may do arrives with its author: in the field history and the audit trail.
        auto p = must(core::PatientStore(fx.admin()).get(patient), "patient");
        p.phoneMobile = "312-555-0101";
        must(core::PatientStore(fx.admin()).update(p), "admin edit");
        must(admin->sync(), "admin push");
        auto q = must(core::PatientStore(s).get(patient), "patient on desk");
        q.phoneMobile = "312-555-0199";
        must(core::PatientStore(s).update(q), "desk edit"); // offline: made before it pulls the admin's
        must(desk->sync(), "desk push");
        must(admin->sync(), "admin pull");
        auto history = fx.admin().db().prepare(
            "SELECT author, device_id FROM field_history WHERE entity = 'patient' AND row_id = ? AND field = "
            "'phone_mobile';");
        history->bind(1, patient);
        auto authors = must(
            history->all<std::string>([](const core::Statement& r) { return r.text(0) + "@" + r.text(1); }), "history");
        QCOMPARE(authors.size(), std::size_t(1));
        QCOMPARE(authors[0], "desk@" + s.deviceId());
        auto events = must(core::AuditLog(fx.admin().db()).recent(5), "audit");
        bool named = false;
        for (const auto& e : events)
            named = named || (e.action == core::auditActionName(core::AuditAction::SyncApply) &&
                              e.detail.find("by desk on " + s.deviceId()) != std::string::npos);
        QVERIFY(named);
    }

    // A desk whose clock runs ahead: four minutes is tolerated, six is refused, with how far it is ahead.
    void clockAheadIsRefused()
    {
        ScheduleFixture fx;
        ServerFixture server;
        server.clock().set(fx.clinic().clock().nowMs());
        const std::string clinic = clinicId(fx.admin());
        server.createClinic(clinic);
        auto ws = Workstation::enroll(fx.admin(), server.url());
        must(ws->sync(), "first");
        auto edit = [&](const char* phone) {
            auto p = must(core::PatientStore(fx.admin()).get(fx.patients.at(1)), "patient");
            p.phoneMobile = phone;
            must(core::PatientStore(fx.admin()).update(p), "edit");
            return must(ws->sync(), "sync");
        };
        fx.clinic().clock().advance(4 * 60'000);
        QCOMPARE(edit("312-555-0144").conflicts, std::int64_t(0));
        fx.clinic().clock().advance(2 * 60'000);
        QCOMPARE(edit("312-555-0166").conflicts, std::int64_t(1));
        auto conflicts = must(ws->engine->replica().openConflicts(), "conflicts");
        QCOMPARE(conflicts.at(0).code, std::string("clock_skew"));
        const std::int64_t ahead = std::stoll(conflicts.at(0).params.at("ahead_ms"));
        QVERIFY2(ahead >= 6 * 60'000 && ahead < 6 * 60'000 + 1000, conflicts.at(0).params.at("ahead_ms").c_str());
    }

    // Rows stored before the server kept creation stamps have none: their edits arrive in any order.
    void olderRowsTakeEditsInAnyOrder()
    {
        ServerFixture server;
        const std::string clinic = "0190f0e2-0000-7000-8000-00000000c11b";
        server.createClinic(clinic);
        const std::string rowId = "0190f0e2-0000-7000-8000-0000000000b1";
        {
            auto tx = must(server.store().beginPush(clinic), "begin");
            core::SyncRow old;
            old.entity = "room";
            old.rowId = rowId;
            old.values["name"] = "Room 1";
            old.fieldHlc["name"] = "001763600000000-00000000-desk-a";
            must(tx->saveRow(old), "save");
            must(tx->commit(tx->highestSeq()), "commit");
        }
        sync::SyncClient desk({server.url(), {}, 2000, 20000});
        must(desk.login(clinic, "admin", kAdminPassword, "desk-a", "A"), "login");
        auto push = [&](const std::string& id, const std::string& hlc, const std::string& name) {
            sync::PushRequest req;
            req.deviceId = "desk-a";
            core::SyncChange c;
            c.id = id;
            c.entity = "room";
            c.rowId = rowId;
            c.hlc = hlc;
            c.baseHlc = "001763600000000-00000000-desk-a";
            c.fields = {{"name", name}};
            req.changes.push_back(c);
            return must(desk.push(req), "push").results.at(0);
        };
        QCOMPARE(push("e1", "001763700000100-00000000-desk-b", "Room B").outcome, core::PushOutcome::Applied);
        QCOMPARE(push("e2", "001763700000050-00000000-desk-c", "Room C").outcome, core::PushOutcome::Applied);
        QCOMPARE(must(server.store().beginPush(clinic), "read")->row("room", rowId).value()->values.at("name"),
                 std::optional<std::string>("Room B"));
    }

    // Two desks edit different fields of one user and of the clinic while offline: both edits survive.
    void differentFieldsOfUsersAndTheClinicBothSurvive()
    {
        ScheduleFixture fx;
        ServerFixture server;
        const std::string clinic = clinicId(fx.admin());
        server.createClinic(clinic);
        must(core::UserStore(fx.admin())
                 .add("desk", "Dana Desk", core::Role::FrontDesk, "desk-password-1", core::KdfCost::minimal()),
             "desk user");
        auto ws1 = Workstation::enroll(fx.admin(), server.url());
        must(ws1->sync(), "ws1");
        QTemporaryDir dir;
        auto ws2 = Workstation::join(server.url(), dir.filePath("ws2.db").toStdString(), clinic, fx.clinic().clock());
        must(ws2->sync(), "ws2");

        must(core::UserStore(fx.admin()).setRole("desk", core::Role::Biller), "role on desk 1");
        must(core::UserStore(*ws2->session).deactivate("desk"), "deactivated on desk 2");
        auto here = must(core::ClinicStore(fx.admin()).get(), "clinic");
        here.phone = "312-555-0100";
        must(core::ClinicStore(fx.admin()).update(here), "phone on desk 1");
        auto there = must(core::ClinicStore(*ws2->session).get(), "clinic there");
        there.name = "Lakeside Family Medicine";
        must(core::ClinicStore(*ws2->session).update(there), "name on desk 2");

        for (int round = 0; round < 2; ++round) {
            must(ws1->sync(), "ws1");
            must(ws2->sync(), "ws2");
        }
        for (core::Session* s : {&fx.admin(), ws2->session}) {
            const auto clinicNow = must(core::ClinicStore(*s).get(), "clinic");
            QCOMPARE(clinicNow.phone, std::optional<std::string>("312-555-0100"));
            QCOMPARE(clinicNow.name, std::string("Lakeside Family Medicine"));
            auto user = must(core::UserStore::findByUsername(s->db(), "desk"), "desk");
            QCOMPARE(user.role, core::Role::Biller);
            QVERIFY(!user.active);
        }
        QCOMPARE(ws1->digest(), ws2->digest());
    }

    void tokensExpireAndRefresh()
    {
        ScheduleFixture fx;
        ServerFixture server;
        server.createClinic(clinicId(fx.admin()));
        auto ws1 = Workstation::enroll(fx.admin(), server.url());
        must(ws1->sync(), "first");
        server.clock().advance(sync::AccountService::kAccessTokenMs + 1000);
        core::Patient p;
        p.familyName = "Lindqvist";
        p.givenName = "Maja";
        p.dateOfBirth = "1990-01-02";
        p.sex = "female";
        must(core::PatientStore(*ws1->session).create(p), "create");
        auto report = must(ws1->sync(), "after expiry");
        QCOMPARE(report.pushed, std::int64_t(1));

        // A stale access token alone is refused.
        sync::SyncClient stale({server.url(), {}, 2000, 5000});
        auto tokens =
            must(stale.login(clinicId(fx.admin()), "admin", kAdminPassword, fx.admin().deviceId(), "x"), "login");
        server.clock().advance(sync::AccountService::kAccessTokenMs + 1000);
        auto refused = stale.pull(0, 10);
        QVERIFY(!refused);
        QCOMPARE(test::failureOf(refused).code, core::ErrorCode::NotAuthorized);
        // A refresh token gives fresh access tokens (again after a lost answer) until its device is revoked.
        QVERIFY(stale.refresh(tokens.refreshToken));
        auto again = must(stale.refresh(tokens.refreshToken), "refresh again");
        QVERIFY(stale.pull(0, 10));
        QCOMPARE(again.refreshToken, tokens.refreshToken);
        must(server.store().setDeviceStatus(clinicId(fx.admin()), fx.admin().deviceId(), sync::DeviceStatus::Revoked,
                                            "admin", server.clock().nowMs()),
             "revoke");
        auto revoked = stale.refresh(tokens.refreshToken);
        QVERIFY(!revoked);
        QCOMPARE(test::failureOf(revoked).code, core::ErrorCode::NotAuthorized);
        auto pullRevoked = stale.pull(0, 10);
        QVERIFY(!pullRevoked);
        QCOMPARE(test::failureOf(pullRevoked).code, core::ErrorCode::NotAuthorized);
        // Unknown refresh tokens get nothing.
        QCOMPARE(test::failureOf(stale.refresh("00")).code, core::ErrorCode::NotAuthorized);
    }

    void loginLockout()
    {
        ServerFixture server;
        server.createClinic("0190f0e2-0000-7000-8000-00000000c11a");
        sync::SyncClient client({server.url(), {}, 2000, 20000});
        for (int i = 0; i < 4; ++i) {
            auto r = client.login("0190f0e2-0000-7000-8000-00000000c11a", "admin", "wrong-password", "dev", "x");
            QCOMPARE(test::failureOf(r).code, core::ErrorCode::WrongPassword);
        }
        auto locked = client.login("0190f0e2-0000-7000-8000-00000000c11a", "admin", "wrong-password", "dev", "x");
        QCOMPARE(test::failureOf(locked).code, core::ErrorCode::AccountLocked);
        auto stillLocked = client.login("0190f0e2-0000-7000-8000-00000000c11a", "admin", kAdminPassword, "dev", "x");
        QCOMPARE(test::failureOf(stillLocked).code, core::ErrorCode::AccountLocked);
        server.clock().advance(sync::AccountService::kLockoutMs + 1);
        QVERIFY(client.login("0190f0e2-0000-7000-8000-00000000c11a", "admin", kAdminPassword, "dev", "x"));
        // An unknown user gets the same answer as a wrong password.
        auto unknown = client.login("0190f0e2-0000-7000-8000-00000000c11a", "nobody", kAdminPassword, "dev", "x");
        QCOMPARE(test::failureOf(unknown).code, core::ErrorCode::WrongPassword);
    }

    void clinicsAreIsolated()
    {
        ScheduleFixture fx;
        ServerFixture server;
        const std::string clinicA = clinicId(fx.admin());
        server.createClinic(clinicA);
        auto ws1 = Workstation::enroll(fx.admin(), server.url());
        must(ws1->sync(), "A");
        const std::string clinicB = "0190f0e2-0000-7000-8000-00000000000b";
        server.createClinic(clinicB, "Other clinic");
        sync::SyncClient b({server.url(), {}, 2000, 20000});
        must(b.login(clinicB, "admin", kAdminPassword, "device-b", "B desk"), "login B");
        auto page = must(b.pull(0, 1000), "pull B");
        QCOMPARE(page.changes.size(), std::size_t(0));
        QCOMPARE(page.highestSeq, std::int64_t(0));
        auto row = must(b.row("patient", fx.patients[0]), "row");
        QVERIFY(!row);
        // Clinic B writing a row with clinic A's id creates B's own row; A never sees it.
        sync::PushRequest push;
        push.deviceId = "device-b";
        core::SyncChange c;
        c.id = "0190f0e2-0000-7000-8000-0000000000c1";
        c.entity = "patient";
        c.rowId = fx.patients[0];
        c.hlc = "001763700000000-00000000-device-b";
        c.fields = {{"family_name", "Intruder"}};
        push.changes.push_back(c);
        must(b.push(push), "push B");
        must(ws1->sync(), "A again");
        QCOMPARE(must(core::PatientStore(*ws1->session).get(fx.patients[0]), "A patient").familyName,
                 std::string("Rivera"));
        // B's token cannot use A's device either.
        push.deviceId = fx.admin().deviceId();
        auto wrongDevice = b.push(push);
        QVERIFY(!wrongDevice);
    }

    void newDevicesWaitForApproval()
    {
        ScheduleFixture fx;
        ServerFixture server;
        const std::string clinic = clinicId(fx.admin());
        server.createClinic(clinic);
        must(server.accounts().addUser(clinic, "desk", "Desk", "front_desk", "desk-password-1"), "user");
        auto ws1 = Workstation::enroll(fx.admin(), server.url());
        must(ws1->sync(), "ws1");
        QTemporaryDir dir;
        auto ws2 = Workstation::join(server.url(), dir.filePath("ws2.db").toStdString(), clinic, fx.clinic().clock(),
                                     "desk", "desk-password-1");
        auto refused = ws2->sync();
        QVERIFY(!refused);
        QCOMPARE(test::failureOf(refused).code, core::ErrorCode::DeviceNotApproved);
        auto waiting = must(ws2->engine->replica().status(), "status").lastError;
        QVERIFY(waiting);
        QCOMPARE(waiting->code, core::ErrorCode::DeviceNotApproved);
        must(server.accounts().approveDevice(clinic, ws2->session->deviceId(), "admin"), "approve");
        must(ws2->sync(), "after approval");
        QCOMPARE(ws2->digest(), ws1->digest());
        // The joined user can now unlock this workstation offline with the same password.
        ws2->engine.reset();
        ws2->ownSession.reset();
        auto offline =
            core::Vault::unlock(dir.filePath("ws2.db").toStdString(), "desk", "desk-password-1", fx.clinic().clock());
        QVERIFY(offline);
        QCOMPARE((*offline)->actor().username, std::string("desk"));
    }

    void hostileRequestsGet4xx()
    {
        ServerFixture server;
        server.createClinic("0190f0e2-0000-7000-8000-00000000c11a");
        const int port = server.port();
        QCOMPARE(rawRequest(port, "POST", "/v1/login", "{not json").status, 400);
        QCOMPARE(rawRequest(port, "POST", "/v1/login", "{}", {}).status, 400); // no protocol header
        QCOMPARE(rawRequest(port, "GET", "/v1/changes?after=0", {}).status, 401);
        QCOMPARE(rawRequest(port, "GET", "/v1/changes?after=0", {},
                            {{"Practica-Protocol", "1"}, {"Authorization", "Bearer a.b.c"}})
                     .status,
                 401);
        QCOMPARE(rawRequest(port, "GET", "/nowhere", {}).status, 404);
        QCOMPARE(rawRequest(port, "DELETE", "/v1/push", {}).status, 405);
        // A body declared larger than the limit is refused before it is read.
        QCOMPARE(rawRequest(port, "POST", "/v1/push", "{}", {{"Practica-Protocol", "1"}},
                            static_cast<Poco::Int64>(sync::kMaxRequestBytes) + 10)
                     .status,
                 413);
        const std::string bomb = sync::gzip(std::string(sync::kMaxInflatedBytes + 1024, ' '));
        QCOMPARE(rawRequest(port, "POST", "/v1/login", bomb, {{"Practica-Protocol", "1"}, {"Content-Encoding", "gzip"}})
                     .status,
                 413);
        QCOMPARE(
            rawRequest(port, "POST", "/v1/login", "garbage", {{"Practica-Protocol", "1"}, {"Content-Encoding", "gzip"}})
                .status,
            400);

        sync::SyncClient client({server.url(), {}, 2000, 20000});
        must(client.login("0190f0e2-0000-7000-8000-00000000c11a", "admin", kAdminPassword, "dev", "x"), "login");
        for (const char* body : {"[]", "{\"device\":\"dev\",\"changes\":[{\"entity\":\"x;drop\"}]}",
                                 "{\"device\":\"dev\",\"changes\":7}"}) {
            Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
            (void)s;
            auto r = rawRequest(port, "POST", "/v1/push", body, {{"Practica-Protocol", "1"}});
            QCOMPARE(r.status, 401); // no token: refused before the body is read
        }
        sync::PushRequest junk;
        junk.deviceId = "dev";
        core::SyncChange bad;
        bad.id = "c";
        bad.entity = "patient";
        bad.rowId = "r";
        bad.hlc = "not-a-stamp";
        junk.changes.push_back(bad);
        auto answer = must(client.push(junk), "push junk");
        QCOMPARE(answer.results.at(0).outcome, core::PushOutcome::Conflict);
        QCOMPARE(answer.results.at(0).conflictCode, std::string("invalid_change"));
        // Still serving.
        QCOMPARE(rawRequest(port, "GET", "/v1/health", {}, {}).status, 200);
    }

    void oldClientsAreToldToUpdate()
    {
        sync::ServerOptions options;
        options.minProtocol = sync::kProtocolVersion + 1; // a server that moved on
        ServerFixture server(nullptr, options);
        server.createClinic("0190f0e2-0000-7000-8000-00000000c11a");
        auto r = rawRequest(server.port(), "POST", "/v1/login", "{}", {{"Practica-Protocol", "0"}});
        QCOMPARE(r.status, 400);
        r = rawRequest(server.port(), "POST", "/v1/login", "{}");
        QCOMPARE(r.status, 426);
        // This client is older than the server's minimum: one clear "update required".
        sync::SyncClient client({server.url(), {}, 2000, 20000});
        auto health = client.health();
        QVERIFY(!health);
        QCOMPARE(test::failureOf(health).code, core::ErrorCode::UpdateRequired);
        auto login = client.login("0190f0e2-0000-7000-8000-00000000c11a", "admin", kAdminPassword, "dev", "x");
        QVERIFY(!login);
        QCOMPARE(test::failureOf(login).code, core::ErrorCode::UpdateRequired);
    }

    void serverRestartLosesNothing()
    {
        ScheduleFixture fx;
        ServerFixture server;
        server.createClinic(clinicId(fx.admin()));
        auto ws1 = Workstation::enroll(fx.admin(), server.url());
        must(ws1->sync(), "ws1");
        server.restart();
        core::Patient p;
        p.familyName = "Ortiz";
        p.givenName = "Luz";
        p.dateOfBirth = "1970-03-04";
        p.sex = "female";
        must(core::PatientStore(*ws1->session).create(p), "create");
        QCOMPARE(must(ws1->sync(), "after restart").pushed, std::int64_t(1));
        QCOMPARE(must(ws1->engine->serverDigest(), "server"), ws1->digest());
    }

    void offlineIsOneClearError()
    {
        ScheduleFixture fx;
        int port = 0;
        {
            ServerFixture server;
            server.createClinic(clinicId(fx.admin()));
            port = server.port();
            auto ws = Workstation::enroll(fx.admin(), server.url());
            must(ws->sync(), "sync");
        }
        sync::SyncClient client({"http://127.0.0.1:" + std::to_string(port), {}, 1000, 2000});
        sync::SyncEngine engine(fx.admin(), client);
        core::Patient p;
        p.familyName = "Kim";
        p.givenName = "Jae";
        p.dateOfBirth = "1975-07-08";
        p.sex = "male";
        must(core::PatientStore(fx.admin()).create(p), "offline write");
        auto r = engine.syncNow();
        QVERIFY(!r);
        QCOMPARE(test::failureOf(r).code, core::ErrorCode::Offline);
        auto status = must(engine.replica().status(), "status");
        QCOMPARE(status.pending, std::int64_t(1));
        QVERIFY(status.lastError);
        QCOMPARE(status.lastError->code, core::ErrorCode::Offline);
    }
};

QTEST_GUILESS_MAIN(tst_SyncServer)
#include "tst_syncserver.moc"
