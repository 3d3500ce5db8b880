#include "ClaimBatchStore.h"

#include "core/auth/Session.h"
#include "core/billing/BillingRows.h"
#include "core/billing/ClaimStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/crypto/Sha256.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientRows.h"
#include "core/records/RecordIo.h"
#include "core/schedule/ClinicTime.h"
#include "core/schedule/ScheduleRows.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <filesystem>
#include <regex>

namespace practica::core {

using records::listRecords;
using records::loadRecord;
using records::writeRecord;

namespace {

std::string digitsOf(std::string_view s)
{
    std::string out;
    for (char c : s)
        if (c >= '0' && c <= '9')
            out += c;
    return out;
}

// "Family, Given Middle" or "Given Middle Family".
X12Name personName(const std::string& full)
{
    X12Name n;
    const auto comma = full.find(',');
    std::string given;
    if (comma != std::string::npos) {
        n.lastOrOrganization = full.substr(0, comma);
        given = full.substr(comma + 1);
    } else {
        const auto space = full.find_last_of(' ');
        n.lastOrOrganization = space == std::string::npos ? full : full.substr(space + 1);
        given = space == std::string::npos ? std::string() : full.substr(0, space);
    }
    while (!given.empty() && given.front() == ' ')
        given.erase(0, 1);
    const auto space = given.find(' ');
    n.first = given.substr(0, space);
    if (space != std::string::npos)
        n.middle = given.substr(space + 1);
    return n;
}

std::string sexCode(const std::string& sex)
{
    return sex == "female" ? "F" : sex == "male" ? "M" : "U";
}

std::string relationshipCode(const std::string& relationship)
{
    return relationship == "spouse" ? "01" : relationship == "child" ? "19" : "G8";
}

X12Address addressOf(const Patient& p)
{
    return {p.addressLine1.value_or(""), p.addressLine2.value_or(""), p.city.value_or(""), p.state.value_or(""),
            digitsOf(p.zip.value_or(""))};
}

} // namespace

Result<std::int64_t> nextInterchangeControl(Session& session)
{
    auto read = session.db().prepare("SELECT (SELECT value FROM workstation_setting WHERE key = 'workstation_number'), "
                                     "(SELECT value FROM workstation_setting WHERE key = 'next_interchange');");
    if (!read)
        return std::unexpected(read.error());
    auto row = read->step();
    if (!row)
        return std::unexpected(row.error());
    const std::int64_t workstation = std::stoll(read->optionalText(0).value_or("1"));
    const std::int64_t next = std::stoll(read->optionalText(1).value_or("1"));
    read->reset();
    if (next > 9'999'999 || workstation > 99 || workstation < 0)
        return fail(ErrorCode::Conflict, "interchange_control", Rule::NumbersUsedUp);
    auto save =
        session.db().prepare("INSERT OR REPLACE INTO workstation_setting (key, value) VALUES ('next_interchange', ?);");
    if (!save)
        return std::unexpected(save.error());
    if (Status s = save->bind(1, std::to_string(next + 1)).run(); !s)
        return std::unexpected(s.error());
    // Workstation 0 would give numbers below ten million: the clinic's first desk is 1.
    return std::max<std::int64_t>(workstation, 1) * 10'000'000 + next;
}

namespace {

Status setWorkstationSetting(Session& session, const char* key, const std::optional<std::string>& value)
{
    auto stmt = value ? session.db().prepare("INSERT OR REPLACE INTO workstation_setting (key, value) VALUES (?, ?);")
                      : session.db().prepare("DELETE FROM workstation_setting WHERE key = ? AND ? IS NULL;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, std::string(key)).bind(2, value);
    return stmt->run();
}

Result<std::optional<std::string>> workstationSetting(Session& session, const char* key)
{
    auto stmt = session.db().prepare("SELECT value FROM workstation_setting WHERE key = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, std::string(key));
    auto values = stmt->all<std::string>([](const Statement& s) { return s.text(0); });
    if (!values)
        return std::unexpected(values.error());
    return values->empty() ? std::optional<std::string>() : std::optional<std::string>(values->front());
}

} // namespace

Status ClaimBatchStore::rememberPassword(const std::optional<std::string>& password)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return perm;
    return setWorkstationSetting(m_session, "clearinghouse_password", password);
}

Result<std::optional<std::string>> ClaimBatchStore::rememberedPassword()
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return std::unexpected(perm.error());
    return workstationSetting(m_session, "clearinghouse_password");
}

Status ClaimBatchStore::setKeyFile(const std::optional<std::string>& path)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return perm;
    if (path && (path->empty() || !std::filesystem::path(*path).is_absolute()))
        return fail(ErrorCode::Validation, "key_file", Rule::Format, {{"format", "absolute_path"}});
    return setWorkstationSetting(m_session, "clearinghouse_key_file", path);
}

