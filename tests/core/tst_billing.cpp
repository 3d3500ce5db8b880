// Billing: the scrubber's rules (data-driven, one finding per broken rule, none on a clean claim), charge
// capture from a signed visit with fees from the schedule, the claim's stages and history, batches of
// 837P with control numbers a workstation never repeats, submitted claims locked, replacements, and the
// permission table (billers write, admins read, clinicians and the front desk see no claims).
#include "core/billing/ClaimAnswerStore.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/chart/EncounterStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/patients/CoverageStore.h"
#include "core/x12/X12Reader.h"
#include "tests/support/BillingFixture.h"

#include <QTest>

using practica::test::must;

using namespace practica;
using core::Rule;
using core::ScrubRule;
using test::failureOf;

namespace {

const std::string kIsa = "ISA*00*          *00*          *ZZ*CLEARHOUSE     *ZZ*PRACTICA01     *261201*1200*^*00501*"
                         "000000777*0*T*:~\n";

std::string envelope(const std::string& functional, const std::string& version, const std::string& body,
                     const std::string& control)
{
    const std::string st = body.substr(3, 3);
    const auto count = std::count(body.begin(), body.end(), '~') + 1;
    return kIsa + "GS*" + functional + "*CLEARHOUSE*PRACTICA01*20261201*1200*" + control + "*X*" + version + "~\n" +
           body + "SE*" + std::to_string(count) + "*0001~\nGE*1*" + control + "~\nIEA*1*000000777~\n";
}

core::ClaimForScrub cleanClaim()
{
    core::ClaimForScrub in;
    in.today = "2026-12-01";
    in.clinic.id = "clinic";
    in.clinic.name = "Riverside Family Practice";
    in.clinic.npi = "1234567893";
    in.clinic.taxId = "12-3456789";
    in.clinic.addressLine1 = "100 Main Street";
    in.clinic.city = "Springfield";
    in.clinic.state = "IL";
    in.clinic.zip = "62701-1234";
    in.rendering.id = "provider";
    in.rendering.name = "Avery Adams";
    in.rendering.npi = "1245319599";
    in.patient.id = "patient";
    in.patient.familyName = "Núñez";
    in.patient.givenName = "José";
    in.patient.dateOfBirth = "1980-04-02";
    in.patient.sex = "male";
    in.patient.addressLine1 = "4 Elm Road";
    in.patient.city = "Springfield";
    in.patient.state = "IL";
    in.patient.zip = "62702";
    in.payer.id = "payer";
    in.payer.name = "Acme Health Plan";
    in.payer.payerCode = "ACME1";
    in.coverage.id = "coverage";
    in.coverage.patientId = "patient";
    in.coverage.payerId = "payer";
    in.coverage.memberId = "XYZ123456789";
    in.coverage.subscriberName = "José Núñez";
    in.coverage.effectiveDate = "2025-01-01";
    in.claim.id = "claim";
    in.claim.patientId = "patient";
    in.claim.coverageId = "coverage";
    in.claim.diagnoses = "E11.9,I10";
    in.claim.serviceDate = "2026-11-30";
    in.lines.push_back({"l1", "claim", 1, "99213", "25", "1", 12500, "1,2", "2026-11-30", {}, "active", {}});
    in.lines.push_back({"l2", "claim", 2, "36415", "", "1", 1550, "1", "2026-11-30", {}, "active", {}});
    return in;
}

} // namespace

class tst_Billing : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void scrubberRules_data();
    void scrubberRules();
    void captureFromASignedVisit();
    void payerSetsFilingIndicatorAndWindow();
    void batchSubmitsAndLocks();
    void replacementOfASubmittedClaim();
    void answersApplyToClaims();
    void permissions();

private:
    core::Encounter signedVisit(int patient);
    std::unique_ptr<test::BillingFixture> m_f;
};

void tst_Billing::init()
{
    m_f = std::make_unique<test::BillingFixture>();
}

void tst_Billing::cleanup()
{
    m_f.reset();
}

core::Encounter tst_Billing::signedVisit(int patient)
{
    return m_f->signedVisit(patient);
}

