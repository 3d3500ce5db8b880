#include "LabImport.h"

#include "core/auth/Session.h"
#include "core/records/RecordIo.h"
#include "core/chart/ClinicalListStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Transaction.h"
#include "core/hl7/Hl7Message.h"
#include "core/patients/PatientRows.h"
#include "core/schedule/ClinicTime.h"
#include "core/sync/SyncChange.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <sodium.h>

namespace practica::core {

namespace {

constexpr const char* kHeldTable = "lab_import_held";

bool isBatchSegment(std::string_view line)
{
    const std::string_view name = line.substr(0, 3);
    return name == "FHS" || name == "BHS" || name == "BTS" || name == "FTS";
}

// The text of each message of the file, split exactly as parseOruFile splits it (from an MSH, or a line
// before any, to the next MSH or batch segment), so that the i-th text belongs to the i-th outcome.
std::vector<std::pair<std::string, int>> messageTexts(std::string_view text)
{
    std::vector<Hl7Line> lines;
    for (const Hl7Line& line : splitHl7Lines(text))
        if (line.text.find_first_not_of(" \t") != std::string_view::npos)
            lines.push_back(line);
    std::vector<std::pair<std::string, int>> out;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (isBatchSegment(lines[i].text)) {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < lines.size() && !lines[end].text.starts_with("MSH") && !isBatchSegment(lines[end].text))
            ++end;
        std::string message;
        for (std::size_t j = i; j < end; ++j)
            message.append(lines[j].text).append("\r");
        out.emplace_back(std::move(message), lines[i].number);
        i = end;
    }
    return out;
}

std::string sha256Hex(std::string_view text)
{
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : hash) {
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 15]);
    }
    return out;
}

std::string resultStatusName(const std::string& hl7)
{
    if (hl7 == "C")
        return "corrected";
    if (hl7 == "P" || hl7 == "R" || hl7 == "I" || hl7 == "S")
        return "preliminary";
    if (hl7 == "X")
        return "cancelled";
    if (hl7 == "W" || hl7 == "D")
        return "entered_in_error";
    return "final"; // F, and U (changed to final without retransmitting)
}

std::optional<std::string> abnormalFlag(const std::vector<std::string>& flags)
{
    static const std::vector<std::string> kKnown = {"N", "L", "H", "LL", "HH", "A", "AA"};
    for (const std::string& f : flags)
        if (std::find(kKnown.begin(), kKnown.end(), f) != kKnown.end())
            return f;
    return std::nullopt;
}

std::optional<std::string> nonEmpty(const std::string& s)
{
    return s.empty() ? std::nullopt : std::optional(s);
}

std::string joinLines(const std::vector<std::string>& notes)
{
    std::string out;
    for (const std::string& n : notes)
        out.append(out.empty() ? "" : "\n").append(n);
    return out;
}

ErrorParams issueParams(const OruIssue& issue)
{
    ErrorParams p;
    if (!issue.segment.empty())
        p["segment"] = issue.segment;
    if (issue.segmentIndex > 0)
        p["segment_index"] = std::to_string(issue.segmentIndex);
    if (issue.line > 0)
        p["line"] = std::to_string(issue.line);
    if (issue.field > 0)
        p["field"] = std::to_string(issue.field);
    if (!issue.value.empty())
        p["value"] = issue.value;
    return p;
}

ErrorParams patientParams(const OruPatient& patient)
{
    ErrorParams p;
    for (const OruPatientId& id : patient.identifiers)
        if (id.typeCode == "MR") {
            p["mrn"] = id.id;
            break;
        }
    if (!patient.familyName.empty())
        p["family_name"] = patient.familyName;
    if (!patient.givenName.empty())
        p["given_name"] = patient.givenName;
    if (!patient.birthDate.empty())
        p["birth_date"] = patient.birthDate;
    return p;
}

bool samePerson(const Patient& p, const OruPatient& sent)
{
    return foldForSearch(p.familyName) == foldForSearch(sent.familyName) &&
           foldForSearch(p.givenName) == foldForSearch(sent.givenName) && p.dateOfBirth == sent.birthDate;
}

} // namespace

int LabImportReport::count(LabMessageOutcome::Kind kind) const
{
    return static_cast<int>(
        std::count_if(messages.begin(), messages.end(), [&](const LabMessageOutcome& m) { return m.kind == kind; }));
}

struct LabImport::Match
{
    std::optional<std::string> patientId;
    std::string reason; // when there is no patient
    ErrorParams params;
};

