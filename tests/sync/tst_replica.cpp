// The workstation's merge of pulled changes, without a network: per-field last writer wins, history,
// tombstones, changes this build cannot apply parked (and applied once they fit).
#include "TestSupport.h"
#include "core/db/Statement.h"
#include "core/patients/PatientStore.h"
#include "core/sync/Replica.h"
#include "core/util/Uuid.h"

#include <QtTest>

using namespace practica;
using namespace practica::test;

namespace {

std::int64_t count(core::Session& s, const std::string& sql)
{
    auto stmt = s.db().prepare(sql);
    return stmt ? stmt->scalar().value_or(-1) : -1;
}

std::string stamp(std::int64_t ms, const char* device = "other-desk")
{
    char text[96];
    std::snprintf(text, sizeof text, "%015lld-%08d-%s", static_cast<long long>(ms), 0, device);
    return text;
}

core::SyncChange change(const std::string& entity, const std::string& row, const std::string& hlc,
                        std::vector<core::FieldValue> fields, bool deleted = false)
{
    static int n = 0;
    core::SyncChange c;
    c.id = "change-" + std::to_string(++n);
    c.entity = entity;
    c.rowId = row;
    c.hlc = hlc;
    c.fields = std::move(fields);
    c.deleted = deleted;
    c.deviceId = "other-desk";
    c.seq = n;
    return c;
}

std::vector<core::FieldValue> payer(const std::string& name)
{
    return {{"name", name}, {"payer_code", "12345"}, {"active", "1"}};
}

} // namespace

class tst_Replica : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { core::initCrypto(); }

    void mergeKeepsTheNewestAndRemembersTheLoser()
    {
        TempClinic clinic;
        core::Replica replica(clinic.admin());
        const std::string row = core::uuidV7(1);
        const auto now = clinic.clock().nowMs();
        QVERIFY(replica.applyPulled({change("payer", row, stamp(now), payer("Acme Health"))}, 1));
        QCOMPARE(count(clinic.admin(), "SELECT count(*) FROM payer WHERE name = 'Acme Health';"), 1);
        // An older edit of the name loses and goes to history; a newer one wins.
        QVERIFY(replica.applyPulled({change("payer", row, stamp(now - 10), {{"name", "Old Name"}}),
                                     change("payer", row, stamp(now + 10), {{"name", "New Name"}})},
                                    3));
        QCOMPARE(count(clinic.admin(), "SELECT count(*) FROM payer WHERE name = 'New Name';"), 1);
        QCOMPARE(count(clinic.admin(), "SELECT count(*) FROM field_history WHERE value = 'Old Name';"), 1);
        QCOMPARE(count(clinic.admin(), "SELECT count(*) FROM field_history WHERE value = 'Acme Health';"), 1);
        QCOMPARE(replica.status()->cursor, std::int64_t(3));
        // The local clock moved past what it saw, so the next local edit orders after it.
        QVERIFY(clinic.admin().hlc().last().physicalMs >= now + 10);
    }

    void tombstonesWinOverOlderEditsOnly()
    {
        TempClinic clinic;
        core::Replica replica(clinic.admin());
        const std::string row = core::uuidV7(2);
        const auto now = clinic.clock().nowMs();
        QVERIFY(replica.applyPulled({change("payer", row, stamp(now), payer("Gone Soon"))}, 1));
        QVERIFY(replica.applyPulled({change("payer", row, stamp(now + 5), {}, true)}, 2));
        QCOMPARE(count(clinic.admin(), "SELECT count(*) FROM payer WHERE id = '" + row + "';"), 0);
        QVERIFY(replica.applyPulled({change("payer", row, stamp(now + 3), payer("Too Late"))}, 3));
        QCOMPARE(count(clinic.admin(), "SELECT count(*) FROM payer WHERE id = '" + row + "';"), 0);
        QVERIFY(replica.applyPulled({change("payer", row, stamp(now + 9), payer("Back Again"))}, 4));
        QCOMPARE(count(clinic.admin(), "SELECT count(*) FROM payer WHERE name = 'Back Again';"), 1);
    }

    void unknownRecordsAreParkedNotLost()
    {
        TempClinic clinic;
        core::Replica replica(clinic.admin());
        const auto now = clinic.clock().nowMs();
        // A newer Practica's record type, and a field this schema does not have.
        QVERIFY(replica.applyPulled({change("lab_result", core::uuidV7(3), stamp(now), {{"value", "5.4"}}),
                                     change("payer", core::uuidV7(4), stamp(now), {{"name", "X"}, {"shoe_size", "9"}})},
                                    2));
        QCOMPARE(replica.status()->parked, std::int64_t(2));
        QCOMPARE(replica.status()->cursor, std::int64_t(2));
        // A coverage that arrives before its payer waits, then fits once the payer is there.
        const std::string payerId = core::uuidV7(5), patientId = core::uuidV7(6);
        core::Patient p;
        p.familyName = "Ito";
        p.givenName = "Ken";
        p.dateOfBirth = "1970-01-01";
        p.sex = "male";
        auto created = core::PatientStore(clinic.admin()).create(p);
        QVERIFY(created);
        const std::vector<core::FieldValue> coverage{{"patient_id", created->id},
                                                     {"payer_id", payerId},
                                                     {"rank", "primary"},
                                                     {"member_id", "M1"},
                                                     {"relationship", "self"},
                                                     {"status", "active"},
                                                     {"subscriber_name", "Ken Ito"},
                                                     {"effective_date", "2025-01-01"}};
        QVERIFY(replica.applyPulled({change("coverage", patientId, stamp(now + 1), coverage)}, 3));
        QCOMPARE(replica.status()->parked, std::int64_t(3));
        QVERIFY(replica.applyPulled({change("payer", payerId, stamp(now + 2), payer("Late Payer"))}, 4));
        QCOMPARE(replica.status()->parked, std::int64_t(2));
        QCOMPARE(count(clinic.admin(), "SELECT count(*) FROM coverage WHERE payer_id = '" + payerId + "';"), 1);
    }

    void digestIgnoresOrderAndBookkeeping()
    {
        TempClinic a, b;
        core::Replica ra(a.admin()), rb(b.admin());
        const auto now = a.clock().nowMs();
        const std::string r1 = core::uuidV7(7), r2 = core::uuidV7(8);
        auto c1 = change("payer", r1, stamp(now), payer("One"));
        auto c2 = change("payer", r2, stamp(now + 1), payer("Two"));
        auto c3 = change("payer", r1, stamp(now + 2), {{"name", "Uno"}});
        QVERIFY(ra.applyPulled({c1, c2, c3}, 3));
        QVERIFY(rb.applyPulled({c2, c3}, 2));
        QVERIFY(rb.applyPulled({c1}, 3));
        // The two test clinics differ in their own clinic and admin rows, so compare the payers only.
        QCOMPARE(count(a.admin(), "SELECT count(*) FROM payer WHERE name IN ('Uno', 'Two');"), 2);
        QCOMPARE(count(b.admin(), "SELECT count(*) FROM payer WHERE name IN ('Uno', 'Two');"), 2);
        QVERIFY(*ra.digest() != *rb.digest()); // different clinics
    }
};

QTEST_GUILESS_MAIN(tst_Replica)
#include "tst_replica.moc"