void tst_Billing::scrubberRules_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("record");
    QTest::addColumn<QString>("field");
    const struct
    {
        const char* name;
        ScrubRule rule;
        const char* record;
        const char* field;
    } rows[] = {
        {"clean", ScrubRule::Missing, "", ""},
        {"billing NPI check digit", ScrubRule::NpiCheckDigit, "clinic", "npi"},
        {"rendering NPI missing", ScrubRule::Missing, "provider", "npi"},
        {"tax id", ScrubRule::TaxIdFormat, "clinic", "tax_id"},
        {"PO box", ScrubRule::PoBox, "clinic", "address_line1"},
        {"five-digit ZIP", ScrubRule::ZipPlusFour, "clinic", "zip"},
        {"member id missing", ScrubRule::Missing, "coverage", "member_id"},
        {"member id delimiter", ScrubRule::Character, "coverage", "member_id"},
        {"dependent without subscriber birth date", ScrubRule::Missing, "coverage", "subscriber_birth_date"},
        {"coverage ended", ScrubRule::CoverageNotActive, "coverage", "active"},
        {"diagnosis format", ScrubRule::DiagnosisFormat, "claim", "diagnoses"},
        {"diagnosis unknown", ScrubRule::DiagnosisUnknown, "claim", "diagnoses"},
        {"diagnosis heading", ScrubRule::DiagnosisNotBillable, "claim", "diagnoses"},
        {"diagnosis twice", ScrubRule::DiagnosisRepeated, "claim", "diagnoses"},
        {"thirteen diagnoses", ScrubRule::TooMany, "claim", "diagnoses"},
        {"no diagnoses", ScrubRule::Missing, "claim", "diagnoses"},
        {"procedure code", ScrubRule::ProcedureFormat, "claim_line", "code"},
        {"modifier", ScrubRule::ModifierFormat, "claim_line", "modifiers"},
        {"five modifiers", ScrubRule::TooMany, "claim_line", "modifiers"},
        {"pointer past the diagnoses", ScrubRule::PointerOutOfRange, "claim_line", "pointers"},
        {"five pointers", ScrubRule::TooMany, "claim_line", "pointers"},
        {"zero charge", ScrubRule::NotPositive, "claim_line", "charge_cents"},
        {"zero units", ScrubRule::NotPositive, "claim_line", "units"},
        {"units not a number", ScrubRule::UnitsFormat, "claim_line", "units"},
        {"date of service tomorrow", ScrubRule::FutureDate, "claim", "service_date"},
        {"line date past the filing window", ScrubRule::TimelyFiling, "claim_line", "service_date"},
        {"before birth", ScrubRule::DateBeforeBirth, "claim_line", "service_date"},
        {"place of service", ScrubRule::PlaceOfService, "claim", "place_of_service"},
        {"replacement without payer number", ScrubRule::PayerClaimNumber, "claim", "payer_claim_number"},
        {"no lines", ScrubRule::Missing, "claim", "lines"},
        {"patient address missing", ScrubRule::Missing, "patient", "address_line1"},
        {"already submitted", ScrubRule::Submitted, "claim", "submitted_at"},
        {"procedure not in the catalog", ScrubRule::ProcedureUnknown, "claim_line", "code"},
        {"modifier not in the list", ScrubRule::ModifierUnknown, "claim_line", "modifiers"},
        {"place of service not in use", ScrubRule::PlaceOfService, "claim_line", "place_of_service"},
    };
    int i = 0;
    for (const auto& r : rows)
        QTest::newRow(r.name) << i++ << QString::fromUtf8(core::scrubRuleName(r.rule).data()) << r.record << r.field;
}

