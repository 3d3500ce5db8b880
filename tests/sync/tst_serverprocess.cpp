// A real practica-server process, spoken to over raw HTTP the way a dishonest employee with an account
// could: every pushed change is checked against the pusher's role from the record-type table (create,
// edit, guarded fields, tombstones, one's own role), refused changes never reach anyone's pull, stamps
// too far ahead or before the clinic are refused, a role changed or a user deactivated takes effect
// at once, and stalled or trickling connections cannot stop two workstations from syncing.
#include "PostgresFixture.h"
#include "RecordSamples.h"
#include "ScheduleFixture.h"
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/UserKey.h"
#include "core/patients/PatientStore.h"
#include "core/records/RecordType.h"
#include "core/sync/SyncScope.h"
#include "core/util/Uuid.h"
#include "words/ErrorWords.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <set>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace practica;
using namespace practica::test;
using Poco::JSON::Object;

namespace {

// The server's /metrics page, and one counter from it (-1 when absent).
std::string metricsText(int port)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest req("GET", "/metrics");
    session.sendRequest(req);
    Poco::Net::HTTPResponse response;
    return std::string(std::istreambuf_iterator<char>(session.receiveResponse(response)), {});
}

long long counterIn(const std::string& metrics, const std::string& series)
{
    const auto at = metrics.find(series + " ");
    return at == std::string::npos ? -1LL : std::stoll(metrics.substr(at + series.size() + 1));
}

std::string text(const Object& o)
{
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::int64_t nowMs()
{
    return core::SystemClock().nowMs();
}

// A signed-in account on its own approved device.
struct Account
{
    std::string username;
    core::Role role = core::Role::Admin;
    std::string device;
    std::string token;
    std::int64_t counter = 0;
};

struct Outcome
{
    std::string outcome; // applied, duplicate, conflict; empty when the request itself failed
    std::string code;
    std::map<std::string, std::string> params;
    int status = 0;
};

} // namespace

