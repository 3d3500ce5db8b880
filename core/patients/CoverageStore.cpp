#include "CoverageStore.h"

#include "core/auth/Session.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientRows.h"
#include "core/patients/PatientValidator.h"
#include "core/records/RecordIo.h"

namespace practica::core {

using records::writeRecord;

namespace {

std::string payerSelect()
{
    return "SELECT " + payerRow().columns() + " FROM " + payerRow().table();
}

Payer readPayer(const Statement& s)
{
    return payerRow().read(s);
}

// A policy's columns, then its payer's name and the row's version.
std::string coverageSelect()
{
    return "SELECT " + coverageRow().columns("c") + ", p.name, c.updated_hlc FROM " + coverageRow().table() +
           " c JOIN " + payerRow().table() + " p ON p.id = c.payer_id";
}

Coverage readCoverage(const Statement& s)
{
    Coverage c = coverageRow().read(s);
    c.payerName = s.text(coverageRow().width());
    return c;
}

} // namespace

Result<Payer> PayerStore::create(Payer p)
{
    if (Status perm = m_session.require(Permission::PayerWrite); !perm)
        return std::unexpected(perm.error());
    if (Status v = PatientValidator::normalizeAndValidate(p); !v)
        return std::unexpected(v.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    p.id = m_session.newId();
    if (Status s = writeRecord(m_session, payerRow(), p.id, p, std::nullopt); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return p;
}

Status PayerStore::update(Payer p)
{
    if (Status perm = m_session.require(Permission::PayerWrite); !perm)
        return perm;
    if (Status v = PatientValidator::normalizeAndValidate(p); !v)
        return v;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto before = get(p.id);
    if (!before)
        return std::unexpected(before.error());
    if (Status s = writeRecord(m_session, payerRow(), p.id, p, *before); !s)
        return s;
    return tx.commit();
}

Result<std::vector<Payer>> PayerStore::list(bool includeInactive)
{
    if (Status perm = m_session.require(Permission::CoverageRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(payerSelect() + " WHERE active = 1 OR ? ORDER BY name;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, includeInactive ? 1 : 0);
    return stmt->all<Payer>(readPayer);
}

Result<Payer> PayerStore::get(const std::string& id)
{
    if (Status perm = m_session.require(Permission::CoverageRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(payerSelect() + " WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, id).one<Payer>(readPayer, "payer", id);
}

Status CoverageStore::checkRankFree(const Coverage& c)
{
    if (!c.active)
        return {};
    auto stmt = m_session.db().prepare("SELECT count(*) FROM coverage WHERE patient_id = ? AND rank = ? AND "
                                       "status = 'active' AND id != ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto count = stmt->bind(1, c.patientId).bind(2, c.rank).bind(3, c.id).scalar();
    if (!count)
        return std::unexpected(count.error());
    if (*count > 0)
        return fail(ErrorCode::Conflict, "rank", Rule::Unique, {{"value", c.rank}});
    return {};
}

Result<Coverage> CoverageStore::add(Coverage c)
{
    if (Status perm = m_session.require(Permission::CoverageWrite); !perm)
        return std::unexpected(perm.error());
    if (Status v = PatientValidator::normalizeAndValidate(c); !v)
        return std::unexpected(v.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    c.id = m_session.newId();
    auto patient = m_session.db().prepare("SELECT status FROM patient WHERE id = ?;");
    if (!patient)
        return std::unexpected(patient.error());
    patient->bind(1, c.patientId);
    auto row = patient->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "patient", c.patientId);
    if (patient->text(0) == "merged")
        return fail(ErrorCode::Conflict, "patient", Rule::Merged);
    patient->reset();
    if (Status s = checkRankFree(c); !s)
        return std::unexpected(s.error());
    auto payer = PayerStore(m_session).get(c.payerId);
    if (!payer)
        return payer.error().code == ErrorCode::NotFound
                   ? std::unexpected(Error::make(ErrorCode::Validation, "payer_id", Rule::MissingReference,
                                                 {{"references", "payer"}}))
                   : std::unexpected(payer.error());
    c.payerName = payer->name;
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status s = m_session.journal().writeRow(coverageRow().table(), c.id, coverageRow().fields(c), true, *hlc); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return c;
}

Status CoverageStore::update(Coverage c)
{
    if (Status perm = m_session.require(Permission::CoverageWrite); !perm)
        return perm;
    if (Status v = PatientValidator::normalizeAndValidate(c); !v)
        return v;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto stmt = m_session.db().prepare(coverageSelect() + " WHERE c.id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, c.id);
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "coverage", c.id);
    const Coverage before = readCoverage(*stmt);
    const std::string baseHlc = stmt->text(coverageRow().width() + 1);
    stmt->reset();
    c.patientId = before.patientId; // a policy moves between patients only by merge
    if (Status s = checkRankFree(c); !s)
        return s;
    const auto changed = changedFields(coverageRow().fields(before), coverageRow().fields(c));
    if (changed.empty())
        return tx.commit();
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status s = m_session.journal().writeRow(coverageRow().table(), c.id, changed, false, *hlc, baseHlc); !s)
        return s;
    return tx.commit();
}

Status CoverageStore::deactivate(const std::string& coverageId)
{
    auto stmt = m_session.db().prepare(coverageSelect() + " WHERE c.id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto coverage = stmt->bind(1, coverageId).one<Coverage>(readCoverage, "coverage", coverageId);
    if (!coverage)
        return std::unexpected(coverage.error());
    coverage->active = false;
    return update(*coverage);
}

Result<std::vector<Coverage>> CoverageStore::forPatient(const std::string& patientId, bool includeInactive)
{
    if (Status perm = m_session.require(Permission::CoverageRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(coverageSelect() +
                                       " WHERE c.patient_id = ? AND (c.status = 'active' OR ?) "
                                       "ORDER BY c.status, CASE c.rank WHEN 'primary' THEN 1 WHEN 'secondary' "
                                       "THEN 2 ELSE 3 END, c.effective_date DESC;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, patientId).bind(2, includeInactive ? 1 : 0);
    return stmt->all<Coverage>(readCoverage);
}

} // namespace practica::core