void tst_Billing::scrubberRules()
{
    QFETCH(int, change);
    QFETCH(QString, rule);
    QFETCH(QString, record);
    QFETCH(QString, field);
    core::ClaimForScrub in = cleanClaim();
    core::ClaimLine& line = in.lines[0];
    switch (change) {
    case 0:
        break;
    case 1:
        in.clinic.npi = "1234567890";
        break;
    case 2:
        in.rendering.npi.reset();
        break;
    case 3:
        in.clinic.taxId = "1234";
        break;
    case 4:
        in.clinic.addressLine1 = "P.O. Box 12";
        break;
    case 5:
        in.clinic.zip = "62701";
        break;
    case 6:
        in.coverage.memberId.clear();
        break;
    case 7:
        in.coverage.memberId = "XYZ*123";
        break;
    case 8:
        in.coverage.relationship = "child";
        break;
    case 9:
        in.coverage.endDate = "2026-06-30";
        break;
    case 10:
        in.claim.diagnoses = "E11.9,12345";
        break;
    case 11:
        in.claim.diagnoses = "E11.9,V00.01XA";
        break;
    case 12:
        in.claim.diagnoses = "E11,I10";
        break;
    case 13:
        in.claim.diagnoses = "E11.9,I10,e119";
        break;
    case 14:
        in.claim.diagnoses = "I10,I10,I10,I10,I10,I10,I10,I10,I10,I10,I10,I10,I10";
        break;
    case 15:
        in.claim.diagnoses = "";
        break;
    case 16:
        line.code = "9921";
        break;
    case 17:
        line.modifiers = "25,5";
        break;
    case 18:
        line.modifiers = "25,59,GT,95,XU";
        break;
    case 19:
        line.pointers = "1,3";
        break;
    case 20:
        line.pointers = "1,2,1,2,1";
        break;
    case 21:
        line.chargeCents = 0;
        break;
    case 22:
        line.units = "0";
        break;
    case 23:
        line.units = "one";
        break;
    case 24:
        in.claim.serviceDate = "2026-12-02";
        break;
    case 25:
        line.serviceDate = "2025-11-30";
        break;
    case 26:
        line.serviceDate = "1979-01-01";
        break;
    case 27:
        in.claim.placeOfService = "1";
        break;
    case 28:
        in.claim.frequency = "7";
        break;
    case 29:
        in.lines.clear();
        break;
    case 30:
        in.patient.addressLine1.reset();
        break;
    case 31:
        in.claim.submittedAt = "2026-11-30T10:00:00Z";
        break;
    case 32:
        line.code = "99999";
        break;
    case 33:
        line.modifiers = "25,Z9";
        break;
    case 34:
        line.placeOfService = "98";
        break;
    }
    const auto findings = core::scrubClaim(in);
    if (record.isEmpty()) {
        for (const auto& f : findings)
            qWarning("unexpected finding: %s %s.%s", core::scrubRuleName(f.rule).data(), f.record.c_str(),
                     f.field.c_str());
        QVERIFY(findings.empty());
        return;
    }
    bool found = false;
    for (const auto& f : findings)
        found = found || (QString::fromUtf8(core::scrubRuleName(f.rule).data()) == rule &&
                          QString::fromStdString(f.record) == record && QString::fromStdString(f.field) == field);
    if (!found)
        for (const auto& f : findings)
            qWarning("found instead: %s %s.%s", core::scrubRuleName(f.rule).data(), f.record.c_str(), f.field.c_str());
    QVERIFY(found);
}

void tst_Billing::payerSetsFilingIndicatorAndWindow()
{
    core::PayerStore payers(*m_f->biller);
    core::Payer payer = must(payers.get(m_f->payer.id), "payer");
    payer.filingIndicator = "MB"; // Medicare Part B
    must(payers.update(payer), "medicare");
    payer.filingIndicator = "XX";
    QCOMPARE(failureOf(payers.update(payer)).field, std::string("filing_indicator"));
    core::ClaimStore claims(*m_f->biller);
    const core::Encounter visit = signedVisit(0);
    auto claim = must(claims.captureFromEncounter(visit.id, {"E11.9"}, {{"99213", {}, "1", {}, {1}}}), "capture");
    QCOMPARE(claim.filingIndicator, std::string("MB"));

    // Set right after the claim was drafted: the claim says what the payer says now when it is checked.
    payer = must(payers.get(m_f->payer.id), "payer");
    payer.filingIndicator = "MC";
    must(payers.update(payer), "medicaid");
    QVERIFY(must(claims.markReady(claim.id), "ready").empty());
    QCOMPARE(must(claims.get(claim.id), "claim").filingIndicator, std::string("MC"));

    // The filing window: the payer's own, else the clearinghouse settings'.
    m_f->clinic().clock().advance(std::int64_t(100) * 24 * 3600 * 1000);
    auto window = [&] {
        for (const core::ScrubFinding& f : must(claims.scrub(claim.id), "scrub"))
            if (f.rule == ScrubRule::TimelyFiling)
                return f.params.at("days");
        return std::string("none");
    };
    QCOMPARE(window(), std::string("none")); // the clearinghouse's 365 days
    core::Clearinghouse settings = must(core::ClaimBatchStore(*m_f->biller).clearinghouse(), "settings");
    settings.timelyFilingDays = 90;
    must(core::ClaimBatchStore(*m_f->biller).saveClearinghouse(settings), "90 days");
    QCOMPARE(window(), std::string("90"));
    payer = must(payers.get(m_f->payer.id), "payer");
    payer.timelyFilingDays = 180;
    must(payers.update(payer), "payer's window");
    QCOMPARE(window(), std::string("none"));
    payer.timelyFilingDays = 95;
    must(payers.update(payer), "payer's window");
    QCOMPARE(window(), std::string("95"));
}

