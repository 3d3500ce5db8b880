// A user's second factor over the sync server: it reaches the other workstations (so a code can be
// checked offline anywhere), and the server re-checks who wrote it: a workstation whose software was
// tampered with cannot set another user's secret, nor remove one without an admin's role.
#include "SyncFixture.h"
#include "core/auth/SecondFactor.h"
#include "core/auth/UserStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/SecretKey.h"
#include "core/crypto/Totp.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/sync/Replica.h"
#include "words/ErrorWords.h"

#include <QTemporaryDir>
#include <QtTest>

using practica::test::must;

using namespace practica;
using namespace practica::test;

namespace {

std::string enrol(core::Session& session, const core::Clock& clock)
{
    core::SecondFactor factor(session);
    auto begun = must(factor.beginEnrolment(), "begin");
    auto secret = core::base32Decode(begun.secret);
    must(factor.confirmEnrolment(core::totpCode(*secret, clock.nowMs() / 1000)), "confirm");
    return begun.secret;
}

std::string textOf(core::Session& s, const std::string& sql, const std::string& param)
{
    auto stmt = must(s.db().prepare(sql), "prepare");
    stmt.bind(1, param);
    return must(stmt.one<std::string>([](const core::Statement& r) { return r.text(0); }, "row", sql), "row");
}

} // namespace

class tst_SecondFactorSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { core::initCrypto(); }

    void othersSecretsAreRefusedByTheServer()
    {
        TempClinic fx;
        ServerFixture server;
        const std::string clinic = must(core::ClinicStore(fx.admin()).get(), "clinic").id;
        server.createClinic(clinic);
        must(core::UserStore(fx.admin())
                 .add("desk", "Dana Desk", core::Role::FrontDesk, "desk-password-1", core::KdfCost::minimal()),
             "desk user");
        must(server.accounts().addUser(clinic, "desk", "Dana Desk", "front_desk", "desk-password-1"), "desk account");
        const std::string adminSecret = enrol(fx.admin(), fx.clock());
        auto admin = Workstation::enroll(fx.admin(), server.url());
        must(admin->sync(), "admin");
        QTemporaryDir dir;
        auto desk = Workstation::join(server.url(), dir.filePath("desk.db").toStdString(), clinic, fx.clock(), "desk",
                                      "desk-password-1");
        (void)desk->sync();
        must(server.accounts().approveDevice(clinic, desk->session->deviceId(), "admin"), "approve");
        must(desk->sync(), "desk first sync");
        core::Session& s = *desk->session;

        // The admin's second factor arrived: it works on this desk offline.
        const std::string adminId = textOf(s, "SELECT id FROM user_account WHERE username = ?;", "admin");
        const std::string adminRow = textOf(s, "SELECT id FROM user_totp WHERE user_id = ?;", adminId);
        QCOMPARE(textOf(s, "SELECT secret FROM user_totp WHERE id = ?;", adminRow), adminSecret);

        // A tampered desk sets the admin's secret to one it knows, and clears it: both refused.
        {
            core::Transaction tx(s.db());
            auto hlc = must(s.journal().stamp(), "stamp");
            must(s.journal().writeRow("user_totp", adminRow,
                                      {{"secret", std::string("MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U")}}, false, hlc, hlc),
                 "forged secret");
            must(tx.commit(), "commit");
        }
        // Each refusal is a conflict on the desk; taking the server's version puts the admin's back.
        auto refusedOnce = [&](const char* what, core::SyncConflict& c) {
            auto report = must(desk->sync(), what);
            QCOMPARE(report.conflicts, std::int64_t(1));
            auto conflicts = must(desk->engine->replica().openConflicts(), "conflicts");
            QCOMPARE(conflicts.size(), std::size_t(1));
            c = conflicts.front();
            must(desk->engine->resolveConflict(c.id, false), "take the server's version");
            QCOMPARE(textOf(s, "SELECT secret FROM user_totp WHERE id = ?;", adminRow), adminSecret);
        };
        core::SyncConflict forgedSecret;
        refusedOnce("forged secret", forgedSecret);
        QCOMPARE(forgedSecret.code, std::string("permission_denied"));
        QCOMPARE(forgedSecret.params.at("owner_only"), std::string("1"));
        {
            core::Transaction tx(s.db());
            auto hlc = must(s.journal().stamp(), "stamp");
            must(s.journal().writeRow(
                     "user_totp", adminRow,
                     {{"secret", std::nullopt}, {"recovery_codes", std::nullopt}, {"enrolled_at", std::nullopt}}, false,
                     hlc, hlc),
                 "forged removal");
            must(tx.commit(), "commit");
        }
        core::SyncConflict forgedRemoval;
        refusedOnce("forged removal", forgedRemoval);
        QCOMPARE(forgedRemoval.code, std::string("permission_denied"));
        QCOMPARE(forgedRemoval.params.at("permission"),
                 std::string(core::permissionName(core::Permission::UserManage)));
        must(admin->sync(), "admin pull");
        QCOMPARE(textOf(fx.admin(), "SELECT secret FROM user_totp WHERE id = ?;", adminRow), adminSecret);

        // The desk's own enrolment is accepted; the admin removes it (a lost phone), and may not set it.
        enrol(s, fx.clock());
        auto report = must(desk->sync(), "desk enrols");
        QCOMPARE(report.conflicts, std::int64_t(0));
        must(admin->sync(), "admin pull");
        const std::string deskId = textOf(fx.admin(), "SELECT id FROM user_account WHERE username = ?;", "desk");
        QVERIFY(must(core::SecondFactor(fx.admin()).status(deskId), "status").enrolled);
        const std::string deskRow = textOf(fx.admin(), "SELECT id FROM user_totp WHERE user_id = ?;", deskId);
        {
            core::Session& a = fx.admin();
            core::Transaction tx(a.db());
            auto hlc = must(a.journal().stamp(), "stamp");
            must(a.journal().writeRow("user_totp", deskRow,
                                      {{"secret", std::string("MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U")}}, false, hlc, hlc),
                 "admin sets the desk's secret");
            must(tx.commit(), "commit");
        }
        report = must(admin->sync(), "admin push");
        QCOMPARE(report.conflicts, std::int64_t(1));
        for (const auto& c : must(admin->engine->replica().openConflicts(), "conflicts"))
            must(admin->engine->resolveConflict(c.id, false), "take the server's version");
        must(core::SecondFactor(fx.admin()).remove(deskId), "admin removes");
        report = must(admin->sync(), "admin push");
        QCOMPARE(report.conflicts, std::int64_t(0));
        must(desk->sync(), "desk pull");
        QVERIFY(!must(core::SecondFactor(s).ownStatus(), "desk status").enrolled);
        QCOMPARE(desk->digest(), admin->digest());
    }
};

QTEST_GUILESS_MAIN(tst_SecondFactorSync)
#include "tst_secondfactorsync.moc"
