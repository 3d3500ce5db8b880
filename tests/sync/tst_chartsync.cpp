// The chart across workstations and a real practica-server process: two clinicians on two workstations, both offline,
// edit one patient's chart and end with the same records everywhere; a note signed on one desk is final on every desk,
// and an edit made meanwhile elsewhere comes back as a conflict whose fix is an addendum; the server recomputes every
// signature and refuses a forged one.
#include "ScheduleFixture.h"
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"
#include "core/chart/ChartRows.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/EncounterStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/UserKey.h"
#include "core/db/Transaction.h"
#include "core/sync/ChangeSignature.h"
#include "core/sync/Replica.h"
#include "sync/protocol/Protocol.h"
#include "words/ErrorWords.h"

#include <Poco/JSON/Object.h>
#include <QtTest>
#include <sstream>

using practica::test::must;

using namespace practica;
using namespace practica::test;

namespace {

constexpr const char* kDoctorPassword = "doctor-password-1";

// A clinic served by a real practica-server process (its own store, over loopback HTTP) with an admin
// desk, two clinicians who join on workstations of their own, and the fixture's patients and providers.
struct ChartClinic
{
    ScheduleFixture fx;
    QTemporaryDir dir;
    ServerProcess server;
    std::string clinic;
    std::string url;
    std::unique_ptr<Workstation> adminDesk;
    std::string adminToken;

    ChartClinic()
    {
        // The server process checks each change's stamp against its own clock: the desks use real time.
        fx.clinic().clock().set(QDateTime::currentMSecsSinceEpoch());
        clinic = must(core::ClinicStore(fx.admin()).get(), "clinic").id;
        const QString store = dir.filePath(QStringLiteral("server.db"));
        if (!serverCommand({"clinic", "create", "--store", store, "--id", QString::fromStdString(clinic), "--name",
                            "Riverside", "--admin", "admin"}))
            qFatal("clinic create failed");
        if (!server.start(store, {"--insecure-http"}, environment()))
            qFatal("the server did not start: %s", server.log().constData());
        url = server.url().toStdString();
        for (const char* name : {"dr.adams", "dr.baker"})
            must(core::UserStore(fx.admin())
                     .add(name, name, core::Role::Clinician, kDoctorPassword, core::KdfCost::minimal()),
                 "clinician");
        adminDesk = Workstation::enroll(fx.admin(), url);
        must(adminDesk->sync(), "admin desk");
        sync::SyncClient admin({url, {}, 2000, 20000});
        adminToken = must(admin.login(clinic, "admin", kAdminPassword, "approver", "Approver"), "admin").accessToken;
    }

    static QProcessEnvironment environment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PRACTICA_PASSWORD", kAdminPassword);
        return env;
    }

    static bool serverCommand(const QStringList& args)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(binaryPath("practica-server"), args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            qWarning("practica-server %s: %s", qPrintable(args.join(' ')), p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    // A clinician's workstation: joined with their password, approved by the admin over the API.
    std::unique_ptr<Workstation> desk(const std::string& name, const std::string& user)
    {
        auto ws = Workstation::join(url, dir.filePath(QString::fromStdString(name + ".db")).toStdString(), clinic,
                                    fx.clinic().clock(), user, kDoctorPassword);
        (void)ws->sync(); // asks for approval
        Poco::JSON::Object body;
        body.set("device", ws->session->deviceId());
        std::ostringstream text;
        body.stringify(text);
        const Answer approved = request(server.port(), "POST", "/v1/devices/approve", text.str(), adminToken);
        if (approved.status != 200)
            qFatal("approve: HTTP %d", approved.status);
        must(ws->sync(), "first sync");
        return ws;
    }

    // A visit of a fixture patient with provider A, started by the desk's clinician.
    core::Encounter visit(Workstation& ws, int patient)
    {
        return must(core::EncounterStore(*ws.session)
                        .startWalkIn(fx.patients.at(static_cast<std::size_t>(patient)), fx.providerA.id, "follow_up",
                                     std::string("follow-up")),
                    "visit");
    }
};

std::int64_t count(core::Session& s, const std::string& sql, const std::string& param)
{
    auto stmt = s.db().prepare(sql);
    if (!stmt)
        qFatal("prepare: %s", stmt.error().detail.c_str());
    return must(stmt->bind(1, param).scalar(), "count");
}

// An answer's body as text again, for the protocol's decoders.
std::string bodyOf(const Answer& answer)
{
    std::ostringstream text;
    if (answer.json)
        answer.json->stringify(text);
    return text.str();
}

// A push body sent as it is, over plain HTTP.
Answer request_(int port, const std::string& body, const std::string& token)
{
    return request(port, "POST", "/v1/push", body, token);
}

} // namespace

class tst_ChartSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { core::initCrypto(); }

