// Key slots: add/remove, password change, lockout, rekey (including a rekey cut off half way),
// and the key file's own failure modes.
#include "core/audit/AuditLog.h"
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"
#include "core/crypto/KeyFile.h"
#include "core/patients/PatientStore.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QTest>
#include <algorithm>
#include <thread>

using namespace practica;

class tst_KeySlots : public QObject
{
    Q_OBJECT

private slots:
    void addedUserCanUnlockWithOwnPassword();
    void passwordChangeRewrapsOnlyThatSlot();
    void deactivatedUserLosesSlot();
    void lockoutAfterFiveFailures();
    void rekeyKeepsDataAndEverySlot();
    void rekeyInterruptedBeforeDatabaseSwitch();
    void rekeyInterruptedAfterDatabaseSwitch();
    void missingKeyFile();
    void damagedKeyFile();
    void keyFileOfAnotherDatabase();
    void standardCostIsArgon2idAndSlow();
    void concurrentUpdatesLoseNothing();
    void refusedSignInsReachTheAuditLog();
    void resetPasswordMustBeChanged();
};

void tst_KeySlots::addedUserCanUnlockWithOwnPassword()
{
    test::TempClinic clinic;
    auto desk = clinic.addAndLogin("desk", core::Role::FrontDesk, "desk-password");
    QVERIFY(desk);
    QCOMPARE(desk->actor().role, core::Role::FrontDesk);
    QVERIFY(!clinic.login("desk", test::kAdminPassword));
    auto keys = core::KeyFile::load(core::KeyFile::pathFor(clinic.path()));
    QVERIFY(keys);
    QCOMPARE(keys->keySlots().size(), std::size_t(2));
    // Duplicate user names are refused.
    auto again = core::UserStore(clinic.admin())
                     .add("desk", "Other", core::Role::Biller, "another-password", core::KdfCost::minimal());
    QVERIFY(!again);
    QCOMPARE(test::failureOf(again).code, core::ErrorCode::AlreadyExists);
}

void tst_KeySlots::passwordChangeRewrapsOnlyThatSlot()
{
    test::TempClinic clinic;
    auto desk = clinic.addAndLogin("desk", core::Role::FrontDesk, "desk-password");
    QVERIFY(desk);
    QVERIFY(core::UserStore(*desk).setPassword("desk", "new-desk-password", core::KdfCost::minimal()));
    QVERIFY(!clinic.login("desk", "desk-password"));
    QVERIFY(clinic.login("desk", "new-desk-password"));
    QVERIFY(clinic.login("admin", test::kAdminPassword));
    // A front-desk user may not reset somebody else's password.
    auto denied = core::UserStore(*desk).setPassword("admin", "hijacked-password", core::KdfCost::minimal());
    QVERIFY(!denied);
    QCOMPARE(test::failureOf(denied).code, core::ErrorCode::PermissionDenied);
    // Too short is refused with the field named.
    auto shortPw = core::UserStore(*desk).setPassword("desk", "short", core::KdfCost::minimal());
    QVERIFY(!shortPw);
    QCOMPARE(test::failureOf(shortPw).field, std::string("password"));
}

void tst_KeySlots::deactivatedUserLosesSlot()
{
    test::TempClinic clinic;
    QVERIFY(clinic.addAndLogin("biller", core::Role::Biller, "biller-password"));
    QVERIFY(core::UserStore(clinic.admin()).deactivate("biller"));
    QVERIFY(!clinic.login("biller", "biller-password"));
    auto self = core::UserStore(clinic.admin()).deactivate("admin");
    QVERIFY(!self);
    QCOMPARE(test::failureOf(self).code, core::ErrorCode::Conflict);
}

