// The permission matrix: every store operation against every role, checked in core.
// The expected table is written out here so that a change to who may do what is a deliberate one.
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"
#include "core/clinic/ClinicStore.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientStore.h"
#include "tests/support/TestSupport.h"
#include "words/ErrorWords.h"

#include <QTest>
#include <functional>

using namespace practica;
using core::Role;

namespace {

struct Fixture
{
    std::string patientA;
    std::string patientB;
    std::string payerId;
    std::string coverageId;
};

using Operation = std::function<core::Status(core::Session&, const Fixture&)>;

template <class T> core::Status asStatus(const core::Result<T>& r)
{
    if (r)
        return {};
    return std::unexpected(r.error());
}

core::Patient samplePatient(const char* family)
{
    core::Patient p;
    p.familyName = family;
    p.givenName = "Robin";
    p.dateOfBirth = "1988-05-05";
    p.sex = "other";
    return p;
}

struct Case
{
    const char* name;
    Operation op;
    // admin, front desk, clinician, biller
    bool allowed[4];
};

const std::vector<Case>& cases()
{
    static const std::vector<Case> all = {
        {"patient.create",
         [](auto& s, auto&) { return asStatus(core::PatientStore(s).create(samplePatient("New"))); },
         {true, true, true, false}},
        {"patient.update",
         [](auto& s, auto& f) {
             auto p = samplePatient("Changed");
             p.id = f.patientA;
             return core::PatientStore(s).update(p);
         },
         {true, true, true, false}},
        {"patient.get",
         [](auto& s, auto& f) { return asStatus(core::PatientStore(s).get(f.patientA)); },
         {true, true, true, true}},
        {"patient.search",
         [](auto& s, auto&) { return asStatus(core::PatientSearch(s).search("rob")); },
         {true, true, true, true}},
        {"patient.findDuplicates",
         [](auto& s, auto&) { return asStatus(core::PatientSearch(s).findDuplicates(samplePatient("Alpha"))); },
         {true, true, true, true}},
        {"patient.merge",
         [](auto& s, auto& f) { return asStatus(core::PatientStore(s).merge(f.patientA, f.patientB)); },
         {true, false, false, false}},
        {"coverage.add",
         [](auto& s, auto& f) {
             core::Coverage c;
             c.patientId = f.patientB;
             c.payerId = f.payerId;
             c.memberId = "M-2";
             c.subscriberName = "Robin Beta";
             c.effectiveDate = "2024-01-01";
             return asStatus(core::CoverageStore(s).add(c));
         },
         {true, true, false, true}},
        {"coverage.list",
         [](auto& s, auto& f) { return asStatus(core::CoverageStore(s).forPatient(f.patientA)); },
         {true, true, true, true}},
        {"coverage.deactivate",
         [](auto& s, auto& f) { return core::CoverageStore(s).deactivate(f.coverageId); },
         {true, true, false, true}},
        {"payer.create",
         [](auto& s, auto&) {
             core::Payer p;
             p.name = "Prairie Health Plan";
             p.payerCode = "PHP01";
             return asStatus(core::PayerStore(s).create(p));
         },
         {true, false, false, true}},
        {"payer.list", [](auto& s, auto&) { return asStatus(core::PayerStore(s).list()); }, {true, true, true, true}},
        {"user.list", [](auto& s, auto&) { return asStatus(core::UserStore(s).list()); }, {true, false, false, false}},
        {"user.add",
         [](auto& s, auto&) {
             return asStatus(core::UserStore(s).add("newuser", "New User", Role::Biller, "new-user-password",
                                                    core::KdfCost::minimal()));
         },
         {true, false, false, false}},
        {"user.resetOtherPassword",
         [](auto& s, auto&) {
             return core::UserStore(s).setPassword("other", "reset-password-1", core::KdfCost::minimal());
         },
         {true, false, false, false}},
        {"user.setRole",
         [](auto& s, auto&) { return core::UserStore(s).setRole("other", Role::Clinician); },
         {true, false, false, false}},
        {"user.deactivate",
         [](auto& s, auto&) { return core::UserStore(s).deactivate("other"); },
         {true, false, false, false}},
        {"clinic.update",
         [](auto& s, auto&) {
             auto c = core::ClinicStore(s).get();
             if (!c)
                 return core::Status(std::unexpected(c.error()));
             c->name = "Renamed Clinic";
             return core::ClinicStore(s).update(*c);
         },
         {true, false, false, false}},
        {"audit.read",
         [](auto& s, auto&) { return s.require(core::Permission::AuditRead); },
         {true, false, false, false}},
        {"clinical.read",
         [](auto& s, auto&) { return s.require(core::Permission::ClinicalRead); },
         {false, false, true, false}},
        {"database.rekey", [](auto& s, auto&) { return core::Vault::rotateDataKey(s); }, {true, false, false, false}},
    };
    return all;
}

} // namespace

class tst_Permissions : public QObject
{
    Q_OBJECT

private slots:
    void matrix_data();
    void matrix();
    void tableMatchesRoleAllows();
};

void tst_Permissions::matrix_data()
{
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<int>("roleIndex");
    for (std::size_t c = 0; c < cases().size(); ++c)
        for (int r = 0; r < 4; ++r)
            QTest::newRow(
                (std::string(cases()[c].name) + "/" + std::string(core::roleName(core::allRoles()[r]))).c_str())
                << static_cast<int>(c) << r;
}

void tst_Permissions::matrix()
{
    QFETCH(int, caseIndex);
    QFETCH(int, roleIndex);
    const Case& c = cases()[static_cast<std::size_t>(caseIndex)];
    const Role role = core::allRoles()[static_cast<std::size_t>(roleIndex)];

    test::TempClinic clinic;
    Fixture f;
    core::PatientStore patients(clinic.admin());
    f.patientA = patients.create(samplePatient("Alpha"))->id;
    f.patientB = patients.create(samplePatient("Beta"))->id;
    core::Payer payer;
    payer.name = "Lakeside Mutual";
    payer.payerCode = "LM001";
    f.payerId = core::PayerStore(clinic.admin()).create(payer)->id;
    core::Coverage cov;
    cov.patientId = f.patientA;
    cov.payerId = f.payerId;
    cov.memberId = "M-1";
    cov.subscriberName = "Robin Alpha";
    cov.effectiveDate = "2024-01-01";
    f.coverageId = core::CoverageStore(clinic.admin()).add(cov)->id;
    QVERIFY(clinic.addAndLogin("other", Role::FrontDesk));

    auto session = clinic.addAndLogin("actor", role);
    QVERIFY(session);
    const core::Status result = c.op(*session, f);
    const bool expected = c.allowed[roleIndex];
    if (expected) {
        QVERIFY2(result.has_value(), result ? "" : words::errorSentence(result.error()).c_str());
    } else {
        QVERIFY(!result.has_value());
        QCOMPARE(test::failureOf(result).code, core::ErrorCode::PermissionDenied);
    }
}

void tst_Permissions::tableMatchesRoleAllows()
{
    // Minimum necessary: only clinicians read clinical text; only admins manage users and audit.
    for (Role r : core::allRoles()) {
        QCOMPARE(core::roleAllows(r, core::Permission::ClinicalRead), r == Role::Clinician);
        QCOMPARE(core::roleAllows(r, core::Permission::UserManage), r == Role::Admin);
        QCOMPARE(core::roleAllows(r, core::Permission::AuditRead), r == Role::Admin);
        QCOMPARE(core::roleAllows(r, core::Permission::PatientMerge), r == Role::Admin);
    }
}

QTEST_GUILESS_MAIN(tst_Permissions)
#include "tst_permissions.moc"