Result<LabImport::Match> LabImport::matchPatient(const OruPatient& sent)
{
    const auto& row = patientRow();
    for (const OruPatientId& id : sent.identifiers) {
        if (id.typeCode != "MR" || id.id.empty())
            continue;
        auto byMrn = records::listRecords(m_session, row, "mrn = ?", id.id, "id");
        if (!byMrn)
            return std::unexpected(byMrn.error());
        if (byMrn->empty())
            continue;
        Patient p = byMrn->front();
        if (p.status == PatientStatus::Merged && p.mergedInto) {
            auto survivor = records::loadRecord(m_session, row, *p.mergedInto);
            if (!survivor)
                return std::unexpected(survivor.error());
            p = *survivor;
        }
        if (!samePerson(p, sent)) {
            ErrorParams params = patientParams(sent);
            params["mrn"] = id.id;
            params["patient"] = p.id;
            return Match{std::nullopt, std::string(kHeldPatientMismatch), std::move(params)};
        }
        return Match{p.id, {}, {}};
    }
    // No MRN of ours: the one active patient with the same family name, given name and birth date.
    auto sameBirth =
        records::listRecords(m_session, row, "date_of_birth = ? AND status = 'active'", sent.birthDate, "id");
    if (!sameBirth)
        return std::unexpected(sameBirth.error());
    std::vector<std::string> fits;
    for (const Patient& p : *sameBirth)
        if (samePerson(p, sent))
            fits.push_back(p.id);
    if (fits.size() == 1)
        return Match{fits.front(), {}, {}};
    ErrorParams params = patientParams(sent);
    if (fits.empty())
        return Match{std::nullopt, std::string(kHeldUnmatchedPatient), std::move(params)};
    params["count"] = std::to_string(fits.size());
    return Match{std::nullopt, std::string(kHeldAmbiguousPatient), std::move(params)};
}