    void twoCliniciansOfflineConverge()
    {
        ChartClinic c;
        auto adams = c.desk("exam-1", "dr.adams");
        auto baker = c.desk("exam-2", "dr.baker");
        auto visit = c.visit(*adams, 0);
        const std::string patient = visit.patientId;

        // A problem both know about.
        core::Problem htn;
        htn.patientId = patient;
        htn.code = "I10";
        htn.display = "Essential (primary) hypertension";
        htn.onsetDate = "2019-04-02";
        htn = must(core::ClinicalListStore(*adams->session).saveProblem(htn), "problem");
        must(adams->sync(), "adams");
        must(baker->sync(), "baker");

        // Offline: each adds an allergy and drafts a note; one resolves the problem, the other annotates it.
        core::ClinicalListStore adamsLists(*adams->session);
        core::ClinicalListStore bakerLists(*baker->session);
        core::Allergy sulfa;
        sulfa.patientId = patient;
        sulfa.substance = "Sulfamethoxazole";
        sulfa.reaction = "rash";
        must(adamsLists.saveAllergy(sulfa), "adams allergy");
        core::Allergy latex = sulfa;
        latex.category = "environmental";
        latex.substance = "Latex";
        latex.reaction = "contact dermatitis";
        must(bakerLists.saveAllergy(latex), "baker allergy");
        core::Problem resolved = htn;
        resolved.status = "resolved";
        resolved.resolvedDate = "2025-11-01";
        must(adamsLists.saveProblem(resolved), "resolve");
        core::Problem annotated = must(bakerLists.problems(patient), "problems").front();
        annotated.note = "Home readings 120s/70s on amlodipine.";
        must(bakerLists.saveProblem(annotated), "annotate");
        must(core::NoteStore(*adams->session).startNote(visit.id), "adams note");
        must(core::NoteStore(*baker->session).startNote(visit.id), "baker note");

        must(adams->sync(), "adams");
        must(baker->sync(), "baker");
        must(adams->sync(), "adams again");
        must(c.adminDesk->sync(), "admin desk");
        QCOMPARE(adams->digest(), baker->digest());
        QCOMPARE(must(baker->engine->serverDigest(), "server"), baker->digest());
        for (Workstation* ws : {adams.get(), baker.get()}) {
            core::Session& s = *ws->session;
            QCOMPARE(count(s, "SELECT count(*) FROM allergy WHERE patient_id = ?;", patient), std::int64_t(2));
            QCOMPARE(count(s, "SELECT count(*) FROM clinical_note WHERE patient_id = ?;", patient), std::int64_t(2));
            auto problem = must(core::ClinicalListStore(s).problems(patient), "problems").front();
            QCOMPARE(problem.status, std::string("resolved"));
            QCOMPARE(problem.note, std::optional<std::string>("Home readings 120s/70s on amlodipine."));
            auto banner = must(core::ClinicalListStore(s).allergyStatus(patient), "allergies");
            QCOMPARE(banner.state, core::AllergyState::Allergies);
            QCOMPARE(banner.active.size(), std::size_t(2));
            QCOMPARE(ws->engine->replica().openConflicts()->size(), std::size_t(0));
        }
    }