class tst_ServerProcess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    // With PRACTICA_SERVER_STORE=postgresql the server keeps its records in a private PostgreSQL
    // cluster (ctest runs the suite both ways); otherwise in an embedded store file.
    std::unique_ptr<PostgresFixture> m_pg;
    QString m_store;
    std::string m_clinic = "0190f0e2-0000-7000-8000-00000000c0de";
    ServerProcess m_server;
    std::map<core::Role, Account> m_accounts;
    std::set<std::string> m_applied, m_refused;
    std::map<std::string, core::SyncChange> m_appliedChanges; // id -> what was applied (fields without values)
    std::int64_t m_lastMs = 0;                                // stamps of this test's pushes increase, whoever pushes
    std::map<std::string, std::string> m_samples;             // record type -> a live record of it
    int m_serial = 0;

    SampleFields sample(const std::string& type, const SampleFields& overrides = {})
    {
        const core::RecordTypes types = core::RecordTypes::builtIn();
        SampleFields fields = sampleRecord(*types.find(type), m_samples, ++m_serial);
        for (const auto& [k, v] : overrides)
            fields[k] = v;
        return fields;
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PRACTICA_PASSWORD", kAdminPassword);
        return env;
    }

    bool runServerCommand(const QStringList& args)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(binaryPath("practica-server"), args);
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            qWarning("practica-server %s: %s", qPrintable(args.join(' ')), p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    // A practica-server admin command's exit code and standard output.
    std::pair<int, QByteArray> serverCommand(const QStringList& args)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(binaryPath("practica-server"), args);
        if (!p.waitForFinished(30000))
            return {-1, {}};
        return {p.exitCode(), p.readAllStandardOutput()};
    }

    // The scope `device list` shows for a device.
    QString listedScope(const std::string& device)
    {
        auto [exitCode, out] =
            serverCommand({"device", "list", "--store", m_store, "--clinic", QString::fromStdString(m_clinic)});
        if (exitCode != 0)
            return "(device list failed)";
        for (const QByteArray& line : out.split('\n')) {
            const QList<QByteArray> columns = line.split('\t');
            if (columns.size() >= 5 && columns[0].toStdString() == device)
                return QString::fromUtf8(columns[3]);
        }
        return "(not listed)";
    }

    // The scope a device's pull names.
    std::string pulledScope(const Account& who)
    {
        auto answer = request(m_server.port(), "GET", "/v1/changes?after=0&limit=1", {}, who.token);
        return answer.status == 200 && answer.json ? answer.json->optValue<std::string>("scope", "(none)")
                                                   : "(HTTP " + std::to_string(answer.status) + ")";
    }

    Answer setScope(const Account& who, const std::string& device, const std::string& scope)
    {
        Object body;
        body.set("device", device);
        body.set("scope", scope);
        return request(m_server.port(), "POST", "/v1/devices/scope", text(body), who.token);
    }

    Account signIn(const std::string& username, core::Role role)
    {
        Account a{username, role, "device-" + username, {}, 0};
        Object body;
        body.set("clinic", m_clinic);
        body.set("username", username);
        body.set("password", std::string(kAdminPassword));
        body.set("device", a.device);
        body.set("device_name", "Desk of " + username);
        auto answer = request(m_server.port(), "POST", "/v1/login", text(body));
        if (answer.status != 200 || !answer.json)
            qFatal("login %s: HTTP %d", username.c_str(), answer.status);
        a.token = answer.json->getValue<std::string>("access_token");
        return a;
    }

    // Pushes one change as the account; hlcMs 0 means now.
    Outcome push(Account& who, const std::string& entity, const std::string& rowId, const SampleFields& fields,
                 bool edit, bool tombstone = false, std::int64_t hlcMs = 0, std::string* changeId = nullptr)
    {
        Object change(Poco::JSON_PRESERVE_KEY_ORDER);
        const std::string id = core::uuidV7(nowMs());
        change.set("id", id);
        change.set("entity", entity);
        change.set("row", rowId);
        change.set("op", tombstone ? "delete" : "upsert");
        char hlc[128];
        if (!hlcMs)
            hlcMs = m_lastMs = std::max(nowMs(), m_lastMs + 1);
        std::snprintf(hlc, sizeof hlc, "%015lld-%08lld-%s", static_cast<long long>(hlcMs),
                      static_cast<long long>(++who.counter), who.device.c_str());
        change.set("hlc", std::string(hlc));
        if (edit)
            change.set("base", std::string(hlc));
        else
            change.set("base", Poco::Dynamic::Var());
        Object::Ptr values = new Object;
        for (const auto& [k, v] : fields)
            values->set(k, v ? Poco::Dynamic::Var(*v) : Poco::Dynamic::Var());
        change.set("fields", values);
        Poco::JSON::Array::Ptr changes = new Poco::JSON::Array;
        changes->add(change);
        Object body;
        body.set("device", who.device);
        body.set("changes", changes);
        auto answer = request(m_server.port(), "POST", "/v1/push", text(body), who.token);
        Outcome out;
        out.status = answer.status;
        if (answer.status != 200 || !answer.json)
            return out;
        auto result = answer.json->getArray("results")->getObject(0);
        out.outcome = result->getValue<std::string>("outcome");
        out.code = result->optValue<std::string>("code", "");
        if (auto params = result->getObject("params"))
            for (const auto& [k, v] : *params)
                out.params[k] = v.toString();
        (out.outcome == "applied" ? m_applied : m_refused).insert(id);
        if (out.outcome == "applied") {
            core::SyncChange& applied = m_appliedChanges[id];
            applied.entity = entity;
            applied.deleted = tombstone;
            if (edit)
                applied.baseHlc = std::string(hlc);
            for (const auto& [k, v] : fields)
                applied.fields.push_back({k, v});
        }
        if (changeId)
            *changeId = id;
        return out;
    }

    static std::string newRow() { return core::uuidV7(nowMs()); }

    // The admin where the admin may make the type, else the first role that may.
    Account& writerOf(const core::RecordType& type)
    {
        if (core::roleAllows(core::Role::Admin, type.create))
            return m_accounts[core::Role::Admin];
        auto role = std::find_if(core::allRoles().begin(), core::allRoles().end(),
                                 [&](core::Role r) { return core::roleAllows(r, type.create); });
        return m_accounts[role == core::allRoles().end() ? core::Role::Admin : *role];
    }

    // The id of a user's account record, from the admin's pull.
    std::string accountRow(const std::string& username)
    {
        auto answer =
            request(m_server.port(), "GET", "/v1/changes?after=0&limit=5000", {}, m_accounts[core::Role::Admin].token);
        for (const auto& v : *answer.json->getArray("changes")) {
            auto c = v.extract<Object::Ptr>();
            auto fields = c->getObject("fields");
            if (c->getValue<std::string>("entity") == "user_account" && fields->has("username") &&
                fields->getValue<std::string>("username") == username)
                return c->getValue<std::string>("row");
        }
        return {};
    }

private slots:
    void initTestCase();
    void everyRoleAndRecordTypeAsThePermissionTableSays();
    void guardedFieldsAndOwnAccounts();
    void ownedRecordsOnlyByTheirOwner();
    void frontDeskCannotMakeItselfAdmin();
    void userNamesStayAndResetsNeedANewPassword();
    void everyFieldRuleRefusesABadValue();
    void refusedChangesReachNoPull();
    void eachDeviceHasItsEnrollingRolesScopeAndOnlyAnAdminChangesIt();
    void stampsAheadOfTheServerAreRefused();
    void roleChangesAndDeactivationTakeEffectAtOnce();
    void slowClientsCannotStopSync();
};

