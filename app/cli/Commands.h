// The nouns of practica-cli: each runs its verbs on a CliContext and has its own --help text.
#pragma once

#include "CliContext.h"

namespace practica::app {

Outcome runInit(CliContext& ctx);
Outcome runDemo(CliContext& ctx);
Outcome runUsers(CliContext& ctx);
Outcome runPatients(CliContext& ctx);
Outcome runAudit(CliContext& ctx);
Outcome runDb(CliContext& ctx);
Outcome runAppointments(CliContext& ctx);
Outcome runSchedule(CliContext& ctx);
Outcome runWaitlist(CliContext& ctx);
Outcome runSync(CliContext& ctx);
Outcome runEncounters(CliContext& ctx);
Outcome runNotes(CliContext& ctx);
Outcome runVitals(CliContext& ctx);
Outcome runProblems(CliContext& ctx);
Outcome runAllergies(CliContext& ctx);
Outcome runLabs(CliContext& ctx);
Outcome runFhir(CliContext& ctx);
Outcome runClaims(CliContext& ctx);
Outcome runX12(CliContext& ctx);

extern const char* const kInitHelp;
extern const char* const kDemoHelp;
extern const char* const kUsersHelp;
extern const char* const kPatientsHelp;
extern const char* const kAuditHelp;
extern const char* const kDbHelp;
extern const char* const kAppointmentsHelp;
extern const char* const kScheduleHelp;
extern const char* const kWaitlistHelp;
extern const char* const kSyncHelp;
extern const char* const kEncountersHelp;
extern const char* const kNotesHelp;
extern const char* const kVitalsHelp;
extern const char* const kProblemsHelp;
extern const char* const kAllergiesHelp;
extern const char* const kLabsHelp;
extern const char* const kFhirHelp;
extern const char* const kClaimsHelp;
extern const char* const kX12Help;

// Parses a whole decimal number in [min, max]; a usage error names the option otherwise.
CliResult<std::int64_t> integerOption(const CliContext& ctx, const std::string& name, std::int64_t fallback,
                                      std::int64_t min, std::int64_t max);

} // namespace practica::app
