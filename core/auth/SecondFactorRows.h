// A user's second factor as a synced row (user_totp): declared once as a row binding
// (SecondFactorRecords.cpp), read by the record type and by SecondFactor.
#pragma once

#include "core/records/RowBinding.h"

#include <optional>
#include <string>

namespace practica::core {

struct UserTotp
{
    std::string id{};
    std::string userId{};                       // the user_account it belongs to
    std::optional<std::string> secret{};        // Base32; nullopt once removed
    std::optional<std::string> recoveryCodes{}; // unused codes' hashes, space separated
    std::optional<std::string> enrolledAt{};    // UTC YYYY-MM-DDTHH:MM:SSZ

    bool enrolled() const { return secret && !secret->empty(); }
};

const RowBinding<UserTotp>& userTotpRow();

} // namespace practica::core
