// users: accounts, roles and passwords of the people who may unlock this workstation.
#include "Commands.h"
#include "JsonOutput.h"
#include "core/auth/UserStore.h"

#include <cstdio>
#include <ostream>

namespace practica::app {

const char* const kUsersHelp = R"(Usage: practica-cli users <verb> [options]

  add --username NAME --display-name NAME --role ROLE
        adds an account that can unlock this workstation; ROLE is admin, front_desk,
        clinician or biller
  passwd [--username NAME]
        changes a password (your own by default; admins may reset anyone's)
  list  lists the accounts with their roles
  deactivate --username NAME
        deactivates an account and removes its key slot; the record stays for the audit trail
  set-role --username NAME --role ROLE

The acting user's password comes from $PRACTICA_PASSWORD or the first line of --password-stdin;
a new password (add, passwd) from $PRACTICA_NEW_PASSWORD or the second line of --password-stdin.
  --kdf standard|minimal   key-slot cost for add and passwd; minimal is for tests only
)";

namespace {

CliResult<core::Role> roleOption(const CliContext& ctx)
{
    auto name = ctx.required("role");
    if (!name)
        return std::unexpected(name.error());
    std::string normalized = *name;
    for (char& c : normalized)
        if (c == '-')
            c = '_';
    if (auto role = core::roleFromName(normalized))
        return *role;
    return usageError("--role must be admin, front_desk, clinician or biller");
}

Outcome addUser(CliContext& ctx)
{
    if (Outcome o = ctx.checkOptions({"username", "display-name", "role", "kdf"}); !o)
        return o;
    auto username = ctx.required("username");
    if (!username)
        return std::unexpected(username.error());
    auto displayName = ctx.required("display-name");
    if (!displayName)
        return std::unexpected(displayName.error());
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
    auto user = core::UserStore(**session).add(*username, *displayName, *role, *newPassword, *cost);
    if (!user)
        return failure(user.error());
    if (ctx.json())
        ctx.printJson(userJson(*user));
    else
        ctx.out() << "Added " << user->username << " (" << core::roleName(user->role) << ").\n";
    return {};
}

Outcome changePassword(CliContext& ctx)
{
    if (Outcome o = ctx.checkOptions({"username", "kdf"}); !o)
        return o;
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

Outcome listUsers(CliContext& ctx)
{
    if (Outcome o = ctx.checkOptions({}); !o)
        return o;
    auto session = ctx.unlock();
    if (!session)
        return std::unexpected(session.error());
    auto users = core::UserStore(**session).list();
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

Outcome deactivateUser(CliContext& ctx)
{
    if (Outcome o = ctx.checkOptions({"username"}); !o)
        return o;
    auto username = ctx.required("username");
    if (!username)
        return std::unexpected(username.error());
    auto session = ctx.unlock();
    if (!session)
        return std::unexpected(session.error());
    if (auto s = core::UserStore(**session).deactivate(*username); !s)
        return failure(s.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("username", *username);
        o->set("active", false);
        ctx.printJson(o);
    } else {
        ctx.out() << "Deactivated " << *username << "; the account can no longer unlock this workstation.\n";
    }
    return {};
}

Outcome setRole(CliContext& ctx)
{
    if (Outcome o = ctx.checkOptions({"username", "role"}); !o)
        return o;
    auto username = ctx.required("username");
    if (!username)
        return std::unexpected(username.error());
    auto role = roleOption(ctx);
    if (!role)
        return std::unexpected(role.error());
    auto session = ctx.unlock();
    if (!session)
        return std::unexpected(session.error());
    if (auto s = core::UserStore(**session).setRole(*username, *role); !s)
        return failure(s.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("username", *username);
        o->set("role", std::string(core::roleName(*role)));
        ctx.printJson(o);
    } else {
        ctx.out() << *username << " is now " << core::roleName(*role) << ".\n";
    }
    return {};
}

} // namespace

Outcome runUsers(CliContext& ctx)
{
    const std::string& verb = ctx.args().verb();
    if (verb == "add")
        return addUser(ctx);
    if (verb == "passwd")
        return changePassword(ctx);
    if (verb == "list")
        return listUsers(ctx);
    if (verb == "deactivate")
        return deactivateUser(ctx);
    if (verb == "set-role")
        return setRole(ctx);
    return usageError(verb.empty() ? "users needs a verb: add, passwd, list, deactivate or set-role"
                                   : "unknown verb 'users " + verb + "'; see practica-cli users --help");
}

} // namespace practica::app
