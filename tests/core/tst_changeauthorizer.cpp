// Who may make which synced change, as the sync server decides it from the record-type table: the
// expectations are written out here, from the roles the clinic has, so that a change to the table is a
// deliberate one. Every built-in record type appears below; a new one fails the test until it does.
#include "core/records/ChangeAuthorizer.h"
#include "core/sync/SyncSchema.h"
#include "tests/support/TestSupport.h"

#include <QTest>
#include <set>

using namespace practica;
using core::RecordOp;
using core::Role;

Q_DECLARE_METATYPE(core::Role)
Q_DECLARE_METATYPE(core::RecordOp)

namespace {

core::SyncRow existing(const std::string& type, std::map<std::string, std::optional<std::string>> values)
{
    core::SyncRow row;
    row.entity = type;
    row.rowId = "r1";
    row.values = std::move(values);
    for (const auto& [k, v] : row.values)
        row.fieldHlc[k] = "001763700000000-00000000-a";
    return row;
}

core::SyncChange change(const std::string& type, std::vector<core::FieldValue> fields, bool tombstone = false)
{
    core::SyncChange c;
    c.entity = type;
    c.rowId = "r1";
    c.hlc = "001763700000100-00000000-a";
    c.deleted = tombstone;
    c.fields = std::move(fields);
    return c;
}

// A = admin, F = front desk, C = clinician, B = biller: the roles that may create and edit each type.
// user_totp: only its owner writes a user's second factor, whatever their role (tst_secondfactor).
const std::map<std::string, std::string> kWriters = {{"clinic", "A"},
                                                     {"user_account", "A"},
                                                     {"patient", "AFC"},
                                                     {"patient_merge", "A"},
                                                     {"payer", "AB"},
                                                     {"coverage", "AFB"},
                                                     {"provider", "A"},
                                                     {"room", "A"},
                                                     {"appointment_type", "A"},
                                                     {"working_hours", "A"},
                                                     {"schedule_block", "A"},
                                                     {"clinic_holiday", "A"},
                                                     {"appointment", "AF"},
                                                     {"appointment_series", "AF"},
                                                     {"waitlist_entry", "AF"},
                                                     {"user_totp", ""},
                                                     {"encounter", "C"},
                                                     {"clinical_note", "C"},
                                                     {"vital_signs", "C"},
                                                     {"problem", "C"},
                                                     {"allergy", "C"},
                                                     {"allergy_review", "C"},
                                                     {"medication", "C"},
                                                     {"immunization", "C"},
                                                     {"lab_result", "C"},
                                                     {"note_template", "C"},
                                                     {"clearinghouse", "B"},
                                                     {"fee", "B"},
                                                     {"claim", "B"},
                                                     {"claim_line", "B"},
                                                     {"claim_event", "B"},
                                                     {"claim_batch", "B"}};

char letter(Role r)
{
    switch (r) {
    case Role::Admin:
        return 'A';
    case Role::FrontDesk:
        return 'F';
    case Role::Clinician:
        return 'C';
    case Role::Biller:
        return 'B';
    }
    return '?';
}

} // namespace

class tst_ChangeAuthorizer : public QObject
{
    Q_OBJECT

private slots:
    void everyTypeIsDeclared()
    {
        std::set<std::string> declared;
        const auto types = core::RecordTypes::builtIn();
        for (const auto& t : types.all())
            declared.insert(t.name);
        std::set<std::string> expected;
        for (const auto& [name, roles] : kWriters)
            expected.insert(name);
        QCOMPARE(declared, expected);
    }

    // Each record type's declared fields are exactly its table's synced content columns (no id, no
    // version bookkeeping, no derived columns), and every synced table is declared: a migration and a
    // declaration that disagree fail here, not on a workstation.
    void declarationsMatchTheTables()
    {
        test::TempClinic clinic;
        const auto types = core::RecordTypes::builtIn();
        core::SyncSchema schema(clinic.admin().db(), types);
        auto tables = schema.tables();
        QVERIFY(tables);
        std::set<std::string> declared;
        for (const auto& t : types.all()) {
            declared.insert(t.name);
            auto columns = schema.columns(t.name);
            QVERIFY2(columns, t.name.c_str());
            std::set<std::string> fields;
            for (const auto& f : t.fields)
                fields.insert(f.name);
            QCOMPARE(fields, std::set<std::string>((*columns)->begin(), (*columns)->end()));
        }
        QCOMPARE(declared, **tables);
    }

    void operations_data()
    {
        QTest::addColumn<std::string>("type");
        QTest::addColumn<Role>("role");
        QTest::addColumn<RecordOp>("op");
        QTest::addColumn<bool>("allowed");
        for (const auto& [type, writers] : kWriters)
            for (Role r : core::allRoles()) {
                const bool writes = writers.find(letter(r)) != std::string::npos;
                const std::string role(core::roleName(r));
                QTest::newRow((type + " create " + role).c_str()) << type << r << RecordOp::Create << writes;
                QTest::newRow((type + " edit " + role).c_str()) << type << r << RecordOp::Edit << writes;
                // Nothing of these types is ever deleted: records are made inactive, merged or amended.
                QTest::newRow((type + " delete " + role).c_str()) << type << r << RecordOp::Delete << false;
            }
    }

