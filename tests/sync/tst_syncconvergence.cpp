// The sync property: five workstations, each with its own encrypted database, make thousands of
// random edits while offline (patients, appointments: bookings that clash across desks, moves,
// status changes, cancellations) and sync in random order, several at once, through a proxy that
// drops, cuts, duplicates, delays and replays requests, while the server restarts now and then.
// One desk is signed in as front desk, and now and then its (tampered) software writes what the role
// may not: its own account made admin, the clinic's NPI, payers, providers, a patient's tombstone or
// merge. At the end every workstation and the server hold the same records (same canonical digest),
// every write the server acknowledged is there (its value, or a later one by HLC), and none of the
// front desk's forbidden changes reached the server or any other desk.
//
// Seeded: PRACTICA_SYNC_SEED replays a run; PRACTICA_SYNC_ROUNDS makes a longer one.
#include "FaultProxy.h"
#include "PostgresFixture.h"
#include "ScheduleFixture.h"
#include "SyncFixture.h"
#include "core/auth/UserStore.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/EncounterStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/KeyFile.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/AppointmentStore.h"
#include "sync/server/PostgresStore.h"
#include "words/ErrorWords.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <QtTest>
#include <random>
#include <thread>

using namespace practica;
using namespace practica::test;

namespace {

struct Acked
{
    std::string entity, rowId, field, hlc;
    std::optional<std::string> value;
};

struct Desk
{
    std::unique_ptr<Workstation> ws;
    std::unique_ptr<core::ManualClock> clock; // joined desks keep their own, skewed clock
    std::unique_ptr<sync::SyncClient> viaProxy;
    std::unique_ptr<sync::SyncEngine> engine;
    std::vector<Acked> acked;
    std::set<std::string> forbidden;                     // change ids of edits its role may not make
    std::map<std::string, std::string> refusedForbidden; // change id -> the server's code
    std::int64_t offsetMs = 0;                           // how far its clock runs from the clinic's real time
    int wronglyRefused = 0; // allowed changes refused for want of permission or a bad stamp
    int syncs = 0, failedSyncs = 0;
    std::string lastError;
};

std::vector<std::string> ids(core::Session& s, const char* sql)
{
    auto stmt = s.db().prepare(sql);
    return stmt->all<std::string>([](const core::Statement& r) { return r.text(0); })
        .value_or(std::vector<std::string>{});
}

struct Pending
{
    std::string changeId, entity, rowId, hlc;
    std::vector<core::FieldValue> fields;
};

std::vector<Pending> outbox(core::Session& s)
{
    auto stmt = s.db().prepare("SELECT change_id, entity, row_id, hlc, fields FROM change_outbox;");
    return stmt
        ->all<Pending>([](const core::Statement& r) {
            return Pending{r.text(0), r.text(1), r.text(2), r.text(3),
                           core::fieldsFromJson(r.text(4)).value_or(std::vector<core::FieldValue>{})};
        })
        .value_or(std::vector<Pending>{});
}

std::set<std::string> conflictedChangeIds(core::Session& s)
{
    auto v = ids(s, "SELECT change_id FROM sync_conflict;");
    return {v.begin(), v.end()};
}

} // namespace

class tst_SyncConvergence : public QObject
{
    Q_OBJECT

    std::uint32_t m_seed = 20261129;
    int m_rounds = 24;

    int m_passwordChanges = 0;