void tst_ServerProcess::initTestCase()
{
    core::initCrypto();
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(binaryPath("practica-server")));
    m_store = m_dir.filePath("server.db");
    if (qEnvironmentVariable("PRACTICA_SERVER_STORE") == QLatin1String("postgresql")) {
        m_pg = std::make_unique<PostgresFixture>("practica_serverprocess");
        if (!m_pg->available() || !m_pg->running())
            PRACTICA_NEEDS_POSTGRES(m_pg->error());
        m_store = QString::fromStdString(m_pg->conninfo());
    }
    QVERIFY(runServerCommand({"clinic", "create", "--store", m_store, "--id", QString::fromStdString(m_clinic),
                              "--name", "Riverside", "--admin", "admin"}));
    const std::map<core::Role, std::string> names{
        {core::Role::FrontDesk, "desk"}, {core::Role::Clinician, "doc"}, {core::Role::Biller, "bill"}};
    for (const auto& [role, name] : names)
        QVERIFY(runServerCommand({"user", "add", "--store", m_store, "--clinic", QString::fromStdString(m_clinic),
                                  "--username", QString::fromStdString(name), "--role",
                                  QString::fromStdString(std::string(core::roleName(role)))}));
    QVERIFY(m_server.start(m_store, {"--insecure-http", "--threads", "8"}, environment()));

    m_accounts[core::Role::Admin] = signIn("admin", core::Role::Admin);
    for (const auto& [role, name] : names) {
        m_accounts[role] = signIn(name, role);
        Object body;
        body.set("device", m_accounts[role].device);
        QCOMPARE(
            request(m_server.port(), "POST", "/v1/devices/approve", text(body), m_accounts[core::Role::Admin].token)
                .status,
            200);
    }
    // The clinic's own record first, as a new clinic's first workstation sends it; then the admin's
    // account record, as the admin's workstation holds it (the others are records already: the server's
    // user add made them).
    Account& admin = m_accounts[core::Role::Admin];
    QCOMPARE(push(admin, "clinic", m_clinic, sample("clinic", {{"name", "Riverside"}}), false).outcome,
             std::string("applied"));
    m_samples["clinic"] = m_clinic;
    QCOMPARE(push(admin, "user_account", newRow(),
                  sample("user_account",
                         {{"username", "admin"},
                          {"role", "admin"},
                          {"active", "1"},
                          {"key_material",
                           core::UserKey::create("admin", kAdminPassword, core::KdfCost::minimal())->encode()}}),
                  false)
                 .outcome,
             std::string("applied"));
    for (const auto& [role, name] : names)
        QVERIFY2(!accountRow(name).empty(), name.c_str());
    // A live record of every type, made in an order where what each refers to exists.
    const core::RecordTypes types = core::RecordTypes::builtIn();
    const auto order = creationOrder(types);
    QCOMPARE(order.size(), types.all().size());
    for (const core::RecordType* type : order) {
        if (type->clinicRow)
            continue;
        const std::string row = newRow();
        SampleFields fields = sample(type->name);
        if (type->owned) // a record of one user's own (a second factor): the admin's
            fields[type->owned->userField] = accountRow("admin");
        Outcome made = push(writerOf(*type), type->name, row, fields, false);
        QVERIFY2(made.outcome == "applied",
                 (type->name + ": " + made.code + " " + made.params["field"] + " " + made.params["rule"]).c_str());
        m_samples[type->name] = row;
    }
}

void tst_ServerProcess::everyRoleAndRecordTypeAsThePermissionTableSays()
{
    const core::RecordTypes types = core::RecordTypes::builtIn();
    int checked = 0;
    int ownedTypes = 0;
    for (const core::RecordType& type : types.all()) {
        if (type.owned) { // its owner writes it whatever their role: ownedRecordsOnlyByTheirOwner
            ++ownedTypes;
            continue;
        }
        // A record of the type to edit and delete, made by a role that may make it.
        std::string seed = type.clinicRow ? m_clinic : newRow();
        if (!type.clinicRow) {
            auto maker = std::find_if(core::allRoles().begin(), core::allRoles().end(),
                                      [&](core::Role r) { return core::roleAllows(r, type.create); });
            QVERIFY2(maker != core::allRoles().end(), type.name.c_str());
            QCOMPARE(push(m_accounts[*maker], type.name, seed, sample(type.name), false).outcome,
                     std::string("applied"));
        }
        for (core::Role role : core::allRoles()) {
            Account& who = m_accounts[role];
            const std::string where = type.name + " as " + std::string(core::roleName(role));

            Outcome created = push(who, type.name, newRow(), sample(type.name), false);
            const bool mayCreate = !type.clinicRow && core::roleAllows(role, type.create);
            QVERIFY2(created.outcome == (mayCreate ? "applied" : "conflict"), ("create " + where).c_str());
            if (!mayCreate) {
                QCOMPARE(created.code, std::string("permission_denied"));
                QCOMPARE(created.params["record_type"], type.name);
            }

            const auto [field, value] = sampleEdit(type, ++m_serial);
            Outcome edited = push(who, type.name, seed, {{field, value}}, true);
            const bool mayEdit = core::roleAllows(role, type.edit);
            // A record no field of which ever changes (a claim's history) takes no edit from anyone.
            const bool allFixed = std::all_of(type.fields.begin(), type.fields.end(), [&](const core::FieldRule& f) {
                return std::find(type.fixed.begin(), type.fixed.end(), f.name) != type.fixed.end();
            });
            QVERIFY2(edited.outcome == (mayEdit && !allFixed ? "applied" : "conflict"), ("edit " + where).c_str());
            if (mayEdit && allFixed) {
                QCOMPARE(edited.code, std::string("invalid_field"));
            } else if (!mayEdit) {
                QCOMPARE(edited.code, std::string("permission_denied"));
                QCOMPARE(edited.params["operation"], std::string("edit"));
                QCOMPARE(edited.params["permission"], std::string(core::permissionName(type.edit)));
            }

            Outcome deleted = push(who, type.name, seed, {}, true, true);
            const bool mayDelete = type.remove && core::roleAllows(role, *type.remove);
            QVERIFY2(deleted.outcome == (mayDelete ? "applied" : "conflict"), ("delete " + where).c_str());
            if (!mayDelete) {
                QCOMPARE(deleted.code, std::string("permission_denied"));
                QCOMPARE(deleted.params["operation"], std::string("delete"));
            }
            if (mayDelete) // bring the seed back for the next role
                QCOMPARE(push(who, type.name, seed, sample(type.name), false).outcome, std::string("applied"));
            checked += 3;
        }
    }
    QCOMPARE(checked, static_cast<int>((types.all().size() - ownedTypes) * core::allRoles().size() * 3));
}

