// A test clinic set up to bill: the schedule fixture's providers (the first with an NPI) and patients
// (with addresses and a self-insured policy each with one payer), a clinician and a biller signed in, the
// clearinghouse settings, a fee schedule, and the clinic's ZIP+4. signedVisit makes a visit whose note the
// clinician signed; queuedClaim bills one (J06.9, 99213), clean and queued, its patient's member id prefixed
// when asked ("REJ": the sandbox's payer rejects it).
#pragma once

#include "ScheduleFixture.h"
#include "core/model/Billing.h"
#include "core/model/Chart.h"
#include "core/model/Coverage.h"

#include <memory>

namespace practica::test {

class BillingFixture : public ScheduleFixture
{
public:
    BillingFixture();
    core::Encounter signedVisit(int patient);
    core::Claim queuedClaim(int patient, const std::string& memberPrefix = {});

    std::unique_ptr<core::Session> doctor;
    std::unique_ptr<core::Session> biller;
    core::Payer payer;
};

} // namespace practica::test
