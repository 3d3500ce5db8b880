// The payers the demo clinic bills, with their claim addresses, plans and member-id shapes.
#pragma once

#include "core/demo/DemoDice.h"

#include <array>
#include <string>

namespace practica::core::demo {

enum class PayerKind
{
    Aetna,
    Bcbs,
    Cigna,
    United,
    Humana,
    Medicare,
    Medicaid,
    Tricare,
    Count
};

struct PayerSeed
{
    const char* name;
    const char* code;
    const char* address;
    const char* city;
    const char* state;
    const char* zip;
    std::array<const char*, 3> plans;
    const char* filingIndicator; // 837 SBR09
};

// clang-format off
inline constexpr PayerSeed kPayers[] = {
    {"Aetna", "60054", "PO Box 981106", "El Paso", "TX", "79998",
     {"Aetna Choice POS II", "Aetna Open Access Managed Choice", "Aetna HMO"}, "CI"},
    {"Blue Cross Blue Shield", "00834", "PO Box 105187", "Atlanta", "GA", "30348",
     {"Blue Access PPO", "Pathway X HMO", "Federal Employee Program"}, "BL"},
    {"Cigna", "62308", "PO Box 188061", "Chattanooga", "TN", "37422",
     {"Cigna Open Access Plus", "Cigna LocalPlus", "Cigna HMO"}, "CI"},
    {"UnitedHealthcare", "87726", "PO Box 740800", "Atlanta", "GA", "30374",
     {"UnitedHealthcare Choice Plus", "UnitedHealthcare Navigate HMO", "AARP Medicare Supplement Plan G"}, "CI"},
    {"Humana", "61101", "PO Box 14601", "Lexington", "KY", "40512",
     {"Humana Gold Plus HMO", "HumanaChoice PPO", "Humana National POS"}, "CI"},
    {"Medicare Part B", "15202", "PO Box 20018", "Nashville", "TN", "37202",
     {"Medicare Part B", "Medicare Part B", "Medicare Part B"}, "MB"},
    {"Ohio Medicaid", "MMISODJFS", "PO Box 1461", "Columbus", "OH", "43216",
     {"Ohio Medicaid", "Healthy Start (CHIP)", "Ohio Medicaid"}, "MC"},
    {"TRICARE East", "TREST", "PO Box 7981", "Madison", "WI", "53707",
     {"TRICARE Prime", "TRICARE Select", "TRICARE For Life"}, "CH"},
};
// clang-format on
static_assert(std::size(kPayers) == static_cast<std::size_t>(PayerKind::Count));

// Member ids in each payer's own shape (Medicare's is the MBI pattern).
inline std::string memberId(PayerKind kind, Dice& dice)
{
    switch (kind) {
    case PayerKind::Aetna:
        return "W" + dice.digits(9);
    case PayerKind::Bcbs: {
        std::string prefix(1, dice.letter("XYZ"));
        prefix += dice.letter();
        prefix += dice.letter();
        return prefix + dice.digits(9);
    }
    case PayerKind::Cigna:
        return "U" + dice.digits(8) + "0" + dice.digits(1);
    case PayerKind::United:
        return dice.digits(9);
    case PayerKind::Humana:
        return "H" + dice.digits(8);
    case PayerKind::Medicare: {
        constexpr std::string_view letters = "ACDEFGHJKMNPQRTUVWXY";
        constexpr std::string_view alnum = "0123456789ACDEFGHJKMNPQRTUVWXY";
        std::string mbi(1, static_cast<char>('1' + dice.below(9)));
        for (std::string_view from : {letters, alnum, std::string_view("0123456789"), letters, alnum,
                                      std::string_view("0123456789"), letters, letters})
            mbi += dice.letter(from);
        return mbi + dice.digits(2);
    }
    case PayerKind::Medicaid:
        return "9" + dice.digits(11);
    case PayerKind::Tricare:
    case PayerKind::Count:
        break;
    }
    return dice.digits(11);
}

} // namespace practica::core::demo
