// The clinic's rule for second factors at sign-in, as stored and synced ("nobody", "admins",
// "everyone"), and whom it covers.
#pragma once

#include "core/auth/Permissions.h"
#include "core/model/Clinic.h"

#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

std::string secondFactorPolicyName(SecondFactorPolicy policy);
SecondFactorPolicy secondFactorPolicyFrom(std::string_view name); // Nobody for anything unknown
const std::vector<std::string>& secondFactorPolicyNames();
// Whether the policy makes a user of this role give a second factor at every sign-in.
bool secondFactorRequiredFor(SecondFactorPolicy policy, Role role);

} // namespace practica::core
