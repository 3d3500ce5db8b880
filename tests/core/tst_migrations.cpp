// Schema migrations: a fresh database reaches the newest version, re-running changes nothing,
// a failing migration leaves the database as it was, a newer database is refused.
#include "core/db/Migrations.h"
#include "core/db/Statement.h"
#include "core/sync/SyncChange.h"
#include "tests/support/TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace practica;

class tst_Migrations : public QObject
{
    Q_OBJECT

private slots:
    void freshDatabaseIsAtNewestVersion();
    void rerunIsANoOp();
    void failingMigrationRollsBack();
    void newerDatabaseIsRefused();
    void migrationsAreNumberedInOrder();
    void upgradeCarriesExistingData();
    void parkedReasonsBecomeCodes();
};

void tst_Migrations::freshDatabaseIsAtNewestVersion()
{
    test::TempClinic clinic;
    auto v = core::schemaVersion(clinic.admin().db());
    QVERIFY(v);
    QCOMPARE(*v, core::builtinMigrations().back().version);
}

void tst_Migrations::rerunIsANoOp()
{
    test::TempClinic clinic;
    auto& db = clinic.admin().db();
    QVERIFY(core::migrate(db));
    QVERIFY(core::migrate(db));
    auto stmt = db.prepare("SELECT count(*) FROM schema_migration;");
    QVERIFY(stmt && *stmt->step());
    QCOMPARE(stmt->int64(0), static_cast<std::int64_t>(core::builtinMigrations().size()));
}

void tst_Migrations::failingMigrationRollsBack()
{
    test::TempClinic clinic;
    auto& db = clinic.admin().db();
    auto migrations = core::builtinMigrations();
    const int next = migrations.back().version + 1;
    migrations.push_back({next, "broken", "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);"});
    QVERIFY(!core::migrate(db, migrations));
    QCOMPARE(*core::schemaVersion(db), next - 1);
    auto stmt = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done';");
    QVERIFY(stmt && *stmt->step());
    QCOMPARE(stmt->int64(0), std::int64_t(0));
}

void tst_Migrations::newerDatabaseIsRefused()
{
    test::TempClinic clinic;
    auto& db = clinic.admin().db();
    auto stmt = db.prepare("INSERT INTO schema_migration (version, name, applied_ms) VALUES (9999, 'future', 0);");
    QVERIFY(stmt && stmt->run());
    auto r = core::migrate(db);
    QVERIFY(!r);
    QCOMPARE(test::failureOf(r).code, core::ErrorCode::SchemaTooNew);
}

void tst_Migrations::migrationsAreNumberedInOrder()
{
    int previous = 0;
    for (const auto& m : core::builtinMigrations()) {
        QVERIFY(m.version > previous);
        QVERIFY(!m.sql.empty());
        previous = m.version;
    }
}

void tst_Migrations::upgradeCarriesExistingData()
{
    // A database made by the first release, with a patient in it, upgraded to the newest schema.
    QTemporaryDir dir;
    auto db = core::Database::open(dir.filePath("old.db").toStdString(), core::SecretKey::random(),
                                   core::Database::Mode::CreateNew);
    QVERIFY(db);
    const auto& all = core::builtinMigrations();
    QVERIFY(core::migrate(**db, {all.front()}));
    QVERIFY((*db)->execute(
        "INSERT INTO patient (id, mrn, family_name, given_name, date_of_birth, sex, search_name, created_hlc, "
        "updated_hlc) VALUES ('p1', '0100000017', 'Smith', 'John', '1975-04-12', 'male', ' john smith ', 'h', 'h');"
        "INSERT INTO patient_name_token (token, patient_id) VALUES ('john', 'p1'), ('smith', 'p1');"));
    QVERIFY(core::migrate(**db));
    QCOMPARE(*core::schemaVersion(**db), all.back().version);
    auto stmt = (*db)->prepare("SELECT count(*) FROM patient_name_token WHERE search_name = ' john smith ';");
    QVERIFY(stmt);
    QCOMPARE(*stmt->scalar(), std::int64_t(2));
}

void tst_Migrations::parkedReasonsBecomeCodes()
{
    // Changes parked before reasons were codes keep their meaning, as a code and its params.
    QTemporaryDir dir;
    auto db = core::Database::open(dir.filePath("parked.db").toStdString(), core::SecretKey::random(),
                                   core::Database::Mode::CreateNew);
    QVERIFY(db);
    auto all = core::builtinMigrations();
    std::vector<core::Migration> upTo6;
    for (const auto& m : all)
        if (m.version <= 6)
            upTo6.push_back(m);
    QVERIFY(core::migrate(**db, upTo6));
    QVERIFY(
        (*db)->execute("INSERT INTO sync_parked (change_id, seq, entity, row_id, body, why, parked_ms) VALUES "
                       "('c1', 1, 'patient', 'r1', '{}', 'unknown_field favourite_colour', 0), "
                       "('c2', 2, 'lab_sample', 'r2', '{}', 'unknown_entity', 0), "
                       "('c3', 3, 'appointment', 'r3', '{}', 'insert_refused: FOREIGN KEY constraint failed', 0);"));
    QVERIFY(core::migrate(**db));
    auto stmt = (*db)->prepare("SELECT why, params FROM sync_parked ORDER BY seq;");
    QVERIFY(stmt);
    auto rows = stmt->all<std::pair<std::string, std::string>>([](const core::Statement& r) {
        return std::pair{r.text(0), r.text(1)};
    });
    QVERIFY(rows && rows->size() == 3);
    QCOMPARE((*rows)[0].first, std::string("unknown_field"));
    QCOMPARE(core::paramsFromJson((*rows)[0].second).at("field"), std::string("favourite_colour"));
    QCOMPARE((*rows)[1].first, std::string("unknown_record_type"));
    QCOMPARE(core::paramsFromJson((*rows)[1].second).at("record_type"), std::string("lab_sample"));
    QCOMPARE((*rows)[2].first, std::string("refused_by_database"));
    QCOMPARE(core::paramsFromJson((*rows)[2].second).at("operation"), std::string("insert"));
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
