// Schema migrations: a fresh database reaches the newest version, re-running changes nothing,
// a failing migration leaves the database as it was, a newer database is refused.
#include "core/db/Migrations.h"
#include "core/db/Statement.h"
#include "tests/support/TestSupport.h"

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
    QCOMPARE(r.error().code, core::ErrorCode::SchemaTooNew);
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

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
