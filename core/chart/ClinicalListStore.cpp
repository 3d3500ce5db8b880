#include "ClinicalListStore.h"

#include "core/auth/Session.h"
#include "core/records/RecordIo.h"
#include "core/chart/ChartRows.h"
#include "core/codes/CodeSets.h"
#include "core/db/Transaction.h"
#include "core/util/Uuid.h"
#include "core/util/Validators.h"

#include <algorithm>

namespace practica::core {

using records::listRecords;
using records::loadRecord;
using records::writeRecord;

namespace {

// CVX codes are 1 to 3 digits.
bool isCvx(const std::string& code)
{
    return !code.empty() && code.size() <= 3 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A LOINC code: digits, a dash and the check digit (mod 10).
bool looksLikeLoinc(const std::string& code)
{
    const auto dash = code.find('-');
    if (dash == std::string::npos || dash == 0 || dash > 7 || code.size() != dash + 2)
        return false;
    return std::all_of(code.begin(), code.begin() + static_cast<std::ptrdiff_t>(dash),
                       [](char c) { return c >= '0' && c <= '9'; }) &&
           code.back() >= '0' && code.back() <= '9';
}

int severityRank(const std::string& s)
{
    return s == "severe" ? 0 : s == "moderate" ? 1 : s == "mild" ? 2 : 3;
}

// Creates the record when its id is empty (with a new id) or names no record yet (an import's id, derived from
// its source), else writes the fields that changed; all in one transaction.
template <class T>
Result<T> save(Session& session, const RowBinding<T>& row, T record, std::string T::*id,
               const std::function<Status(const T&)>& check = {})
{
    if (Status perm = session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    if (check)
        if (Status s = check(record); !s)
            return std::unexpected(s.error());
    Transaction tx(session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    std::optional<T> before;
    if ((record.*id).empty()) {
        record.*id = session.newId();
    } else if (auto found = loadRecord(session, row, record.*id)) {
        before = std::move(*found);
    } else if (found.error().code != ErrorCode::NotFound) {
        return std::unexpected(found.error());
    }
    if (Status s = writeRecord(session, row, record.*id, record, before); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return record;
}

template <class T>
Result<std::vector<T>> listFor(Session& session, const RowBinding<T>& row, const std::string& patientId,
                               const std::string& orderBy)
{
    if (Status perm = session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    return listRecords(session, row, "patient_id = ?", patientId, orderBy);
}

} // namespace

std::string ClinicalListStore::allergyReviewId(const std::string& patientId)
{
    // Both offline workstations that record the review write the same record.
    return nameBasedUuid("allergy_review:" + patientId);
}

Result<VitalSigns> ClinicalListStore::saveVitals(VitalSigns v)
{
    if (v.takenAtMs == 0)
        v.takenAtMs = m_session.clock().nowMs();
    return save<VitalSigns>(
        m_session, vitalSignsRow(), std::move(v), &VitalSigns::id, [](const VitalSigns& r) -> Status {
            const bool any = r.heightMm || r.weightG || r.systolic || r.diastolic || r.pulse || r.temperatureDeciC ||
                             r.respiratoryRate || r.spo2 || r.pain;
            if (!any)
                return fail(ErrorCode::Validation, "vital_signs", Rule::Required);
            if (r.systolic.has_value() != r.diastolic.has_value())
                return fail(ErrorCode::Validation, r.systolic ? "diastolic" : "systolic", Rule::RequiredTogether,
                            {{"with", r.systolic ? "systolic" : "diastolic"}});
            return {};
        });
}

Result<Problem> ClinicalListStore::saveProblem(Problem p)
{
    return save<Problem>(m_session, problemRow(), std::move(p), &Problem::id, [](const Problem& r) -> Status {
        if (r.codeSystem == "icd10cm" && !isIcd10CmFormat(r.code))
            return fail(ErrorCode::Validation, "code", Rule::Format, {{"format", "icd10cm"}, {"value", r.code}});
        if (r.status == "resolved" && !r.resolvedDate)
            return fail(ErrorCode::Validation, "resolved_date", Rule::RequiredWhen,
                        {{"when_field", "status"}, {"when_value", "resolved"}});
        return {};
    });
}

Result<Allergy> ClinicalListStore::saveAllergy(Allergy a)
{
    const bool creating = a.id.empty() || !loadRecord(m_session, allergyRow(), a.id);
    auto saved = save<Allergy>(m_session, allergyRow(), std::move(a), &Allergy::id);
    if (!saved || !creating || saved->status != "active")
        return saved;
    // An allergy recorded now means the patient was asked: the review says so on every workstation.
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    AllergyReview review;
    review.id = allergyReviewId(saved->patientId);
    review.patientId = saved->patientId;
    review.state = "reviewed";
    review.reviewedAt = utcTimestamp(m_session.clock().nowMs());
    review.reviewedBy = m_session.actor().userId;
    auto before = loadRecord(m_session, allergyReviewRow(), review.id);
    if (!before && before.error().code != ErrorCode::NotFound)
        return std::unexpected(before.error());
    std::optional<AllergyReview> old;
    if (before)
        old = *before;
    if (Status s = writeRecord(m_session, allergyReviewRow(), review.id, review, old); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return saved;
}

Status ClinicalListStore::recordNoKnownAllergies(const std::string& patientId)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return perm;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto active = listRecords(m_session, allergyRow(), "patient_id = ? AND status = 'active'", patientId, "id");
    if (!active)
        return std::unexpected(active.error());
    if (!active->empty())
        return fail(ErrorCode::Conflict, "state", Rule::OnlyWhen, {{"when_field", "allergy"}, {"when_value", "none"}});
    AllergyReview review;
    review.id = allergyReviewId(patientId);
    review.patientId = patientId;
    review.reviewedAt = utcTimestamp(m_session.clock().nowMs());
    review.reviewedBy = m_session.actor().userId;
    auto before = loadRecord(m_session, allergyReviewRow(), review.id);
    if (!before && before.error().code != ErrorCode::NotFound)
        return std::unexpected(before.error());
    std::optional<AllergyReview> old;
    if (before)
        old = *before;
    if (Status s = writeRecord(m_session, allergyReviewRow(), review.id, review, old); !s)
        return s;
    return tx.commit();
}

Result<AllergyStatus> ClinicalListStore::allergyStatus(const std::string& patientId)
{
    auto all = allergies(patientId);
    if (!all)
        return std::unexpected(all.error());
    AllergyStatus status;
    for (Allergy& a : *all)
        if (a.status == "active")
            status.active.push_back(std::move(a));
    std::stable_sort(status.active.begin(), status.active.end(), [](const Allergy& x, const Allergy& y) {
        return severityRank(x.severity) < severityRank(y.severity);
    });
    auto review = loadRecord(m_session, allergyReviewRow(), allergyReviewId(patientId));
    if (!review && review.error().code != ErrorCode::NotFound)
        return std::unexpected(review.error());
    if (review)
        status.review = *review;
    const bool nka = status.review && status.review->state == "no_known_allergies";
    if (!status.active.empty()) {
        status.state = AllergyState::Allergies; // an allergy outranks "none known", wherever both exist
        status.contradicted = nka;
    } else if (nka) {
        status.state = AllergyState::NoKnownAllergies;
    }
    return status;
}

Result<Medication> ClinicalListStore::saveMedication(Medication m)
{
    return save<Medication>(m_session, medicationRow(), std::move(m), &Medication::id);
}

Result<Immunization> ClinicalListStore::saveImmunization(Immunization i)
{
    return save<Immunization>(
        m_session, immunizationRow(), std::move(i), &Immunization::id, [](const Immunization& r) -> Status {
            if (!isCvx(r.cvxCode))
                return fail(ErrorCode::Validation, "cvx_code", Rule::Format, {{"format", "cvx"}, {"value", r.cvxCode}});
            return {};
        });
}

namespace {

Status checkLab(const LabResult& r)
{
    if (r.loincCode && !looksLikeLoinc(*r.loincCode))
        return fail(ErrorCode::Validation, "loinc_code", Rule::Format, {{"format", "loinc"}, {"value", *r.loincCode}});
    return {};
}

} // namespace

Result<LabResult> ClinicalListStore::saveLabResult(LabResult r)
{
    return save<LabResult>(m_session, labResultRow(), std::move(r), &LabResult::id, checkLab);
}

Result<std::vector<LabResult>> ClinicalListStore::saveLabResults(std::vector<LabResult> results)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    for (LabResult& r : results) {
        if (Status s = checkLab(r); !s)
            return std::unexpected(s.error());
        r.id = m_session.newId();
        if (Status s = writeRecord(m_session, labResultRow(), r.id, r, std::nullopt); !s)
            return std::unexpected(s.error());
    }
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return results;
}

Result<bool> ClinicalListStore::hasLabMessage(const std::string& messageId)
{
    if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare("SELECT count(*) FROM lab_result WHERE message_id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto n = stmt->bind(1, messageId).scalar();
    if (!n)
        return std::unexpected(n.error());
    return *n > 0;
}

Result<std::vector<VitalSigns>> ClinicalListStore::vitals(const std::string& patientId)
{
    return listFor(m_session, vitalSignsRow(), patientId, "taken_at_ms, id");
}
Result<std::vector<Problem>> ClinicalListStore::problems(const std::string& patientId)
{
    return listFor(m_session, problemRow(), patientId, "status = 'active' DESC, display COLLATE NOCASE");
}
Result<std::vector<Allergy>> ClinicalListStore::allergies(const std::string& patientId)
{
    return listFor(m_session, allergyRow(), patientId, "status = 'active' DESC, substance COLLATE NOCASE");
}
Result<std::vector<Medication>> ClinicalListStore::medications(const std::string& patientId)
{
    return listFor(m_session, medicationRow(), patientId, "status = 'active' DESC, name COLLATE NOCASE");
}
Result<std::vector<Immunization>> ClinicalListStore::immunizations(const std::string& patientId)
{
    return listFor(m_session, immunizationRow(), patientId, "administered_on DESC, id");
}
Result<std::vector<LabResult>> ClinicalListStore::labResults(const std::string& patientId)
{
    return listFor(m_session, labResultRow(), patientId, "collected_at_ms DESC, name");
}

} // namespace practica::core