    void operations()
    {
        QFETCH(std::string, type);
        QFETCH(Role, role);
        QFETCH(RecordOp, op);
        QFETCH(bool, allowed);
        const auto types = core::RecordTypes::builtIn();
        const core::RecordType* t = types.find(type);
        QVERIFY(t);
        std::optional<core::SyncRow> before;
        if (op != RecordOp::Create)
            before = existing(type, {{"note", "old"}});
        auto c = change(type,
                        op == RecordOp::Delete ? std::vector<core::FieldValue>{}
                                               : std::vector<core::FieldValue>{{"note", "new"}},
                        op == RecordOp::Delete);
        QCOMPARE(core::ChangeAuthorizer::operationOf(before, c), op);
        auto denial = core::ChangeAuthorizer::check(*t, {role, "someone"}, before, c);
        QCOMPARE(!denial, allowed);
        if (denial)
            QCOMPARE(denial->op, op);
    }

    void guardedFields_data()
    {
        QTest::addColumn<std::string>("type");
        QTest::addColumn<Role>("role");
        QTest::addColumn<std::string>("field");
        QTest::addColumn<std::string>("value");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("front desk inactivates a patient")
            << std::string("patient") << Role::FrontDesk << std::string("status") << std::string("inactive") << true;
        QTest::newRow("front desk marks a patient merged")
            << std::string("patient") << Role::FrontDesk << std::string("status") << std::string("merged") << false;
        QTest::newRow("clinician points a patient elsewhere")
            << std::string("patient") << Role::Clinician << std::string("merged_into") << std::string("p2") << false;
        QTest::newRow("admin merges") << std::string("patient") << Role::Admin << std::string("merged_into")
                                      << std::string("p2") << true;
        QTest::newRow("front desk overbooks")
            << std::string("appointment") << Role::FrontDesk << std::string("overbooked") << std::string("1") << true;
        QTest::newRow("admin renames a user") << std::string("user_account") << Role::Admin
                                              << std::string("display_name") << std::string("Dr. X") << true;
    }

    void guardedFields()
    {
        QFETCH(std::string, type);
        QFETCH(Role, role);
        QFETCH(std::string, field);
        QFETCH(std::string, value);
        QFETCH(bool, allowed);
        const auto types = core::RecordTypes::builtIn();
        auto denial = core::ChangeAuthorizer::check(
            *types.find(type), {role, "someone"}, existing(type, {{field, "before"}}), change(type, {{field, value}}));
        QCOMPARE(!denial, allowed);
        if (denial)
            QCOMPARE(denial->field, field);
    }

    // A new patient as PatientStore writes it: every column, merged_into empty. Only a value in a guarded
    // field needs the guard's permission; emptying it again on a merged record does too.
    void newRecordsWithEmptyGuardedFields()
    {
        const auto types = core::RecordTypes::builtIn();
        const core::RecordType& patients = *types.find("patient");
        auto created = change("patient", {{"family_name", "Doe"}, {"status", "active"}, {"merged_into", std::nullopt}});
        QVERIFY(!core::ChangeAuthorizer::check(patients, {Role::FrontDesk, "d"}, std::nullopt, created));
        auto merged = existing("patient", {{"status", "merged"}, {"merged_into", "p2"}});
        auto unmerge = change("patient", {{"merged_into", std::nullopt}});
        auto denial = core::ChangeAuthorizer::check(patients, {Role::FrontDesk, "d"}, merged, unmerge);
        QVERIFY(denial);
        QCOMPARE(denial->field, std::string("merged_into"));
    }

    void nobodyChangesTheirOwnRoleOrActivity()
    {
        const auto types = core::RecordTypes::builtIn();
        const core::RecordType& users = *types.find("user_account");
        const auto row = existing("user_account", {{"username", "ada"}, {"role", "admin"}, {"active", "1"}});
        for (const char* field : {"role", "active"}) {
            auto denial =
                core::ChangeAuthorizer::check(users, {Role::Admin, "ada"}, row, change("user_account", {{field, "0"}}));
            QVERIFY(denial);
            QVERIFY(denial->ownRow);
            QVERIFY(!denial->missing);
            QCOMPARE(denial->field, std::string(field));
            // Another admin may.
            QVERIFY(!core::ChangeAuthorizer::check(users, {Role::Admin, "bea"}, row,
                                                   change("user_account", {{field, "0"}})));
        }
        // Sending the record as it is changes nothing, so it is no change of one's role.
        QVERIFY(!core::ChangeAuthorizer::check(
            users, {Role::Admin, "ada"}, row, change("user_account", {{"role", "admin"}, {"display_name", "Ada L."}})));
    }

    void aRecordGoneIsCreatedAgain()
    {
        const auto types = core::RecordTypes::builtIn();
        auto row = existing("payer", {{"name", "Acme"}});
        row.deletedHlc = "001763700000050-00000000-a";
        auto c = change("payer", {{"name", "Acme"}});
        QCOMPARE(core::ChangeAuthorizer::operationOf(row, c), RecordOp::Create);
        QVERIFY(core::ChangeAuthorizer::check(*types.find("payer"), {Role::FrontDesk, "d"}, row, c));
    }
};

QTEST_GUILESS_MAIN(tst_ChangeAuthorizer)
#include "tst_changeauthorizer.moc"
