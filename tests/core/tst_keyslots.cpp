// Key slots: add/remove, password change, lockout, rekey (including a rekey cut off half way),
// and the key file's own failure modes.
#include "core/audit/AuditLog.h"
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"
#include "core/crypto/KeyFile.h"
#include "core/crypto/UserKey.h"
#include "core/patients/PatientStore.h"
#include "core/sync/ChangeSignature.h"
#include "core/sync/Replica.h"
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
    void changesAreSignedByTheirAuthor();
    void signaturesCoverEveryPartOfAChange();
    void olderKeysReadWithoutASigningHalf();
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

namespace {

// The signing half of a user's synced key as their account holds it.
std::string signingKeyOf(core::Session& session, const std::string& username)
{
    auto user = core::UserStore::findByUsername(session.db(), username);
    if (!user)
        qFatal("no user %s", username.c_str());
    auto key = core::UserKey::decode(user->keyMaterial);
    if (!key)
        qFatal("unreadable key of %s", username.c_str());
    return key->signingPublicKey;
}

std::vector<core::SyncChange> outbox(core::Session& session)
{
    auto out = core::Replica(session).outgoing(1000);
    if (!out)
        qFatal("outbox unreadable");
    return *out;
}

} // namespace

void tst_KeySlots::changesAreSignedByTheirAuthor()
{
    test::TempClinic clinic;
    auto desk = clinic.addAndLogin("desk", core::Role::FrontDesk, "desk-password");
    QVERIFY(desk);
    const std::string deskKey = signingKeyOf(clinic.admin(), "desk");
    QVERIFY(!deskKey.empty());
    QVERIFY(deskKey != signingKeyOf(clinic.admin(), "admin"));

    core::Patient p;
    p.familyName = "Okafor";
    p.givenName = "Ada";
    p.dateOfBirth = "1980-02-03";
    p.sex = "female";
    QVERIFY(core::PatientStore(*desk).create(p));
    auto changes = outbox(*desk);
    QVERIFY(!changes.empty());
    const core::SyncChange& made = changes.back();
    QCOMPARE(made.entity, std::string("patient"));
    QCOMPARE(made.signedBy, std::string("desk"));
    QVERIFY(core::verifyChange(deskKey, made, made.signature));
    QVERIFY(!core::verifyChange(signingKeyOf(clinic.admin(), "admin"), made, made.signature));

    // A new password is a new key pair: the change of the account is signed with the key the clinic still
    // knows, the changes after it with the new one.
    const std::int64_t before = static_cast<std::int64_t>(outbox(*desk).size());
    QVERIFY(core::UserStore(*desk).setPassword("desk", "new-desk-password", core::KdfCost::minimal()));
    const std::string newKey = signingKeyOf(*desk, "desk");
    QVERIFY(newKey != deskKey);
    changes = outbox(*desk);
    QCOMPARE(static_cast<std::int64_t>(changes.size()), before + 1);
    QVERIFY(core::verifyChange(deskKey, changes.back(), changes.back().signature));
    p.givenName = "Adaeze";
    p.mrn.clear();
    QVERIFY(core::PatientStore(*desk).create(p));
    changes = outbox(*desk);
    QVERIFY(core::verifyChange(newKey, changes.back(), changes.back().signature));

    // Signing in again derives the same key from the same key pair.
    desk.reset();
    auto again = clinic.login("desk", "new-desk-password");
    QVERIFY(again);
    p.givenName = "Adanna";
    QVERIFY(core::PatientStore(*again).create(p));
    changes = outbox(*again);
    QCOMPARE(changes.back().signedBy, std::string("desk"));
    QVERIFY(core::verifyChange(newKey, changes.back(), changes.back().signature));
}

