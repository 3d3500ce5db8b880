// One identity per person per clinic, with a real practica-server process: every user signs in on
// every workstation, online and offline; a password changed on one desk works on the other after a
// sync and the old one stops working there and at the server; a deactivated user can sign in nowhere
// after each desk's next sync, their refresh token is refused and the data key is rotated.
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestSupport.h"
#include "core/auth/SecondFactor.h"
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/KeyFile.h"
#include "core/crypto/Totp.h"
#include "words/ErrorWords.h"

#include <QtTest>

using namespace practica;
using namespace practica::test;

namespace {

constexpr const char* kDoctorPassword = "doctor-password-1";
constexpr const char* kDeskPassword = "desk-password-1";

struct Person
{
    std::string username;
    std::string password;
    core::Role role;
};

} // namespace

class tst_Identity : public QObject
{
    Q_OBJECT

private:
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PRACTICA_PASSWORD", kAdminPassword);
        return env;
    }

    bool runServerCommand(const QStringList& args, const QString& password = kAdminPassword)
    {
        QProcess p;
        QProcessEnvironment env = environment();
        env.insert("PRACTICA_PASSWORD", password);
        p.setProcessEnvironment(env);
        p.start(binaryPath("practica-server"), args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            qWarning("practica-server %s: %s", qPrintable(args.join(' ')), p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    // A sign-in at the server over HTTP, as a workstation's sync makes it.
    core::Result<sync::ClientTokens> serverSignIn(const std::string& url, const std::string& clinic,
                                                  const std::string& username, const std::string& password)
    {
        sync::SyncClient client(sync::ClientOptions{url, {}, 2000, 20000});
        return client.login(clinic, username, password, "device-of-" + username, "Test device");
    }

    static core::Status signIn(const std::string& path, const std::string& username, const std::string& password,
                               core::Clock& clock, core::Role expected)
    {
        auto session = core::Vault::unlock(path, username, password, clock);
        if (!session)
            return std::unexpected(session.error());
        if ((*session)->actor().role != expected)
            return core::fail(core::ErrorCode::Internal, username, "signed in with another role");
        return {};
    }

private slots:
    void everyUserOnEveryDesk();
};

void tst_Identity::everyUserOnEveryDesk()
{
    TempClinic desk1;
    core::ManualClock& clock = desk1.clock();
    clock.set(QDateTime::currentMSecsSinceEpoch()); // the real server process checks stamps against its clock
    const std::string clinic = core::ClinicStore(desk1.admin()).get()->id;
    QTemporaryDir dir;
    const QString store = dir.filePath("server.db");
    QVERIFY(runServerCommand({"clinic", "create", "--store", store, "--id", QString::fromStdString(clinic), "--name",
                              "Lakeside", "--admin", "admin"}));
    auto server = std::make_unique<ServerProcess>();
    QVERIFY(server->start(store, {"--insecure-http"}, environment()));
    const std::string url = server->url().toStdString();

    // Desk 1 has the clinic; its admin adds a doctor there, and the server's command line adds a front
    // desk user: both reach the server and every desk as synced records.
    auto ws1 = Workstation::enroll(desk1.admin(), url);
    QVERIFY(core::UserStore(desk1.admin())
                .add("doctor", "Dr Dee", core::Role::Clinician, kDoctorPassword, core::KdfCost::minimal()));
    QVERIFY(ws1->sync());
    QVERIFY(runServerCommand({"user", "add", "--store", store, "--clinic", QString::fromStdString(clinic), "--username",
                              "desk", "--role", "front_desk", "--display-name", "Dana Desk"},
                             kDeskPassword));
    auto synced1 = ws1->sync();
    QVERIFY(synced1);
    QCOMPARE(synced1->keySlots.added, 1); // desk, made at the server

    // Desk 2 joins as the admin and learns of the other two at its first sync.
    const std::string path2 = dir.filePath("desk2.db").toStdString();
    auto ws2 = Workstation::join(url, path2, clinic, clock);
    auto synced2 = ws2->sync();
    QVERIFY(synced2);
    QCOMPARE(synced2->keySlots.added, 2);
    QCOMPARE(ws1->digest(), ws2->digest());

    const std::vector<Person> people{{"admin", kAdminPassword, core::Role::Admin},
                                     {"doctor", kDoctorPassword, core::Role::Clinician},
                                     {"desk", kDeskPassword, core::Role::FrontDesk}};
    const std::vector<std::string> desks{desk1.path(), path2};
    // Online: each person signs in on each desk and at the server with the same password.
    for (const Person& p : people) {
        for (const std::string& desk : desks) {
            auto s = signIn(desk, p.username, p.password, clock, p.role);
            QVERIFY2(s, (p.username + " on " + desk + ": " + (s ? "" : words::errorSentence(s.error()))).c_str());
        }
        auto tokens = serverSignIn(url, clinic, p.username, p.password);
        QVERIFY2(tokens, p.username.c_str());
        QCOMPARE(tokens->role, std::string(core::roleName(p.role)));
    }

    // Offline: the server is gone, and every sign-in still works on both desks.
    QCOMPARE(server->stop(), 0);
    server.reset();
    QVERIFY(!ws2->sync());
    for (const Person& p : people)
        for (const std::string& desk : desks)
            QVERIFY2(signIn(desk, p.username, p.password, clock, p.role), (p.username + " offline").c_str());

    // A user added on desk 1 while desk 2 is offline: desk 2 says it does not know them yet.
    QVERIFY(core::UserStore(desk1.admin())
                .add("nurse", "Nurse Noor", core::Role::Clinician, "nurse-password-1", core::KdfCost::minimal()));
    auto unknown = failureOf(core::Vault::unlock(path2, "nurse", "nurse-password-1", clock));
    QCOMPARE(unknown.code, core::ErrorCode::WrongPassword);
    QCOMPARE(unknown.rule(), std::optional(core::Rule::UnknownUser));
    // A wrong password is not mistaken for an unknown user.
    auto wrong = failureOf(core::Vault::unlock(path2, "doctor", "not-the-password", clock));
    QCOMPARE(wrong.code, core::ErrorCode::WrongPassword);
    QVERIFY(!wrong.rule());

    // Back online. The doctor changes their password on desk 1.
    server = std::make_unique<ServerProcess>();
    QVERIFY(server->start(
        store, {"--insecure-http", "--listen", QString("127.0.0.1:%1").arg(QUrl(QString::fromStdString(url)).port())},
        environment()));
    {
        auto doctor = core::Vault::unlock(desk1.path(), "doctor", kDoctorPassword, clock);
        QVERIFY(doctor);
        QVERIFY(core::UserStore(**doctor).changeOwnPassword(kDoctorPassword, "doctor-password-2",
                                                            core::KdfCost::minimal()));
    }
    QVERIFY(ws1->sync());
    auto afterChange = ws2->sync();
    QVERIFY(afterChange);
    QCOMPARE(afterChange->keySlots.replaced, 1);
    QCOMPARE(afterChange->keySlots.added, 1); // the nurse
    QCOMPARE(failureOf(core::Vault::unlock(path2, "doctor", kDoctorPassword, clock)).code,
             core::ErrorCode::WrongPassword);
    QVERIFY(signIn(path2, "doctor", "doctor-password-2", clock, core::Role::Clinician));
    QVERIFY(signIn(path2, "nurse", "nurse-password-1", clock, core::Role::Clinician));
    QCOMPARE(failureOf(serverSignIn(url, clinic, "doctor", kDoctorPassword)).code, core::ErrorCode::WrongPassword);
    QVERIFY(serverSignIn(url, clinic, "doctor", "doctor-password-2"));

    // An admin's reset on desk 2: desk 1 asks for a new password at the desk user's next sign-in.
    QVERIFY(core::UserStore(*ws2->session).resetPassword("desk", "temporary-pass-1", core::KdfCost::minimal()));
    QVERIFY(ws2->sync());
    QVERIFY(ws1->sync());
    {
        auto deskUser = core::Vault::unlock(desk1.path(), "desk", "temporary-pass-1", clock);
        QVERIFY(deskUser);
        QVERIFY((*deskUser)->mustChangePassword());
    }
    QCOMPARE(failureOf(core::Vault::unlock(desk1.path(), "desk", kDeskPassword, clock)).code,
             core::ErrorCode::WrongPassword);

    // A role changed on desk 1 ends the nurse's open session on desk 2 at that desk's next sync; the
    // nurse signs in again with the new role (no slot changes, no new data key).
    {
        auto nurseOn2 = core::Vault::unlock(path2, "nurse", "nurse-password-1", clock);
        QVERIFY(nurseOn2);
        sync::SyncEngine nurseEngine(**nurseOn2, *ws2->client);
        QVERIFY(core::UserStore(desk1.admin()).setRole("nurse", core::Role::Biller));
        QVERIFY(ws1->sync());
        auto roleChanged = nurseEngine.syncNow();
        QVERIFY(roleChanged);
        QVERIFY(roleChanged->keySlots.sessionEnded);
        QVERIFY(!roleChanged->keySlots.rotated);
    }
    QVERIFY(signIn(path2, "nurse", "nurse-password-1", clock, core::Role::Biller));

    // The doctor holds a refresh token and is signed in on desk 2 when desk 1's admin deactivates them.
    auto doctorTokens = serverSignIn(url, clinic, "doctor", "doctor-password-2");
    QVERIFY(doctorTokens);
    auto doctorOn2 = core::Vault::unlock(path2, "doctor", "doctor-password-2", clock);
    QVERIFY(doctorOn2);
    sync::SyncEngine doctorEngine(**doctorOn2, *ws2->client);
    QVERIFY(core::UserStore(desk1.admin()).deactivate("doctor"));
    QVERIFY(signIn(path2, "doctor", "doctor-password-2", clock, core::Role::Clinician)); // desk 2 has not synced
    QVERIFY(ws1->sync());
    sync::SyncClient doctorClient(sync::ClientOptions{url, {}, 2000, 20000});
    QCOMPARE(failureOf(doctorClient.refresh(doctorTokens->refreshToken)).code, core::ErrorCode::NotAuthorized);
    QCOMPARE(failureOf(serverSignIn(url, clinic, "doctor", "doctor-password-2")).code, core::ErrorCode::WrongPassword);
    // Desk 2's sync, made in the doctor's own session: the slot goes, the key rotates, the session ends.
    auto deactivated = doctorEngine.syncNow();
    QVERIFY(deactivated);
    QCOMPARE(deactivated->keySlots.removed, 1);
    QVERIFY(deactivated->keySlots.rotated);
    QVERIFY(deactivated->keySlots.sessionEnded);
    doctorOn2->reset();
    auto refused = failureOf(core::Vault::unlock(path2, "doctor", "doctor-password-2", clock));
    QCOMPARE(refused.code, core::ErrorCode::WrongPassword);
    QCOMPARE(refused.rule(), std::optional(core::Rule::AccountDeactivated));
    auto keys = core::KeyFile::load(core::KeyFile::pathFor(path2));
    QVERIFY(keys);
    QVERIFY(!keys->hasSlot("doctor"));
    // Everyone else still signs in on desk 2 after the rotation, and the desks still agree.
    QVERIFY(signIn(path2, "nurse", "nurse-password-1", clock, core::Role::Biller));
    QVERIFY(signIn(path2, "admin", kAdminPassword, clock, core::Role::Admin));
    // The admin's session on desk 2 was opened under the old key: like the app, it signs in again.
    ws2->engine.reset();
    ws2->ownSession.reset();
    auto admin2 = core::Vault::unlock(path2, "admin", kAdminPassword, clock);
    QVERIFY(admin2);
    ws2->ownSession = std::move(*admin2);
    ws2->session = ws2->ownSession.get();
    ws2->engine = std::make_unique<sync::SyncEngine>(*ws2->session, *ws2->client);
    QVERIFY(ws2->sync());
    QVERIFY(ws1->sync());
    QCOMPARE(ws1->digest(), ws2->digest());

    // Two-step sign-in reaches the server: once the admin has set it up (on desk 1, synced), the server's
    // sign-in (joining or enrolling a workstation) needs the current code too, and takes each code once.
    core::SecondFactor factor(desk1.admin());
    auto enrolment = factor.beginEnrolment();
    QVERIFY(enrolment);
    const auto secret = core::base32Decode(enrolment->secret);
    QVERIFY(secret);
    QVERIFY(factor.confirmEnrolment(core::totpCode(*secret, clock.nowMs() / 1000)));
    QVERIFY(ws1->sync());
    QCOMPARE(failureOf(serverSignIn(url, clinic, "admin", kAdminPassword)).code, core::ErrorCode::SecondFactorRequired);
    sync::SyncClient withCode(sync::ClientOptions{url, {}, 2000, 20000});
    const std::string wrongCode = core::totpCode(*secret, QDateTime::currentSecsSinceEpoch() + 600);
    QCOMPARE(failureOf(withCode.login(clinic, "admin", kAdminPassword, "device-x", "X", wrongCode)).code,
             core::ErrorCode::WrongSecondFactor);
    const std::string code = core::totpCode(*secret, QDateTime::currentSecsSinceEpoch());
    QVERIFY(withCode.login(clinic, "admin", kAdminPassword, "device-x", "X", code));
    auto replayed = failureOf(withCode.login(clinic, "admin", kAdminPassword, "device-x", "X", code));
    QCOMPARE(replayed.code, core::ErrorCode::WrongSecondFactor);
    QCOMPARE(replayed.detail, std::string("used"));
    QCOMPARE(server->stop(), 0);
}

QTEST_GUILESS_MAIN(tst_Identity)
#include "tst_identity.moc"
