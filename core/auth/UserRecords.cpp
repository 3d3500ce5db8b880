// The clinic's user list: each row is a person's account, and the server's account of that user name
// follows its role and activity.
#include "core/auth/UserRows.h"
#include "core/records/FieldRules.h"

namespace practica::core {

const RowBinding<User>& userRow()
{
    static const RowBinding<User> row = [] {
        RowBinding<User> r("user_account", &User::id);
        r.field(text("username").required().format(TextFormat::UserName), &User::username)
            .field(text("display_name").required().maxLength(200), &User::displayName)
            .field(
                choice("role", {"admin", "front_desk", "clinician", "biller"}).required(),
                [](const User& u) { return std::optional<std::string>(std::string(roleName(u.role))); },
                [](User& u, const Statement& s, int c) { u.role = roleFromName(s.text(c)).value_or(Role::FrontDesk); })
            .field(flag("active"), &User::active)
            .field(text("key_material").format(TextFormat::UserKey), &User::keyMaterial)
            .field(flag("must_change_password"), &User::mustChangePassword);
        return r;
    }();
    return row;
}

void addUserRecordTypes(RecordTypes& types)
{
    RecordType user;
    user.name = userRow().table();
    user.create = user.edit = Permission::UserManage;
    user.fields = userRow().rules();
    user.ownerField = "username";
    user.notOnOwnRow = {"role", "active"};
    user.unique = {"username"};
    user.account = AccountLink{"username", "role", "active", "display_name", "key_material", "must_change_password"};
    user.fixed = {"username"};
    user.ownerMay = {"key_material", "must_change_password"};
    types.add(std::move(user));
}

} // namespace practica::core