Result<std::vector<LabResult>> LabImport::resultsOf(const OruResult& message, const std::string& patientId)
{
    auto clinic = ClinicStore(m_session).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    auto zone = ClinicTime::forZone(clinic->timeZone);
    if (!zone)
        return std::unexpected(zone.error());
    // A time without an offset is the clinic's wall-clock time; without any time, the message's, else now.
    auto instant = [&](const std::optional<Hl7Timestamp>& given) -> Result<std::int64_t> {
        const std::optional<Hl7Timestamp>& t = given ? given : message.sentAt;
        if (!t)
            return m_session.clock().nowMs();
        if (t->hasOffset)
            return t->epochMs;
        constexpr std::int64_t kDayMs = 86'400'000;
        const std::int64_t wall = t->epochMs;
        const std::int64_t days = wall >= 0 ? wall / kDayMs : (wall - kDayMs + 1) / kDayMs;
        const std::int64_t inDay = wall - days * kDayMs;
        const std::string day = isoDateUtc(days * kDayMs);
        const int minute = static_cast<int>(inDay / 60'000);
        auto start = zone->toUtc(day, minute);
        if (!start && minute + 60 < 24 * 60) // a time the spring change skips: the lab's clock had not moved on
            if (auto later = zone->toUtc(day, minute + 60))
                start = *later - 3'600'000;
        if (!start)
            return std::unexpected(start.error());
        return *start + inDay % 60'000;
    };
    std::vector<LabResult> out;
    for (const OruOrder& order : message.orders) {
        const std::string accession =
            !order.fillerOrderNumber.empty() ? order.fillerOrderNumber : order.placerOrderNumber;
        for (const OruObservation& obx : order.observations) {
            LabResult r;
            r.patientId = patientId;
            if (obx.identifier.system == "LN" && !obx.identifier.code.empty())
                r.loincCode = obx.identifier.code;
            r.name = !obx.identifier.text.empty() ? obx.identifier.text : obx.identifier.code;
            r.value = obx.comparator.empty() || obx.comparator == "=" ? obx.value : obx.comparator + obx.value;
            r.unit = nonEmpty(obx.units);
            r.referenceRange = nonEmpty(obx.referenceRange);
            r.abnormalFlag = abnormalFlag(obx.abnormalFlags);
            r.resultStatus = resultStatusName(obx.resultStatus);
            auto at = instant(obx.observedAt ? obx.observedAt : order.observedAt);
            if (!at)
                return std::unexpected(at.error());
            r.collectedAtMs = *at;
            r.accession = nonEmpty(accession);
            r.source =
                nonEmpty(!message.sendingFacility.empty() ? message.sendingFacility : message.sendingApplication);
            r.messageId = nonEmpty(message.controlId);
            std::vector<std::string> notes = message.notes;
            notes.insert(notes.end(), order.notes.begin(), order.notes.end());
            notes.insert(notes.end(), obx.notes.begin(), obx.notes.end());
            r.note = nonEmpty(joinLines(notes));
            out.push_back(std::move(r));
        }
    }
    return out;
}

Result<LabMessageOutcome> LabImport::hold(const std::string& text, const std::string& fileName,
                                          const std::string& controlId, std::string reason, ErrorParams params)
{
    LabMessageOutcome o;
    o.kind = LabMessageOutcome::Kind::Held;
    o.controlId = controlId;
    o.reason = std::move(reason);
    o.params = std::move(params);
    const std::string hash = sha256Hex(text);
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    // The same message held before and not resolved yet: nothing new to keep.
    auto same = m_session.db().prepare("SELECT id FROM lab_import_held WHERE message_sha256 = ? AND status = 'held';");
    if (!same)
        return std::unexpected(same.error());
    auto ids = same->bind(1, hash).all<std::string>([](const Statement& s) { return s.text(0); });
    if (!ids)
        return std::unexpected(ids.error());
    if (!ids->empty()) {
        o.kind = LabMessageOutcome::Kind::Duplicate;
        o.heldId = ids->front();
        return o;
    }
    o.heldId = m_session.newId();
    auto insert = m_session.db().prepare(
        "INSERT INTO lab_import_held (id, file_name, received_at_ms, received_by, control_id, reason, params, "
        "message, message_sha256) VALUES (?,?,?,?,?,?,?,?,?);");
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, o.heldId).bind(2, fileName).bind(3, m_session.clock().nowMs()).bind(4, m_session.actor().userId);
    insert->bind(5, nonEmpty(controlId)).bind(6, o.reason).bind(7, paramsToJson(o.params)).bind(8, text);
    insert->bind(9, hash);
    if (Status s = insert->run(); !s)
        return std::unexpected(s.error());
    if (Status s = m_session.journal().audit(AuditAction::Create, kHeldTable, o.heldId, o.reason); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return o;
}

Result<LabImportReport> LabImport::importFile(std::string_view text, const std::string& fileName)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    const std::vector<OruOutcome> outcomes = parseOruFile(text);
    const auto texts = messageTexts(text);
    ClinicalListStore lists(m_session);
    LabImportReport report;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const std::string raw = i < texts.size() ? texts[i].first : std::string(text);
        const int line = i < texts.size() ? texts[i].second : 1;
        const OruOutcome& parsed = outcomes[i];
        Result<LabMessageOutcome> outcome;
        if (!parsed) {
            outcome = hold(raw, fileName, parsed.error().controlId, std::string(oruProblemName(parsed.error().problem)),
                           issueParams(parsed.error()));
        } else {
            const OruResult& m = *parsed;
            auto known = m.controlId.empty() ? Result<bool>(false) : lists.hasLabMessage(m.controlId);
            if (!known)
                return std::unexpected(known.error());
            if (*known) {
                LabMessageOutcome o;
                o.kind = LabMessageOutcome::Kind::Duplicate;
                o.controlId = m.controlId;
                outcome = o;
            } else if (auto match = matchPatient(m.patient); !match) {
                return std::unexpected(match.error());
            } else if (!match->patientId) {
                outcome = hold(raw, fileName, m.controlId, match->reason, match->params);
            } else {
                auto results = resultsOf(m, *match->patientId);
                if (!results)
                    return std::unexpected(results.error());
                const int count = static_cast<int>(results->size());
                auto saved = lists.saveLabResults(std::move(*results));
                if (!saved &&
                    (saved.error().code == ErrorCode::Validation || saved.error().code == ErrorCode::Conflict)) {
                    ErrorParams params = saved.error().params;
                    params["field"] = saved.error().field;
                    params["rule"] = saved.error().detail;
                    outcome = hold(raw, fileName, m.controlId, std::string(kHeldInvalidResult), std::move(params));
                } else if (!saved) {
                    return std::unexpected(saved.error());
                } else {
                    LabMessageOutcome o;
                    o.kind = LabMessageOutcome::Kind::Imported;
                    o.controlId = m.controlId;
                    o.patientId = *match->patientId;
                    o.results = count;
                    outcome = o;
                }
            }
        }
        if (!outcome)
            return std::unexpected(outcome.error());
        outcome->line = line;
        report.messages.push_back(std::move(*outcome));
    }
    return report;
}