    // A clinician's work on the charts: visits, notes (drafts, edits, signatures, addenda), vital signs,
    // problems (added, resolved, annotated) and allergies (added, or none known).
    void chartEdit(Desk& d, ScheduleFixture& fx, std::mt19937& rng)
    {
        core::Session& s = *d.ws->session;
        auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
        auto patients = ids(s, "SELECT id FROM patient WHERE status = 'active' ORDER BY id;");
        if (patients.empty())
            return;
        core::ClinicalListStore lists(s);
        core::NoteStore notes(s);
        const std::string me = s.actor().userId;
        const int kind = static_cast<int>(rng() % 10);
        if (kind == 0) {
            (void)core::EncounterStore(s).startWalkIn(pick(patients), rng() % 2 ? fx.providerA.id : fx.providerB.id,
                                                      "acute", std::string("cough"));
        } else if (kind == 1) {
            auto visits = ids(s, "SELECT id FROM encounter ORDER BY id;");
            if (!visits.empty())
                (void)notes.startNote(pick(visits));
        } else if (kind < 4) {
            auto drafts = ids(
                s, ("SELECT id FROM clinical_note WHERE signed_at IS NULL AND author_id = '" + me + "' ORDER BY id;")
                       .c_str());
            if (drafts.empty())
                return;
            auto note = notes.get(pick(drafts));
            if (!note)
                return;
            if (rng() % 3 == 0) {
                (void)notes.sign(note->id);
                return;
            }
            (note->kind == "addendum" ? note->body : note->plan) = "Plan " + std::to_string(rng() % 100000);
            (void)notes.saveDraft(*note);
        } else if (kind == 4) {
            auto signedNotes = ids(s, "SELECT id FROM clinical_note WHERE signed_at IS NOT NULL AND kind = 'note' "
                                      "ORDER BY id;");
            if (!signedNotes.empty())
                (void)notes.addAddendum(pick(signedNotes), "Seen again " + std::to_string(rng() % 1000));
        } else if (kind == 5) {
            core::VitalSigns v;
            v.patientId = pick(patients);
            v.systolic = 100 + static_cast<int>(rng() % 60);
            v.diastolic = 60 + static_cast<int>(rng() % 30);
            v.pulse = 55 + static_cast<int>(rng() % 50);
            (void)lists.saveVitals(v);
        } else if (kind < 8) {
            auto problems = ids(s, "SELECT id FROM problem WHERE status = 'active' ORDER BY id;");
            if (problems.empty() || rng() % 3 == 0) {
                static const std::pair<const char*, const char*> kProblems[] = {
                    {"I10", "Essential hypertension"}, {"E11.9", "Type 2 diabetes"}, {"J45.909", "Asthma"}};
                const auto& [code, display] = kProblems[rng() % 3];
                core::Problem p;
                p.patientId = pick(patients);
                p.code = code;
                p.display = display;
                p.onsetDate = "2020-0" + std::to_string(1 + rng() % 9) + "-15";
                (void)lists.saveProblem(p);
                return;
            }
            auto all = lists.problems(
                ids(s, ("SELECT patient_id FROM problem WHERE id = '" + pick(problems) + "';").c_str()).at(0));
            if (!all || all->empty())
                return;
            core::Problem p = all->front();
            if (rng() % 2) {
                p.status = "resolved";
                p.resolvedDate = "2025-11-20";
            } else {
                p.note = "Reviewed " + std::to_string(rng() % 1000);
            }
            (void)lists.saveProblem(p);
        } else if (kind == 8) {
            core::Allergy a;
            a.patientId = pick(patients);
            a.substance = rng() % 2 ? "Penicillin" : "Latex";
            a.reaction = "rash";
            (void)lists.saveAllergy(a);
        } else {
            (void)lists.recordNoKnownAllergies(pick(patients));
        }
    }

