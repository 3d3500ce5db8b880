#include "BillingFixture.h"

#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/chart/EncounterStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "words/ErrorWords.h"

using practica::test::must;

namespace practica::test {

BillingFixture::BillingFixture()
{
    clinic().clock().set(1'796'130'000'000); // 2026-12-01 in Chicago
    doctor = clinic().addAndLogin("dr.adams", core::Role::Clinician);
    biller = clinic().addAndLogin("bill.ing", core::Role::Biller);
    core::Clinic settings = must(core::ClinicStore(admin()).get(), "clinic");
    settings.zip = "62701-1234";
    must(core::ClinicStore(admin()).update(settings), "zip");
    core::Provider a = providerA;
    a.npi = "1245319599";
    must(core::ScheduleSetupStore(admin()).updateProvider(a), "provider npi");
    providerA = a;
    core::PatientStore people(admin());
    for (const std::string& id : patients) {
        core::Patient p = must(people.get(id), "patient");
        p.addressLine1 = "4 Elm Road";
        p.city = "Springfield";
        p.state = "IL";
        p.zip = "62702";
        must(people.update(p), "address");
    }
    core::Payer acme;
    acme.name = "Acme Health Plan";
    acme.payerCode = "ACME1";
    payer = must(core::PayerStore(*biller).create(acme), "payer");
    for (const std::string& id : patients) {
        core::Coverage c;
        c.patientId = id;
        c.payerId = payer.id;
        c.memberId = "M" + id.substr(id.size() - 8);
        c.subscriberName = "Self";
        c.effectiveDate = "2025-01-01";
        must(core::CoverageStore(*biller).add(c), "coverage");
    }
    core::Clearinghouse ch;
    ch.name = "Test Clearinghouse";
    ch.submitterId = "PRACTICA01";
    ch.receiverId = "CLEARHOUSE";
    ch.contactName = "Billing Office";
    ch.contactPhone = "2175550100";
    must(core::ClaimBatchStore(*biller).saveClearinghouse(ch), "clearinghouse");
    core::FeeStore fees(*biller);
    must(fees.set(std::nullopt, "99213", std::nullopt, 12500), "fee");
    must(fees.set(payer.id, "99213", std::nullopt, 11000), "payer fee");
    must(fees.set(std::nullopt, "36415", std::nullopt, 1550), "fee");
}

core::Encounter BillingFixture::signedVisit(int patient)
{
    core::EncounterStore encounters(*doctor);
    auto visit = must(encounters.startWalkIn(patients.at(static_cast<std::size_t>(patient)), providerA.id, "office",
                                             std::string("Follow-up")),
                      "visit");
    core::NoteStore notes(*doctor);
    auto note = must(notes.startNote(visit.id), "note");
    must(notes.sign(note.id), "sign");
    return must(encounters.get(visit.id), "visit again");
}

core::Claim BillingFixture::queuedClaim(int patient, const std::string& memberPrefix)
{
    if (!memberPrefix.empty()) {
        auto policies = must(core::CoverageStore(*biller).forPatient(patients.at(std::size_t(patient))), "policies");
        core::Coverage c = policies.front();
        c.memberId = memberPrefix + c.memberId;
        must(core::CoverageStore(*biller).update(c), "member id");
    }
    core::ClaimStore claims(*biller);
    const core::Encounter visit = signedVisit(patient);
    auto claim = must(claims.captureFromEncounter(visit.id, {"J06.9"}, {{"99213", {}, "1", {}, {1}}}), "capture");
    auto findings = must(claims.markReady(claim.id), "ready");
    if (!findings.empty())
        qFatal("findings: %s", core::scrubRuleName(findings.front().rule).data());
    must(claims.queue(claim.id), "queue");
    return claim;
}

} // namespace practica::test
