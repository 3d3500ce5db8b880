// Two-step sign-in in core: enrolment confirmed by a first code, the code owed after the password,
// replayed codes, single-use recovery codes, the clinic's rule, verifyFresh, lockout, and who may
// set up or remove whose second factor (in core and in the record type's declaration the server uses).
#include "core/audit/AuditLog.h"
#include "core/auth/SecondFactor.h"
#include "core/auth/SecondFactorRows.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/Totp.h"
#include "core/db/Statement.h"
#include "core/records/ChangeAuthorizer.h"
#include "tests/support/TestSupport.h"

#include <QTest>

using namespace practica;
using core::ErrorCode;
using core::SecondFactorStep;

namespace {

// Sets up the session user's second factor; returns its secret (Base32) and the recovery codes.
std::pair<std::string, std::vector<std::string>> enrol(core::Session& session, const core::Clock& clock)
{
    core::SecondFactor factor(session);
    auto begun = factor.beginEnrolment();
    if (!begun)
        return {};
    auto secret = core::base32Decode(begun->secret);
    auto codes = factor.confirmEnrolment(core::totpCode(*secret, clock.nowMs() / 1000));
    if (!codes)
        return {};
    return {begun->secret, *codes};
}

std::string codeAt(const std::string& base32, std::int64_t unixMs)
{
    return core::totpCode(*core::base32Decode(base32), unixMs / 1000);
}

int auditCount(core::Session& s, std::string_view action, std::string_view detailPart)
{
    auto events = core::AuditLog(s.db()).recent(500);
    int n = 0;
    for (const auto& e : *events)
        if (e.action == action && e.detail.find(detailPart) != std::string::npos)
            ++n;
    return n;
}

std::int64_t outboxChanges(core::Session& s, const std::string& entity)
{
    auto stmt = s.db().prepare("SELECT count(*) FROM change_outbox WHERE entity = ?;");
    stmt->bind(1, entity);
    return *stmt->scalar();
}

} // namespace

class tst_SecondFactor : public QObject
{
    Q_OBJECT

private slots:
    void enrolThenSignInWithACode();
    void wrongFirstCodeSavesNothing();
    void replayedCodeIsRefused();
    void recoveryCodeWorksOnce();
    void clinicRuleAdminsOnlyOrEveryone();
    void verifyFreshForOneAction();
    void wrongCodesLockAndAreAudited();
    void onlyTheOwnerSetsUpAnAdminMayRemove();
    void declarationRefusesOthersSecrets();
};

void tst_SecondFactor::enrolThenSignInWithACode()
{
    test::TempClinic clinic;
    auto& clock = clinic.clock();
    QCOMPARE(clinic.admin().secondFactorOwed(), SecondFactorStep::Done);
    const std::int64_t before = outboxChanges(clinic.admin(), "user_totp");
    auto [secret, recovery] = enrol(clinic.admin(), clock);
    QVERIFY(!secret.empty());
    QCOMPARE(recovery.size(), std::size_t(10));
    QCOMPARE(outboxChanges(clinic.admin(), "user_totp"), before + 1); // synced like any record
    auto status = core::SecondFactor(clinic.admin()).status(clinic.admin().actor().userId);
    QVERIFY(status && status->enrolled);
    QCOMPARE(status->recoveryCodesLeft, 10);

    clock.advance(60'000);
    auto again = clinic.login("admin", test::kAdminPassword);
    QVERIFY(again);
    QCOMPARE(again->secondFactorOwed(), SecondFactorStep::Code);
    // Not usable until the code is given: every store's permission check refuses.
    auto refused = again->require(core::Permission::PatientRead);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::SecondFactorRequired);
    QCOMPARE(refused.error().field, std::string("code"));
    auto wrong = core::SecondFactor(*again).verify("000000" == codeAt(secret, clock.nowMs()) ? "111111" : "000000");
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::WrongSecondFactor);
    QVERIFY(core::SecondFactor(*again).verify(codeAt(secret, clock.nowMs())));
    QCOMPARE(again->secondFactorOwed(), SecondFactorStep::Done);
    QVERIFY(again->require(core::Permission::PatientRead));
    QCOMPARE(auditCount(*again, "login", "second_factor"), 1);
}