void tst_Billing::captureFromASignedVisit()
{
    core::Clinic fiveDigits = must(core::ClinicStore(m_f->admin()).get(), "clinic");
    fiveDigits.zip = "62701";
    must(core::ClinicStore(m_f->admin()).update(fiveDigits), "zip");
    core::EncounterStore encounters(*m_f->doctor);
    auto open = must(encounters.startWalkIn(m_f->patients[0], m_f->providerA.id, "office", std::nullopt), "visit");
    core::ClaimStore claims(*m_f->biller);
    // A visit whose note is not signed is not billed yet.
    QCOMPARE(failureOf(claims.captureFromEncounter(open.id, {"E11.9"}, {{"99213", {}, "1", {}, {1}}})).rule(),
             Rule::NotSigned);

    const core::Encounter visit = signedVisit(1);
    QVERIFY(visit.noteSignedAt.has_value());
    auto unbilled = must(claims.unbilledEncounters(), "unbilled");
    QCOMPARE(unbilled, std::vector<std::string>{visit.id});
    auto claim = must(claims.captureFromEncounter(visit.id, {"e119", "I10"},
                                                  {{"99213", {"25"}, "1", {}, {1, 2}}, {"36415", {}, "1", {}, {1}}}),
                      "capture");
    QCOMPARE(claim.diagnoses, std::string("E11.9,I10"));
    QCOMPARE(claim.serviceDate, visit.date);
    QCOMPARE(claim.renderingProviderId, m_f->providerA.id);
    QCOMPARE(claim.patientControlNumber, std::string("0100000001"));
    auto lines = must(claims.lines(claim.id), "lines");
    QCOMPARE(lines.size(), std::size_t(2));
    QCOMPARE(lines[0].chargeCents, std::int64_t(11000)); // the payer's fee over the default
    QCOMPARE(lines[0].modifiers, std::string("25"));
    QCOMPARE(lines[0].pointers, std::string("1,2"));
    QCOMPARE(lines[1].chargeCents, std::int64_t(1550));
    QCOMPARE(claim.totalCents, std::int64_t(12550));
    QCOMPARE(must(claims.state(claim.id), "state"), std::string("draft"));
    QVERIFY(must(claims.unbilledEncounters(), "unbilled").empty());
    // A visit is billed once.
    QCOMPARE(failureOf(claims.captureFromEncounter(visit.id, {"I10"}, {{"99213", {}, "1", {}, {1}}})).rule(),
             Rule::Unique);

    // The clinic's ZIP has five digits: the scrubber says so, and the claim stays a draft.
    auto findings = must(claims.markReady(claim.id), "scrub");
    QCOMPARE(findings.size(), std::size_t(1));
    QCOMPARE(findings[0].rule, ScrubRule::ZipPlusFour);
    QCOMPARE(findings[0].record, std::string("clinic"));
    QCOMPARE(failureOf(claims.queue(claim.id)).rule(), Rule::StatusTransition);
    core::Clinic clinic = must(core::ClinicStore(m_f->admin()).get(), "clinic");
    clinic.zip = "62701-1234";
    must(core::ClinicStore(m_f->admin()).update(clinic), "zip");
    QVERIFY(must(claims.markReady(claim.id), "ready").empty());
    QCOMPARE(must(claims.state(claim.id), "state"), std::string("ready"));

    // A changed line sends it back to draft with the new total.
    core::ClaimLine second = lines[1];
    second.units = "2";
    second.chargeCents = 3100;
    must(claims.saveLine(second), "line");
    QCOMPARE(must(claims.get(claim.id), "claim").totalCents, std::int64_t(14100));
    QCOMPARE(must(claims.state(claim.id), "state"), std::string("draft"));
    QVERIFY(must(claims.markReady(claim.id), "ready again").empty());
    must(claims.queue(claim.id), "queue");
    auto history = must(claims.history(claim.id), "history");
    std::vector<std::string> states;
    for (const auto& e : history)
        states.push_back(e.state);
    QCOMPARE(states, (std::vector<std::string>{"draft", "ready", "draft", "ready", "queued"}));
    QCOMPARE(history.back().userId, std::optional<std::string>(m_f->biller->actor().userId));
}

