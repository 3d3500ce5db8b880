#include "SecondFactorPolicy.h"

namespace practica::core {

std::string secondFactorPolicyName(SecondFactorPolicy policy)
{
    switch (policy) {
    case SecondFactorPolicy::Nobody:
        return "nobody";
    case SecondFactorPolicy::Admins:
        return "admins";
    case SecondFactorPolicy::Everyone:
        return "everyone";
    }
    return "nobody";
}

SecondFactorPolicy secondFactorPolicyFrom(std::string_view name)
{
    if (name == "admins")
        return SecondFactorPolicy::Admins;
    if (name == "everyone")
        return SecondFactorPolicy::Everyone;
    return SecondFactorPolicy::Nobody;
}

const std::vector<std::string>& secondFactorPolicyNames()
{
    static const std::vector<std::string> names = {"nobody", "admins", "everyone"};
    return names;
}

bool secondFactorRequiredFor(SecondFactorPolicy policy, Role role)
{
    return policy == SecondFactorPolicy::Everyone || (policy == SecondFactorPolicy::Admins && role == Role::Admin);
}

} // namespace practica::core
