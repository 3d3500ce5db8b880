// The claims verbs that deal with the clearinghouse (ClearinghouseCommands.cpp), for the claims noun's table.
#pragma once

#include "CliContext.h"

namespace practica::app {

Outcome clearinghouse(CliContext& ctx, core::Session& session);
Outcome fees(CliContext& ctx, core::Session& session);
Outcome payers(CliContext& ctx, core::Session& session);
Outcome transmit(CliContext& ctx, core::Session& session);

} // namespace practica::app
