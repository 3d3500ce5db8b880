// practica-cli end to end: the real binary, run the way an admin's script runs it.
#include "core/auth/Vault.h"
#include "core/sync/Replica.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace practica;

namespace {

constexpr const char* kPassword = "admin-password-1";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    // Failures must say what went wrong in exactly one line.
    bool oneErrorLine() const { return err.startsWith("practica-cli: ") && err.count('\n') == 1 && err.endsWith('\n'); }
};

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void initCreatesEncryptedClinic();
    void initRefusesExistingDatabase();
    void wrongPasswordIsOneLine_data();
    void wrongPasswordIsOneLine();
    void missingDatabase();
    void usageErrors();
    void helpForEveryNoun_data();
    void helpForEveryNoun();
    void usersAddListAndLogin();
    void usersPasswordFromStdin();
    void usersDeactivate();
    void usersResetMustBeChanged();
    void patientsAddSearchShow();
    void duplicateNeedsConfirmation();
    void invalidPatientIsRejected();
    void mergeRetiresTheDuplicate();
    void permissionsComeFromCore();
    void auditVerify();
    void auditVerifyNamesTheTamperedEvent();
    void dbCheck();
    void syncParkedSaysWhatDidNotMerge();
    void rekeyKeepsTheData();
    void demoIsDeterministic();
    void demoLoginsWork();

private:
    Run run(const QStringList& args, const QByteArray& input = {}, const QMap<QString, QString>& env = {});
    Run admin(QStringList args) { return run(args << "--db" << m_db); }
    QString addPatient(const QString& family, const QString& given, const QString& dob, const QStringList& extra = {});
    QStringList demoPatients(const QString& db);

    QString m_binary;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

Run tst_Cli::run(const QStringList& args, const QByteArray& input, const QMap<QString, QString>& env)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"PRACTICA_DB", "PRACTICA_USER", "PRACTICA_PASSWORD", "PRACTICA_NEW_PASSWORD"})
        environment.remove(name);
    environment.insert("PRACTICA_PASSWORD", kPassword);
    for (auto it = env.begin(); it != env.end(); ++it) {
        if (it.value().isNull())
            environment.remove(it.key());
        else
            environment.insert(it.key(), it.value());
    }
    process.setProcessEnvironment(environment);
    process.start(m_binary, args);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    Run r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

QString tst_Cli::addPatient(const QString& family, const QString& given, const QString& dob, const QStringList& extra)
{
    Run r = admin(
        QStringList{"patients", "add", "--family", family, "--given", given, "--dob", dob, "--sex", "female", "--json"}
        << extra);
    if (r.exitCode != 0) {
        qWarning("patients add failed: %s", r.err.constData());
        return {};
    }
    return r.json().object().value("mrn").toString();
}

void tst_Cli::initTestCase()
{
    m_binary = test::binaryPath("practica-cli");
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
}

void tst_Cli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("clinic.db");
    Run r = run({"init",
                 "--db",
                 m_db,
                 "--name",
                 "Riverside Family Practice",
                 "--npi",
                 "1234567893",
                 "--tax-id",
                 "12-3456789",
                 "--address",
                 "100 Main Street",
                 "--city",
                 "Springfield",
                 "--state",
                 "IL",
                 "--zip",
                 "62701",
                 "--time-zone",
                 "America/Chicago",
                 "--mrn-prefix",
                 "RS",
                 "--display-name",
                 "Ada Admin",
                 "--kdf",
                 "minimal"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.err.isEmpty());
}