void tst_KeySlots::signaturesCoverEveryPartOfAChange()
{
    core::initCrypto();
    core::SecretKey secret = core::SecretKey::random();
    const core::SecretKey signing = core::signingKeyFor(secret);
    const std::string publicKey = core::signingPublicKeyFor(secret);
    core::SyncChange c;
    c.id = "0193a0b0-0000-7000-8000-000000000001";
    c.entity = "problem";
    c.rowId = "0193a0b0-0000-7000-8000-000000000002";
    c.hlc = "0001763700000000-0000-dev";
    c.fields = {{"code", std::string("I10")}, {"note", std::nullopt}, {"display", std::string("")}};
    const std::string sig = core::signChange(signing, c);
    QVERIFY(core::verifyChange(publicKey, c, sig));
    // The order fields travel in does not matter; the device that pushes it does not either.
    core::SyncChange reordered = c;
    std::reverse(reordered.fields.begin(), reordered.fields.end());
    reordered.deviceId = "another-desk";
    QVERIFY(core::verifyChange(publicKey, reordered, sig));
    // Everything else does.
    auto differs = [&](auto change) { return !core::verifyChange(publicKey, change, sig); };
    core::SyncChange x = c;
    x.id = "0193a0b0-0000-7000-8000-000000000009";
    QVERIFY(differs(x));
    x = c;
    x.entity = "allergy";
    QVERIFY(differs(x));
    x = c;
    x.rowId = "0193a0b0-0000-7000-8000-000000000003";
    QVERIFY(differs(x));
    x = c;
    x.deleted = true;
    QVERIFY(differs(x));
    x = c;
    x.hlc = "0001763700000001-0000-dev";
    QVERIFY(differs(x));
    x = c;
    x.baseHlc = c.hlc;
    QVERIFY(differs(x));
    x = c;
    x.fields[1].value = std::string(""); // an empty text is not a null
    QVERIFY(differs(x));
    x = c;
    x.fields[2].value = std::nullopt;
    QVERIFY(differs(x));
    x = c;
    x.fields[0] = {"code", std::string("I10\ndisplay")};
    QVERIFY(differs(x));
    x = c;
    x.fields.pop_back();
    QVERIFY(differs(x));
    // A damaged signature or key verifies nothing.
    QVERIFY(!core::verifyChange(publicKey, c, sig.substr(1)));
    QVERIFY(!core::verifyChange("not base64", c, sig));
    QVERIFY(!core::verifyChange(core::signingPublicKeyFor(core::SecretKey::random()), c, sig));
}

void tst_KeySlots::olderKeysReadWithoutASigningHalf()
{
    core::initCrypto();
    auto key = core::UserKey::create("dr.adams", "doctor-password-1", core::KdfCost::minimal());
    QVERIFY(key);
    const std::string text = key->encode();
    QCOMPARE(std::count(text.begin(), text.end(), '$'), 7L);
    // A key made before changes were signed ends at its public half, and still opens.
    const std::string older = text.substr(0, text.rfind('$'));
    auto oldKey = core::UserKey::decode(older);
    QVERIFY(oldKey);
    QVERIFY(oldKey->signingPublicKey.empty());
    QVERIFY(*oldKey == *key);
    QVERIFY(oldKey->open(core::UserKey::associatedDataFor("dr.adams"), "doctor-password-1"));
    // A signing half that is not the secret's own is refused: the server would trust it.
    core::UserKey wrong = *key;
    wrong.signingPublicKey = core::signingPublicKeyFor(core::SecretKey::random());
    auto reread = core::UserKey::decode(wrong.encode());
    QVERIFY(reread);
    QCOMPARE(test::failureOf(reread->open(core::UserKey::associatedDataFor("dr.adams"), "doctor-password-1")).field,
             std::string("key_material"));
    QVERIFY(!core::UserKey::decode(text + "$extra"));
    QVERIFY(!core::UserKey::decode(older + "$c2hvcnQ="));
}

QTEST_GUILESS_MAIN(tst_KeySlots)
#include "tst_keyslots.moc"
