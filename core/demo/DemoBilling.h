// The demo clinic's billing, written by its biller's own session through the billing stores: the
// clearinghouse settings, a fee schedule (the clinic's and one payer's), and claims from the clinician's
// signed visits in every state a claim passes through: drafts (one the scrubber stops), ready, queued,
// submitted batches answered by a 999 (accepted, and one rejected with the claim and field in error) and
// a 277CA (accepted with the payer's claim number, rejected), a replacement of a rejected claim and a void
// the payer accepted. The answers are written by core/x12/AckWriter and read back through the same
// readers a real clearinghouse's files go through.
#pragma once

#include "core/Error.h"

#include <cstdint>

namespace practica::core {

class Session;

namespace demo {

struct BillingCounts
{
    std::int64_t claims = 0;
    std::int64_t batches = 0;
};

// Claims for up to 30 of the latest signed visits; fewer when there are fewer.
Result<BillingCounts> writeDemoBilling(Session& biller);

} // namespace demo
} // namespace practica::core
