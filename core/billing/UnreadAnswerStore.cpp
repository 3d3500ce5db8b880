#include "UnreadAnswerStore.h"

#include "core/auth/Session.h"
#include "core/crypto/Sha256.h"
#include "core/db/Statement.h"
#include "core/util/Validators.h"

namespace practica::core {

Status UnreadAnswerStore::keep(const std::string& name, std::string_view content, const X12Issue& issue)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return perm;
    auto stmt = m_session.db().prepare(
        "INSERT OR IGNORE INTO x12_unread (sha256, name, received_at, problem, line, content) VALUES (?, ?, ?, ?, "
        "?, ?);");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, sha256Hex(content))
        .bind(2, name)
        .bind(3, utcTimestamp(m_session.clock().nowMs()))
        .bind(4, std::string(x12ProblemName(issue.problem)))
        .bind(5, issue.line)
        .bindBlob(6, content.data(), content.size()); // whatever it holds, byte for byte
    return stmt->run();
}

Result<std::vector<UnreadAnswer>> UnreadAnswerStore::list()
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare("SELECT sha256, name, received_at, problem, line, content FROM x12_unread "
                                       "ORDER BY received_at DESC, name;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->all<UnreadAnswer>([](const Statement& s) {
        UnreadAnswer a{s.text(0), s.text(1), s.text(2), {}, s.text(5)};
        a.issue.problem = x12ProblemFromName(s.text(3)).value_or(X12Problem::NotX12);
        a.issue.line = static_cast<int>(s.int64(4));
        return a;
    });
}

} // namespace practica::core