    void randomEdit(Desk& d, ScheduleFixture& fx, std::mt19937& rng)
    {
        core::Session& s = *d.ws->session;
        auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
        if (s.can(core::Permission::ClinicalWrite) && rng() % 3 != 0) {
            chartEdit(d, fx, rng);
            return;
        }
        if (s.can(core::Permission::UserManage) && rng() % 60 == 0) {
            // Admins on several desks give the front desk user a new password, offline and at once: one key
            // wins everywhere, and every desk's key file follows it.
            if (core::UserStore(s).setPassword("desk", "desk-password-" + std::to_string(rng() % 100000),
                                               core::KdfCost::minimal()))
                ++m_passwordChanges;
            return;
        }
        static const char* families[] = {"García", "Nguyen", "O'Brien", "Schmidt", "Kowalski",
                                         "Haddad", "Okafor", "Rossi",   "Dubois",  "Tanaka"};
        static const char* givens[] = {"Ana", "Wei", "Liam", "Sofía", "Noah", "Amara", "Jonas", "Mei", "Iker", "Zoe"};
        const int kind = static_cast<int>(rng() % 100);
        if (kind < 15) {
            core::Patient p;
            p.familyName = families[rng() % 10];
            p.givenName = givens[rng() % 10];
            p.dateOfBirth = "19" + std::to_string(50 + rng() % 50) + "-0" + std::to_string(1 + rng() % 9) + "-1" +
                            std::to_string(rng() % 9);
            p.sex = rng() % 2 ? "female" : "male";
            (void)core::PatientStore(s).create(p);
        } else if (kind < 25) {
            // Insurance: a new policy, or an edit of one (member id, plan, end date).
            auto patients = ids(s, "SELECT id FROM patient WHERE status = 'active' ORDER BY id;");
            auto payers = ids(s, "SELECT id FROM payer ORDER BY id;");
            auto policies = ids(s, "SELECT id FROM coverage WHERE status = 'active' ORDER BY id;");
            core::CoverageStore coverage(s);
            if (!policies.empty() && rng() % 2) {
                auto list = coverage.forPatient(
                    ids(s, ("SELECT patient_id FROM coverage WHERE id = '" + pick(policies) + "';").c_str()).at(0));
                if (!list || list->empty())
                    return;
                core::Coverage c = list->front();
                c.memberId = "M" + std::to_string(rng() % 1000000);
                c.planName = rng() % 2 ? "Gold PPO" : "Silver HMO";
                (void)coverage.update(c);
            } else if (!payers.empty()) {
                core::Coverage c;
                c.patientId = pick(patients);
                c.payerId = pick(payers);
                c.rank = rng() % 2 ? "primary" : "secondary";
                c.memberId = "M" + std::to_string(rng() % 1000000);
                c.subscriberName = "Subscriber";
                c.effectiveDate = "2025-01-01";
                (void)coverage.add(c);
            }
        } else if (kind < 40) {
            auto patients = ids(s, "SELECT id FROM patient WHERE status = 'active' ORDER BY id;");
            if (patients.empty())
                return;
            auto p = core::PatientStore(s).get(pick(patients));
            if (!p)
                return;
            switch (rng() % 4) {
            case 0:
                p->phoneMobile = "312-555-0" + std::to_string(100 + rng() % 900);
                break;
            case 1:
                p->email = std::string(givens[rng() % 10]) + std::to_string(rng() % 1000) + "@example.org";
                break;
            case 2:
                p->preferredName = givens[rng() % 10];
                break;
            default:
                p->city = rng() % 2 ? "Chicago" : "Evanston";
                p->state = "IL";
                break;
            }
            (void)core::PatientStore(s).update(*p);
        } else if (kind < 70) {
            auto patients = ids(s, "SELECT id FROM patient WHERE status = 'active' ORDER BY id;");
            core::Appointment a;
            a.patientId = pick(patients);
            a.providerId = rng() % 2 ? fx.providerA.id : fx.providerB.id;
            a.typeId = fx.followUp.id;
            const int slot = static_cast<int>(rng() % 28); // 8:00-11:45 and 13:00-16:45
            const int minute = slot < 16 ? 8 * 60 + slot * 15 : 13 * 60 + (slot - 16) * 15;
            char start[32];
            std::snprintf(start, sizeof start, "2025-12-0%d %02d:%02d", 1 + static_cast<int>(rng() % 5), minute / 60,
                          minute % 60);
            a.startLocal = start;
            if (rng() % 3 == 0)
                a.roomId = rng() % 2 ? fx.roomA.id : fx.roomB.id;
            (void)core::AppointmentStore(s).book(a);
        } else if (kind < 82) {
            auto booked = ids(s, "SELECT id FROM appointment WHERE status IN ('scheduled','confirmed') ORDER BY id;");
            if (booked.empty())
                return;
            auto a = core::AppointmentStore(s).get(pick(booked));
            if (!a)
                return;
            const std::int64_t shift = (static_cast<std::int64_t>(rng() % 9) - 4) * 15 * 60'000;
            (void)core::AppointmentStore(s).move(a->id, a->startUtcMs + shift, std::nullopt, std::nullopt);
        } else if (kind < 92) {
            auto booked = ids(s, "SELECT id FROM appointment WHERE status = 'scheduled' ORDER BY id;");
            if (!booked.empty())
                (void)core::AppointmentStore(s).setStatus(pick(booked), core::AppointmentStatus::Confirmed);
        } else {
            auto booked = ids(s, "SELECT id FROM appointment WHERE status IN ('scheduled','confirmed') ORDER BY id;");
            if (!booked.empty())
                (void)core::AppointmentStore(s).cancel(pick(booked), "Patient called", "patient");
        }
    }