void tst_KeySlots::lockoutAfterFiveFailures()
{
    test::TempClinic clinic;
    clinic.closeAdmin();
    for (int i = 0; i < 4; ++i) {
        auto r = core::Vault::unlock(clinic.path(), "admin", "wrong-password", clinic.clock());
        QCOMPARE(test::failureOf(r).code, core::ErrorCode::WrongPassword);
    }
    auto fifth = core::Vault::unlock(clinic.path(), "admin", "wrong-password", clinic.clock());
    QCOMPARE(test::failureOf(fifth).code, core::ErrorCode::AccountLocked);
    // Even the right password is refused while locked, with the seconds left.
    clinic.clock().advance(60'000);
    auto locked = core::Vault::unlock(clinic.path(), "admin", test::kAdminPassword, clinic.clock());
    QVERIFY(!locked);
    QCOMPARE(test::failureOf(locked).code, core::ErrorCode::AccountLocked);
    QCOMPARE(test::failureOf(locked).detail, std::string("240"));
    clinic.clock().advance(4 * 60'000 + 1);
    QVERIFY(clinic.login("admin", test::kAdminPassword));
}

void tst_KeySlots::rekeyKeepsDataAndEverySlot()
{
    test::TempClinic clinic;
    QVERIFY(clinic.addAndLogin("desk", core::Role::FrontDesk, "desk-password"));
    core::Patient p;
    p.familyName = "Lindqvist";
    p.givenName = "Maja";
    p.dateOfBirth = "1990-07-14";
    p.sex = "female";
    auto created = core::PatientStore(clinic.admin()).create(p);
    QVERIFY(created);
    auto before = core::KeyFile::load(core::KeyFile::pathFor(clinic.path()));
    QVERIFY(core::Vault::rotateDataKey(clinic.admin()));
    auto after = core::KeyFile::load(core::KeyFile::pathFor(clinic.path()));
    QVERIFY(before->keySlots()[0].sealedDataKey != after->keySlots()[0].sealedDataKey);
    QVERIFY(after->keySlots()[0].sealedPendingKey.empty());
    clinic.closeAdmin();
    auto desk = clinic.login("desk", "desk-password"); // rewrapped without knowing desk's password
    QVERIFY(desk);
    auto read = core::PatientStore(*desk).getByMrn(created->mrn);
    QVERIFY(read);
    QCOMPARE(QString::fromStdString(read->givenName), QString("Maja"));
    // Only admins may rekey.
    auto denied = core::Vault::rotateDataKey(*desk);
    QCOMPARE(test::failureOf(denied).code, core::ErrorCode::PermissionDenied);
}

void tst_KeySlots::rekeyInterruptedBeforeDatabaseSwitch()
{
    test::TempClinic clinic;
    clinic.closeAdmin();
    auto keys = core::KeyFile::load(core::KeyFile::pathFor(clinic.path()));
    QVERIFY(keys->stagePending(core::SecretKey::random()));
    // The database never switched: unlocking uses the current key and forgets the staged one.
    QVERIFY(clinic.login("admin", test::kAdminPassword));
    auto reloaded = core::KeyFile::load(core::KeyFile::pathFor(clinic.path()));
    QVERIFY(reloaded->keySlots()[0].sealedPendingKey.empty());
    QVERIFY(clinic.login("admin", test::kAdminPassword));
}

void tst_KeySlots::rekeyInterruptedAfterDatabaseSwitch()
{
    test::TempClinic clinic;
    auto keys = core::KeyFile::load(core::KeyFile::pathFor(clinic.path()));
    core::SecretKey next = core::SecretKey::random();
    QVERIFY(keys->stagePending(next));
    QVERIFY(clinic.admin().db().rekey(next)); // then the process "dies" before promoting
    clinic.closeAdmin();
    QVERIFY(clinic.login("admin", test::kAdminPassword));
    auto reloaded = core::KeyFile::load(core::KeyFile::pathFor(clinic.path()));
    QVERIFY(reloaded->keySlots()[0].sealedPendingKey.empty());
    QVERIFY(clinic.login("admin", test::kAdminPassword));
}

void tst_KeySlots::missingKeyFile()
{
    test::TempClinic clinic;
    clinic.closeAdmin();
    QVERIFY(QFile::remove(QString::fromStdString(core::KeyFile::pathFor(clinic.path()))));
    auto r = core::Vault::unlock(clinic.path(), "admin", test::kAdminPassword, clinic.clock());
    QCOMPARE(test::failureOf(r).code, core::ErrorCode::KeyFileMissing);
}

void tst_KeySlots::damagedKeyFile()
{
    test::TempClinic clinic;
    clinic.closeAdmin();
    const QString keyPath = QString::fromStdString(core::KeyFile::pathFor(clinic.path()));
    QFile f(keyPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray original = f.readAll();
    f.close();
    for (const QByteArray& damaged : {QByteArray("not json at all"), original.left(original.size() / 2),
                                      QByteArray("{\"format\":\"something-else\"}"), QByteArray()}) {
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(damaged);
        f.close();
        auto r = core::Vault::unlock(clinic.path(), "admin", test::kAdminPassword, clinic.clock());
        QVERIFY(!r);
        QCOMPARE(test::failureOf(r).code, core::ErrorCode::KeyFileInvalid);
    }
}

void tst_KeySlots::keyFileOfAnotherDatabase()
{
    test::TempClinic first;
    test::TempClinic second;
    first.closeAdmin();
    second.closeAdmin();
    const QString firstKeys = QString::fromStdString(core::KeyFile::pathFor(first.path()));
    QVERIFY(QFile::remove(firstKeys));
    QVERIFY(QFile::copy(QString::fromStdString(core::KeyFile::pathFor(second.path())), firstKeys));
    auto r = core::Vault::unlock(first.path(), "admin", test::kAdminPassword, first.clock());
    QVERIFY(!r);
    QCOMPARE(test::failureOf(r).code, core::ErrorCode::NotADatabase);
}

void tst_KeySlots::standardCostIsArgon2idAndSlow()
{
    // The standard cost must be a real Argon2id cost (at least libsodium's interactive limits).
    const auto cost = core::KdfCost::standard();
    QVERIFY(cost.opsLimit >= crypto_pwhash_OPSLIMIT_INTERACTIVE);
    QVERIFY(cost.memLimit >= crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

// Two writers (threads here; processes alike, the lock is on a file) each add slots to one key file:
// every slot of both is there at the end, and the lockout counters stay with their slots.
void tst_KeySlots::concurrentUpdatesLoseNothing()
{
    test::TempClinic clinic;
    const std::string path = core::KeyFile::pathFor(clinic.path());
    const core::SecretKey dataKey = core::SecretKey::random();
    auto writer = [&](const std::string& prefix) {
        for (int i = 0; i < 6; ++i) {
            auto keys = core::KeyFile::loadForUpdate(path);
            if (!keys)
                return false;
            const std::string user = prefix + std::to_string(i);
            if (!keys->setSlot(user, "password-" + user, dataKey, core::KdfCost::minimal()) || !keys->save())
                return false;
        }
        return true;
    };
    bool firstOk = false;
    std::thread first([&] { firstOk = writer("first"); });
    const bool secondOk = writer("second");
    first.join();
    QVERIFY(firstOk && secondOk);
    auto keys = core::KeyFile::load(path);
    QVERIFY(keys);
    for (const char* prefix : {"first", "second"})
        for (int i = 0; i < 6; ++i)
            QVERIFY2(keys->hasSlot(prefix + std::to_string(i)), (prefix + std::to_string(i)).c_str());
    QVERIFY(keys->hasSlot("admin"));
}

// A refused sign-in cannot be written to the encrypted database: it waits in the key file and is
// logged by the next sign-in that opens the database, then forgotten there.
void tst_KeySlots::refusedSignInsReachTheAuditLog()
{
    test::TempClinic clinic;
    clinic.closeAdmin();
    QVERIFY(!core::Vault::unlock(clinic.path(), "admin", "wrong-password", clinic.clock()));
    QVERIFY(!core::Vault::unlock(clinic.path(), "mallory", "guess", clinic.clock()));
    for (int i = 0; i < 4; ++i)
        QVERIFY(!core::Vault::unlock(clinic.path(), "admin", "wrong-password", clinic.clock()));
    QCOMPARE(test::failureOf(core::Vault::unlock(clinic.path(), "admin", "wrong-password", clinic.clock())).code,
             core::ErrorCode::AccountLocked);
    auto keys = core::KeyFile::load(core::KeyFile::pathFor(clinic.path()));
    QVERIFY(keys);
    QCOMPARE(keys->signInFailures().size(), std::size_t(7));
    QCOMPARE(keys->signInFailures()[1].reason, std::string("unknown_user"));
    QCOMPARE(keys->signInFailures()[5].reason, std::string("lockout_started"));
    QCOMPARE(keys->signInFailures()[6].reason, std::string("while_locked"));

    clinic.clock().advance(core::KeyFile::kLockoutMs + 1);
    auto session = clinic.login("admin", test::kAdminPassword);
    QVERIFY(session);
    core::AuditLog log(session->db());
    auto events = log.recent(50);
    QVERIFY(events);
    std::vector<std::string> logged;
    for (const auto& e : *events)
        if (e.action == "login_failed")
            logged.push_back(e.recordId + " " + e.detail.substr(0, e.detail.find(' ')));
    std::sort(logged.begin(), logged.end());
    const std::vector<std::string> expected{"admin lockout_started", "admin while_locked",   "admin wrong_password",
                                            "admin wrong_password",  "admin wrong_password", "admin wrong_password",
                                            "mallory unknown_user"};
    QCOMPARE(logged, expected);
    keys = core::KeyFile::load(core::KeyFile::pathFor(clinic.path()));
    QVERIFY(keys);
    QVERIFY(keys->signInFailures().empty());
    auto verified = log.verify();
    QVERIFY(verified && verified->intact);
}

// An admin's reset gives a temporary password that opens the workstation once, flagged: the user
// must choose their own, after which the flag is gone.
void tst_KeySlots::resetPasswordMustBeChanged()
{
    test::TempClinic clinic;
    auto desk = clinic.addAndLogin("desk", core::Role::FrontDesk, "desk-password");
    QVERIFY(desk && !desk->mustChangePassword());
    desk.reset();
    QVERIFY(core::UserStore(clinic.admin()).resetPassword("desk", "temporary-1", core::KdfCost::minimal()));
    QVERIFY(!clinic.login("desk", "desk-password"));
    auto flagged = clinic.login("desk", "temporary-1");
    QVERIFY(flagged);
    QVERIFY(flagged->mustChangePassword());
    // Only an admin resets.
    QCOMPARE(
        test::failureOf(core::UserStore(*flagged).resetPassword("admin", "hijacked-1", core::KdfCost::minimal())).code,
        core::ErrorCode::PermissionDenied);
    // The current password must be right.
    QCOMPARE(test::failureOf(
                 core::UserStore(*flagged).changeOwnPassword("wrong-one", "mine-now-1", core::KdfCost::minimal()))
                 .code,
             core::ErrorCode::WrongPassword);
    QVERIFY(core::UserStore(*flagged).changeOwnPassword("temporary-1", "mine-now-1", core::KdfCost::minimal()));
    QVERIFY(!flagged->mustChangePassword());
    flagged.reset();
    auto again = clinic.login("desk", "mine-now-1");
    QVERIFY(again && !again->mustChangePassword());
}

QTEST_GUILESS_MAIN(tst_KeySlots)
#include "tst_keyslots.moc"
