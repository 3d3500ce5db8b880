// A person who may log in to Practica, and the role that decides what they may do.
#pragma once

#include "core/auth/Permissions.h"

#include <string>

namespace practica::core {

struct User
{
    std::string id;
    std::string username;
    std::string displayName;
    Role role = Role::FrontDesk;
    bool active = true;
    bool hasKeySlot = false;        // may unlock this workstation
    std::string keyMaterial{};      // their key pair, wrapped by their password (UserKey::encode); empty on old records
    bool mustChangePassword{false}; // an admin reset the password: the next sign-in must choose a new one
};

} // namespace practica::core