Result<std::optional<std::string>> ClaimBatchStore::keyFile()
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return std::unexpected(perm.error());
    return workstationSetting(m_session, "clearinghouse_key_file");
}

Status checkClearinghouseTransport(const Clearinghouse& settings, bool complete)
{
    auto blank = [&](const std::optional<std::string>& v) { return complete && (!v || v->empty()); };
    if (settings.transport == "file")
        return {};
    if (blank(settings.endpoint))
        return fail(ErrorCode::Validation, "endpoint", Rule::Required);
    if (!settings.endpoint || settings.endpoint->empty())
        return {};
    const std::string& endpoint = *settings.endpoint;
    if (settings.transport == "caqh") {
        if (endpoint.rfind("https://", 0) != 0 && endpoint.rfind("http://127.0.0.1:", 0) != 0)
            return fail(ErrorCode::Validation, "endpoint", Rule::Format, {{"format", "https_url"}});
        return {};
    }
    // sftp://HOST[:PORT], nothing after: the folders are fields of their own.
    static const std::regex sftp(R"(^sftp://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?$)");
    if (!std::regex_match(endpoint, sftp))
        return fail(ErrorCode::Validation, "endpoint", Rule::Format, {{"format", "sftp_url"}});
    if (blank(settings.username))
        return fail(ErrorCode::Validation, "username", Rule::Required);
    if (blank(settings.uploadDir))
        return fail(ErrorCode::Validation, "upload_dir", Rule::Required);
    if (blank(settings.downloadDir))
        return fail(ErrorCode::Validation, "download_dir", Rule::Required);
    if (blank(settings.hostKey))
        return fail(ErrorCode::Validation, "host_key", Rule::Required);
    return {};
}

Result<Clearinghouse> ClaimBatchStore::clearinghouse()
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    auto found = listRecords(m_session, clearinghouseRow(), "active = 1 AND ? = ''", std::string(), "id LIMIT 1");
    if (!found)
        return std::unexpected(found.error());
    if (found->empty())
        return fail(ErrorCode::NotFound, "clearinghouse", "");
    return found->front();
}

Result<Clearinghouse> ClaimBatchStore::saveClearinghouse(Clearinghouse settings)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    std::optional<Clearinghouse> before;
    if (settings.id.empty()) {
        auto current = clearinghouse();
        if (current)
            settings.id = current->id, before = *current;
        else if (current.error().code != ErrorCode::NotFound)
            return std::unexpected(current.error());
        else
            settings.id = m_session.newId();
    } else if (auto found = loadRecord(m_session, clearinghouseRow(), settings.id)) {
        before = *found;
    } else if (found.error().code != ErrorCode::NotFound) {
        return std::unexpected(found.error());
    }
    if (Status s = checkClearinghouseTransport(settings, false); !s)
        return std::unexpected(s.error());
    if (Status s = writeRecord(m_session, clearinghouseRow(), settings.id, settings, before); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return settings;
}