    // What a tampered front-desk workstation might send: changes past core's permission checks.
    void forbiddenEdit(Desk& d, std::mt19937& rng)
    {
        core::Session& s = *d.ws->session;
        auto pick = [&](const char* sql) {
            auto v = ids(s, sql);
            return v.empty() ? std::string() : v[rng() % v.size()];
        };
        core::Transaction tx(s.db());
        auto hlc = s.journal().stamp();
        QVERIFY(hlc);
        core::Status written;
        switch (rng() % 6) {
        case 0:
            written = s.journal().writeRow("user_account", pick("SELECT id FROM user_account WHERE username = 'desk';"),
                                           {{"role", std::string("admin")}}, false, *hlc, *hlc);
            break;
        case 1:
            written = s.journal().writeRow("clinic", pick("SELECT id FROM clinic;"),
                                           {{"npi", std::string("1245319599")}}, false, *hlc, *hlc);
            break;
        case 2:
            written = s.journal().writeRow("payer", pick("SELECT id FROM payer;"), {{"name", std::string("Hijacked")}},
                                           false, *hlc, *hlc);
            break;
        case 3:
            written = s.journal().recordChange("patient", pick("SELECT id FROM patient;"), core::ChangeOp::Delete, {},
                                               *hlc, *hlc);
            break;
        case 4:
            written = s.journal().writeRow("provider", pick("SELECT id FROM provider;"),
                                           {{"name", std::string("Dr. Nobody")}}, false, *hlc, *hlc);
            break;
        default: {
            const std::string survivor = pick("SELECT id FROM patient WHERE status = 'active';");
            written = s.journal().writeRow("patient", pick("SELECT id FROM patient WHERE status = 'active';"),
                                           {{"merged_into", survivor}}, false, *hlc, *hlc);
        }
        }
        QVERIFY2(written, written ? "" : words::errorSentence(written.error()).c_str());
        QVERIFY(tx.commit());
        d.forbidden.insert(ids(s, "SELECT change_id FROM change_outbox ORDER BY seq DESC LIMIT 1;").at(0));
    }

    // One sync through the proxy: what left the outbox without becoming a conflict was acknowledged.
    static void syncOnce(Desk& d)
    {
        core::Session& s = *d.ws->session;
        const auto before = outbox(s);
        ++d.syncs;
        if (auto r = d.engine->syncNow(); !r) {
            ++d.failedSyncs;
            d.lastError = words::errorSentence(r.error());
        }
        std::set<std::string> still;
        for (const auto& p : outbox(s))
            still.insert(p.changeId);
        const auto refused = conflictedChangeIds(s);
        for (const auto& p : before)
            if (!still.contains(p.changeId) && !refused.contains(p.changeId))
                for (const auto& f : p.fields)
                    d.acked.push_back({p.entity, p.rowId, f.name, p.hlc, f.value});
        // The desk resolves what the server refused by taking the server's version.
        if (auto conflicts = d.engine->replica().openConflicts())
            for (const auto& c : *conflicts) {
                if (d.forbidden.contains(c.changeId))
                    d.refusedForbidden[c.changeId] = c.code;
                else if (c.code == "permission_denied" || c.code == "clock_skew" || c.code == "impossible_stamp") {
                    ++d.wronglyRefused;
                    qWarning("wrongly refused: %s %s %s", c.code.c_str(), c.entity.c_str(), c.reason.c_str());
                }
                (void)d.engine->resolveConflict(c.id, false);
            }
    }

