// Two-step sign-in on the command line: the users verbs totp-enrol and totp-remove, and giving the
// second factor (--totp CODE or PRACTICA_TOTP) when a sign-in needs one.
#pragma once

#include "CliContext.h"

namespace practica::app {

// After the password opened the session: gives the code it owes, or refuses with one line; a sign-in
// that owes an enrolment only goes on to 'users totp-enrol'.
Outcome giveSecondFactor(CliContext& ctx, core::Session& session);

Outcome enrolTotp(CliContext& ctx, core::Session& session);
Outcome removeTotp(CliContext& ctx, core::Session& session);

} // namespace practica::app