void tst_Cli::initCreatesEncryptedClinic()
{
    QFile db(m_db);
    QVERIFY(db.open(QIODevice::ReadOnly));
    QVERIFY(!db.read(16).startsWith("SQLite format 3"));
    QVERIFY(QFile::exists(m_db + ".keys"));
    Run r = admin({"users", "list", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray users = r.json().array();
    QCOMPARE(users.size(), 1);
    QCOMPARE(users[0]["username"].toString(), QString("admin"));
    QCOMPARE(users[0]["display_name"].toString(), QString("Ada Admin"));
    QCOMPARE(users[0]["role"].toString(), QString("admin"));
}

void tst_Cli::initRefusesExistingDatabase()
{
    const QByteArray before = [&] {
        QFile f(m_db + ".keys");
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    Run r = run({"init", "--db", m_db, "--name", "Other", "--npi", "1234567893", "--tax-id", "12-3456789", "--address",
                 "1 Elm Street", "--city", "Springfield", "--state", "IL", "--zip", "62701"});
    QCOMPARE(r.exitCode, 6);
    QVERIFY2(r.oneErrorLine(), r.err.constData());
    QFile f(m_db + ".keys");
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void tst_Cli::wrongPasswordIsOneLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("search") << QStringList{"patients", "search", "--query", "smith"};
    QTest::newRow("search json") << QStringList{"patients", "search", "--query", "smith", "--json"};
    QTest::newRow("audit") << QStringList{"audit", "verify"};
    QTest::newRow("unknown user") << QStringList{"db", "check", "--user", "nobody"};
}

void tst_Cli::wrongPasswordIsOneLine()
{
    QFETCH(QStringList, args);
    Run r = run(args << "--db" << m_db, {}, {{"PRACTICA_PASSWORD", "not-the-password"}});
    QCOMPARE(r.exitCode, 3);
    // A user this workstation has no key for is said so (a sync may bring them), not "wrong password".
    if (QString(QTest::currentDataTag()) == "unknown user")
        QCOMPARE(r.err, QByteArray("practica-cli: This workstation does not know the user nobody yet; it learns of "
                                   "new users when someone signs in here while it can reach the clinic's server.\n"));
    else
        QCOMPARE(r.err, QByteArray("practica-cli: Wrong user name or password.\n"));
    QVERIFY(r.out.isEmpty());
}

void tst_Cli::missingDatabase()
{
    Run r = run({"patients", "search", "--query", "x", "--db", m_dir->filePath("nowhere.db")});
    QCOMPARE(r.exitCode, 5);
    QVERIFY2(r.oneErrorLine(), r.err.constData());
}

void tst_Cli::usageErrors()
{
    for (const QStringList& args :
         {QStringList{"frobnicate"}, QStringList{"patients", "frob"}, QStringList{"patients", "search", "--qury", "x"},
          QStringList{}, QStringList{"patients", "search", "--query"}, QStringList{"demo", "--patients", "many"}}) {
        Run r = admin(args);
        QVERIFY2(r.exitCode == 2, qPrintable(args.join(' ')));
        QVERIFY2(r.oneErrorLine(), r.err.constData());
    }
    Run noDb = run({"db", "check"});
    QCOMPARE(noDb.exitCode, 2);
    QVERIFY(noDb.err.contains("PRACTICA_DB"));
}

void tst_Cli::helpForEveryNoun_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("global") << QStringList{"--help"};
    for (const char* noun : {"init", "demo", "users", "patients", "audit", "db", "appointments", "schedule", "waitlist",
                             "encounters", "notes", "vitals", "problems", "allergies", "labs", "fhir"}) {
        QTest::newRow(noun) << QStringList{noun, "--help"};
        QTest::newRow((QByteArray("help ") + noun).constData()) << QStringList{"help", noun};
    }
}

void tst_Cli::helpForEveryNoun()
{
    QFETCH(QStringList, args);
    Run r = run(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("Usage: practica-cli"));
    QVERIFY(r.err.isEmpty());
    if (args.first() == "--help")
        QVERIFY(r.out.contains("Exit codes:"));
}

void tst_Cli::usersAddListAndLogin()
{
    // Without a new password the add is a usage error; with one it works.
    Run add = admin({"users", "add", "--username", "desk", "--display-name", "Dana Desk", "--role", "front_desk",
                     "--kdf", "minimal", "--json"});
    QCOMPARE(add.exitCode, 2);
    QVERIFY(add.oneErrorLine());
    add = run({"users", "add", "--db", m_db, "--username", "desk", "--display-name", "Dana Desk", "--role",
               "front_desk", "--kdf", "minimal", "--json"},
              {}, {{"PRACTICA_NEW_PASSWORD", "desk-password-1"}});
    QVERIFY2(add.exitCode == 0, add.err.constData());
    QCOMPARE(add.json().object()["role"].toString(), QString("front_desk"));

    Run list = admin({"users", "list", "--json"});
    QCOMPARE(list.exitCode, 0);
    QStringList names;
    for (const auto& u : list.json().array())
        names << u.toObject()["username"].toString();
    QCOMPARE(names, (QStringList{"admin", "desk"}));

    Run asDesk = run({"patients", "search", "--query", "smith", "--db", m_db, "--user", "desk"}, {},
                     {{"PRACTICA_PASSWORD", "desk-password-1"}});
    QVERIFY2(asDesk.exitCode == 0, asDesk.err.constData());
    Run again = run({"users", "add", "--db", m_db, "--username", "desk", "--display-name", "Dana", "--role", "biller",
                     "--kdf", "minimal"},
                    {}, {{"PRACTICA_NEW_PASSWORD", "desk-password-2"}});
    QCOMPARE(again.exitCode, 6);
    QVERIFY(again.oneErrorLine());
}

void tst_Cli::usersPasswordFromStdin()
{
    Run add = run({"users", "add", "--db", m_db, "--username", "doc", "--display-name", "Dr. Doc", "--role",
                   "clinician", "--kdf", "minimal", "--password-stdin"},
                  QByteArray(kPassword) + "\ndoc-password-1\n", {{"PRACTICA_PASSWORD", QString()}});
    QVERIFY2(add.exitCode == 0, add.err.constData());
    Run passwd = run({"users", "passwd", "--db", m_db, "--user", "doc", "--kdf", "minimal", "--password-stdin"},
                     "doc-password-1\ndoc-password-2\n");
    QVERIFY2(passwd.exitCode == 0, passwd.err.constData());
    Run oldFails = run({"patients", "search", "--query", "x", "--db", m_db, "--user", "doc"}, {},
                       {{"PRACTICA_PASSWORD", "doc-password-1"}});
    QCOMPARE(oldFails.exitCode, 3);
    Run newWorks = run({"patients", "search", "--query", "x", "--db", m_db, "--user", "doc", "--password-stdin"},
                       "doc-password-2\n");
    QVERIFY2(newWorks.exitCode == 0, newWorks.err.constData());
    Run tooShort =
        run({"users", "passwd", "--db", m_db, "--user", "doc", "--password-stdin"}, "doc-password-2\nshort\n");
    QCOMPARE(tooShort.exitCode, 6);
    QVERIFY(tooShort.oneErrorLine());
}

// An admin's reset: the temporary password opens the database, but only to choose a new one.
void tst_Cli::usersResetMustBeChanged()
{
    Run add = run({"users", "add", "--db", m_db, "--username", "nurse", "--display-name", "Nia Nurse", "--role",
                   "clinician", "--kdf", "minimal"},
                  {}, {{"PRACTICA_NEW_PASSWORD", "nurse-password-1"}});
    QVERIFY2(add.exitCode == 0, add.err.constData());
    Run reset = run({"users", "reset", "--db", m_db, "--username", "nurse", "--kdf", "minimal"}, {},
                    {{"PRACTICA_NEW_PASSWORD", "temporary-pw-1"}});
    QVERIFY2(reset.exitCode == 0, reset.err.constData());
    QVERIFY(reset.out.contains("must choose a new one"));
    Run blocked = run({"patients", "search", "--query", "x", "--db", m_db, "--user", "nurse"}, {},
                      {{"PRACTICA_PASSWORD", "temporary-pw-1"}});
    QCOMPARE(blocked.exitCode, 3);
    QVERIFY(blocked.oneErrorLine());
    QVERIFY2(blocked.err.contains("users passwd"), blocked.err.constData());
    Run passwd = run({"users", "passwd", "--db", m_db, "--user", "nurse", "--kdf", "minimal", "--password-stdin"},
                     "temporary-pw-1\nnurse-own-pw-1\n");
    QVERIFY2(passwd.exitCode == 0, passwd.err.constData());
    Run works = run({"patients", "search", "--query", "x", "--db", m_db, "--user", "nurse"}, {},
                    {{"PRACTICA_PASSWORD", "nurse-own-pw-1"}});
    QVERIFY2(works.exitCode == 0, works.err.constData());
    // Only an admin resets.
    Run notAdmin = run({"users", "reset", "--db", m_db, "--user", "nurse", "--username", "admin", "--kdf", "minimal"},
                       {}, {{"PRACTICA_PASSWORD", "nurse-own-pw-1"}, {"PRACTICA_NEW_PASSWORD", "hijack-pw-1"}});
    QCOMPARE(notAdmin.exitCode, 4);
}

void tst_Cli::usersDeactivate()
{
    Run add = run({"users", "add", "--db", m_db, "--username", "temp", "--display-name", "Temp", "--role", "biller",
                   "--kdf", "minimal"},
                  {}, {{"PRACTICA_NEW_PASSWORD", "temp-password-1"}});
    QCOMPARE(add.exitCode, 0);
    QCOMPARE(admin({"users", "deactivate", "--username", "temp"}).exitCode, 0);
    Run login = run({"db", "check", "--db", m_db, "--user", "temp"}, {}, {{"PRACTICA_PASSWORD", "temp-password-1"}});
    QCOMPARE(login.exitCode, 3);
    Run list = admin({"users", "list", "--json"});
    const QJsonArray users = list.json().array();
    auto temp = std::find_if(users.begin(), users.end(),
                             [](const QJsonValue& u) { return u["username"].toString() == "temp"; });
    QVERIFY(temp != users.end());
    QCOMPARE((*temp).toObject()["active"].toBool(), false);
}

void tst_Cli::patientsAddSearchShow()
{
    const QString mrn = addPatient("Núñez", "José", "1980-02-03",
                                   {"--phone", "(614) 555-0123", "--city", "Columbus", "--state", "oh", "--zip",
                                    "43215", "--email", "jose@example.com"});
    QVERIFY(mrn.startsWith("RS"));
    const QString other = addPatient("O'Brien", "Siobhán", "2015-06-30", {"--guarantor-name", "Maeve O'Brien"});
    QVERIFY(!other.isEmpty());
    QVERIFY(other != mrn);

    Run search = admin({"patients", "search", "--query", "nun jo", "--json"});
    QVERIFY2(search.exitCode == 0, search.err.constData());
    const QJsonArray found = search.json().array();
    QCOMPARE(found.size(), 1);
    const QJsonObject p = found[0].toObject();
    QCOMPARE(p["mrn"].toString(), mrn);
    QCOMPARE(p["family_name"].toString(), QString("Núñez"));
    QCOMPARE(p["given_name"].toString(), QString("José"));
    QCOMPARE(p["date_of_birth"].toString(), QString("1980-02-03"));
    QCOMPARE(p["sex"].toString(), QString("female"));
    QCOMPARE(p["phone"].toString(), QString("6145550123"));
    QCOMPARE(p["status"].toString(), QString("active"));
    QVERIFY(!p["id"].toString().isEmpty());

    Run byPhone = admin({"patients", "search", "--query", "614-555-0123", "--json"});
    QCOMPARE(byPhone.json().array().size(), 1);
    Run none = admin({"patients", "search", "--query", "zzyzx", "--json"});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.json().array().size(), 0);

    Run show = admin({"patients", "show", "--mrn", mrn, "--json"});
    QVERIFY2(show.exitCode == 0, show.err.constData());
    QJsonObject shown = show.json().object();
    QCOMPARE(shown["state"].toString(), QString("OH"));
    QCOMPARE(shown["email"].toString(), QString("jose@example.com"));
    QVERIFY(shown["middle_name"].isNull());
    QVERIFY(shown["coverage"].isArray());
    Run byId = admin({"patients", "show", "--id", p["id"].toString(), "--json"});
    QCOMPARE(byId.json().object()["mrn"].toString(), mrn);
    Run text = admin({"patients", "show", "--mrn", mrn});
    QVERIFY(text.out.contains("Núñez, José"));
    QVERIFY(text.out.contains("(614) 555-0123"));

    Run missing = admin({"patients", "show", "--mrn", "RS999"});
    QCOMPARE(missing.exitCode, 5);
    QVERIFY(missing.oneErrorLine());
}

void tst_Cli::duplicateNeedsConfirmation()
{
    const QString first = addPatient("Smith", "Jo", "1990-01-01");
    QVERIFY(!first.isEmpty());
    Run dup = admin({"patients", "add", "--family", "Smith", "--given", "Jo", "--dob", "01/01/1990", "--sex", "f"});
    QCOMPARE(dup.exitCode, 6);
    QVERIFY(dup.oneErrorLine());
    QVERIFY(dup.err.contains(first.toUtf8()));
    QVERIFY(!addPatient("Smith", "Jo", "1990-01-01", {"--allow-duplicate"}).isEmpty());
}

void tst_Cli::invalidPatientIsRejected()
{
    Run r = admin({"patients", "add", "--family", "Doe", "--given", "Jan", "--dob", "2199-01-01", "--sex", "female"});
    QCOMPARE(r.exitCode, 6);
    QVERIFY(r.oneErrorLine());
    QVERIFY2(r.err.contains("The date of birth must not be in the future."), r.err.constData());
    Run phone = admin({"patients", "add", "--family", "Doe", "--given", "Jan", "--dob", "2000-01-01", "--sex", "female",
                       "--phone", "555-0100"});
    QCOMPARE(phone.exitCode, 6);
    QVERIFY2(phone.err.contains("The mobile phone must be a 10-digit US phone number."), phone.err.constData());
}

void tst_Cli::mergeRetiresTheDuplicate()
{
    const QString survivor = addPatient("García Márquez", "Ana", "1975-04-12", {"--phone", "6145550111"});
    const QString merged = addPatient("Garcia Marquez", "Ana", "1975-04-12", {"--allow-duplicate"});
    QVERIFY(!survivor.isEmpty() && !merged.isEmpty());
    Run before = admin({"patients", "search", "--query", "garcia ana", "--json"});
    QCOMPARE(before.json().array().size(), 2);

    Run merge = admin({"patients", "merge", "--survivor", survivor, "--merged", merged, "--json"});
    QVERIFY2(merge.exitCode == 0, merge.err.constData());
    QCOMPARE(merge.json().object()["merged"].toString(), merged);

    Run after = admin({"patients", "search", "--query", "garcia ana", "--json"});
    const QJsonArray left = after.json().array();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0]["mrn"].toString(), survivor);
    Run retired = admin({"patients", "show", "--mrn", merged, "--json"});
    QCOMPARE(retired.json().object()["status"].toString(), QString("merged"));
    QCOMPARE(retired.json().object()["merged_into"].toString(), left[0]["id"].toString());

    Run twice = admin({"patients", "merge", "--survivor", survivor, "--merged", merged});
    QCOMPARE(twice.exitCode, 6);
    QVERIFY(twice.oneErrorLine());
}