    void verifyAcked(Desk& d)
    {
        core::Session& s = *d.ws->session;
        for (const Acked& a : d.acked) {
            // Table and field names come from this process's own outbox.
            auto stmt =
                s.db().prepare("SELECT created_hlc, field_hlc, " + a.field + " FROM " + a.entity + " WHERE id = ?;");
            QVERIFY(stmt);
            stmt->bind(1, a.rowId);
            auto row = stmt->step();
            QVERIFY2(row && *row, ("acknowledged row missing: " + a.entity + " " + a.rowId).c_str());
            std::string version = stmt->text(0);
            Poco::JSON::Parser parser;
            auto stamps = parser.parse(stmt->text(1)).extract<Poco::JSON::Object::Ptr>();
            if (stamps->has(a.field))
                version = stamps->getValue<std::string>(a.field);
            const auto value = stmt->optionalText(2);
            stmt->reset();
            QVERIFY2(version >= a.hlc, ("acknowledged write lost: " + a.entity + "." + a.field).c_str());
            if (version == a.hlc)
                QVERIFY2(value == a.value, ("acknowledged value changed: " + a.entity + "." + a.field).c_str());
        }
    }

private slots:
    void initTestCase()
    {
        core::initCrypto();
        if (const char* seed = std::getenv("PRACTICA_SYNC_SEED"))
            m_seed = static_cast<std::uint32_t>(std::stoul(seed));
        if (const char* rounds = std::getenv("PRACTICA_SYNC_ROUNDS"))
            m_rounds = std::stoi(rounds);
        qInfo("seed %u, %d rounds (PRACTICA_SYNC_SEED / PRACTICA_SYNC_ROUNDS replay or lengthen)", m_seed, m_rounds);
    }

    void fiveWorkstationsConverge() { converge(nullptr, {}); }