Result<Claim837> ClaimBatchStore::claim837(const Claim& claim)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    auto lines = ClaimStore(m_session).lines(claim.id);
    auto patient = loadRecord(m_session, patientRow(), claim.patientId);
    auto coverage = loadRecord(m_session, coverageRow(), claim.coverageId);
    auto provider = loadRecord(m_session, providerRow(), claim.renderingProviderId);
    auto clinic = ClinicStore(m_session).get();
    if (!lines || !patient || !coverage || !provider || !clinic)
        return std::unexpected(!lines      ? lines.error()
                               : !patient  ? patient.error()
                               : !coverage ? coverage.error()
                               : !provider ? provider.error()
                                           : clinic.error());
    auto payer = loadRecord(m_session, payerRow(), coverage->payerId);
    if (!payer)
        return std::unexpected(payer.error());

    Claim837 c;
    c.patientControlNumber = claim.patientControlNumber;
    c.placeOfService = claim.placeOfService;
    c.frequency = claim.frequency;
    c.payerClaimNumber = claim.payerClaimNumber.value_or("");
    c.payerResponsibility = coverage->rank == "secondary" ? "S" : coverage->rank == "tertiary" ? "T" : "P";
    c.filingIndicator = claim.filingIndicator;
    c.groupNumber = coverage->groupNumber.value_or("");
    c.memberId = coverage->memberId;
    Claim837Person person;
    person.name = {patient->familyName, patient->givenName, patient->middleName.value_or(""), true};
    person.birthDate = patient->dateOfBirth;
    person.sex = sexCode(patient->sex);
    person.address = addressOf(*patient);
    c.patientIsSubscriber = coverage->relationship == "self";
    if (c.patientIsSubscriber) {
        c.subscriber = person;
    } else {
        c.subscriber.name = personName(coverage->subscriberName);
        c.subscriber.birthDate = coverage->subscriberBirthDate.value_or("");
        c.subscriber.sex = "U";
        c.patient = person;
        c.relationship = relationshipCode(coverage->relationship);
    }
    c.payerName = payer->name;
    c.payerId = payer->payerCode;
    c.billing.name = {clinic->name, {}, {}, false};
    c.billing.npi = clinic->npi;
    c.billing.taxId = digitsOf(clinic->taxId);
    c.billing.address = {clinic->addressLine1, clinic->addressLine2.value_or(""), clinic->city, clinic->state,
                         digitsOf(clinic->zip)};
    Claim837Provider rendering;
    rendering.name = personName(provider->name);
    rendering.npi = provider->npi.value_or("");
    c.rendering = rendering;
    c.diagnoses = splitList(claim.diagnoses);
    for (const ClaimLine& l : *lines) {
        Claim837Line line;
        line.code = l.code;
        line.modifiers = splitList(l.modifiers);
        line.chargeCents = l.chargeCents;
        line.units = l.units;
        for (const std::string& p : splitList(l.pointers))
            line.pointers.push_back(std::all_of(p.begin(), p.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
                                            p.size() <= 2
                                        ? std::stoi(p)
                                        : 0);
        line.serviceDate = l.serviceDate;
        if (l.placeOfService && *l.placeOfService != claim.placeOfService)
            line.placeOfService = *l.placeOfService;
        c.lines.push_back(std::move(line));
    }
    return c;
}

