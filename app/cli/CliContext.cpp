#include "CliContext.h"

#include "TotpCommands.h"
#include "core/auth/Vault.h"
#include "words/ErrorWords.h"

#include <Poco/JSON/Stringifier.h>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <istream>
#include <ostream>
#include <sstream>
#include <termios.h>
#include <unistd.h>

namespace practica::app {

namespace {

std::optional<std::string> environment(const char* name)
{
    const char* value = std::getenv(name);
    if (!value || !*value)
        return std::nullopt;
    return std::string(value);
}

// Reads a line from the terminal without echoing it.
std::optional<std::string> promptHidden(const std::string& prompt, std::istream& in, std::ostream& err)
{
    if (!isatty(STDIN_FILENO))
        return std::nullopt;
    err << prompt << std::flush;
    termios saved{};
    const bool canHide = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (canHide) {
        termios hidden = saved;
        hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
    }
    std::string line;
    const bool ok = static_cast<bool>(std::getline(in, line));
    if (canHide)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    err << "\n";
    if (!ok)
        return std::nullopt;
    return line;
}

// "add, show, search or merge"
std::string verbList(const std::vector<Verb>& verbs)
{
    std::string list;
    for (std::size_t i = 0; i < verbs.size(); ++i)
        list += (i == 0 ? "" : i + 1 == verbs.size() ? " or " : ", ") + verbs[i].name;
    return list;
}

} // namespace

int exitCodeFor(core::ErrorCode code)
{
    using core::ErrorCode;
    switch (code) {
    case ErrorCode::WrongPassword:
    case ErrorCode::AccountLocked:
    case ErrorCode::SecondFactorRequired:
    case ErrorCode::WrongSecondFactor:
        return kExitAuth;
    case ErrorCode::PermissionDenied:
        return kExitPermission;
    case ErrorCode::NotFound:
    case ErrorCode::DatabaseMissing:
    case ErrorCode::KeyFileMissing:
        return kExitNotFound;
    case ErrorCode::Validation:
    case ErrorCode::Conflict:
    case ErrorCode::AlreadyExists:
        return kExitInvalid;
    case ErrorCode::KeyFileInvalid:
    case ErrorCode::NotADatabase:
    case ErrorCode::DatabaseCorrupt:
    case ErrorCode::SchemaTooNew:
        return kExitDamaged;
    case ErrorCode::DiskFull:
    case ErrorCode::ReadOnly:
    case ErrorCode::Io:
    case ErrorCode::Busy:
    case ErrorCode::Offline:
        return kExitIo;
    case ErrorCode::NotAuthorized:
    case ErrorCode::DeviceNotApproved:
        return kExitAuth;
    case ErrorCode::UpdateRequired:
    case ErrorCode::ProtocolError:
        return kExitFailure;
    case ErrorCode::Internal:
        return kExitFailure;
    }
    return kExitFailure;
}

std::unexpected<Failure> failure(const core::Error& error)
{
    return std::unexpected(Failure{exitCodeFor(error.code), words::errorSentence(error)});
}

std::unexpected<Failure> usageError(std::string message)
{
    return std::unexpected(Failure{kExitUsage, std::move(message)});
}

CliContext::CliContext(CliArgs args, std::istream& in, std::ostream& out, std::ostream& err, const core::Clock& clock)
    : m_args(std::move(args)), m_in(in), m_out(out), m_err(err), m_clock(clock)
{
}

std::string CliContext::optionOr(const std::string& name, const std::string& fallback) const
{
    return m_args.value(name).value_or(fallback);
}

CliResult<std::string> CliContext::required(const std::string& name) const
{
    auto v = m_args.value(name);
    if (!v || v->empty())
        return usageError("missing --" + name);
    return *v;
}

std::string CliContext::value(const std::string& name) const
{
    return m_args.value(name).value_or("");
}

CliResult<std::string> CliContext::databasePath() const
{
    if (auto db = m_args.value("db"); db && !db->empty())
        return *db;
    if (auto db = environment("PRACTICA_DB"))
        return *db;
    return usageError("no database: pass --db PATH or set PRACTICA_DB");
}

std::string CliContext::actingUser() const
{
    if (auto user = m_args.value("user"); user && !user->empty())
        return *user;
    return environment("PRACTICA_USER").value_or("admin");
}

CliResult<std::string> CliContext::stdinLine(std::size_t index)
{
    std::string line;
    while (m_stdinLines.size() <= index && !m_stdinEnded) {
        if (std::getline(m_in, line)) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            m_stdinLines.push_back(line);
        } else {
            m_stdinEnded = true;
        }
    }
    if (index >= m_stdinLines.size())
        return usageError(index == 0 ? "--password-stdin: stdin is empty"
                                     : "--password-stdin: the new password must be on the second line");
    return m_stdinLines[index];
}

