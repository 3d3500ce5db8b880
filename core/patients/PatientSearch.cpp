#include "PatientSearch.h"

#include "core/auth/Session.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientValidator.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <set>

namespace practica::core {

namespace {
constexpr const char* kSummaryColumns = "p.id, p.mrn, p.family_name, p.given_name, p.preferred_name, "
                                        "p.date_of_birth, p.sex, coalesce(p.phone_mobile, p.phone_home, p.phone_work), "
                                        "p.status";
} // namespace

std::string PatientSummary::displayName() const
{
    std::string s = familyName + ", " + givenName;
    if (preferredName && *preferredName != givenName)
        s += " (" + *preferredName + ")";
    return s;
}

Result<std::vector<DuplicateCandidate>> PatientSearch::findDuplicates(const Patient& input)
{
    if (Status p = m_session.require(Permission::PatientRead); !p)
        return std::unexpected(p.error());
    Patient c = input;
    (void)PatientValidator::normalizeAndValidate(c, "9999-12-31");
    std::vector<DuplicateCandidate> out;
    std::set<std::string> seen;
    const std::string family = foldForSearch(c.familyName);
    const std::string given = foldForSearch(c.givenName);
    if (isIsoDate(c.dateOfBirth)) {
        auto stmt = m_session.db().prepare(std::string("SELECT ") + kSummaryColumns +
                                           " FROM patient p WHERE p.date_of_birth = ? AND p.status != 'merged' "
                                           "AND p.id != ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, c.dateOfBirth).bind(2, c.id);
        auto rows = runSummaryQuery(*stmt, 1000);
        if (!rows)
            return std::unexpected(rows.error());
        for (auto& r : *rows) {
            if (foldForSearch(r.familyName) == family && foldForSearch(r.givenName) == given) {
                seen.insert(r.id);
                out.push_back({std::move(r), "name_and_birth_date"});
            }
        }
    }
    for (const auto* number : {&c.phoneMobile, &c.phoneHome}) {
        if (!*number)
            continue;
        auto stmt = m_session.db().prepare(std::string("SELECT ") + kSummaryColumns +
                                           " FROM patient_phone ph JOIN patient p ON p.id = ph.patient_id "
                                           "WHERE ph.digits = ? AND p.status != 'merged' AND p.id != ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, **number).bind(2, c.id);
        auto rows = runSummaryQuery(*stmt, 50);
        if (!rows)
            return std::unexpected(rows.error());
        for (auto& r : *rows)
            if (seen.insert(r.id).second)
                out.push_back({std::move(r), "phone"});
    }
    return out;
}

Result<std::vector<PatientSummary>> PatientSearch::runSummaryQuery(Statement& stmt, int limit)
{
    std::vector<PatientSummary> out;
    std::set<std::string> seen;
    while (static_cast<int>(out.size()) < limit) {
        auto row = stmt.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        PatientSummary s;
        s.id = stmt.text(0);
        if (!seen.insert(s.id).second)
            continue;
        s.mrn = stmt.text(1);
        s.familyName = stmt.text(2);
        s.givenName = stmt.text(3);
        s.preferredName = stmt.optionalText(4);
        s.dateOfBirth = stmt.text(5);
        s.sex = stmt.text(6);
        s.phone = stmt.optionalText(7);
        s.status = patientStatusFromName(stmt.text(8)).value_or(PatientStatus::Active);
        out.push_back(std::move(s));
    }
    stmt.reset();
    return out;
}

Result<std::vector<PatientSummary>> PatientSearch::search(const std::string& rawQuery, int limit)
{
    if (Status perm = m_session.require(Permission::PatientRead); !perm)
        return std::unexpected(perm.error());
    const std::string query = trimmed(rawQuery);
    if (query.empty() || limit <= 0)
        return std::vector<PatientSummary>{};
    Database& db = m_session.db();
    std::vector<PatientSummary> results;
    auto append = [&](Result<std::vector<PatientSummary>> rows) -> Status {
        if (!rows)
            return std::unexpected(rows.error());
        for (auto& r : *rows)
            if (std::none_of(results.begin(), results.end(), [&](const auto& x) { return x.id == r.id; }))
                results.push_back(std::move(r));
        return {};
    };

    const bool hasLetters =
        std::any_of(query.begin(), query.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
    const std::string digits = digitsOnly(query);
    if (auto dob = parseDate(query)) {
        auto stmt = db.prepare(std::string("SELECT ") + kSummaryColumns +
                               " FROM patient p WHERE p.date_of_birth = ? AND p.status != 'merged' "
                               "ORDER BY p.family_name, p.given_name LIMIT ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, *dob).bind(2, limit);
        if (Status s = append(runSummaryQuery(*stmt, limit)); !s)
            return std::unexpected(s.error());
    } else {
        // An MRN typed whole, with or without the clinic's prefix.
        auto mrn = db.prepare(std::string("SELECT ") + kSummaryColumns +
                              " FROM patient p WHERE (p.mrn = ?1 OR p.mrn = (SELECT mrn_prefix FROM clinic LIMIT 1) "
                              "|| ?1) AND p.status != 'merged';");
        if (!mrn)
            return std::unexpected(mrn.error());
        std::string upper = query;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
        mrn->bind(1, upper);
        if (Status s = append(runSummaryQuery(*mrn, limit)); !s)
            return std::unexpected(s.error());

        if (!hasLetters && digits.size() >= 4) {
            std::string phoneDigits = digits;
            if (phoneDigits.size() == 11 && phoneDigits[0] == '1')
                phoneDigits.erase(0, 1);
            auto stmt = db.prepare(std::string("SELECT ") + kSummaryColumns +
                                   " FROM patient_phone ph JOIN patient p ON p.id = ph.patient_id "
                                   "WHERE ph.digits >= ?1 AND ph.digits < ?1 || 'a' AND p.status != 'merged' "
                                   "ORDER BY ph.digits LIMIT ?2;");
            if (!stmt)
                return std::unexpected(stmt.error());
            stmt->bind(1, phoneDigits).bind(2, limit * 2);
            if (Status s = append(runSummaryQuery(*stmt, limit)); !s)
                return std::unexpected(s.error());
        }
        if (hasLetters) {
            std::vector<std::string> terms = searchTokens(query);
            if (!terms.empty()) {
                // The longest term drives a range scan of the token index; the others filter on the folded
                // full name stored with each token, so only matches reach the patient table.
                auto driver = std::max_element(terms.begin(), terms.end(),
                                               [](const auto& a, const auto& b) { return a.size() < b.size(); });
                std::string driverTerm = *driver;
                terms.erase(driver);
                std::string matches = "SELECT t.patient_id, t.token FROM patient_name_token t "
                                      "WHERE t.token >= ?1 AND t.token < ?2";
                for (std::size_t i = 0; i < terms.size(); ++i)
                    matches.append(" AND instr(t.search_name, ' ' || ?").append(std::to_string(i + 4)).append(") > 0");
                matches.append(" ORDER BY t.token, t.patient_id LIMIT ?3");
                std::string sql = std::string("SELECT ") + kSummaryColumns + " FROM (";
                sql.append(matches).append(") m JOIN patient p ON p.id = m.patient_id");
                sql.append(" WHERE p.status != 'merged' ORDER BY m.token, m.patient_id;");
                auto stmt = db.prepare(sql);
                if (!stmt)
                    return std::unexpected(stmt.error());
                stmt->bind(1, driverTerm).bind(2, driverTerm + "\xff").bind(3, limit * 3);
                for (std::size_t i = 0; i < terms.size(); ++i)
                    stmt->bind(static_cast<int>(i + 4), terms[i]);
                if (Status s = append(runSummaryQuery(*stmt, limit)); !s)
                    return std::unexpected(s.error());
            }
        }
    }
    if (static_cast<int>(results.size()) > limit)
        results.resize(static_cast<std::size_t>(limit));
    std::stable_sort(results.begin(), results.end(), [](const PatientSummary& a, const PatientSummary& b) {
        const std::string fa = foldForSearch(a.familyName), fb = foldForSearch(b.familyName);
        if (fa != fb)
            return fa < fb;
        return foldForSearch(a.givenName) < foldForSearch(b.givenName);
    });

    Transaction tx(db);
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    if (Status s = m_session.journal().audit(AuditAction::Search, "patient", "",
                                             query + " -> " + std::to_string(results.size()) + " results");
        !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return results;
}

} // namespace practica::core
