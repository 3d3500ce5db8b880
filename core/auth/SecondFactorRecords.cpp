// A user's second factor: only its owner sets it up; an administrator may remove it (a lost phone) but
// never read or set another user's secret.
#include "core/auth/SecondFactorRows.h"
#include "core/records/FieldRules.h"

namespace practica::core {

const RowBinding<UserTotp>& userTotpRow()
{
    static const RowBinding<UserTotp> row = [] {
        RowBinding<UserTotp> r("user_totp", &UserTotp::id);
        r.field(reference("user_id", "user_account").required(), &UserTotp::userId)
            .field(text("secret").maxLength(64), &UserTotp::secret)
            .field(text("recovery_codes").maxLength(2000), &UserTotp::recoveryCodes)
            .field(text("enrolled_at").maxLength(32), &UserTotp::enrolledAt);
        return r;
    }();
    return row;
}

void addSecondFactorRecordTypes(RecordTypes& types)
{
    RecordType totp;
    totp.name = userTotpRow().table();
    totp.fields = userTotpRow().rules();
    totp.unique = {"user_id"};
    // Removal empties the fields (a later enrolment fills them again), so the row is never deleted.
    totp.owned = OwnedRecord{"user_id", Permission::UserManage};
    types.add(std::move(totp));
}

} // namespace practica::core
