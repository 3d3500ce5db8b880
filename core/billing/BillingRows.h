// Billing's records as rows: each field declared once, with its rules and its member
// (core/records/RowBinding.h). The record types (BillingRecords.cpp) and the billing stores read these.
#pragma once

#include "core/model/Billing.h"
#include "core/records/RowBinding.h"

#include <string>
#include <vector>

namespace practica::core {

const RowBinding<Fee>& feeRow();
const RowBinding<Claim>& claimRow();
const RowBinding<ClaimLine>& claimLineRow();
const RowBinding<ClaimEvent>& claimEventRow();
const RowBinding<ClaimBatch>& claimBatchRow();
const RowBinding<Clearinghouse>& clearinghouseRow();

// Every state a claim passes through, in order of its life (part of the record type's rules).
const std::vector<std::string>& claimStates();

} // namespace practica::core