Result<HeldLabMessage> LabImport::loadHeld(const std::string& heldId)
{
    auto stmt = m_session.db().prepare("SELECT id, file_name, received_at_ms, received_by, control_id, reason, params, "
                                       "message, status, patient_id FROM lab_import_held WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, heldId);
    return stmt->one<HeldLabMessage>(
        [](const Statement& s) {
            HeldLabMessage h;
            h.id = s.text(0);
            h.fileName = s.text(1);
            h.receivedAtMs = s.int64(2);
            h.receivedBy = s.text(3);
            h.controlId = s.optionalText(4);
            h.reason = s.text(5);
            h.params = paramsFromJson(s.text(6));
            h.message = s.text(7);
            h.status = s.text(8);
            h.patientId = s.optionalText(9);
            return h;
        },
        kHeldTable, heldId);
}

Result<std::vector<HeldLabMessage>> LabImport::held()
{
    if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    auto stmt =
        m_session.db().prepare("SELECT id FROM lab_import_held WHERE status = 'held' ORDER BY received_at_ms, id;");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto ids = stmt->all<std::string>([](const Statement& s) { return s.text(0); });
    if (!ids)
        return std::unexpected(ids.error());
    std::vector<HeldLabMessage> out;
    for (const std::string& id : *ids) {
        auto h = loadHeld(id);
        if (!h)
            return std::unexpected(h.error());
        out.push_back(std::move(*h));
    }
    return out;
}

Status LabImport::resolve(const std::string& heldId, const std::string& status,
                          const std::optional<std::string>& patientId)
{
    auto update = m_session.db().prepare("UPDATE lab_import_held SET status = ?, patient_id = ?, resolved_at_ms = ?, "
                                         "resolved_by = ? WHERE id = ? AND status = 'held';");
    if (!update)
        return std::unexpected(update.error());
    update->bind(1, status).bind(2, patientId).bind(3, m_session.clock().nowMs()).bind(4, m_session.actor().userId);
    update->bind(5, heldId);
    if (Status s = update->run(); !s)
        return s;
    return m_session.journal().audit(AuditAction::Update, kHeldTable, heldId,
                                     status + (patientId ? " patient=" + *patientId : ""));
}

Result<LabMessageOutcome> LabImport::release(const std::string& heldId, const std::string& patientId)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto h = loadHeld(heldId);
    if (!h)
        return std::unexpected(h.error());
    if (h->status != "held")
        return fail(ErrorCode::Conflict, "status", Rule::StatusTransition, {{"from", h->status}, {"to", "released"}});
    auto patient = records::loadRecord(m_session, patientRow(), patientId);
    if (!patient)
        return std::unexpected(patient.error());
    const std::vector<OruOutcome> parsed = parseOruFile(h->message);
    if (parsed.size() != 1 || !parsed.front())
        return fail(ErrorCode::Validation, "message", Rule::Format, {{"format", "hl7_oru"}, {"reason", h->reason}});
    const OruResult& m = *parsed.front();
    ClinicalListStore lists(m_session);
    if (!m.controlId.empty()) {
        auto known = lists.hasLabMessage(m.controlId);
        if (!known)
            return std::unexpected(known.error());
        if (*known)
            return fail(ErrorCode::Conflict, "message_id", Rule::Unique, {{"value", m.controlId}});
    }
    auto results = resultsOf(m, patientId);
    if (!results)
        return std::unexpected(results.error());
    auto saved = lists.saveLabResults(std::move(*results));
    if (!saved)
        return std::unexpected(saved.error());
    if (Status s = resolve(heldId, "released", patientId); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    LabMessageOutcome o;
    o.kind = LabMessageOutcome::Kind::Imported;
    o.controlId = m.controlId;
    o.patientId = patientId;
    o.results = static_cast<int>(saved->size());
    o.heldId = heldId;
    return o;
}

Status LabImport::discardHeld(const std::string& heldId)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return perm;
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    auto h = loadHeld(heldId);
    if (!h)
        return std::unexpected(h.error());
    if (h->status != "held")
        return fail(ErrorCode::Conflict, "status", Rule::StatusTransition, {{"from", h->status}, {"to", "discarded"}});
    if (Status s = resolve(heldId, "discarded", std::nullopt); !s)
        return s;
    return tx.commit();
}

} // namespace practica::core