void tst_ServerProcess::guardedFieldsAndOwnAccounts()
{
    const core::RecordTypes types = core::RecordTypes::builtIn();
    for (const core::RecordType& type : types.all()) {
        for (const core::GuardedField& guarded : type.guarded) {
            for (core::Role role : core::allRoles()) {
                if (!core::roleAllows(role, type.create) || !core::roleAllows(role, type.edit))
                    continue;
                Account& who = m_accounts[role];
                const std::string row = newRow();
                QCOMPARE(push(who, type.name, row, sample(type.name), false).outcome, std::string("applied"));
                const std::string value =
                    guarded.value.value_or(sampleValue(*type.field(guarded.field), m_samples, ++m_serial));
                Outcome set = push(who, type.name, row, {{guarded.field, value}}, true);
                const bool may = core::roleAllows(role, guarded.permission);
                const std::string where = type.name + "." + guarded.field + " as " + who.username;
                QVERIFY2(set.outcome == (may ? "applied" : "conflict"), where.c_str());
                if (!may)
                    QCOMPARE(set.params["field"], guarded.field);
            }
        }
    }
    // Nobody changes their own role or activity, not even an admin.
    Account& admin = m_accounts[core::Role::Admin];
    const std::string adminRow = accountRow("admin");
    QVERIFY(!adminRow.empty());
    Outcome demote = push(admin, "user_account", adminRow, {{"active", "0"}}, true);
    QCOMPARE(demote.code, std::string("permission_denied"));
    QCOMPARE(demote.params["own_record"], std::string("1"));
    QCOMPARE(demote.params["field"], std::string("active"));
    // Repeating what the record says is no change of it.
    QCOMPARE(push(admin, "user_account", adminRow, {{"role", "admin"}, {"display_name", "Ada"}}, true).outcome,
             std::string("applied"));
}