    // Two server processes' worth of servers (each its own store connection pool and account service,
    // sharing only PostgreSQL and the token secret): any request may land on either.
    void fiveWorkstationsConvergeOnPostgresWithTwoServers()
    {
        PostgresFixture pg;
        if (!pg.available())
            PRACTICA_NEEDS_POSTGRES(pg.error());
        QVERIFY2(pg.running(), qPrintable(pg.error()));
        auto first = sync::PostgresStore::open(pg.conninfo());
        QVERIFY(first);
        QVERIFY((*first)->migrate());
        auto second = sync::PostgresStore::open(pg.conninfo());
        QVERIFY(second);
        converge(std::move(*first), std::move(*second));
    }

private:
    void converge(std::unique_ptr<sync::ServerStore> store, std::unique_ptr<sync::ServerStore> secondStore)
    {
        std::mt19937 rng(m_seed);
        ScheduleFixture fx;
        ServerFixture server(std::move(store));
        std::unique_ptr<ServerFixture> other;
        if (secondStore)
            other = std::make_unique<ServerFixture>(std::move(secondStore));
        const std::string clinic = core::ClinicStore(fx.admin()).get()->id;
        server.createClinic(clinic);
        for (const char* name : {"Blue Cross Blue Shield of Illinois", "Aetna", "Medicare Part B"}) {
            core::Payer payer;
            payer.name = name;
            payer.payerCode = std::string(name).substr(0, 5);
            QVERIFY(core::PayerStore(fx.admin()).create(payer));
        }
        QTemporaryDir dir;

        std::vector<Desk> desks(5);
        desks[0].ws = Workstation::enroll(fx.admin(), server.url());
        QVERIFY(desks[0].ws->sync());
        // Desk 4 is the front desk's: its user on the workstations and its account on the server.
        // (The account follows the synced user record: no separate server account.)
        QVERIFY(core::UserStore(fx.admin())
                    .add("desk", "Dana Desk", core::Role::FrontDesk, "desk-password-1", core::KdfCost::minimal()));
        // Desks 2 and 3 are two clinicians' exam rooms.
        for (const char* name : {"dr.a", "dr.b"})
            QVERIFY(core::UserStore(fx.admin())
                        .add(name, name, core::Role::Clinician, "doctor-password-1", core::KdfCost::minimal()));
        QVERIFY(desks[0].ws->sync());
        server.clock().set(fx.clinic().clock().nowMs());
        for (int i = 1; i < 5; ++i) {
            // Each desk's clock runs up to four minutes off the clinic's real time (the server's).
            desks[i].offsetMs = (static_cast<int>(rng() % 480) - 240) * 1000;
            desks[i].clock = std::make_unique<core::ManualClock>(fx.clinic().clock().nowMs() + desks[i].offsetMs);
            const bool frontDesk = i == 4;
            const bool clinician = i == 2 || i == 3;
            desks[i].ws = Workstation::join(
                server.url(), dir.filePath(QString("ws%1.db").arg(i)).toStdString(), clinic, *desks[i].clock,
                frontDesk   ? "desk"
                : clinician ? (i == 2 ? "dr.a" : "dr.b")
                            : "admin",
                frontDesk || clinician ? (frontDesk ? "desk-password-1" : "doctor-password-1") : kAdminPassword);
            if (frontDesk || clinician)
                QVERIFY(server.accounts().approveDevice(clinic, desks[i].ws->session->deviceId(), "admin"));
            QVERIFY(desks[i].ws->sync());
        }
        QCOMPARE(desks[4].ws->session->actor().role, core::Role::FrontDesk);
        std::vector<int> upstreams{server.port()};
        if (other)
            upstreams.push_back(other->port());
        FaultProxy proxy(upstreams, m_seed);
        for (auto& d : desks) {
            d.viaProxy = std::make_unique<sync::SyncClient>(sync::ClientOptions{proxy.url(), {}, 2000, 10000});
            d.engine = std::make_unique<sync::SyncEngine>(*d.ws->session, *d.viaProxy);
        }

        int edits = 0;
        for (int round = 0; round < m_rounds; ++round) {
            for (auto& d : desks) {
                const int n = 10 + static_cast<int>(rng() % 20);
                for (int i = 0; i < n; ++i) {
                    if (&d == &desks[4] && rng() % 8 == 0)
                        forbiddenEdit(d, rng);
                    else
                        randomEdit(d, fx, rng);
                }
                edits += n;
            }
            // Real time moves on; each desk's clock keeps its own offset from it, give or take a second.
            fx.clinic().clock().advance(1000 + rng() % 60'000);
            const std::int64_t now = fx.clinic().clock().nowMs();
            for (int i = 1; i < 5; ++i) {
                Desk& d = desks[static_cast<std::size_t>(i)];
                d.clock->set(std::max(d.clock->nowMs(), now + d.offsetMs + static_cast<int>(rng() % 2000) - 1000));
            }
            server.clock().set(now);
            if (other)
                other->clock().set(now);
            if (rng() % 6 == 0)
                server.restart();
            if (other && rng() % 6 == 0)
                other->restart();
            // A random group of desks syncs at the same time, in random order.
            std::vector<std::size_t> order{0, 1, 2, 3, 4};
            std::shuffle(order.begin(), order.end(), rng);
            order.resize(1 + rng() % 5);
            std::vector<std::thread> threads;
            for (std::size_t i : order)
                threads.emplace_back([&d = desks[i]] { syncOnce(d); });
            for (auto& t : threads)
                t.join();
        }

        // The network heals: sync until every outbox is empty and no conflict is open, then once more.
        proxy.setEnabled(false);
        for (int pass = 0; pass < 10; ++pass) {
            bool settled = true;
            for (auto& d : desks) {
                syncOnce(d);
                auto st = d.engine->replica().status();
                QVERIFY(st);
                if (st->pending != 0 || st->openConflicts != 0)
                    settled = false;
            }
            if (settled)
                break;
        }
        for (auto& d : desks)
            syncOnce(d);

        const std::string serverDigest = *desks[0].engine->serverDigest();
        // None of the front desk's forbidden changes was accepted; each one sent was refused for want of
        // permission (the others were dropped unsent with an earlier refused change of the same record).
        const auto accepted = server.store().changesAfter(clinic, 0, 10'000'000);
        QVERIFY(accepted);
        std::set<std::string> acceptedIds;
        for (const auto& c : *accepted)
            acceptedIds.insert(c.id);
        const Desk& desk = desks[4];
        for (const std::string& id : desk.forbidden)
            QVERIFY2(!acceptedIds.contains(id), "a forbidden change reached the server");
        for (const auto& [id, code] : desk.refusedForbidden)
            QVERIFY2(code == "permission_denied", code.c_str());
        QVERIFY(desk.forbidden.size() >= 10 || m_rounds < 24);
        QVERIFY(desk.refusedForbidden.size() * 2 >= desk.forbidden.size());
        qInfo("front desk: %zu forbidden changes, %zu sent and refused", desk.forbidden.size(),
              desk.refusedForbidden.size());
        int failed = 0, syncs = 0;
        std::size_t acked = 0;
        for (auto& d : desks) {
            auto st = *d.engine->replica().status();
            if (st.pending != 0)
                qWarning("last sync error: %s", d.lastError.c_str());
            QCOMPARE(st.pending, std::int64_t(0));
            QCOMPARE(st.openConflicts, std::int64_t(0));
            for (const auto& why : ids(*d.ws->session, "SELECT why || ' ' || entity FROM sync_parked;"))
                qWarning("parked: %s", why.c_str());
            QCOMPARE(st.parked, std::int64_t(0));
            QCOMPARE(d.wronglyRefused, 0);
            // Each desk holds what its sync scope reads (the front desk's holds no clinical record).
            const std::string scopedDigest = *d.engine->serverDigest();
            QCOMPARE(d.ws->digest(), scopedDigest);
            if (&d != &desks[4])
                QCOMPARE(scopedDigest, serverDigest);
            verifyAcked(d);
            // The desk user's slot holds the key their synced record holds, on every desk.
            auto deskUser = core::UserStore::findByUsername(d.ws->session->db(), "desk");
            QVERIFY(deskUser);
            auto keys = core::KeyFile::load(d.ws->session->keyFilePath());
            QVERIFY(keys && keys->slot("desk"));
            auto synced = core::UserKey::decode(deskUser->keyMaterial);
            QVERIFY(synced && keys->slot("desk")->key() == *synced);
            failed += d.failedSyncs;
            syncs += d.syncs;
            acked += d.acked.size();
        }
        const auto& c = proxy.counts();
        qInfo("%d edits, %d syncs (%d failed), %zu acknowledged field writes verified; proxy: %d forwarded, %d "
              "dropped, %d cut, %d duplicated, %d delayed, %d replayed",
              edits, syncs, failed, acked, c.forwarded.load(), c.dropped.load(), c.cut.load(), c.duplicated.load(),
              c.delayed.load(), c.replayed.load());
        QVERIFY(edits >= 2000 || m_rounds < 24);
        // Every kind of record took part.
        for (const char* table :
             {"patient", "coverage", "appointment", "encounter", "clinical_note", "vital_signs", "problem", "allergy"})
            QVERIFY(ids(*desks[0].ws->session, (std::string("SELECT count(*) FROM ") + table + ";").c_str()).at(0) !=
                    "0");
        QVERIFY(c.dropped + c.cut + c.duplicated > 0);
        QVERIFY(ids(*desks[0].ws->session, "SELECT count(*) FROM clinical_note WHERE signed_at IS NOT NULL;").at(0) !=
                "0");
        QCOMPARE(ids(*desks[4].ws->session, "SELECT count(*) FROM clinical_note;").at(0), std::string("0"));
        QVERIFY(m_passwordChanges > 0 || m_rounds < 24);
    }
};

QTEST_GUILESS_MAIN(tst_SyncConvergence)
#include "tst_syncconvergence.moc"
