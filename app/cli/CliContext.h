// What every command needs: its options, the password sources, the acting user's session, output
// streams and the mapping from core errors to exit codes and one-line messages.
#pragma once

#include "CliArgs.h"
#include "core/Error.h"
#include "core/auth/Session.h"
#include "core/crypto/KeyFile.h"
#include "core/util/Clock.h"

#include <Poco/Dynamic/Var.h>
#include <expected>
#include <iosfwd>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace practica::app {

// Exit codes, documented in --help.
enum ExitCode : int
{
    kExitOk = 0,
    kExitFailure = 1,    // an internal error
    kExitUsage = 2,      // the command line is wrong
    kExitAuth = 3,       // wrong user name or password, or the account is locked
    kExitPermission = 4, // the acting user's role does not allow it
    kExitNotFound = 5,   // no such record, database or key file
    kExitInvalid = 6,    // a value breaks a rule, the record's state forbids it, or it already exists
    kExitDamaged = 7,    // the database, key file or audit log is damaged or not Practica's
    kExitIo = 8,         // disk full, read-only, busy or another I/O error
    kExitCancelled = 130 // interrupted; nothing was kept
};

struct Failure
{
    int exitCode = kExitFailure;
    std::string message; // one line, without the "practica-cli: " prefix
};

using Outcome = std::expected<void, Failure>;
template <class T> using CliResult = std::expected<T, Failure>;

int exitCodeFor(core::ErrorCode code);
std::unexpected<Failure> failure(const core::Error& error);
std::unexpected<Failure> usageError(std::string message);

class CliContext
{
public:
    CliContext(CliArgs args, std::istream& in, std::ostream& out, std::ostream& err, const core::Clock& clock);

    const CliArgs& args() const { return m_args; }
    bool json() const { return m_args.has("json"); }
    std::optional<std::string> option(const std::string& name) const { return m_args.value(name); }
    std::string optionOr(const std::string& name, const std::string& fallback) const;
    CliResult<std::string> required(const std::string& name) const;
    // The whole file the verb's operand names (FILE); exit 5 naming it when it cannot be read.
    CliResult<std::string> operandFile() const;
    // The option's value, or "" when absent: for the options a verb's table made required.
    std::string value(const std::string& name) const;

    // --db, else PRACTICA_DB.
    CliResult<std::string> databasePath() const;
    // --user, else PRACTICA_USER, else "admin".
    std::string actingUser() const;
    // The first line of stdin with --password-stdin, else PRACTICA_PASSWORD, else a prompt on a terminal.
    CliResult<std::string> password();
    // The second line of stdin with --password-stdin, else PRACTICA_NEW_PASSWORD, else a prompt on a terminal.
    CliResult<std::string> newPassword();
    // --kdf standard (default) or minimal (tests and throwaway clinics only).
    CliResult<core::KdfCost> kdfCost() const;
    // Unlocks the database as the acting user.
    CliResult<std::unique_ptr<core::Session>> unlock();

    std::ostream& out() { return m_out; }
    std::ostream& err() { return m_err; }
    const core::Clock& clock() const { return m_clock; }
    // One JSON document on stdout, on one line.
    void printJson(const Poco::Dynamic::Var& value);

private:
    CliResult<std::string> stdinLine(std::size_t index);

    CliArgs m_args;
    std::istream& m_in;
    std::ostream& m_out;
    std::ostream& m_err;
    const core::Clock& m_clock;
    std::vector<std::string> m_stdinLines;
    bool m_stdinEnded = false;
};

// One verb of a noun, declared once: its name, the options it takes besides the global ones, those it
// cannot run without, and what it does. A verb that works on the clinic's records gives `unlocked`: it
// runs on the acting user's session, opened after its options were checked. The others (init, demo,
// sync enroll and join, users add and passwd) give `run` and open what they need themselves.
struct Verb
{
    // The braces let a table leave a member out without a missing-initializer warning.
    std::string name{}; // "" for a noun without verbs (init, demo)
    std::set<std::string> options{};
    std::vector<std::string> required{};
    // The name of the word the verb takes after it ("TEXT", "FILE"); "" for none.
    std::string operand{};
    Outcome (*run)(CliContext&) = nullptr;
    Outcome (*unlocked)(CliContext&, core::Session&) = nullptr;
};

// Runs the verb the command line names, after checking its options: an unknown or missing verb, an
// unknown option and a missing required option are usage errors (the missing-verb message lists the
// noun's verbs from the table: "patients needs a verb: add, show, search or merge").
Outcome runVerb(CliContext& ctx, const std::vector<Verb>& verbs);

} // namespace practica::app
