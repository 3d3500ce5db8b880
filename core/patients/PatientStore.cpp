#include "PatientStore.h"

#include "core/auth/Session.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientRows.h"
#include "core/patients/PatientValidator.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

#include <Poco/JSON/Object.h>
#include <algorithm>
#include <set>
#include <sstream>

namespace practica::core {

namespace {

// A patient's columns, then the row's version and its field versions.
std::string patientSelect()
{
    return "SELECT " + patientRow().columns() + ", updated_hlc FROM " + patientRow().table();
}

Patient readPatient(const Statement& s)
{
    Patient p = patientRow().read(s);
    p.updatedHlc = s.text(patientRow().width());
    return p;
}

std::vector<std::string> nameTokens(const Patient& p)
{
    std::vector<std::string> tokens;
    for (const std::string* part : {&p.familyName, &p.givenName})
        for (auto& t : searchTokens(*part))
            tokens.push_back(std::move(t));
    for (const auto* part : {&p.middleName, &p.preferredName})
        if (*part)
            for (auto& t : searchTokens(**part))
                tokens.push_back(std::move(t));
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    return tokens;
}

std::string searchName(const Patient& p)
{
    std::string s = " ";
    for (const auto& t : nameTokens(p))
        s.append(t).append(" ");
    return s;
}

} // namespace

std::string Patient::displayName() const
{
    std::string s = familyName + ", " + givenName;
    if (preferredName && *preferredName != givenName)
        s += " (" + *preferredName + ")";
    return s;
}

std::string patientStatusName(PatientStatus s)
{
    switch (s) {
    case PatientStatus::Active:
        return "active";
    case PatientStatus::Inactive:
        return "inactive";
    case PatientStatus::Deceased:
        return "deceased";
    case PatientStatus::Merged:
        return "merged";
    }
    return "active";
}

std::optional<PatientStatus> patientStatusFromName(const std::string& name)
{
    for (PatientStatus s :
         {PatientStatus::Active, PatientStatus::Inactive, PatientStatus::Deceased, PatientStatus::Merged})
        if (patientStatusName(s) == name)
            return s;
    return std::nullopt;
}

const std::vector<PatientStore::Reference>& PatientStore::references()
{
    static const std::vector<Reference> refs = {
        {"coverage", "patient_id"}, {"appointment", "patient_id"}, {"waitlist_entry", "patient_id"}};
    return refs;
}

Result<std::string> PatientStore::nextMrn()
{
    auto read =
        m_session.db().prepare("SELECT (SELECT value FROM workstation_setting WHERE key = 'workstation_number'), "
                               "(SELECT value FROM workstation_setting WHERE key = 'next_mrn'), "
                               "(SELECT mrn_prefix FROM clinic LIMIT 1);");
    if (!read)
        return std::unexpected(read.error());
    auto row = read->step();
    if (!row)
        return std::unexpected(row.error());
    const std::string workstation = read->optionalText(0).value_or("1");
    const std::int64_t next = std::stoll(read->optionalText(1).value_or("1"));
    const std::string prefix = read->optionalText(2).value_or("");
    if (next > 9'999'999 || workstation.size() > 2)
        return fail(ErrorCode::Conflict, "mrn", Rule::NumbersUsedUp);
    // Workstation number first (two digits), then a seven-digit sequence: offline workstations never
    // hand out the same MRN, and the Luhn check digit catches a mistyped one.
    const std::string seq = std::to_string(next);
    const std::string body =
        std::string(2 - workstation.size(), '0') + workstation + std::string(7 - seq.size(), '0') + seq;
    auto save =
        m_session.db().prepare("INSERT OR REPLACE INTO workstation_setting (key, value) VALUES ('next_mrn', ?);");
    if (!save)
        return std::unexpected(save.error());
    if (Status s = save->bind(1, std::to_string(next + 1)).run(); !s)
        return std::unexpected(s.error());
    return prefix + body + luhnCheckDigit(body);
}

Result<std::optional<std::string>> PatientStore::claimMrn(const std::string& mrn)
{
    auto read =
        m_session.db().prepare("SELECT (SELECT value FROM workstation_setting WHERE key = 'workstation_number'), "
                               "(SELECT value FROM workstation_setting WHERE key = 'next_mrn'), "
                               "(SELECT mrn_prefix FROM clinic LIMIT 1), "
                               "(SELECT count(*) FROM patient WHERE mrn = ?);");
    if (!read)
        return std::unexpected(read.error());
    read->bind(1, mrn);
    auto row = read->step();
    if (!row)
        return std::unexpected(row.error());
    const std::string workstation = read->optionalText(0).value_or("1");
    const std::int64_t next = std::stoll(read->optionalText(1).value_or("1"));
    const std::string prefix = read->optionalText(2).value_or("");
    const bool taken = read->int64(3) != 0;
    if (taken || workstation.size() > 2 || mrn.size() != prefix.size() + 10 ||
        mrn.compare(0, prefix.size(), prefix) != 0)
        return std::optional<std::string>();
    const std::string digits = mrn.substr(prefix.size());
    if (digitsOnly(digits) != digits)
        return std::optional<std::string>();
    const std::string body = digits.substr(0, 9);
    const std::string ours = std::string(2 - workstation.size(), '0') + workstation;
    if (body.compare(0, 2, ours) != 0 || luhnCheckDigit(body) != digits[9])
        return std::optional<std::string>();
    const std::int64_t seq = std::stoll(body.substr(2));
    if (seq >= next) {
        auto save =
            m_session.db().prepare("INSERT OR REPLACE INTO workstation_setting (key, value) VALUES ('next_mrn', ?);");
        if (!save)
            return std::unexpected(save.error());
        if (Status s = save->bind(1, std::to_string(seq + 1)).run(); !s)
            return std::unexpected(s.error());
    }
    return std::optional<std::string>(mrn);
}

Status PatientStore::writeSearchIndex(const Patient& p, bool replace)
{
    Database& db = m_session.db();
    if (replace) {
        for (const char* sql : {"DELETE FROM patient_name_token WHERE patient_id = ?;",
                                "DELETE FROM patient_phone WHERE patient_id = ?;"}) {
            auto del = db.prepare(sql);
            if (!del)
                return std::unexpected(del.error());
            if (Status s = del->bind(1, p.id).run(); !s)
                return s;
        }
    }
    if (p.status == PatientStatus::Merged)
        return {};
    auto token =
        db.prepare("INSERT OR IGNORE INTO patient_name_token (token, patient_id, search_name) VALUES (?, ?, ?);");
    if (!token)
        return std::unexpected(token.error());
    const std::string folded = searchName(p);
    for (const std::string& t : nameTokens(p)) {
        token->reset();
        if (Status s = token->bind(1, t).bind(2, p.id).bind(3, folded).run(); !s)
            return s;
    }
    auto phone = db.prepare("INSERT OR IGNORE INTO patient_phone (digits, patient_id) VALUES (?, ?);");
    if (!phone)
        return std::unexpected(phone.error());
    for (const auto* number : {&p.phoneMobile, &p.phoneHome, &p.phoneWork}) {
        if (!*number)
            continue;
        phone->reset();
        if (Status s = phone->bind(1, **number).bind(2, p.id).run(); !s)
            return s;
    }
    return {};
}

Result<Patient> PatientStore::create(Patient p)
{
    return createWith(std::move(p), false);
}

Result<Patient> PatientStore::createKeepingMrn(Patient p)
{
    return createWith(std::move(p), true);
}

Result<Patient> PatientStore::createWith(Patient p, bool keepMrn)
{
    const std::string givenMrn = trimmed(p.mrn);
    if (Status perm = m_session.require(Permission::PatientWrite); !perm)
        return std::unexpected(perm.error());
    auto clinic = ClinicStore(m_session).get();
    const std::string today = isoDateIn(m_session.clock().nowMs(), clinic ? clinic->timeZone : "UTC");
    p.status = p.status == PatientStatus::Merged ? PatientStatus::Active : p.status;
    p.mergedInto.reset();
    if (Status v = PatientValidator::normalizeAndValidate(p, today); !v)
        return std::unexpected(v.error());

    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    p.id = m_session.newId();
    std::optional<std::string> kept;
    if (keepMrn && !givenMrn.empty()) {
        auto claimed = claimMrn(givenMrn);
        if (!claimed)
            return std::unexpected(claimed.error());
        kept = *claimed;
    }
    if (kept) {
        p.mrn = *kept;
    } else {
        auto mrn = nextMrn();
        if (!mrn)
            return std::unexpected(mrn.error());
        p.mrn = *mrn;
    }
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    p.updatedHlc = *hlc;

    // The search name is written with the row; the audit event names the new MRN.
    if (Status s = m_session.journal().writeRow(
            patientRow().table(), p.id, patientRow().fields(p), true, *hlc,
            ChangeJournal::RowWrite{.derived = {{"search_name", searchName(p)}}, .auditDetail = p.mrn});
        !s)
        return std::unexpected(s.error());
    if (Status s = writeSearchIndex(p, false); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return p;
}

Status PatientStore::update(Patient p)
{
    if (Status perm = m_session.require(Permission::PatientWrite); !perm)
        return perm;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    const auto& binding = patientRow();
    auto stmt = m_session.db().prepare(patientSelect() + " WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, p.id);
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "patient", p.id);
    const Patient before = readPatient(*stmt);
    stmt->reset();
    if (before.status == PatientStatus::Merged)
        return fail(ErrorCode::Conflict, "patient", Rule::Merged);
    if (p.status == PatientStatus::Merged)
        return fail(ErrorCode::Validation, "status", Rule::UseMerge);
    // The MRN and the merge trail are the store's to assign, never the caller's.
    p.mrn = before.mrn;
    p.mergedInto = before.mergedInto;
    auto clinic = ClinicStore(m_session).get();
    const std::string today = isoDateIn(m_session.clock().nowMs(), clinic ? clinic->timeZone : "UTC");
    if (Status v = PatientValidator::normalizeAndValidate(p, today); !v)
        return v;

    const auto changed = changedFields(binding.fields(before), binding.fields(p));
    if (changed.empty())
        return tx.commit();
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    if (Status s = m_session.journal().writeRow(
            binding.table(), p.id, changed, false, *hlc,
            ChangeJournal::RowWrite{.baseHlc = before.updatedHlc, .derived = {{"search_name", searchName(p)}}});
        !s)
        return s;
    if (Status s = writeSearchIndex(p, true); !s)
        return s;
    return tx.commit();
}

Result<Patient> PatientStore::fetch(const char* where, const std::string& value)
{
    if (Status perm = m_session.require(Permission::PatientRead); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto stmt = m_session.db().prepare(patientSelect() + " WHERE " + where + " = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, value);
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "patient", value);
    Patient p = readPatient(*stmt);
    stmt->reset();
    if (Status s = m_session.journal().audit(AuditAction::Read, "patient", p.id); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return p;
}

Status PatientStore::reindexAfterSync(const std::string& id, bool fresh)
{
    auto stmt = m_session.db().prepare(patientSelect() + " WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return {};
    const Patient p = readPatient(*stmt);
    stmt->reset();
    auto upd = m_session.db().prepare("UPDATE patient SET search_name = ? WHERE id = ?;");
    if (!upd)
        return std::unexpected(upd.error());
    if (Status s = upd->bind(1, searchName(p)).bind(2, id).run(); !s)
        return s;
    return writeSearchIndex(p, !fresh);
}

Result<Patient> PatientStore::get(const std::string& id)
{
    return fetch("id", id);
}

Result<Patient> PatientStore::getByMrn(const std::string& mrn)
{
    return fetch("mrn", trimmed(mrn));
}

Result<MergeOutcome> PatientStore::merge(const std::string& survivorId, const std::string& mergedId)
{
    if (Status perm = m_session.require(Permission::PatientMerge); !perm)
        return std::unexpected(perm.error());
    if (survivorId == mergedId)
        return fail(ErrorCode::Validation, "merged_id", Rule::MergeIntoItself);
    Database& db = m_session.db();
    Transaction tx(db);
    if (!tx.begun())
        return std::unexpected(tx.begun().error());

    auto load = [&](const std::string& id) -> Result<Patient> {
        auto stmt = db.prepare(patientSelect() + " WHERE id = ?;");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, id);
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return fail(ErrorCode::NotFound, "patient", id);
        return readPatient(*stmt);
    };
    auto survivor = load(survivorId);
    if (!survivor)
        return std::unexpected(survivor.error());
    auto merged = load(mergedId);
    if (!merged)
        return std::unexpected(merged.error());
    if (survivor->status == PatientStatus::Merged)
        return fail(ErrorCode::Conflict, "survivor_id", Rule::AlreadyMerged);
    if (merged->status == PatientStatus::Merged)
        return fail(ErrorCode::Conflict, "merged_id", Rule::AlreadyMerged);

    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    MergeOutcome outcome;
    outcome.mergeId = m_session.newId();
    Poco::JSON::Object moved(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const Reference& ref : references()) {
        std::vector<std::string> ids;
        auto select = db.prepare(std::string("SELECT id FROM ") + ref.table + " WHERE " + ref.column + " = ?;");
        if (!select)
            return std::unexpected(select.error());
        select->bind(1, mergedId);
        while (true) {
            auto row = select->step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                break;
            ids.push_back(select->text(0));
        }
        Poco::JSON::Array list;
        for (const std::string& id : ids) {
            // The merge is audited as one event below; each moved record is a stamped, synced edit.
            if (Status s = m_session.journal().writeRow(ref.table, id, {{ref.column, survivorId}}, false, *hlc,
                                                        ChangeJournal::RowWrite{.audited = false});
                !s)
                return std::unexpected(s.error());
            list.add(id);
            outcome.movedRecords += 1;
        }
        moved.set(ref.table, list);
    }

    const std::vector<FieldValue> retired = {{"status", patientStatusName(PatientStatus::Merged)},
                                             {"merged_into", survivorId}};
    if (Status s =
            m_session.journal().writeRow(patientRow().table(), mergedId, retired, false, *hlc,
                                         ChangeJournal::RowWrite{.baseHlc = merged->updatedHlc, .audited = false});
        !s)
        return std::unexpected(s.error());
    merged->status = PatientStatus::Merged;
    if (Status s = writeSearchIndex(*merged, true); !s)
        return std::unexpected(s.error());

    std::ostringstream movedJson;
    moved.stringify(movedJson);
    const PatientMerge trail{.id = outcome.mergeId,
                             .survivorId = survivorId,
                             .mergedId = mergedId,
                             .mergedAtMs = m_session.clock().nowMs(),
                             .mergedBy = m_session.actor().userId,
                             .moved = movedJson.str()};
    const auto& trailRow = patientMergeRow();
    if (Status s = m_session.journal().writeRow(trailRow.table(), trail.id, trailRow.fields(trail), true, *hlc,
                                                ChangeJournal::RowWrite{.audited = false});
        !s)
        return std::unexpected(s.error());
    const std::string detail = merged->mrn + " into " + survivor->mrn;
    if (Status s = m_session.journal().audit(AuditAction::Merge, "patient", survivorId, detail); !s)
        return std::unexpected(s.error());
    if (Status s = m_session.journal().audit(AuditAction::Merge, "patient", mergedId, detail); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return outcome;
}

Result<std::int64_t> PatientStore::count()
{
    if (Status perm = m_session.require(Permission::PatientRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare("SELECT count(*) FROM patient WHERE status != 'merged';");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->scalar();
}

} // namespace practica::core