void tst_SecondFactor::wrongFirstCodeSavesNothing()
{
    test::TempClinic clinic;
    core::SecondFactor factor(clinic.admin());
    auto begun = factor.beginEnrolment();
    QVERIFY(begun);
    QVERIFY(begun->uri.starts_with("otpauth://totp/"));
    QVERIFY(begun->uri.find(begun->secret) != std::string::npos);
    const std::string good = codeAt(begun->secret, clinic.clock().nowMs());
    auto refused = factor.confirmEnrolment(good == "123456" ? "654321" : "123456");
    QCOMPARE(test::failureOf(refused).code, ErrorCode::WrongSecondFactor);
    QVERIFY(!factor.status(clinic.admin().actor().userId)->enrolled);
    QVERIFY(factor.confirmEnrolment(good));
    QVERIFY(factor.status(clinic.admin().actor().userId)->enrolled);
}

void tst_SecondFactor::replayedCodeIsRefused()
{
    test::TempClinic clinic;
    auto& clock = clinic.clock();
    auto [secret, recovery] = enrol(clinic.admin(), clock);
    clock.advance(30'000);
    const std::string code = codeAt(secret, clock.nowMs());
    auto first = clinic.login("admin", test::kAdminPassword);
    QVERIFY(core::SecondFactor(*first).verify(code));
    // Someone who saw the code over a shoulder, ten seconds later on the same workstation.
    clock.advance(10'000);
    auto second = clinic.login("admin", test::kAdminPassword);
    auto replay = core::SecondFactor(*second).verify(code);
    QVERIFY(!replay);
    QCOMPARE(replay.error().code, ErrorCode::WrongSecondFactor);
    QCOMPARE(replay.error().detail, std::string("used"));
    QCOMPARE(second->secondFactorOwed(), SecondFactorStep::Code);
    clock.advance(30'000);
    QVERIFY(core::SecondFactor(*second).verify(codeAt(secret, clock.nowMs())));
}

void tst_SecondFactor::recoveryCodeWorksOnce()
{
    test::TempClinic clinic;
    auto [secret, recovery] = enrol(clinic.admin(), clinic.clock());
    const std::int64_t before = outboxChanges(clinic.admin(), "user_totp");
    auto lostPhone = clinic.login("admin", test::kAdminPassword);
    QVERIFY(core::SecondFactor(*lostPhone).verify(recovery[3]));
    QCOMPARE(lostPhone->secondFactorOwed(), SecondFactorStep::Done);
    auto status = core::SecondFactor(*lostPhone).status(lostPhone->actor().userId);
    QCOMPARE(status->recoveryCodesLeft, 9);
    QCOMPARE(outboxChanges(*lostPhone, "user_totp"), before + 1); // the used code's removal syncs
    auto again = clinic.login("admin", test::kAdminPassword);
    auto reused = core::SecondFactor(*again).verify(recovery[3]);
    QVERIFY(!reused);
    QCOMPARE(reused.error().code, ErrorCode::WrongSecondFactor);
    QVERIFY(core::SecondFactor(*again).verify(recovery[4]));
}

void tst_SecondFactor::clinicRuleAdminsOnlyOrEveryone()
{
    test::TempClinic clinic;
    auto desk = clinic.addAndLogin("desk", core::Role::FrontDesk);
    QVERIFY(desk);
    auto setRule = [&](core::SecondFactorPolicy policy) {
        auto c = core::ClinicStore(clinic.admin()).get();
        c->secondFactor = policy;
        return core::ClinicStore(clinic.admin()).update(*c);
    };
    QVERIFY(setRule(core::SecondFactorPolicy::Admins));
    QCOMPARE(core::ClinicStore(clinic.admin()).get()->secondFactor, core::SecondFactorPolicy::Admins);
    QCOMPARE(clinic.login("desk", "user-password-1")->secondFactorOwed(), SecondFactorStep::Done);
    auto admin = clinic.login("admin", test::kAdminPassword);
    QCOMPARE(admin->secondFactorOwed(), SecondFactorStep::Enrolment);
    auto refused = admin->require(core::Permission::PatientRead);
    QCOMPARE(refused.error().code, ErrorCode::SecondFactorRequired);
    QCOMPARE(refused.error().field, std::string("enrol"));
    // Enrolling is what such a session may do, and it completes the sign-in.
    auto [secret, recovery] = enrol(*admin, clinic.clock());
    QVERIFY(!secret.empty());
    QCOMPARE(admin->secondFactorOwed(), SecondFactorStep::Done);

    QVERIFY(setRule(core::SecondFactorPolicy::Everyone));
    auto deskAgain = clinic.login("desk", "user-password-1");
    QCOMPARE(deskAgain->secondFactorOwed(), SecondFactorStep::Enrolment);
    // A code is owed by whoever has a second factor, whatever the rule.
    QVERIFY(setRule(core::SecondFactorPolicy::Nobody));
    QCOMPARE(clinic.login("admin", test::kAdminPassword)->secondFactorOwed(), SecondFactorStep::Code);
    QCOMPARE(clinic.login("desk", "user-password-1")->secondFactorOwed(), SecondFactorStep::Done);
}

void tst_SecondFactor::verifyFreshForOneAction()
{
    test::TempClinic clinic;
    auto& clock = clinic.clock();
    auto fresh = core::SecondFactor(clinic.admin()).verifyFresh("123456");
    QCOMPARE(fresh.error().code, ErrorCode::SecondFactorRequired); // nothing set up to confirm with
    auto [secret, recovery] = enrol(clinic.admin(), clock);
    clock.advance(30'000);
    const std::string code = codeAt(secret, clock.nowMs());
    QVERIFY(core::SecondFactor(clinic.admin()).verifyFresh(code));
    auto replay = core::SecondFactor(clinic.admin()).verifyFresh(code);
    QCOMPARE(replay.error().detail, std::string("used"));
    // A recovery code is for signing in, not for confirming an action.
    QCOMPARE(core::SecondFactor(clinic.admin()).verifyFresh(recovery[0]).error().code, ErrorCode::WrongSecondFactor);
    clock.advance(30'000);
    QVERIFY(core::SecondFactor(clinic.admin()).verifyFresh(codeAt(secret, clock.nowMs())));
    // A session still owing its sign-in code cannot confirm an action with one.
    auto pending = clinic.login("admin", test::kAdminPassword);
    clock.advance(30'000);
    QCOMPARE(core::SecondFactor(*pending).verifyFresh(codeAt(secret, clock.nowMs())).error().code,
             ErrorCode::SecondFactorRequired);
}

void tst_SecondFactor::wrongCodesLockAndAreAudited()
{
    test::TempClinic clinic;
    auto& clock = clinic.clock();
    auto [secret, recovery] = enrol(clinic.admin(), clock);
    clock.advance(30'000);
    auto session = clinic.login("admin", test::kAdminPassword);
    const std::string good = codeAt(secret, clock.nowMs());
    const std::string bad = good == "000000" ? "999999" : "000000";
    for (int i = 0; i < core::SecondFactor::kMaxFailures; ++i)
        QCOMPARE(core::SecondFactor(*session).verify(bad).error().code, ErrorCode::WrongSecondFactor);
    auto locked = core::SecondFactor(*session).verify(good);
    QCOMPARE(locked.error().code, ErrorCode::AccountLocked);
    QCOMPARE(auditCount(*session, "login_failed", "second_factor"), core::SecondFactor::kMaxFailures);
    clock.advance(core::SecondFactor::kLockoutMs + 1000);
    QVERIFY(core::SecondFactor(*session).verify(codeAt(secret, clock.nowMs())));
}

void tst_SecondFactor::onlyTheOwnerSetsUpAnAdminMayRemove()
{
    test::TempClinic clinic;
    auto desk = clinic.addAndLogin("desk", core::Role::FrontDesk);
    auto biller = clinic.addAndLogin("bill", core::Role::Biller);
    auto [adminSecret, adminCodes] = enrol(clinic.admin(), clinic.clock());
    auto [deskSecret, deskCodes] = enrol(*desk, clinic.clock());
    QVERIFY(!deskSecret.empty());
    const std::string adminId = clinic.admin().actor().userId;
    const std::string deskId = desk->actor().userId;
    // Another user's second factor: a non-admin may neither see nor remove it.
    QCOMPARE(core::SecondFactor(*biller).status(deskId).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(core::SecondFactor(*biller).remove(deskId).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(core::SecondFactor(*desk).remove(adminId).error().code, ErrorCode::PermissionDenied);
    // An admin sees whether it is on (never the secret: status has none) and removes it.
    QVERIFY(core::SecondFactor(clinic.admin()).status(deskId)->enrolled);
    QVERIFY(core::SecondFactor(clinic.admin()).remove(deskId));
    QCOMPARE(clinic.login("desk", "user-password-1")->secondFactorOwed(), SecondFactorStep::Done);
    // Each removes their own.
    auto own = core::SecondFactor(clinic.admin()).remove(adminId);
    QVERIFY(own);
    QCOMPARE(clinic.login("admin", test::kAdminPassword)->secondFactorOwed(), SecondFactorStep::Done);
}

void tst_SecondFactor::declarationRefusesOthersSecrets()
{
    const core::RecordTypes types = core::RecordTypes::builtIn();
    const core::RecordType* totp = types.find("user_totp");
    QVERIFY(totp);
    auto change = [](std::vector<core::FieldValue> fields) {
        core::SyncChange c;
        c.entity = "user_totp";
        c.rowId = "t1";
        c.fields = std::move(fields);
        return c;
    };
    const core::ChangeAuthor owner{core::Role::FrontDesk, "desk", "u-desk"};
    const core::ChangeAuthor admin{core::Role::Admin, "ada", "u-admin"};
    const core::ChangeAuthor other{core::Role::Clinician, "cleo", "u-cleo"};
    const auto create = change({{"user_id", "u-desk"}, {"secret", "JBSWY3DPEHPK3PXP"}, {"enrolled_at", "x"}});
    QVERIFY(!core::ChangeAuthorizer::check(*totp, owner, std::nullopt, create));
    auto adminCreates = core::ChangeAuthorizer::check(*totp, admin, std::nullopt, create);
    QVERIFY(adminCreates && adminCreates->ownerOnly);

    core::SyncRow row{"user_totp", "t1", {}, {}, std::nullopt, std::nullopt};
    row.values = {{"user_id", "u-desk"}, {"secret", "JBSWY3DPEHPK3PXP"}, {"enrolled_at", "x"}};
    const auto clear = change({{"secret", std::nullopt}, {"enrolled_at", std::nullopt}});
    QVERIFY(!core::ChangeAuthorizer::check(*totp, admin, row, clear));
    auto clinicianClears = core::ChangeAuthorizer::check(*totp, other, row, clear);
    QVERIFY(clinicianClears && clinicianClears->missing == core::Permission::UserManage);
    auto adminSets = core::ChangeAuthorizer::check(*totp, admin, row, change({{"secret", "MFRGGZDFMZTWQ2LK"}}));
    QVERIFY(adminSets && adminSets->ownerOnly);
    QCOMPARE(adminSets->field, std::string("secret"));
    QVERIFY(!core::ChangeAuthorizer::check(*totp, owner, row, change({{"secret", "MFRGGZDFMZTWQ2LK"}})));
    auto handedOver = core::ChangeAuthorizer::check(*totp, owner, row, change({{"user_id", "u-admin"}}));
    QVERIFY(handedOver && handedOver->field == "user_id");
    QVERIFY(core::ChangeAuthorizer::check(*totp, admin, row, [&] {
        auto c = change({});
        c.deleted = true;
        return c;
    }()));
}

QTEST_GUILESS_MAIN(tst_SecondFactor)
#include "tst_secondfactor.moc"