void tst_Billing::batchSubmitsAndLocks()
{
    core::Clinic clinic = must(core::ClinicStore(m_f->admin()).get(), "clinic");
    clinic.zip = "62701-1234";
    must(core::ClinicStore(m_f->admin()).update(clinic), "zip");
    core::ClaimStore claims(*m_f->biller);
    std::vector<core::Claim> made;
    for (int p = 0; p < 3; ++p) {
        const core::Encounter visit = signedVisit(p);
        made.push_back(
            must(claims.captureFromEncounter(visit.id, {"J06.9"}, {{"99213", {}, "1", {}, {1}}}), "capture"));
    }
    QVERIFY(must(claims.markReady(made[0].id), "ready").empty());
    QVERIFY(must(claims.markReady(made[1].id), "ready").empty());
    must(claims.queue(made[1].id), "queue"); // made[2] stays a draft

    core::ClaimBatchStore batches(*m_f->biller);
    auto outcome = must(batches.createBatch(), "batch");
    QCOMPARE(outcome.claimIds.size(), std::size_t(2));
    QCOMPARE(outcome.batch.claimCount, 2);
    QCOMPARE(outcome.batch.interchangeControl, std::int64_t(10'000'001)); // workstation 1, its first
    QCOMPARE(outcome.batch.totalCents, std::int64_t(22000));
    auto x = core::readX12(outcome.text);
    QVERIFY2(x, x ? "" : std::string(core::x12ProblemName(x.error().problem)).c_str());
    QCOMPARE(x->control, std::string("010000001"));
    QCOMPARE(x->senderId, std::string("PRACTICA01"));
    QCOMPARE(x->groups.at(0).control, std::string("10000001"));
    int clms = 0;
    for (const auto& seg : x->groups[0].sets[0].segments)
        if (seg.id == "CLM") {
            ++clms;
            QVERIFY(seg.element(1) == made[0].patientControlNumber || seg.element(1) == made[1].patientControlNumber);
        }
    QCOMPARE(clms, 2);
    QCOMPARE(must(batches.fileOf(outcome.batch.id), "file"), outcome.text);

    for (int i : {0, 1}) {
        QCOMPARE(must(claims.state(made[std::size_t(i)].id), "state"), std::string("submitted"));
        core::Claim sent = must(claims.get(made[std::size_t(i)].id), "sent");
        QCOMPARE(sent.batchId, std::optional<std::string>(outcome.batch.id));
        QVERIFY(sent.submittedAt.has_value());
        // A submitted claim never changes; its lines neither.
        sent.placeOfService = "22";
        const core::Status changed = claims.update(sent);
        QVERIFY(!changed);
        QCOMPARE(changed.error().rule(), Rule::Fixed);
        auto lines = must(claims.lines(sent.id), "lines");
        QVERIFY(lines[0].submittedAt.has_value());
        lines[0].units = "3";
        QCOMPARE(failureOf(claims.saveLine(lines[0])).rule(), Rule::Fixed);
    }
    QCOMPARE(must(claims.state(made[2].id), "state"), std::string("draft"));

    // Nothing else is ready: no empty batch. The next one has the next control number.
    QCOMPARE(failureOf(batches.createBatch()).rule(), Rule::Required);
    QVERIFY(must(claims.markReady(made[2].id), "ready").empty());
    auto next = must(batches.createBatch(), "second batch");
    QCOMPARE(next.batch.interchangeControl, std::int64_t(10'000'002));
    QCOMPARE(must(batches.batches(), "batches").size(), std::size_t(2));
}