    void signedElsewhereBecomesAnAddendum()
    {
        ChartClinic c;
        // One clinician, two workstations: the exam room and the office.
        auto exam = c.desk("exam", "dr.adams");
        auto office = c.desk("office", "dr.adams");
        auto visit = c.visit(*exam, 1);
        auto draft = must(core::NoteStore(*exam->session).startNote(visit.id), "draft");
        draft.assessment = "Viral URI.";
        must(core::NoteStore(*exam->session).saveDraft(draft), "save");
        must(exam->sync(), "exam");
        must(office->sync(), "office");

        // Offline: signed in the exam room; in the office the plan is still being written.
        must(core::NoteStore(*exam->session).sign(draft.id), "sign");
        core::ClinicalNote edit = must(core::NoteStore(*office->session).get(draft.id), "office copy");
        edit.plan = "Fluids, rest; return if fever over 3 days.";
        must(core::NoteStore(*office->session).saveDraft(edit), "office edit");
        must(exam->sync(), "exam pushes the signature");
        auto report = must(office->sync(), "office pushes its edit");
        QCOMPARE(report.conflicts, std::int64_t(1));
        auto conflicts = must(office->engine->replica().openConflicts(), "conflicts");
        QCOMPARE(conflicts.size(), std::size_t(1));
        QCOMPARE(conflicts[0].code, std::string("locked_record"));
        QCOMPARE(conflicts[0].entity, std::string("clinical_note"));

        // The fix: the signed note stays as signed, the edit's text becomes an addendum to sign.
        auto serverRow = must(office->client->row(conflicts[0].entity, conflicts[0].rowId), "server row");
        auto addendum = must(core::NoteStore(*office->session)
                                 .addendumFromRefusedEdit(office->engine->replica(), conflicts[0], serverRow),
                             "addendum");
        QCOMPARE(*addendum.addendumTo, draft.id);
        QVERIFY(addendum.body->find("Plan: Fluids, rest") != std::string::npos);
        must(core::NoteStore(*office->session).sign(addendum.id), "sign addendum");
        QCOMPARE(must(office->engine->replica().openConflicts(), "conflicts").size(), std::size_t(0));
        must(office->sync(), "office");
        must(exam->sync(), "exam");
        must(office->sync(), "office again");
        QCOMPARE(exam->digest(), office->digest());
        QCOMPARE(must(exam->engine->serverDigest(), "server"), exam->digest());
        auto signedNote = must(core::NoteStore(*office->session).get(draft.id), "signed");
        QVERIFY(!signedNote.plan || signedNote.plan->find("Fluids") == std::string::npos);
        QVERIFY(core::NoteStore::contentIntact(signedNote));
        QCOMPARE(must(core::NoteStore(*exam->session).forEncounter(visit.id), "notes").size(), std::size_t(2));
    }

    void forgedSignaturesAreRefused()
    {
        ChartClinic c;
        auto adams = c.desk("exam", "dr.adams");
        auto baker = c.desk("exam-2", "dr.baker");
        auto visit = c.visit(*adams, 2);
        auto note = must(core::NoteStore(*adams->session).startNote(visit.id), "draft");
        must(adams->sync(), "adams");
        must(baker->sync(), "baker");

        // A tampered workstation writes signatures its stores would never write.
        auto forge = [&](Workstation& ws, std::vector<core::FieldValue> fields) {
            core::Session& s = *ws.session;
            core::Transaction tx(s.db());
            auto hlc = must(s.journal().stamp(), "stamp");
            must(s.journal().writeRow("clinical_note", note.id, fields, false, hlc, hlc), "forge");
            must(tx.commit(), "commit");
            auto report = must(ws.sync(), "push");
            auto conflicts = must(ws.engine->replica().openConflicts(), "conflicts");
            const core::SyncConflict found = conflicts.empty() ? core::SyncConflict{} : conflicts.back();
            if (!conflicts.empty()) {
                auto row = must(ws.client->row(found.entity, found.rowId), "row");
                must(ws.engine->replica().resolveByDiscard(found.id, row), "discard");
            }
            (void)report;
            return found;
        };
        core::ClinicalNote signedCopy = note;
        signedCopy.signedAt = "2025-11-21T15:30:00Z";
        signedCopy.signedBy = note.authorId;
        signedCopy.contentSha256 = std::string(64, '0');
        auto wrongHash = forge(*adams, {{"signed_at", signedCopy.signedAt},
                                        {"signed_by", signedCopy.signedBy},
                                        {"content_sha256", signedCopy.contentSha256}});
        QCOMPARE(wrongHash.code, std::string("invalid_field"));
        QCOMPARE(wrongHash.params.at("rule"), std::string("content_hash"));

        // Dr. Baker signs Dr. Adams's note, with a hash that fits.
        const std::string bakerId = baker->session->actor().userId;
        signedCopy.signedBy = bakerId;
        signedCopy.contentSha256 = core::NoteStore::contentHash(signedCopy);
        auto notSigner = forge(*baker, {{"signed_at", signedCopy.signedAt},
                                        {"signed_by", signedCopy.signedBy},
                                        {"content_sha256", signedCopy.contentSha256}});
        QCOMPARE(notSigner.code, std::string("invalid_field"));
        QCOMPARE(notSigner.params.at("rule"), std::string("not_signer"));

        // A signature without its hash.
        auto half = forge(*adams, {{"signed_at", signedCopy.signedAt}, {"signed_by", note.authorId}});
        QCOMPARE(half.params.at("rule"), std::string("required_together"));

        // The real signature is taken; nothing about the note changes afterwards.
        must(core::NoteStore(*adams->session).sign(note.id), "sign");
        auto report = must(adams->sync(), "adams");
        QCOMPARE(report.conflicts, std::int64_t(0));
        auto locked = forge(*adams, {{"plan", std::string("added later")}});
        QCOMPARE(locked.code, std::string("locked_record"));
        must(baker->sync(), "baker");
        QCOMPARE(must(baker->engine->serverDigest(), "server"), baker->digest());
    }

