#include "PatientStore.h"

#include "core/auth/Session.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientValidator.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

#include <Poco/JSON/Object.h>
#include <algorithm>
#include <set>
#include <sstream>

namespace practica::core {

namespace {

// Synced columns in a fixed order: the INSERT, UPDATE, SELECT and change records all follow it.
constexpr const char* kColumns[] = {"mrn",
                                    "family_name",
                                    "given_name",
                                    "middle_name",
                                    "suffix",
                                    "preferred_name",
                                    "date_of_birth",
                                    "sex",
                                    "gender_identity",
                                    "pronouns",
                                    "address_line1",
                                    "address_line2",
                                    "city",
                                    "state",
                                    "zip",
                                    "phone_home",
                                    "phone_mobile",
                                    "phone_work",
                                    "email",
                                    "preferred_language",
                                    "emergency_name",
                                    "emergency_relationship",
                                    "emergency_phone",
                                    "guarantor_name",
                                    "guarantor_relationship",
                                    "guarantor_phone",
                                    "status",
                                    "deceased_date",
                                    "merged_into"};
constexpr std::size_t kColumnCount = std::size(kColumns);

std::vector<FieldValue> patientFields(const Patient& p)
{
    const std::optional<std::string> values[] = {p.mrn,
                                                 p.familyName,
                                                 p.givenName,
                                                 p.middleName,
                                                 p.suffix,
                                                 p.preferredName,
                                                 p.dateOfBirth,
                                                 p.sex,
                                                 p.genderIdentity,
                                                 p.pronouns,
                                                 p.addressLine1,
                                                 p.addressLine2,
                                                 p.city,
                                                 p.state,
                                                 p.zip,
                                                 p.phoneHome,
                                                 p.phoneMobile,
                                                 p.phoneWork,
                                                 p.email,
                                                 p.preferredLanguage,
                                                 p.emergencyName,
                                                 p.emergencyRelationship,
                                                 p.emergencyPhone,
                                                 p.guarantorName,
                                                 p.guarantorRelationship,
                                                 p.guarantorPhone,
                                                 patientStatusName(p.status),
                                                 p.deceasedDate,
                                                 p.mergedInto};
    static_assert(std::size(values) == kColumnCount);
    std::vector<FieldValue> fields;
    fields.reserve(kColumnCount);
    for (std::size_t i = 0; i < kColumnCount; ++i)
        fields.push_back({kColumns[i], values[i]});
    return fields;
}

std::string selectColumns()
{
    std::string s = "id";
    for (const char* c : kColumns)
        s.append(", ").append(c);
    return s.append(", updated_hlc, field_hlc");
}

Patient readPatient(const Statement& s)
{
    Patient p;
    int i = 0;
    p.id = s.text(i++);
    p.mrn = s.text(i++);
    p.familyName = s.text(i++);
    p.givenName = s.text(i++);
    p.middleName = s.optionalText(i++);
    p.suffix = s.optionalText(i++);
    p.preferredName = s.optionalText(i++);
    p.dateOfBirth = s.text(i++);
    p.sex = s.text(i++);
    p.genderIdentity = s.optionalText(i++);
    p.pronouns = s.optionalText(i++);
    p.addressLine1 = s.optionalText(i++);
    p.addressLine2 = s.optionalText(i++);
    p.city = s.optionalText(i++);
    p.state = s.optionalText(i++);
    p.zip = s.optionalText(i++);
    p.phoneHome = s.optionalText(i++);
    p.phoneMobile = s.optionalText(i++);
    p.phoneWork = s.optionalText(i++);
    p.email = s.optionalText(i++);
    p.preferredLanguage = s.optionalText(i++);
    p.emergencyName = s.optionalText(i++);
    p.emergencyRelationship = s.optionalText(i++);
    p.emergencyPhone = s.optionalText(i++);
    p.guarantorName = s.optionalText(i++);
    p.guarantorRelationship = s.optionalText(i++);
    p.guarantorPhone = s.optionalText(i++);
    p.status = patientStatusFromName(s.text(i++)).value_or(PatientStatus::Active);
    p.deceasedDate = s.optionalText(i++);
    p.mergedInto = s.optionalText(i++);
    p.updatedHlc = s.text(i++);
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
    auto mrn = nextMrn();
    if (!mrn)
        return std::unexpected(mrn.error());
    p.mrn = *mrn;
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    p.updatedHlc = *hlc;

    const auto fields = patientFields(p);
    std::string sql = "INSERT INTO patient (id, search_name, created_hlc, updated_hlc";
    for (const char* c : kColumns)
        sql.append(", ").append(c);
    sql.append(") VALUES (?, ?, ?, ?");
    for (std::size_t i = 0; i < kColumnCount; ++i)
        sql.append(", ?");
    sql.append(");");
    auto insert = m_session.db().prepare(sql);
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, p.id).bind(2, searchName(p)).bind(3, *hlc).bind(4, *hlc);
    for (std::size_t i = 0; i < fields.size(); ++i)
        insert->bind(static_cast<int>(i + 5), fields[i].value);
    if (Status s = insert->run(); !s)
        return std::unexpected(s.error());
    if (Status s = writeSearchIndex(p, false); !s)
        return std::unexpected(s.error());
    if (Status s = m_session.journal().recordChange("patient", p.id, ChangeOp::Upsert, fields, *hlc); !s)
        return std::unexpected(s.error());
    if (Status s = m_session.journal().audit(AuditAction::Create, "patient", p.id, p.mrn); !s)
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
    auto stmt = m_session.db().prepare("SELECT " + selectColumns() + " FROM patient WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, p.id);
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "patient", p.id);
    const Patient before = readPatient(*stmt);
    const std::string fieldHlc = stmt->text(static_cast<int>(kColumnCount) + 2);
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