void tst_Billing::replacementOfASubmittedClaim()
{
    core::Clinic clinic = must(core::ClinicStore(m_f->admin()).get(), "clinic");
    clinic.zip = "62701-1234";
    must(core::ClinicStore(m_f->admin()).update(clinic), "zip");
    core::ClaimStore claims(*m_f->biller);
    const core::Encounter visit = signedVisit(0);
    auto claim = must(claims.captureFromEncounter(visit.id, {"J06.9"}, {{"99213", {}, "1", {}, {1}}}), "capture");
    // Only a claim that left is replaced.
    QCOMPARE(failureOf(claims.correct(claim.id, "7")).rule(), Rule::StatusTransition);
    QVERIFY(must(claims.markReady(claim.id), "ready").empty());
    must(core::ClaimBatchStore(*m_f->biller).createBatch(), "batch");

    auto replacement = must(claims.correct(claim.id, "7"), "replacement");
    QCOMPARE(replacement.frequency, std::string("7"));
    QCOMPARE(replacement.replacesClaimId, std::optional<std::string>(claim.id));
    QVERIFY(replacement.patientControlNumber != claim.patientControlNumber);
    QCOMPARE(must(claims.lines(replacement.id), "lines").size(), std::size_t(1));
    // Without the payer's claim number it cannot go; with it, it can.
    auto findings = must(claims.markReady(replacement.id), "scrub");
    QCOMPARE(findings.size(), std::size_t(1));
    QCOMPARE(findings[0].rule, ScrubRule::PayerClaimNumber);
    replacement.payerClaimNumber = "PAYER-778899";
    must(claims.update(replacement), "payer number");
    QVERIFY(must(claims.markReady(replacement.id), "ready").empty());
    auto outcome = must(core::ClaimBatchStore(*m_f->biller).createBatch(), "batch");
    QVERIFY(outcome.text.find("CLM*" + replacement.patientControlNumber + "*110***11:B:7*") != std::string::npos);
    QVERIFY(outcome.text.find("REF*F8*PAYER-778899~") != std::string::npos);
}