    // A desk the admin enrolled, where a clinician signs in and charts: the server authorizes each change
    // as the user who signed it, not as the account the desk is connected with (an admin may write no
    // chart), and records that user as its author.
    void sharedDeskPushesEachAuthorsChanges()
    {
        ChartClinic c;
        auto doctor =
            must(core::Vault::unlock(c.fx.admin().db().path(), "dr.adams", kDoctorPassword, c.fx.clinic().clock()),
                 "dr.adams signs in at the admin's desk");
        QVERIFY(doctor->signingKeyCopy().has_value());
        auto visit = must(core::EncounterStore(*doctor).startWalkIn(c.fx.patients.at(1), c.fx.providerA.id, "follow_up",
                                                                    std::string("cough")),
                          "visit");
        auto note = must(core::NoteStore(*doctor).startNote(visit.id), "draft");
        note.subjective = "Dry cough for a week.";
        must(core::NoteStore(*doctor).saveDraft(note), "save");
        must(core::NoteStore(*doctor).sign(note.id), "sign");
        core::Problem cough;
        cough.patientId = visit.patientId;
        cough.code = "R05.9";
        cough.display = "Cough, unspecified";
        must(core::ClinicalListStore(*doctor).saveProblem(cough), "problem");
        doctor.reset();

        auto report = must(c.adminDesk->sync(), "the admin's desk pushes the doctor's changes");
        QCOMPARE(report.conflicts, std::int64_t(0));
        QVERIFY(report.pushed >= 4);
        QCOMPARE(must(c.adminDesk->engine->serverDigest(), "server"), c.adminDesk->digest());

        // Another clinician's desk receives the signed note, with its author as the server recorded it.
        auto baker = c.desk("exam-2", "dr.baker");
        QCOMPARE(count(*baker->session, "SELECT count(*) FROM clinical_note WHERE id = ? AND signed_at IS NOT NULL",
                       note.id),
                 std::int64_t(1));
        const Answer changes = request(
            c.server.port(), "GET", "/v1/changes?after=0&limit=5000", {},
            must(
                sync::SyncClient({c.url, {}, 2000, 20000}).login(c.clinic, "admin", kAdminPassword, "reader", "Reader"),
                "login")
                .accessToken);
        QCOMPARE(changes.status, 200);
        auto page = must(sync::decodePull(bodyOf(changes)), "page");
        int notesByAdams = 0;
        for (const core::SyncChange& ch : page.changes)
            if (ch.entity == "clinical_note") {
                QCOMPARE(ch.author, std::string("dr.adams"));
                ++notesByAdams;
            }
        QVERIFY(notesByAdams >= 2);
    }

