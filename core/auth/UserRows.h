// A user account as a row: each field declared once with its rules and its member
// (core/records/RowBinding.h). The record type (UserRecords.cpp) and UserStore read it.
#pragma once

#include "core/model/User.h"
#include "core/records/RowBinding.h"

namespace practica::core {

const RowBinding<User>& userRow();

} // namespace practica::core