CliResult<std::string> CliContext::password()
{
    if (m_args.has("password-stdin"))
        return stdinLine(0);
    if (auto env = environment("PRACTICA_PASSWORD"))
        return *env;
    if (auto typed = promptHidden("Password for " + actingUser() + ": ", m_in, m_err))
        return *typed;
    return usageError("no password: set PRACTICA_PASSWORD or pass --password-stdin");
}

CliResult<std::string> CliContext::newPassword()
{
    if (m_args.has("password-stdin")) {
        auto line = stdinLine(1);
        if (line)
            return *line;
        if (auto env = environment("PRACTICA_NEW_PASSWORD"))
            return *env;
        return line;
    }
    if (auto env = environment("PRACTICA_NEW_PASSWORD"))
        return *env;
    if (auto typed = promptHidden("New password: ", m_in, m_err))
        return *typed;
    return usageError("no new password: set PRACTICA_NEW_PASSWORD or put it on the second line of --password-stdin");
}

CliResult<core::KdfCost> CliContext::kdfCost() const
{
    const std::string kdf = optionOr("kdf", "standard");
    if (kdf == "standard")
        return core::KdfCost::standard();
    if (kdf == "minimal")
        return core::KdfCost::minimal();
    return usageError("--kdf must be standard or minimal");
}

CliResult<std::unique_ptr<core::Session>> CliContext::unlock()
{
    auto path = databasePath();
    if (!path)
        return std::unexpected(path.error());
    auto pass = password();
    if (!pass)
        return std::unexpected(pass.error());
    auto session = core::Vault::unlock(*path, actingUser(), *pass, m_clock);
    if (!session)
        return failure(session.error());
    if (auto given = giveSecondFactor(*this, **session); !given)
        return std::unexpected(given.error());
    return std::move(*session);
}

void CliContext::printJson(const Poco::Dynamic::Var& value)
{
    std::ostringstream text;
    Poco::JSON::Stringifier::condense(value, text);
    m_out << text.str() << "\n";
}

Outcome runVerb(CliContext& ctx, const std::vector<Verb>& verbs)
{
    const CliArgs& args = ctx.args();
    const auto verb = std::find_if(verbs.begin(), verbs.end(), [&](const Verb& v) { return v.name == args.verb(); });
    if (verb == verbs.end()) {
        if (verbs.size() == 1 && verbs.front().name.empty())
            return usageError(args.noun() + " takes no verb");
        if (args.verb().empty())
            return usageError(args.noun() + " needs a verb: " + verbList(verbs));
        return usageError("unknown verb '" + args.noun() + " " + args.verb() + "'; see practica-cli " + args.noun() +
                          " --help");
    }
    if (auto unknown = args.unknownOption(verb->options))
        return usageError("unknown option --" + *unknown + " for '" + args.noun() +
                          (args.verb().empty() ? "" : " " + args.verb()) + "'");
    if (verb->operand.empty() && args.operand())
        return usageError("unexpected argument '" + *args.operand() + "'");
    if (!verb->operand.empty() && (!args.operand() || args.operand()->empty()))
        return usageError("'" + args.noun() + " " + args.verb() + "' needs " + verb->operand);
    for (const std::string& name : verb->required)
        if (auto given = ctx.required(name); !given)
            return std::unexpected(given.error());
    if (verb->run)
        return verb->run(ctx);
    auto session = ctx.unlock();
    if (!session)
        return std::unexpected(session.error());
    if ((*session)->mustChangePassword())
        return std::unexpected(Failure{kExitAuth, "an administrator reset the password of " + ctx.actingUser() +
                                                      "; choose a new one first with 'practica-cli users passwd'"});
    return verb->unlocked(ctx, **session);
}

CliResult<std::string> CliContext::operandFile() const
{
    const std::string path = m_args.operand().value_or("");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::unexpected(Failure{kExitNotFound, "cannot read " + path});
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace practica::app