    // Signatures over raw HTTP: a change the admin's connection pushes is taken as a clinician's only when
    // that clinician's key signed exactly this change and their account is active.
    void signaturesAreCheckedOverRawHttp()
    {
        ChartClinic c;
        auto adams = c.desk("exam", "dr.adams");
        auto baker = c.desk("exam-2", "dr.baker");
        const std::string patient = c.visit(*adams, 3).patientId;
        must(adams->sync(), "adams");
        auto problem = [&](Workstation& ws, const char* code, const char* display) {
            core::Problem p;
            p.patientId = patient;
            p.code = code;
            p.display = display;
            must(core::ClinicalListStore(*ws.session).saveProblem(p), "problem");
            auto out = must(ws.engine->replica().outgoing(10), "outbox");
            if (out.size() != 1)
                qFatal("one change expected in the outbox, found %zu", out.size());
            return out.front();
        };
        const core::SyncChange genuine = problem(*adams, "J45.909", "Asthma");
        QCOMPARE(genuine.signedBy, std::string("dr.adams"));
        QVERIFY(!genuine.signature.empty());
        // The outbox keeps its changes until the server answers: clear it so each problem is read alone.
        auto clearOutbox = [](Workstation& ws) {
            auto stmt = ws.session->db().prepare("DELETE FROM change_outbox;");
            must(stmt->run(), "clear outbox");
        };
        clearOutbox(*adams);
        core::SyncChange tampered = problem(*adams, "E11.9", "Type 2 diabetes");
        clearOutbox(*adams);
        core::SyncChange renamed = problem(*adams, "K21.9", "Reflux");
        clearOutbox(*adams);
        core::SyncChange unsignedChange = problem(*adams, "M54.50", "Low back pain");
        clearOutbox(*adams);
        const core::SyncChange bakers = problem(*baker, "R51.9", "Headache");
        clearOutbox(*baker);

        sync::SyncClient admin({c.url, {}, 2000, 20000});
        const std::string token =
            must(admin.login(c.clinic, "admin", kAdminPassword, "hand", "By hand"), "login").accessToken;
        auto push = [&](const core::SyncChange& change) {
            sync::PushRequest request{"hand", {change}};
            const Answer answer = request_(c.server.port(), sync::encodePush(request), token);
            if (answer.status != 200)
                qFatal("push: HTTP %d %s", answer.status, bodyOf(answer).c_str());
            auto response = must(sync::decodePushResponse(bodyOf(answer)), "response");
            return response.results.front();
        };

        // A changed field, another signer's name, no signature: each is the admin's own change, refused.
        for (core::SyncField& f : tampered.fields)
            if (f.name == "display")
                f.value = "Type 1 diabetes";
        renamed.signedBy = "dr.baker";
        unsignedChange.signedBy.clear();
        unsignedChange.signature.clear();
        for (const core::SyncChange* forged : {&tampered, &renamed, &unsignedChange}) {
            const core::PushResult r = push(*forged);
            QCOMPARE(r.outcome, core::PushOutcome::Conflict);
            QCOMPARE(r.conflictCode, std::string("permission_denied"));
            QCOMPARE(r.params.at("role"), std::string("admin"));
        }

        // The untouched change is Dr. Adams's.
        QCOMPARE(push(genuine).outcome, core::PushOutcome::Applied);

        // Dr. Baker is deactivated: his signature no longer authorizes anything.
        must(core::UserStore(c.fx.admin()).deactivate("dr.baker"), "deactivate");
        must(c.adminDesk->sync(), "admin desk");
        const core::PushResult afterLeaving = push(bakers);
        QCOMPARE(afterLeaving.conflictCode, std::string("permission_denied"));

        const Answer changes = request(c.server.port(), "GET", "/v1/changes?after=0&limit=5000", {}, token);
        auto page = must(sync::decodePull(bodyOf(changes)), "page");
        auto accepted = std::find_if(page.changes.begin(), page.changes.end(),
                                     [&](const core::SyncChange& ch) { return ch.id == genuine.id; });
        QVERIFY(accepted != page.changes.end());
        QCOMPARE(accepted->author, std::string("dr.adams"));
        QCOMPARE(accepted->authorId, adams->session->actor().userId);
    }
};

QTEST_GUILESS_MAIN(tst_ChartSync)
#include "tst_chartsync.moc"
