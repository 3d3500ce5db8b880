#include "SecondFactor.h"

#include "core/auth/SecondFactorPolicy.h"
#include "core/auth/SecondFactorRows.h"
#include "core/auth/UserStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/Totp.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <sodium.h>

namespace practica::core {

namespace {

Result<std::optional<UserTotp>> totpOf(Database& db, const std::string& userId)
{
    const auto& row = userTotpRow();
    auto stmt = db.prepare("SELECT " + row.columns() + " FROM " + row.table() + " WHERE user_id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, userId);
    auto found = stmt->step();
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return std::optional<UserTotp>{};
    UserTotp t = row.read(*stmt);
    stmt->reset();
    return std::optional<UserTotp>(std::move(t));
}

std::vector<std::string> splitHashes(const std::optional<std::string>& joined)
{
    std::vector<std::string> out;
    if (!joined)
        return out;
    std::size_t start = 0;
    while (start < joined->size()) {
        std::size_t space = joined->find(' ', start);
        if (space == std::string::npos)
            space = joined->size();
        if (space > start)
            out.push_back(joined->substr(start, space - start));
        start = space + 1;
    }
    return out;
}

std::string joinHashes(const std::vector<std::string>& hashes)
{
    std::string out;
    for (const std::string& h : hashes)
        out.append(out.empty() ? "" : " ").append(h);
    return out;
}

// Six digits (spaces aside) is a code from the app; anything else may be a recovery code.
bool looksLikeTotpCode(std::string_view typed)
{
    int digits = 0;
    for (char c : typed) {
        if (c == ' ')
            continue;
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
        ++digits;
    }
    return digits == kTotpDigits;
}

// Writes one user_totp row through the change journal: the outbox change and the audit event with it.
Status writeTotp(Session& session, const std::optional<UserTotp>& before, const UserTotp& after,
                 const std::string& auditDetail)
{
    const auto& row = userTotpRow();
    const bool creating = !before;
    const auto fields = creating ? row.fields(after) : changedFields(row.fields(*before), row.fields(after));
    if (fields.empty())
        return {};
    auto hlc = session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    ChangeJournal::RowWrite write;
    write.auditDetail = auditDetail;
    return session.journal().writeRow(row.table(), after.id, fields, creating, *hlc, write);
}

// Sets one column of the user's guard row, creating the row first (SQLCipher 3's SQLite has no UPSERT).
template <class V> Status setGuard(Database& db, const std::string& userId, std::string_view assignment, const V& value)
{
    auto insert = db.prepare("INSERT OR IGNORE INTO second_factor_guard (user_id) VALUES (?);");
    if (!insert)
        return std::unexpected(insert.error());
    if (Status s = insert->bind(1, userId).run(); !s)
        return s;
    auto update = db.prepare("UPDATE second_factor_guard SET " + std::string(assignment) + " WHERE user_id = ?;");
    if (!update)
        return std::unexpected(update.error());
    return update->bind(1, value).bind(2, userId).run();
}

// The id of the acting user's user_account row. A workstation that has just joined a clinic knows its user
// by the server's account id until its first sync brings the user list.
std::string ownUserId(Session& session)
{
    auto user = UserStore::findByUsername(session.db(), session.actor().username);
    return user ? user->id : session.actor().userId;
}

} // namespace

Result<SecondFactorStep> SecondFactor::owedAtSignIn(Session& session)
{
    auto totp = totpOf(session.db(), ownUserId(session));
    if (!totp)
        return std::unexpected(totp.error());
    if (*totp && (*totp)->enrolled())
        return SecondFactorStep::Code;
    auto clinic = ClinicStore(session).get();
    if (!clinic && clinic.error().code != ErrorCode::NotFound) // a joined desk before its first sync
        return std::unexpected(clinic.error());
    if (clinic && secondFactorRequiredFor(clinic->secondFactor, session.actor().role))
        return SecondFactorStep::Enrolment;
    return SecondFactorStep::Done;
}

Status SecondFactor::requireAtSignIn(Session& session)
{
    auto owed = owedAtSignIn(session);
    if (!owed)
        return std::unexpected(owed.error());
    session.setSecondFactorOwed(*owed);
    return {};
}

Result<SecondFactorStatus> SecondFactor::status(const std::string& userId)
{
    if (userId != ownUserId(m_session))
        if (Status p = m_session.require(Permission::UserManage); !p)
            return std::unexpected(p.error());
    auto totp = totpOf(m_session.db(), userId);
    if (!totp)
        return std::unexpected(totp.error());
    SecondFactorStatus out;
    if (*totp && (*totp)->enrolled()) {
        out.enrolled = true;
        out.enrolledAt = (*totp)->enrolledAt.value_or("");
        out.recoveryCodesLeft = static_cast<int>(splitHashes((*totp)->recoveryCodes).size());
    }
    return out;
}

Result<SecondFactorStatus> SecondFactor::ownStatus()
{
    return status(ownUserId(m_session));
}

Status SecondFactor::removeOwn()
{
    return remove(ownUserId(m_session));
}

Result<TotpEnrolment> SecondFactor::beginEnrolment()
{
    // Only the signed-in user sets up their own, and only once signed in (or when the clinic made them).
    if (m_session.secondFactorOwed() == SecondFactorStep::Code)
        return fail(ErrorCode::SecondFactorRequired, "code");
    std::vector<unsigned char> secret = newTotpSecret();
    TotpEnrolment e;
    e.secret = base32Encode(secret);
    e.account = m_session.actor().username;
    auto clinic = ClinicStore(m_session).get();
    e.issuer = clinic && !clinic->name.empty() ? clinic->name : std::string("Practica");
    e.uri = otpauthUri(e.issuer, e.account, secret);
    sodium_memzero(secret.data(), secret.size());
    if (Status s = setGuard(m_session.db(), ownUserId(m_session), "pending_secret = ?", e.secret); !s)
        return std::unexpected(s.error());
    return e;
}

Result<std::vector<std::string>> SecondFactor::confirmEnrolment(std::string_view code)
{
    if (m_session.secondFactorOwed() == SecondFactorStep::Code)
        return fail(ErrorCode::SecondFactorRequired, "code");
    const std::string userId = ownUserId(m_session);
    auto stmt = m_session.db().prepare("SELECT pending_secret FROM second_factor_guard WHERE user_id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, userId);
    auto found = stmt->step();
    if (!found)
        return std::unexpected(found.error());
    std::optional<std::string> pending = *found ? stmt->optionalText(0) : std::nullopt;
    stmt->reset();
    if (!pending)
        return fail(ErrorCode::NotFound, "enrolment");
    auto secret = base32Decode(*pending);
    if (!secret)
        return fail(ErrorCode::Internal, "pending_secret", "not base32");
    auto g = guard(userId);
    if (!g)
        return std::unexpected(g.error());
    if (Status s = checkNotLocked(*g); !s)
        return std::unexpected(s.error());
    const std::int64_t now = m_session.clock().nowMs() / 1000;
    auto step = totpVerify(*secret, code, now, 0);
    sodium_memzero(secret->data(), secret->size());
    if (!step) {
        if (Status s = recordFailure(userId, *g, "enrolment_code"); !s)
            return std::unexpected(s.error());
        return fail(ErrorCode::WrongSecondFactor, "code");
    }

    std::vector<std::string> codes = newRecoveryCodes(kRecoveryCodes);
    std::vector<std::string> hashes;
    for (const std::string& c : codes)
        hashes.push_back(recoveryCodeHash(c));
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto before = totpOf(m_session.db(), userId);
    if (!before)
        return std::unexpected(before.error());
    UserTotp after = *before ? **before : UserTotp{m_session.newId(), userId, {}, {}, {}};
    after.secret = *pending;
    after.recoveryCodes = joinHashes(hashes);
    after.enrolledAt = utcTimestamp(m_session.clock().nowMs());
    if (Status v = userTotpRow().check(after); !v)
        return std::unexpected(v.error());
    if (Status s = writeTotp(m_session, *before, after, "second factor set up"); !s)
        return std::unexpected(s.error());
    auto clear = m_session.db().prepare(
        "UPDATE second_factor_guard SET pending_secret = NULL, last_used_step = ?, failures = 0 WHERE user_id = ?;");
    if (!clear)
        return std::unexpected(clear.error());
    if (Status s = clear->bind(1, *step).bind(2, userId).run(); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    m_session.setSecondFactorOwed(SecondFactorStep::Done);
    return codes;
}

Status SecondFactor::verify(std::string_view codeOrRecoveryCode)
{
    if (Status s = check(codeOrRecoveryCode, true); !s)
        return s;
    m_session.setSecondFactorOwed(SecondFactorStep::Done);
    return {};
}

Status SecondFactor::verifyFresh(std::string_view code)
{
    if (m_session.secondFactorOwed() != SecondFactorStep::Done)
        return fail(ErrorCode::SecondFactorRequired,
                    m_session.secondFactorOwed() == SecondFactorStep::Code ? "code" : "enrol");
    return check(code, false);
}

Status SecondFactor::check(std::string_view typed, bool acceptRecovery)
{
    const std::string userId = ownUserId(m_session);
    auto totp = totpOf(m_session.db(), userId);
    if (!totp)
        return std::unexpected(totp.error());
    if (!*totp || !(*totp)->enrolled())
        return fail(ErrorCode::SecondFactorRequired, "enrol");
    auto g = guard(userId);
    if (!g)
        return std::unexpected(g.error());
    if (Status s = checkNotLocked(*g); !s)
        return s;

    if (looksLikeTotpCode(typed)) {
        auto secret = base32Decode(*(*totp)->secret);
        if (!secret)
            return fail(ErrorCode::Internal, "user_totp.secret", "not base32");
        const std::int64_t now = m_session.clock().nowMs() / 1000;
        auto step = totpVerify(*secret, typed, now, g->lastUsedStep);
        // The same code again (or an older one): refused, and said so, since it may be someone else's.
        const bool replayed = !step && totpVerify(*secret, typed, now, -1).has_value();
        sodium_memzero(secret->data(), secret->size());
        if (step)
            return recordSuccess(userId, *step, acceptRecovery ? "second_factor" : "second_factor fresh");
        if (Status s = recordFailure(userId, *g, replayed ? "second_factor code_used" : "second_factor wrong_code"); !s)
            return s;
        return fail(ErrorCode::WrongSecondFactor, "code", replayed ? "used" : "");
    }

    if (acceptRecovery) {
        std::vector<std::string> hashes = splitHashes((*totp)->recoveryCodes);
        if (auto index = matchRecoveryCode(typed, hashes)) {
            hashes.erase(hashes.begin() + static_cast<std::ptrdiff_t>(*index));
            UserTotp after = **totp;
            after.recoveryCodes = joinHashes(hashes);
            Transaction tx(m_session.db());
            if (!tx.begun())
                return tx.begun();
            if (Status s = writeTotp(m_session, *totp, after, "recovery code used"); !s)
                return s;
            if (Status s = recordSuccess(userId, g->lastUsedStep, "second_factor recovery_code"); !s)
                return s;
            return tx.commit();
        }
    }
    if (Status s = recordFailure(userId, *g, "second_factor wrong_code"); !s)
        return s;
    return fail(ErrorCode::WrongSecondFactor, "code");
}

Status SecondFactor::remove(const std::string& userId)
{
    // Another user's second factor: removing is all an administrator may do with it.
    if (userId != ownUserId(m_session))
        if (Status p = m_session.require(Permission::UserManage); !p)
            return p;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto before = totpOf(m_session.db(), userId);
    if (!before)
        return std::unexpected(before.error());
    if (!*before || !(*before)->enrolled())
        return fail(ErrorCode::NotFound, "second_factor", userId);
    UserTotp after = **before;
    after.secret.reset();
    after.recoveryCodes.reset();
    after.enrolledAt.reset();
    if (Status s = writeTotp(m_session, *before, after, "second factor removed"); !s)
        return s;
    if (Status s = setGuard(m_session.db(), userId, "last_used_step = ?", std::int64_t{0}); !s)
        return s;
    return tx.commit();
}

Result<SecondFactor::Guard> SecondFactor::guard(const std::string& userId)
{
    auto stmt = m_session.db().prepare(
        "SELECT last_used_step, failures, locked_until_ms FROM second_factor_guard WHERE user_id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, userId);
    auto found = stmt->step();
    if (!found)
        return std::unexpected(found.error());
    Guard g;
    if (*found) {
        g.lastUsedStep = stmt->int64(0);
        g.failures = static_cast<int>(stmt->int64(1));
        g.lockedUntilMs = stmt->int64(2);
    }
    stmt->reset();
    return g;
}

Status SecondFactor::checkNotLocked(const Guard& g)
{
    const std::int64_t now = m_session.clock().nowMs();
    if (g.lockedUntilMs > now)
        return fail(ErrorCode::AccountLocked, "second_factor", std::to_string((g.lockedUntilMs - now + 999) / 1000));
    return {};
}

Status SecondFactor::recordFailure(const std::string& userId, Guard g, std::string_view why)
{
    ++g.failures;
    const bool locks = g.failures >= kMaxFailures;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    if (Status s = setGuard(m_session.db(), userId, "failures = ?", std::int64_t{locks ? 0 : g.failures}); !s)
        return s;
    if (locks)
        if (Status s = setGuard(m_session.db(), userId, "locked_until_ms = ?", m_session.clock().nowMs() + kLockoutMs);
            !s)
            return s;
    if (Status s = m_session.journal().audit(AuditAction::LoginFailed, "user", userId,
                                             std::string(why) + (locks ? " locked" : ""));
        !s)
        return s;
    return tx.commit();
}

Status SecondFactor::recordSuccess(const std::string& userId, std::int64_t step, std::string_view how)
{
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    if (Status s = setGuard(m_session.db(), userId, "last_used_step = ?", step); !s)
        return s;
    if (Status s = setGuard(m_session.db(), userId, "failures = ?", std::int64_t{0}); !s)
        return s;
    if (Status s = m_session.journal().audit(AuditAction::Login, "user", userId, how); !s)
        return s;
    return tx.commit();
}

} // namespace practica::core
