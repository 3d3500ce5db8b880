// The clinic's user list: each row is a person's account, and the server's account of that user name
// follows its role and activity.
#include "core/records/FieldRules.h"

namespace practica::core {

void addUserRecordTypes(RecordTypes& types)
{
    RecordType user;
    user.name = "user_account";
    user.create = user.edit = Permission::UserManage;
    user.fields = {text("username").required(), text("display_name").required(),
                   choice("role", {"admin", "front_desk", "clinician", "biller"}).required(), flag("active")};
    user.ownerField = "username";
    user.notOnOwnRow = {"role", "active"};
    user.unique = {"username"};
    user.account = AccountLink{"username", "role", "active"};
    types.add(std::move(user));
}

} // namespace practica::core