Result<BatchOutcome> ClaimBatchStore::createBatch(const std::optional<std::vector<std::string>>& claimIds)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return std::unexpected(perm.error());
    auto settings = clearinghouse();
    if (!settings)
        return std::unexpected(settings.error());
    auto clinic = ClinicStore(m_session).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    auto zone = ClinicTime::forZone(clinic->timeZone);
    if (!zone)
        return std::unexpected(zone.error());

    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    ClaimStore claims(m_session);
    std::vector<Claim> candidates;
    if (claimIds) {
        for (const std::string& id : *claimIds) {
            auto claim = claims.get(id);
            if (!claim)
                return std::unexpected(claim.error());
            candidates.push_back(*claim);
        }
    } else {
        auto found =
            listRecords(m_session, claimRow(), "submitted_at IS NULL AND stage IN ('ready', 'queued') AND ? = ''",
                        std::string(), "service_date, patient_control_number");
        if (!found)
            return std::unexpected(found.error());
        candidates = std::move(*found);
    }

    BatchOutcome out;
    Batch837 batch;
    std::vector<const Claim*> included;
    for (const Claim& claim : candidates) {
        if (claim.submittedAt)
            return std::unexpected(Error::make(ErrorCode::Conflict, "submitted_at", Rule::Fixed, {{"id", claim.id}}));
        auto findings = claims.scrub(claim.id);
        if (!findings)
            return std::unexpected(findings.error());
        if (!findings->empty() || claim.stage == "draft") {
            out.held.push_back({claim.id, claim.patientControlNumber, std::move(*findings)});
            continue;
        }
        auto c = claim837(claim);
        if (!c)
            return std::unexpected(c.error());
        batch.claims.push_back(std::move(*c));
        included.push_back(&claim);
    }
    if (included.empty())
        return std::unexpected(Error::make(ErrorCode::Validation, "claims", Rule::Required));

    auto control = nextInterchangeControl(m_session);
    if (!control)
        return std::unexpected(control.error());
    const std::int64_t nowMs = m_session.clock().nowMs();
    const LocalDateTime local = zone->toLocal(nowMs);
    batch.senderQualifier = settings->senderQualifier;
    batch.senderId = settings->submitterId;
    batch.receiverQualifier = settings->receiverQualifier;
    batch.receiverId = settings->receiverId;
    batch.production = settings->production;
    batch.interchangeControl = *control;
    batch.groupControl = *control;
    batch.setControl = "0001";
    batch.batchId = std::to_string(*control);
    batch.date = local.date.substr(0, 4) + local.date.substr(5, 2) + local.date.substr(8, 2);
    const int hour = local.minuteOfDay / 60, minute = local.minuteOfDay % 60;
    batch.time = (hour < 10 ? "0" : "") + std::to_string(hour) + (minute < 10 ? "0" : "") + std::to_string(minute);
    batch.submitter = {clinic->name, {}, {}, false};
    batch.submitterId = settings->submitterId;
    batch.contactName = settings->contactName;
    batch.contactPhone = settings->contactPhone;
    batch.receiverName = settings->name;
    auto written = write837(batch);
    if (!written) {
        // The scrubber checks what the writer refuses; a refusal here names the claim and field all the same.
        const Claim837Issue& issue = written.error();
        Error e = Error::make(ErrorCode::Validation, issue.field, Rule::Format,
                              {{"format", "x12"}, {"problem", std::string(claim837ProblemName(issue.problem))}});
        if (issue.claim >= 0)
            e.params["claim"] = included[static_cast<std::size_t>(issue.claim)]->patientControlNumber;
        return std::unexpected(std::move(e));
    }

    const std::string at = utcTimestamp(nowMs);
    out.batch.id = m_session.newId();
    out.batch.interchangeControl = *control;
    out.batch.groupControl = *control;
    out.batch.setControl = batch.setControl;
    out.batch.createdAt = at;
    out.batch.createdBy = m_session.actor().userId;
    out.batch.claimCount = static_cast<int>(included.size());
    for (const Claim* c : included)
        out.batch.totalCents += c->totalCents;
    out.batch.sha256 = sha256Hex(written->text);
    if (Status s = writeRecord(m_session, claimBatchRow(), out.batch.id, out.batch, std::nullopt); !s)
        return std::unexpected(s.error());
    // Each segment's claim and fields, for reading a 999's errors back onto them.
    std::string segmentMap;
    for (const auto& [position, origin] : written->origins) {
        segmentMap += std::to_string(position) + '\t';
        if (origin.claim >= 0)
            segmentMap += included[static_cast<std::size_t>(origin.claim)]->patientControlNumber;
        segmentMap += '\t' + origin.loop + '\t';
        bool first = true;
        for (const auto& [element, field] : origin.fields) {
            segmentMap += (first ? "" : ",") + std::to_string(element) + "=" + field;
            first = false;
        }
        segmentMap += '\n';
    }
    auto keep = m_session.db().prepare("INSERT INTO x12_file (id, batch_id, kind, direction, interchange_control, at, "
                                       "sha256, content, segment_map) VALUES (?, ?, '837', 'out', ?, ?, ?, ?, ?);");
    if (!keep)
        return std::unexpected(keep.error());
    keep->bind(1, m_session.newId())
        .bind(2, out.batch.id)
        .bind(3, std::to_string(*control))
        .bind(4, at)
        .bind(5, out.batch.sha256)
        .bind(6, written->text)
        .bind(7, segmentMap);
    if (Status s = keep->run(); !s)
        return std::unexpected(s.error());
    // Thousands of writes: the rules' context is read once, and the claims' audit event says "submitted".
    auto context = records::ruleContext(m_session);
    if (!context)
        return std::unexpected(context.error());
    const records::WriteOptions quiet{.audited = false, .context = &*context};
    for (const Claim* c : included) {
        Claim submitted = *c;
        submitted.batchId = out.batch.id;
        submitted.submittedAt = at;
        if (Status s = writeRecord(m_session, claimRow(), c->id, submitted, *c,
                                   records::WriteOptions{.auditDetail = "submitted", .context = &*context});
            !s)
            return std::unexpected(s.error());
        auto lines = claims.lines(c->id);
        if (!lines)
            return std::unexpected(lines.error());
        for (const ClaimLine& l : *lines) {
            ClaimLine locked = l;
            locked.submittedAt = at;
            if (Status s = writeRecord(m_session, claimLineRow(), l.id, locked, l, quiet); !s)
                return std::unexpected(s.error());
        }
        if (Status s =
                claims.addEvent({{}, c->id, "submitted", at, "user", out.batch.id, {}, {}, {}, {}}, &*context, false);
            !s)
            return std::unexpected(s.error());
        out.claimIds.push_back(c->id);
    }
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    out.text = std::move(written->text);
    return out;
}