    const auto changed = changedFields(patientFields(before), patientFields(p));
    if (changed.empty())
        return tx.commit();
    auto hlc = m_session.journal().stamp();
    if (!hlc)
        return std::unexpected(hlc.error());
    std::string sql = "UPDATE patient SET search_name = ?, updated_hlc = ?, field_hlc = ?";
    for (const FieldValue& f : changed)
        sql.append(", ").append(f.name).append(" = ?");
    sql.append(" WHERE id = ?;");
    auto upd = m_session.db().prepare(sql);
    if (!upd)
        return std::unexpected(upd.error());
    upd->bind(1, searchName(p)).bind(2, *hlc).bind(3, stampFieldVersions(fieldHlc, changed, *hlc));
    int index = 4;
    for (const FieldValue& f : changed)
        upd->bind(index++, f.value);
    upd->bind(index, p.id);
    if (Status s = upd->run(); !s)
        return s;
    if (Status s = writeSearchIndex(p, true); !s)
        return s;
    if (Status s =
            m_session.journal().recordChange("patient", p.id, ChangeOp::Upsert, changed, *hlc, before.updatedHlc);
        !s)
        return s;
    std::string names;
    for (const FieldValue& f : changed)
        names.append(names.empty() ? "" : ",").append(f.name);
    if (Status s = m_session.journal().audit(AuditAction::Update, "patient", p.id, names); !s)
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
    std::string sql = "SELECT " + selectColumns() + " FROM patient WHERE ";
    sql.append(where).append(" = ?;");
    auto stmt = m_session.db().prepare(sql);
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
    auto stmt = m_session.db().prepare("SELECT " + selectColumns() + " FROM patient WHERE id = ?;");
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
        auto stmt = db.prepare("SELECT " + selectColumns() + " FROM patient WHERE id = ?;");
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
        auto update = db.prepare(std::string("UPDATE ") + ref.table + " SET " + ref.column +
                                 " = ?, updated_hlc = ? WHERE id = ?;");
        if (!update)
            return std::unexpected(update.error());
        Poco::JSON::Array list;
        for (const std::string& id : ids) {
            update->reset();
            if (Status s = update->bind(1, survivorId).bind(2, *hlc).bind(3, id).run(); !s)
                return std::unexpected(s.error());
            if (Status s = m_session.journal().recordChange(ref.table, id, ChangeOp::Upsert, {{ref.column, survivorId}},
                                                            *hlc, *hlc);
                !s)
                return std::unexpected(s.error());
            list.add(id);
            outcome.movedRecords += 1;
        }
        moved.set(ref.table, list);
    }

    auto retire = db.prepare("UPDATE patient SET status = 'merged', merged_into = ?, updated_hlc = ? WHERE id = ?;");
    if (!retire)
        return std::unexpected(retire.error());
    if (Status s = retire->bind(1, survivorId).bind(2, *hlc).bind(3, mergedId).run(); !s)
        return std::unexpected(s.error());
    merged->status = PatientStatus::Merged;
    if (Status s = writeSearchIndex(*merged, true); !s)
        return std::unexpected(s.error());
    if (Status s = m_session.journal().recordChange("patient", mergedId, ChangeOp::Upsert,
                                                    {{"status", std::string("merged")}, {"merged_into", survivorId}},
                                                    *hlc, merged->updatedHlc);
        !s)
        return std::unexpected(s.error());

    std::ostringstream movedJson;
    moved.stringify(movedJson);
    const std::int64_t mergedAtMs = m_session.clock().nowMs();
    auto trail = db.prepare("INSERT INTO patient_merge (id, survivor_id, merged_id, merged_at_ms, merged_by, moved, "
                            "created_hlc) VALUES (?,?,?,?,?,?,?);");
    if (!trail)
        return std::unexpected(trail.error());
    trail->bind(1, outcome.mergeId).bind(2, survivorId).bind(3, mergedId).bind(4, mergedAtMs);
    trail->bind(5, m_session.actor().userId).bind(6, movedJson.str()).bind(7, *hlc);
    if (Status s = trail->run(); !s)
        return std::unexpected(s.error());
    if (Status s = m_session.journal().recordChange("patient_merge", outcome.mergeId, ChangeOp::Upsert,
                                                    {{"survivor_id", survivorId},
                                                     {"merged_id", mergedId},
                                                     {"merged_at_ms", std::to_string(mergedAtMs)},
                                                     {"merged_by", m_session.actor().userId},
                                                     {"moved", movedJson.str()}},
                                                    *hlc);
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