void tst_Billing::answersApplyToClaims()
{
    core::Clinic clinic = must(core::ClinicStore(m_f->admin()).get(), "clinic");
    clinic.zip = "62701-1234";
    must(core::ClinicStore(m_f->admin()).update(clinic), "zip");
    core::ClaimStore claims(*m_f->biller);
    std::vector<core::Claim> made;
    for (int p = 0; p < 2; ++p) {
        const core::Encounter visit = signedVisit(p);
        made.push_back(
            must(claims.captureFromEncounter(visit.id, {"J06.9"}, {{"99213", {}, "1", {}, {1}}}), "capture"));
        QVERIFY(must(claims.markReady(made.back().id), "ready").empty());
    }
    auto batch = must(core::ClaimBatchStore(*m_f->biller).createBatch(), "batch");
    const std::string group = std::to_string(batch.batch.groupControl);
    // The 999 rejects the set for the second claim's member id (NM1*IL, element 9).
    auto x = core::readX12(batch.text);
    QVERIFY(x);
    int position = 0;
    for (const auto& seg : x->groups[0].sets[0].segments)
        if (seg.id == "NM1" && seg.element(1) == "IL" &&
            seg.element(9) == "M" + made[1].patientId.substr(made[1].patientId.size() - 8))
            position = seg.setPosition;
    QVERIFY(position > 0);
    const std::string rejected =
        envelope("FA", "005010X231A1",
                 "ST*999*0001*005010X231A1~\nAK1*HC*" + group + "*005010X222A1~\nAK2*837*0001*005010X222A1~\nIK3*NM1*" +
                     std::to_string(position) + "*2010*8~\nIK4*9*67*7*BADID~\nIK5*R*5~\nAK9*R*1*1*0~\n",
                 "901");
    core::ClaimAnswerStore answers(*m_f->biller);
    auto applied = answers.importFile(rejected);
    QVERIFY(applied);
    QCOMPARE(applied->kind, std::string("999"));
    QCOMPARE(applied->batchId, batch.batch.id);
    QCOMPARE(applied->rejected, 2);
    QCOMPARE(must(claims.state(made[0].id), "state"), std::string("clearinghouse_rejected"));
    auto history = must(claims.history(made[1].id), "history");
    QCOMPARE(history.back().state, std::string("clearinghouse_rejected"));
    QCOMPARE(history.back().source, std::string("999"));
    QCOMPARE(history.back().field, std::optional<std::string>("member_id"));
    QVERIFY(history.back().detail->find("IK4:9:7:BADID") != std::string::npos);
    QVERIFY(!must(claims.history(made[0].id), "history").back().field); // not its member id
    // The same file again changes nothing.
    auto again = answers.importFile(rejected);
    QVERIFY(again && again->alreadyApplied);
    QCOMPARE(must(claims.history(made[1].id), "again").size(), history.size());

    // A 277CA: the first claim accepted with the payer's number, the second rejected, one the clinic never sent.
    const std::string answer277 = envelope(
        "HN", "005010X214",
        "ST*277*0001*005010X214~\nBHT*0085*08*T1*20261202*0800*TH~\nHL*1**20*1~\nNM1*PR*2*ACME HEALTH PLAN*****PI*"
        "ACME1~\nHL*2*1*21*1~\nNM1*41*2*RIVERSIDE*****46*PRACTICA01~\nHL*3*2*19*1~\nNM1*85*2*RIVERSIDE*****XX*"
        "1234567893~\nHL*4*3*PT~\nNM1*QC*1*A*B~\nTRN*2*" +
            made[0].patientControlNumber +
            "~\nSTC*A2:20:PR*20261202*WQ*110~\nREF*1K*PAYER-0001~\nHL*5*3*PT~\nNM1*QC*1*C*D~\nTRN*2*" +
            made[1].patientControlNumber +
            "~\nSTC*A7:21:PR*20261202*U*110~\nHL*6*3*PT~\nNM1*QC*1*E*F~\nTRN*2*"
            "9999999999~\nSTC*A2:20*20261202*WQ*1~\n",
        "902");
    auto payer = answers.importFile(answer277);
    QVERIFY(payer);
    QCOMPARE(payer->accepted, 1);
    QCOMPARE(payer->rejected, 1);
    QCOMPARE(payer->unknownClaims, std::vector<std::string>{"9999999999"});
    QCOMPARE(must(claims.state(made[0].id), "state"), std::string("payer_accepted"));
    QCOMPARE(must(claims.state(made[1].id), "state"), std::string("payer_rejected"));
    QCOMPARE(must(claims.history(made[1].id), "history").back().detail, std::optional<std::string>("STC:A7:21:PR"));
    // A replacement takes the payer's number from the 277CA.
    auto replacement = must(claims.correct(made[0].id, "7"), "replacement");
    QCOMPARE(replacement.payerClaimNumber, std::optional<std::string>("PAYER-0001"));

    // A damaged file applies nothing and says where it broke.
    auto cut = answers.importFile(answer277.substr(0, answer277.size() / 2));
    QVERIFY(!cut);
    QVERIFY(cut.error().issue);
    QCOMPARE(cut.error().issue->problem, core::X12Problem::Truncated);
    // A 999 for a batch this clinic never made.
    auto stranger = answers.importFile(
        envelope("FA", "005010X231A1",
                 "ST*999*0001*005010X231A1~\nAK1*HC*4242*005010X222A1~\nAK2*837*0001~\nIK5*A~\nAK9*A*1*1*1~\n", "903"));
    QVERIFY(!stranger);
    QVERIFY(stranger.error().error);
    QCOMPARE(stranger.error().error->code, core::ErrorCode::NotFound);
}

void tst_Billing::permissions()
{
    const core::Encounter visit = signedVisit(0);
    QCOMPARE(
        failureOf(core::ClaimStore(*m_f->doctor).captureFromEncounter(visit.id, {"I10"}, {{"99213", {}, "1", {}, {1}}}))
            .code,
        core::ErrorCode::PermissionDenied);
    auto front = m_f->clinic().addAndLogin("front.desk", core::Role::FrontDesk);
    QCOMPARE(failureOf(core::ClaimStore(*front).list({})).code, core::ErrorCode::PermissionDenied);
    QCOMPARE(failureOf(core::ClaimBatchStore(*front).clearinghouse()).code, core::ErrorCode::PermissionDenied);
    // Administrators follow A/R but do not bill.
    QVERIFY(core::ClaimStore(m_f->admin()).list({}));
    QCOMPARE(failureOf(core::FeeStore(m_f->admin()).set(std::nullopt, "99214", std::nullopt, 100)).code,
             core::ErrorCode::PermissionDenied);
}

QTEST_GUILESS_MAIN(tst_Billing)
#include "tst_billing.moc"