Result<std::vector<ClaimBatch>> ClaimBatchStore::batches(int limit)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    return listRecords(m_session, claimBatchRow(), "? = ''", std::string(),
                       "created_at DESC LIMIT " + std::to_string(std::clamp(limit, 1, 10'000)));
}

Result<std::vector<ClaimBatch>> ClaimBatchStore::unsent()
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return std::unexpected(perm.error());
    return listRecords(m_session, claimBatchRow(),
                       "state = 'created' AND id IN (SELECT batch_id FROM x12_file WHERE kind = '837' AND direction = "
                       "'out') AND ? = ''",
                       std::string(), "created_at");
}

Status ClaimBatchStore::markSent(const std::string& batchId)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return perm;
    auto batch = loadRecord(m_session, claimBatchRow(), batchId);
    if (!batch)
        return std::unexpected(batch.error());
    if (batch->state != "created")
        return {};
    ClaimBatch sent = *batch;
    sent.state = "sent";
    Transaction tx(m_session.db()); // the row, its sync change and its audit event together
    if (!tx.begun())
        return tx.begun();
    if (Status s = writeRecord(m_session, claimBatchRow(), batchId, sent, *batch, "sent to the clearinghouse"); !s)
        return s;
    return tx.commit();
}

Status ClaimBatchStore::markRefused(const std::string& batchId, const std::string& errorCode)
{
    if (Status perm = m_session.require(Permission::BillingWrite); !perm)
        return perm;
    auto batch = loadRecord(m_session, claimBatchRow(), batchId);
    if (!batch)
        return std::unexpected(batch.error());
    ClaimBatch refused = *batch;
    refused.state = "rejected";
    refused.answeredAt = utcTimestamp(m_session.clock().nowMs());
    refused.answer = ("CORE:" + errorCode).substr(0, 4000);
    Transaction tx(m_session.db());
    if (!tx.begun())
        return tx.begun();
    if (Status s = writeRecord(m_session, claimBatchRow(), batchId, refused, *batch, "refused by the clearinghouse");
        !s)
        return s;
    return tx.commit();
}

Result<std::string> ClaimBatchStore::fileOf(const std::string& batchId)
{
    if (Status perm = m_session.require(Permission::BillingRead); !perm)
        return std::unexpected(perm.error());
    auto stmt = m_session.db().prepare(
        "SELECT content FROM x12_file WHERE batch_id = ? AND kind = '837' AND direction = 'out' LIMIT 1;");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, batchId);
    return stmt->one<std::string>([](const Statement& s) { return s.text(0); }, "x12_file", batchId);
}

} // namespace practica::core
