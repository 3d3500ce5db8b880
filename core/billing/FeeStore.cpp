// The fee schedule: the clinic's fees and each payer's (ClaimStore.h declares FeeStore).
#include "ClaimStore.h"
#include "core/auth/Session.h"
#include "core/billing/BillingRows.h"
#include "core/db/Transaction.h"
#include "core/records/RecordIo.h"

namespace practica::core {

using records::listRecords;
using records::writeRecord;

Result<Fee> FeeStore::set(const std::optional<std::string>& payerId, const std::string& code,
                          const std::optional<std::string>& modifier, std::int64_t amountCents)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto found = listRecords(m_session, feeRow(), "code = ? AND active = 1", code, "id");
    if (!found)
        return std::unexpected(found.error());
    std::optional<Fee> before;
    for (const Fee& f : *found)
        if (f.payerId == payerId && f.modifier == modifier)
            before = f;
    Fee fee = before.value_or(Fee{m_session.newId(), payerId, code, modifier, 0, true});
    fee.amountCents = amountCents;
    if (Status s = writeRecord(m_session, feeRow(), fee.id, fee, before); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return fee;
}

Result<std::optional<std::int64_t>> FeeStore::feeFor(const std::optional<std::string>& payerId, const std::string& code,
                                                     const std::optional<std::string>& modifier)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    auto found = listRecords(m_session, feeRow(), "code = ? AND active = 1", code, "id");
    if (!found)
        return std::unexpected(found.error());
    // Most particular first: the payer's with the modifier, the payer's, the default's with it, the default.
    for (const auto& [payer, withModifier] :
         {std::pair{payerId, true}, std::pair{payerId, false}, std::pair{std::optional<std::string>(), true},
          std::pair{std::optional<std::string>(), false}}) {
        if (withModifier && !modifier)
            continue;
        for (const Fee& f : *found)
            if (f.payerId == payer && (withModifier ? f.modifier == modifier : !f.modifier))
                return std::optional<std::int64_t>(f.amountCents);
    }
    return std::optional<std::int64_t>();
}

Result<std::vector<Fee>> FeeStore::list(const std::optional<std::string>& payerId)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    if (payerId)
        return listRecords(m_session, feeRow(), "payer_id = ? AND active = 1", *payerId, "code, modifier");
    return listRecords(m_session, feeRow(), "payer_id IS NULL AND active = 1 AND ? = ''", std::string(),
                       "code, modifier");
}

} // namespace practica::core