// A user's second factor: each role sets up its own; nobody sets anyone else's, not even an admin, who may
// only remove it (clear its fields); nothing removes the record itself.
void tst_ServerProcess::ownedRecordsOnlyByTheirOwner()
{
    const core::RecordTypes types = core::RecordTypes::builtIn();
    const core::RecordType& totp = *types.find("user_totp");
    QVERIFY(totp.owned);
    const std::string userField = totp.owned->userField;
    const SampleFields secret{{"secret", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"}, {"enrolled_at", "2025-11-21T10:00:00Z"}};
    auto withOwner = [&](const std::string& username) {
        SampleFields f = secret;
        f[userField] = accountRow(username);
        return f;
    };
    std::map<core::Role, std::string> rows;
    for (core::Role role : {core::Role::FrontDesk, core::Role::Clinician, core::Role::Biller}) {
        Account& who = m_accounts[role];
        rows[role] = newRow();
        QCOMPARE(push(who, "user_totp", rows[role], withOwner(who.username), false).outcome, std::string("applied"));
        QCOMPARE(push(who, "user_totp", rows[role], {{"secret", "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK"}}, true).outcome,
                 std::string("applied"));
        // Nor may it be handed to someone else.
        Outcome handed = push(who, "user_totp", rows[role], {{userField, accountRow("admin")}}, true);
        QCOMPARE(handed.code, std::string("permission_denied"));
        QCOMPARE(handed.params["field"], userField);
    }
    Account& desk = m_accounts[core::Role::FrontDesk];
    Account& admin = m_accounts[core::Role::Admin];
    const std::string adminRow = m_samples.at("user_totp");
    // A non-admin pushing another user's second factor: refused, whatever it tries.
    Outcome forCleo = push(desk, "user_totp", newRow(), withOwner("doc"), false);
    QCOMPARE(forCleo.code, std::string("permission_denied"));
    QCOMPARE(forCleo.params["owner_only"], std::string("1"));
    Outcome forged = push(desk, "user_totp", adminRow, {{"secret", "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK"}}, true);
    QCOMPARE(forged.code, std::string("permission_denied"));
    QCOMPARE(forged.params["owner_only"], std::string("1"));
    QCOMPARE(forged.params["field"], std::string("secret"));
    Outcome cleared = push(desk, "user_totp", adminRow, {{"secret", std::nullopt}}, true);
    QCOMPARE(cleared.code, std::string("permission_denied"));
    QCOMPARE(cleared.params["permission"], std::string(core::permissionName(core::Permission::UserManage)));
    // An admin may not set the desk's secret either, only remove it.
    Outcome adminSets =
        push(admin, "user_totp", rows[core::Role::FrontDesk], {{"secret", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"}}, true);
    QCOMPARE(adminSets.code, std::string("permission_denied"));
    QCOMPARE(adminSets.params["owner_only"], std::string("1"));
    QCOMPARE(push(admin, "user_totp", rows[core::Role::FrontDesk],
                  {{"secret", std::nullopt}, {"recovery_codes", std::nullopt}, {"enrolled_at", std::nullopt}}, true)
                 .outcome,
             std::string("applied"));
    for (core::Role role : core::allRoles())
        QCOMPARE(push(m_accounts[role], "user_totp", rows[core::Role::Biller], {}, true, true).code,
                 std::string("permission_denied"));
}

// A user's key is bound to their user name, so nobody renames an account; and a user told by an admin's
// reset to choose a new password clears that flag only together with a new key.
void tst_ServerProcess::userNamesStayAndResetsNeedANewPassword()
{
    Account& admin = m_accounts[core::Role::Admin];
    Account& desk = m_accounts[core::Role::FrontDesk];
    const std::string deskRow = accountRow("desk");
    QVERIFY(!deskRow.empty());
    Outcome rename = push(admin, "user_account", deskRow, {{"username", "dana"}}, true);
    QCOMPARE(rename.code, std::string("invalid_field"));
    QCOMPARE(rename.params["rule"], std::string("fixed"));
    QCOMPARE(rename.params["field"], std::string("username"));

    QCOMPARE(push(admin, "user_account", deskRow, {{"must_change_password", "1"}}, true).outcome,
             std::string("applied"));
    Outcome skip = push(desk, "user_account", deskRow, {{"must_change_password", "0"}}, true);
    QVERIFY2(skip.code == "invalid_field",
             (skip.code + " " + skip.params["rule"] + " " + skip.params["field"]).c_str());
    QCOMPARE(skip.params["rule"], std::string("required_together"));
    QCOMPARE(skip.params["with"], std::string("must_change_password"));
    const std::string newKey = core::UserKey::create("desk", kAdminPassword, core::KdfCost::minimal())->encode();
    QCOMPARE(
        push(desk, "user_account", deskRow, {{"must_change_password", "0"}, {"key_material", newKey}}, true).outcome,
        std::string("applied"));
}

void tst_ServerProcess::frontDeskCannotMakeItselfAdmin()
{
    Account& desk = m_accounts[core::Role::FrontDesk];
    const std::string deskRow = accountRow("desk");
    QVERIFY(!deskRow.empty());
    Outcome escalate = push(desk, "user_account", deskRow, {{"role", "admin"}}, true);
    QCOMPARE(escalate.outcome, std::string("conflict"));
    QCOMPARE(escalate.code, std::string("permission_denied"));
    // Nor the clinic's NPI, nor a patient's tombstone, nor an account of anyone else.
    QCOMPARE(push(desk, "clinic", m_clinic, {{"npi", "1234567893"}}, true).code, std::string("permission_denied"));
    const std::string patient = newRow();
    QCOMPARE(push(desk, "patient", patient, sample("patient", {{"family_name", "Doe"}}), false).outcome,
             std::string("applied"));
    QCOMPARE(push(desk, "patient", patient, {}, true, true).code, std::string("permission_denied"));
    QCOMPARE(push(desk, "user_account", newRow(), {{"username", "mallory"}, {"role", "admin"}}, false).code,
             std::string("permission_denied"));
    // The server still takes desk for front desk.
    QCOMPARE(push(desk, "payer", newRow(), {{"name", "Acme"}}, false).code, std::string("permission_denied"));
}

void tst_ServerProcess::everyFieldRuleRefusesABadValue()
{
    // Over raw HTTP as an admin's approved workstation, from the declarations alone: every value that
    // breaks a field rule of a record type is refused, naming the field and the rule.
    Account& admin = m_accounts[core::Role::Admin];
    const core::RecordTypes types = core::RecordTypes::builtIn();
    int checked = 0;
    for (const core::RecordType& type : types.all()) {
        const std::string row = m_samples.at(type.name);
        // The admin writes the clinic's records; clinical records are a clinician's to write.
        Account& writer = writerOf(type);
        for (const core::FieldRule& rule : type.fields) {
            // Whose record it is, is checked before what it holds: ownedRecordsOnlyByTheirOwner.
            if (type.owned && rule.name == type.owned->userField)
                continue;
            for (const BadValue& bad : badValues(rule)) {
                const std::string where =
                    type.name + "." + rule.name + " = " + bad.value.value_or("null") + " (" + bad.rule + ")";
                Outcome o = push(writer, type.name, row, {{rule.name, bad.value}}, true);
                QVERIFY2(o.outcome == "conflict", (where + ": " + o.outcome).c_str());
                QCOMPARE(o.code, std::string("invalid_field"));
                QVERIFY2(o.params["field"] == rule.name && o.params["rule"] == bad.rule,
                         (where + ": got " + o.params["field"] + " " + o.params["rule"]).c_str());
                QCOMPARE(o.params["record_type"], type.name);
                ++checked;
            }
            // A new record without a required field that has no default.
            if (rule.required && !rule.hasDefault && !type.clinicRow) {
                SampleFields fields = sample(type.name);
                fields.erase(rule.name);
                Outcome o = push(writer, type.name, newRow(), fields, false);
                QCOMPARE(o.code, std::string("invalid_field"));
                QCOMPARE(o.params["field"], rule.name);
                QCOMPARE(o.params["rule"], std::string("required"));
                ++checked;
            }
        }
        Outcome unknown = push(writer, type.name, row, {{"favourite_colour", "blue"}}, true);
        QCOMPARE(unknown.code, std::string("invalid_field"));
        QCOMPARE(unknown.params["rule"], std::string("unknown_field"));
        QCOMPARE(unknown.params["field"], std::string("favourite_colour"));
        for (const core::FieldOrder& order : type.order) {
            const core::FieldRule* first = type.field(order.first);
            std::string early = first->kind == core::FieldKind::Date ? "2020-01-02" : "100";
            std::string late = first->kind == core::FieldKind::Date ? "2020-01-01" : "50";
            Outcome o = push(writer, type.name, row, {{order.first, early}, {order.second, late}}, true);
            QCOMPARE(o.code, std::string("invalid_field"));
            QCOMPARE(o.params["rule"], std::string("order"));
            QCOMPARE(o.params["field"], order.second);
            ++checked;
        }
    }
    QVERIFY(checked > 150);
    // The values the first report names, one by one.
    const std::string patient = m_samples.at("patient");
    QCOMPARE(push(admin, "patient", patient, {{"family_name", ""}}, true).params["rule"], std::string("required"));
    QCOMPARE(push(admin, "patient", patient, {{"date_of_birth", "2099-01-01"}}, true).params["rule"],
             std::string("future_date"));
    QCOMPARE(push(admin, "patient", patient, {{"sex", "banana"}}, true).params["allowed"],
             std::string("female,male,other,unknown"));
    const std::string appointment = m_samples.at("appointment");
    QCOMPARE(push(admin, "appointment", appointment, {{"minutes", "-30"}}, true).params["min"], std::string("5"));
    QCOMPARE(push(admin, "appointment", appointment, {{"patient_id", newRow()}}, true).params["references"],
             std::string("patient"));
    // Valid edits still go through.
    QCOMPARE(
        push(admin, "patient", patient, {{"date_of_birth", "1968-02-29"}, {"phone_mobile", "(312) 555-0199"}}, true)
            .outcome,
        std::string("applied"));
}

void tst_ServerProcess::refusedChangesReachNoPull()
{
    for (core::Role role : core::allRoles()) {
        Account& who = m_accounts[role];
        std::set<std::string> pulled;
        std::int64_t after = 0;
        while (true) {
            auto answer = request(m_server.port(), "GET", "/v1/changes?after=" + std::to_string(after) + "&limit=1000",
                                  {}, who.token);
            QCOMPARE(answer.status, 200);
            auto changes = answer.json->getArray("changes");
            for (const auto& v : *changes) {
                auto c = v.extract<Object::Ptr>();
                pulled.insert(c->getValue<std::string>("id"));
                // Each change names who made it, as the server saw them, and from which device.
                const std::string author = c->getValue<std::string>("author");
                QVERIFY(!author.empty());
                if (author == "server-admin") // the accounts practica-server user add made
                    QCOMPARE(c->getValue<std::string>("device"), std::string("server"));
                else
                    QCOMPARE(c->getValue<std::string>("device"), "device-" + author);
            }
            after = answer.json->getValue<std::int64_t>("next");
            if (!answer.json->getValue<bool>("more"))
                break;
        }
        for (const std::string& id : m_refused)
            QVERIFY2(!pulled.contains(id), "a refused change reached a pull");
        // Every applied change the device's scope sees (its enrolling role's; an admin's desk sees all).
        const core::RecordTypes types = core::RecordTypes::builtIn();
        const core::SyncScope scope = role == core::Role::Admin ? core::SyncScope::all() : core::SyncScope::of(role);
        for (const std::string& id : m_applied)
            if (scope.filter(m_appliedChanges.at(id), types))
                QVERIFY2(pulled.contains(id), "an applied change is missing from a pull");
            else
                QVERIFY2(!pulled.contains(id), "a change outside the device's scope reached its pull");
    }
    QVERIFY(m_refused.size() > 20);
    // An admin can see someone speaking the protocol by hand.
    QVERIFY(counterIn(metricsText(m_server.port()), "practica_sync_refusals_total{code=\"permission_denied\"}") > 20);
}

// A workstation's scope (what it receives) is its enrolling user's role, everything for an admin's
// enrolment; an admin changes it over the API or with practica-server device scope, nobody else can, and
// the device's next pull names the new scope.
void tst_ServerProcess::eachDeviceHasItsEnrollingRolesScopeAndOnlyAnAdminChangesIt()
{
    Account& admin = m_accounts[core::Role::Admin];
    Account& desk = m_accounts[core::Role::FrontDesk];
    for (const auto& [role, account] : m_accounts) {
        const std::string expected = role == core::Role::Admin ? "all" : std::string(core::roleName(role));
        QCOMPARE(listedScope(account.device), QString::fromStdString(expected));
        QCOMPARE(pulledScope(account), expected);
    }

    // A front desk may not widen its own desk, nor touch another; a clinician neither.
    QCOMPARE(setScope(desk, desk.device, "all").status, 403);
    QCOMPARE(setScope(m_accounts[core::Role::Clinician], desk.device, "clinician").status, 403);
    QCOMPARE(pulledScope(desk), std::string("front_desk"));
    // An admin may; a scope that is not one, or a device the clinic does not have, is refused.
    Answer unknownScope = setScope(admin, desk.device, "everything");
    QCOMPARE(unknownScope.status, 400);
    QVERIFY(unknownScope.json);
    QCOMPARE(unknownScope.json->getValue<std::string>("field"), std::string("scope"));
    QCOMPARE(unknownScope.json->getValue<std::string>("rule"), std::string("choice"));
    QCOMPARE(setScope(admin, "device-nobody", "all").status, 404);
    Answer widened = setScope(admin, desk.device, "clinician");
    QCOMPARE(widened.status, 200);
    QCOMPARE(widened.json->getValue<std::string>("previous"), std::string("front_desk"));
    QCOMPARE(pulledScope(desk), std::string("clinician"));
    QCOMPARE(listedScope(desk.device), QString("clinician"));
    const QByteArray logged = QByteArray::fromStdString("device scope: clinic " + m_clinic + " device " + desk.device +
                                                        ": front_desk -> clinician (by admin)");
    QTRY_VERIFY(m_server.log().contains(logged));

    // The server's command line, on the store the running server uses.
    auto [exitCode, out] =
        serverCommand({"device", "scope", "--store", m_store, "--clinic", QString::fromStdString(m_clinic), "--device",
                       QString::fromStdString(desk.device), "--scope", "front_desk"});
    QCOMPARE(exitCode, 0);
    QCOMPARE(pulledScope(desk), std::string("front_desk"));
    QCOMPARE(serverCommand({"device", "scope", "--store", m_store, "--clinic", QString::fromStdString(m_clinic),
                            "--device", QString::fromStdString(desk.device), "--scope", "nurse"})
                 .first,
             1);
    QCOMPARE(pulledScope(desk), std::string("front_desk"));
}

void tst_ServerProcess::stampsAheadOfTheServerAreRefused()
{
    Account& admin = m_accounts[core::Role::Admin];
    const std::string row = newRow();
    Outcome ahead6 = push(admin, "room", row, {{"name", "Room 9"}}, false, false, nowMs() + 6 * 60'000);
    QCOMPARE(ahead6.outcome, std::string("conflict"));
    QCOMPARE(ahead6.code, std::string("clock_skew"));
    const std::int64_t aheadMs = std::stoll(ahead6.params["ahead_ms"]);
    QVERIFY2(aheadMs > 5 * 60'000 && aheadMs <= 6 * 60'000 + 2000, ahead6.params["ahead_ms"].c_str());
    QCOMPARE(push(admin, "room", row, {{"name", "Room 9"}}, false, false, nowMs() + 4 * 60'000).outcome,
             std::string("applied"));
    // A stamp before the record was created, and one before the clinic existed.
    Outcome older = push(admin, "room", row, {{"name", "Room 8"}}, true, false, nowMs() + 60'000);
    QCOMPARE(older.code, std::string("impossible_stamp"));
    QCOMPARE(older.params["before"], std::string("record"));
    Outcome ancient = push(admin, "room", newRow(), {{"name", "Room 7"}}, false, false, 1'600'000'000'000);
    QCOMPARE(ancient.code, std::string("impossible_stamp"));
    QCOMPARE(ancient.params["before"], std::string("clinic"));
}

void tst_ServerProcess::roleChangesAndDeactivationTakeEffectAtOnce()
{
    Account& admin = m_accounts[core::Role::Admin];
    Account& bill = m_accounts[core::Role::Biller];
    const std::string billRow = accountRow("bill");
    QVERIFY(!billRow.empty());
    // A biller may edit payers; made front desk, the same access token may not.
    QCOMPARE(push(bill, "payer", newRow(), sample("payer", {{"name", "Before"}}), false).outcome,
             std::string("applied"));
    QCOMPARE(push(admin, "user_account", billRow, {{"role", "front_desk"}}, true).outcome, std::string("applied"));
    Outcome after = push(bill, "payer", newRow(), sample("payer", {{"name", "After"}}), false);
    QCOMPARE(after.code, std::string("permission_denied"));
    QCOMPARE(after.params["role"], std::string("front_desk"));
    // Deactivated: the token stops working at once, and so does the refresh.
    QCOMPARE(push(admin, "user_account", billRow, {{"active", "0"}}, true).outcome, std::string("applied"));
    QCOMPARE(push(bill, "patient", newRow(), {{"family_name", "Roe"}}, false).status, 401);
    QCOMPARE(request(m_server.port(), "GET", "/v1/changes?after=0", {}, bill.token).status, 401);
}

void tst_ServerProcess::slowClientsCannotStopSync()
{
    ScheduleFixture fx;
    const std::string clinic = core::ClinicStore(fx.admin()).get()->id;
    const QString store = m_dir.filePath("slow.db");
    QVERIFY(runServerCommand({"clinic", "create", "--store", store, "--id", QString::fromStdString(clinic), "--name",
                              "Lakeside", "--admin", "admin"}));
    ServerProcess server;
    QVERIFY(server.start(
        store, {"--insecure-http", "--threads", "16", "--max-connections-per-address", "8", "--request-deadline", "3"},
        environment()));
    const std::string url = server.url().toStdString();
    auto desk1 = Workstation::enroll(fx.admin(), url);
    QVERIFY(desk1->sync());
    QTemporaryDir dir;
    auto desk2 = Workstation::join(url, dir.filePath("desk2.db").toStdString(), clinic, fx.clinic().clock());
    QVERIFY(desk2->sync());

    std::atomic<bool> stop{false};
    const int port = server.port();
    // 64 connections from 127.0.0.2 that send a request's headers and one byte of its body, then stall,
    // reconnecting whenever the server lets one go; and one from 127.0.0.3 that trickles its headers a
    // byte a second.
    auto connectFrom = [port](const char* source) {
        int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        ::inet_pton(AF_INET, source, &local.sin_addr);
        sockaddr_in remote{};
        remote.sin_family = AF_INET;
        remote.sin_port = htons(static_cast<std::uint16_t>(port));
        ::inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
        if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
            ::connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
            ::close(fd);
            return -1;
        }
        timeval tv{0, 1000};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        return fd;
    };
    std::atomic<int> stalledOpened{0};
    std::thread stallers([&] {
        const std::string head = "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nPractica-Protocol: 1\r\n"
                                 "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{";
        std::vector<int> fds;
        while (!stop) {
            while (fds.size() < 64 && !stop) {
                int fd = connectFrom("127.0.0.2");
                if (fd < 0)
                    break;
                ::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
                fds.push_back(fd);
                ++stalledOpened;
            }
            for (auto it = fds.begin(); it != fds.end();) {
                char b;
                const ssize_t n = ::recv(*it, &b, 1, MSG_DONTWAIT);
                if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
                    ::close(*it);
                    it = fds.erase(it);
                } else {
                    ++it;
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        for (int fd : fds)
            ::close(fd);
    });
    std::thread trickler([&] {
        const std::string head = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        while (!stop) {
            int fd = connectFrom("127.0.0.3");
            if (fd < 0)
                continue;
            for (std::size_t i = 0; i < head.size() && !stop; ++i) {
                if (::send(fd, &head[i], 1, MSG_NOSIGNAL) != 1)
                    break;
                for (int t = 0; t < 10 && !stop; ++t)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            ::close(fd);
        }
    });
    // /v1/health answers within a second throughout.
    std::atomic<qint64> slowestHealthMs{0};
    std::atomic<int> healthChecks{0}, healthFailures{0};
    std::thread health([&] {
        while (!stop) {
            QElapsedTimer t;
            t.start();
            if (request(port, "GET", "/v1/health").status != 200)
                ++healthFailures;
            slowestHealthMs = std::max<qint64>(slowestHealthMs, t.elapsed());
            ++healthChecks;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });

    // Both desks keep working and syncing for the length of the attack (longer than its deadlines).
    QTRY_VERIFY_WITH_TIMEOUT(stalledOpened >= 64, 5000);
    QElapsedTimer attack;
    attack.start();
    int round = 0;
    std::string failure;
    while (attack.elapsed() < 12000) {
        core::Patient p;
        p.familyName = "Under Attack";
        p.givenName = "Round" + std::to_string(round++);
        p.dateOfBirth = "1980-02-03";
        p.sex = "female";
        if (!core::PatientStore(*desk1->session).create(p))
            failure = "desk 1 could not add a patient";
        for (Workstation* w : {desk1.get(), desk2.get()})
            if (auto r = w->sync(); !r)
                failure = "a sync failed: " + words::errorSentence(r.error());
    }
    stop = true;
    stallers.join();
    trickler.join();
    health.join();
    QVERIFY2(failure.empty(), failure.c_str());
    QVERIFY(round >= 3);
    QCOMPARE(desk1->digest(), desk2->digest());
    QCOMPARE(healthFailures.load(), 0);
    QVERIFY2(slowestHealthMs < 1000, qPrintable(QString("slowest /v1/health: %1 ms").arg(slowestHealthMs.load())));
    QVERIFY(healthChecks > 50);
    // The defence was what held: stalled connections were cut at their deadline and refused past the cap.
    const std::string body = metricsText(port);
    auto counter = [&](const std::string& reason) {
        return counterIn(body, "practica_connections_dropped_total{reason=\"" + reason + "\"}");
    };
    qInfo("%s", body.substr(body.find("# HELP practica_connections")).c_str());
    QVERIFY2(counter("deadline") >= 8, body.c_str());
    QVERIFY2(counter("per_address_cap") >= 56, body.c_str());
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(tst_ServerProcess)
#include "tst_serverprocess.moc"
