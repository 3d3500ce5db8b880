#include "CoverageStore.h"

#include "core/auth/Session.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientValidator.h"

namespace practica::core {

namespace {

std::vector<FieldValue> payerFields(const Payer& p)
{
    return {{"name", p.name},
            {"payer_code", p.payerCode},
            {"address_line1", p.addressLine1},
            {"city", p.city},
            {"state", p.state},
            {"zip", p.zip},
            {"phone", p.phone},
            {"active", p.active ? "1" : "0"}};
}

std::vector<FieldValue> coverageFields(const Coverage& c)
{
    return {{"patient_id", c.patientId},
            {"payer_id", c.payerId},
            {"rank", c.rank},
            {"member_id", c.memberId},
            {"group_number", c.groupNumber},
            {"plan_name", c.planName},
            {"subscriber_name", c.subscriberName},
            {"subscriber_birth_date", c.subscriberBirthDate},
            {"relationship", c.relationship},
            {"effective_date", c.effectiveDate},
            {"end_date", c.endDate},
            {"status", std::string(c.active ? "active" : "inactive")}};
}

Payer readPayer(const Statement& s)
{
    Payer p;
    p.id = s.text(0);
    p.name = s.text(1);
    p.payerCode = s.text(2);
    p.addressLine1 = s.optionalText(3);
    p.city = s.optionalText(4);
    p.state = s.optionalText(5);
    p.zip = s.optionalText(6);
    p.phone = s.optionalText(7);
    p.active = s.int64(8) != 0;
    return p;
}

constexpr const char* kPayerSelect =
    "SELECT id, name, payer_code, address_line1, city, state, zip, phone, active FROM payer";
constexpr const char* kCoverageSelect =
    "SELECT c.id, c.patient_id, c.payer_id, c.rank, c.member_id, c.group_number, c.plan_name, c.subscriber_name, "
    "c.subscriber_birth_date, c.relationship, c.effective_date, c.end_date, c.status, p.name, c.updated_hlc "
    "FROM coverage c JOIN payer p ON p.id = c.payer_id";

Coverage readCoverage(const Statement& s)
{
    Coverage c;
    c.id = s.text(0);
    c.patientId = s.text(1);
    c.payerId = s.text(2);
    c.rank = s.text(3);
    c.memberId = s.text(4);
    c.groupNumber = s.optionalText(5);
    c.planName = s.optionalText(6);
    c.subscriberName = s.text(7);
    c.subscriberBirthDate = s.optionalText(8);
    c.relationship = s.text(9);
    c.effectiveDate = s.text(10);
    c.endDate = s.optionalText(11);
    c.active = s.text(12) == "active";
    c.payerName = s.text(13);
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
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status s = m_session.journal().writeRow("payer", p.id, payerFields(p), true, *hlc); !s)
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
    const auto changed = changedFields(payerFields(*before), payerFields(p));
    if (changed.empty())
        return tx.commit();
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status s = m_session.journal().writeRow("payer", p.id, changed, false, *hlc); !s)
        return s;
    return tx.commit();
}

Result<std::vector<Payer>> PayerStore::list(bool includeInactive)
{
    if (Status perm = m_session.require(Permission::CoverageRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(std::string(kPayerSelect) + " WHERE active = 1 OR ? ORDER BY name;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, includeInactive ? 1 : 0);
    return stmt->all<Payer>(readPayer);
}

Result<Payer> PayerStore::get(const std::string& id)
{
    if (Status perm = m_session.require(Permission::CoverageRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(std::string(kPayerSelect) + " WHERE id = ?;");
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
    if (Status s = m_session.journal().writeRow("coverage", c.id, coverageFields(c), true, *hlc); !s)
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
    auto stmt = m_session.db().prepare(std::string(kCoverageSelect) + " WHERE c.id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, c.id);
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "coverage", c.id);
    const Coverage before = readCoverage(*stmt);
    const std::string baseHlc = stmt->text(14);
    stmt->reset();
    c.patientId = before.patientId; // a policy moves between patients only by merge
    if (Status s = checkRankFree(c); !s)
        return s;
    const auto changed = changedFields(coverageFields(before), coverageFields(c));
    if (changed.empty())
        return tx.commit();
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status s = m_session.journal().writeRow("coverage", c.id, changed, false, *hlc, baseHlc); !s)
        return s;
    return tx.commit();
}

Status CoverageStore::deactivate(const std::string& coverageId)
{
    auto stmt = m_session.db().prepare(std::string(kCoverageSelect) + " WHERE c.id = ?;");
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
    auto stmt = m_session.db().prepare(std::string(kCoverageSelect) +
                                       " WHERE c.patient_id = ? AND (c.status = 'active' OR ?) "
                                       "ORDER BY c.status, CASE c.rank WHEN 'primary' THEN 1 WHEN 'secondary' "
                                       "THEN 2 ELSE 3 END, c.effective_date DESC;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, patientId).bind(2, includeInactive ? 1 : 0);
    return stmt->all<Coverage>(readCoverage);
}

} // namespace practica::core
