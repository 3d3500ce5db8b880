// users: accounts, roles and passwords of the people who may unlock this workstation.
#include "Commands.h"
#include "JsonOutput.h"
#include "TotpCommands.h"
#include "core/auth/UserStore.h"

#include <cstdio>
#include <ostream>

namespace practica::app {

const char* const kUsersHelp = R"(Usage: practica-cli users <verb> [options]

  add --username NAME --display-name NAME --role ROLE
        adds an account that can unlock this workstation; ROLE is admin, front_desk,
        clinician or biller
  passwd [--username NAME]
        changes a password (your own by default; admins may set anyone's)
  reset --username NAME
        gives NAME a temporary password (the new password below) that they must change at their
        next sign-in, in the app or with 'users passwd'
  list  lists the accounts with their roles
  deactivate --username NAME
        deactivates an account and removes its key slot; the record stays for the audit trail
  set-role --username NAME --role ROLE
  totp-enrol [--code CODE]
        sets up two-step sign-in for you: prints a key and an otpauth:// link for the authenticator
        app; run again with --code and the app's code to switch it on and print 10 recovery codes
  totp-remove [--username NAME]
        removes two-step sign-in (your own; admins may remove anyone's, e.g. after a lost phone)

The acting user's password comes from $PRACTICA_PASSWORD or the first line of --password-stdin;
a new password (add, passwd, reset) from $PRACTICA_NEW_PASSWORD or the second line of --password-stdin.
With two-step sign-in, every command takes the authenticator code from --totp CODE or $PRACTICA_TOTP.
  --kdf standard|minimal   key-slot cost for add, passwd and reset; minimal is for tests only
)";

namespace {

// --role, which the verbs that take it require.
CliResult<core::Role> roleOption(const CliContext& ctx)
{
    std::string normalized = ctx.value("role");
    for (char& c : normalized)
        if (c == '-')
            c = '_';
    if (auto role = core::roleFromName(normalized))
        return *role;
    return usageError("--role must be admin, front_desk, clinician or biller");
}

// Opens the session itself: a bad --role or --kdf and a missing new password are told before the acting
// user's password is asked for.
Outcome addUser(CliContext& ctx)
{
    auto role = roleOption(ctx);
    if (!role)
        return std::unexpected(role.error());
    auto cost = ctx.kdfCost();
    if (!cost)
        return std::unexpected(cost.error());
    auto newPassword = ctx.newPassword();
    if (!newPassword)
        return std::unexpected(newPassword.error());
    auto session = ctx.unlock();
    if (!session)
        return std::unexpected(session.error());
    auto user =
        core::UserStore(**session).add(ctx.value("username"), ctx.value("display-name"), *role, *newPassword, *cost);
    if (!user)
        return failure(user.error());
    if (ctx.json())
        ctx.printJson(userJson(*user));
    else
        ctx.out() << "Added " << user->username << " (" << core::roleName(user->role) << ").\n";
    return {};
}

// Opens the session itself, after reading the new password, like add.
Outcome changePassword(CliContext& ctx)
{
    auto cost = ctx.kdfCost();
    if (!cost)
        return std::unexpected(cost.error());
    auto newPassword = ctx.newPassword();
    if (!newPassword)
        return std::unexpected(newPassword.error());
    auto session = ctx.unlock();
    if (!session)
        return std::unexpected(session.error());
    const std::string username = ctx.optionOr("username", (*session)->actor().username);
    if (auto s = core::UserStore(**session).setPassword(username, *newPassword, *cost); !s)
        return failure(s.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("username", username);
        o->set("password_changed", true);
        ctx.printJson(o);
    } else {
        ctx.out() << "Changed the password of " << username << ".\n";
    }
    return {};
}

Outcome resetPassword(CliContext& ctx)
{
    auto cost = ctx.kdfCost();
    if (!cost)
        return std::unexpected(cost.error());
    auto temporary = ctx.newPassword();
    if (!temporary)
        return std::unexpected(temporary.error());
    auto session = ctx.unlock();
    if (!session)
        return std::unexpected(session.error());
    const std::string username = ctx.value("username");
    if (auto s = core::UserStore(**session).resetPassword(username, *temporary, *cost); !s)
        return failure(s.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("username", username);
        o->set("must_change_password", true);
        ctx.printJson(o);
    } else {
        ctx.out() << "Reset the password of " << username << "; they must choose a new one at their next sign-in.\n";
    }
    return {};
}

Outcome listUsers(CliContext& ctx, core::Session& session)
{
    auto users = core::UserStore(session).list();
    if (!users)
        return failure(users.error());
    if (ctx.json()) {
        Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
        for (const auto& u : *users)
            array->add(userJson(u));
        ctx.printJson(array);
        return {};
    }
    char line[200];
    std::snprintf(line, sizeof line, "%-20s %-11s %-8s %-10s %s\n", "USERNAME", "ROLE", "ACTIVE", "CAN UNLOCK", "NAME");
    ctx.out() << line;
    for (const auto& u : *users) {
        std::snprintf(line, sizeof line, "%-20s %-11s %-8s %-10s ", u.username.c_str(),
                      std::string(core::roleName(u.role)).c_str(), u.active ? "yes" : "no",
                      u.hasKeySlot ? "yes" : "no");
        ctx.out() << line << u.displayName << "\n";
    }
    return {};
}

Outcome deactivateUser(CliContext& ctx, core::Session& session)
{
    const std::string username = ctx.value("username");
    if (auto s = core::UserStore(session).deactivate(username); !s)
        return failure(s.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("username", username);
        o->set("active", false);
        ctx.printJson(o);
    } else {
        ctx.out() << "Deactivated " << username << "; the account can no longer unlock this workstation.\n";
    }
    return {};
}

Outcome setRole(CliContext& ctx, core::Session& session)
{
    const std::string username = ctx.value("username");
    auto role = roleOption(ctx);
    if (!role)
        return std::unexpected(role.error());
    if (auto s = core::UserStore(session).setRole(username, *role); !s)
        return failure(s.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("username", username);
        o->set("role", std::string(core::roleName(*role)));
        ctx.printJson(o);
    } else {
        ctx.out() << username << " is now " << core::roleName(*role) << ".\n";
    }
    return {};
}

} // namespace

Outcome runUsers(CliContext& ctx)
{
    static const std::vector<Verb> kUserVerbs = {
        {.name = "add",
         .options = {"username", "display-name", "role", "kdf"},
         .required = {"username", "display-name", "role"},
         .run = addUser},
        {.name = "passwd", .options = {"username", "kdf"}, .run = changePassword},
        {.name = "reset", .options = {"username", "kdf"}, .required = {"username"}, .run = resetPassword},
        {.name = "list", .unlocked = listUsers},
        {.name = "deactivate", .options = {"username"}, .required = {"username"}, .unlocked = deactivateUser},
        {.name = "set-role", .options = {"username", "role"}, .required = {"username", "role"}, .unlocked = setRole},
        {.name = "totp-enrol", .options = {"code"}, .unlocked = enrolTotp},
        {.name = "totp-remove", .options = {"username"}, .unlocked = removeTotp},
    };
    return runVerb(ctx, kUserVerbs);
}

} // namespace practica::app