void tst_Cli::permissionsComeFromCore()
{
    QCOMPARE(run({"users", "add", "--db", m_db, "--username", "bill", "--display-name", "Bill", "--role", "biller",
                  "--kdf", "minimal"},
                 {}, {{"PRACTICA_NEW_PASSWORD", "bill-password-1"}})
                 .exitCode,
             0);
    const QMap<QString, QString> asBiller = {{"PRACTICA_USER", "bill"}, {"PRACTICA_PASSWORD", "bill-password-1"}};
    for (const QStringList& args :
         {QStringList{"db", "check"}, QStringList{"db", "rekey"}, QStringList{"audit", "verify"},
          QStringList{"users", "list"}, QStringList{"patients", "merge", "--survivor", "A", "--merged", "B"},
          QStringList{"patients", "add", "--family", "X", "--given", "Y", "--dob", "2000-01-01", "--sex", "male"}}) {
        Run r = run(QStringList(args) << "--db" << m_db, {}, asBiller);
        QVERIFY2(r.exitCode == 4, qPrintable(args.join(' ') + ": " + r.err));
        QVERIFY(r.oneErrorLine());
    }
}

void tst_Cli::auditVerify()
{
    QVERIFY(!addPatient("Chen", "Mei", "1988-08-08").isEmpty());
    Run r = admin({"audit", "verify"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.startsWith("intact, "), r.out.constData());
    Run json = admin({"audit", "verify", "--json"});
    QCOMPARE(json.json().object()["intact"].toBool(), true);
    QVERIFY(json.json().object()["events"].toInt() >= 4);
}

void tst_Cli::auditVerifyNamesTheTamperedEvent()
{
    QVERIFY(!addPatient("Chen", "Mei", "1988-08-08").isEmpty());
    {
        core::SystemClock clock;
        auto session = core::Vault::unlock(m_db.toStdString(), "admin", kPassword, clock);
        QVERIFY(session);
        // The append-only trigger first, as someone with the key and the sqlite shell could.
        QVERIFY((*session)->db().execute("DROP TRIGGER audit_event_no_update;"));
        QVERIFY((*session)->db().execute("UPDATE audit_event SET detail = 'nothing to see' WHERE seq = 2;"));
    }
    Run r = admin({"audit", "verify"});
    QCOMPARE(r.exitCode, 7);
    QVERIFY2(r.oneErrorLine(), r.err.constData());
    QVERIFY2(r.err.contains("seq 2") && r.err.contains("hash mismatch"), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void tst_Cli::syncParkedSaysWhatDidNotMerge()
{
    QVERIFY(admin({"sync", "parked"}).out.startsWith("No parked changes"));
    {
        // Pulled from an older server that did not check: a birth date in the future, and a record type
        // from a newer Practica.
        core::SystemClock clock;
        auto session = core::Vault::unlock(m_db.toStdString(), "admin", kPassword, clock);
        QVERIFY(session);
        core::SyncChange future;
        future.id = "0190f0e2-0000-7000-8000-00000000c001";
        future.entity = "patient";
        future.rowId = "0190f0e2-0000-7000-8000-00000000b001";
        future.hlc = "001790000000000-00000000-other";
        future.seq = 1;
        future.author = "desk";
        future.deviceId = "other";
        future.fields = {{"mrn", "0200000001"},           {"family_name", "Future"}, {"given_name", "Fay"},
                         {"date_of_birth", "2099-01-01"}, {"sex", "female"},         {"status", "active"}};
        core::SyncChange newer = future;
        newer.id = "0190f0e2-0000-7000-8000-00000000c002";
        newer.entity = "lab_sample";
        newer.seq = 2;
        newer.fields = {{"label", "A1"}};
        QVERIFY(core::Replica(**session).applyPulled({future, newer}, 2));
    }
    Run listed = admin({"sync", "parked"});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QVERIFY2(listed.out.contains("invalid_field  patient") && listed.out.contains("(by desk)") &&
                 listed.out.contains("the date of birth must not be in the future"),
             listed.out.constData());
    QVERIFY2(listed.out.contains("does not know lab sample records"), listed.out.constData());
    Run json = admin({"sync", "parked", "--json"});
    const QJsonArray parked = json.json().array();
    QCOMPARE(parked.size(), 2);
    QCOMPARE(parked[0].toObject()["code"].toString(), QString("invalid_field"));
    QCOMPARE(parked[0].toObject()["params"].toObject()["rule"].toString(), QString("future_date"));
    QCOMPARE(parked[1].toObject()["code"].toString(), QString("unknown_record_type"));
    const QJsonObject status = admin({"sync", "status", "--json"}).json().object();
    QCOMPARE(status["parked"].toInt(), 2);
    QCOMPARE(status["parked_changes"].toArray().size(), 2);
    QVERIFY(admin({"sync", "status"}).out.contains("Parked changes:  2 (see practica-cli sync parked)"));
    // Nothing of the invalid patient reached the records.
    QVERIFY(admin({"patients", "search", "Future"}).out.isEmpty() ||
            !admin({"patients", "search", "Future"}).out.contains("Fay"));
}

void tst_Cli::dbCheck()
{
    Run r = admin({"db", "check"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("ok\n"));
    Run json = admin({"db", "check", "--json"});
    QCOMPARE(json.json().object()["ok"].toBool(), true);
    QVERIFY(!json.json().object()["cipher_version"].toString().isEmpty());
}

void tst_Cli::rekeyKeepsTheData()
{
    const QString mrn = addPatient("Kowalski", "Agnieszka", "1964-03-09");
    QVERIFY(!mrn.isEmpty());
    QFile keys(m_db + ".keys");
    QVERIFY(keys.open(QIODevice::ReadOnly));
    const QByteArray keysBefore = keys.readAll();
    keys.close();

    Run rekey = admin({"db", "rekey"});
    QVERIFY2(rekey.exitCode == 0, rekey.err.constData());
    QVERIFY(keys.open(QIODevice::ReadOnly));
    QVERIFY(keys.readAll() != keysBefore);

    Run show = admin({"patients", "show", "--mrn", mrn, "--json"});
    QVERIFY2(show.exitCode == 0, show.err.constData());
    QCOMPARE(show.json().object()["family_name"].toString(), QString("Kowalski"));
    QCOMPARE(admin({"db", "check"}).exitCode, 0);
    QCOMPARE(admin({"audit", "verify"}).exitCode, 0);
}

// Every demo patient has a phone in one of the clinic's area codes, so these searches list them all.
QStringList tst_Cli::demoPatients(const QString& db)
{
    QStringList rows;
    for (const char* area : {"614", "380", "740", "937", "513", "419", "567", "330", "234", "216", "440", "220"}) {
        Run r = run({"patients", "search", "--db", db, "--query", QString(area) + "555", "--limit", "1000", "--json"},
                    {}, {{"PRACTICA_PASSWORD", "practica-admin"}});
        if (r.exitCode != 0)
            return {QString::fromUtf8(r.err)};
        for (const auto& v : r.json().array()) {
            const QJsonObject p = v.toObject();
            rows << QStringList{p["mrn"].toString(),           p["family_name"].toString(), p["given_name"].toString(),
                                p["date_of_birth"].toString(), p["sex"].toString(),         p["phone"].toString(),
                                p["status"].toString()}
                        .join('|');
        }
    }
    rows.removeDuplicates();
    rows.sort();
    return rows;
}

void tst_Cli::demoIsDeterministic()
{
    const QMap<QString, QString> defaultPassword = {{"PRACTICA_PASSWORD", QString()}};
    QStringList lists[3];
    const int seeds[] = {7, 7, 8};
    for (int i = 0; i < 3; ++i) {
        const QString db = m_dir->filePath(QString("demo%1.db").arg(i));
        Run r = run({"demo", "--db", db, "--patients", "60", "--seed", QString::number(seeds[i]), "--kdf", "minimal",
                     "--no-schedule"},
                    {}, defaultPassword);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains("60 of 60"));
        lists[i] = demoPatients(db);
    }
    QCOMPARE(lists[0].size(), 60);
    QCOMPARE(lists[0], lists[1]);
    QVERIFY(lists[0] != lists[2]);
}

void tst_Cli::demoLoginsWork()
{
    const QString db = m_dir->filePath("logins.db");
    Run r = run({"demo", "--db", db, "--patients", "5", "--kdf", "minimal", "--appointments-per-day", "0", "--json"},
                {}, {{"PRACTICA_PASSWORD", "my-admin-secret"}});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray logins = r.json().object()["logins"].toArray();
    QCOMPARE(logins.size(), 4);
    QCOMPARE(logins[0]["username"].toString(), QString("admin"));
    QVERIFY(logins[0]["password"].isNull()); // the admin chose it; it is not echoed
    QStringList roles;
    for (const auto& login : logins) {
        roles << login.toObject()["role"].toString();
        const QString password = login.toObject()["password"].isNull() ? QString("my-admin-secret")
                                                                       : login.toObject()["password"].toString();
        Run search =
            run({"patients", "search", "--db", db, "--query", "a", "--user", login.toObject()["username"].toString()},
                {}, {{"PRACTICA_PASSWORD", password}});
        QVERIFY2(search.exitCode == 0, search.err.constData());
    }
    QCOMPARE(roles, (QStringList{"admin", "front_desk", "clinician", "biller"}));

    Run text = run({"demo", "--db", m_dir->filePath("text.db"), "--patients", "1", "--kdf", "minimal",
                    "--appointments-per-day", "2"},
                   {}, {{"PRACTICA_PASSWORD", QString()}});
    QCOMPARE(text.exitCode, 0);
    for (const char* expected : {"admin", "practica-admin", "frontdesk-demo", "doctor-demo", "biller-demo"})
        QVERIFY2(text.out.contains(expected), text.out.constData());
    Run exists = run({"demo", "--db", db, "--patients", "1"});
    QCOMPARE(exists.exitCode, 6);
    QVERIFY(exists.oneErrorLine());
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
